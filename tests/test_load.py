"""The hardened YAML reader: plain strings, positions, and one located message per hazard."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.records.read import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    Document,
    decode,
    parse_yaml,
    read_document,
    split_front_matter,
)
from generator.words.problems import Problems

PATH = "data/x.yml"


def parse(text: str, line_offset: int = 0) -> tuple[Document, list[str]]:
    problems = Problems()
    doc = parse_yaml(text, PATH, problems, line_offset)
    return doc, [str(p) for p in problems.items]


def read(tmp_path: Path, name: str, raw: bytes) -> tuple[Document, list[str]]:
    """Write `raw` to a file called `name` and read it as record `data/<name>`."""
    file = tmp_path / name
    file.write_bytes(raw)
    problems = Problems()
    doc = read_document(file, f"data/{name}", problems)
    return doc, [str(p) for p in problems.items]


# --- scalars stay strings -------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["NO", "yes", "true", "010", "1:20", "0x1F", "1e3", ".inf", "2012-03-01", "'~'", "nULL"],
)
def test_every_scalar_stays_the_exact_string(written):
    doc, problems = parse(f"a: {written}\n")
    assert problems == []
    assert doc.data == {"a": written.strip("'")}


@pytest.mark.parametrize(
    "written", ["", "~", "null", "Null", "NULL"], ids=["empty", "tilde", "null", "Null", "NULL"]
)
def test_empty_tilde_and_null_are_no_value(written):
    doc, problems = parse(f"a: {written}\n")
    assert problems == []
    assert doc.data == {"a": None}


@pytest.mark.parametrize("written", ["'null'", '"null"', "''"], ids=["single", "double", "empty"])
def test_quoted_null_and_quoted_empty_stay_strings(written):
    doc, problems = parse(f"a: {written}\n")
    assert problems == []
    assert doc.data == {"a": written[1:-1]}


def test_nested_groups_and_lists_hold_strings():
    doc, problems = parse("a: 1\nb:\n  c: [x, 2]\n  d:\n    - e: no\n")
    assert problems == []
    assert doc.data == {"a": "1", "b": {"c": ["x", "2"], "d": [{"e": "no"}]}}


# --- positions ------------------------------------------------------------------


def test_values_and_keys_have_one_based_line_and_column():
    doc, _ = parse(
        "title: Hallo\n"
        "period:\n"
        "  start: 2010-02-01\n"
        "channels: [social, jobboards]\n"
        "results:\n"
        "  - channel: social\n"
        "    reach: 12000\n"
    )
    assert doc.values == {
        (): (1, 1),
        ("title",): (1, 8),
        ("period",): (3, 3),
        ("period", "start"): (3, 10),
        ("channels",): (4, 11),
        ("channels", 0): (4, 12),
        ("channels", 1): (4, 20),
        ("results",): (6, 3),
        ("results", 0): (6, 5),
        ("results", 0, "channel"): (6, 14),
        ("results", 0, "reach"): (7, 12),
    }
    assert doc.keys == {
        ("title",): (1, 1),
        ("period",): (2, 1),
        ("period", "start"): (3, 3),
        ("channels",): (4, 1),
        ("results",): (5, 1),
        ("results", 0, "channel"): (6, 5),
        ("results", 0, "reach"): (7, 5),
    }


def test_at_falls_back_to_the_nearest_ancestor_and_key_at_to_the_value():
    doc, _ = parse("a:\n  b: [x]\n")
    assert doc.at(("a", "b", 0)) == (2, 7)
    assert doc.at(("a", "b", 5, "c")) == (2, 6)
    assert doc.at(("nothing",)) == (1, 1)
    assert doc.key_at(("a", "b")) == (2, 3)
    assert doc.key_at(("a", "b", 0)) == (2, 7)


def test_line_offset_shifts_lines_not_columns():
    doc, problems = parse("a: 1\nb: b: c\n", line_offset=4)
    assert doc.values[("a",)] == (5, 4)
    assert problems == [
        "data/x.yml:6:5: error: this is not valid YAML: mapping values are not allowed in this context "
        "(a ':' followed by a space starts a new field; put text that contains ': ' in quotes)"
    ]


def test_front_matter_fields_start_on_line_2_and_the_body_line_is_recorded(tmp_path):
    doc, problems = read(
        tmp_path, "x.md",
        b"---\ntitle: Hallo\nchannels:\n  - social\n---\n\nThe story.\nMore.\n\n",
    )
    assert problems == []
    assert doc.data == {"title": "Hallo", "channels": ["social"]}
    assert doc.values[("title",)] == (2, 8)
    assert doc.keys[("channels",)] == (3, 1)
    assert doc.values[("channels", 0)] == (4, 5)
    assert doc.body == "The story.\nMore."
    assert doc.body_line == 7


def test_front_matter_with_windows_line_ends(tmp_path):
    doc, problems = read(tmp_path, "x.md", b"---\r\ntitle: Hallo\r\n---\r\nThe story.\r\n")
    assert problems == []
    assert doc.data == {"title": "Hallo"}
    assert doc.values[("title",)] == (2, 8)
    assert doc.body_line == 4


def test_front_matter_positions_after_a_blank_line(tmp_path):
    doc, problems = read(tmp_path, "x.md", b"---\n\ntitle: Hallo\nlevel: a: b\n---\nThe story.\n")
    assert doc.keys[("title",)] == (3, 1)
    assert problems == [
        "data/x.md:4:9: error: this is not valid YAML: mapping values are not allowed in this context "
        "(a ':' followed by a space starts a new field; put text that contains ': ' in quotes)"
    ]


# --- hazards: each gives exactly one located message --------------------------


def invalid_yaml(text: str) -> str:
    return f"this is not valid YAML: {text}"


HAZARDS = [
    pytest.param(
        "a: 1\nb: 2\na: 3\n",
        "data/x.yml:3:1: error: field 'a' is given twice (first on line 1); keep one",
        id="duplicate-key",
    ),
    pytest.param(
        "a: 1\nb:\n  c: 1\n  c: 2\n",
        "data/x.yml:4:3: error: field 'c' is given twice (first on line 3); keep one",
        id="duplicate-nested-key",
    ),
    pytest.param(
        "a: &x 1\nb: 2\n",
        "data/x.yml:1:4: error: '&x' marks a part of the file for repeating (a YAML anchor); remove it",
        id="anchor",
    ),
    pytest.param(
        "a: 1\nb: *x\n",
        "data/x.yml:2:4: error: '*x' repeats another part of the file (a YAML alias); write the value out in full",
        id="alias",
    ),
    pytest.param(
        "a: !!python/object:os.system x\n",
        "data/x.yml:1:4: error: '!!python/object:os.system' is a YAML type tag; "
        "records hold plain values only, remove it",
        id="python-object-tag",
    ),
    pytest.param(
        "a: !!int 3\n",
        "data/x.yml:1:4: error: '!!int' is a YAML type tag; records hold plain values only, remove it",
        id="int-tag",
    ),
    pytest.param(
        "a: 1\n---\nb: 2\n",
        "data/x.yml:2:1: error: a record holds one YAML document; remove this '---' and what follows",
        id="several-documents",
    ),
    pytest.param(
        "a: " + "[" * (MAX_DEPTH) + "]" * (MAX_DEPTH) + "\n",
        "data/x.yml:1:27: error: the fields are nested more than 24 levels deep; records are never this deep",
        id="too-deep-flow",
    ),
    pytest.param(
        "".join("  " * level + f"k{level}:\n" for level in range(MAX_DEPTH + 3)),
        "data/x.yml:25:49: error: the fields are nested more than 24 levels deep; records are never this deep",
        id="too-deep-block",
    ),
    pytest.param(
        "- a\n- b\n",
        "data/x.yml:1:1: error: a record must be a set of fields (name: value), not a list",
        id="list",
    ),
    pytest.param(
        "hello\n",
        "data/x.yml:1:1: error: a record must be a set of fields (name: value), not a single value",
        id="single-value",
    ),
    pytest.param("", "data/x.yml:1:1: error: the record is empty; it needs its fields (name: value)", id="empty"),
    pytest.param(
        "# only a comment\n\n",
        "data/x.yml:1:1: error: the record is empty; it needs its fields (name: value)",
        id="only-a-comment",
    ),
    pytest.param(
        "a: b: c\n",
        "data/x.yml:1:5: error: " + invalid_yaml(
            "mapping values are not allowed in this context "
            "(a ':' followed by a space starts a new field; put text that contains ': ' in quotes)"
        ),
        id="colon-in-value",
    ),
    pytest.param(
        "a: 1\n- b\n",
        "data/x.yml:2:1: error: " + invalid_yaml(
            "did not find expected key (check the indentation of this line and the one before it)"
        ),
        id="bad-indentation",
    ),
    pytest.param(
        "a: 1\n\tb: 2\n",
        "data/x.yml:2:1: error: " + invalid_yaml(
            "found a tab character that violates indentation (indent with spaces, not tabs)"
        ),
        id="tab-after-value",
    ),
    pytest.param(
        "a: [1, 2\n",
        "data/x.yml:1:4: error: " + invalid_yaml("did not find expected ',' or ']'"),
        id="unclosed-bracket",
    ),
    pytest.param(
        "[a, b]: 1\n",
        "data/x.yml:1:1: error: a field name must be plain text, not a list",
        id="key-is-a-list",
    ),
    pytest.param(
        "{a: 1}: 2\n",
        "data/x.yml:1:1: error: a field name must be plain text, not a group of fields",
        id="key-is-a-group",
    ),
    pytest.param(
        "a: 1\n? \n: 2\n",
        "data/x.yml:2:2: error: a field needs a name before its ':'",
        id="key-is-empty",
    ),
]


@pytest.mark.parametrize(("text", "message"), HAZARDS)
def test_hazard_gives_one_located_message(text, message):
    _, problems = parse(text)
    assert problems == [message]


def test_the_first_of_duplicate_keys_is_kept():
    doc, _ = parse("a: 1\nb: 2\na: 3\n")
    assert doc.data == {"a": "1", "b": "2"}


@pytest.mark.parametrize(
    ("text", "data"),
    [
        pytest.param("a: [x]\n[b]: 1\n", {"a": ["x"]}, id="bad-key-keeps-the-rest"),
        pytest.param("a: &x 1\n", {"a": "1"}, id="anchor-keeps-the-value"),
        pytest.param("- a\n", None, id="list"),
        pytest.param("a: 1\n---\nb: 2\n", None, id="several-documents"),
        pytest.param("a: b: c\n", None, id="invalid"),
    ],
)
def test_data_after_a_hazard(text, data):
    doc, _ = parse(text)
    assert doc.data == data


def test_nesting_exactly_max_depth_is_accepted():
    doc, problems = parse("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n")
    assert problems == []
    assert doc.data is not None


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000, "a: " + "[" * 100_000 + "]" * 100_000 + "\n", "a: " + "{a: " * 100_000],
    ids=["unclosed-lists", "closed-lists", "groups"],
)
def test_100000_deep_nesting_returns_promptly_with_the_depth_message(text):
    started = time.monotonic()
    doc, problems = parse(text)
    assert time.monotonic() - started < 5
    assert doc.data is None
    assert len(problems) == 1
    assert problems[0].endswith(
        ": error: the fields are nested more than 24 levels deep; records are never this deep"
    )


class _CountedLines(list):
    """A file's lines that count how many of them are read."""

    read = 0

    def __getitem__(self, key):
        self.read += len(range(*key.indices(len(self)))) if isinstance(key, slice) else 1
        return super().__getitem__(key)

    def __iter__(self):
        for index in range(len(self)):
            yield self[index]


