"""Build the package reference data in src/itpo/registry/reference_data/ from the raw public files.

Usage: python tools/build_reference.py [--data /work/shared/data] [--out DIR]

`isic_zh.json`, ITPO Exchange's own Chinese translation of the ISIC titles, is written by hand and
not rebuilt here; the build only checks that it still covers every ISIC code.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "itpo" / "registry" / "reference_data"

Json = dict[str, Any]

# --------------------------------------------------------------------------------------------
# Hand-written tables (not present in the raw data)
# --------------------------------------------------------------------------------------------

# Official short titles (sdgs.un.org) and goal text; Chinese titles as used by the UN in Chinese.
SDGS: list[tuple[int, str, str, str]] = [
    (1, "No Poverty", "无贫穷", "End poverty in all its forms everywhere"),
    (
        2,
        "Zero Hunger",
        "零饥饿",
        "End hunger, achieve food security and improved nutrition and promote sustainable "
        "agriculture",
    ),
    (
        3,
        "Good Health and Well-being",
        "良好健康与福祉",
        "Ensure healthy lives and promote well-being for all at all ages",
    ),
    (
        4,
        "Quality Education",
        "优质教育",
        "Ensure inclusive and equitable quality education and promote lifelong learning "
        "opportunities for all",
    ),
    (5, "Gender Equality", "性别平等", "Achieve gender equality and empower all women and girls"),
    (
        6,
        "Clean Water and Sanitation",
        "清洁饮水和卫生设施",
        "Ensure availability and sustainable management of water and sanitation for all",
    ),
    (
        7,
        "Affordable and Clean Energy",
        "经济适用的清洁能源",
        "Ensure access to affordable, reliable, sustainable and modern energy for all",
    ),
    (
        8,
        "Decent Work and Economic Growth",
        "体面工作和经济增长",
        "Promote sustained, inclusive and sustainable economic growth, full and productive "
        "employment and decent work for all",
    ),
    (
        9,
        "Industry, Innovation and Infrastructure",
        "产业、创新和基础设施",
        "Build resilient infrastructure, promote inclusive and sustainable industrialization "
        "and foster innovation",
    ),
    (10, "Reduced Inequalities", "减少不平等", "Reduce inequality within and among countries"),
    (
        11,
        "Sustainable Cities and Communities",
        "可持续城市和社区",
        "Make cities and human settlements inclusive, safe, resilient and sustainable",
    ),
    (
        12,
        "Responsible Consumption and Production",
        "负责任消费和生产",
        "Ensure sustainable consumption and production patterns",
    ),
    (
        13,
        "Climate Action",
        "气候行动",
        "Take urgent action to combat climate change and its impacts",
    ),
    (
        14,
        "Life Below Water",
        "水下生物",
        "Conserve and sustainably use the oceans, seas and marine resources for sustainable "
        "development",
    ),
    (
        15,
        "Life on Land",
        "陆地生物",
        "Protect, restore and promote sustainable use of terrestrial ecosystems, sustainably "
        "manage forests, combat desertification, and halt and reverse land degradation and "
        "halt biodiversity loss",
    ),
    (
        16,
        "Peace, Justice and Strong Institutions",
        "和平、正义与强大机构",
        "Promote peaceful and inclusive societies for sustainable development, provide access "
        "to justice for all and build effective, accountable and inclusive institutions at all "
        "levels",
    ),
    (
        17,
        "Partnerships for the Goals",
        "促进目标实现的伙伴关系",
        "Strengthen the means of implementation and revitalize the Global Partnership for "
        "Sustainable Development",
    ),
]

# EU Horizon 2020 (General Annex G) wording, aligned with the NASA scale.
TRL: list[tuple[int, str, str, str, str]] = [
    (
        1,
        "Basic principles observed",
        "观察到基本原理",
        "Scientific research has observed and reported the basic principles behind the technology.",
        "科学研究已观察并报告了该技术的基本原理。",
    ),
    (
        2,
        "Technology concept formulated",
        "形成技术概念",
        "A practical application of the principles has been formulated, but it is still "
        "speculative and unproven.",
        "已提出基本原理的实际应用设想，但仍属推测，尚未得到验证。",
    ),
    (
        3,
        "Experimental proof of concept",
        "实验验证概念",
        "Analytical and laboratory studies have shown that the key functions of the concept work.",
        "分析和实验室研究已证明该概念的关键功能可行。",
    ),
    (
        4,
        "Technology validated in lab",
        "实验室环境下验证技术",
        "The basic components have been integrated and shown to work together in a laboratory.",
        "基本组件已经集成，并在实验室环境中证明能够协同工作。",
    ),
    (
        5,
        "Technology validated in relevant environment",
        "相关环境中验证技术",
        "The integrated components have been tested in a simulated or industrially relevant "
        "environment.",
        "集成后的组件已在模拟环境或与产业相关的环境中完成测试。",
    ),
    (
        6,
        "Technology demonstrated in relevant environment",
        "相关环境中演示技术",
        "A representative prototype or model has been demonstrated in a relevant environment.",
        "具有代表性的原型或模型已在相关环境中完成演示。",
    ),
    (
        7,
        "System prototype demonstration in operational environment",
        "运行环境中演示系统原型",
        "A near-final system prototype has been demonstrated in the real operational environment.",
        "接近最终形态的系统原型已在实际运行环境中完成演示。",
    ),
    (
        8,
        "System complete and qualified",
        "系统完成并通过鉴定",
        "The final system has been completed and qualified through tests and demonstrations.",
        "最终系统已经完成，并通过测试和演示获得鉴定。",
    ),
    (
        9,
        "Actual system proven in operational environment",
        "实际系统在运行环境中得到验证",
        "The system has been proven in successful operations or competitive manufacturing.",
        "该系统已在实际运行或具有竞争力的规模化生产中得到验证。",
    ),
]

# code -> (name_en, name_zh, keywords). Parents first so the output order reads naturally.
TECHNOLOGY_AREAS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "green": (
        "Green and climate technologies",
        "绿色与气候技术",
        ("green technology", "clean technology", "climate", "low carbon", "renewable"),
    ),
    "green.solar_pv": (
        "Solar photovoltaics",
        "太阳能光伏",
        ("photovoltaic", "solar panel", "PV module", "inverter", "mini-grid", "solar home system"),
    ),
    "green.solar_thermal": (
        "Solar thermal",
        "太阳能热利用",
        ("solar water heater", "solar collector", "concentrated solar", "solar dryer", "CSP"),
    ),
    "green.wind": (
        "Wind power",
        "风能",
        ("wind turbine", "wind farm", "offshore wind", "small wind", "rotor blade"),
    ),
    "green.small_hydro": (
        "Small hydropower",
        "小水电",
        ("small hydro", "mini hydro", "micro hydro", "run-of-river", "water turbine"),
    ),
    "green.bioenergy": (
        "Bioenergy",
        "生物质能",
        ("biomass", "biogas", "biofuel", "anaerobic digester", "pellets", "biodiesel"),
    ),
    "green.geothermal": (
        "Geothermal energy",
        "地热能",
        ("geothermal", "heat pump", "steam field", "binary cycle", "direct use heat"),
    ),
    "green.energy_storage": (
        "Energy storage",
        "储能",
        ("battery", "lithium-ion", "battery storage", "pumped storage", "flywheel", "BESS"),
    ),
    "green.green_hydrogen": (
        "Green hydrogen",
        "绿氢",
        ("hydrogen", "electrolyser", "electrolyzer", "fuel cell", "green ammonia"),
    ),
    "green.energy_efficiency": (
        "Energy efficiency",
        "能效",
        ("energy efficiency", "energy audit", "efficient motor", "LED lighting", "waste heat"),
    ),
    "green.clean_cooking": (
        "Clean cooking",
        "清洁炊事",
        ("clean cookstove", "improved cookstove", "LPG", "ethanol stove", "electric cooking"),
    ),
    "green.electric_mobility": (
        "Electric mobility",
        "电动交通",
        ("electric vehicle", "EV", "e-bike", "electric bus", "charging station", "battery swap"),
    ),
    "green.water_treatment": (
        "Water and wastewater treatment",
        "水与废水处理",
        ("water treatment", "wastewater", "desalination", "filtration", "sanitation"),
    ),
    "green.efficient_irrigation": (
        "Efficient irrigation",
        "高效灌溉",
        ("drip irrigation", "sprinkler", "solar pump", "irrigation", "water-saving"),
    ),
    "green.waste_management": (
        "Waste management",
        "废物管理",
        ("waste collection", "landfill", "recycling", "sorting", "solid waste"),
    ),
    "green.circular_economy": (
        "Circular economy",
        "循环经济",
        ("circular economy", "reuse", "remanufacturing", "recycled materials", "upcycling"),
    ),
    "green.waste_to_energy": (
        "Waste-to-energy",
        "垃圾发电与废物能源化",
        ("waste-to-energy", "incineration", "landfill gas", "gasification", "refuse-derived fuel"),
    ),
    "green.post_harvest": (
        "Post-harvest technologies",
        "产后处理技术",
        ("post-harvest", "crop storage", "drying", "grain silo", "food loss"),
    ),
    "green.cold_chain": (
        "Cold chain",
        "冷链",
        ("cold chain", "cold storage", "refrigeration", "solar cooler", "vaccine fridge"),
    ),
    "green.climate_smart_agriculture": (
        "Climate-smart agriculture",
        "气候智慧型农业",
        (
            "climate-smart agriculture",
            "agroforestry",
            "conservation tillage",
            "drought-tolerant",
            "soil carbon",
        ),
    ),
    "green.green_buildings": (
        "Green buildings",
        "绿色建筑",
        ("green building", "insulation", "passive house", "building energy", "cool roof"),
    ),
    "green.low_carbon_materials": (
        "Low-carbon materials",
        "低碳材料",
        ("low-carbon cement", "green steel", "bio-based materials", "geopolymer", "clinker"),
    ),
    "green.pollution_control": (
        "Pollution control",
        "污染控制",
        ("air pollution", "emission control", "scrubber", "filter", "effluent treatment"),
    ),
    "green.sustainable_forestry": (
        "Sustainable forestry",
        "可持续林业",
        ("forestry", "reforestation", "timber", "forest monitoring", "REDD+"),
    ),
    "ai_manufacturing": (
        "AI and digital manufacturing",
        "人工智能与智能制造",
        ("artificial intelligence", "smart manufacturing", "industry 4.0", "automation", "AI"),
    ),
    "ai_manufacturing.predictive_maintenance": (
        "Predictive maintenance",
        "预测性维护",
        (
            "predictive maintenance",
            "condition monitoring",
            "vibration analysis",
            "downtime",
            "anomaly",
        ),
    ),
    "ai_manufacturing.machine_vision": (
        "Machine vision",
        "机器视觉",
        ("machine vision", "computer vision", "defect detection", "camera", "inspection"),
    ),
    "ai_manufacturing.process_optimisation": (
        "Process optimisation",
        "工艺优化",
        ("process optimisation", "process optimization", "yield", "control system", "MES"),
    ),
    "ai_manufacturing.industrial_iot": (
        "Industrial IoT",
        "工业物联网",
        ("industrial IoT", "IIoT", "sensor", "SCADA", "edge computing", "PLC"),
    ),
    "ai_manufacturing.robotics": (
        "Robotics",
        "机器人",
        ("robot", "industrial robot", "cobot", "automation", "pick and place"),
    ),
    "ai_manufacturing.digital_twin": (
        "Digital twin",
        "数字孪生",
        ("digital twin", "simulation", "virtual commissioning", "3D model", "plant model"),
    ),
    "ai_manufacturing.supply_chain_analytics": (
        "Supply chain analytics",
        "供应链分析",
        ("supply chain", "demand forecasting", "inventory", "procurement", "logistics analytics"),
    ),
    "ai_manufacturing.energy_management": (
        "Industrial energy management",
        "工业能源管理",
        (
            "energy management system",
            "ISO 50001",
            "smart meter",
            "load optimisation",
            "submetering",
        ),
    ),
    "ai_manufacturing.quality_traceability": (
        "Quality and traceability",
        "质量与可追溯性",
        ("traceability", "quality control", "blockchain", "batch tracking", "QR code"),
    ),
    "digital": (
        "Digital economy",
        "数字经济",
        ("digital", "software", "platform", "internet", "mobile"),
    ),
    "digital.fintech": (
        "Fintech",
        "金融科技",
        ("fintech", "mobile money", "digital payments", "microfinance", "credit scoring"),
    ),
    "digital.e_commerce": (
        "E-commerce",
        "电子商务",
        (
            "e-commerce",
            "online marketplace",
            "cross-border trade",
            "online store",
            "last-mile delivery",
        ),
    ),
    "digital.connectivity": (
        "Connectivity",
        "网络连接",
        ("broadband", "mobile network", "fibre", "satellite internet", "telecom"),
    ),
    "digital.e_government": (
        "E-government",
        "电子政务",
        ("e-government", "digital ID", "online services", "e-procurement", "registry"),
    ),
    "digital.edtech": (
        "Education technology",
        "教育科技",
        ("edtech", "e-learning", "online courses", "learning platform", "vocational training"),
    ),
    "health": (
        "Health",
        "健康",
        ("health", "healthcare", "medical", "hospital", "clinic"),
    ),
    "health.medical_devices": (
        "Medical devices",
        "医疗器械",
        ("medical device", "diagnostics", "medical equipment", "imaging", "PPE"),
    ),
    "health.pharmaceuticals": (
        "Pharmaceuticals",
        "医药",
        ("pharmaceutical", "medicines", "vaccine", "generic drugs", "API manufacturing"),
    ),
    "health.digital_health": (
        "Digital health",
        "数字健康",
        ("telemedicine", "digital health", "health records", "mHealth", "health information"),
    ),
    "industry": (
        "Manufacturing industry",
        "制造业",
        ("manufacturing", "industrial", "factory", "production", "industrial park"),
    ),
    "industry.agro_processing": (
        "Agro-processing",
        "农产品加工",
        ("agro-processing", "food processing", "milling", "packaging", "dairy", "value chain"),
    ),
    "industry.textiles": (
        "Textiles and apparel",
        "纺织服装",
        ("textile", "garment", "apparel", "cotton", "spinning", "dyeing"),
    ),
    "industry.chemicals": (
        "Chemicals",
        "化工",
        ("chemical", "fertilizer", "petrochemical", "plastics", "specialty chemicals"),
    ),
    "industry.machinery": (
        "Machinery and equipment",
        "机械设备",
        ("machinery", "equipment", "machine tools", "agricultural machinery", "CNC"),
    ),
    "industry.construction_materials": (
        "Construction materials",
        "建筑材料",
        ("cement", "bricks", "steel", "glass", "building materials", "concrete"),
    ),
    "industry.mining_processing": (
        "Mining and mineral processing",
        "采矿与矿产加工",
        ("mining", "mineral processing", "beneficiation", "smelting", "critical minerals"),
    ),
    "industry.automotive_parts": (
        "Automotive and parts",
        "汽车及零部件",
        ("automotive", "auto parts", "vehicle assembly", "components", "tyres"),
    ),
    "infrastructure": (
        "Infrastructure",
        "基础设施",
        ("infrastructure", "public works", "PPP", "utilities", "construction"),
    ),
    "infrastructure.transport_logistics": (
        "Transport and logistics",
        "交通与物流",
        ("transport", "logistics", "port", "railway", "road", "warehouse"),
    ),
    "infrastructure.urban_services": (
        "Urban services",
        "城市服务",
        ("urban services", "smart city", "public transport", "street lighting", "housing"),
    ),
    "infrastructure.power_grid": (
        "Power grid",
        "电网",
        ("power grid", "transmission", "distribution", "smart grid", "electrification"),
    ),
}

# Added to the ISO 4217 table because the platform quotes amounts in them even where no country
# row carries them (XDR) or the country row lost its currency (Türkiye).
EXTRA_CURRENCIES: dict[str, tuple[str, str, int | None]] = {
    "USD": ("US Dollar", "840", 2),
    "EUR": ("Euro", "978", 2),
    "CNY": ("Yuan Renminbi", "156", 2),
    "GBP": ("Pound Sterling", "826", 2),
    "JPY": ("Yen", "392", 0),
    "CHF": ("Swiss Franc", "756", 2),
    "XOF": ("CFA Franc BCEAO", "952", 0),
    "XAF": ("CFA Franc BEAC", "950", 0),
    "XDR": ("SDR (Special Drawing Right)", "960", None),
    "TRY": ("Turkish Lira", "949", 2),
}

# Country names that the UN short-name columns lack or that the raw copy gets wrong.
NAME_EN_OVERRIDES = {"CIV": "Côte d'Ivoire"}  # raw M49/official column says "Ivory Coast"

# Common short forms people type, beyond the UN, M49, CLDR and OCHA names already indexed.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "BOL": ("Bolivia",),
    "BRN": ("Brunei",),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "COD": ("DR Congo", "DRC", "Congo-Kinshasa", "Congo, Democratic Republic of"),
    "COG": ("Congo-Brazzaville", "Republic of the Congo", "Congo, Republic of"),
    "CPV": ("Cape Verde",),
    "CZE": ("Czech Republic",),
    "FSM": ("Micronesia",),
    "GBR": ("United Kingdom", "UK", "Great Britain", "Britain"),
    "IRN": ("Iran",),
    "KOR": ("South Korea", "Korea"),
    "LAO": ("Laos", "Lao PDR"),
    "MDA": ("Moldova",),
    "MKD": ("Macedonia",),
    "MMR": ("Burma",),
    "PRK": ("North Korea",),
    "PSE": ("Palestine",),
    "RUS": ("Russia",),
    "SWZ": ("Swaziland",),
    "SYR": ("Syria",),
    "TLS": ("East Timor",),
    "TUR": ("Turkey", "Turkiye"),
    "TZA": ("Tanzania",),
    "USA": ("United States", "USA", "US", "America"),
    "VAT": ("Vatican", "Vatican City"),
    "VEN": ("Venezuela",),
    "VNM": ("Vietnam", "Viet Nam"),
    "HKG": ("Hong Kong", "Hong Kong SAR"),
    "MAC": ("Macao", "Macau"),
    "ARE": ("UAE", "Emirates"),
}

INCOME_LEVELS = {
    "Low": "low",
    "Lower middle": "lower_middle",
    "Upper middle": "upper_middle",
    "High": "high",
}

GROUPS: list[tuple[str, str, str]] = [
    ("LDC", "Least Developed Countries", "最不发达国家"),
    ("LLDC", "Landlocked Developing Countries", "内陆发展中国家"),
    ("SIDS", "Small Island Developing States", "小岛屿发展中国家"),
]

# IFI names that a normalised name match cannot resolve. A grid serving several ISO entities
# applies to each of them.
IFI_NAMES: dict[str, tuple[str, ...]] = {
    "Bolivia, Plurinational State of": ("BOL",),
    "Bonaire (Netherland)": ("BES",),
    "Cape Verde": ("CPV",),
    "Channel Islands (U.K)": ("JEY", "GGY"),
    "China (PRC and Hong Kong)": ("CHN", "HKG"),
    "Congo, Democratic Republic of": ("COD",),
    "Congo, Republic of": ("COG",),
    "Curacao/Netherlands Antilles": ("CUW",),
    "Czech Republic": ("CZE",),
    "Iran, Islamic Republic of": ("IRN",),
    "Korea (North), Democratic People's Republic of": ("PRK",),
    "Korea (South), Republic of": ("KOR",),
    "Micronesia": ("FSM",),
    "Moldova, Republic of": ("MDA",),
    "North Macedonia, Republic of": ("MKD",),
    "Palestinian Authority": ("PSE",),
    "Saint Martin (France)": ("MAF",),
    "Saint Vincent and Grenadines": ("VCT",),
    "Sao Tomé & Principe": ("STP",),
    "Sint Martin (Netherlands)": ("SXM",),
    "Slovak Republic": ("SVK",),
    "Taiwan (Chinese Taipei)": ("TWN",),
    "Tanzania, United Republic of": ("TZA",),
    "Turkey": ("TUR",),
    "Vanatu": ("VUT",),  # sic in the source
    "Virgin Islands (U.S.)": ("VIR",),
    "Venezuela, Bolivarian Republic of": ("VEN",),
}
# Sub-national grids or entities without an ISO 3166 code: reported, deliberately not mapped.
IFI_SKIP = {"Azores (Portugal)", "Canary Islands (Spain)", "Madeira (Portugal)", "Kosovo"}

GRID_FIELDS = (
    "combined_margin_firm",
    "combined_margin_intermittent",
    "energy_efficiency",
    "electricity_consumption",
    "operating_margin",
)

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

_ARTICLE = re.compile(r"\s*\((?:the|l'|l’|le|la|les|el|los|las)\)$", re.IGNORECASE)


def clean_unterm(name: str) -> str:
    # UNTERM short names carry footnote stars and a trailing article, e.g. "Cook Islands (the) **".
    name = name.strip().rstrip("*").strip()
    return _ARTICLE.sub("", name).strip()


def fold(text: str) -> str:
    # Same rule as itpo.registry.reference_base.fold, copied so the tool runs without the package.
    text = unicodedata.normalize("NFKD", text.replace("&", " and ").replace(".", ""))
    text = "".join(ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [
            {k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)
        ]


def m49(code: str) -> str | None:
    return code.zfill(3) if code else None


def first(*values: str) -> str:
    return next((v for v in values if v), "")


def write_json(out: Path, name: str, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    (out / name).write_text(text + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------


def build_isic(data: Path) -> Json:
    def flatten(path: Path) -> dict[str, tuple[str, str | None, str]]:
        raw = json.loads(path.read_text(encoding="utf-8"))
        out: dict[str, tuple[str, str | None, str]] = {}
        for sec in raw["sections"]:
            # The Arabic file spells section C in upper case, the English one in lower case.
            letter = sec["section"].strip().upper()
            out[letter] = ("section", None, sec["description"].strip())
            for div in sec["divisions"]:
                out[div["division"]] = ("division", letter, div["description"].strip())
                for grp in div["groups"]:
                    out[grp["group"]] = ("group", div["division"], grp["description"].strip())
                    for cls in grp["classes"]:
                        out[cls["class"]] = ("class", grp["group"], cls["description"].strip())
        return out

    en = flatten(data / "isic_rev4" / "isic_rev4_en.json")
    ar = flatten(data / "isic_rev4" / "isic_rev4_ar.json")
    if en.keys() != ar.keys():
        raise SystemExit(f"ISIC code sets differ: {sorted(en.keys() ^ ar.keys())}")
    result: Json = {}
    for code, (level, parent, title_en) in en.items():
        if ar[code][:2] != (level, parent):
            raise SystemExit(f"ISIC structure differs for {code}")
        result[code] = {
            "level": level,
            "parent": parent,
            "title_en": title_en,
            "title_ar": ar[code][2],
        }
    return result


def check_isic_zh(isic: Json, out: Path) -> None:
    """isic_zh.json (ITPO Exchange's Chinese titles) is written by hand and joined to isic.json
    when read; refuse a rebuild that would leave a code without its Chinese title or with one
    no longer in ISIC."""
    path = out / "isic_zh.json"
    if not path.exists():
        path = DEFAULT_OUT / "isic_zh.json"
    titles: Json = json.loads(path.read_text(encoding="utf-8"))["titles"]
    if titles.keys() != isic.keys():
        raise SystemExit(
            f"{path} does not match the ISIC codes: {sorted(titles.keys() ^ isic.keys())}"
        )


def build_currencies(rows: list[dict[str, str]]) -> Json:
    result: Json = {}
    for row in rows:
        parts = [
            row[k].split(",")
            for k in (
                "ISO4217-currency_alphabetic_code",
                "ISO4217-currency_name",
                "ISO4217-currency_numeric_code",
                "ISO4217-currency_minor_unit",
            )
        ]
        for code, name, numeric, minor in zip(*parts, strict=False):
            if len(code) != 3:
                continue
            unit = int(minor) if minor.isdigit() else None
            result[code] = {"name": name, "numeric": numeric.zfill(3), "minor_unit": unit}
    for code, (name, numeric, unit) in EXTRA_CURRENCIES.items():
        result.setdefault(code, {"name": name, "numeric": numeric, "minor_unit": unit})
    return result


def pick_currency(row: dict[str, str], ocha_currency: str, known: Json) -> str | None:
    codes = [c for c in row["ISO4217-currency_alphabetic_code"].split(",") if c]
    # Several legal tenders (e.g. Bhutan "INR,BTN"): OCHA names the one in everyday use.
    if ocha_currency in codes:
        return ocha_currency
    if codes:
        return codes[0]
    return ocha_currency if ocha_currency in known else None


def build_countries(data: Path, currencies: Json) -> tuple[Json, Json]:
    base = data / "countries"
    rows = read_csv(base / "country-codes.csv")
    ocha = {
        r["ISO 3166-1 Alpha 3-Codes"]: r
        for r in read_csv(base / "ocha_countries_taxonomy.csv")
        if r["ISO 3166-1 Alpha 3-Codes"]
    }
    m49_en = read_csv(base / "unsd_m49_en.csv")
    m49_zh = read_csv(base / "unsd_m49_zh.csv")

    regions: Json = {}
    for en, zh in zip(m49_en, m49_zh, strict=True):
        for level, prefix in (
            ("region", "Region"),
            ("subregion", "Sub-region"),
            ("intermediate", "Intermediate Region"),
        ):
            code = en[f"{prefix} Code"]
            if code:
                regions[code.zfill(3)] = {
                    "level": level,
                    "name_en": en[f"{prefix} Name"],
                    "name_zh": zh[f"{prefix} Name"],
                }
    for code, name_en, name_zh in GROUPS:
        regions[code] = {"level": "group", "name_en": name_en, "name_zh": name_zh}

    countries: Json = {}
    for row in rows:
        a3 = row["ISO3166-1-Alpha-3"]
        if not a3:
            continue
        oc = ocha.get(a3, {})
        names = {
            "name_en": NAME_EN_OVERRIDES.get(a3)
            or first(
                clean_unterm(row["UNTERM English Short"]),
                row["official_name_en"],
                row["CLDR display name"],
            ),
        }
        for lang, unterm, official in (
            ("zh", "UNTERM Chinese Short", "official_name_cn"),
            ("fr", "UNTERM French Short", "official_name_fr"),
            ("es", "UNTERM Spanish Short", "official_name_es"),
            ("ar", "UNTERM Arabic Short", "official_name_ar"),
            ("ru", "UNTERM Russian Short", "official_name_ru"),
        ):
            names[f"name_{lang}"] = first(clean_unterm(row[unterm]), row[official])
        aliases = {
            row["official_name_en"],
            row["CLDR display name"],
            clean_unterm(row["UNTERM English Short"]),
            oc.get("Preferred Term", ""),
            oc.get("English Short", ""),
            row["official_name_cn"],
            row["official_name_fr"],
            *COUNTRY_ALIASES.get(a3, ()),
        }
        primary = {fold(v) for v in names.values()}
        countries[a3] = {
            "alpha2": row["ISO3166-1-Alpha-2"],
            "m49": row["M49"].zfill(3),
            **names,
            "aliases": sorted(a for a in aliases if a and fold(a) not in primary),
            "region": m49(row["Region Code"]),
            "subregion": m49(row["Sub-region Code"]),
            "intermediate_region": m49(row["Intermediate Region Code"]),
            "ldc": bool(row["Least Developed Countries (LDC)"]),
            "lldc": bool(row["Land Locked Developing Countries (LLDC)"]),
            "sids": bool(row["Small Island Developing States (SIDS)"]),
            "income_level": INCOME_LEVELS.get(oc.get("World Bank Income Level", "")),
            "currency": pick_currency(row, oc.get("Currency", ""), currencies),
        }
    return countries, regions


def read_ifi_rows(path: Path) -> Iterable[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    # Three header lines: metric group, metric, then the "Country / Territory / Island" label.
    start = next(i for i, r in enumerate(rows) if r and r[0].startswith("Country / Territory"))
    return rows[start + 1 :]


def build_grid(data: Path, countries: Json) -> Json:
    path = data / "emission_factors" / "ifi_default_grid_factors_2021_v3.1.csv"
    index: dict[str, str] = {}
    for a3, c in countries.items():
        for name in (c["name_en"], *c["aliases"]):
            index.setdefault(fold(name), a3)
    result: Json = {}
    unmapped: list[str] = []
    for row in read_ifi_rows(path):
        name = row[0].strip() if row else ""
        values = [v.strip() for v in row[1:6]]
        if not name or not any(v.replace(".", "").isdigit() for v in values):
            continue  # blank separators and the trailing notes
        if name.startswith("Memo:"):
            print(f"grid: skipped aggregate row {name!r}")
            continue
        codes = IFI_NAMES.get(name)
        if codes is None:
            bare = re.sub(r"\s*\([^)]*\)$", "", name)  # "Anguilla (U.K.)" -> "Anguilla"
            code = index.get(fold(name)) or index.get(fold(bare))
            codes = (code,) if code else ()
        if not codes:
            unmapped.append(name)
            continue
        factor = {f: float(v) if v else None for f, v in zip(GRID_FIELDS, values, strict=True)}
        for code in codes:
            if code in result:
                raise SystemExit(f"grid: {code} mapped twice (row {name!r})")
            result[code] = factor
    for name in unmapped:
        note = "no ISO 3166 entity" if name in IFI_SKIP else "UNMAPPED"
        print(f"grid: not mapped ({note}): {name!r}")
    unexpected = [n for n in unmapped if n not in IFI_SKIP]
    if unexpected:
        raise SystemExit(f"grid: {len(unexpected)} unexpected unmapped rows; extend IFI_NAMES")
    print(f"grid: {len(result)} countries mapped, {len(unmapped)} rows not mapped")
    return result


def build_static() -> tuple[Json, Json, Json]:
    sdgs = {str(n): {"title_en": en, "title_zh": zh, "goal_en": goal} for n, en, zh, goal in SDGS}
    trl = {
        str(n): {"title_en": te, "title_zh": tz, "description_en": de, "description_zh": dz}
        for n, te, tz, de, dz in TRL
    }
    areas: Json = {}
    for code, (name_en, name_zh, keywords) in TECHNOLOGY_AREAS.items():
        family, _, child = code.partition(".")
        if child and family not in TECHNOLOGY_AREAS:
            raise SystemExit(f"technology area {code} has no parent entry")
        if not 5 <= len(keywords) <= 10:
            raise SystemExit(f"technology area {code} needs 5-10 keywords")
        areas[code] = {
            "parent": family if child else None,
            "name_en": name_en,
            "name_zh": name_zh,
            "green": family == "green",
            "ai_manufacturing": family == "ai_manufacturing",
            "keywords": list(keywords),
        }
    return sdgs, trl, areas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    data: Path = args.data
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    currencies = build_currencies(read_csv(data / "countries" / "country-codes.csv"))
    countries, regions = build_countries(data, currencies)
    missing = {c["currency"] for c in countries.values()} - set(currencies) - {None}
    if missing:
        raise SystemExit(f"countries use currencies missing from the table: {sorted(missing)}")
    sdgs, trl, areas = build_static()

    isic = build_isic(data)
    check_isic_zh(isic, out)
    write_json(out, "isic.json", isic)
    write_json(out, "countries.json", countries)
    write_json(out, "regions.json", regions)
    write_json(out, "currencies.json", currencies)
    write_json(out, "grid_emission_factors.json", build_grid(data, countries))
    write_json(out, "sdgs.json", sdgs)
    write_json(out, "trl.json", trl)
    write_json(out, "technology_areas.json", areas)
    total = sum(p.stat().st_size for p in out.glob("*.json"))
    print(f"wrote {out} ({total / 1024:.0f} KiB of JSON)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
