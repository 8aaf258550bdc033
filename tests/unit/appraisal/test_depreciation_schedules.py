"""Depreciation by a yearly schedule: an investment item's own table, or a named MACRS table."""

from __future__ import annotations

import math
from typing import Any

import pytest
from tests.appraisal_models import example_model

from itpo.appraisal import InvestmentItem, Model, ModelError, Phase, Phases, evaluate, parse_model
from itpo.appraisal.assets import item_schedule
from itpo.appraisal.depreciation import MACRS_HALF_YEAR, SCHEDULE_TOLERANCE
from itpo.appraisal.model import DepreciationMethod

FIVE_YEAR = [0.2, 0.32, 0.192, 0.1152, 0.1152, 0.0576]


def macrs(recovery_years: int, declining: float) -> list[float]:
    """The half-year convention table worked out as IRS Publication 946 describes it:
    declining balance at declining / N (half of it in year 1), switching to straight line
    over the remaining recovery period when that gives more, the rest in year N + 1."""
    rate, book, out = declining / recovery_years, 1.0, []
    for year in range(1, recovery_years + 2):
        remaining = recovery_years - year + 1.5
        if year == 1:
            charge = rate / 2
        elif remaining < 1:
            charge = book
        else:
            charge = max(book * rate, book / remaining)
        out.append(charge)
        book -= charge
    return out


@pytest.mark.parametrize(
    ("name", "years", "declining"),
    [
        ("macrs_3", 3, 2.0),
        ("macrs_5", 5, 2.0),
        ("macrs_7", 7, 2.0),
        ("macrs_10", 10, 2.0),
        ("macrs_15", 15, 1.5),
        ("macrs_20", 20, 1.5),
    ],
)
def test_each_named_table_is_the_irs_half_year_method_rounded_as_printed(
    name: str, years: int, declining: float
) -> None:
    table = MACRS_HALF_YEAR[name]
    assert len(table) == years + 1
    assert list(table) == pytest.approx(macrs(years, declining), abs=1e-4)
    assert math.fsum(table) == pytest.approx(1.0, abs=SCHEDULE_TOLERANCE)


def plant(item: InvestmentItem, horizon: int = 10) -> Model:
    return Model(
        name="Plant",
        currency="USD",
        horizon_years=horizon,
        discount_rate=0.1,
        phases=Phases(construction=Phase(1, 1), production=Phase(2, horizon, 1.0)),
        investments=(item,),
    )


def machine(depreciation: DepreciationMethod, **changes: Any) -> InvestmentItem:
    schedule = tuple(FIVE_YEAR) if depreciation == "schedule" else None
    fields: dict[str, Any] = {"replace": False, "depreciation_schedule": schedule} | changes
    return InvestmentItem("Machine", 1000.0, 1, 5, depreciation=depreciation, **fields)


def test_a_schedule_writes_off_its_shares_from_the_year_after_purchase() -> None:
    assets = evaluate(plant(machine("schedule"))).fixed_assets
    assert assets["depreciation"] == pytest.approx([0, 200, 320, 192, 115.2, 115.2, 57.6, 0, 0, 0])
    assert assets["net_book_value"] == pytest.approx([1000, 800, 480, 288, 172.8, 57.6, 0, 0, 0, 0])


def test_the_named_five_year_table_is_the_same_schedule() -> None:
    typed, named = evaluate(plant(machine("schedule"))), evaluate(plant(machine("macrs_5")))
    assert named.fixed_assets == typed.fixed_assets
    assert named.total == typed.total


def test_a_horizon_that_ends_first_leaves_the_rest_as_book_value_sold_at_book() -> None:
    assets = evaluate(plant(machine("macrs_5"), horizon=4)).fixed_assets
    assert assets["depreciation"] == pytest.approx([0, 200, 320, 192])
    assert assets["net_book_value"][-1] == pytest.approx(288)
    assert assets["residual_value"][-1] == assets["net_book_value"][-1]
    assert assets["gain_on_sale"][-1] == 0.0 and assets["tax_on_sale"][-1] == 0.0


