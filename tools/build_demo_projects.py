"""Convert the World Bank projects sample into ITPO Exchange investment projects.

Reads ``/work/shared/data/projects/world_bank_projects.json`` (500 projects from the World Bank
Projects API, CC BY 4.0) and writes ``src/itpo/demo/data/world_bank_projects.json`` in the import
format of ``docs/record-format.md``: ``{"source", "licence", "organisations", "opportunities"}``.

Every mapping used below (country codes, World Bank sectors to ISIC Rev.4 classes and technology
areas, themes and sectors to SDGs, regional projects) is an explicit table in this file. Every
ISIC class, country code and technology area that the script writes is checked against the
platform's own reference data (``itpo.registry.reference``); only the country names used in
running text (CLDR display names, "Tanzania") come from the raw country list in the data folder.
An unknown code, or a sector or theme missing from the tables, stops the script with an error.

Projects are valid for ``VALID_FOR_DAYS`` days, which ``itpo demo`` counts from the day it loads
them. tests/unit/demo/test_demo_builders.py checks that the build reproduces the shipped file.

Usage (with the project's environment, where ``itpo`` is installed)::

    .venv/bin/python tools/build_demo_projects.py [--data-dir /work/shared/data] [--output PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itpo.registry import reference

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = Path("/work/shared/data")
DEFAULT_OUTPUT = ROOT / "src" / "itpo" / "demo" / "data" / "world_bank_projects.json"

SOURCE = "World Bank Projects API (500 projects approved 2012-2013), via /work/shared/data"
LICENCE = (
    "CC BY 4.0, The World Bank. Converted and mapped to ISIC Rev.4, technology areas and SDGs "
    "by tools/build_demo_projects.py; the mappings are ITPO Exchange's, not the World Bank's."
)
# Days from the day the demo is loaded: about sixteen months, as for the illustrative records.
VALID_FOR_DAYS = 487

# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------

# World Bank country codes that are not ISO 3166 alpha-2 codes (or are retired ones).
WB_COUNTRY_OVERRIDES: dict[str, str] = {
    "GZ": "PSE",  # West Bank and Gaza
    "RY": "YEM",  # Yemen, Republic of
    "TP": "TLS",  # Timor-Leste (retired ISO code TP)
    "YF": "SRB",  # Serbia
    "ZR": "COD",  # Congo, Democratic Republic of (retired ISO code ZR)
}

# Country codes with no ISO 3166 entry: the projects are left out (an organisation needs an
# ISO country), and the script says so.
WB_COUNTRIES_WITHOUT_ISO: dict[str, str] = {
    "XK": "Kosovo has no ISO 3166-1 code",
}


@dataclass(frozen=True)
class Regional:
    """A reviewed multi-country or regional project.

    ``countries``: member countries named in the record (name, borrower or abstract), else empty.
    ``org_name``: organisation name to use instead of the source's agency/borrower, if any.
    ``org_country``: country of the implementing organisation (its seat for regional bodies).
    """

    countries: tuple[str, ...]
    org_country: str
    org_name: str | None = None


# Every project with a World Bank region code (1W, 3A, 4E, 4P, 5M, 7E, 8S) must be listed here
# or in REGIONAL_SKIPPED.
REGIONAL: dict[str, Regional] = {
    # Coral reef ecosystem services: abstract names Indonesia and the Philippines.
    "P123933": Regional(("IDN", "PHL"), "AUS"),
    # Pacific Aviation Safety Office, seat Port Vila; member states not named.
    "P145057": Regional((), "VUT"),
    # West African Health Organisation (ECOWAS), seat Bobo-Dioulasso; members not named.
    "P125018": Regional((), "BFA", "West African Health Organisation (WAHO)"),
    # RCIP4: borrower "Uganda-Comoros", abstract: project for Comoros.
    "P118213": Regional(
        ("COM", "UGA"), "COM", "Ministries in charge of telecommunications and ICT (RCIP4)"
    ),
    # BRICKS (Sahel and West Africa Program): OSS (seat Tunis), IUCN, CILSS; 12 countries unnamed.
    "P130888": Regional((), "TUN"),
    # Pacific Community, SOPAC division (Suva); participating countries not named.
    "P132449": Regional((), "FJI"),
    # Red Sea and Gulf of Aden: borrower lists the five countries; PERSGA seat Jeddah.
    "P113794": Regional(("DJI", "EGY", "JOR", "SDN", "YEM"), "SAU"),
    # FSM and PW telecoms: Federated States of Micronesia and Palau.
    "P132686": Regional(
        ("FSM", "PLW"), "FSM", "Department of Communications and Infrastructure (FSM)"
    ),
    # Bank-executed wildlife project: the World Bank itself executes it.
    "P144902": Regional((), "USA", "The World Bank (Bank-executed)"),
    # Rusumo Falls: borrower lists Burundi, Rwanda and Tanzania.
    "P075941": Regional(
        ("BDI", "RWA", "TZA"), "RWA", "Governments of Burundi, Rwanda and Tanzania (Rusumo Falls)"
    ),
    # Nepal-India trade and transport.
    "P144335": Regional(("NPL", "IND"), "NPL"),
    # WAAPP-2A additional financing: for Mali.
    "P145160": Regional(("MLI",), "MLI"),
    # CAWTAR (seat Tunis): Morocco, Tunisia and Egypt named in the abstract.
    "P144655": Regional(
        ("MAR", "TUN", "EGY"), "TUN", "Center of Arab Women for Training and Research (CAWTAR)"
    ),
    # West Africa RCIP APL 2: abstract is about Togo.
    "P123093": Regional(("TGO",), "TGO", "Ministry of Telecommunications and ICT (Togo)"),
    # Southern Africa trade and transport: TANROADS, borrower Tanzania.
    "P120370": Regional(("TZA",), "TZA"),
    # World Organisation for Animal Health, seat Paris; countries not named.
    "P133572": Regional((), "FRA"),
    # APPSA: borrower lists Malawi, Mozambique and Zambia; CCARDESA seat Gaborone.
    "P094183": Regional(("MWI", "MOZ", "ZMB"), "BWA"),
    # Solid waste OBA pilot in the West Bank.
    "P132268": Regional(("PSE",), "PSE"),
    # ENPI East FLEG II: IUCN and WWF (both seated in Gland); countries not named.
    "P131138": Regional((), "CHE"),
    # Nile Basin Initiative, secretariat in Entebbe; countries not named.
    "P130694": Regional((), "UGA"),
    # Breastfeeding Promotion Network of India; South Asia region, countries not named.
    "P133329": Regional((), "IND"),
    # Niger Basin Authority (seat Niamey): works in the Niger part of the basin.
    "P130174": Regional(("NER",), "NER"),
    # Displaced people in Jordan and Lebanon; Save the Children International (London).
    "P132097": Regional(("JOR", "LBN"), "GBR", "Save the Children International"),
}

# Regional projects that name neither an implementing agency nor a borrower nor a seat.
REGIONAL_SKIPPED: dict[str, str] = {
    "P130343": "no implementing agency, borrower or country in the record",
    "P133255": "implementing agency is 'participating Pacific Island countries', none named",
}

# --------------------------------------------------------------------------------------------
# Sectors -> ISIC Rev.4 classes, technology areas, SDGs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SectorMap:
    """How one World Bank sector maps.

    ``isic``: ISIC Rev.4 classes; empty means consciously unmapped (reason in ``note``).
    ``tech``: technology areas the sector always implies.
    ``sdgs``: SDGs the sector serves.
    """

    isic: tuple[str, ...]
    sdgs: tuple[int, ...] = ()
    tech: tuple[str, ...] = ()
    note: str = ""


# Keyed by World Bank sector code; the name is checked too, so a renamed sector fails loudly.
SECTORS: dict[str, tuple[str, SectorMap]] = {
    "EL": ("Adult literacy/non-formal education", SectorMap(("8549",), (4,))),
    "AB": ("Agricultural extension and research", SectorMap(("7210", "0161"), (2,))),
    "YA": ("Agro-industry, marketing, and trade", SectorMap(("1030", "4620"), (2, 9))),
    "AJ": ("Animal production", SectorMap(("0141", "0162"), (2,))),
    "TV": ("Aviation", SectorMap(("5110", "5223"), (9,), ("infrastructure.transport_logistics",))),
    "FA": ("Banking", SectorMap(("6419",), (8,))),
    "FK": ("Capital markets", SectorMap(("6611",), (8,))),
    "BC": ("Central government administration", SectorMap(("8411",), (16,))),
    "BK": ("Compulsory health finance", SectorMap(("8430",), (3,))),
    "BE": ("Compulsory pension and unemployment insurance", SectorMap(("8430",), (1,))),
    "FR": ("Credit Reporting and Secured Transactions", SectorMap(("8291",), (8,))),
    "AH": ("Crops", SectorMap(("0111", "0113"), (2,))),
    "LA": (
        "Energy efficiency in Heat and Power",
        SectorMap(("3530", "3510"), (7, 13), ("green.energy_efficiency",)),
    ),
    "WD": ("Flood protection", SectorMap(("4290",), (11, 13))),
    "AT": ("Forestry", SectorMap(("0210", "0240"), (15,))),
    "AZ": (
        "General agriculture, fishing and forestry sector",
        SectorMap((), (2,), note="too broad for one ISIC class; the specific sectors carry it"),
    ),
    "EZ": ("General education sector", SectorMap((), (4,), note="too broad for one ISIC class")),
    "LZ": ("General energy sector", SectorMap(("3510",), (7,))),
    "FZ": ("General finance sector", SectorMap((), (8,), note="too broad for one ISIC class")),
    "YZ": (
        "General industry and trade sector",
        SectorMap((), (8, 9), note="too broad for one ISIC class"),
    ),
    "CZ": (
        "General information and communications sector",
        SectorMap((), (9,), note="too broad for one ISIC class"),
    ),
    "BZ": ("General public administration sector", SectorMap(("8411",), (16,))),
    "TZ": (
        "General transportation sector",
        SectorMap((), (9,), ("infrastructure.transport_logistics",), "mode not stated"),
    ),
    "WZ": (
        "General water, sanitation and flood protection sector",
        SectorMap(("3600", "3700"), (6,)),
    ),
    "JA": ("Health", SectorMap(("8610", "8690"), (3,))),
    "YC": ("Housing construction", SectorMap(("4100",), (11,))),
    "FC": ("Housing finance", SectorMap(("6492",), (11,))),
    "LH": ("Hydropower", SectorMap(("3510",), (7,))),
    "CA": ("Information technology", SectorMap(("6201", "6209"), (9,))),
    "AI": ("Irrigation and drainage", SectorMap(("0161", "4290"), (2, 6))),
    "BG": ("Law and justice", SectorMap(("8423",), (16,))),
    "FI": ("Microfinance", SectorMap(("6492",), (1, 8))),
    "FB": ("Non-compulsory health finance", SectorMap(("6512",), (3,))),
    "FD": ("Non-compulsory pensions and insurance", SectorMap(("6511", "6530"), (1, 8))),
    "LC": ("Oil and gas", SectorMap(("0610", "0620"), (7,))),
    "LS": ("Other Mining and Extractive Industries", SectorMap(("0729", "0899"), (8,))),
    "LR": ("Other Renewable Energy", SectorMap(("3510",), (7, 13))),
    "YY": (
        "Other domestic and international trade",
        SectorMap((), (8, 17), note="trade policy and facilitation; no single ISIC activity"),
    ),
    "YW": ("Other industry", SectorMap((), (9,), note="too broad for one ISIC class")),
    "FL": ("Other non-bank financial intermediaries", SectorMap(("6499",), (8,))),
    "JB": ("Other social services", SectorMap(("8890",), (1,))),
    "YD": ("Petrochemicals and fertilizers", SectorMap(("2011", "2012"), (9,))),
    "TP": (
        "Ports, waterways and shipping",
        SectorMap(("5222", "4290"), (9,), ("infrastructure.transport_logistics",)),
    ),
    "EC": ("Pre-primary education", SectorMap(("8510",), (4,))),
    "EP": ("Primary education", SectorMap(("8510",), (4,))),
    "BL": (
        "Public administration- Agriculture, fishing and forestry",
        SectorMap(("8413",), (2, 16)),
    ),
    "BN": ("Public administration- Education", SectorMap(("8412",), (4, 16))),
    "BU": ("Public administration- Energy and mining", SectorMap(("8413",), (7, 16))),
    "BO": ("Public administration- Financial Sector", SectorMap(("8411",), (8, 16))),
    "BQ": ("Public administration- Health", SectorMap(("8412",), (3, 16))),
    "BT": ("Public administration- Industry and trade", SectorMap(("8413",), (9, 16))),
    "BM": ("Public administration- Information and communications", SectorMap(("8413",), (9, 16))),
    "BS": ("Public administration- Other social services", SectorMap(("8412",), (1, 16))),
    "BV": ("Public administration- Transportation", SectorMap(("8413",), (9, 16))),
    "BW": (
        "Public administration- Water, sanitation and flood protection",
        SectorMap(("8412",), (6, 16)),
    ),
    "TW": (
        "Railways",
        SectorMap(("4911", "4912", "4210"), (9,), ("infrastructure.transport_logistics",)),
    ),
    "TI": (
        "Rural and Inter-Urban Roads and Highways",
        SectorMap(("4210",), (9,), ("infrastructure.transport_logistics",)),
    ),
    "FH": ("SME Finance", SectorMap(("6492",), (8, 9))),
    "WA": ("Sanitation", SectorMap(("3700",), (6,))),
    "ES": ("Secondary education", SectorMap(("8521",), (4,))),
    "WB": (
        "Solid waste management",
        SectorMap(("3811", "3821"), (11, 12), ("green.waste_management",)),
    ),
    "BH": ("Sub-national government administration", SectorMap(("8411",), (16,))),
    "CT": ("Telecommunications", SectorMap(("6110", "6120"), (9,), ("digital.connectivity",))),
    "ET": ("Tertiary education", SectorMap(("8530",), (4,))),
    "LG": ("Thermal Power Generation", SectorMap(("3510",), (7,))),
    "LT": (
        "Transmission and Distribution of Electricity",
        SectorMap(("3510",), (7,), ("infrastructure.power_grid",)),
    ),
    "TC": ("Urban Transport", SectorMap(("4921",), (11,), ("infrastructure.transport_logistics",))),
    "EV": ("Vocational training", SectorMap(("8522",), (4, 8))),
    "WT": ("Wastewater Collection and Transportation", SectorMap(("3700",), (6,))),
    "WV": (
        "Wastewater Treatment and Disposal",
        SectorMap(("3700",), (6,), ("green.water_treatment",)),
    ),
    "WC": ("Water supply", SectorMap(("3600",), (6,))),
}

ENERGY_SECTORS = frozenset({"LA", "LZ", "LH", "LR", "LG", "LT", "BU"})
AGRICULTURE_SECTORS = frozenset({"AB", "YA", "AJ", "AH", "AZ", "AI", "BL"})
EDUCATION_SECTORS = frozenset({"EL", "EZ", "EC", "EP", "ES", "ET", "EV", "BN"})
FINANCE_SECTORS = frozenset({"FA", "FI", "FH", "FZ", "FL"})
HEALTH_SECTORS = frozenset({"JA", "BQ", "BK"})


@dataclass(frozen=True)
class TextRule:
    """A technology area implied only when the project text says so (conservative)."""

    area: str
    pattern: str
    sectors: frozenset[str] | None  # the project must have one of these sectors (None: any)


TEXT_RULES: tuple[TextRule, ...] = (
    TextRule("green.small_hydro", r"small[- ]hydro|mini[- ]hydro|micro[- ]hydro", ENERGY_SECTORS),
    TextRule(
        "green.solar_pv",
        r"photovoltaic|\bsolar (pv|home|power|lantern|lamp|panel|electric|farm|park|plant)",
        ENERGY_SECTORS,
    ),
    TextRule(
        "green.solar_thermal",
        r"solar (water heat|thermal)|concentrated solar|\bcsp\b",
        ENERGY_SECTORS,
    ),
    TextRule("green.wind", r"\bwind (power|farm|energy|turbine|park)", ENERGY_SECTORS),
    TextRule("green.geothermal", r"geothermal", ENERGY_SECTORS),
    TextRule("green.bioenergy", r"biogas|biomass|biofuel", ENERGY_SECTORS),
    TextRule("green.clean_cooking", r"cook ?stove|improved stove|clean cooking", None),
    TextRule("green.energy_efficiency", r"energy efficien", ENERGY_SECTORS),
    TextRule(
        "green.efficient_irrigation",
        r"\bdrip\b|sprinkler|water[- ]saving|efficient irrigation|irrigation efficiency"
        r"|water use efficiency|water productivity",
        frozenset({"AI"}),
    ),
    TextRule(
        "green.sustainable_forestry",
        r"sustainable forest|forest management|reforestation|afforestation|community forest"
        r"|forest landscape restoration",
        frozenset({"AT"}),
    ),
    TextRule(
        "industry.agro_processing",
        r"agro[- ]?processing|food processing|processing (plant|facilit|unit)|value[- ]addition",
        AGRICULTURE_SECTORS,
    ),
    TextRule("green.post_harvest", r"post[- ]?harvest", AGRICULTURE_SECTORS),
    TextRule(
        "green.climate_smart_agriculture",
        r"climate[- ]smart|climate[- ]resilient agri",
        AGRICULTURE_SECTORS,
    ),
    TextRule(
        "green.water_treatment",
        r"water treatment|treatment plant|desalination",
        frozenset({"WC", "WZ", "WA", "WT", "WV", "BW"}),
    ),
    TextRule(
        "digital.e_government",
        r"e-government|e-governance|electronic government|e-procurement|e-services",
        None,
    ),
    TextRule("digital.fintech", r"mobile (banking|money|payment)|digital financ", FINANCE_SECTORS),
    TextRule(
        "digital.edtech",
        r"e-learning|distance (learning|education)|educational technolog|information and "
        r"communications? technolog|\bict\b",
        EDUCATION_SECTORS,
    ),
    TextRule(
        "health.digital_health",
        r"telemedicine|e-health|\bmhealth\b|mobile health",
        HEALTH_SECTORS,
    ),
    TextRule("green.electric_mobility", r"electric (vehicle|bus)|e-mobility", None),
)

# World Bank themes (by code) -> SDGs. Themes with an empty tuple are consciously unmapped.
THEMES: dict[str, tuple[str, tuple[int, ...]]] = {
    "21": ("Debt management and fiscal sustainability", (17,)),
    "22": ("Economic statistics, modeling and forecasting", (17,)),
    "23": ("Macroeconomic management", (8, 17)),
    "24": ("Other economic management", (8,)),
    "25": ("Administrative and civil service reform", (16,)),
    "26": ("Decentralization", (16,)),
    "27": ("Public expenditure, financial management and procurement", (16,)),
    "28": ("Tax policy and administration", (17,)),
    "29": ("Other accountability/anti-corruption", (16,)),
    "30": ("Other public sector governance", (16,)),
    "31": ("Access to law and justice", (16,)),
    "32": ("Judicial and other dispute resolution mechanisms", (16,)),
    "34": ("Legal institutions for a market economy", (16,)),
    "35": ("Legal services", (16,)),
    "36": ("Personal and property rights", (1, 16)),
    "38": ("Corporate governance", (16,)),
    "39": ("Infrastructure services for private sector development", (9,)),
    "40": ("Regulation and competition policy", (8,)),
    "41": ("Micro, Small and Medium Enterprise support", (8, 9)),
    "42": ("International financial standards and systems", (17,)),
    "43": ("State-owned enterprise restructuring and privatization", (8,)),
    "45": ("Export development and competitiveness", (8, 17)),
    "47": ("Regional integration", (17,)),
    "48": ("Technology diffusion", (9, 17)),
    "49": ("Trade facilitation and market access", (8, 17)),
    "51": ("Improving labor markets", (8,)),
    "52": ("Natural disaster management", (11, 13)),
    "53": ("Poverty strategy, analysis and monitoring", (1,)),
    "54": ("Social safety nets", (1,)),
    "55": ("Vulnerability assessment and monitoring", (1,)),
    "56": ("Other social protection and risk management", (1,)),
    "57": ("Participation and civic engagement", (16,)),
    "58": ("Conflict prevention and post-conflict reconstruction", (16,)),
    "59": ("Gender", (5,)),
    "60": ("Indigenous peoples", (10,)),
    "62": ("Other social development", (10,)),
    "63": ("Child health", (3,)),
    "64": ("Other communicable diseases", (3,)),
    "65": ("Education for all", (4,)),
    "66": ("Education for the knowledge economy", (4, 9)),
    "67": ("Health system performance", (3,)),
    "68": ("Nutrition and food security", (2,)),
    "69": ("Population and reproductive health", (3, 5)),
    "70": ("Other human development", ()),
    "71": ("Urban services and housing for the poor", (1, 11)),
    "72": ("Municipal finance", (11,)),
    "73": ("Municipal governance and institution building", (11, 16)),
    "74": ("Other urban development", (11,)),
    "75": ("Rural markets", (2, 8)),
    "76": ("Rural non-farm income generation", (1, 8)),
    "77": ("Rural policies and institutions", (2,)),
    "78": ("Rural services and infrastructure", (2, 9)),
    "79": ("Other rural development", (2,)),
    "80": ("Biodiversity", (15,)),
    "81": ("Climate change", (13,)),
    "82": ("Environmental policies and institutions", (15,)),
    "83": ("Land administration and management", (1, 15)),
    "84": ("Pollution management and environmental health", (3, 12)),
    "85": ("Water resource management", (6,)),
    "86": ("Other environment and natural resources management", (15,)),
    "87": ("Social risk mitigation", (1,)),
    "88": ("HIV/AIDS", (3,)),
    "89": ("Injuries and non-communicable diseases", (3,)),
    "91": ("Global food crisis response", (2,)),
    "92": ("Malaria", (3,)),
    "93": ("Tuberculosis", (3,)),
}

# Implementing agency / borrower values that do not name an organisation.
PLACEHOLDER_AGENCIES = frozenset(
    {"TBD (TO BE DETERMINED)", "NGO", "BANK EXECUTED", "PARTICIPATING PICS"}
)

LENDING_PRODUCT_LINES = frozenset({"IBRD/IDA"})
LENDING_FINANCIAL_TYPES = frozenset({"IBRD", "IDA"})

PRODUCT_LINE_PHRASES: dict[str, str] = {
    "IBRD/IDA": "World Bank (IBRD/IDA) financing",
    "Recipient Executed Activities": "a recipient-executed World Bank trust-fund grant",
    "Global Environment Project": (
        "a Global Environment Facility grant administered by the World Bank"
    ),
    "GEF Medium Sized Program": "a GEF medium-sized grant administered by the World Bank",
    "Special Financing": "World Bank special financing",
    "Montreal Protocol": "a Montreal Protocol grant administered by the World Bank",
    "Carbon Offset": "World Bank carbon finance",
    "Guarantees": "a World Bank guarantee",
}

# Upper-case source names are title-cased; these tokens stay in capitals.
ACRONYMS = frozenset(
    re.findall(
        r"\S+",
        """
    ADDY AIDS AKDN ARD ARDZ BRAC CFSI CILSS CONAF DER DG DGFRN DRC EDH EEHC EITI EPMMQ ERA EVN
    EWURA FADC FATA FHIS FIPAG FIRCO FISE FMF FSM GDF GEF GRAAN HBOR HPRIDC HTB ICT IDCOL IERD
    ILO INAS IUCN JSC KEK LEITI LSB MAPM MARENA MDG MDMQ MENR MEPSP MESP MIDIS MINECOFIN MIREM
    MOAD MOEF MOH MOHA MOI MOIT MOPIC MPD MPWH MTC MTPTC NBA NEA NEITI NFCO NGO NR ONS OSS PDR
    PGR PIU PLN PLO PMO PMU PNG PRAF PT PW RALG REB SARL SAV SCDM SEEE SEFIN SEPLAN SINEACE
    SMEPS SNACC SOPAC SP SWM TANESCO TANROADS TPDC TRR UN WAAPP WAHO WWF ZESCO
    CAWTAR CCARDESA PERSGA ECOWAS TBD UT TA FY AGRYHMET
    """,
    )
)
TITLE_WORDS = {"LTD": "Ltd", "DEPT": "Dept", "MIN": "Min", "NAT": "Nat", "GOVT": "Govt"}
SMALL_WORDS = frozenset(
    {
        "of",
        "and",
        "the",
        "for",
        "in",
        "on",
        "at",
        "to",
        "de",
        "des",
        "du",
        "la",
        "le",
        "et",
        "e",
        "do",
        "da",
    }
)


# --------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------


class DataError(Exception):
    """The raw data or a mapping table is inconsistent."""


@dataclass
class Reference:
    """Codes from the platform's reference data; country names for text from the raw list."""

    alpha2_to_alpha3: dict[str, str]
    country_names: dict[str, str]  # alpha-3 -> English display name (CLDR)

    def check_isic(self, code: str, where: str) -> None:
        if code != code.strip() or not reference.is_isic_class(code):
            raise DataError(f"{where}: {code!r} is not an ISIC Rev.4 class")

    def check_country(self, code: str, where: str) -> None:
        if code not in reference.countries():
            raise DataError(f"{where}: {code!r} is not an ISO 3166 alpha-3 code")

    def check_area(self, area: str, where: str) -> None:
        if area not in reference.technology_areas():
            raise DataError(f"{where}: unknown technology area {area!r}")


