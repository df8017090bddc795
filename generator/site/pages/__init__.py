"""Catalog -> pages: one provider per kind of page.

Each provider module offers `jobs(site, only)`: the pages it makes, as
(path, how to make it), so the writer can claim every path before any page
is made and pages are made one at a time. A provider reads the catalog
through the `Site` helper (language, relative links, labels) and returns plain
page contexts; it computes no verdict or figure of its own. A new kind of
page is a new provider, listed in `PROVIDERS`.
"""

from __future__ import annotations

from typing import Callable, Iterable

from . import dashboard, full_lists, handovers, home, indexes, overview, records, terms
from .shared import Job, Page, Site

PROVIDERS: tuple[Callable[[Site, set[str] | None], Iterable[Job]], ...] = (
    indexes.jobs,
    dashboard.jobs,
    home.jobs,
    overview.jobs,
    records.jobs,
    handovers.jobs,
    full_lists.jobs,
    terms.jobs,
)


def plan(site: Site, only: set[str] | None = None) -> list[Job]:
    """Every page as (path, how to make it), in a stable order. With `only`
    (record file paths), just those records' own pages."""
    return [job for provider in PROVIDERS for job in provider(site, only)]


__all__ = ["PROVIDERS", "Job", "Page", "Site", "plan"]
