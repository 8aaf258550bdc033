"""Project appraisal, COMFAR-style: discounted cash flow, project model, risk and green impact.

Pure domain code: standard library and numpy only.
"""

from itpo.appraisal.appraisal import Appraisal, ReturnMeasures, evaluate
from itpo.appraisal.dated import xirr, xnpv
from itpo.appraisal.errors import (
    AppraisalError,
    InvalidInputError,
    ModelError,
    MultipleIRRError,
    NoIRRError,
)
from itpo.appraisal.finance import irr, irr_roots, mirr, npv, payback, pmt
from itpo.appraisal.model import (
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
)
from itpo.appraisal.parse import parse_model

__all__ = [
    "Appraisal",
    "AppraisalError",
    "Equity",
    "FixedCost",
    "InvalidInputError",
    "InvestmentItem",
    "Loan",
    "Model",
    "ModelError",
    "MultipleIRRError",
    "NoIRRError",
    "Phase",
    "Phases",
    "Product",
    "ReturnMeasures",
    "Tax",
    "WorkingCapital",
    "evaluate",
    "irr",
    "irr_roots",
    "mirr",
    "npv",
    "parse_model",
    "payback",
    "pmt",
    "xirr",
    "xnpv",
]
