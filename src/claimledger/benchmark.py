"""Throughput (EVALUATION.md §5): ``claimledger extract`` next to a bare ``nlp.pipe``.

One run measures, over the same texts (a PolNeAR split) and with the same number of worker
processes:

- *bare*: ``load_nlp().pipe(texts, n_process=workers)``, the spaCy model alone;
- *extract*: the full extract path: reading the documents (``inputs.iter_documents`` when it
  is implemented, else ``Document``s built from the files the same way), ``extract_many``
  and serialising each result as ``claimledger extract`` prints it.

Each is measured in its own fresh interpreter (a subprocess), so neither inherits the other's
memory or warm caches. In that child the model is loaded and run once on a short text before
the clock starts; worker processes are then forked from it (spaCy's ``n_process`` and the
pipeline's pool both fork), so they start warm too, and the timed span includes starting
them. Peak resident memory per worker is ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` in the
measuring child once its workers are joined (the largest worker), or its own
``RUSAGE_SELF`` peak when ``workers == 1`` (it is then the worker). A forked worker's
resident set includes the model pages it shares with its parent: the figure is what ``ps``
would show, not the memory it adds.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import DocumentRejected
from .model import Document
from .nlp import DEFAULT_MODEL

#: Targets the docs report against.
TARGET_RATIO = 0.8
TARGET_PEAK_MIB = 600.0

#: Texts per batch handed to a spaCy worker; the pipeline's pool hands out the same number.
DEFAULT_BATCH = 8

_WARM_UP = "The ministry said on Monday that 300 people had been evacuated."


def polnear_texts(root: Path, split: str = "test", *, limit: int | None = None) -> list[Path]:
    """The text files of a PolNeAR split, sorted, at most ``limit``.

    Raises:
        ValueError: an unknown split (naming the valid ones), a missing folder, or a limit
            below 1.
    """
    from .evaluation.polnear import SPLITS

    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}; valid splits: {', '.join(SPLITS)}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    folder = root / split / "text"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise ValueError(f"no PolNeAR texts in {folder}")
    return paths[:limit] if limit is not None else paths


def run_throughput(
    paths: Sequence[Path],
    *,
    workers: int = 2,
    batch_size: int = DEFAULT_BATCH,
    model: str = DEFAULT_MODEL,
    rounds: int = 1,
) -> dict[str, Any]:
    """Measure the bare model and the extract path over ``paths``, each in its own child.

    With ``rounds`` above 1 both paths are measured that many times, alternately and in
    alternating order (bare then extract, extract then bare, ...), and each path is
    represented by its median round: on a shared machine one round of each moves by 15% or
    more, a median of alternating rounds much less.

    Returns:
        A JSON-ready dict: ``bare`` and ``extract`` measurements (articles, seconds,
        articles_per_second, peak_worker_mib, peak_parent_mib), their ``ratio``
        (extract / bare articles per second), each round's ratios, the targets and whether
        they are met, and the machine it ran on.

    Raises:
        ValueError: no paths, ``workers``, ``batch_size`` or ``rounds`` below 1.
        RuntimeError: a measuring child failed (its traceback is in the message).
    """
    if not paths:
        raise ValueError("no texts to measure")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    args = ([str(p) for p in paths], workers, batch_size, model)
    load_before = _load()
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], "extract": []}
    for n in range(rounds):
        for kind in ("bare", "extract") if n % 2 == 0 else ("extract", "bare"):
            runs[kind].append(_in_child(kind, *args))
    load_after = _load()
    bare, extract = _median(runs["bare"]), _median(runs["extract"])
    ratio = extract["articles_per_second"] / bare["articles_per_second"]
    # Under contention from other processes wall time is noisy; CPU time much less so.
    cpu_ratio = _median_of(runs["extract"], "articles_per_cpu_second") / _median_of(
        runs["bare"], "articles_per_cpu_second"
    )
    peak = max(r["peak_worker_mib"] for r in runs["extract"])
    extract = {**extract, "peak_worker_mib": peak}
    return {
        "benchmark": "throughput",
        "articles": len(paths),
        "workers": workers,
        "batch_size": batch_size,
        "model": model,
        "bare": bare,
        "extract": extract,
        "ratio": round(ratio, 3),
        "cpu_ratio": round(cpu_ratio, 3),
        "rounds": rounds,
        "round_ratios": [
            round(e["articles_per_second"] / b["articles_per_second"], 3)
            for b, e in zip(runs["bare"], runs["extract"], strict=True)
        ],
        "targets": {"ratio": TARGET_RATIO, "peak_mib_per_worker": TARGET_PEAK_MIB},
        "meets": {"ratio": ratio >= TARGET_RATIO, "peak_mib_per_worker": peak <= TARGET_PEAK_MIB},
        "machine": {
            "cpus": os.cpu_count(),
            "usable_cpus": (
                len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
            ),
            "platform": platform.platform(),
            "python": platform.python_version(),
            # Other processes compete for the cores: the 1-minute load around the run says
            # how far to trust the absolute figures (the ratio suffers less).
            "load_average_before": load_before,
            "load_average_after": load_after,
        },
    }


def _median_of(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in runs))


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The round whose articles per second is the median (the lower middle one of an even
    number), so that its figures belong together."""
    ordered = sorted(runs, key=lambda r: r["articles_per_second"])
    return ordered[(len(ordered) - 1) // 2]


# --- the measuring child ------------------------------------------------------------------


def _in_child(kind: str, *args: Any) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return what it reports.

    A subprocess (``python -m claimledger.benchmark``) rather than a spawned
    ``multiprocessing`` child: spawning re-runs the caller's main module, which breaks when
    that module is a script without a ``__main__`` guard.
    """
    paths, workers, batch_size, model = args
    request = {
        "kind": kind, "paths": paths, "workers": workers, "batch_size": batch_size, "model": model
    }
    done = subprocess.run(
        [sys.executable, "-m", "claimledger.benchmark"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
    )
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(_RESULT):
            result: dict[str, Any] = json.loads(line[len(_RESULT) :])
            if "error" not in result:
                return result
            raise RuntimeError(f"{kind} measurement failed:\n{result['error']}")
    raise RuntimeError(
        f"{kind} measurement died (exit code {done.returncode}):\n{done.stderr[-4000:]}"
    )


_RESULT = "claimledger-benchmark-result "


def _child_main() -> None:
    """Entry point of a measuring child: a JSON request on stdin, one result line on stdout."""
    try:
        request = json.loads(sys.stdin.read())
        if hasattr(os, "fork"):
            # The pipeline's pool forks; spaCy's n_process uses the default start method,
            # which is not fork everywhere (spawn on macOS, forkserver from Python 3.14):
            # fork here too, so both runs start their workers the same way.
            mp.set_start_method("fork", force=True)
        measure = _measure_bare if request["kind"] == "bare" else _measure_extract
        result = measure(
            request["paths"], request["workers"], request["batch_size"], request["model"]
        )
    except Exception:  # report anything: the parent raises it with the traceback
        result = {"error": traceback.format_exc()}
    sys.stdout.write(_RESULT + json.dumps(result) + "\n")


def _measure_bare(paths: list[str], workers: int, batch_size: int, model: str) -> dict[str, Any]:
    from .nlp import load_nlp

    nlp = load_nlp(model)
    nlp(_WARM_UP)
    start, cpu_start = time.perf_counter(), _cpu_seconds()
    texts = [_read(Path(p)) for p in paths]
    n = sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=batch_size))
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_start
    return _figures("bare nlp.pipe", n, seconds, cpu, workers, documents_from="files")


def _measure_extract(
    paths: list[str], workers: int, batch_size: int, model: str
) -> dict[str, Any]:
    from . import pipeline
    from .nlp import load_nlp

    nlp = load_nlp(model)
    pipeline.analyse(Document("warm-up", _WARM_UP), nlp(_WARM_UP))  # loads every stage's data
    start, cpu_start = time.perf_counter(), _cpu_seconds()
    documents, source = _documents(paths)
    n = 0
    # The pool hands out pipeline.CHUNK documents at a time; batch_size only applies to spaCy.
    for result in pipeline.extract_many(documents, workers=workers, model=model):
        if isinstance(result, DocumentRejected):
            raise RuntimeError(f"{result.origin}: rejected: {result.detail}")
        json.dumps(result.to_dict(), ensure_ascii=False)
        n += 1
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_start
    return _figures("claimledger extract", n, seconds, cpu, workers, documents_from=source)


def _documents(paths: list[str]) -> tuple[Iterator[Document | DocumentRejected], str]:
    """The documents as ``claimledger extract`` reads them, and which reader made them."""
    from . import inputs

    try:
        found = inputs.iter_documents(paths)
        first = next(found)
    except NotImplementedError:  # the reader is not written yet: build the same documents
        return (Document(Path(p).stem, _read(Path(p)), origin=p) for p in paths), "direct"
    except StopIteration:
        return iter(()), "inputs.iter_documents"

    def chained() -> Iterator[Document | DocumentRejected]:
        yield first
        yield from found

    return chained(), "inputs.iter_documents"


def _load() -> float | None:
    """The 1-minute load average, where the platform has one."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:  # the text exactly as stored
        return fh.read()


def _cpu_seconds() -> float:
    """User + system CPU time of this process and of its joined children (the workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    mp.active_children()  # reap workers that have exited, so their time is counted
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _figures(
    name: str,
    articles: int,
    seconds: float,
    cpu_seconds: float,
    workers: int,
    *,
    documents_from: str,
) -> dict[str, Any]:
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    unit = 1024 * 1024 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / unit
    mp.active_children()  # reap any worker that has exited, so RUSAGE_CHILDREN counts it
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / unit
    return {
        "name": name,
        "articles": articles,
        "seconds": round(seconds, 3),
        "articles_per_second": round(articles / seconds, 3) if seconds > 0 else 0.0,
        "cpu_seconds": round(cpu_seconds, 3),
        "articles_per_cpu_second": round(articles / cpu_seconds, 3) if cpu_seconds > 0 else 0.0,
        "peak_parent_mib": round(own, 1),
        "peak_worker_mib": round(own if workers == 1 else children, 1),
        "documents_from": documents_from,
    }


def markdown(result: dict[str, Any]) -> str:
    """A small Markdown table of a :func:`run_throughput` result."""
    rows = [
        "| path | articles | seconds | articles/s | CPU s | articles/CPU s "
        "| peak MiB per worker | peak MiB parent |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key in ("bare", "extract"):
        m = result[key]
        rows.append(
            f"| {m['name']} | {m['articles']} | {m['seconds']:.2f} | "
            f"{m['articles_per_second']:.2f} | {m.get('cpu_seconds', 0.0):.2f} | "
            f"{m.get('articles_per_cpu_second', 0.0):.2f} | {m['peak_worker_mib']:.0f} | "
            f"{m['peak_parent_mib']:.0f} |"
        )
    meets = result["meets"]
    rows.append("")
    rows.append(
        f"ratio extract/bare = {result['ratio']:.3f} (target ≥ {TARGET_RATIO}: "
        f"{'met' if meets['ratio'] else 'NOT met'}); by CPU time "
        f"{result.get('cpu_ratio', float('nan')):.3f}; peak per worker target ≤ "
        f"{TARGET_PEAK_MIB:.0f} MiB: {'met' if meets['peak_mib_per_worker'] else 'NOT met'}; "
        f"workers = {result['workers']}"
    )
    if result.get("rounds", 1) > 1:
        rows.append(
            f"median of {result['rounds']} alternating rounds; each round's ratio: "
            + ", ".join(f"{r:.3f}" for r in result["round_ratios"])
        )
    machine = result.get("machine") or {}
    if machine.get("load_average_before") is not None:
        rows.append(
            f"1-minute load average before/after: {machine['load_average_before']} / "
            f"{machine.get('load_average_after')} on {machine.get('usable_cpus')} usable CPUs"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    _child_main()
