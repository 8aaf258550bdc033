"""Time one evaluation of a 25-year model and 10,000 Monte Carlo draws; print JSON."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable

from itpo.appraisal import (
    Equity,
    FixedCost,
    InvestmentItem,
    Loan,
    Model,
    Phase,
    Phases,
    Product,
    Tax,
    WorkingCapital,
    evaluate,
)
from itpo.appraisal.montecarlo import Distribution, Normal, Pert, Triangular, simulate

MODEL = Model(
    name="Benchmark 25-year plant",
    currency="USD",
    horizon_years=25,
    discount_rate=0.12,
    phases=Phases(construction=Phase(1, 2), startup=Phase(3, 3, 0.6), production=Phase(4, 25, 0.9)),
    investments=(
        InvestmentItem("Building", 2_000_000, 1, 30, replace=False),
        InvestmentItem("Machinery", 3_000_000, 2, 10),
        InvestmentItem("Vehicles", 400_000, 2, 5, depreciation="declining_balance"),
    ),
    products=(
        Product("A", 10_000, 450.0, 260.0, price_escalation=0.02, cost_escalation=0.02),
        Product("B", 4_000, 700.0, 380.0, price_escalation=0.02, cost_escalation=0.025),
    ),
    fixed_costs=(FixedCost("Staff", 600_000, escalation=0.03), FixedCost("Overheads", 250_000)),
    working_capital=WorkingCapital(45, 60, 30),
    equity=(Equity(2_500_000, 1),),
    loans=(
        Loan("Term loan", 3_000_000, 1, 0.08, 12, 2, capitalise_interest=True),
        Loan("Equipment loan", 500_000, 2, 0.07, 6, repayment="linear"),
    ),
    tax=Tax(0.3, 5),
)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def main() -> None:
    """Print the median timings as JSON."""
    evaluate(MODEL)  # warm caches and imports
    dists: dict[str, Distribution] = {
        "sales_price": Pert(0.85, 1.0, 1.1),
        "sales_quantity": Triangular(0.7, 1.0, 1.05),
        "investment_cost": Normal(1.05, 0.08),
        "operating_costs": Triangular(0.95, 1.0, 1.2),
        "discount_rate": Triangular(0.10, 0.12, 0.14),
    }
    corr = [
        [1.0, -0.4, 0.0, 0.0, 0.0],
        [-0.4, 1.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 1.0, 0.3, 0.0],
        [0.0, 0.0, 0.3, 1.0, 0.0],
        [0.0, 0.0, 0.0, 0.0, 1.0],
    ]
    eval_ms = median_ms(lambda: evaluate(MODEL), 50)
    mc_ms = median_ms(lambda: simulate(MODEL, dists, draws=10_000, seed=1, correlation=corr), 7)
    print(
        json.dumps(
            {
                "evaluate_25_year_model_ms": round(eval_ms, 3),
                "evaluate_target_ms": 5,
                "monte_carlo_10000_draws_ms": round(mc_ms, 1),
                "monte_carlo_target_ms": 1000,
                "runs": {"evaluate": 50, "monte_carlo": 7},
            }
        )
    )


if __name__ == "__main__":
    main()
