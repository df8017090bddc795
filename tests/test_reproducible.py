"""The same commit builds a byte-identical site, wherever and whenever it is built."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, copy_project

pytestmark = pytest.mark.slow


def _digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*")) if p.is_file()
    }


def _commit(project: Path) -> None:
    """A git checkout with one commit, dated like a real one."""
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-01T12:00:00+0100", "GIT_COMMITTER_DATE": "2026-11-01T12:00:00+0100",
           "GIT_AUTHOR_NAME": "Handbook", "GIT_AUTHOR_EMAIL": "handbook@example.org",
           "GIT_COMMITTER_NAME": "Handbook", "GIT_COMMITTER_EMAIL": "handbook@example.org"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "records"]):
        subprocess.run(command, cwd=project, env=env, check=True)


def test_two_clean_builds_in_other_folders_time_zones_and_locales_are_identical(tmp_path: Path) -> None:
    sites = []
    for name, zone, locale in (("eerste", "Europe/Amsterdam", "nl_NL.UTF-8"), ("tweede-map", "Pacific/Auckland", "C")):
        project = copy_project(tmp_path / name / "handbook-checkout")
        _commit(project)
        env = {key: value for key, value in os.environ.items() if key not in ("SOURCE_DATE_EPOCH", "HANDBOOK_CACHE")}
        # Each draws its own charts, in its own folder's cache (none kept by another build).
        env.update(TZ=zone, LANG=locale, LC_ALL=locale, PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, "-m", "generator", "build", "--project", str(project)], env=env, check=True)
        sites.append(_digest(project / "site"))
        # Dates come from the commit (2026-11-01), not from the clock:
        # the gzip header of the sitemap carries one.
        header = (project / "site" / "sitemap.xml.gz").read_bytes()[:10]
        assert int.from_bytes(header[4:8], "little") == 1793491200  # 2026-11-01 00:00 UTC
    assert len(sites[0]) > 50
    differing = sorted(path for path in sites[0].keys() | sites[1].keys() if sites[0].get(path) != sites[1].get(path))
    assert differing == []