def test_a_block_s_indentation_is_read_from_its_own_lines_not_the_rest_of_the_file():
    """Where a block's lines stand is read from its lines: reading the rest of
    the file for each block made 80,000 blocks in one file take half a minute."""
    from generator.records.read import _block_indent

    lines = _CountedLines(["evidence:"] + ["  - |", "    x"] * 10_000)
    assert [_block_indent(lines, header, "x\n") for header in range(1, 20_000, 2)] == [4] * 10_000
    assert lines.read <= 2 * 10_000


def test_every_one_of_many_blocks_keeps_its_own_indentation():
    text = "evidence:\n" + "".join(f"  - |\n{' ' * (4 + n % 3)}x {n}\n" for n in range(20_000))
    doc, problems = parse(text)
    assert problems == []
    assert [doc.block_scalars[("evidence", n)] for n in range(20_000)] == [4 + n % 3 for n in range(20_000)]


def test_tab_indentation_is_explained():
    _, problems = parse("a:\n\tb: 1\n")
    assert problems == [
        "data/x.yml:2:1: error: " + invalid_yaml("found character that cannot start any token (indent with spaces, not tabs)")
    ]


def test_line_without_colon_is_reported_on_that_line():
    _, problems = parse("a: x\nb\nc: 1\n")
    assert problems == [
        "data/x.yml:2:1: error: " + invalid_yaml(
            "could not find expected ':' (each line of a group of fields must look like 'name: value')"
        )
    ]


