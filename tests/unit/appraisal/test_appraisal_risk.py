"""Sensitivity analysis and Monte Carlo simulation."""

import json
from importlib import resources

import numpy as np
import pytest

from itpo.appraisal import InvalidInputError, Model, evaluate, parse_model
from itpo.appraisal.montecarlo import Distribution, Normal, Pert, Triangular, iman_conover, simulate
from itpo.appraisal.sensitivity import analyse


def sample() -> Model:
    text = resources.files("itpo.appraisal").joinpath("examples/solar_fruit_drying.json")
    return parse_model(json.loads(text.read_text(encoding="utf-8")))


def test_switching_values_bring_npv_to_zero() -> None:
    m = sample()
    report = analyse(m)
    assert report.base_npv == pytest.approx(evaluate(m).total.npv)
    by_driver = {d.driver: d for d in report.drivers}
    price = by_driver["sales_price"]
    assert price.switching_value is not None
    assert price.switching_value < 0
    assert price.sensitivity_indicator is not None
    assert price.sensitivity_indicator > 0
    assert by_driver["investment_cost"].switching_value is not None
    assert by_driver["investment_cost"].switching_value > 0


def test_the_discount_rate_switching_value_lands_on_the_irr() -> None:
    m = sample()
    report = analyse(m, ["discount_rate"])
    irr = evaluate(m).total.irr
    assert irr is not None
    sv = report.drivers[0].switching_value
    assert sv is not None
    assert m.discount_rate + sv == pytest.approx(irr, rel=1e-8)


def test_tornado_is_sorted_by_swing_and_spider_has_one_point_per_step() -> None:
    report = analyse(sample(), steps=(-0.1, 0.0, 0.1))
    swings = [abs(hi - lo) for _, lo, hi in report.tornado]
    assert swings == sorted(swings, reverse=True)
    for values in report.spider.values():
        assert len(values) == 3
        assert values[1] == pytest.approx(report.base_npv)


def test_sensitivity_rejects_unknown_drivers_naming_the_argument() -> None:
    with pytest.raises(InvalidInputError, match=r"^drivers: unknown driver 'weather'"):
        analyse(sample(), ["weather"])


def test_monte_carlo_is_reproducible_for_a_seed() -> None:
    dists: dict[str, Distribution] = {
        "sales_price": Pert(0.8, 1.0, 1.1),
        "investment_cost": Triangular(0.9, 1.0, 1.3),
    }
    a = simulate(sample(), dists, draws=2000, seed=42)
    b = simulate(sample(), dists, draws=2000, seed=42)
    c = simulate(sample(), dists, draws=2000, seed=43)
    assert np.array_equal(a.npvs, b.npvs)
    assert not np.array_equal(a.npvs, c.npvs)
    assert a.p10 <= a.p50 <= a.p90
    assert sum(a.histogram_counts) == 2000
    assert 0.0 <= a.p_negative <= 1.0


def test_iman_conover_imposes_the_target_rank_correlation() -> None:
    rng = np.random.default_rng(7)
    samples = np.column_stack([rng.triangular(0, 1, 3, 5000), rng.beta(2, 5, 5000)])
    target = np.array([[1.0, -0.6], [-0.6, 1.0]])
    out = iman_conover(samples, target, rng)
    ranks = np.argsort(np.argsort(out, axis=0), axis=0)
    rho = float(np.asarray(np.corrcoef(ranks, rowvar=False))[0, 1])
    assert rho == pytest.approx(-0.6, abs=0.03)
    assert np.array_equal(np.sort(out, axis=0), np.sort(samples, axis=0))


def test_monte_carlo_rejects_bad_correlation_and_distributions() -> None:
    m = sample()
    two: dict[str, Distribution] = {"sales_price": Normal(1, 0.1), "sales_quantity": Normal(1, 0.1)}
    with pytest.raises(InvalidInputError, match=r"^correlation:"):
        simulate(m, two, correlation=[[1, 2], [2, 1]])
    bad: dict[str, Distribution] = {"sales_price": Triangular(1.2, 1.0, 1.1)}
    with pytest.raises(InvalidInputError, match=r"^distributions\.sales_price:"):
        simulate(m, bad)
    with pytest.raises(InvalidInputError, match=r"^draws:"):
        simulate(m, {}, draws=0)
