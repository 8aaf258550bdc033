"""Loan schedules: drawdown, grace period, interest (paid or capitalised) and repayment."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from itpo.appraisal._numeric import FloatArray
from itpo.appraisal.finance import pmt
from itpo.appraisal.model import Loan, Model
from itpo.appraisal.validate import to_model_currency


@dataclass(frozen=True)
class LoanSchedule:
    """Yearly arrays (index 0 = year 1) in the model currency."""

    drawdown: FloatArray
    interest_paid: FloatArray
    interest_capitalised: FloatArray
    principal: FloatArray
    balance: FloatArray  # outstanding at the end of each year

    @property
    def debt_service(self) -> FloatArray:
        """Interest paid plus principal repaid."""
        return self.interest_paid + self.principal


def loan_schedule(model: Model, loan: Loan) -> LoanSchedule:
    """The schedule of one loan, drawn at the start of its drawdown year."""
    h = model.horizon_years
    zeros = [np.zeros(h) for _ in range(5)]
    draw, paid, capitalised, principal, balance = zeros
    amount = to_model_currency(model, loan.amount, loan.currency)
    i = loan.interest_rate
    d = loan.drawdown_year - 1
    draw[d] = amount
    bal = amount
    for k in range(loan.grace_years):
        interest = bal * i
        if loan.capitalise_interest:
            capitalised[d + k] = interest
            bal += interest
        else:
            paid[d + k] = interest
        balance[d + k] = bal
    n = loan.tenor_years - loan.grace_years
    annuity = -pmt(i, n, bal) if loan.repayment == "annuity" else 0.0
    straight = bal / n
    for k in range(n):
        t = d + loan.grace_years + k
        interest = bal * i
        repaid = annuity - interest if loan.repayment == "annuity" else straight
        repaid = bal if k == n - 1 else repaid  # clear rounding residue in the last year
        paid[t] = interest
        principal[t] = repaid
        bal -= repaid
        balance[t] = bal
    return LoanSchedule(draw, paid, capitalised, principal, balance)


def all_loans(model: Model) -> LoanSchedule:
    """The sum of every loan's schedule."""
    h = model.horizon_years
    parts = [loan_schedule(model, loan) for loan in model.loans]
    if not parts:
        return LoanSchedule(*(np.zeros(h) for _ in range(5)))
    return LoanSchedule(
        *(np.sum([getattr(p, f) for p in parts], axis=0) for f in LoanSchedule.__dataclass_fields__)
    )
