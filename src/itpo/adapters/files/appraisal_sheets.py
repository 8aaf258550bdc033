"""The appraisal workbook's sheets declared as data: each field's place in the model document,
its kind, allowed values and help text. The template writer and the reader both follow this."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from itpo.appraisal.document import DISTRIBUTIONS, FUELS
from itpo.appraisal.drivers import DRIVERS
from itpo.appraisal.model import DEPRECIATION_METHODS

Kind = Literal["text", "number", "int", "bool", "choice", "currency", "years", "numbers"]
# fields: one field a row (field | value | help); rows: one record a row under a header;
# keyed: like rows, but the first column names the record in a mapping.
Shape = Literal["fields", "rows", "keyed"]


@dataclass(frozen=True)
class Field:
    key: str
    help: str
    kind: Kind = "number"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    name: str
    target: str  # where the sheet's values go in the document ("" = top level)
    shape: Shape
    help: str
    fields: tuple[Field, ...]


F = Field
YES_NO = ("yes", "no")
CURRENCY_HELP = "ISO 4217 code when not the model currency (needs a rate on 'currencies')"

SHEETS: tuple[Sheet, ...] = (
    Sheet("general", "", "fields", "The project, its horizon, discount rate and phases.", (
        F("name", "Project name", "text"),
        F("currency", "Model currency, ISO 4217 (e.g. USD)", "currency"),
        F("horizon_years", "Planning horizon in whole years (1-100)", "int"),
        F("first_calendar_year", "Calendar year of project year 1 (labels only)", "int"),
        F("discount_rate", "Discount rate as a fraction (0.12 = 12%)"),
        F("finance_rate", "MIRR finance rate (blank = discount rate)"),
        F("reinvest_rate", "MIRR reinvestment rate (blank = discount rate)"),
        F("phases.construction.start_year", "First construction year", "int"),
        F("phases.construction.end_year", "Last construction year", "int"),
        F("phases.startup.start_year", "First start-up year (blank = no start-up phase)", "int"),
        F("phases.startup.end_year", "Last start-up year", "int"),
        F("phases.startup.utilisation", "Capacity utilisation during start-up (0.6 = 60%)"),
        F("phases.production.start_year", "First year of full production", "int"),
        F("phases.production.end_year", "Last year of production", "int"),
        F("phases.production.utilisation", "Capacity utilisation at full production"),
    )),
    Sheet("investments", "investments", "rows", "Fixed assets, one a row.", (
        F("name", "What is bought", "text"),
        F("amount", "Cost, in the item's currency"),
        F("currency", CURRENCY_HELP, "currency"),
        F("year", "Project year of purchase", "int"),
        F("useful_life", "Useful life in years", "int"),
        F("depreciation", "Depreciation method (macrs_N: IRS half-year table, N-year class)",
          "choice", DEPRECIATION_METHODS),
        F("declining_rate", "Declining-balance rate (blank = 2 / useful life)"),
        F("depreciation_schedule", "With 'schedule': share written off each year, e.g. "
          "'20%; 32%; 19.2%; 11.52%; 11.52%; 5.76%'", "numbers"),
        F("replace", "Replaced at the end of its life within the horizon?", "bool", YES_NO),
        F("salvage_value", "Value at the end of the horizon (blank = net book value)"),
    )),
    Sheet("working_capital", "working_capital", "fields", "Days of coverage.", (
        F("receivable_days", "Days of sales owed by customers (0-365)"),
        F("inventory_days", "Days of variable costs held as stock (0-365)"),
        F("payable_days", "Days of variable costs owed to suppliers (0-365)"),
        F("in_advance", "Finance each year's need a year ahead?", "bool", YES_NO),
    )),
    Sheet("sales", "products", "rows", "The sales programme: one product line a row.", (
        F("name", "Product", "text"),
        F("unit", "Unit of quantity (t, pieces...)", "text"),
        F("capacity", "Installed capacity, units a year"),
        F("price", "Unit price, in the product's currency"),
        F("variable_cost_per_unit", "Variable (material, energy) cost a unit"),
        F("currency", CURRENCY_HELP, "currency"),
        F("price_escalation", "Yearly price escalation (0.02 = 2%)"),
        F("cost_escalation", "Yearly escalation of the variable cost"),
        F("utilisation", "Utilisation by year overriding the phases, e.g. '2: 0.4; 3: 0.8'",
          "years"),
    )),
    Sheet("operating_costs", "fixed_costs", "rows", "Fixed operating costs, one a row.", (
        F("name", "Cost item (salaries, maintenance, overheads...)", "text"),
        F("amount", "Yearly amount, in the item's currency"),
        F("currency", CURRENCY_HELP, "currency"),
        F("start_year", "First year (blank = first operating year)", "int"),
        F("escalation", "Yearly escalation (0.03 = 3%)"),
    )),
    Sheet("equity", "equity", "rows", "Equity paid in by the sponsors.", (
        F("amount", "Amount, in its currency"),
        F("currency", CURRENCY_HELP, "currency"),
        F("year", "Project year paid in", "int"),
    )),
    Sheet("loans", "loans", "rows", "Loans, one a row; the tenor counts the grace years.", (
        F("name", "Lender or facility", "text"),
        F("amount", "Principal, in its currency"),
        F("currency", CURRENCY_HELP, "currency"),
        F("drawdown_year", "Project year the loan is drawn", "int"),
        F("interest_rate", "Yearly interest rate (0.08 = 8%)"),
        F("tenor_years", "Years from drawdown to the last repayment, grace included", "int"),
        F("grace_years", "Years without principal repayment", "int"),
        F("repayment", "Repayment method", "choice", ("annuity", "linear")),
        F("capitalise_interest", "Add interest during grace to the principal?", "bool", YES_NO),
    )),
    Sheet("tax", "tax", "fields", "Corporate income tax.", (
        F("rate", "Tax rate on profit (0.3 = 30%)"),
        F("loss_carry_forward_years", "Years a loss can be carried (blank = no limit)", "int"),
        F("credit_losses", "Credit losses in their year (other company profit absorbs them)?",
          "bool", YES_NO),
    )),
    Sheet("currencies", "exchange_rates", "keyed", "Model-currency units per unit of each.", (
        F("currency", "ISO 4217 code", "currency"),
        F("rate", "Model-currency units per one unit of this currency"),
    )),
    Sheet("green", "green", "fields", "Green impact (leave blank for none).", (
        F("country", "ISO 3166 alpha-3 country of the grid (e.g. KEN)", "currency"),
        F("kwh_generated_firm", "kWh a year of firm (dispatchable) generation"),
        F("kwh_generated_intermittent", "kWh a year of solar or wind generation"),
        F("kwh_saved", "kWh a year of electricity saved"),
        F("degradation", "Yearly loss of electricity output (0.005 = 0.5%)"),
        F("operating_years", "Years of operation (blank = from first operating year)", "int"),
        F("direct_jobs", "Direct jobs created", "int"),
        F("women_jobs", "Of which held by women", "int"),
        F("agri_food", "Agri-food project (SDG 2)?", "bool", YES_NO),
        F("water", "Water project (SDG 6)?", "bool", YES_NO),
        F("grid_factors.source", "Source of the factors on 'grid_factors' (blank = IFI default "
          "table)", "text"),
    )),
    Sheet("grid_factors", "green.grid_factors.countries", "keyed",
          "Your grid factors, gCO2/kWh, replacing the IFI default table (name the source on "
          "'green').", (
        F("country", "ISO 3166 alpha-3 code", "currency"),
        F("combined_margin_firm", "Combined margin for firm generation, gCO2/kWh"),
        F("combined_margin_intermittent", "Combined margin for solar and wind, gCO2/kWh"),
        F("energy_efficiency", "Factor for electricity saved, gCO2/kWh"),
    )),
    Sheet("fuel_switches", "green.fuel_switches", "rows", "Fuel use replaced, a year.", (
        F("baseline_fuel", "Fuel used without the project", "choice", FUELS),
        F("baseline_tonnes", "Tonnes a year without the project"),
        F("project_fuel", "Fuel used with the project (blank = none)", "choice", FUELS),
        F("project_tonnes", "Tonnes a year with the project"),
        F("non_renewable_fraction", "Non-renewable share of firewood (0-1)"),
    )),
    Sheet("risk", "risk", "keyed", "Monte Carlo: factor on each driver (1 = base case).", (
        F("driver", "Risk driver", "choice", DRIVERS),
        F("distribution", "Shape of the distribution", "choice", DISTRIBUTIONS),
        F("low", "Lowest factor (triangular, pert)"),
        F("mode", "Most likely factor (triangular, pert)"),
        F("high", "Highest factor (triangular, pert)"),
        F("mean", "Mean (normal)"),
        F("sd", "Standard deviation (normal)"),
    )),
    Sheet("correlations", "risk.correlations", "rows",
          "Rank correlations between drivers given on 'risk' (blank pairs: 0).", (
        F("driver_a", "A driver with a distribution on 'risk'", "choice", DRIVERS),
        F("driver_b", "Another such driver", "choice", DRIVERS),
        F("coefficient", "Rank correlation, -1 to 1 (0.9: they move together)"),
    )),
)  # fmt: skip
