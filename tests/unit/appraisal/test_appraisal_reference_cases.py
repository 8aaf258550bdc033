"""Reference values from spreadsheet documentation and other libraries' test suites."""

import datetime as dt

import pytest

from itpo.appraisal import irr, irr_roots, mirr, npv, pmt, xirr, xnpv

REL = 1e-6

# Microsoft Excel XIRR/XNPV documentation example data:
# https://support.microsoft.com/en-us/office/xirr-function-de1242ec-6477-445b-b11b-a303ad9adc9d
# https://support.microsoft.com/en-us/office/xnpv-function-1b42bbf6-370f-4532-a0eb-d67c16b664b7
EXCEL_DATES = [
    dt.date(2008, 1, 1),
    dt.date(2008, 3, 1),
    dt.date(2008, 10, 30),
    dt.date(2009, 2, 15),
    dt.date(2009, 4, 1),
]
EXCEL_FLOWS = [-10_000.0, 2_750.0, 4_250.0, 3_250.0, 2_750.0]


def test_npv_with_first_flow_at_t0_matches_pyxirr_npv() -> None:
    # Anexen/pyxirr tests/test_periodic.rs::test_npv_works
    got = npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])
    assert got == pytest.approx(3065.222668179, rel=REL)


def test_npv_spreadsheet_convention_matches_pyxirr_npv_not_starting_from_zero() -> None:
    # Anexen/pyxirr tests/test_periodic.rs::test_npv_start_from_zero (start_from_zero=False)
    got = npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000], first_period=1)
    assert got == pytest.approx(2838.169137203, rel=REL)


def test_npv_at_zero_rate_is_the_plain_sum_as_in_pyxirr() -> None:
    # Anexen/pyxirr tests/test_periodic.rs::test_npv_zero_rate
    got = npv(0.0, [-40_000, 5_000, 8_000, 12_000, 30_000], first_period=1)
    assert got == pytest.approx(15_000.0, rel=REL)


def test_npv_matches_numpy_financial_decimal_reference() -> None:
    # numpy/numpy-financial numpy_financial/tests/test_financial.py::test_npv_decimal
    got = npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000])
    assert got == pytest.approx(122.894854950942692161628715, rel=REL)


@pytest.mark.parametrize(
    ("flows", "expected"),
    [
        # Anexen/pyxirr tests/test_periodic.rs::test_irr_works
        ([-100.0, 39.0, 59.0, 55.0, 20.0], 0.28094842116),
        ([-100.0, 0.0, 0.0, 74.0], -0.09549583034),
        # Anexen/pyxirr tests/test_periodic.rs::test_irr_equal_payments
        ([87.17] * 5 + [-86.43], -0.49367042606),
        ([-87.17] * 180 + [5809.3], -0.01352676905),
        ([-172545.848122807] + [787.735232517999] * 480, 0.0038401048),
    ],
)
def test_irr_matches_pyxirr_reference_values(flows: list[float], expected: float) -> None:
    assert irr(flows) == pytest.approx(expected, rel=REL)


def test_irr_roots_include_the_pyxirr_root_of_a_flow_that_also_has_a_second_root() -> None:
    # Anexen/pyxirr tests/test_periodic.rs::test_irr_works expects -0.08329966618 for
    # [-100, 100, 0, -7]; the flows change sign twice and NPV is also zero near -67.9%.
    roots = irr_roots([-100.0, 100.0, 0.0, -7.0])
    assert len(roots) == 2
    assert roots[1] == pytest.approx(-0.08329966618, rel=REL)


def test_irr_close_to_minus_one_matches_numpy_financial_gh_15() -> None:
    # numpy/numpy-financial numpy_financial/tests/test_financial.py::test_gh_15
    flows = [
        -3000.0,
        2.3926932267015667e-07,
        4.1672087103345505e-16,
        5.3965110036378706e-25,
        5.1962551071806174e-34,
        3.7202955645436402e-43,
        1.9804961711632469e-52,
        7.8393517651814181e-62,
        2.3072565113911438e-71,
        5.0491839233308912e-81,
        8.2159177668499263e-91,
        9.9403244366963527e-101,
        8.942410813633967e-111,
        5.9816122646481191e-121,
        2.9750309031844241e-131,
        1.1002067043497954e-141,
        3.0252876563518021e-152,
        6.1854121948207909e-163,
        9.4032980015353301e-174,
        1.0629218520017728e-184,
        8.9337141847171845e-196,
        5.5830607698467935e-207,
        2.5943122036622652e-218,
        8.9635842466507006e-230,
        2.3027710094332358e-241,
        4.3987510596745562e-253,
        6.2476630372575209e-265,
        6.598046841695288e-277,
        5.1811095266842017e-289,
        3.0250999925830644e-301,
        1.3133070599585015e-313,
    ]
    assert irr(flows) == pytest.approx(-0.9999999990596069, rel=1e-9)