# --- bytes -> text ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        pytest.param(
            "a: café\n".encode("latin-1"),
            "data/x.yml:1:7: error: the file is not UTF-8 text (byte 0xe9 here); save it as UTF-8",
            id="latin-1",
        ),
        pytest.param(
            b"a: 1\nb: \xc3\xa9\xff\n",  # 'é' then a stray byte
            "data/x.yml:2:5: error: the file is not UTF-8 text (byte 0xff here); save it as UTF-8",
            id="after-a-multibyte-character",
        ),
        pytest.param(
            "a: 1\nb: é\x00\n".encode("utf-8"),
            "data/x.yml:2:5: error: the file contains a NUL character; is it a binary file?",
            id="nul",
        ),
        pytest.param(
            b"a: " + b"x" * (MAX_FILE_BYTES - 2),
            "data/x.yml:1:1: error: the file is larger than 1,000,000 bytes; a record is never this long",
            id="too-large",
        ),
    ],
)
def test_decode_refuses_with_a_located_message(raw, message):
    problems = Problems()
    assert decode(raw, PATH, problems) is None
    assert [str(p) for p in problems.items] == [message]


def _invisible(text: str) -> list[str]:
    problems = Problems()
    decode(text.encode("utf-8"), PATH, problems)
    return [str(problem) for problem in problems.items]


