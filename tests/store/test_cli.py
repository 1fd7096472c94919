"""``claimledger ingest``, ``claims`` and ``sources``: thin layers over the Python API."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import synthetic
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.store import db, write

runner = CliRunner()


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = tmp_path / "ledger.db"
    engine = db.create(str(path))
    write.store(engine, [synthetic.analyse(synthetic.article(i)) for i in range(9)])
    engine.dispose()
    return str(path)


def test_claims_jsonl_with_filters(store: str) -> None:
    result = runner.invoke(
        app, ["claims", "--db", store, "--source", "Anna Berg", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["source_entity"] for r in rows} == {"Anna Berg"}
    assert all(r["content"] for r in rows)


def test_claims_csv_and_table(store: str) -> None:
    result = runner.invoke(app, ["claims", "--db", store, "--text", "bridge", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all("bridge" in r["content"] for r in rows)
    assert rows[0]["via"] == "Wire Service"
    table = runner.invoke(app, ["claims", "--db", store, "--limit", "2", "--format", "table"])
    assert table.exit_code == 0 and "claims" in table.stdout


def test_sources_jsonl(store: str) -> None:
    result = runner.invoke(app, ["sources", "--db", store, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["name"] for r in rows} == set(synthetic.PEOPLE)
    assert all(r["claims"] >= 1 and isinstance(r["channels"], list) for r in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["claims", "--since", "yesterday"], "since must be a date"),
        (["claims", "--kind", "quoted"], "kind must be one of"),
        (["claims", "--limit", "0"], "limit must be between"),
        (["claims", "--format", "xml"], "table, jsonl, csv"),
    ],
)
def test_bad_options(store: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", store])
    assert result.exit_code != 0
    assert message in result.output


def test_a_missing_store_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    result = runner.invoke(app, ["claims", "--db", str(missing)])
    assert result.exit_code == 1 and "no store at" in result.output
    assert not missing.exists()


def test_ingest_command_summary_and_exit_status(tmp_path: Path) -> None:
    corpus = synthetic.write_jsonl(tmp_path / "in.jsonl", 3, bad_every=3)
    path = tmp_path / "ledger.db"
    args = ["ingest", str(corpus), "--db", str(path), "--workers", "1", "--json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 2  # one input was rejected, the others are stored
    summary = json.loads(first.stdout.splitlines()[-1])
    assert (summary["new"], summary["rejected"]) == (2, 1)
    assert summary["rejected_reasons"] == {"bad_json": 1}
    again = json.loads(runner.invoke(app, args).stdout.splitlines()[-1])
    assert (again["new"], again["unchanged"]) == (0, 2)