def test_irr_of_the_excel_documentation_example_after_five_years() -> None:
    # https://support.microsoft.com/en-us/office/irr-function-64925eaa-9988-495b-b290-3ad0c163c1bc
    # publishes 8.7% (one decimal); the full-precision value is checked against it.
    got = irr([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000])
    assert round(got, 3) == 0.087
    assert round(irr([-70_000, 12_000, 15_000, 18_000, 21_000]), 3) == -0.021
    assert round(irr([-70_000, 12_000, 15_000]), 3) == -0.444


def test_mirr_matches_pyxirr_reference() -> None:
    # Anexen/pyxirr tests/test_mirr.rs::test_mirr_works
    assert mirr([-1000, 100, 250, 500, 500], 0.1, 0.1) == pytest.approx(0.10401626745, rel=REL)


@pytest.mark.parametrize(
    ("flows", "finance", "reinvest", "expected"),
    [
        # numpy/numpy-financial numpy_financial/tests/test_financial.py::test_mirr_decimal
        (
            [-4500, -800, 800, 800, 600, 600, 800, 800, 700, 3000],
            0.08,
            0.055,
            0.066597175031553548874239618,
        ),
        # Same data as the Excel MIRR documentation example (12.61%):
        # https://support.microsoft.com/en-us/office/mirr-function-b020f038-7492-4fb4-93c1-35c345b53524
        ([-120000, 39000, 30000, 21000, 37000, 46000], 0.10, 0.12, 0.126094130365905145828421880),
        ([100, 200, -50, 300, -200], 0.05, 0.06, 0.342823387842176663647819868),
    ],
)
def test_mirr_matches_numpy_financial_decimal_references(
    flows: list[float], finance: float, reinvest: float, expected: float
) -> None:
    assert mirr(flows, finance, reinvest) == pytest.approx(expected, rel=REL)


@pytest.mark.parametrize(
    ("rate", "nper", "pv", "expected"),
    [
        # Anexen/pyxirr tests/test_periodic.rs::test_pmt_vec
        (0.075 / 12, 12 * 15, 200_000, -1854.0247200054619),
        (0.01 / 12, 12 * 15, 200_000, -1196.9890290366611),
        (0.0, 12 * 15, 200_000, -1111.111111111111),
        (0.5 / 12, 12 * 15, 200_000, -8338.702667524864),
        # numpy/numpy-financial numpy_financial/tests/test_financial.py::test_pmt_decimal
        (0.08 / 12, 5 * 12, 15_000, -304.1459143262052370338701494),
        (0.3, 12, 2_000, -626.9081401700757748402586600),
        (0.8, 3, 20_000, -19311.25827814569536423841060),
    ],
)
def test_pmt_matches_reference_values(rate: float, nper: int, pv: float, expected: float) -> None:
    assert pmt(rate, nper, pv) == pytest.approx(expected, rel=REL)


def test_pmt_with_payments_at_the_beginning_satisfies_the_pyxirr_future_value_identity() -> None:
    # Anexen/pyxirr tests/test_periodic.rs::test_fv_macro_working: at 5%, 10 periods, pv 100,000
    # the payment is -12950.4574965456 (end) and -12333.7690443292 (begin).
    assert pmt(0.05, 10, 100_000) == pytest.approx(-12950.4574965456, rel=REL)
    assert pmt(0.05, 10, 100_000, when="begin") == pytest.approx(-12333.7690443292, rel=REL)
    assert pmt(0.05, 10, 100_000, 110_000) == pytest.approx(-21695.9607427458, rel=REL)


def test_xirr_matches_the_excel_documentation_example() -> None:
    assert xirr(EXCEL_DATES, EXCEL_FLOWS) == pytest.approx(0.373362535, rel=REL)


def test_xnpv_matches_the_excel_documentation_example() -> None:
    # The Excel VBA reference gives 2086.6476 for =XNPV(.09, A2:A6, B2:B6):
    # https://learn.microsoft.com/en-us/office/vba/api/excel.worksheetfunction.xnpv
    assert xnpv(0.09, EXCEL_DATES, EXCEL_FLOWS) == pytest.approx(2086.6476, rel=REL)