@pytest.mark.parametrize("emoji", [
    "👩\u200d💻", "❤\ufe0f", "✌\ufe0e", "🏳\ufe0f\u200d🌈", "👩\U0001f3fd\u200d💻", "❤\ufe0f\u200d🔥", "🏃\u200d♀\ufe0f",
    "1\ufe0f\u20e3", "👨\u200d👩\u200d👧", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f", "a\ufe0f",
])
def test_the_invisible_parts_of_an_emoji_are_no_hidden_characters(emoji: str) -> None:
    assert _invisible(f"title: Team {emoji} wint\n") == []


@pytest.mark.parametrize(("text", "col", "said"), [
    ("a\u200db", 9, "U+200D ZERO WIDTH JOINER"),
    ("👩\u200d", 9, "U+200D ZERO WIDTH JOINER"),
    ("\u200d💻", 8, "U+200D ZERO WIDTH JOINER"),
    ("👩\u200d\u200d💻", 9, "U+200D ZERO WIDTH JOINER"),
    ("\ufe0f", 8, "U+FE0F VARIATION SELECTOR-16"),
    (" \ufe0f", 9, "U+FE0F VARIATION SELECTOR-16"),
    ("❤\ufe0f\ufe0f", 10, "U+FE0F VARIATION SELECTOR-16"),
    ("a\U000e0067\U000e0062", 9, "U+E0067 TAG LATIN SMALL LETTER G"),
    ("🏴\U000e0061\U000e007f", 9, "U+E0061 TAG LATIN SMALL LETTER A"),
])
def test_an_invisible_character_beside_an_emoji_is_still_said(text: str, col: int, said: str) -> None:
    assert _invisible(f"title: {text}\n")[0] == (
        f"data/x.yml:1:{col}: error: an invisible character ({said}) is here; remove it (it can change how the text "
        "is shown or read)")


def test_at_most_twenty_invisible_characters_of_a_file_are_said_each_at_its_line():
    said = _invisible("title: x\n" + "lesson: a\u00adb\n" * 30)
    assert said == [f"data/x.yml:{line}:10: error: an invisible character (U+00AD SOFT HYPHEN) is here; remove it (it "
                    "can change how the text is shown or read)" for line in range(2, 22)]


def test_decode_drops_a_byte_order_mark():
    problems = Problems()
    assert decode(b"\xef\xbb\xbfa: 1\n", PATH, problems) == "a: 1\n"
    assert problems.items == []


def test_decode_accepts_exactly_max_file_bytes():
    problems = Problems()
    assert decode(b"a" * MAX_FILE_BYTES, PATH, problems) == "a" * MAX_FILE_BYTES
    assert problems.items == []


@pytest.mark.parametrize("name", ["x.yml", "x.md"])
def test_read_document_parses_a_file_with_a_byte_order_mark(tmp_path, name):
    text = "a: 1\nb: [x]\n" if name == "x.yml" else "---\na: 1\nb: [x]\n---\nBody\n"
    doc, problems = read(tmp_path, name, b"\xef\xbb\xbf" + text.encode())
    assert problems == []
    assert doc.data == {"a": "1", "b": ["x"]}
    assert doc.values[("a",)] == ((1, 4) if name == "x.yml" else (2, 4))