def load_reference(data_dir: Path) -> Reference:
    countries = reference.countries().values()
    names: dict[str, str] = {}
    with (data_dir / "countries" / "country-codes.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            a3 = row["ISO3166-1-Alpha-3"].strip()
            if a3 in reference.countries():
                names[a3] = row["CLDR display name"].strip() or row["official_name_en"].strip()
    unnamed = sorted({c.code for c in countries} - set(names))
    if unnamed:
        raise DataError(f"country-codes.csv names no country {unnamed[0]}")
    return Reference({c.alpha2: c.code for c in countries}, names)


def check_tables(ref: Reference) -> None:
    """Fail loudly if a mapping table names an unknown code."""
    for code, (name, mapping) in SECTORS.items():
        for isic in mapping.isic:
            ref.check_isic(isic, f"sector {code} {name}")
        for area in mapping.tech:
            ref.check_area(area, f"sector {code} {name}")
        if not mapping.isic and not mapping.note:
            raise DataError(f"sector {code} {name}: unmapped without a reason")
        for sdg in mapping.sdgs:
            if not 1 <= sdg <= 17:
                raise DataError(f"sector {code}: SDG {sdg} out of range")
    for rule in TEXT_RULES:
        ref.check_area(rule.area, "text rule")
    for code, (name, sdgs) in THEMES.items():
        if any(not 1 <= s <= 17 for s in sdgs):
            raise DataError(f"theme {code} {name}: SDG out of range")
    for a2, a3 in WB_COUNTRY_OVERRIDES.items():
        ref.check_country(a3, f"country override {a2}")
    for pid, reg in REGIONAL.items():
        for country in (*reg.countries, reg.org_country):
            ref.check_country(country, f"regional project {pid}")


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset({"no", "mr", "mrs", "dr", "st", "e.g", "i.e", "approx", "u.s", "vs"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")


def clean_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        last_word = before.rsplit(" ", 1)[-1].rstrip(".!?").lower()
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
            continue
        sentences.append(before.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def make_teaser(abstract: str) -> str:
    sentences = split_sentences(abstract)
    teaser = sentences[0]
    if len(sentences) > 1 and len(teaser) < 220 and len(teaser) + len(sentences[1]) < 600:
        teaser = f"{teaser} {sentences[1]}"
    if len(teaser) > 2000:
        teaser = teaser[:1990].rsplit(" ", 1)[0] + " …"
    return teaser


def smart_title(name: str) -> str:
    """Title-case an all-capitals source name, keeping acronyms and small words."""
    name = clean_text(name)
    if not name.isupper():
        return name
    out: list[str] = []
    for index, token in enumerate(re.split(r"(\W+)", name)):
        if not token or not token[0].isalpha():
            out.append(token)
            continue
        if token in TITLE_WORDS:
            out.append(TITLE_WORDS[token])
        elif token in ACRONYMS or not re.search(r"[AEIOUYÀ-Ý]", token):
            out.append(token)
        elif index > 0 and token.lower() in SMALL_WORDS:
            out.append(token.lower())
        else:
            out.append(token[0] + token[1:].lower())
    return "".join(out)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def format_usd(amount: float) -> str:
    if amount >= 1e9:
        return f"US${amount / 1e9:.2f} billion"
    if amount >= 1e6:
        return f"US${amount / 1e6:,.1f} million".replace(".0 million", " million")
    return f"US${amount:,.0f}"


def sector_phrase(code: str) -> str:
    """A World Bank sector name as a lower-case phrase for running text."""
    name = SECTORS[code][0]
    if name.startswith("Public administration- "):
        return f"public administration ({name.split('- ', 1)[1].lower()})"
    return name.removesuffix(" sector").lower().replace("sme finance", "SME finance")


def join_words(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------------------------


@dataclass
class Output:
    organisations: dict[str, dict[str, Any]] = field(default_factory=dict)
    org_projects: dict[str, list[str]] = field(default_factory=dict)
    opportunities: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def project_sectors(project: Mapping[str, Any]) -> list[str]:
    codes: list[str] = []
    for item in project.get("sector_namecode") or []:
        code, name = item["code"], item["name"]
        if code not in SECTORS:
            raise DataError(f"{project['id']}: sector {code} {name!r} is not in the mapping table")
        if SECTORS[code][0] != name:
            raise DataError(
                f"{project['id']}: sector {code} is {name!r}, table says {SECTORS[code][0]!r}"
            )
        if code not in codes:
            codes.append(code)
    return codes


def project_sdgs(project: Mapping[str, Any], sectors: Iterable[str]) -> list[int]:
    sdgs: set[int] = set()
    for item in project.get("theme_namecode") or []:
        code = item["code"]
        if code not in THEMES:
            raise DataError(f"{project['id']}: theme {code} {item['name']!r} not in the table")
        sdgs.update(THEMES[code][1])
    for code in sectors:
        sdgs.update(SECTORS[code][1].sdgs)
    return sorted(sdgs)


def project_tech(text: str, sectors: Sequence[str]) -> list[str]:
    areas: list[str] = []
    for code in sectors:
        for area in SECTORS[code][1].tech:
            if area not in areas:
                areas.append(area)
    lowered = text.lower()
    for rule in TEXT_RULES:
        if rule.sectors is not None and not rule.sectors.intersection(sectors):
            continue
        if re.search(rule.pattern, lowered) and rule.area not in areas:
            areas.append(rule.area)
    return areas


def sector_shares(project: Mapping[str, Any]) -> list[str]:
    shares: list[str] = []
    for index in range(1, 6):
        item = project.get(f"sector{index}")
        if isinstance(item, dict) and item.get("Name"):
            shares.append(f"{item['Name']} {item.get('Percent', '?')}%")
    return shares


def convert(projects: Sequence[Mapping[str, Any]], ref: Reference) -> Output:
    out = Output()
    seen_ids: set[str] = set()
    for project in projects:
        pid = str(project["id"])
        if pid in seen_ids:
            raise DataError(f"duplicate project id {pid}")
        seen_ids.add(pid)
        wb_code = str(project["countrycode"])
        where = f"{pid} ({project['project_name']})"

        if wb_code in WB_COUNTRIES_WITHOUT_ISO:
            out.skipped.append(f"{pid}: {WB_COUNTRIES_WITHOUT_ISO[wb_code]}")
            continue
        regional: Regional | None = None
        if wb_code[0].isdigit():
            if pid in REGIONAL_SKIPPED:
                out.skipped.append(f"{pid}: {REGIONAL_SKIPPED[pid]}")
                continue
            if pid not in REGIONAL:
                raise DataError(f"{where}: regional code {wb_code} but no REGIONAL entry")
            regional = REGIONAL[pid]
            countries = list(regional.countries)
            org_country = regional.org_country
            place = (
                join_words([ref.country_names[c] for c in countries])
                if countries
                else f"the {project['countryshortname']} region"
            )
        else:
            country = WB_COUNTRY_OVERRIDES.get(wb_code) or ref.alpha2_to_alpha3.get(wb_code)
            if country is None:
                raise DataError(f"{where}: country code {wb_code!r} has no ISO mapping")
            countries = [country]
            org_country = country
            place = ref.country_names[country]
        for code in countries:
            ref.check_country(code, where)
        ref.check_country(org_country, where)

        sectors = project_sectors(project)
        isic: list[str] = []
        for code in sectors:
            for cls in SECTORS[code][1].isic:
                ref.check_isic(cls, where)
                if cls not in isic:
                    isic.append(cls)

        abstract = clean_text(str((project.get("project_abstract") or {}).get("cdata") or ""))
        name = clean_text(str(project["project_name"]))
        amount = float(project.get("totalamt") or 0) or float(project.get("lendprojectcost") or 0)
        product_line = str(project.get("prodlinetext") or "")
        financing = PRODUCT_LINE_PHRASES.get(product_line, "World Bank financing")
        if abstract:
            teaser = make_teaser(abstract)
        else:
            focus = join_words([sector_phrase(c) for c in sectors[:3]]) or "development"
            money = f" of {format_usd(amount)}" if amount else ""
            teaser = f"{financing[0].upper()}{financing[1:]}{money} for {focus} in {place}."

        facts = [f"World Bank project {pid}, {product_line or 'product line not stated'}"]
        if project.get("lendinginstr"):
            facts.append(f"lending instrument: {project['lendinginstr']}")
        if project.get("boardapprovaldate"):
            facts.append(f"board approval {str(project['boardapprovaldate'])[:10]}")
        if project.get("closingdate"):
            facts.append(f"closing date {str(project['closingdate'])[:10]}")
        if project.get("totalamt"):
            facts.append(f"World Bank commitment {format_usd(float(project['totalamt']))}")
        if project.get("lendprojectcost"):
            facts.append(f"total project cost {format_usd(float(project['lendprojectcost']))}")
        shares = sector_shares(project)
        if shares:
            facts.append("sectors: " + "; ".join(shares))
        url = str(
            project.get("url")
            or f"https://projects.worldbank.org/en/projects-operations/project-detail/{pid}"
        )
        details = "\n\n".join(
            part
            for part in (
                abstract,
                "Key facts: " + ", ".join(facts) + ".",
                f"Source: World Bank Projects API, {url}, CC BY 4.0",
            )
            if part
        )

        org_name, org_source = organisation_name(project, ref, org_country, regional)
        org_id = "wb-org:" + slugify(f"{org_country} {org_name}")[:90]
        if org_id not in out.organisations:
            out.organisations[org_id] = {
                "external_id": org_id,
                "name": org_name[:200],
                "kind": "public_agency",
                "country": org_country,
                "languages": ["en"],
            }
            out.org_projects[org_id] = []
        out.org_projects[org_id].append(pid)
        org_note = org_source

        record: dict[str, Any] = {
            "external_id": f"wb:{pid}",
            "kind": "investment_project",
            "organisation": org_id,
            "title": name[:300],
            "teaser": teaser,
            "details": details[:20000],
            "language": "en",
        }
        if isic:
            record["isic_classes"] = isic
        tech = project_tech(f"{name} {abstract}", sectors)
        if tech:
            record["technology_areas"] = tech
        sdgs = project_sdgs(project, sectors)
        if sdgs:
            record["sdgs"] = sdgs
        if countries:
            record["countries"] = countries
        if (
            product_line in LENDING_PRODUCT_LINES
            and project.get("projectfinancialtype") in LENDING_FINANCIAL_TYPES
        ):
            record["cooperation_types"] = ["loan"]
        if amount:
            value: int | float = int(amount) if amount.is_integer() else amount
            record["amount_min"] = value
            record["amount_max"] = value
            record["currency"] = "USD"
        record["disclosure"] = "public"
        record["status"] = "published"
        record["valid_for_days"] = VALID_FOR_DAYS
        out.opportunities.append(record)
        out.organisations[org_id].setdefault("_notes", set()).add(org_note)
    return out


def organisation_name(
    project: Mapping[str, Any], ref: Reference, country: str, regional: Regional | None
) -> tuple[str, str]:
    """The organisation's name and a note on where it came from."""
    if regional is not None and regional.org_name:
        return regional.org_name, "named from the project record (regional project)"
    for key, note in (("impagency", "implementing agency"), ("borrower", "borrower")):
        value = clean_text(str(project.get(key) or ""))
        if value and value.upper() not in PLACEHOLDER_AGENCIES:
            return smart_title(value), note
    return (
        f"Government of {ref.country_names[country]}",
        "the source names no agency or borrower; named after the recipient government",
    )


def finish_organisations(out: Output) -> list[dict[str, Any]]:
    organisations: list[dict[str, Any]] = []
    for org_id, org in out.organisations.items():
        notes: set[str] = org.pop("_notes", set())
        pids = out.org_projects[org_id]
        listed = ", ".join(pids[:12]) + (" and others" if len(pids) > 12 else "")
        role = "; ".join(sorted(notes))
        org["description"] = (
            f"Public body responsible for World Bank-supported project(s) {listed} ({role}). "
            "Source: World Bank Projects API, CC BY 4.0."
        )
        organisations.append(org)
    organisations.sort(key=lambda o: str(o["external_id"]))
    return organisations


def build(data_dir: Path) -> tuple[dict[str, Any], Output]:
    ref = load_reference(data_dir)
    check_tables(ref)
    projects = json.loads((data_dir / "projects" / "world_bank_projects.json").read_text("utf-8"))
    if not isinstance(projects, list):
        raise DataError("world_bank_projects.json: expected a list")
    out = convert(projects, ref)
    document: dict[str, Any] = {
        "source": SOURCE,
        "licence": LICENCE,
        "organisations": finish_organisations(out),
        "opportunities": out.opportunities,
    }
    return document, out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        document, out = build(args.data_dir)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        json.dump(document, fh, ensure_ascii=False, indent=None, separators=(",", ":"))
        fh.write("\n")
    countries = {c for o in document["opportunities"] for c in o.get("countries", [])}
    print(
        f"wrote {args.output}: {len(document['organisations'])} organisations, "
        f"{len(document['opportunities'])} projects, {len(countries)} countries"
    )
    for line in out.skipped:
        print(f"skipped {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
