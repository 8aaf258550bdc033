"""`itpo eval`: ranking quality of the matching engine on a BEIR-format benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from itpo.adapters.cli.output import console, error_console, fail, print_json, print_table

if TYPE_CHECKING:
    from itpo.matching.presets import Mode

# The values of itpo.matching.presets.MODES, spelled out so that loading the command does not
# load the matching engine; a test keeps the two the same.
MODES = ("hybrid", "lexical", "dense")


@click.command("eval")
@click.argument("bench_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for scripts.")
@click.option("--split", default="test", show_default=True, help="Which qrels/SPLIT.tsv to score.")
@click.option(
    "--mode",
    type=click.Choice(MODES),
    default="hybrid",
    show_default=True,
    help="Signals to use: the live hybrid engine, BM25 alone, or the dense encoders alone.",
)
def eval_command(bench_dir: Path, as_json: bool, split: str, mode: Mode) -> None:
    """nDCG@10, Recall@100 and MRR@10 of matching retrieval on a BEIR benchmark folder."""
    from itpo.matching.beir import BenchmarkError, load_benchmark, run_benchmark
    from itpo.matching.presets import create_engine

    try:
        benchmark = load_benchmark(bench_dir, split=split)
    except BenchmarkError as error:
        fail(str(error))
        raise SystemExit(1) from None
    progress = None if as_json else lambda line: error_console.print(line, style="dim")
    scores = run_benchmark(create_engine(mode), benchmark, progress=progress)
    if as_json:
        print_json(scores)
        return
    console.print(
        f"{bench_dir.name}: {len(benchmark.corpus)} documents, {len(benchmark.queries)} queries, mode {mode}"
    )
    print_table(
        [{"metric": name, "value": f"{value:.4f}"} for name, value in scores.items()],
        [("metric", "metric", 12), ("value", "value", 8)],
    )