def test_read_document_refuses_a_file_larger_than_the_limit(tmp_path):
    doc, problems = read(tmp_path, "x.yml", b"a: " + b"x" * MAX_FILE_BYTES)
    assert doc.data is None
    assert problems == [
        "data/x.yml:1:1: error: the file is larger than 1,000,000 bytes; a record is never this long"
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        pytest.param(b"a: \xe9\n", "data/x.yml:1:4: error: the file is not UTF-8 text (byte 0xe9 here); save it as UTF-8",
                     id="not-utf8"),
        pytest.param(b"a: 1\x00\n", "data/x.yml:1:5: error: the file contains a NUL character; is it a binary file?",
                     id="nul"),
        pytest.param(b"", "data/x.yml:1:1: error: the record is empty; it needs its fields (name: value)",
                     id="empty"),
    ],
)
def test_read_document_never_returns_an_empty_record_silently(tmp_path, raw, message):
    doc, problems = read(tmp_path, "x.yml", raw)
    assert doc.data is None
    assert problems == [message]


# --- front matter -------------------------------------------------------------------


FRONT_MATTER = [
    pytest.param(
        "title: Hallo\n---\nBody\n",
        "data/x.md:1:1: error: a Markdown record must start with a line '---', then its fields, then a line '---'",
        id="no-opening-line",
    ),
    pytest.param(
        "\n---\ntitle: Hallo\n---\nBody\n",
        "data/x.md:1:1: error: a Markdown record must start with a line '---', then its fields, then a line '---'",
        id="blank-line-before-opening",
    ),
    pytest.param(
        "",
        "data/x.md:1:1: error: a Markdown record must start with a line '---', then its fields, then a line '---'",
        id="empty-file",
    ),
    pytest.param(
        "---\ntitle: Hallo\nBody\n",
        "data/x.md:1:1: error: the fields at the top are not closed: add a line '---' after the last field",
        id="unclosed",
    ),
    pytest.param(
        "---\n---\nBody\n",
        "data/x.md:1:1: error: the fields between the two '---' lines are missing",
        id="nothing-between",
    ),
    pytest.param(
        "---\n   \n---\nBody\n",
        "data/x.md:1:1: error: the fields between the two '---' lines are missing",
        id="only-spaces-between",
    ),
]


@pytest.mark.parametrize(("text", "message"), FRONT_MATTER)
def test_split_front_matter_refuses_with_a_message(text, message):
    problems = Problems()
    assert split_front_matter(text, "data/x.md", problems) is None
    assert [str(p) for p in problems.items] == [message]


@pytest.mark.parametrize(("text", "message"), FRONT_MATTER)
def test_read_document_of_bad_front_matter_has_no_data(tmp_path, text, message):
    doc, problems = read(tmp_path, "x.md", text.encode())
    assert doc.data is None
    assert problems == [message]


def test_split_front_matter_returns_fields_body_and_the_lines_they_start_on():
    # Each part starts with the rest of its '---' line, so line 1 of the
    # fields is line 1 of the file and line 3 of the file starts the body.
    problems = Problems()
    parts = split_front_matter("---\ntitle: Hallo\n---\nBody\n---\nmore\n", "data/x.md", problems)
    assert parts == ("\ntitle: Hallo\n", 1, "\nBody\n---\nmore\n", 3)
    assert problems.items == []


def test_a_later_dashes_line_belongs_to_the_body(tmp_path):
    doc, problems = read(tmp_path, "x.md", b"---\ntitle: Hallo\n---\nBody\n---\nmore\n")
    assert problems == []
    assert doc.body == "Body\n---\nmore"
    assert doc.body_line == 4


def test_front_matter_hazards_are_located_in_the_file(tmp_path):
    doc, problems = read(tmp_path, "x.md", b"---\ntitle: a\ntitle: b\n---\nBody\n")
    assert doc.data == {"title": "a"}
    assert problems == ["data/x.md:3:1: error: field 'title' is given twice (first on line 2); keep one"]


def test_front_matter_without_body(tmp_path):
    doc, problems = read(tmp_path, "x.md", b"---\ntitle: Hallo\n---\n")
    assert problems == []
    assert doc.data == {"title": "Hallo"}
    assert doc.body == ""
