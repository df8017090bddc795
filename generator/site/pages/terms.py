"""The pages of a vocabulary's terms, for every vocabulary that has them
(tags, channels ...): an index of its terms with how many records name each,
and a page per term with what the term means, its figures where the catalog
has them, and the records that name it, kind by kind (the first few of each,
and a link to all of them). What a vocabulary has is read from its
declaration (`records.vocabularies`); nothing here names one."""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from ...records.relations import inherited_lessons, term_relations
from ...records.vocabularies import VOCABULARIES, Term, Vocabulary
from ..render import Raw
from .shared import CURRENT_ONLY, Job, Page, Site, chart_of, term_path


def _index_path(vocabulary: Vocabulary) -> str:
    return f"{vocabulary.page}/index.md"


def _properties(site: Site, vocabulary: Vocabulary, ident: str) -> list[tuple[str, str]]:
    """What a term of this vocabulary says beyond its name and description
    (a channel's group): (label, value) in the site's language."""
    L = site.L
    term = getattr(site.c.taxonomy, vocabulary.section)[ident]
    found = []
    for name in vocabulary.model.model_fields:
        value = getattr(term, name)
        if name in Term.model_fields or value is None or value == []:
            continue
        values = value if isinstance(value, list) else [value]
        shown = ", ".join(L.get(f"{name}_{v}", L.get(str(v), str(v))) for v in values)
        found.append((L[name], shown))
    return found


def term_index(site: Site, vocabulary: Vocabulary) -> Page:
    c, L, path = site.c, site.L, _index_path(vocabulary)
    names = site.names[vocabulary.term]
    relations = term_relations(vocabulary)
    terms = sorted(names, key=lambda k: (names[k].casefold(), k))
    extra = [L[name] for name in vocabulary.model.model_fields if name not in Term.model_fields]
    return Page(path, "table.md.j2", {
        "title": L[vocabulary.section], "intro": L[f"all_{vocabulary.section}_intro"],
        "columns": [L[vocabulary.term]] + extra + [L[relation.records] for relation in relations],
        "secondary": list(range(1 + len(extra) + 2, 1 + len(extra) + len(relations))),
        "hide": ["toc"],
        "search_exclude": True,
        "rows": [[site.term_link(path, vocabulary.term, k)] + [value for _, value in _properties(site, vocabulary, k)]
                 + [len(c.of(relation, k)) for relation in relations] for k in terms],
    })


def term_page(site: Site, vocabulary: Vocabulary, ident: str) -> Page:
    c, L = site.c, site.L
    path = term_path(vocabulary.term, ident)
    figures = c.figures.get(vocabulary.term, {}).get(ident)
    sections: list[dict[str, Any]] = []
    for relation in term_relations(vocabulary):
        capped = site.capped(path, relation, ident)
        if capped["total"]:
            # lessons that apply to the term, or records that merely name it
            # (lessons of the campaigns that name it: `Vocabulary.lessons_inherit`)
            label = (L[f"more_{relation.records}"] if relation in CURRENT_ONLY
                     else L[f"lessons_of_{vocabulary.term}"] if vocabulary.lessons_inherit and relation == inherited_lessons(vocabulary)
                     else L[relation.records])
            sections.append({"label": label, "list": capped})
    return Page(path, "term.md.j2", {
        "crumbs": site.crumbs(path, _index_path(vocabulary), L[vocabulary.section], L[vocabulary.term]),
        "title": f"{L[vocabulary.term]}: {site.names[vocabulary.term][ident]}",
        "search_exclude": not vocabulary.searched,
        "filters": site.filters(vocabulary.term, terms={vocabulary.term: [ident]}) if vocabulary.searched else [],
        "description": getattr(c.taxonomy, vocabulary.section)[ident].description,
        "properties": _properties(site, vocabulary, ident),
        # The id an author writes in a record: for authors, in the footer.
        "for_authors": Raw("{} <code>{}</code>").format(L[f"{vocabulary.term}_id"], ident),
        "figures": figures,
        "chart": {"src": site.rel(path, chart_of(vocabulary.term, ident)),
                  "alt": L[f"chart_{vocabulary.section}_alt"]} if figures else None,
        "sections": sections,
        "unused": L[f"{vocabulary.term}_unused"],
        "review": None,
        "owner_plain": None,
        "source": site.source(None),
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    made: list[Job] = []
    for vocabulary in VOCABULARIES:
        if vocabulary.page is None or not vocabulary.own_pages:
            continue
        # The index is there while the vocabulary has no terms yet: the navigation may name it.
        made.append((_index_path(vocabulary), partial(term_index, site, vocabulary)))
        made += [(term_path(vocabulary.term, ident), partial(term_page, site, vocabulary, ident))
                 for ident in sorted(site.names[vocabulary.term])]
    return made
