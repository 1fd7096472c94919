"""``claimledger extract`` end to end, as a user runs it (a real subprocess)."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "newsweek-2025-01-11-nk-pows.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimledger", "extract", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_example_jsonl_follows_the_contract() -> None:
    proc = run(str(EXAMPLE), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["schema"] == 1
    assert doc["id"] == "newsweek-2025-01-11-nk-pows"
    assert doc["meta"]["published"] == "2025-01-11"
    assert doc["text"] == EXAMPLE.read_text(encoding="utf-8")
    for key in ("attributions", "quantities", "times", "entities", "diagnostics"):
        assert isinstance(doc[key], list)
    text = doc["text"]
    for a in doc["attributions"]:
        for role in ("source", "cue", "content"):
            span = a[role]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
        assert a["kind"] in ("direct", "indirect", "mixed", "according_to")


def test_table_and_json_formats() -> None:
    table = run(str(EXAMPLE), "--format", "table", "--workers", "1")
    assert table.returncode == 0
    assert "has alleged" in table.stdout and "via Yonhap News Agency" in table.stdout
    as_json = run(str(EXAMPLE), "--format", "json", "--workers", "1")
    assert isinstance(json.loads(as_json.stdout), list)


def test_stdin_with_published_and_outlet() -> None:
    proc = run(
        "-",
        "--published",
        "2024-05-03",
        "--outlet",
        "Example Times",
        stdin=("The mayor said on Thursday that the bridge would reopen."),
    )
    doc = json.loads(proc.stdout)
    assert doc["id"] == "stdin"
    assert doc["meta"]["outlet"] == "Example Times"
    (a,) = doc["attributions"]
    assert a["said_on"] == "2024-05-02"


def test_bad_inputs_in_a_batch(tmp_path: Path) -> None:
    good1 = tmp_path / "a-good.txt"
    good1.write_text("The minister said the talks had failed.", encoding="utf-8")
    empty = tmp_path / "b-empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "c-binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    cp1252 = tmp_path / "d-cp1252.txt"
    cp1252.write_bytes("The mayor said the café’s “future” was safe.".encode("cp1252"))
    huge = tmp_path / "e-huge.txt"
    huge.write_text("The council said the plan was approved. " * 130_000, encoding="utf-8")
    no_article = tmp_path / "f-menu.html"
    no_article.write_text("<html><body><nav>Home | About</nav></body></html>", encoding="utf-8")
    good2 = tmp_path / "g-good.html.gz"
    good2.write_bytes(
        gzip.compress(

                b"<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>"
                b"<p>The transport minister said on Monday that the old bridge would reopen "
                b"in May, after two years of repairs that cost more than 40 million euros.</p>"
                b"<p>Engineers found cracks in three of its twelve pillars in 2023, the city "
                b"said, and traffic has since crossed the river on a temporary steel span "
                b"further north.</p>"
                b"<p>Shop owners near the bridge said their sales had fallen by about a third.</p>"
                b"</article></body></html>"

        )
    )
    missing = tmp_path / "h-missing.txt"

    proc = run(*(str(p) for p in (good1, empty, binary, cp1252, huge, no_article, good2, missing)))
    assert proc.returncode == 2
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["a-good", "g-good"]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("claimledger:")]
    for bad, reason in [
        (empty, "empty"),
        (binary, "binary"),
        (cp1252, "not_utf8"),
        (huge, "too_large"),
        (no_article, "no_article"),
        (missing, "not_found"),
    ]:
        matching = [e for e in errors if bad.name in e]
        assert len(matching) == 1, (bad.name, proc.stderr)
        assert reason in matching[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [["--format", "xml"], ["--published", "11/01/2025"]])
def test_caller_mistakes_are_one_line_errors(args: list[str]) -> None:
    proc = run(str(EXAMPLE), *args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
