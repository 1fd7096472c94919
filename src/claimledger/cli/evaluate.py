"""``claimledger evaluate gold|polnear|tempeval|newsquant``: score extraction (EVALUATION.md).

A thin layer over ``claimledger.evaluation``: each subcommand runs one benchmark, prints its
figures as a table and, with ``--json OUT``, writes the full result (``-`` for stdout, the
table then going to stderr). Data paths default to ``../shared`` (run from the repository
root), or to ``$CLAIMLEDGER_SHARED`` when it is set.

Exit status: 0 on success; 1 when a ``--min-f1`` floor is not met (the CI quality gate);
2 when the data or an option is wrong, or a benchmark's scorer is not installed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..evaluation import report
from .app import app

evaluate_app = typer.Typer(
    name="evaluate",
    help="Score the extraction against gold data (figures: docs/benchmarks.md).",
    no_args_is_help=True,
)
app.add_typer(evaluate_app, name="evaluate")


def shared_dir() -> Path:
    """Where the shared data sets live: ``$CLAIMLEDGER_SHARED``, else ``../shared``."""
    return Path(os.environ.get("CLAIMLEDGER_SHARED", "../shared"))


JSON_HELP = "Also write the full result as JSON to this file ('-': stdout)."
WORKERS_HELP = "Worker processes for the extraction."


@evaluate_app.command("gold")
def gold(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Gold files or folders of *.gold.json (default: SHARED/gold)."),
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option(help="Corpus folder (default: SHARED/corpus).")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help=WORKERS_HELP)] = 1,
    json_out: Annotated[str | None, typer.Option("--json", help=JSON_HELP)] = None,
    details: Annotated[
        bool, typer.Option(help="List what was predicted for each gold attribution.")
    ] = False,
) -> None:
    """Attributions, quantities and times against our gold files (EVALUATION.md §1)."""
    from ..evaluation.gold import run_gold

    result = _run(
        lambda: run_gold(
            paths or [shared_dir() / "gold"],
            corpus=corpus or shared_dir() / "corpus",
            workers=workers,
        )
    )
    console = _emit(result, json_out, f"gold files ({result['documents']} documents)")
    console.print(
        f"matched attribution pairs (field accuracies are over these): {result['matched_pairs']}"
    )
    console.print(
        "predicted quantities on a not_quantities entry (false positives): "
        f"{result['quantities']['not_quantity_hits']}"
    )
    if details:
        console.print(report.attribution_listing(result))


@evaluate_app.command("polnear")
def polnear(
    split: Annotated[
        str, typer.Option(help="train, dev or test (score test only to report).")
    ] = "dev",
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N articles (a quick run).")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help=WORKERS_HELP)] = 1,
    data: Annotated[
        Path | None, typer.Option(help="PolNeAR folder (default: SHARED/data/polnear).")
    ] = None,
    json_out: Annotated[str | None, typer.Option("--json", help=JSON_HELP)] = None,
    min_f1: Annotated[
        list[str] | None,
        typer.Option(
            "--min-f1",
            help="Fail (exit 1) when an F1 falls below a floor: ROLE:CRITERION=F1, "
            "e.g. content:overlap=40; repeatable.",
        ),
    ] = None,
    conventions: Annotated[
        bool,
        typer.Option(
            help="Map predictions to PolNeAR's span conventions first (content begins with "
            "'that'); --no-conventions scores them as produced.",
        ),
    ] = True,
) -> None:
    """Source, cue and content spans against PolNeAR (EVALUATION.md §2)."""
    from ..evaluation.polnear import failed_floors, parse_floor, run_polnear

    floors = min_f1 or []
    _run(lambda: [parse_floor(f) for f in floors])  # reject a bad floor before the long run
    result = _run(
        lambda: run_polnear(
            data or shared_dir() / "data" / "polnear",
            split,
            limit=limit,
            workers=workers,
            conventions=conventions,
        )
    )
    title = f"PolNeAR {split} ({result['documents']} articles)"
    console = _emit(result, json_out, title)
    if result.get("anchors"):
        console.print(f"published anchors (CofeNet, F1): {result['anchors']}")
    failures = failed_floors(result, floors)
    if failures:
        for failure in failures:
            typer.echo(f"quality gate failed: PolNeAR {split}: {failure}", err=True)
        raise typer.Exit(1)
    if floors:
        console.print(f"quality gate passed: {len(floors)} floor(s) met")


@evaluate_app.command("tempeval")
def tempeval(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Folder of .tml files (default: SHARED/data/tempeval3/te3-platinum)."),
    ] = None,
    json_out: Annotated[str | None, typer.Option("--json", help=JSON_HELP)] = None,
) -> None:
    """Time expressions against TempEval-3 platinum (EVALUATION.md §3)."""
    evaluate = _scorer("tempeval", "evaluate_tempeval")
    folder = directory or shared_dir() / "data" / "tempeval3" / "te3-platinum"
    result = _run(lambda: evaluate(folder))
    _emit(result, json_out, "TempEval-3 platinum")


@evaluate_app.command("newsquant")
def newsquant(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="NewsQuant.json "
            "(default: SHARED/data/newsquant/formatted_test_set/NewsQuant.json)."
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N entries (a quick run).")
    ] = None,
    json_out: Annotated[str | None, typer.Option("--json", help=JSON_HELP)] = None,
) -> None:
    """Quantities against NewsQuant (EVALUATION.md §4)."""
    evaluate = _scorer("newsquant", "evaluate_newsquant")
    file = path or shared_dir() / "data" / "newsquant" / "formatted_test_set" / "NewsQuant.json"
    result = _run(lambda: evaluate(file, limit=limit))
    _emit(result, json_out, "NewsQuant")


@evaluate_app.command("cases")
def cases(
    data: Annotated[
        Path | None, typer.Option(help="Shared data folder (default: SHARED/data).")
    ] = None,
    json_out: Annotated[str | None, typer.Option("--json", help=JSON_HELP)] = None,
) -> None:
    """Pass rates on the unit-test tables of other tools: Recognizers-Text DateTime, Number
    and NumberRange (English), and quantulum3's own cases."""
    from ..evaluation import newsquant as nq
    from ..evaluation import tempeval as te

    root = data or shared_dir() / "data"
    specs = root / "recognizers-text-specs"
    result: dict[str, Any] = _run(
        lambda: {
            "recognizers_datetime": te.evaluate_recognizers(specs / "DateTime" / "English"),
            "recognizers_number": nq.evaluate_recognizers(specs / "Number" / "English"),
            "quantulum3": nq.evaluate_quantulum3(root / "quantulum3-cases"),
        }
    )
    rates = {
        "Recognizers-Text DateTime": result["recognizers_datetime"],
        "Recognizers-Text Number": result["recognizers_number"]["NumberModel"],
        "Recognizers-Text NumberRange": result["recognizers_number"]["NumberRangeModel"],
        "quantulum3 cases": result["quantulum3"]["quantities.json"],
        "quantulum3 ambiguity cases": result["quantulum3"]["quantities.ambiguity.json"],
    }
    console = Console(stderr=json_out == "-")
    for name, r in rates.items():
        console.print(f"{name}: {r['pass_rate']:.2f}% of {r['cases']} cases pass")
    if json_out:
        text = json.dumps(result, indent=2, ensure_ascii=False, default=str)
        if json_out == "-":
            sys.stdout.write(text + "\n")
        else:
            Path(json_out).write_text(text + "\n", encoding="utf-8")


def _scorer(module: str, function: str) -> Callable[..., dict[str, Any]]:
    """A benchmark's scorer, imported only when asked for: it may not be written yet."""
    import importlib

    try:
        found = getattr(importlib.import_module(f"claimledger.evaluation.{module}"), function)
    except (ImportError, AttributeError):
        typer.echo(f"the {module} evaluation is not available (no {module}.{function})", err=True)
        raise typer.Exit(2) from None
    return found  # type: ignore[no-any-return]


def _run(job: Callable[[], Any]) -> Any:
    """Run a benchmark; a wrong path or option is reported in one line and exits 2."""
    try:
        return job()
    except (ValueError, FileNotFoundError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _emit(result: dict[str, Any], json_out: str | None, title: str) -> Console:
    """Print the table and write the JSON; return the console the text went to."""
    console = Console(stderr=json_out == "-")
    console.print(report.table(result, title=title))
    if json_out == "-":
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif json_out:
        Path(json_out).write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return console
