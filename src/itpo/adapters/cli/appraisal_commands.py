"""`itpo appraise MODEL` and `itpo appraise-template FILE`: parse, call a service, print."""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import click

from itpo.accounts.principal import Principal
from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_table

if TYPE_CHECKING:
    from itpo.adapters.files.appraisal_model_files import ModelSource
    from itpo.appraisal.grid_table import GridTable
    from itpo.appraisal.services import AppraisalResult, MonteCarloOptions

P = ParamSpec("P")
R = TypeVar("R")


def appraisal_errors(function: Callable[P, R]) -> Callable[P, R]:
    """Appraisal input errors become FileProblems, which `clean_errors` prints as one line."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from itpo.adapters.files.csv_files import FileProblem
        from itpo.appraisal.errors import InvalidInputError

        try:
            return function(*args, **kwargs)
        except InvalidInputError as error:
            raise FileProblem(str(error)) from None

    return wrapper


def _appraise(
    source: ModelSource, options: MonteCarloOptions | None, by: Principal
) -> AppraisalResult:
    from itpo.appraisal import services
    from itpo.appraisal.errors import ModelError

    try:
        return services.appraise(by=by, model_data=source.data, monte_carlo=options)
    except ModelError as error:
        raise source.refuse(error) from None


def _grid_table(path: Path | None) -> GridTable | None:
    from itpo.adapters.files.csv_files import FileProblem
    from itpo.appraisal.grid_table import GridTableError, parse_grid_table

    if path is None:
        return None
    if path.suffix.lower() != ".csv":
        raise FileProblem(f"{path.name}: a grid-factor table must be a .csv file")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileProblem(f"{path}: no such file") from None
    except UnicodeDecodeError as error:
        raise FileProblem(f"{path.name} is not UTF-8 text: {error.reason}") from None
    try:
        return parse_grid_table(text, path.name)
    except GridTableError as error:
        raise FileProblem(str(error)) from None


def _print(result: AppraisalResult) -> None:
    from itpo.adapters.reports import content

    console.print(f"{result.model.name} ({result.model.currency})", markup=False)
    rows = [
        dict(zip(("name", "total", "equity"), r, strict=True))
        for r in content.indicator_rows(result)
    ]
    rows += [{"name": name, "total": value} for name, value in content.other_rows(result)]
    print_table(
        rows, [("name", "indicator", 66), ("total", "total capital", 40), ("equity", "equity", 40)]
    )
    extra = content.monte_carlo_rows(result) + content.green_rows(result)
    if extra:
        print_table(
            [{"name": n, "value": v} for n, v in extra],
            [("name", "risk and green impact", 40), ("value", "value", 80)],
        )
    if result.monte_carlo is not None:
        console.print(content.risk_source(result), markup=False)
        keys = ("driver", "distribution", "parameters", "mean")
        print_table(
            [dict(zip(keys, r, strict=True)) for r in content.risk_rows(result)],
            [
                ("driver", "driver", 18),
                ("distribution", "distribution", 12),
                ("parameters", "parameters", 60),
                ("mean", "mean", 8),
            ],
        )


@click.command("appraise")
@click.argument("model", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print indicators and tables as JSON.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a report: FILE.html, FILE.pdf or FILE.xlsx (with charts).",
)
@click.option("--monte-carlo", "draws", type=int, help="Simulate NPV with this many draws.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the draws.")
@click.option(
    "--grid-factors",
    "grid_factors",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV of grid factors (country, combined_margin_firm, combined_margin_intermittent, "
    "energy_efficiency; gCO2/kWh) replacing the IFI default table; it becomes the model's "
    "green.grid_factors, so --attach keeps it.",
)
@click.option(
    "--attach",
    "opportunity_id",
    type=int,
    help="Keep the appraisal with this investment project in the database.",
)
@pass_state
@clean_errors
@appraisal_errors
def appraise_command(
    state: CliState,
    model: Path,
    as_json: bool,
    report: Path | None,
    draws: int | None,
    seed: int,
    grid_factors: Path | None,
    opportunity_id: int | None,
) -> None:
    """Appraise a project model (JSON, YAML or the Excel workbook): NPV, IRR, DSCR, risk."""
    from itpo.adapters.files.appraisal_model_files import read_model_source
    from itpo.adapters.reports.writing import write_report
    from itpo.appraisal import services
    from itpo.appraisal.document import with_grid_factors
    from itpo.appraisal.services import MonteCarloOptions
    from itpo.appraisal.summary import result_dict

    table = _grid_table(grid_factors)
    source = read_model_source(model)
    if table is not None:
        # Kept in the model itself, so a kept appraisal is recomputed with the same table.
        source = dataclasses.replace(source, data=with_grid_factors(source.data, table))
    options = MonteCarloOptions(draws, seed) if draws is not None else None
    result = _appraise(source, options, state.operator)
    if report is not None:
        write_report(result, report)
    stored = None
    if opportunity_id is not None:
        platform = state.platform()
        try:
            stored = services.attach_appraisal(
                uow=platform.uow(),
                by=state.operator,
                now=platform.clock,
                opportunity_id=opportunity_id,
                model_data=source.data,
                monte_carlo=options,
            )
        finally:
            platform.close()
    if as_json:
        print_json({**result_dict(result), "appraisal_id": stored.id if stored else None})
        return
    _print(result)
    if report is not None:
        console.print(f"Report written to {report}.")
    if stored is not None:
        console.print(f"Kept as appraisal {stored.id} of opportunity {opportunity_id}.")


@click.command("appraise-template")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--example", is_flag=True, help="Fill it with the worked solar-drying example.")
@clean_errors
def appraise_template_command(file: Path, example: bool) -> None:
    """Write the Excel workbook for a project model: one sheet per input block, with help."""
    from itpo.adapters.files.appraisal_workbook import write_template
    from itpo.adapters.files.csv_files import FileProblem

    if file.suffix.lower() != ".xlsx":
        raise FileProblem(f"{file.name}: the template is an Excel workbook; name it *.xlsx")
    data = None
    if example:
        from importlib import resources

        packaged = resources.files("itpo.appraisal") / "examples" / "solar_fruit_drying.json"
        data = json.loads(packaged.read_text(encoding="utf-8"))
    write_template(file, data)
    console.print(f"Appraisal template written to {file}.")