def test_a_replaced_asset_is_written_off_in_the_year_it_goes() -> None:
    # Five years of life, six of MACRS: the sixth year's share falls in the replacement year.
    model = plant(machine("macrs_5", replace=True), horizon=15)
    s = item_schedule(model, model.investments[0])
    assert [y + 1 for y, v in enumerate(s.replacements) if v] == [6, 11]
    assert list(s.depreciation[1:6]) == pytest.approx([200, 320, 192, 115.2, 115.2 + 57.6])
    assert list(s.depreciation[6:11]) == pytest.approx([200, 320, 192, 115.2, 172.8])
    assert float(s.book_value[-1]) == pytest.approx(1000 - (200 + 320 + 192 + 115.2))
    assert float(s.depreciation.sum() + s.book_value[-1]) == pytest.approx(s.capex.sum())


def errors_of(**item: Any) -> list[tuple[str, str]]:
    data = example_model()
    data["investments"][5] |= item
    with pytest.raises(ModelError) as caught:
        parse_model(data)
    return caught.value.errors


PATH = "investments[5].depreciation_schedule"


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            {"depreciation": "schedule", "depreciation_schedule": [0.5, 0.6, -0.1]},
            [(f"{PATH}[2]", "must be a fraction within 0..1, got -0.1")],
        ),
        (
            {"depreciation": "schedule", "depreciation_schedule": [0.2, 0.32, 0.192]},
            [(PATH, "the yearly shares must add up to 1 (100%); they add up to 71.2000%")],
        ),
        (
            {
                "depreciation": "schedule",
                "depreciation_schedule": [20, 32, 19.2, 11.52, 11.52, 5.76],
            },
            [(PATH, "looks written in percent; write fractions (0.2 for 20%)")],
        ),
        (
            {"depreciation": "schedule"},
            [
                (
                    PATH,
                    "needs the share written off in each year, e.g. [0.2, 0.32, 0.192, 0.1152, "
                    "0.1152, 0.0576]",
                )
            ],
        ),
        (
            {"depreciation": "schedule", "depreciation_schedule": []},
            [
                (
                    PATH,
                    "needs the share written off in each year, e.g. [0.2, 0.32, 0.192, 0.1152, "
                    "0.1152, 0.0576]",
                )
            ],
        ),
        (
            {"depreciation": "macrs_5", "depreciation_schedule": FIVE_YEAR},
            [(PATH, "is only read with depreciation 'schedule', not 'macrs_5'")],
        ),
        (
            {"depreciation": "schedule", "depreciation_schedule": "20/32/19.2"},
            [(PATH, "must be a list of numbers, got str")],
        ),
        (
            {"depreciation": "schedule", "depreciation_schedule": [0.5, "half"]},
            [(f"{PATH}[1]", "must be a number, got 'half'")],
        ),
        (
            {"depreciation": "macrs_4"},
            [
                (
                    "investments[5].depreciation",
                    "must be one of straight_line, declining_balance, "
                    "schedule, macrs_3, macrs_5, macrs_7, macrs_10, macrs_15, macrs_20, none; got "
                    "'macrs_4'",
                )
            ],
        ),
    ],
)
def test_a_bad_schedule_is_refused_naming_the_field(
    item: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert errors_of(**item) == expected


def test_a_schedule_typed_from_print_may_miss_100_percent_by_a_hundredth_of_a_point() -> None:
    rounded = [0.3333, 0.4445, 0.1481, 0.0740]  # sums to 99.99%
    data = example_model()
    data["investments"][5] |= {"depreciation": "schedule", "depreciation_schedule": rounded}
    model = parse_model(data)
    s = item_schedule(model, model.investments[5])
    assert float(s.depreciation[2:6].sum()) == pytest.approx(45_000)  # fully written off
    off = [0.3333, 0.4445, 0.1481, 0.0739]  # 99.98%: a typing slip, not rounding
    assert errors_of(depreciation="schedule", depreciation_schedule=off) == [
        (PATH, "the yearly shares must add up to 1 (100%); they add up to 99.9800%")
    ]
