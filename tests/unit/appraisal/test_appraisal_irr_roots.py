"""Non-conventional cash flows: several IRRs, or none."""

import pytest

from itpo.appraisal import MultipleIRRError, NoIRRError, irr, irr_roots, npv


def test_irr_raises_naming_both_roots_when_flows_have_ten_and_twenty_percent_irrs() -> None:
    with pytest.raises(MultipleIRRError, match=r"10\.000000%.*20\.000000%") as info:
        irr([-100, 230, -132])
    assert info.value.roots == pytest.approx((0.10, 0.20))
    assert "ambiguous" in str(info.value)


def test_irr_roots_returns_both_roots_sorted() -> None:
    assert irr_roots([-100, 230, -132]) == pytest.approx([0.10, 0.20], rel=1e-12)


def test_multiple_irr_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="flows"):
        irr([-100, 230, -132])


def test_flows_with_no_real_root_give_empty_roots_and_irr_raises() -> None:
    # NPV = -100 + 150x - 100x^2 with x = 1/(1+r) has a negative discriminant.
    flows = [-100, 150, -100]
    assert irr_roots(flows) == []
    with pytest.raises(NoIRRError, match="flows: no internal rate of return"):
        irr(flows)


def test_a_double_root_counts_as_one_irr() -> None:
    # -100 + 230x - 132.25x^2 = -(11.5x - 10)^2 touches zero at 15% only.
    assert irr_roots([-100, 230, -132.25]) == pytest.approx([0.15], rel=1e-6)


def test_three_roots_of_a_four_sign_change_flow_all_zero_the_npv() -> None:
    flows = [-5, 10.5, 1, -8, 1]
    roots = irr_roots(flows)
    assert len(roots) == 3
    for r in roots:
        assert npv(r, flows) == pytest.approx(0.0, abs=1e-9)


def test_leading_and_trailing_zero_flows_do_not_change_the_irr() -> None:
    base = irr([-100, 39, 59, 55, 20])
    assert irr([-100, 39, 59, 55, 20, 0, 0]) == pytest.approx(base, rel=1e-12)
    # A leading zero delays everything one period, which leaves the rate unchanged.
    assert irr([0, -100, 39, 59, 55, 20]) == pytest.approx(base, rel=1e-12)
