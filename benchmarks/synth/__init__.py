"""A synthetic data set: many valid records, for benchmarks and load tests.

`synthesize(out, records, seed)` writes a complete `data/` folder the way a
large employer's recruitment team would have filled it over the years
2009-2026: a taxonomy, people who join and leave, campaigns on the platforms
of their time (none on a platform after it closed), lessons drawn from those
campaigns that answer their learning goals, recur and supersede each other,
one guideline per platform, a register of accounts, and the handovers of
some of those who left.

Everything comes from one `random.Random(seed)`: the same (records, seed)
gives byte-identical files. Every file is written with PyYAML's safe
representer, so quoting is always right; the text is built from a Dutch
recruitment vocabulary and holds no HTML, email addresses or phone numbers
(the people registry, the one place for contact data, has example ones).

The package, in the order the data set is made: `words`, `archetypes` and
`sentences` hold the vocabulary, `text` builds Dutch text from it;
`dataset` is what every part shares; `platforms` (the taxonomy, guidelines
and accounts), `people`, `campaigns` and `lessons` make the records;
`writer` runs them in order and writes the files.
"""

from .writer import synthesize

__all__ = ["synthesize"]
