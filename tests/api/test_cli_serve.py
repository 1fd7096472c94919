"""``claimledger export`` and ``claimledger serve`` as commands (a real store, a real server
process on a free loopback port)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.ingest import ingest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "ledger.db"
    summary = ingest([str(SEED)], db_url=str(path), workers=1, progress=False)
    assert summary.new == 1
    return str(path)


@pytest.mark.parametrize("kind", ["attributions", "quantities", "entities", "clusters"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_to_a_file(store: str, tmp_path: Path, kind: str, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    r = CliRunner().invoke(app, ["export", kind, "--format", fmt, "-o", str(out), "--db", store])
    assert r.exit_code == 0, r.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    else:
        rows = pq.read_table(out).to_pylist()
    expected = {"attributions": 19, "clusters": 0}.get(kind)
    if expected is not None:
        assert len(rows) == expected
    else:
        assert rows


def test_export_to_stdout(store: str) -> None:
    r = CliRunner().invoke(app, ["export", "attributions", "--db", store])
    assert r.exit_code == 0
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 19 and all(x["document"] for x in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "passwords"], "kind must be one of"),
        (["export", "attributions", "--format", "xlsx"], "format must be one of"),
        (["export", "attributions", "--db", "/nonexistent/dir/x.db"], "no store at"),
        (["serve", "--db", "/nonexistent/dir/x.db"], "no store at"),
    ],
)
def test_cli_errors(store: str, args: list[str], message: str) -> None:
    if "--db" not in args:
        args = [*args, "--db", store]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 1
    assert message in r.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_over_http(store: str) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "CLAIMLEDGER_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from claimledger.cli import main; main()", "serve", "--db",
         store, "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents") as r:
                    body = json.loads(r.read())
                break
            except OSError:
                assert proc.poll() is None, proc.communicate()[1].decode()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert [d["id"] for d in body["items"]] == ["newsweek-2025-01-11-nk-pows"]
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/documents", method="POST",
            data=b'{"id": "x", "text": "y"}', headers={"content-type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(req)
        assert info.value.code == 403  # no token in the environment: read-only
        assert json.loads(info.value.read())["error"]["code"] == "forbidden"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=10)
    assert "read-only" in err.decode()
