"""`handbook synth`: a deterministic, valid synthetic data set."""

from __future__ import annotations

import hashlib
import typing
from pathlib import Path

from click.testing import CliRunner
from pydantic import BaseModel

from benchmarks.synth import synthesize
from generator.records.load import load_catalog
from generator.records.models import RECORD_KINDS, Taxonomy

from .conftest import TODAY
from generator.cli import main
from generator.words.problems import Problems


def _digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _synth(out: Path, records: int, seed: int) -> str:
    result = CliRunner().invoke(main, ["synth", "--records", str(records), "--out", str(out), "--seed", str(seed)])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_same_seed_gives_the_same_files_and_another_seed_others(tmp_path: Path) -> None:
    _synth(tmp_path / "a", 400, 3)
    _synth(tmp_path / "b", 400, 3)
    _synth(tmp_path / "c", 400, 4)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_the_data_set_is_valid_and_about_the_size_asked(tmp_path: Path) -> None:
    output = _synth(tmp_path, 1000, 11)
    problems = Problems()
    catalog = load_catalog(tmp_path, problems, TODAY)
    assert [str(p) for p in problems.items] == []
    assert catalog is not None
    assert 900 <= len(catalog) <= 1100
    assert f"{len(catalog.campaigns)} campaign" in output
    # Realistic proportions: more lessons than campaigns, people and accounts present.
    assert len(catalog.lessons) > len(catalog.campaigns) > len(catalog.people) >= 12
    assert len(catalog.accounts) > 0 and len(catalog.guidelines) > 0
    assert any(e.record.recurs for e in catalog.lessons.values())
    assert any(e.record.status == "superseded" for e in catalog.lessons.values())
    assert any(e.record.left for e in catalog.people.values())


def test_synth_never_writes_over_existing_records(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "taxonomy.yml").write_text("mijn: taxonomie\n", "utf-8")
    result = CliRunner().invoke(main, ["synth", "--records", "50", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("synth: ")
    assert (tmp_path / "data" / "taxonomy.yml").read_text("utf-8") == "mijn: taxonomie\n"


def _models_within(model: type[BaseModel]) -> list[type[BaseModel]]:
    """`model` and every model its fields hold (a campaign's results and
    learning goals, a lesson's applies_to, the taxonomy's terms), read from
    the annotations: a model no record happens to have is still named."""
    found: list[type[BaseModel]] = []
    pending: list[typing.Any] = [model]
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                pending += [info.annotation for info in annotation.model_fields.values()]
        else:
            pending += typing.get_args(annotation)
    return found


def test_the_data_set_fills_every_field_of_every_model(tmp_path: Path) -> None:
    """Each field of each model, optional ones included, is written with a
    value in at least one record: pages and checks of a field the data set
    never has would go unmeasured by the benchmark and untested at scale."""
    synthesize(tmp_path, 300, seed=2)
    problems = Problems()
    catalog = load_catalog(tmp_path, problems, TODAY)
    assert [str(p) for p in problems.items] == []
    assert catalog is not None
    fields = {(model.__name__, name) for kind in (Taxonomy, *RECORD_KINDS) for model in _models_within(kind)
              for name in model.model_fields}
    filled: set[tuple[str, str]] = set()
    pending: list[typing.Any] = [catalog.taxonomy] + [entry.record for _, entry in catalog.entries()]
    while pending:
        value = pending.pop()
        if isinstance(value, BaseModel):
            for name in value.model_fields_set:  # written in the file, not a default
                held = getattr(value, name)
                if held is not None and held != "" and held != [] and held != {}:
                    filled.add((type(value).__name__, name))
                pending.append(held)
        elif isinstance(value, (list, tuple)):
            pending += value
        elif isinstance(value, dict):
            pending += value.values()
    assert len(fields) > 100  # every kind, and the models within them
    assert sorted(fields - filled) == []
