"""Write the illustrative demo records: ``src/itpo/demo/data/illustrative.json``.

The organisations and opportunities below are fictional and written by hand for the ITPO Exchange
demo: technology offers from Chinese and foreign firms, technology needs of processors,
cooperatives, utilities and manufacturers, investment mandates of funds and development finance
institutions, and investment projects. Titles, teasers and the first part of every ``details``
text are hand-written; the script adds one sentence of facts from the structured fields (markets,
readiness, amounts, cooperation) in the record's language, and the illustrative-record sentence.

Every code is checked against the raw reference files (ISIC Rev.4, ISO 3166) and the technology
area list; an invalid code or a missing organisation stops the script.

Usage::

    python tools/build_demo_illustrative.py [--data-dir /work/shared/data] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_demo_projects import (
    DEFAULT_DATA_DIR,
    TECHNOLOGY_AREAS,
    DataError,
    Reference,
    load_reference,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "src" / "itpo" / "demo" / "data" / "illustrative.json"
COUNTRY_NAMES_FILE = ROOT / "src" / "itpo" / "registry" / "reference_data" / "countries.json"

SENTENCE_EN = "Illustrative record written for the ITPO Exchange demo."
SENTENCE_ZH = "本记录为 ITPO Exchange 演示而编写的示例。"

SOURCE = "Illustrative records written for the ITPO Exchange demo (fictional organisations)"
LICENCE = "CC0 1.0: written for the ITPO Exchange demo; any resemblance to real firms is unintended"

KINDS = ("technology_offer", "technology_need", "investment_mandate", "investment_project")
ORG_KINDS = ("company", "investor", "public_agency", "research", "ngo", "promotion_agency")
COOPERATION = (
    "licensing",
    "joint_venture",
    "equity",
    "loan",
    "supply",
    "distribution",
    "technical_assistance",
    "joint_rnd",
)
STATUSES = ("draft", "in_review", "published", "expired", "closed")
DISCLOSURES = ("public", "anonymous", "members")
CURRENCIES = ("USD", "EUR", "CNY", "GBP", "CHF", "AED", "SAR", "JPY", "SGD", "KES", "INR")

# Short country names for running text, where the UN name is long.
SHORT_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "BOL": "Bolivia",
        "TZA": "Tanzania",
        "GBR": "the United Kingdom",
        "USA": "the United States",
        "LAO": "Lao PDR",
        "COD": "DR Congo",
        "KOR": "the Republic of Korea",
        "MDA": "Moldova",
        "NLD": "the Netherlands",
        "PHL": "the Philippines",
        "ARE": "the United Arab Emirates",
    },
    "zh": {
        "BOL": "玻利维亚",
        "TZA": "坦桑尼亚",
        "LAO": "老挝",
        "GBR": "英国",
        "USA": "美国",
        "KOR": "韩国",
        "COD": "刚果（金）",
        "ARE": "阿联酋",
    },
    "fr": {"BOL": "Bolivie", "TZA": "Tanzanie", "COD": "RD Congo"},
}

COOPERATION_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "licensing": "licensing",
        "joint_venture": "joint venture",
        "equity": "equity",
        "loan": "loans",
        "supply": "supply",
        "distribution": "distribution",
        "technical_assistance": "technical assistance",
        "joint_rnd": "joint R&D",
    },
    "zh": {
        "licensing": "技术许可",
        "joint_venture": "合资",
        "equity": "股权投资",
        "loan": "贷款",
        "supply": "设备供货",
        "distribution": "分销代理",
        "technical_assistance": "技术援助",
        "joint_rnd": "联合研发",
    },
    "fr": {
        "licensing": "licence",
        "joint_venture": "coentreprise",
        "equity": "prise de participation",
        "loan": "prêt",
        "supply": "fourniture",
        "distribution": "distribution",
        "technical_assistance": "assistance technique",
        "joint_rnd": "R&D conjointe",
    },
}

CURRENCY_ZH = {"USD": "美元", "EUR": "欧元", "CNY": "元人民币", "GBP": "英镑", "JPY": "日元"}


# --------------------------------------------------------------------------------------------
# Record types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    kind: str
    country: str
    city: str
    size: str
    isic: tuple[str, ...]
    languages: tuple[str, ...]
    description: str
    website: str = ""


@dataclass
class Opp:
    kind: str
    key: str
    org: str
    lang: str
    title: str
    teaser: str
    body: str
    isic: tuple[str, ...] = ()
    tech: tuple[str, ...] = ()
    sdgs: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    trl: int | None = None
    min_trl: int | None = None
    coop: tuple[str, ...] = ()
    amount: tuple[float, float, str] | None = None
    mwh: float | None = None
    co2: float | None = None
    status: str = "published"
    disclosure: str = "public"
    valid_until: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


ORGS: list[Org] = []
OPPS: list[Opp] = []


def org(
    key: str,
    name: str,
    kind: str,
    country: str,
    city: str,
    size: str,
    isic: str,
    description: str,
    languages: str = "en",
    website: str = "",
) -> None:
    ORGS.append(
        Org(
            key,
            name,
            kind,
            country,
            city,
            size,
            tuple(isic.split()),
            tuple(languages.split()),
            description,
            website,
        )
    )


def _opp(
    kind: str, key: str, org_key: str, lang: str, title: str, teaser: str, body: str, **fields: Any
) -> None:
    for name in ("isic", "tech", "countries", "coop"):
        if isinstance(fields.get(name), str):
            fields[name] = tuple(fields[name].split())
    if isinstance(fields.get("sdgs"), str):
        fields["sdgs"] = tuple(int(s) for s in fields["sdgs"].split())
    OPPS.append(Opp(kind, key, org_key, lang, title, teaser, body, **fields))


def offer(
    key: str, org_key: str, lang: str, title: str, teaser: str, body: str, **fields: Any
) -> None:
    _opp("technology_offer", key, org_key, lang, title, teaser, body, **fields)


def need(
    key: str, org_key: str, lang: str, title: str, teaser: str, body: str, **fields: Any
) -> None:
    _opp("technology_need", key, org_key, lang, title, teaser, body, **fields)


def mandate(
    key: str, org_key: str, lang: str, title: str, teaser: str, body: str, **fields: Any
) -> None:
    _opp("investment_mandate", key, org_key, lang, title, teaser, body, **fields)


def project(
    key: str, org_key: str, lang: str, title: str, teaser: str, body: str, **fields: Any
) -> None:
    _opp("investment_project", key, org_key, lang, title, teaser, body, **fields)


# --------------------------------------------------------------------------------------------
# Generated facts sentence
# --------------------------------------------------------------------------------------------


def country_name(code: str, lang: str, names: dict[str, dict[str, str]]) -> str:
    short = SHORT_NAMES.get(lang, {}).get(code)
    if short:
        return short
    entry = names.get(code)
    if entry is None:
        raise DataError(f"no name for country {code}")
    return entry.get(f"name_{lang}") or entry["name_en"]


def join(items: Sequence[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    last = {"en": " and ", "fr": " et "}[lang]
    return ", ".join(items[:-1]) + last + items[-1]


def money(low: float, high: float, currency: str, lang: str) -> str:
    def en(value: float) -> str:
        if value >= 1e9:
            return f"{value / 1e9:g} billion"
        if value >= 1e6:
            return f"{value / 1e6:g} million"
        return f"{value:,.0f}"

    def zh(value: float) -> str:
        if value >= 1e8:
            return f"{value / 1e8:g}亿"
        if value >= 1e4:
            return f"{value / 1e4:g}万"
        return f"{value:,.0f}"

    if lang == "zh":
        span = zh(low) if low == high else f"{zh(low)}–{zh(high)}"
        return f"{span}{CURRENCY_ZH.get(currency, ' ' + currency)}"
    if high >= 1e6 and low >= 1e6 and low != high:
        unit = 1e9 if low >= 1e9 else 1e6
        word = "billion" if unit == 1e9 else "million"
        span = f"{low / unit:g}–{high / unit:g} {word}"
    else:
        span = en(low) if low == high else f"{en(low)}–{en(high)}"
    if lang == "fr":
        span = span.replace(",", "\u202f").replace(".", ",")
        span = span.replace("million", "millions").replace("billion", "milliards")
        if span.startswith("1 millions") or span.startswith("1 milliards"):
            span = span.replace("millions", "million").replace("milliards", "milliard")
        return f"{span} {currency}"
    return f"{currency} {span}"


def facts_sentence(opp: Opp, names: dict[str, dict[str, str]]) -> str:
    lang = opp.lang
    words = COOPERATION_WORDS[lang]
    places = [country_name(c, lang, names) for c in opp.countries]
    coop = [words[c] for c in opp.coop]
    parts: list[str] = []
    if lang == "zh":
        label = {
            "technology_offer": "目标市场",
            "technology_need": "所在地",
            "investment_mandate": "投资区域",
            "investment_project": "项目所在地",
        }[opp.kind]
        if places:
            parts.append(f"{label}：{join(places, lang)}")
        if opp.trl:
            parts.append(f"技术成熟度 TRL {opp.trl}")
        if opp.min_trl:
            parts.append(f"要求技术成熟度不低于 TRL {opp.min_trl}")
        if opp.amount:
            amount_label = {
                "technology_offer": "参考价格",
                "technology_need": "预算",
                "investment_mandate": "单笔投资规模",
                "investment_project": "融资需求",
            }[opp.kind]
            parts.append(f"{amount_label}：{money(*opp.amount, lang)}")
        if coop:
            parts.append(f"合作方式：{join(coop, lang)}")
        return "；".join(parts) + "。" if parts else ""
    if lang == "fr":
        label = {
            "technology_offer": "Marchés visés",
            "technology_need": "Localisation",
            "investment_mandate": "Zones d'investissement",
            "investment_project": "Localisation du projet",
        }[opp.kind]
        if places:
            parts.append(f"{label} : {join(places, lang)}")
        if opp.trl:
            parts.append(f"maturité technologique TRL {opp.trl}")
        if opp.min_trl:
            parts.append(f"TRL minimal demandé : {opp.min_trl}")
        if opp.amount:
            amount_label = {
                "technology_offer": "prix indicatif",
                "technology_need": "budget",
                "investment_mandate": "ticket",
                "investment_project": "financement recherché",
            }[opp.kind]
            parts.append(f"{amount_label} : {money(*opp.amount, lang)}")
        if coop:
            parts.append(f"coopération : {join(coop, lang)}")
        text = " ; ".join(parts)
        return text[0].upper() + text[1:] + "." if text else ""
    label = {
        "technology_offer": "Target markets",
        "technology_need": "Location",
        "investment_mandate": "Regions",
        "investment_project": "Location",
    }[opp.kind]
    if places:
        parts.append(f"{label}: {join(places, lang)}")
    if opp.trl:
        parts.append(f"readiness TRL {opp.trl}")
    if opp.min_trl:
        parts.append(f"minimum readiness TRL {opp.min_trl}")
    if opp.amount:
        amount_label = {
            "technology_offer": "indicative price",
            "technology_need": "budget",
            "investment_mandate": "ticket size",
            "investment_project": "financing sought",
        }[opp.kind]
        parts.append(f"{amount_label} {money(*opp.amount, lang)}")
    if coop:
        parts.append(f"cooperation: {join(coop, lang)}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "." if text else ""


# --------------------------------------------------------------------------------------------
# Building and checking
# --------------------------------------------------------------------------------------------

VALID_UNTIL_CYCLE = (
    "2027-12-31",
    "2028-06-30",
    "2027-09-30",
    "2028-03-31",
    "2027-06-30",
    "2028-12-31",
    "2028-09-30",
)
TODAY = "2026-11-27"
CJK = re.compile(r"[\u4e00-\u9fff]")


def illustrative_sentence(lang: str) -> str:
    return SENTENCE_ZH if lang == "zh" else SENTENCE_EN


def check(ref: Reference) -> None:
    org_keys: set[str] = set()
    for o in ORGS:
        where = f"organisation {o.key}"
        if o.key in org_keys:
            raise DataError(f"{where}: duplicate key")
        org_keys.add(o.key)
        ref.check_country(o.country, where)
        for code in o.isic:
            ref.check_isic(code, where)
        if o.kind not in ORG_KINDS or o.size not in ("micro", "small", "medium", "large"):
            raise DataError(f"{where}: bad kind or size")
    opp_keys: set[str] = set()
    teasers: set[str] = set()
    for p in OPPS:
        where = f"opportunity {p.key}"
        if p.key in opp_keys:
            raise DataError(f"{where}: duplicate key")
        opp_keys.add(p.key)
        if p.org not in org_keys:
            raise DataError(f"{where}: unknown organisation {p.org}")
        if p.teaser in teasers:
            raise DataError(f"{where}: teaser repeats another record")
        teasers.add(p.teaser)
        if p.lang not in ("en", "zh", "fr"):
            raise DataError(f"{where}: language {p.lang}")
        if (p.lang == "zh") != bool(CJK.search(p.title + p.teaser + p.body)):
            raise DataError(f"{where}: language {p.lang} does not match the text")
        for code in p.isic:
            ref.check_isic(code, where)
        for code in p.countries:
            ref.check_country(code, where)
        for area in p.tech:
            if area not in TECHNOLOGY_AREAS:
                raise DataError(f"{where}: unknown technology area {area}")
        for sdg in p.sdgs:
            if not 1 <= sdg <= 17:
                raise DataError(f"{where}: SDG {sdg}")
        for coop in p.coop:
            if coop not in COOPERATION:
                raise DataError(f"{where}: cooperation type {coop}")
        if p.trl is not None and (p.kind not in KINDS[::3] or not 1 <= p.trl <= 9):
            raise DataError(f"{where}: trl only on offers and projects, 1-9")
        if p.min_trl is not None and (p.kind not in KINDS[1:3] or not 1 <= p.min_trl <= 9):
            raise DataError(f"{where}: min_trl only on needs and mandates, 1-9")
        if p.amount is not None:
            low, high, currency = p.amount
            if not 0 <= low <= high or currency not in CURRENCIES:
                raise DataError(f"{where}: amount {p.amount}")
        if p.status not in STATUSES or p.disclosure not in DISCLOSURES:
            raise DataError(f"{where}: status or disclosure")
        if (p.status == "expired") != (bool(p.valid_until) and p.valid_until < TODAY):
            raise DataError(f"{where}: expired records, and only they, have a past valid_until")
        if len(p.title) > 300 or len(p.teaser) > 2000:
            raise DataError(f"{where}: title or teaser too long")


def build_document(names: dict[str, dict[str, str]]) -> dict[str, Any]:
    organisations: list[dict[str, Any]] = []
    for o in ORGS:
        sentence = SENTENCE_ZH if CJK.search(o.description) else SENTENCE_EN
        record: dict[str, Any] = {
            "external_id": f"demo:org:{o.key}",
            "name": o.name,
            "kind": o.kind,
            "country": o.country,
            "city": o.city,
            "size": o.size,
        }
        if o.website:
            record["website"] = o.website
        if o.isic:
            record["isic_classes"] = list(o.isic)
        glue = "" if sentence == SENTENCE_ZH else " "
        record["description"] = f"{o.description}{glue}{sentence}"
        record["languages"] = list(o.languages)
        organisations.append(record)
    opportunities: list[dict[str, Any]] = []
    for index, p in enumerate(OPPS):
        facts = facts_sentence(p, names)
        details = " ".join(part for part in (p.body, facts, illustrative_sentence(p.lang)) if part)
        record = {
            "external_id": f"demo:{p.key}",
            "kind": p.kind,
            "organisation": f"demo:org:{p.org}",
            "title": p.title,
            "teaser": p.teaser,
            "details": details if p.lang != "zh" else details.replace("。 ", "。"),
            "language": p.lang,
        }
        if p.isic:
            record["isic_classes"] = list(p.isic)
        if p.tech:
            record["technology_areas"] = list(p.tech)
        if p.sdgs:
            record["sdgs"] = sorted(p.sdgs)
        if p.countries:
            record["countries"] = list(p.countries)
        if p.trl is not None:
            record["trl"] = p.trl
        if p.min_trl is not None:
            record["min_trl"] = p.min_trl
        if p.coop:
            record["cooperation_types"] = list(p.coop)
        if p.amount is not None:
            record["amount_min"], record["amount_max"], record["currency"] = p.amount
        if p.mwh is not None:
            record["energy_mwh_per_year"] = p.mwh
        if p.co2 is not None:
            record["co2_tonnes_per_year"] = p.co2
        record["disclosure"] = p.disclosure
        record["status"] = p.status
        record["valid_until"] = p.valid_until or VALID_UNTIL_CYCLE[index % len(VALID_UNTIL_CYCLE)]
        record.update(p.extra)
        opportunities.append(record)
    return {
        "source": SOURCE,
        "licence": LICENCE,
        "organisations": organisations,
        "opportunities": opportunities,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        ref = load_reference(args.data_dir)
        check(ref)
        names = json.loads(COUNTRY_NAMES_FILE.read_text("utf-8"))
        document = build_document(names)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        json.dump(document, fh, ensure_ascii=False, indent=None, separators=(",", ":"))
        fh.write("\n")
    kinds = Counter(str(o["kind"]) for o in document["opportunities"])
    langs = Counter(str(o["language"]) for o in document["opportunities"])
    countries = {c for o in document["opportunities"] for c in o.get("countries", [])}
    countries |= {str(o["country"]) for o in document["organisations"]}
    print(
        f"wrote {args.output}: {len(document['organisations'])} organisations, "
        f"{dict(kinds)}, languages {dict(langs)}, {len(countries)} countries"
    )
    return 0


# ============================================================================================
# DATA
# ============================================================================================

# --- Organisations: technology providers in China ------------------------------------------

org(
    "sunfield",
    "Shanghai Sunfield Agri-Drying Technology Co., Ltd.",
    "company",
    "CHN",
    "Shanghai",
    "small",
    "2819 2825",
    "上海日禾农业干燥科技有限公司，设计制造太阳能与生物质混合式农产品干燥设备，已在东非和中亚安装两百余台。",
    "zh en",
)
org(
    "lanting",
    "Jiangsu Lanting Microgrid Energy Co., Ltd.",
    "company",
    "CHN",
    "Changzhou",
    "medium",
    "2790 3510 4321",
    "Builds containerised solar PV and battery mini-grids of 20-500 kW, with its own energy "
    "management controller and prepaid smart meters; about 140 sites delivered in Asia and Africa.",
    "zh en",
)
org(
    "qinghe",
    "Zhejiang Qinghe Biogas Engineering Co., Ltd.",
    "company",
    "CHN",
    "Hangzhou",
    "small",
    "2829 3821 7110",
    "浙江青禾沼气工程有限公司，专注于农产品加工废水和畜禽粪污的厌氧发酵处理，提供从设计到运维的整体方案。",
    "zh",
)
org(
    "frostline",
    "Guangdong Frostline Cold Chain Equipment Co., Ltd.",
    "company",
    "CHN",
    "Foshan",
    "medium",
    "2819 5210",
    "广东霜程冷链设备有限公司，生产太阳能直驱冷库、移动式预冷装置和冷藏集装箱，产品出口三十多个国家。",
    "zh en",
)
org(
    "clearsight",
    "Suzhou Clearsight Vision Intelligence Co., Ltd.",
    "company",
    "CHN",
    "Suzhou",
    "small",
    "6201 2670",
    "Develops machine-vision inspection stations for metal parts, textiles and packaged food, with "
    "on-premise deep-learning models that can be trained from a few hundred labelled images.",
    "zh en",
)
org(
    "pulsegear",
    "Hangzhou Pulsegear Predictive Systems Co., Ltd.",
    "company",
    "CHN",
    "Hangzhou",
    "small",
    "6201 2651",
    "杭州脉齿预测科技有限公司，提供无线振动与温度传感器及设备故障预测软件，服务钢铁、水泥、纺织和食品企业。",
    "zh",
)
org(
    "everturn",
    "Wuxi Everturn Motor Co., Ltd.",
    "company",
    "CHN",
    "Wuxi",
    "large",
    "2710",
    "无锡恒转电机有限公司，生产IE3至IE5高效电机和永磁同步电机，年产能约八十万台，可提供电机能效诊断服务。",
    "zh en",
)
org(
    "aquaclear",
    "Ningbo Aquaclear Water Technology Co., Ltd.",
    "company",
    "CHN",
    "Ningbo",
    "medium",
    "2829 3600 3700",
    "Makes containerised drinking-water and wastewater treatment units (ultrafiltration, reverse "
    "osmosis, MBR) for small towns, mines and industrial parks, with remote monitoring.",
    "zh en",
)
org(
    "voltway",
    "Shenzhen Voltway E-Mobility Co., Ltd.",
    "company",
    "CHN",
    "Shenzhen",
    "medium",
    "3091 2720",
    "深圳伏行电动科技有限公司，研发电动两轮和三轮车以及换电柜网络，可提供散件（CKD）出口和本地组装支持。",
    "zh en",
)
org(
    "helio",
    "Changzhou Helio Pump Co., Ltd.",
    "company",
    "CHN",
    "Changzhou",
    "medium",
    "2813",
    "常州日泉泵业有限公司，生产0.5–15千瓦太阳能水泵系统，适用于小农灌溉、牲畜饮水和村镇供水。",
    "zh",
)
org(
    "kilnwise",
    "Foshan Kilnwise Energy Saving Technology Co., Ltd.",
    "company",
    "CHN",
    "Foshan",
    "small",
    "2815 7110",
    "Retrofits ceramic, brick and lime kilns with combustion control, waste-heat recovery and "
    "AI-based firing curves; 60 kiln lines retrofitted in southern China and South-East Asia.",
    "zh en",
)
org(
    "gridsense",
    "Nanjing Gridsense Energy Storage Co., Ltd.",
    "company",
    "CHN",
    "Nanjing",
    "medium",
    "2720 2790",
    "南京格感储能科技有限公司，生产磷酸铁锂储能系统（50千瓦时至2兆瓦时），配套电池管理和能量管理系统。",
    "zh",
)
org(
    "silkroad-dye",
    "Jiaxing Silkroad Textile Dyeing Technology Co., Ltd.",
    "company",
    "CHN",
    "Jiaxing",
    "small",
    "2826 1313",
    "Supplies low-liquor-ratio dyeing machines, dye-bath reuse systems and cold-pad-batch lines "
    "that cut water use in knit and woven dyeing by a third or more.",
    "zh en",
)
org(
    "tealeaf",
    "Zhejiang Tealeaf Machinery Co., Ltd.",
    "company",
    "CHN",
    "Shaoxing",
    "small",
    "2825",
    "浙江茗叶机械有限公司，生产揉捻、杀青、烘干等茶叶加工设备，以及燃生物质颗粒的节能热风炉。",
    "zh",
)
org(
    "cloudfarm",
    "Hangzhou Cloudfarm Digital Agriculture Co., Ltd.",
    "company",
    "CHN",
    "Hangzhou",
    "small",
    "6201 0161",
    "Runs an IoT platform for irrigation scheduling and greenhouse climate control, with soil-"
    "moisture probes, weather stations and a farmer app in six languages.",
    "zh en",
)
org(
    "blueloop",
    "Shanghai Blueloop Recycling Technology Co., Ltd.",
    "company",
    "CHN",
    "Shanghai",
    "medium",
    "2829 3830",
    "上海蓝环再生科技有限公司，提供PET和聚烯烃塑料回收清洗造粒生产线，处理能力每小时0.5至3吨。",
    "zh",
)
org(
    "stonebridge",
    "Jiangsu Stonebridge Low-Carbon Building Materials Co., Ltd.",
    "company",
    "CHN",
    "Xuzhou",
    "medium",
    "2392 2395 2824",
    "Makes machinery and recipes for unfired fly-ash and stabilised-earth bricks and for "
    "calcined-clay blended cement, and trains local operators.",
    "zh en",
)
org(
    "robotarm",
    "Dongguan Robotarm Automation Co., Ltd.",
    "company",
    "CHN",
    "Dongguan",
    "small",
    "2829 3320",
    "东莞臂力自动化有限公司，为鞋服、电子和家具企业提供协作机器人工作站和视觉引导抓取系统。",
    "zh",
)
org(
    "twinframe",
    "Shanghai Twinframe Digital Technology Co., Ltd.",
    "company",
    "CHN",
    "Shanghai",
    "small",
    "6201 6202",
    "Builds digital twins of water networks, process plants and factories that combine SCADA "
    "data, hydraulic or process models and machine-learning forecasts.",
    "zh en",
)
org(
    "hearth",
    "Zhejiang Hearth Clean Cooking Co., Ltd.",
    "company",
    "CHN",
    "Jinhua",
    "small",
    "2750",
    "浙江炉洁炊具有限公司，生产生物质气化炉、改良鱼类熏烤炉和学校食堂用大容量节能灶。",
    "zh",
)
org(
    "medilink",
    "Shenzhen Medilink Medical Devices Co., Ltd.",
    "company",
    "CHN",
    "Shenzhen",
    "medium",
    "2660 3250",
    "Makes portable ultrasound scanners, oxygen concentrators and solar-powered vaccine "
    "refrigerators, with CE marking and WHO PQS listing for the refrigerators.",
    "zh en",
)
org(
    "tuberworks",
    "Jiangsu Tuberworks Food Machinery Co., Ltd.",
    "company",
    "CHN",
    "Wuxi",
    "small",
    "2825",
    "江苏薯工食品机械有限公司，生产木薯和马铃薯淀粉、木薯粉（gari）及高品质木薯粉加工成套设备。",
    "zh",
)
org(
    "windcrest",
    "Guangdong Windcrest Small Wind Power Co., Ltd.",
    "company",
    "CHN",
    "Zhongshan",
    "small",
    "2811",
    "Produces 3-50 kW small wind turbines for hybrid wind-solar systems on islands, telecom "
    "towers and farms.",
    "en",
)
org(
    "leafriver",
    "Zhejiang Leafriver Hydro Equipment Co., Ltd.",
    "company",
    "CHN",
    "Lishui",
    "small",
    "2811 2710",
    "浙江叶川水电设备有限公司，制造5千瓦至2兆瓦的冲击式、横流式和轴流式小水电机组及自动化控制系统。",
    "zh",
)
org(
    "freshmilk",
    "Jiangsu Freshmilk Cooling Equipment Co., Ltd.",
    "company",
    "CHN",
    "Yangzhou",
    "small",
    "2819 2825",
    "Makes bulk milk coolers (500-5,000 litres) with ice-bank and solar PV options for village "
    "collection centres.",
    "zh en",
)
org(
    "huskpower",
    "Guangzhou Huskpower Gasification Co., Ltd.",
    "company",
    "CHN",
    "Guangzhou",
    "small",
    "2811 3510",
    "广州壳能气化科技有限公司，提供稻壳、木屑和椰壳气化发电及供热系统，单台功率100千瓦至1兆瓦。",
    "zh",
)
org(
    "energysight",
    "Hangzhou Energysight Technology Co., Ltd.",
    "company",
    "CHN",
    "Hangzhou",
    "small",
    "6201 2651",
    "Sells sub-metering and an AI energy-management platform for factories and cold stores that "
    "finds idle loads, compressed-air leaks and tariff savings.",
    "zh en",
)
org(
    "routewise",
    "Shanghai Routewise Supply Chain Intelligence Co., Ltd.",
    "company",
    "CHN",
    "Shanghai",
    "small",
    "6201 5229",
    "上海途智供应链科技有限公司，开发面向农产品出口和冷链物流的需求预测、线路优化和库存分析软件。",
    "zh",
)
org(
    "hydrogenleaf",
    "Guangzhou Hydrogenleaf Electrolyser Co., Ltd.",
    "company",
    "CHN",
    "Guangzhou",
    "small",
    "2790 2011",
    "Builds alkaline electrolysers of 0.5-5 MW and containerised green-ammonia pilot units for "
    "fertiliser production.",
    "en",
)
org(
    "tracegrain",
    "Shanghai Tracegrain Data Technology Co., Ltd.",
    "company",
    "CHN",
    "Shanghai",
    "small",
    "6201 6311",
    "上海溯粮数据科技有限公司，为咖啡、可可、茶叶等出口农产品提供从农户到港口的批次追溯和合规数据平台。",
    "zh en",
)
org(
    "paybridge",
    "Shanghai Paybridge Cooperative Fintech Co., Ltd.",
    "company",
    "CHN",
    "Shanghai",
    "small",
    "6201 6619",
    "Provides a mobile-money-linked ledger for farmer cooperatives: produce intake, instant "
    "payouts, input credit and savings groups.",
    "en",
)
org(
    "ecoform",
    "Zhejiang Ecoform Packaging Co., Ltd.",
    "company",
    "CHN",
    "Wenzhou",
    "medium",
    "1702 2829",
    "浙江易成包装有限公司，生产以甘蔗渣和秸秆为原料的模塑纤维餐盒和水果托盘生产线。",
    "zh",
)
org(
    "solargrain",
    "Jiangsu Solargrain Milling Machinery Co., Ltd.",
    "company",
    "CHN",
    "Yancheng",
    "small",
    "2825",
    "Builds compact rice and maize mills of 0.5-3 t/h with high-efficiency motors that can run "
    "from solar-hybrid mini-grids.",
    "en",
)

# --- Organisations: technology providers elsewhere -----------------------------------------

org(
    "fjellvarme",
    "Fjellvarme Industrial Heat Pumps AB",
    "company",
    "SWE",
    "Västerås",
    "small",
    "2819",
    "Swedish maker of high-temperature industrial heat pumps (up to 150 °C) for food, dairy and "
    "brewing plants; looking for its first partners in China.",
)
org(
    "alpenklar",
    "Alpenklar Membrantechnik GmbH",
    "company",
    "DEU",
    "Freiburg",
    "small",
    "2829 3700",
    "German supplier of ceramic membrane bioreactors for textile and food wastewater, with "
    "80 industrial references in Europe and Türkiye.",
)
org(
    "polderflow",
    "Polderflow Greenhouse Systems B.V.",
    "company",
    "NLD",
    "Westland",
    "medium",
    "2821 0130",
    "Dutch designer of greenhouse climate and fertigation control, including water recirculation "
    "and LED lighting strategies for flowers and vegetables.",
)
org(
    "solenne",
    "Solenne Biotech SAS",
    "company",
    "FRA",
    "Lyon",
    "small",
    "2029 7210",
    "Société française qui développe des enzymes pour le prétraitement et le délavage textiles à "
    "basse température, réduisant l'eau, l'énergie et les produits chimiques.",
    "fr en",
)
org(
    "tidewater",
    "Tidewater Analytics Ltd",
    "company",
    "GBR",
    "Bristol",
    "small",
    "6201",
    "British software firm that builds digital twins and berth-planning optimisers for container "
    "and bulk ports.",
)
org(
    "mizukaze",
    "Mizukaze Sensing K.K.",
    "company",
    "JPN",
    "Hamamatsu",
    "small",
    "2651",
    "Japanese maker of low-power vibration and acoustic sensors for rotating machinery, with edge "
    "analytics for bearing and gear faults.",
)
org(
    "verdelago",
    "Officine Verdelago S.r.l.",
    "company",
    "ITA",
    "Bologna",
    "small",
    "2825",
    "Italian builder of fruit and vegetable processing lines (pulping, concentration, aseptic "
    "filling) for small and mid-sized processors.",
)
org(
    "anatolia-solar",
    "Anatolia Solar Mill Teknoloji A.Ş.",
    "company",
    "TUR",
    "Konya",
    "small",
    "2825 2790",
    "Turkish manufacturer of solar-powered grain and spice mills for villages and small towns.",
)
org(
    "savanna-cool",
    "Savanna Cool Technologies Ltd",
    "company",
    "KEN",
    "Nairobi",
    "micro",
    "2819 5210",
    "Kenyan start-up making evaporative and solar-powered cooling chambers for smallholder "
    "horticulture; 400 units in East Africa.",
)
org(
    "bagaco",
    "Bagaço Energia Ltda.",
    "company",
    "BRA",
    "Ribeirão Preto",
    "small",
    "3510 7110",
    "Brazilian engineering firm for bagasse and biomass cogeneration at sugar and ethanol mills.",
)
org(
    "rajendra",
    "Rajendra Agro Processing Machines Pvt. Ltd.",
    "company",
    "IND",
    "Coimbatore",
    "small",
    "2825",
    "Indian maker of cashew shelling, peeling and grading machines, from semi-automatic lines to "
    "fully automatic plants.",
)

# --- Organisations: technology needs and project owners ----------------------------------

org(
    "meru-mango",
    "Meru Highlands Mango Growers Cooperative",
    "company",
    "KEN",
    "Meru",
    "small",
    "0122 1030",
    "Cooperative of 2,300 smallholder mango and avocado growers that sells fresh fruit to "
    "Nairobi and exports dried mango to Europe.",
)
org(
    "rift-dairy",
    "Rift Valley Dairy Farmers Union",
    "company",
    "KEN",
    "Nakuru",
    "medium",
    "0141 1050",
    "Union of 14 dairy cooperatives that collects about 60,000 litres of milk a day from "
    "9,000 farmers.",
)
org(
    "lakeside-fish",
    "Lakeside Fish Processors Ltd",
    "company",
    "KEN",
    "Kisumu",
    "small",
    "1020",
    "Fish processor on Lake Victoria that fillets and freezes tilapia and Nile perch for regional "
    "markets.",
)
org(
    "sidama-coffee",
    "Sidama Highland Coffee Washing Union",
    "company",
    "ETH",
    "Hawassa",
    "medium",
    "0127 1079",
    "Union of 38 coffee washing stations processing about 12,000 tonnes of red cherry a season.",
)
org(
    "adama-textile",
    "Adama Cotton Spinning and Weaving S.C.",
    "company",
    "ETH",
    "Adama",
    "large",
    "1311 1312",
    "Integrated spinning and weaving mill with 62,000 spindles and 400 looms, supplying garment "
    "exporters in Ethiopian industrial parks.",
)
org(
    "oromia-rural",
    "Oromia Rural Energy Cooperative Union",
    "ngo",
    "ETH",
    "Ambo",
    "small",
    "3510",
    "Cooperative union that plans and operates village electricity services in off-grid areas of "
    "western Oromia.",
)
org(
    "kano-tomato",
    "Kano Tomato Processors Association",
    "company",
    "NGA",
    "Kano",
    "small",
    "1030",
    "Association of 180 tomato processors and aggregators that loses up to 40 % of the harvest "
    "between farm and market.",
)
org(
    "ogun-cassava",
    "Ogun Cassava Starch Industries Ltd",
    "company",
    "NGA",
    "Abeokuta",
    "medium",
    "1062",
    "Cassava starch and high-quality cassava flour mill buying roots from 3,000 out-growers.",
)
org(
    "lagos-recyclers",
    "Lagos Plastic Recovery Collective",
    "company",
    "NGA",
    "Lagos",
    "small",
    "3830 3811",
    "Collective of waste pickers' groups and aggregators that collects about 900 tonnes of PET "
    "and HDPE a month.",
)
org(
    "ashanti-cocoa",
    "Ashanti Cocoa Farmers Union",
    "company",
    "GHA",
    "Kumasi",
    "medium",
    "0127",
    "Farmer-owned cocoa union with 11,000 members and its own quality-control and fermentation "
    "programme.",
)
org(
    "tema-steel",
    "Tema Coastal Steel Rolling Mills Ltd",
    "company",
    "GHA",
    "Tema",
    "large",
    "2410",
    "Re-rolling mill making 180,000 tonnes a year of reinforcing bar from billets and scrap.",
)
org(
    "volta-smokers",
    "Volta Lakeshore Fish Smokers Association",
    "ngo",
    "GHA",
    "Kpando",
    "micro",
    "1020",
    "Association of 600 women fish smokers around Lake Volta who smoke fish over open wood fires.",
)
org(
    "mekong-rice",
    "Mekong Delta Rice Milling Joint Stock Company",
    "company",
    "VNM",
    "Cần Thơ",
    "medium",
    "1061",
    "Rice miller and exporter with two mills processing 250,000 tonnes of paddy a year.",
)
org(
    "haiphong-garment",
    "Hai Phong Precision Garment Co., Ltd.",
    "company",
    "VNM",
    "Hải Phòng",
    "large",
    "1410",
    "Garment maker with 3,200 workers producing outerwear for European and Japanese brands.",
)
org(
    "dalat-veg",
    "Lâm Đồng Highland Vegetable Cooperative",
    "company",
    "VNM",
    "Đà Lạt",
    "small",
    "0113",
    "Cooperative of 420 vegetable growers supplying supermarkets in Ho Chi Minh City.",
)
org(
    "gazipur-knit",
    "Gazipur Knit Composite Ltd",
    "company",
    "BGD",
    "Gazipur",
    "large",
    "1391 1313",
    "Vertically integrated knitwear factory dyeing 45 tonnes of fabric a day.",
)
org(
    "khulna-shrimp",
    "Khulna Shrimp Exporters Cooperative",
    "company",
    "BGD",
    "Khulna",
    "small",
    "1020 0321",
    "Cooperative of shrimp farmers and depots that supplies processing plants for export.",
)
org(
    "rajshahi-farmers",
    "Rajshahi Barind Farmers Irrigation Group",
    "ngo",
    "BGD",
    "Rajshahi",
    "small",
    "0161",
    "Water users' group of 1,100 farmers irrigating rice, wheat and mango on the Barind tract.",
)
org(
    "faisalabad-spin",
    "Faisalabad Spinning Mills Ltd",
    "company",
    "PAK",
    "Faisalabad",
    "large",
    "1311",
    "Spinning mill with 90,000 spindles and a grid and gas bill above USD 9 million a year.",
)
org(
    "sialkot-surgical",
    "Sialkot Surgical Instruments Consortium",
    "company",
    "PAK",
    "Sialkot",
    "medium",
    "3250",
    "Consortium of 24 makers of stainless-steel surgical and dental instruments for export.",
)
org(
    "kinnow-packers",
    "Sargodha Kinnow Packers Association",
    "company",
    "PAK",
    "Sargodha",
    "small",
    "0123 5210",
    "Association of citrus packing houses that grade, wax and export kinnow mandarins.",
)
org(
    "cusco-quinoa",
    "Cooperativa Agraria Andina Cusco",
    "company",
    "PER",
    "Cusco",
    "small",
    "0111 1061",
    "Cooperative of 650 quinoa and kiwicha farmers selling organic grain to export traders.",
)
org(
    "arequipa-dairy",
    "Asociación de Ganaderos Lecheros de Arequipa",
    "company",
    "PER",
    "Arequipa",
    "small",
    "0141 1050",
    "Association of 300 dairy farmers delivering milk to a cheese plant and to a national "
    "dairy company.",
)
org(
    "cochabamba-water",
    "Cooperativa de Agua Potable Valle Alto",
    "ngo",
    "BOL",
    "Cochabamba",
    "small",
    "3600",
    "Community water cooperative serving 18,000 people from boreholes with high iron and "
    "manganese.",
)
org(
    "riberalta-nuts",
    "Beneficiadora Amazónica de Castaña S.R.L.",
    "company",
    "BOL",
    "Riberalta",
    "medium",
    "1030",
    "Brazil-nut processing plant that shells and dries about 4,000 tonnes of nuts a year.",
)
org(
    "fergana-apricot",
    "Fergana Valley Dried Fruit Cluster LLC",
    "company",
    "UZB",
    "Fergana",
    "medium",
    "1030",
    "Dried-fruit cluster that processes apricots, raisins and prunes from 5,000 hectares of "
    "orchards.",
)
org(
    "tashkent-textile",
    "Tashkent Cotton Textile Cluster JSC",
    "company",
    "UZB",
    "Tashkent",
    "large",
    "1311 1312 1313",
    "Cotton-to-garment cluster with spinning, knitting, dyeing and sewing in one park.",
)
org(
    "arusha-horti",
    "Arusha Horticulture Exporters Ltd",
    "company",
    "TZA",
    "Arusha",
    "small",
    "0113 4630",
    "Exporter of green beans, snow peas and herbs to Europe, sourcing from 1,500 smallholders.",
)
org(
    "gulu-shea",
    "Gulu Women Shea Processors Cooperative",
    "ngo",
    "UGA",
    "Gulu",
    "micro",
    "1040",
    "Cooperative of 800 women who collect shea nuts and press shea butter by hand.",
)
org(
    "kigali-moto",
    "Kigali Moto Riders Cooperative",
    "company",
    "RWA",
    "Kigali",
    "small",
    "4922",
    "Coopérative de 1 200 conducteurs de moto-taxis à Kigali qui veut passer à l'électrique.",
    "rw fr en",
)
org(
    "copperbelt-water",
    "Copperbelt Mine Water Services Ltd",
    "company",
    "ZMB",
    "Kitwe",
    "medium",
    "3600 3700 0990",
    "Company treating mine drainage and supplying process water to two copper mines.",
)
org(
    "casamance-mango",
    "Coopérative des Producteurs de Mangues de Casamance",
    "company",
    "SEN",
    "Ziguinchor",
    "small",
    "0122 1030",
    "Coopérative de 900 producteurs de mangues, dont près de la moitié des fruits se perdent "
    "faute de transformation.",
    "fr",
)
org(
    "korhogo-cashew",
    "Union des Coopératives d'Anacarde de Korhogo",
    "company",
    "CIV",
    "Korhogo",
    "medium",
    "0125 1030",
    "Union de coopératives qui collecte 15 000 tonnes de noix de cajou brutes par an et "
    "souhaite les transformer sur place.",
    "fr",
)
org(
    "bobo-maraichers",
    "Groupement des Maraîchers de Bobo-Dioulasso",
    "ngo",
    "BFA",
    "Bobo-Dioulasso",
    "micro",
    "0113",
    "Groupement de 350 maraîchers qui irriguent à la motopompe diesel en saison sèche.",
    "fr",
)
org(
    "menabe-village",
    "Association Villageoise d'Électrification du Menabe",
    "ngo",
    "MDG",
    "Morondava",
    "micro",
    "3510",
    "Association de douze villages non raccordés au réseau dans la région du Menabe.",
    "fr",
)
org(
    "meknes-olive",
    "Huilerie Coopérative de Meknès",
    "company",
    "MAR",
    "Meknès",
    "small",
    "1040",
    "Huilerie coopérative qui triture 6 000 tonnes d'olives par campagne.",
    "fr",
)
org(
    "douala-cacao",
    "Société Camerounaise de Transformation du Cacao",
    "company",
    "CMR",
    "Douala",
    "medium",
    "1073",
    "Transformateur camerounais de fèves de cacao en masse, beurre et poudre.",
    "fr",
)
org(
    "nepal-hydro",
    "Dolakha Community Hydropower Cooperative",
    "ngo",
    "NPL",
    "Charikot",
    "small",
    "3510",
    "Community cooperative that owns a 100 kW micro-hydro plant and wants to add a second site.",
)
org(
    "nepal-bricks",
    "Kathmandu Valley Brick Producers Federation",
    "company",
    "NPL",
    "Bhaktapur",
    "small",
    "2392",
    "Federation of 110 brick kilns, most of them rebuilt after 2015 as zig-zag kilns.",
)
org(
    "kyrgyz-dairy",
    "Issyk-Kul Milk Collectors Association",
    "company",
    "KGZ",
    "Karakol",
    "small",
    "1050",
    "Association of village milk collectors supplying two cheese plants around Lake Issyk-Kul.",
)
org(
    "tajik-hydro",
    "Pamir Rural Energy Initiative",
    "ngo",
    "TJK",
    "Khorog",
    "small",
    "3510",
    "Non-profit that builds and runs micro-hydro plants for mountain villages in Gorno-Badakhshan.",
)
org(
    "lanka-tea",
    "Uva Highlands Tea Factory (Pvt) Ltd",
    "company",
    "LKA",
    "Badulla",
    "medium",
    "1079",
    "Tea factory processing 9 million kg of green leaf a year from estates and smallholders.",
)
org(
    "cebu-coco",
    "Cebu Coconut Processors Corporation",
    "company",
    "PHL",
    "Cebu",
    "medium",
    "1040",
    "Processor of desiccated coconut and virgin coconut oil with 700 employees.",
)
org(
    "java-fishery",
    "Pekalongan Fisheries Cooperative",
    "company",
    "IDN",
    "Pekalongan",
    "small",
    "1020 0311",
    "Fishing cooperative of 260 boats that lands 40 tonnes of fish a day at a crowded harbour.",
)
org(
    "cambodia-rice",
    "Battambang Rice Millers Group",
    "company",
    "KHM",
    "Battambang",
    "small",
    "1061",
    "Group of nine rice mills that buy paddy from 20,000 farmers in north-west Cambodia.",
)
org(
    "addis-leather",
    "Addis Leather Footwear PLC",
    "company",
    "ETH",
    "Addis Ababa",
    "medium",
    "1520",
    "Maker of leather shoes and boots for export, with 1,100 workers.",
)
org(
    "cairo-ceramics",
    "Nile Valley Ceramics Co.",
    "company",
    "EGY",
    "Sadat City",
    "large",
    "2393",
    "Producer of wall and floor tiles, 30 million m² a year on six kiln lines.",
)
org(
    "amman-water",
    "Zarqa Governorate Water Utility",
    "public_agency",
    "JOR",
    "Zarqa",
    "large",
    "3600",
    "Public water utility losing close to half of its water to leaks and illegal connections.",
)
org(
    "dar-hospital",
    "Kilimanjaro Mission Hospitals Network",
    "ngo",
    "TZA",
    "Moshi",
    "medium",
    "8610",
    "Network of seven faith-based district hospitals in northern Tanzania.",
)
org(
    "lilongwe-schools",
    "Malawi School Feeding Partners",
    "ngo",
    "MWI",
    "Lilongwe",
    "small",
    "8890",
    "NGO that runs school kitchens feeding 85,000 pupils a day in central Malawi.",
)
org(
    "almaty-bakery",
    "Almaty Grain and Bakery Holding",
    "company",
    "KAZ",
    "Almaty",
    "large",
    "1061 1071",
    "Flour milling and bakery group with two mills and eleven bakeries.",
)
org(
    "antioquia-coffee",
    "Cooperativa de Caficultores del Suroeste de Antioquia",
    "company",
    "COL",
    "Andes",
    "medium",
    "0127",
    "Coffee growers' cooperative with 4,500 members and a central wet mill.",
)
org(
    "guatemala-cardamom",
    "Alta Verapaz Cardamom Producers Association",
    "company",
    "GTM",
    "Cobán",
    "small",
    "0128",
    "Association of 1,900 cardamom growers who dry their crop in wood-fired dryers.",
)
org(
    "mozambique-cashew",
    "Nampula Cashew Processing Lda.",
    "company",
    "MOZ",
    "Nampula",
    "medium",
    "1030",
    "Cashew processor running a semi-mechanised plant that employs 650 people.",
)
org(
    "dhaka-easybike",
    "Dhaka Easybike Operators Association",
    "company",
    "BGD",
    "Dhaka",
    "small",
    "4922",
    "Association of battery-rickshaw owners running lead-acid three-wheelers in Dhaka suburbs.",
)
org(
    "mongolia-cashmere",
    "Gobi Cashmere Scouring Co.",
    "company",
    "MNG",
    "Ulaanbaatar",
    "medium",
    "1311",
    "Scours and dehairs raw cashmere and yak fibre for export.",
)
org(
    "laos-coffee",
    "Bolaven Plateau Coffee Producers Group",
    "company",
    "LAO",
    "Paksong",
    "small",
    "0127",
    "Producer group of 700 coffee farmers on the Bolaven plateau.",
)
org(
    "ecuador-cacao",
    "Asociación de Productores de Cacao Fino de Manabí",
    "company",
    "ECU",
    "Portoviejo",
    "small",
    "0127",
    "Association of fine-flavour cacao growers selling to specialty chocolate makers.",
)

# --- Organisations: Chinese needs and projects (inbound technology and investment) -------

org(
    "jiangsu-dyehouse",
    "Changshu Riverside Printing and Dyeing Co., Ltd.",
    "company",
    "CHN",
    "Changshu",
    "medium",
    "1313",
    "常熟江畔印染有限公司，年印染各类面料8000万米，面临更严格的排水标准。",
    "zh",
)
org(
    "shandong-dairy",
    "Weifang Greenmeadow Dairy Co., Ltd.",
    "company",
    "CHN",
    "Weifang",
    "medium",
    "1050",
    "潍坊绿野乳业有限公司，日处理鲜奶600吨，使用燃气锅炉供应巴氏杀菌和清洗用热水。",
    "zh",
)
org(
    "yunnan-flowers",
    "Kunming Highland Flower Growers Co., Ltd.",
    "company",
    "CHN",
    "Kunming",
    "medium",
    "0119",
    "昆明高原花卉种植有限公司，拥有40公顷连栋温室，主要种植玫瑰和康乃馨供应国内市场。",
    "zh",
)
org(
    "shaoxing-textile",
    "Shaoxing Keqiao Textile Finishing Co., Ltd.",
    "company",
    "CHN",
    "Shaoxing",
    "medium",
    "1313",
    "绍兴柯桥纺织整理有限公司，主营棉及混纺面料的前处理和后整理。",
    "zh",
)
org(
    "ningbo-port-logistics",
    "Ningbo Eastgate Bulk Terminal Co., Ltd.",
    "company",
    "CHN",
    "Ningbo",
    "large",
    "5224 5222",
    "宁波东门散货码头有限公司，年吞吐矿石和煤炭约4000万吨。",
    "zh",
)
org(
    "changning-park",
    "Shanghai Hongqiao Green Industrial Park Development Co., Ltd.",
    "company",
    "CHN",
    "Shanghai",
    "medium",
    "6810 3510",
    "上海虹桥绿色产业园开发有限公司，负责园区屋顶光伏、储能和绿色建筑改造。",
    "zh",
)
org(
    "zhejiang-wte",
    "Quzhou Clean Energy Environmental Co., Ltd.",
    "company",
    "CHN",
    "Quzhou",
    "medium",
    "3821 3510",
    "衢州清能环境有限公司，运营县域生活垃圾和农林废弃物处理设施。",
    "zh",
)

# --- Organisations: investors ---------------------------------------------------------------

org(
    "nordlys",
    "Nordlys Climate Investment Fund",
    "investor",
    "NOR",
    "Oslo",
    "medium",
    "6430",
    "Closed-end climate fund backed by Nordic pension funds, investing in renewable energy and "
    "energy efficiency in emerging markets.",
)
org(
    "rhine-delta",
    "Rhine Delta Impact Partners",
    "investor",
    "NLD",
    "Rotterdam",
    "small",
    "6630",
    "Impact fund manager focused on agri-food value chains and post-harvest infrastructure in "
    "Africa and South Asia.",
)
org(
    "alpine-infra",
    "Alpine Green Infrastructure Fund",
    "investor",
    "CHE",
    "Geneva",
    "medium",
    "6430",
    "Swiss fund for mid-sized water, waste and clean-energy infrastructure in developing "
    "countries.",
)
org(
    "lumiere",
    "Lumière Capital Afrique",
    "investor",
    "FRA",
    "Paris",
    "small",
    "6630",
    "Société de gestion française qui investit en fonds propres dans les PME industrielles et "
    "agroalimentaires d'Afrique de l'Ouest et centrale.",
    "fr en",
)
org(
    "hanse",
    "Hanse Mittelstand Transition Fund",
    "investor",
    "DEU",
    "Hamburg",
    "medium",
    "6430",
    "German fund that co-invests with European equipment makers in joint ventures abroad.",
)
org(
    "thames",
    "Thames Emerging Infrastructure Partners",
    "investor",
    "GBR",
    "London",
    "medium",
    "6630",
    "Infrastructure debt manager lending to utilities, mini-grid portfolios and logistics assets.",
)
org(
    "iberia-agri",
    "Iberia Agri Impact Fund",
    "investor",
    "ESP",
    "Madrid",
    "small",
    "6430",
    "Spanish impact fund for irrigation, agro-processing and food-safety projects in Latin "
    "America and North Africa.",
)
org(
    "baltic-clean",
    "Baltic Cleantech Ventures",
    "investor",
    "FIN",
    "Helsinki",
    "small",
    "6430",
    "Venture fund for industrial cleantech and AI-for-industry start-ups expanding to Asia.",
)
org(
    "danube",
    "Danube Sustainable Industry Fund",
    "investor",
    "AUT",
    "Vienna",
    "small",
    "6430",
    "Fund investing in resource-efficient manufacturing in Central Asia, the Caucasus and the "
    "Western Balkans.",
)
org(
    "nordic-dfi",
    "Nordic Frontier Development Finance Corporation",
    "investor",
    "DNK",
    "Copenhagen",
    "large",
    "6492",
    "Development finance institution offering long-term loans, equity and guarantees to private "
    "projects in low- and middle-income countries.",
)
org(
    "euro-green-bank",
    "European Green Transition Facility",
    "investor",
    "LUX",
    "Luxembourg",
    "large",
    "6492",
    "Blended-finance facility that combines grants and concessional loans for climate projects "
    "with a technology-transfer component.",
)
org(
    "falcon",
    "Falcon Crescent Green Investments",
    "investor",
    "ARE",
    "Abu Dhabi",
    "large",
    "6430",
    "Gulf investment company with a mandate for renewable energy, green hydrogen and food "
    "security in Africa and Asia.",
)
org(
    "alnoor",
    "Al Noor Development Partners",
    "investor",
    "SAU",
    "Riyadh",
    "large",
    "6492",
    "Development investor financing water, energy and agriculture projects in the Middle East, "
    "Africa and Central Asia.",
)
org(
    "pearl-bay",
    "Pearl Bay Sustainable Capital",
    "investor",
    "QAT",
    "Doha",
    "medium",
    "6630",
    "Asset manager with a food-security and cold-chain strategy.",
)
org(
    "oasis",
    "Oasis Horizon Fund",
    "investor",
    "OMN",
    "Muscat",
    "small",
    "6430",
    "Fund for desalination, water reuse and solar projects around the Arabian Sea.",
)
org(
    "lotus-bridge",
    "Lotus Bridge Capital",
    "investor",
    "SGP",
    "Singapore",
    "medium",
    "6630",
    "Private equity manager investing in manufacturing digitalisation and logistics in "
    "South-East and South Asia.",
)
org(
    "merlion-agri",
    "Merlion Agri-Food Growth Fund",
    "investor",
    "SGP",
    "Singapore",
    "small",
    "6430",
    "Growth fund for agri-tech, cold chain and food processing in ASEAN and South Asia.",
)
org(
    "sakura-gt",
    "Sakura Green Transition Partners",
    "investor",
    "JPN",
    "Tokyo",
    "medium",
    "6630",
    "Japanese fund for energy efficiency, e-mobility and low-carbon materials in Asia.",
)
org(
    "hanriver",
    "Han River Climate Technology Fund",
    "investor",
    "KOR",
    "Seoul",
    "small",
    "6430",
    "Korean fund that finances the export of climate technologies with local partners.",
)
org(
    "jade-silk",
    "Jade Silk Road Industrial Cooperation Fund",
    "investor",
    "CHN",
    "Beijing",
    "large",
    "6430",
    "玉丝路产业合作基金，投资“一带一路”沿线国家的制造业、农产品加工和绿色能源项目。",
    "zh en",
)
org(
    "yangtze-ss",
    "Yangtze South-South Green Development Fund",
    "investor",
    "CHN",
    "Shanghai",
    "medium",
    "6430",
    "长江南南绿色发展基金，支持中国绿色技术企业与发展中国家伙伴合资合作。",
    "zh en",
)
org(
    "pearl-river-vc",
    "Pearl River Smart Manufacturing Ventures",
    "investor",
    "CHN",
    "Shenzhen",
    "small",
    "6630",
    "珠江智造创投，投资工业人工智能、机器人和工业物联网初创企业。",
    "zh",
)
org(
    "zhejiang-agri-fund",
    "Zhejiang Modern Agriculture Going-Global Fund",
    "investor",
    "CHN",
    "Hangzhou",
    "small",
    "6430",
    "浙江现代农业走出去基金，支持浙江农机、冷链和农产品加工企业开拓海外市场。",
    "zh",
)
org(
    "hongqiao-green",
    "Hongqiao Green Finance Leasing Co., Ltd.",
    "investor",
    "CHN",
    "Shanghai",
    "medium",
    "6491",
    "虹桥绿色融资租赁有限公司，为海外光伏、储能、电动车队和节能设备提供融资租赁。",
    "zh",
)
org(
    "kilimanjaro-fund",
    "Kilimanjaro Agri Growth Fund",
    "investor",
    "KEN",
    "Nairobi",
    "small",
    "6430",
    "East African fund investing in agro-processors, dairies and cold storage.",
)
org(
    "sahel-energy",
    "Fonds Sahel Accès Énergie",
    "investor",
    "CIV",
    "Abidjan",
    "small",
    "6430",
    "Fonds régional qui finance des mini-réseaux solaires, du pompage solaire et la cuisson "
    "propre au Sahel et en Afrique de l'Ouest.",
    "fr",
)
org(
    "lagos-mfg",
    "Lagos Manufacturing Growth Partners",
    "investor",
    "NGA",
    "Lagos",
    "small",
    "6630",
    "Nigerian private equity firm for mid-sized manufacturers modernising their plants.",
)
org(
    "andes-verde",
    "Andes Verde Capital",
    "investor",
    "PER",
    "Lima",
    "small",
    "6630",
    "Peruvian impact fund for sustainable agriculture, water and renewable energy in the Andes.",
)
org(
    "cerrado",
    "Fundo Cerrado Sustentável",
    "investor",
    "BRA",
    "São Paulo",
    "medium",
    "6430",
    "Brazilian fund for bioenergy, circular economy and low-carbon agriculture in Latin America.",
)
org(
    "steppe-capital",
    "Steppe Capital Partners",
    "investor",
    "KAZ",
    "Almaty",
    "small",
    "6630",
    "Central Asian private equity firm investing in food processing, textiles and logistics.",
)
org(
    "indus-green",
    "Indus Green Industry Fund",
    "investor",
    "PAK",
    "Karachi",
    "small",
    "6430",
    "Fund backing energy-efficiency upgrades in Pakistani textile and food plants.",
)
org(
    "bengal-impact",
    "Bengal Delta Impact Finance",
    "investor",
    "BGD",
    "Dhaka",
    "small",
    "6492",
    "Non-bank lender financing solar irrigation, e-rickshaws and clean water for rural "
    "enterprises.",
)
org(
    "mekong-capital-green",
    "Mekong Green Growth Partners",
    "investor",
    "VNM",
    "Ho Chi Minh City",
    "small",
    "6630",
    "Vietnamese fund for agri-food processing, renewable energy and circular-economy firms.",
)
org(
    "itpo-network",
    "South-South Technology Partnership Facility",
    "promotion_agency",
    "CHN",
    "Shanghai",
    "small",
    "8413",
    "Fictional promotion facility used in the demo to post co-financing windows for technology "
    "transfer projects matched on the platform.",
)
org(
    "atlas-dfi",
    "Atlas Development Bank for Africa",
    "investor",
    "MAR",
    "Casablanca",
    "large",
    "6492",
    "Development bank financing infrastructure and agro-industry across Africa.",
)
org(
    "gulf-food",
    "Gulf Food Security Holding",
    "investor",
    "KWT",
    "Kuwait City",
    "large",
    "6420",
    "Holding company that invests in farmland, processing and logistics to secure food imports.",
)

# ============================================================================================
# Technology offers
# ============================================================================================

offer(
    "offer-sunfield-hybrid-dryer",
    "sunfield",
    "zh",
    "太阳能-生物质混合式果蔬干燥机（每批1–3吨鲜果）",
    "面向芒果、杏、菠萝等水果合作社的混合式干燥机，白天用太阳能集热，夜间和阴天切换生物质热风炉，干燥周期缩短至18–24小时。",
    "设备由透明聚碳酸酯集热棚、不锈钢料盘车和300千瓦生物质热风炉组成，每批可干燥1–3吨鲜果，出品水分稳定在15%以下。"
    "与露天晾晒相比，霉变和虫害损失从约30%降至5%以下，产品可达到欧盟有机干果收购商的要求。"
    "我们负责现场安装、操作培训和两年备件供应，希望合作方提供场地、原料收购渠道和当地食品认证支持。",
    isic="2819 1030",
    tech="green.solar_thermal green.post_harvest industry.agro_processing",
    sdgs="2 7 12",
    countries="KEN ETH TZA UZB SEN",
    trl=9,
    coop="supply technical_assistance",
    amount=(28000, 65000, "USD"),
    mwh=85,
    co2=40,
)
offer(
    "offer-sunfield-cocoa-dryer",
    "sunfield",
    "en",
    "Solar tunnel dryer for cocoa, coffee and cardamom",
    "Walk-in solar tunnel dryers with backup heat for fermented cocoa beans, parchment coffee and "
    "spices; 2-6 tonnes per batch with even drying and no smoke taint.",
    "Each 30-metre tunnel has PV-driven fans and temperature sensors that switch on a pellet "
    "burner when the air drops below 45 °C. Cocoa reaches 7 % moisture in four to five days "
    "instead of eight to ten on tarpaulins, and off-flavours from wood smoke disappear. A "
    "cooperative of 1,000 farmers typically needs two tunnels. We supply kits for local "
    "assembly and train a local welding workshop to build frames.",
    isic="2819 0127",
    tech="green.solar_thermal green.post_harvest",
    sdgs="2 7 8",
    countries="GHA CIV CMR ECU GTM",
    trl=8,
    coop="supply licensing technical_assistance",
    amount=(18000, 42000, "USD"),
    co2=25,
)
offer(
    "offer-lanting-minigrid",
    "lanting",
    "zh",
    "集装箱式光伏储能微电网（20–500千瓦）",
    "工厂预装的光伏+磷酸铁锂储能微电网，可为200–2000户村庄、诊所和碾米厂供电，含预付费智能电表和远程运维平台。",
    "标准集装箱内集成逆变器、电池柜、能量管理系统和通信模块，现场只需安装光伏支架和配电网，通常六周内可以通电。"
    "典型的100千瓦光伏+300千瓦时储能系统每年发电约15万千瓦时，替代柴油约4.5万升。"
    "我们可以与当地开发商组建合资公司，承担设备和技术，当地伙伴负责许可、用户开发和收费。",
    isic="2790 3510 4321",
    tech="green.solar_pv green.energy_storage infrastructure.power_grid",
    sdgs="7 13 1",
    countries="ETH MDG NGA MMR TZA ZMB",
    trl=9,
    coop="supply joint_venture technical_assistance",
    amount=(180000, 1200000, "USD"),
    mwh=150,
    co2=120,
)
offer(
    "offer-lanting-productive-use",
    "lanting",
    "en",
    "Productive-use appliance bundles for mini-grid operators",
    "Efficient grain mills, egg incubators, water pumps and cold boxes sized for 10-30 kW "
    "mini-grids, sold with pay-as-you-go financing software.",
    "Mini-grids earn more when daytime loads grow. Our bundles pair each appliance with a "
    "smart plug so the operator can bill by use and schedule milling when the sun is high. "
    "Pilots in two Zambian sites raised daytime sales by 38 % in six months. We look for "
    "mini-grid developers and microfinance partners to distribute the bundles.",
    isic="2750 2790",
    tech="green.solar_pv green.energy_efficiency digital.fintech",
    sdgs="7 8",
    countries="ZMB NGA TZA UGA MDG",
    trl=8,
    coop="supply distribution",
    amount=(1500, 9000, "USD"),
)
offer(
    "offer-qinghe-coffee-biogas",
    "qinghe",
    "zh",
    "咖啡湿法加工废水厌氧处理与沼气利用",
    "针对咖啡水洗站高浓度废水的UASB厌氧处理系统，COD去除率90%以上，沼气用于咖啡豆干燥或发电。",
    "咖啡水洗废水COD通常在1万–2万毫克/升，直接排放会造成河流缺氧。"
    "我们的模块化UASB反应器配合预酸化池和石灰中和，可处理每天50–500立方米废水，每立方米废水约产沼气8立方米。"
    "已在云南普洱的三个加工厂运行三年。希望与东非和拉美的咖啡合作社或其投资方合作，先做一个示范站。",
    isic="3700 2829 1079",
    tech="green.bioenergy green.water_treatment green.waste_to_energy",
    sdgs="6 7 12",
    countries="ETH COL LAO KEN",
    trl=8,
    coop="supply technical_assistance",
    amount=(90000, 350000, "USD"),
    mwh=420,
    co2=900,
)
offer(
    "offer-qinghe-starch-biogas",
    "qinghe",
    "zh",
    "木薯淀粉废水沼气工程（日处理500–3000立方米）",
    "木薯淀粉和木薯粉加工废水的厌氧-好氧组合处理工艺，沼气替代燃油用于淀粉烘干，投资回收期约3年。",
    "木薯淀粉厂每吨产品产生约12立方米高浓度废水，并含有氰化物。"
    "我们采用覆膜厌氧塘加IC反应器，沼气经脱硫后进入气流干燥塔燃烧器，可替代60%–80%的重油。"
    "已在广西、老挝和柬埔寨建成9个项目。合作方需提供场地和废水水质数据。",
    isic="3700 2829 1062",
    tech="green.bioenergy green.waste_to_energy green.water_treatment",
    sdgs="6 7 13",
    countries="NGA GHA KHM VNM LAO",
    trl=9,
    coop="supply joint_venture",
    amount=(400000, 2500000, "USD"),
    mwh=5200,
    co2=3800,
)
offer(
    "offer-qinghe-household-digester",
    "qinghe",
    "zh",
    "户用玻璃钢沼气池（4–10立方米）",
    "适合养2–10头牛或猪的农户，沼气用于炊事，沼液作为有机肥，减少薪柴消耗和室内烟雾。",
    "预制玻璃钢罐体一天内即可安装，使用寿命超过15年，不需要专业砌筑工人。"
    "一个6立方米沼气池每天产气约1.5立方米，可满足五口之家的炊事需要，每年减少薪柴约2吨。"
    "我们寻找当地分销商和小额信贷机构，开展“沼气池+贷款”的推广。",
    isic="2220 2750",
    tech="green.bioenergy green.clean_cooking",
    sdgs="7 3 15",
    countries="NPL KEN UGA RWA ETH",
    trl=9,
    coop="supply distribution",
    amount=(450, 900, "USD"),
    co2=2,
)
offer(
    "offer-frostline-solar-coldroom",
    "frostline",
    "zh",
    "太阳能直驱冷库（10–40立方米，无需电池）",
    "光伏直接驱动变频压缩机并以冰蓄冷保持温度，适合没有稳定电网的农产品集散点，可将果蔬保鲜期延长2–4周。",
    "冷库采用100毫米聚氨酯夹芯板，库温可在2–8℃之间设定，夜间依靠白天蓄存的冰维持温度。"
    "一个20立方米冷库可存放约5吨番茄或蔬菜，配备远程温度监测和按箱收费的手机应用。"
    "我们提供设备、安装和两年运维培训，希望与当地冷链服务运营商或合作社建立分销合作。",
    isic="2819 5210",
    tech="green.cold_chain green.solar_pv green.post_harvest",
    sdgs="2 7 12",
    countries="NGA KEN TZA PAK BGD",
    trl=9,
    coop="supply distribution technical_assistance",
    amount=(14000, 38000, "USD"),
    mwh=12,
    co2=9,
)
offer(
    "offer-frostline-precooler",
    "frostline",
    "en",
    "Mobile forced-air pre-cooler for export horticulture",
    "Trailer-mounted forced-air pre-cooler that brings field heat out of beans, berries or "
    "citrus in 2-4 hours, so packhouses can meet export cold-chain rules.",
    "One unit handles 3 tonnes per cycle and runs on grid, genset or a 40 kWp PV array with "
    "battery. Removing field heat within hours of harvest cuts weight loss and rejects at the "
    "importer by half for French beans. The trailer can serve several collection points in a "
    "season. We look for exporters or cold-chain service firms to run the units.",
    isic="2819 5210",
    tech="green.cold_chain green.post_harvest",
    sdgs="2 12",
    countries="TZA KEN PAK PER",
    trl=8,
    coop="supply distribution",
    amount=(55000, 90000, "USD"),
)
offer(
    "offer-frostline-reefer",
    "frostline",
    "zh",
    "鱼虾产地冷藏集装箱与制冰机组合",
    "20英尺和40英尺冷藏集装箱改装的产地冷库，搭配每天3–10吨片冰机，适合渔港和虾塘集货点。",
    "集装箱冷库可在零下18℃冻藏或0–4℃冷藏之间切换，整体吊装，无需土建。"
    "片冰机采用海水或淡水制冰，用于渔获上岸后立即降温。"
    "在孟加拉国和印尼的试点中，渔获因变质导致的降价损失减少约三分之一。可提供租赁或分期付款方案。",
    isic="2819 5210 1020",
    tech="green.cold_chain green.post_harvest",
    sdgs="2 14 12",
    countries="BGD IDN KEN PHL",
    trl=9,
    coop="supply distribution",
    amount=(32000, 85000, "USD"),
)
offer(
    "offer-clearsight-metal",
    "clearsight",
    "zh",
    "金属零件表面缺陷视觉检测工作站",
    "基于深度学习的视觉检测工作站，可识别抛光、锻造和机加工零件的划痕、裂纹、毛刺和尺寸偏差，检出率99%以上。",
    "工作站由两台500万像素工业相机、环形光源和边缘计算机组成，每分钟检测30–60件。"
    "模型只需约300张标注图片即可完成初训，并可在本地持续学习，数据不出厂。"
    "适合手术器械、五金工具和汽车零部件企业。我们提供远程调试和本地工程师培训。",
    isic="6201 2670 3250",
    tech="ai_manufacturing.machine_vision ai_manufacturing.quality_traceability",
    sdgs="9 8",
    countries="PAK IND VNM EGY TUR",
    trl=9,
    coop="supply technical_assistance",
    amount=(35000, 80000, "USD"),
)
offer(
    "offer-clearsight-fabric",
    "clearsight",
    "en",
    "Machine-vision fabric inspection for knitting and weaving",
    "Camera bar that inspects greige and finished fabric at up to 60 m/min and flags holes, "
    "stains, barré and missed picks, replacing manual inspection tables.",
    "The bar mounts on existing inspection frames and creates a defect map for each roll, so "
    "cutting rooms can plan around faults. Typical mills cut second-quality fabric by 20-30 % "
    "and free two inspectors per shift. Models for cotton, polyester blends and denim are "
    "pre-trained. We need a partner who can install and service the system locally.",
    isic="6201 2670 1312",
    tech="ai_manufacturing.machine_vision industry.textiles",
    sdgs="9 12",
    countries="BGD PAK ETH UZB VNM",
    trl=8,
    coop="supply distribution",
    amount=(42000, 70000, "USD"),
)
offer(
    "offer-clearsight-food",
    "clearsight",
    "zh",
    "坚果与干果光电分选及视觉检测",
    "用于腰果、巴西坚果、葡萄干和杏干的视觉分选机，按颜色、破损和霉斑自动剔除，每小时处理0.5–2吨。",
    "设备结合可见光和近红外相机，能识别肉眼难以发现的黄曲霉污染风险颗粒。"
    "与人工挑拣相比，每条线可节省12–20名拣选工，并显著降低出口退货率。"
    "提供试样检测：客户寄送10公斤样品，我们出具分选效果报告。",
    isic="2825 6201 1030",
    tech="ai_manufacturing.machine_vision industry.agro_processing",
    sdgs="2 9 12",
    countries="CIV MOZ BOL UZB IND",
    trl=9,
    coop="supply technical_assistance",
    amount=(60000, 140000, "USD"),
)
offer(
    "offer-pulsegear-rolling",
    "pulsegear",
    "zh",
    "轧钢与水泥设备振动监测和故障预测",
    "无线振动温度传感器加故障预测软件，可提前2–6周发现轴承、齿轮箱和电机故障，减少非计划停机。",
    "传感器电池寿命三年，磁吸安装，无需布线；网关支持4G和本地服务器两种部署方式。"
    "软件内置轧机、辊压机、风机和泵的故障模型，并结合点检记录不断校正。"
    "在一家年产120万吨钢厂的应用中，非计划停机时间一年减少了41%。我们提供三个月试用和远程诊断服务。",
    isic="6201 2651 2410",
    tech="ai_manufacturing.predictive_maintenance ai_manufacturing.industrial_iot",
    sdgs="9 12",
    countries="GHA EGY UZB KAZ VNM",
    trl=9,
    coop="supply technical_assistance",
    amount=(25000, 120000, "USD"),
)
offer(
    "offer-pulsegear-textile",
    "pulsegear",
    "zh",
    "纺纱厂设备健康监测（细纱机、空压机、空调系统）",
    "面向纺纱厂的低成本设备健康监测方案，重点监测细纱机主电机、空压机和车间空调风机，年节电可达3%–6%。",
    "系统同时采集振动、电流和温度，发现转子不平衡、皮带打滑和过滤器堵塞等问题。"
    "一个5万锭纺纱厂通常需要约250个测点。"
    "可与电机改造和变频改造结合，统一计算节能量并支持合同能源管理模式。",
    isic="6201 2651 1311",
    tech="ai_manufacturing.predictive_maintenance ai_manufacturing.energy_management",
    sdgs="9 7",
    countries="PAK ETH UZB BGD",
    trl=8,
    coop="supply joint_venture",
    amount=(30000, 90000, "USD"),
    mwh=1200,
    co2=700,
)
offer(
    "offer-everturn-ie5",
    "everturn",
    "zh",
    "IE4/IE5永磁同步电机及变频改造",
    "用高效永磁同步电机替换老旧异步电机，配合变频器，可使风机、水泵和纺机电耗降低10%–30%。",
    "产品功率范围0.75–315千瓦，安装尺寸与IEC标准电机兼容，可直接替换。"
    "我们先做两周能耗测量，出具节能量报告，再由客户选择直接采购或节能效益分享。"
    "一个配有1500台电机的纺纱厂，全面改造后年节电约900万千瓦时。",
    isic="2710 3314",
    tech="green.energy_efficiency industry.machinery",
    sdgs="7 9 13",
    countries="PAK ETH BGD UZB EGY",
    trl=9,
    coop="supply technical_assistance",
    amount=(400, 22000, "USD"),
    mwh=9000,
    co2=4500,
)
offer(
    "offer-everturn-pump",
    "everturn",
    "en",
    "High-efficiency motor and pump sets for water utilities",
    "Pre-assembled IE4 motor and pump sets with variable-speed drives for booster stations, "
    "cutting pumping energy by 20-35 %.",
    "Most utility pumps in our target markets run at fixed speed and throttle valves. Our "
    "sets come with a pressure-based controller that follows demand and a simple energy "
    "dashboard. A 30-pump booster network in Central Asia saved 2.1 GWh a year. We work with "
    "utilities directly or through engineering contractors.",
    isic="2710 2813",
    tech="green.energy_efficiency ai_manufacturing.energy_management",
    sdgs="6 7",
    countries="JOR UZB KGZ TJK EGY",
    trl=9,
    coop="supply",
    amount=(6000, 60000, "USD"),
    mwh=2100,
    co2=1300,
)
offer(
    "offer-aquaclear-town",
    "aquaclear",
    "zh",
    "集装箱式饮用水净化站（每天100–2000立方米）",
    "超滤+锰砂过滤的集装箱式净水站，可去除地下水中的铁、锰、浊度和细菌，适合小城镇和社区供水。",
    "设备在工厂完成组装和调试，现场只需连接进出水管和电源，三天内可出水。"
    "配备远程水质监测，可通过短信向运营人员报警。每立方米制水电耗约0.25千瓦时，可用光伏供电。"
    "希望与当地供水合作社或水务公司合作，我们提供培训和三年备件。",
    isic="2829 3600",
    tech="green.water_treatment infrastructure.urban_services",
    sdgs="6 3",
    countries="BOL JOR KEN TZA ZMB",
    trl=9,
    coop="supply technical_assistance",
    amount=(60000, 450000, "USD"),
)
offer(
    "offer-aquaclear-mine",
    "aquaclear",
    "en",
    "Modular treatment of acid mine drainage and process water reuse",
    "Lime dosing, high-density sludge and membrane polishing in containers, to treat acid mine "
    "drainage and return water to the process circuit.",
    "Units treat 500-5,000 m3 a day and remove copper, cobalt, iron and sulphate to discharge "
    "limits. Recovered water cuts fresh-water abstraction, and sludge is dewatered for safe "
    "storage. We rent units for pilots and sell or lease full systems.",
    isic="2829 3600 3900",
    tech="green.water_treatment green.pollution_control industry.mining_processing",
    sdgs="6 12 15",
    countries="ZMB COD PER MNG",
    trl=8,
    coop="supply technical_assistance",
    amount=(350000, 3000000, "USD"),
)
offer(
    "offer-voltway-moto",
    "voltway",
    "zh",
    "电动摩托车与换电网络整体方案",
    "面向摩的（摩托出租车）市场的电动摩托车和智能换电柜，换电只需90秒，骑手每天燃料和维修成本可降低约40%。",
    "车辆采用72伏磷酸铁锂电池，满电续航约90公里，适应坡道和碎石路面。"
    "换电柜支持手机扣费，运营方可按每次换电或日租收费。"
    "我们提供散件出口和本地组装培训，希望与当地车队运营商或投资方组建合资公司。",
    isic="3091 2720",
    tech="green.electric_mobility green.energy_storage",
    sdgs="7 11 13",
    countries="RWA KEN UGA NGA",
    trl=9,
    coop="supply joint_venture",
    amount=(1300, 1800, "USD"),
    co2=1.1,
)
offer(
    "offer-voltway-tricycle",
    "voltway",
    "zh",
    "电动三轮货车及锂电池替换铅酸电池方案",
    "为城市配送和农村运输设计的电动三轮货车，以及将现有铅酸电池三轮车改装为锂电池的套件。",
    "锂电池改装套件可使车辆续航提高60%，电池寿命从1年延长到4年以上，并减少废旧铅酸电池污染。"
    "整车载重500–1000公斤。我们可与当地组装厂合作设立散件组装线，年产能5000台起。",
    isic="3091 2720 2910",
    tech="green.electric_mobility green.energy_storage",
    sdgs="7 11 12",
    countries="BGD NGA PAK KEN",
    trl=9,
    coop="supply licensing joint_venture",
    amount=(900, 3200, "USD"),
)
offer(
    "offer-helio-irrigation",
    "helio",
    "zh",
    "太阳能灌溉水泵系统（0.5–15千瓦）",
    "替代柴油泵的太阳能灌溉系统，配套滴灌和储水罐，可灌溉0.5–20公顷，柴油费用降为零。",
    "系统包括无刷直流或交流永磁泵、光伏阵列和智能控制器，控制器可根据日照自动调速并通过手机查看运行数据。"
    "一台3千瓦系统每天可提水约60立方米（扬程30米），替代柴油约1500升/年。"
    "我们希望与当地分销商和农村金融机构合作，推广“以租代购”模式。",
    isic="2813 2790",
    tech="green.solar_pv green.efficient_irrigation green.climate_smart_agriculture",
    sdgs="2 6 7 13",
    countries="BGD BFA PAK KEN ETH NPL",
    trl=9,
    coop="supply distribution",
    amount=(1800, 16000, "USD"),
    co2=4,
)
offer(
    "offer-helio-village-water",
    "helio",
    "zh",
    "太阳能村镇供水泵站",
    "深井太阳能泵加高位水箱的村镇供水方案，可为500–5000人供水，无需电网和柴油。",
    "泵站采用不锈钢潜水泵，最大扬程250米，适合干旱地区深井。"
    "配备预付费取水点，可收取少量水费用于维护。我们提供选型计算和现场安装指导。",
    isic="2813 3600",
    tech="green.solar_pv green.water_treatment infrastructure.urban_services",
    sdgs="6 7",
    countries="ETH MLI NER TCD SDN",
    trl=9,
    coop="supply technical_assistance",
    amount=(12000, 70000, "USD"),
)
offer(
    "offer-kilnwise-ceramic",
    "kilnwise",
    "zh",
    "陶瓷辊道窑燃烧优化与余热回收改造",
    "通过燃烧控制、窑炉密封和余热回收，陶瓷辊道窑单位产品燃气消耗可降低12%–20%。",
    "改造内容包括空燃比自动控制、急冷段余热送干燥窑，以及基于人工智能的烧成曲线优化。"
    "改造不需停产超过5天。我们按节能量收费，也可以一次性交钥匙改造。",
    isic="2815 7110 2393",
    tech="green.energy_efficiency ai_manufacturing.process_optimisation",
    sdgs="7 9 13",
    countries="EGY VNM IND BGD",
    trl=9,
    coop="supply technical_assistance",
    amount=(150000, 600000, "USD"),
    mwh=14000,
    co2=2900,
)
offer(
    "offer-kilnwise-brick",
    "kilnwise",
    "en",
    "Cleaner brick kilns: zig-zag and tunnel kiln conversion",
    "Design, conversion and operator training for brick kilns moving from fixed-chimney to "
    "zig-zag firing or to small tunnel kilns.",
    "Zig-zag conversion uses about 20 % less coal and cuts black carbon and particulate "
    "emissions by more than half, at a cost that most kiln owners recover in two seasons. "
    "For larger owners we offer 30,000-brick-a-day tunnel kilns that can fire unfired "
    "fly-ash or hollow blocks. Training covers setting patterns and fuel feeding.",
    isic="7110 2815 2392",
    tech="green.energy_efficiency green.pollution_control industry.construction_materials",
    sdgs="3 7 13",
    countries="NPL BGD PAK",
    trl=9,
    coop="technical_assistance supply",
    amount=(25000, 400000, "USD"),
    co2=1500,
)
offer(
    "offer-gridsense-storage",
    "gridsense",
    "zh",
    "工商业与微电网磷酸铁锂储能系统",
    "50千瓦时至2兆瓦时的模块化储能系统，用于削峰填谷、柴油替代和光伏消纳，循环寿命6000次以上。",
    "系统集成电池管理、消防和温控，可在45℃高温环境下运行。"
    "能量管理系统可与柴油机、光伏逆变器和电网协同，自动选择最低成本运行模式。"
    "可提供融资租赁合作伙伴对接。",
    isic="2720 2790",
    tech="green.energy_storage infrastructure.power_grid",
    sdgs="7 13",
    countries="NGA PAK KEN EGY PHL",
    trl=9,
    coop="supply distribution",
    amount=(25000, 700000, "USD"),
)
offer(
    "offer-silkroad-lowliquor",
    "silkroad-dye",
    "en",
    "Low-liquor-ratio dyeing machines and dye-bath reuse",
    "Jet dyeing machines at a 1:4 liquor ratio and a dye-bath reuse system that together cut "
    "water use per kilogram of knit fabric from about 80 to 45 litres.",
    "Less water also means less steam and fewer chemicals, so a 20-tonne-a-day dye house "
    "typically saves 1,500 tonnes of steam and 300,000 m3 of water a year. The reuse unit "
    "analyses spent baths and doses top-up dyes automatically. We supply machines, process "
    "recipes and six months of on-site process engineering.",
    isic="2826 1313",
    tech="industry.textiles green.water_treatment green.energy_efficiency",
    sdgs="6 9 12",
    countries="BGD PAK ETH UZB EGY",
    trl=9,
    coop="supply technical_assistance",
    amount=(120000, 450000, "USD"),
    mwh=3500,
    co2=1100,
)
offer(
    "offer-silkroad-coldpad",
    "silkroad-dye",
    "zh",
    "冷轧堆染色生产线",
    "用于棉织物的冷轧堆连续染色工艺，与传统溢流染色相比节水约50%、节约蒸汽约70%。",
    "生产线车速30–80米/分钟，适合纯棉和粘胶梭织物的中大批量订单。"
    "我们提供设备、工艺配方和工人培训，可与客户的色彩实验室对接。",
    isic="2826 1313",
    tech="industry.textiles green.energy_efficiency",
    sdgs="6 9 12",
    countries="PAK UZB EGY",
    trl=9,
    coop="supply licensing",
    amount=(300000, 800000, "USD"),
    mwh=6000,
    co2=1800,
)
offer(
    "offer-tealeaf-orthodox",
    "tealeaf",
    "zh",
    "红茶与绿茶加工节能生产线",
    "揉捻、发酵、烘干全套茶叶加工设备，配套生物质颗粒热风炉，每公斤成品茶能耗降低约35%。",
    "烘干机采用多层链板和热风循环，温度控制精度±2℃，保证茶叶香气和色泽一致。"
    "热风炉可燃烧茶枝、木屑颗粒，替代重油或木柴。"
    "生产线处理能力每天鲜叶5–40吨，适合茶厂改造。",
    isic="2825 1079",
    tech="industry.agro_processing green.energy_efficiency green.bioenergy",
    sdgs="8 9 7",
    countries="LKA RWA KEN NPL VNM",
    trl=9,
    coop="supply technical_assistance",
    amount=(80000, 500000, "USD"),
    mwh=1800,
    co2=600,
)
offer(
    "offer-cloudfarm-irrigation",
    "cloudfarm",
    "en",
    "IoT irrigation scheduling for smallholder schemes",
    "Soil-moisture probes, a shared weather station and an SMS or app advisory that tells each "
    "farmer when and how long to irrigate; typical water savings of 25-40 %.",
    "The platform works for drip, furrow and pump-scheme irrigation and supports group "
    "scheduling for canal rotations. Farmers receive advice in local languages by SMS if they "
    "have no smartphone. A scheme of 300 farmers needs about 40 probes. We license the "
    "platform to irrigation agencies, NGOs and agribusinesses.",
    isic="6201 0161",
    tech="green.efficient_irrigation ai_manufacturing.industrial_iot green.climate_smart_agriculture",
    sdgs="2 6 13",
    countries="BGD UZB PAK EGY KEN",
    trl=8,
    coop="licensing technical_assistance",
    amount=(15000, 60000, "USD"),
)
offer(
    "offer-cloudfarm-greenhouse",
    "cloudfarm",
    "zh",
    "小型温室环境智能控制系统",
    "面向0.5–5公顷温室的低成本环境控制系统，自动调节通风、遮阳、喷雾和水肥，产量提高15%–25%。",
    "系统包括温湿度、光照和二氧化碳传感器及控制柜，手机端可远程查看和设定。"
    "已在越南大叻和云南的蔬菜、花卉温室应用。可提供中文、英文、越南文和西班牙文界面。",
    isic="6201 0113",
    tech="ai_manufacturing.industrial_iot green.climate_smart_agriculture green.efficient_irrigation",
    sdgs="2 9",
    countries="VNM KEN TZA PER",
    trl=9,
    coop="supply distribution",
    amount=(8000, 45000, "USD"),
)
offer(
    "offer-blueloop-pet",
    "blueloop",
    "zh",
    "PET瓶回收清洗造粒生产线（每小时0.5–3吨）",
    "将回收PET瓶加工为可用于纺丝或打包带的清洁瓶片和再生颗粒，水循环利用率超过80%。",
    "生产线包括除标、破碎、热洗、浮选和脱水，可选配固相增粘设备生产食品级颗粒。"
    "一条每小时1吨的生产线年处理约6000吨废瓶，需要约25名工人。"
    "我们寻找拥有稳定回收来源的合作伙伴，可提供设备和技术入股。",
    isic="2829 3830",
    tech="green.circular_economy green.waste_management",
    sdgs="12 11 8",
    countries="NGA KEN GHA VNM PHL",
    trl=9,
    coop="supply joint_venture",
    amount=(250000, 1400000, "USD"),
    co2=5000,
)
offer(
    "offer-blueloop-film",
    "blueloop",
    "zh",
    "废旧农膜与包装膜回收再生技术",
    "针对含泥沙较多的废旧农膜和包装膜的回收工艺，可生产再生聚乙烯颗粒用于管材和垃圾袋。",
    "摩擦清洗和双级过滤可处理含杂率高达50%的废膜，每吨再生颗粒耗水不足2吨。"
    "适合农业地区和工业园区的废膜集中处理中心。",
    isic="2829 3830",
    tech="green.circular_economy green.pollution_control",
    sdgs="12 15",
    countries="UZB KAZ EGY MAR",
    trl=8,
    coop="supply licensing",
    amount=(200000, 900000, "USD"),
)
offer(
    "offer-stonebridge-flyash",
    "stonebridge",
    "en",
    "Unfired fly-ash and stabilised-earth brick production",
    "Hydraulic presses and mix designs for bricks and blocks that need no firing, using fly "
    "ash, quarry dust or local soil with 6-10 % cement.",
    "A 15,000-block-a-day plant avoids about 3,000 tonnes of CO2 a year compared with "
    "clamp-fired bricks and does not cut trees for fuel. Compressive strength reaches 7.5-10 "
    "MPa. We deliver presses, curing racks and a two-month start-up team.",
    isic="2824 2392 2395",
    tech="green.low_carbon_materials industry.construction_materials",
    sdgs="9 11 13",
    countries="NPL BGD ETH UGA MWI",
    trl=9,
    coop="supply licensing technical_assistance",
    amount=(60000, 350000, "USD"),
    co2=3000,
)
offer(
    "offer-stonebridge-lc3",
    "stonebridge",
    "zh",
    "煅烧黏土-石灰石复合水泥（LC3）技术",
    "以煅烧黏土和石灰石替代约一半熟料的复合水泥技术，每吨水泥二氧化碳排放减少约30%。",
    "我们提供黏土资源评估、闪速煅烧炉设计和配方调试，适合拥有粉磨站的水泥企业。"
    "煅烧炉产能每天300–1500吨，可使用生物质或天然气。"
    "希望以技术许可加设备供货方式合作。",
    isic="2394 7110",
    tech="green.low_carbon_materials industry.construction_materials",
    sdgs="9 13",
    countries="KEN ETH TZA EGY IND",
    trl=7,
    coop="licensing supply joint_rnd",
    amount=(2000000, 15000000, "USD"),
    co2=60000,
)
offer(
    "offer-robotarm-cobot",
    "robotarm",
    "zh",
    "鞋服行业协作机器人工作站",
    "用于鞋底打磨、喷胶和成衣折叠的协作机器人工作站，视觉引导定位，一个工位可替代2–3个重复性岗位并改善职业健康。",
    "工作站无需安全围栏，可在两天内部署到现有生产线。"
    "喷胶工位配备废气收集，减少溶剂暴露。"
    "我们提供租赁和按产量付费方案，降低中小工厂的初始投资。",
    isic="2829 3320 1520",
    tech="ai_manufacturing.robotics ai_manufacturing.machine_vision",
    sdgs="8 9",
    countries="ETH VNM BGD IDN",
    trl=9,
    coop="supply distribution",
    amount=(28000, 60000, "USD"),
)
offer(
    "offer-twinframe-water",
    "twinframe",
    "en",
    "Digital twin for water networks: leakage and pressure management",
    "A calibrated hydraulic model linked to live SCADA and meter data that finds leaks, "
    "plans pressure zones and cuts non-revenue water.",
    "Utilities typically start with one district metered area and extend city-wide. The twin "
    "compares modelled and measured flows every 15 minutes and ranks likely leak locations for "
    "field crews. In a pilot city of 300,000 people non-revenue water fell from 46 % to 31 % "
    "in two years. We work with utilities and their engineering contractors.",
    isic="6201 6202 3600",
    tech="ai_manufacturing.digital_twin infrastructure.urban_services green.water_treatment",
    sdgs="6 11",
    countries="JOR EGY KEN TZA UZB",
    trl=8,
    coop="licensing technical_assistance",
    amount=(150000, 900000, "USD"),
    mwh=2500,
)
offer(
    "offer-twinframe-factory",
    "twinframe",
    "zh",
    "工厂数字孪生与能效优化平台",
    "将工厂设备、能源和生产数据整合到三维数字孪生中，用于排产优化、能耗分析和设备管理。",
    "平台可对接常见的PLC和电表，四到八周完成部署。"
    "在一家食品厂的应用中，通过调整制冷机组和空压机运行策略，年节电约11%。",
    isic="6201 6202",
    tech="ai_manufacturing.digital_twin ai_manufacturing.energy_management ai_manufacturing.process_optimisation",
    sdgs="9 7",
    countries="VNM IDN THA EGY",
    trl=8,
    coop="licensing joint_venture",
    amount=(60000, 300000, "USD"),
)
offer(
    "offer-hearth-fish-oven",
    "hearth",
    "zh",
    "改良式鱼类熏烤炉",
    "带烟气过滤和隔热的熏鱼炉，与传统明火熏烤相比节省木柴约50%，多环芳烃含量降低到欧盟限值以下。",
    "熏炉由不锈钢托盘、隔热炉膛和油脂收集器组成，每批可熏制80–150公斤鲜鱼。"
    "大幅减少妇女熏鱼工人的烟雾暴露。可提供图纸授权，由当地焊工制造。",
    isic="2750 1020",
    tech="green.clean_cooking green.energy_efficiency industry.agro_processing",
    sdgs="3 5 7 14",
    countries="GHA SEN CIV NGA",
    trl=8,
    coop="licensing supply technical_assistance",
    amount=(600, 2500, "USD"),
    co2=6,
)
offer(
    "offer-hearth-institutional",
    "hearth",
    "zh",
    "学校和医院食堂用节能大灶",
    "容量100–300升的生物质节能灶，适合学校供餐和医院厨房，木柴消耗减少约60%。",
    "炉体采用耐火材料内衬和烟囱设计，厨房几乎无烟。"
    "一所供应1000名学生午餐的学校每年可节省约40吨木柴。",
    isic="2750",
    tech="green.clean_cooking green.energy_efficiency",
    sdgs="3 4 7 15",
    countries="MWI KEN UGA ETH TZA",
    trl=9,
    coop="supply distribution",
    amount=(700, 2200, "USD"),
    co2=50,
)
offer(
    "offer-medilink-vaccine",
    "medilink",
    "en",
    "Solar direct-drive vaccine refrigerators",
    "WHO PQS-listed solar direct-drive refrigerators and freezers for health posts without "
    "reliable power, with remote temperature monitoring.",
    "The units keep vaccines at 2-8 °C for five days without sun using an ice lining and "
    "send alarms by SMS. Sizes from 50 to 240 litres. We provide installation training for "
    "district technicians and a five-year warranty on compressors.",
    isic="2660 2750 8690",
    tech="health.medical_devices green.solar_pv green.cold_chain",
    sdgs="3 7",
    countries="TZA MWI MDG ETH SDN",
    trl=9,
    coop="supply distribution",
    amount=(2800, 6500, "USD"),
)
offer(
    "offer-medilink-ultrasound",
    "medilink",
    "zh",
    "便携式超声和制氧机（适用于县级医院）",
    "手持式超声、便携彩超和5–10升制氧机，可在电压不稳地区使用，配合远程诊断平台。",
    "设备通过CE认证，支持法语、英语和葡萄牙语界面。"
    "远程诊断平台可让县医院医生把影像发送给省级医院专家。"
    "我们寻找医疗器械分销商和医院网络合作，并提供维修培训。",
    isic="2660 3250",
    tech="health.medical_devices health.digital_health",
    sdgs="3",
    countries="TZA MOZ CMR SEN",
    trl=9,
    coop="supply distribution technical_assistance",
    amount=(1500, 18000, "USD"),
)
offer(
    "offer-tuberworks-starch",
    "tuberworks",
    "zh",
    "木薯高品质木薯粉和淀粉成套设备",
    "日处理鲜木薯10–200吨的成套设备，生产高品质木薯粉（HQCF）或淀粉，可在木薯采收后24小时内完成加工。",
    "工艺包括去皮、磨碎、压滤、气流干燥和筛分。气流干燥可使用沼气或生物质热风炉。"
    "产品可供应面包、饼干和啤酒厂。我们提供设备、安装和工艺培训。",
    isic="2825 1062",
    tech="industry.agro_processing green.post_harvest",
    sdgs="2 8 9",
    countries="NGA GHA CMR MOZ KHM",
    trl=9,
    coop="supply technical_assistance",
    amount=(120000, 1800000, "USD"),
)
offer(
    "offer-tuberworks-gari",
    "tuberworks",
    "en",
    "Mechanised gari processing with clean roasting",
    "Small gari lines for 2-10 tonnes of roots a day that replace open-fire roasting with "
    "insulated, stirred roasters fired by cassava peels.",
    "The line includes a peeler, grater, hydraulic press and roaster. Women processors keep "
    "control of fermentation and taste while roasting time falls by half and smoke exposure "
    "largely disappears. Suitable for cooperatives and village processing centres.",
    isic="2825 1062",
    tech="industry.agro_processing green.clean_cooking",
    sdgs="2 5 8",
    countries="NGA GHA BEN TGO",
    trl=8,
    coop="supply technical_assistance",
    amount=(15000, 60000, "USD"),
)
offer(
    "offer-windcrest-hybrid",
    "windcrest",
    "en",
    "Small wind-solar hybrid systems for islands and telecom sites",
    "3-50 kW small wind turbines combined with PV and batteries, for islands, fishing "
    "villages and telecom towers with good wind.",
    "Turbines are certified for typhoon areas and start at 2.5 m/s. In windy coastal sites a "
    "hybrid reduces battery size by 30 % compared with solar alone. We offer wind measurement "
    "with a rented mast before any sale.",
    isic="2811 3510",
    tech="green.wind green.solar_pv green.energy_storage",
    sdgs="7 13 14",
    countries="PHL IDN MDG CPV LKA",
    trl=9,
    coop="supply",
    amount=(12000, 180000, "USD"),
    mwh=60,
    co2=45,
)
offer(
    "offer-leafriver-micro",
    "leafriver",
    "zh",
    "5千瓦–2兆瓦小水电成套机组",
    "冲击式、横流式和轴流式小水电机组，含电子负荷控制器和远程监控，适合山区村庄和茶厂。",
    "机组按现场水头和流量定制，水头范围3–400米。"
    "电子负荷控制器可保证孤网运行时频率稳定，并将多余电力用于热水或烘干。"
    "我们提供现场勘测、设计和安装指导，可与当地施工队合作完成土建。",
    isic="2811 2710 3510",
    tech="green.small_hydro infrastructure.power_grid",
    sdgs="7 13",
    countries="NPL TJK PER KGZ LAO",
    trl=9,
    coop="supply technical_assistance",
    amount=(8000, 1500000, "USD"),
    mwh=700,
    co2=500,
)
offer(
    "offer-freshmilk-cooler",
    "freshmilk",
    "en",
    "Village milk cooling centres with solar ice bank",
    "Bulk milk coolers of 500-5,000 litres with an ice bank charged by PV or off-peak grid, "
    "cooling evening milk to 4 °C within three hours.",
    "Cooling at the collection centre stops souring and lets farmers sell evening milk, "
    "which is often 40 % of production. The ice bank keeps milk cold through power cuts. "
    "Units include an automatic milk analyser and a payment log for each farmer.",
    isic="2819 1050",
    tech="green.cold_chain green.solar_pv green.post_harvest",
    sdgs="2 7 8",
    countries="KEN KGZ PER NPL UGA",
    trl=9,
    coop="supply distribution",
    amount=(9000, 45000, "USD"),
    mwh=20,
)
offer(
    "offer-huskpower-gasifier",
    "huskpower",
    "zh",
    "稻壳气化发电与供热系统（100千瓦–1兆瓦）",
    "将碾米厂的稻壳转化为燃气，用于发电和烘干稻谷，可替代大部分柴油和电网用电。",
    "系统包括下吸式气化炉、焦油清洗和燃气发电机组，每公斤稻壳可发电约0.8千瓦时。"
    "副产品稻壳炭可作为土壤改良剂或生物炭出售。"
    "我们提供设备、运维培训，并可与碾米厂合资运营。",
    isic="2811 3510 1061",
    tech="green.bioenergy green.waste_to_energy",
    sdgs="7 12 13",
    countries="VNM KHM MMR BGD",
    trl=8,
    coop="supply joint_venture",
    amount=(150000, 1100000, "USD"),
    mwh=4000,
    co2=3000,
)
offer(
    "offer-energysight-coldstore",
    "energysight",
    "en",
    "AI energy management for cold stores and food factories",
    "Sub-metering and an analytics platform that finds wasted refrigeration, compressed air "
    "and lighting energy; clients save 8-15 % of their bill.",
    "Clamp-on meters are installed in one day without stopping production. The platform "
    "learns normal load patterns and flags doors left open, defrost faults and compressors "
    "short-cycling. Savings are verified monthly, and we accept fees tied to savings.",
    isic="6201 2651",
    tech="ai_manufacturing.energy_management green.energy_efficiency green.cold_chain",
    sdgs="7 9 12",
    countries="KEN VNM PAK EGY PHL",
    trl=9,
    coop="supply technical_assistance",
    amount=(8000, 40000, "USD"),
    mwh=500,
)
offer(
    "offer-routewise-export",
    "routewise",
    "zh",
    "生鲜农产品出口需求预测与冷链调度软件",
    "为果蔬出口商提供需求预测、集货调度和冷链运输优化，减少滞港和货损。",
    "软件整合订单、田间采收计划、冷库库存和航班/船期数据，每天生成采收和运输建议。"
    "在一家年出口8000吨的客户中，货损率下降约4个百分点。",
    isic="6201 5229",
    tech="ai_manufacturing.supply_chain_analytics green.cold_chain",
    sdgs="2 9 12",
    countries="KEN TZA PER PAK VNM",
    trl=8,
    coop="licensing",
    amount=(20000, 90000, "USD"),
)
offer(
    "offer-hydrogenleaf-ammonia",
    "hydrogenleaf",
    "en",
    "Containerised green ammonia for local fertiliser",
    "A 1 MW electrolyser and small Haber-Bosch unit in containers that turn solar or hydro "
    "power into about 300 tonnes of ammonia a year for local fertiliser blending.",
    "Fertiliser imports are costly in landlocked countries. The unit runs flexibly with "
    "renewable supply and stores ammonia in pressurised tanks. We look for a first-of-a-kind "
    "site with cheap daytime power and a fertiliser blender as off-taker.",
    isic="2012 2790",
    tech="green.green_hydrogen industry.chemicals",
    sdgs="2 7 9 13",
    countries="KEN ETH ZMB UZB",
    trl=6,
    coop="joint_venture joint_rnd supply",
    amount=(3000000, 6000000, "USD"),
    co2=700,
)
offer(
    "offer-tracegrain-coffee",
    "tracegrain",
    "zh",
    "咖啡可可批次追溯与欧盟零毁林合规平台",
    "从农户地块到出口批次的数字追溯平台，帮助合作社满足欧盟零毁林法规（EUDR）的地理定位和尽职调查要求。",
    "平台用手机采集地块边界，结合卫星影像自动检查2020年后的毁林风险，并为每个出口批次生成合规报告。"
    "支持离线采集和多种语言。已覆盖约6万个咖啡和可可地块。",
    isic="6201 6311",
    tech="ai_manufacturing.quality_traceability digital.e_commerce",
    sdgs="12 15 8",
    countries="ETH GHA CIV COL ECU LAO",
    trl=9,
    coop="licensing technical_assistance",
    amount=(12000, 80000, "USD"),
)
offer(
    "offer-paybridge-coop",
    "paybridge",
    "en",
    "Cooperative produce ledger with instant mobile payouts",
    "An app that records each farmer's deliveries, pays them to mobile money within minutes "
    "and builds a credit history for input loans.",
    "Cooperatives stop handling cash and farmers see their grades and prices at once. The "
    "ledger also feeds a simple credit score that partner microfinance institutions use for "
    "input credit. Pricing is per transaction, with no upfront cost.",
    isic="6201 6619",
    tech="digital.fintech ai_manufacturing.quality_traceability",
    sdgs="1 8 10",
    countries="KEN UGA TZA GHA RWA",
    trl=9,
    coop="licensing distribution",
)
offer(
    "offer-ecoform-moulded",
    "ecoform",
    "zh",
    "甘蔗渣模塑纤维餐盒与水果托盘生产线",
    "以甘蔗渣、秸秆为原料的模塑纤维生产线，生产可降解餐盒、蛋托和水果托盘，替代泡沫塑料。",
    "一条全自动生产线日产约3吨制品，可使用糖厂的甘蔗渣浆板。"
    "产品可家庭堆肥降解。适合有塑料禁令的国家和拥有糖厂的地区。",
    isic="1702 2829",
    tech="green.circular_economy green.waste_management",
    sdgs="12 14",
    countries="KEN RWA THA PHL MUS",
    trl=9,
    coop="supply joint_venture",
    amount=(350000, 1200000, "USD"),
    co2=1200,
)
offer(
    "offer-solargrain-mill",
    "solargrain",
    "en",
    "Compact rice and maize mills for solar mini-grids",
    "Village rice hullers and maize hammer mills of 0.5-3 t/h with IE4 motors and soft "
    "starters, sized to run on solar mini-grids instead of diesel.",
    "Typical diesel mills use 1.5-2 litres of fuel per 100 kg. Our electric mills need about "
    "2.5 kWh for the same output and start without tripping small inverters. We sell through "
    "mini-grid developers and offer lease-to-own with a partner lessor.",
    isic="2825",
    tech="industry.agro_processing green.energy_efficiency",
    sdgs="2 7",
    countries="NGA TZA MDG MMR ZMB",
    trl=9,
    coop="supply distribution",
    amount=(2500, 14000, "USD"),
)

# --- Offers from outside China (several aimed at China) ------------------------------------

offer(
    "offer-fjellvarme-dairy-china",
    "fjellvarme",
    "en",
    "High-temperature heat pumps for dairy and food plants in China",
    "Industrial heat pumps that lift waste heat from refrigeration and wash water to 90-120 °C "
    "for pasteurisation and cleaning-in-place, replacing gas boilers.",
    "A typical 1.5 MW unit in a dairy recovers heat from the ammonia chillers and cuts gas use "
    "by 60-70 %, with a coefficient of performance of about 3.5. We want a Chinese partner "
    "for assembly, installation and service, and first reference sites in Shandong, Hebei or "
    "Inner Mongolia. Licensing or a joint venture are both possible.",
    isic="2819 1050",
    tech="green.energy_efficiency ai_manufacturing.energy_management",
    sdgs="7 9 13",
    countries="CHN",
    trl=9,
    coop="joint_venture licensing supply",
    amount=(600000, 1800000, "EUR"),
    mwh=9000,
    co2=1900,
)
offer(
    "offer-fjellvarme-brewery",
    "fjellvarme",
    "en",
    "Heat recovery and heat pumps for breweries and beverage plants",
    "Steam-free brewing: heat pumps and heat storage that cover wort boiling pre-heat, "
    "bottle washing and pasteurisation from recovered heat.",
    "Designs are sized from a one-week energy audit and include a stratified hot-water tank "
    "that shifts load away from peak tariffs. References in Sweden, Poland and Türkiye cut "
    "fossil fuel use by half. Open to licensing to an equipment maker in Asia.",
    isic="2819 1103",
    tech="green.energy_efficiency green.energy_storage",
    sdgs="7 12 13",
    countries="CHN VNM THA TUR",
    trl=9,
    coop="licensing supply",
    amount=(400000, 1200000, "EUR"),
    mwh=5000,
    co2=1000,
)
offer(
    "offer-alpenklar-mbr-china",
    "alpenklar",
    "en",
    "Ceramic membrane bioreactors for textile dyeing effluent",
    "Ceramic MBR plants that treat dye-house effluent to reuse quality, meeting the stricter "
    "discharge limits of the Yangtze River Delta.",
    "Ceramic membranes tolerate the 40-60 °C, high-pH effluent of reactive dyeing and last "
    "more than ten years. Combined with ozone polishing, 60-70 % of the water can return to "
    "the dye house. We look for a Chinese environmental engineering firm as licensee and a "
    "first plant of 3,000-5,000 m3 a day in Jiangsu or Zhejiang.",
    isic="2829 3700",
    tech="green.water_treatment green.pollution_control industry.textiles",
    sdgs="6 12 14",
    countries="CHN BGD VNM",
    trl=9,
    coop="licensing joint_venture",
    amount=(1500000, 4500000, "EUR"),
)
offer(
    "offer-alpenklar-food",
    "alpenklar",
    "en",
    "Anaerobic-MBR for food and beverage wastewater",
    "Compact anaerobic membrane bioreactors that turn high-strength food wastewater into "
    "biogas and reusable water in a footprint 60 % smaller than lagoons.",
    "Suitable for starch, dairy, juice and brewery effluent with COD above 5,000 mg/l. Biogas "
    "typically covers a third of the plant's steam demand. We offer pilot skids for three "
    "months before any investment decision.",
    isic="2829 3700",
    tech="green.water_treatment green.bioenergy green.waste_to_energy",
    sdgs="6 7 12",
    countries="TUR EGY MAR CHN",
    trl=8,
    coop="supply technical_assistance",
    amount=(500000, 2500000, "EUR"),
    mwh=2200,
    co2=1400,
)
offer(
    "offer-polderflow-china",
    "polderflow",
    "en",
    "Greenhouse climate and water recirculation for flower growers",
    "Climate computers, fertigation and drain-water disinfection that let rose and carnation "
    "growers reuse 90 % of their irrigation water and cut fungicide use.",
    "Our systems control heating, screens, misting and CO2 dosing from one controller and "
    "disinfect drain water with UV before reuse. We are looking for Chinese growers and "
    "greenhouse builders in Yunnan and Shandong to set up demonstration houses, and for a "
    "distribution partner in China.",
    isic="2821 0130 0119",
    tech="green.efficient_irrigation green.climate_smart_agriculture ai_manufacturing.industrial_iot",
    sdgs="2 6 12",
    countries="CHN KEN ETH",
    trl=9,
    coop="supply distribution technical_assistance",
    amount=(250000, 1500000, "EUR"),
)
offer(
    "offer-polderflow-africa",
    "polderflow",
    "en",
    "Low-tech greenhouses with hydroponics for peri-urban vegetable growers",
    "Naturally ventilated greenhouses with gutter hydroponics and a basic climate controller, "
    "designed for tropical highland climates.",
    "Tomato and cucumber yields reach 25-35 kg/m2 a year with 70 % less water than open "
    "field. Kits ship flat-packed with local assembly and include a six-month agronomy "
    "coaching programme.",
    isic="2821 0113",
    tech="green.climate_smart_agriculture green.efficient_irrigation",
    sdgs="2 6 11",
    countries="KEN ETH RWA UGA",
    trl=9,
    coop="supply technical_assistance",
    amount=(30000, 220000, "EUR"),
)
offer(
    "offer-solenne-enzyme-fr",
    "solenne",
    "fr",
    "Enzymes de prétraitement textile à basse température",
    "Des enzymes qui remplacent le débouillissage alcalin du coton à 95 °C par un traitement à "
    "55 °C, avec 30 % d'eau et 40 % d'énergie en moins.",
    "Le procédé s'applique aux machines de teinture existantes sans investissement lourd. Les "
    "essais chez trois teinturiers européens et turcs ont montré une meilleure douceur du tissu "
    "et une charge en DCO des effluents réduite d'un quart. Nous recherchons des partenaires "
    "industriels en Chine et en Afrique du Nord pour des essais puis une licence de "
    "formulation locale.",
    isic="2029 1313",
    tech="industry.textiles industry.chemicals green.energy_efficiency",
    sdgs="6 9 12",
    countries="CHN MAR TUN EGY",
    trl=8,
    coop="licensing joint_rnd supply",
    amount=(50000, 400000, "EUR"),
    mwh=1500,
    co2=400,
)
offer(
    "offer-solenne-denim-fr",
    "solenne",
    "fr",
    "Délavage enzymatique du denim sans pierre ponce",
    "Une formulation enzymatique qui donne l'effet « stone wash » sans pierre ponce ni "
    "permanganate, pour les ateliers de délavage de jeans.",
    "La suppression de la pierre ponce réduit l'usure des machines et les boues, et le "
    "permanganate, dangereux pour les ouvriers, n'est plus nécessaire. Nous fournissons la "
    "formulation et une assistance technique pour adapter les recettes.",
    isic="2029 1313",
    tech="industry.textiles industry.chemicals green.pollution_control",
    sdgs="3 6 12",
    countries="CHN BGD PAK MAR TUN",
    trl=9,
    coop="supply technical_assistance",
    amount=(20000, 150000, "EUR"),
)
offer(
    "offer-tidewater-port-twin",
    "tidewater",
    "en",
    "Digital twin and berth planning for bulk terminals",
    "A terminal digital twin that simulates ship arrivals, stockyards and conveyors and plans "
    "berths and equipment to cut vessel waiting time.",
    "The optimiser re-plans every hour from AIS vessel positions and equipment status and "
    "estimates demurrage exposure. A European bulk terminal cut average waiting time by 18 % "
    "in its first year. We seek Chinese port operators interested in a pilot and a local "
    "systems-integration partner.",
    isic="6201 5222",
    tech="ai_manufacturing.digital_twin infrastructure.transport_logistics ai_manufacturing.supply_chain_analytics",
    sdgs="9 13",
    countries="CHN IDN VNM",
    trl=8,
    coop="licensing joint_venture",
    amount=(300000, 1200000, "GBP"),
)
offer(
    "offer-mizukaze-sensors",
    "mizukaze",
    "en",
    "Battery-powered vibration sensors with edge fault detection",
    "Thumb-sized wireless sensors that detect bearing, gear and looseness faults on the device "
    "and send only alerts, so one gateway covers a whole plant.",
    "Battery life is five years at hourly measurement. Algorithms run on the sensor, which "
    "makes the system suitable for plants with weak internet. We sell to system integrators "
    "and look for partners in South-East Asia and Africa.",
    isic="2651",
    tech="ai_manufacturing.predictive_maintenance ai_manufacturing.industrial_iot",
    sdgs="9",
    countries="VNM THA IDN NGA",
    trl=9,
    coop="supply distribution",
    amount=(150, 400, "USD"),
)
offer(
    "offer-mizukaze-china",
    "mizukaze",
    "en",
    "Acoustic leak detection for compressed-air systems in Chinese factories",
    "Ultrasonic sensors that locate compressed-air leaks continuously; leaks often waste a "
    "quarter of compressor energy.",
    "We look for Chinese energy-service companies to bundle the sensors with compressor "
    "upgrades under shared-savings contracts. A trial in an auto-parts plant in Jiangsu "
    "found 140 leaks in a week.",
    isic="2651",
    tech="ai_manufacturing.energy_management green.energy_efficiency",
    sdgs="7 9",
    countries="CHN",
    trl=8,
    coop="distribution supply",
    amount=(20000, 120000, "USD"),
    mwh=800,
)
offer(
    "offer-verdelago-mango",
    "verdelago",
    "en",
    "Fruit pulp and purée lines for mango, guava and passion fruit",
    "Processing lines from 1 to 10 tonnes of fruit an hour that make aseptic purée for "
    "juice and dairy companies, turning surplus harvest into a storable product.",
    "The lines include washing, destoning, pulping, enzymatic treatment, concentration and "
    "aseptic bag-in-drum filling. Aseptic purée keeps 18 months without a cold chain. We "
    "help clients find purée buyers in Europe and the Middle East.",
    isic="2825 1030",
    tech="industry.agro_processing green.post_harvest",
    sdgs="2 8 12",
    countries="KEN SEN CIV PAK PER",
    trl=9,
    coop="supply technical_assistance",
    amount=(450000, 3500000, "EUR"),
)
offer(
    "offer-verdelago-tomato-fr",
    "verdelago",
    "fr",
    "Petites unités de concentré de tomate",
    "Des unités compactes de 20 à 60 tonnes de tomates fraîches par jour pour produire du "
    "concentré en fûts ou en boîtes, adaptées aux coopératives.",
    "Le procédé comprend le lavage, le broyage à chaud, le raffinage et un évaporateur à "
    "double effet. Une unité de 40 tonnes par jour emploie une trentaine de personnes pendant "
    "la saison et réduit fortement les pertes en période de surproduction.",
    isic="2825 1030",
    tech="industry.agro_processing green.post_harvest",
    sdgs="2 8 12",
    countries="SEN BFA NGA CMR",
    trl=9,
    coop="supply technical_assistance",
    amount=(300000, 900000, "EUR"),
)
offer(
    "offer-anatolia-mill",
    "anatolia-solar",
    "en",
    "Solar-powered stone and hammer mills for grain and spices",
    "Off-grid mills of 100-500 kg/h on a 10-25 kWp solar array, for villages that grind grain "
    "on diesel mills far from home.",
    "A village mill grinding 300 kg an hour saves about 7,000 litres of diesel a year. The "
    "kit includes PV, a motor with soft start and a small battery to finish the last batch "
    "after sunset.",
    isic="2825 2790",
    tech="green.solar_pv industry.agro_processing",
    sdgs="2 5 7",
    countries="ETH SDN UZB AFG",
    trl=9,
    coop="supply distribution",
    amount=(18000, 45000, "USD"),
    co2=18,
)
offer(
    "offer-savanna-cooling",
    "savanna-cool",
    "en",
    "Evaporative and solar cooling chambers for smallholders",
    "Low-cost cooling chambers that keep tomatoes, leafy vegetables and mangoes fresh for "
    "5-12 extra days, run on a 600 W solar kit.",
    "Chambers hold 1-3 tonnes and use wet-wall evaporative cooling with solar fans, or a "
    "small DC compressor in humid zones. Farmers rent crates by the day through a USSD "
    "service. We want to franchise the model in West Africa and South Asia.",
    isic="2819 5210",
    tech="green.cold_chain green.post_harvest green.solar_pv",
    sdgs="2 12",
    countries="NGA GHA BGD TZA UGA",
    trl=8,
    coop="licensing distribution",
    amount=(3500, 12000, "USD"),
)
offer(
    "offer-bagaco-cogen",
    "bagaco",
    "en",
    "Bagasse cogeneration upgrades for sugar mills",
    "Engineering for high-pressure boilers and condensing turbines that let sugar mills "
    "export surplus power to the grid from bagasse.",
    "Moving from 21 to 67-bar boilers typically raises exportable electricity from nearly zero "
    "to 80-100 kWh per tonne of cane. We deliver feasibility, grid-connection design and "
    "owner's engineering.",
    isic="3510 7110 1072",
    tech="green.bioenergy green.energy_efficiency",
    sdgs="7 9 13",
    countries="MOZ ZMB TZA GTM BOL",
    trl=9,
    coop="technical_assistance",
    amount=(250000, 1500000, "USD"),
    mwh=60000,
    co2=35000,
)
offer(
    "offer-rajendra-cashew",
    "rajendra",
    "en",
    "Cashew shelling and peeling lines for African processors",
    "Cashew processing lines of 1-10 tonnes of raw nuts a day, from steam conditioning to "
    "peeling and grading, with cashew shell used as boiler fuel.",
    "Steam conditioning and automatic shelling reach whole-kernel rates above 80 %. Shells "
    "fire the boiler and the shell liquid can be sold. We train operators on site for eight "
    "weeks and keep spare parts in Abidjan.",
    isic="2825 1030",
    tech="industry.agro_processing green.waste_to_energy",
    sdgs="2 8 9",
    countries="CIV MOZ BEN TZA",
    trl=9,
    coop="supply technical_assistance",
    amount=(200000, 1600000, "USD"),
)
offer(
    "offer-gridsense-telecom",
    "gridsense",
    "zh",
    "通信基站光储一体化电源",
    "为离网和弱电网地区通信基站提供光伏+锂电池电源系统，柴油机运行时间减少80%以上。",
    "系统支持远程监控和电池健康预测，可与现有开关电源兼容。"
    "适合铁塔公司和移动运营商的批量改造，可提供按月付费的能源服务模式。",
    isic="2720 2790 6120",
    tech="green.energy_storage green.solar_pv digital.connectivity",
    sdgs="7 9 13",
    countries="NGA COD ETH MMR PAK",
    trl=9,
    coop="supply",
    amount=(9000, 25000, "USD"),
    co2=20,
)
offer(
    "offer-freshmilk-zh",
    "freshmilk",
    "zh",
    "牧区移动式牛奶冷却车",
    "带冷却罐的轻型收奶车，可在牧区沿途收奶并立即降温，适合收奶点分散的地区。",
    "车载冷却罐容量1000–3000升，由车辆发电机和锂电池驱动，并配备奶质快速检测仪。"
    "可减少牛奶酸败造成的拒收，并为牧民提供按质计价的依据。",
    isic="2819 2920 1050",
    tech="green.cold_chain green.post_harvest",
    sdgs="2 8",
    countries="KGZ MNG KAZ KEN",
    trl=8,
    coop="supply",
    amount=(35000, 70000, "USD"),
)
offer(
    "offer-leafriver-upgrade",
    "leafriver",
    "zh",
    "老旧小水电站增效扩容改造",
    "对运行二十年以上的小水电站更换高效转轮、调速器和自动化系统，发电量通常可提高15%–30%。",
    "改造前先进行水文复核和机组效率测试，在不改变引水建筑物的情况下更换机电设备。"
    "适合茶厂、社区和小型电力公司拥有的电站。",
    isic="2811 3312 3510",
    tech="green.small_hydro green.energy_efficiency",
    sdgs="7 13",
    countries="NPL TJK KGZ PER",
    trl=9,
    coop="supply technical_assistance",
    amount=(40000, 600000, "USD"),
    mwh=900,
    co2=400,
)

# ============================================================================================
# Technology needs
# ============================================================================================

need(
    "need-meru-mango-drying",
    "meru-mango",
    "en",
    "Solar drying for 600 tonnes of surplus mango a season",
    "Our cooperative throws away about a third of its mangoes in the December-February glut. "
    "We need drying equipment that works without grid power and meets organic export standards.",
    "We currently dry 40 tonnes a season on open racks, with mould problems after rain. The "
    "target is 600 tonnes of fresh fruit, 5-6 tonnes a day at peak, giving about 60 tonnes of "
    "dried slices. We have a 2-hectare site with a borehole and a packing shed. We want a "
    "supplier who trains our operators and helps with the HACCP plan.",
    isic="1030 0122",
    tech="green.solar_thermal green.post_harvest industry.agro_processing",
    sdgs="2 8 12",
    countries="KEN",
    min_trl=8,
    coop="supply technical_assistance",
    amount=(40000, 120000, "USD"),
)
need(
    "need-rift-dairy-cooling",
    "rift-dairy",
    "en",
    "Milk cooling at 20 village collection centres",
    "Evening milk sours before it reaches the chilling plant. We need coolers at collection "
    "centres that keep working through power cuts.",
    "Each centre receives 800-3,000 litres a day. Only six centres have a stable grid "
    "connection; the others rely on a 2-hour delivery run. We are looking for coolers with "
    "ice-bank or solar options, a milk analyser and a service contract in Kenya.",
    isic="1050 0141",
    tech="green.cold_chain green.post_harvest",
    sdgs="2 8",
    countries="KEN",
    min_trl=8,
    coop="supply",
    amount=(250000, 600000, "USD"),
)
need(
    "need-lakeside-fish-ice",
    "lakeside-fish",
    "en",
    "Ice making and cold storage at three fish landing sites",
    "Fishers land their catch without ice and we reject about 15 % of fish at the plant. We "
    "want flake-ice machines and small cold rooms at three beaches on Lake Victoria.",
    "Each beach lands 2-5 tonnes of tilapia and Nile perch a day. The sites have weak grid "
    "power and flooding in the long rains, so containerised units are preferred. We can "
    "co-invest and would manage the ice sales with the beach management units.",
    isic="1020",
    tech="green.cold_chain green.post_harvest",
    sdgs="2 14",
    countries="KEN",
    coop="supply distribution",
    amount=(90000, 220000, "USD"),
    disclosure="anonymous",
)
need(
    "need-sidama-wastewater",
    "sidama-coffee",
    "en",
    "Treating wastewater from coffee washing stations",
    "Our washing stations discharge pulping water into streams used by villages downstream. "
    "We look for a treatment system that fits a three-month season and can produce energy.",
    "The 38 stations each use 10-40 m3 of water per tonne of cherry; the largest six stations "
    "produce 150 m3 a day each in peak season. Regional authorities require treatment by "
    "2028. We would like a pilot at one station and then a package for the largest six, "
    "ideally with biogas for parchment drying.",
    isic="1079 0127",
    tech="green.water_treatment green.bioenergy green.waste_to_energy",
    sdgs="6 12 15",
    countries="ETH",
    min_trl=7,
    coop="supply technical_assistance",
    amount=(80000, 400000, "USD"),
)
need(
    "need-adama-motors",
    "adama-textile",
    "en",
    "Cutting electricity use in a spinning and weaving mill",
    "Our electricity bill has tripled since tariffs were reformed. We want an audit and "
    "replacement of about 1,200 old motors and fans, paid partly from savings.",
    "Most ring-frame and humidification motors are 20-30 years old and rewound several times. "
    "The mill uses about 70 GWh a year. We welcome energy-service or shared-savings offers "
    "and need the supplier to keep spare parts in Ethiopia.",
    isic="1311 1312",
    tech="green.energy_efficiency ai_manufacturing.energy_management",
    sdgs="7 9",
    countries="ETH",
    min_trl=9,
    coop="supply technical_assistance",
    amount=(500000, 2000000, "USD"),
    mwh=8000,
)
need(
    "need-adama-predictive",
    "adama-textile",
    "en",
    "Condition monitoring for compressors and humidification plant",
    "Unplanned stops of compressors and the humidification plant halt whole departments. We "
    "want sensors and software that warn us before failures.",
    "We have 14 screw compressors and 6 air-washer plants. Our maintenance team of 40 has "
    "no vibration analysis skills yet, so training is part of the need.",
    isic="1311",
    tech="ai_manufacturing.predictive_maintenance ai_manufacturing.industrial_iot",
    sdgs="9",
    countries="ETH",
    min_trl=8,
    coop="supply technical_assistance",
    amount=(30000, 80000, "USD"),
    status="in_review",
)
need(
    "need-oromia-minigrids",
    "oromia-rural",
    "en",
    "Solar mini-grids for 12 off-grid villages",
    "Twelve villages of 300-900 households are 20-60 km from the grid. We look for a "
    "technology partner and co-developer for solar mini-grids with productive-use loads.",
    "Demand surveys show about 40 grain mills, 25 shops and 9 health posts, plus coffee "
    "pulpers in season. The regional energy bureau supports a tariff of about USD 0.25/kWh. "
    "We need equipment, a remote monitoring platform and help with the licence application.",
    isic="3510",
    tech="green.solar_pv green.energy_storage infrastructure.power_grid",
    sdgs="7 1 13",
    countries="ETH",
    min_trl=9,
    coop="joint_venture supply technical_assistance",
    amount=(1500000, 4000000, "USD"),
    mwh=1800,
    co2=1000,
)
need(
    "need-kano-tomato-cold",
    "kano-tomato",
    "en",
    "Cold storage and drying for tomato aggregation hubs",
    "Up to 40 % of tomatoes spoil between farm and market in the February-April glut. We need "
    "off-grid cold rooms at two aggregation hubs and a way to dry or process the surplus.",
    "Each hub handles 20-30 tonnes a day in peak. Members sell to Lagos traders who pay more "
    "for firm fruit. We will consider renting cold storage space per crate and want suppliers "
    "who can maintain units in northern Nigeria.",
    isic="1030 5210",
    tech="green.cold_chain green.post_harvest green.solar_pv",
    sdgs="2 12",
    countries="NGA",
    min_trl=8,
    coop="supply distribution",
    amount=(60000, 250000, "USD"),
)
need(
    "need-ogun-effluent",
    "ogun-cassava",
    "en",
    "Biogas from cassava starch effluent to replace diesel",
    "Our flash dryer burns 2,000 litres of diesel a day and our effluent ponds smell. We want "
    "to turn the effluent into biogas for the dryer.",
    "The mill processes 150 tonnes of fresh roots a day and discharges about 1,500 m3 of "
    "effluent. Space for covered lagoons is available next to the ponds. We expect a payback "
    "below four years and need the supplier to guarantee gas yield.",
    isic="1062",
    tech="green.bioenergy green.waste_to_energy green.water_treatment",
    sdgs="6 7 13",
    countries="NGA",
    min_trl=8,
    coop="supply joint_venture",
    amount=(800000, 2500000, "USD"),
    mwh=6000,
    co2=4000,
)
need(
    "need-lagos-pet-line",
    "lagos-recyclers",
    "en",
    "Washing and flaking line for 900 tonnes of PET a month",
    "We sell baled PET to exporters at low prices. A washing and flaking line would let us "
    "sell clean flakes to local fibre and strap makers.",
    "Our members collect 600 tonnes of PET and 300 tonnes of HDPE a month. We have a 4,000 m2 "
    "warehouse in Ikorodu with grid power and a borehole. We look for a line supplier willing "
    "to take part of the price as equity or lease.",
    isic="3830",
    tech="green.circular_economy green.waste_management",
    sdgs="8 11 12",
    countries="NGA",
    min_trl=9,
    coop="supply joint_venture equity",
    amount=(400000, 1200000, "USD"),
)
need(
    "need-ashanti-cocoa-drying",
    "ashanti-cocoa",
    "en",
    "Better drying for fermented cocoa beans",
    "Rainy spells during the main crop make beans mouldy and smoky. We want solar dryers with "
    "backup heat for our 20 community fermentaries.",
    "Each fermentary handles about 60 tonnes of wet beans a season. Buyers of our premium "
    "beans check for smoky off-flavours, so wood-fired dryers are not acceptable. A pilot at "
    "two communities before the 2027 main crop is the goal.",
    isic="0127",
    tech="green.solar_thermal green.post_harvest",
    sdgs="2 8",
    countries="GHA",
    min_trl=8,
    coop="supply technical_assistance",
    amount=(40000, 200000, "USD"),
)
need(
    "need-tema-steel-pdm",
    "tema-steel",
    "en",
    "Predictive maintenance for a rebar rolling mill",
    "Roll-stand gearbox and motor failures cost us about 300 hours of downtime a year. We "
    "want wireless condition monitoring with fault prediction.",
    "The mill has 18 roll stands, a reheating furnace with combustion fans and a cooling bed. "
    "Our plant network is limited, so edge processing or 4G is preferred. We want a three-"
    "month pilot on six stands before a full contract.",
    isic="2410",
    tech="ai_manufacturing.predictive_maintenance ai_manufacturing.industrial_iot",
    sdgs="9",
    countries="GHA",
    min_trl=8,
    coop="supply technical_assistance",
    amount=(50000, 150000, "USD"),
)
need(
    "need-volta-smoking",
    "volta-smokers",
    "en",
    "Cleaner fish-smoking ovens for 600 women processors",
    "Our members smoke fish over open fires that use a lot of wood and fill their lungs with "
    "smoke. We need improved ovens local welders can build and repair.",
    "A typical processor smokes 50-100 kg of fish twice a week. Export buyers reject fish with "
    "high PAH levels. We look for a proven design, training for local fabricators and a "
    "financing scheme so members can pay in instalments.",
    isic="1020",
    tech="green.clean_cooking industry.agro_processing",
    sdgs="3 5 7 14",
    countries="GHA",
    coop="licensing technical_assistance",
    amount=(30000, 90000, "USD"),
)
need(
    "need-mekong-husk",
    "mekong-rice",
    "en",
    "Using rice husk for power and paddy drying",
    "Our mills produce 50,000 tonnes of rice husk a year that we sell cheaply or dump. We "
    "want a husk gasification or combustion system for power and drying.",
    "Mill demand is about 1.2 MW during milling and the dryers need 3 MW of heat in the wet "
    "season. Husk ash or char should be sellable. We prefer a supplier with references in "
    "Viet Nam or Cambodia.",
    isic="1061",
    tech="green.bioenergy green.waste_to_energy",
    sdgs="7 12 13",
    countries="VNM",
    min_trl=8,
    coop="supply joint_venture",
    amount=(500000, 1500000, "USD"),
    mwh=7000,
    co2=5000,
)
need(
    "need-haiphong-vision",
    "haiphong-garment",
    "en",
    "Automatic inspection of fabric and finished garments",
    "Brand audits penalise us for defects found after shipment. We want camera-based "
    "inspection for incoming fabric and for finished outerwear.",
    "We check 80,000 m of fabric and 25,000 garments a week by hand. Priority defects are "
    "holes, stains, shading and missing stitches. Solutions must integrate with our ERP.",
    isic="1410",
    tech="ai_manufacturing.machine_vision ai_manufacturing.quality_traceability",
    sdgs="9 12",
    countries="VNM",
    min_trl=8,
    coop="supply",
    amount=(60000, 200000, "USD"),
)
need(
    "need-dalat-coldchain",
    "dalat-veg",
    "en",
    "Pre-cooling and refrigerated transport for highland vegetables",
    "Supermarkets in Ho Chi Minh City reject up to 12 % of our lettuce and herbs after the "
    "seven-hour trip. We need pre-cooling and a refrigerated truck.",
    "We ship 8-10 tonnes a day. We want a hydro- or vacuum-cooler at the packhouse and "
    "temperature logging through to the customer's warehouse.",
    isic="0113 5210",
    tech="green.cold_chain green.post_harvest ai_manufacturing.supply_chain_analytics",
    sdgs="2 12",
    countries="VNM",
    coop="supply",
    amount=(70000, 160000, "USD"),
)
need(
    "need-gazipur-dyeing",
    "gazipur-knit",
    "en",
    "Reducing water and steam use in knit dyeing",
    "Groundwater levels are falling and our buyers set targets for water use. We want "
    "low-liquor-ratio machines or dye-bath reuse to cut water per kilogram by at least 30 %.",
    "The dye house runs 38 jet machines on 45 tonnes of fabric a day and uses about 3,600 m3 "
    "of water daily. Our effluent treatment plant is at capacity. We are open to a phased "
    "replacement and to process-engineering support.",
    isic="1313 1391",
    tech="industry.textiles green.water_treatment green.energy_efficiency",
    sdgs="6 12",
    countries="BGD",
    min_trl=9,
    coop="supply technical_assistance",
    amount=(300000, 1500000, "USD"),
    mwh=3000,
)
need(
    "need-khulna-shrimp-ice",
    "khulna-shrimp",
    "en",
    "Ice and cold storage at shrimp depots",
    "Shrimp lose grade between pond and processing plant because depots have little ice. We "
    "need ice machines and chilled storage at five depots.",
    "Each depot handles 1-3 tonnes a day. Power cuts are frequent, so units must work with "
    "solar or a genset. We also want temperature records that processors can check.",
    isic="1020 0321",
    tech="green.cold_chain green.post_harvest",
    sdgs="2 14",
    countries="BGD",
    coop="supply",
    amount=(60000, 180000, "USD"),
)
need(
    "need-rajshahi-pumps",
    "rajshahi-farmers",
    "en",
    "Replacing 140 diesel irrigation pumps with solar",
    "Diesel prices make dry-season irrigation unaffordable for many members. We want solar "
    "pumps with water-saving field channels and a pay-per-use model.",
    "Pumps lift from shallow tubewells at 10-25 m head. Most plots are 0.3-1 ha. A "
    "microfinance partner is ready to lend if a supplier provides a warranty and service "
    "network in Rajshahi division.",
    isic="0161",
    tech="green.solar_pv green.efficient_irrigation",
    sdgs="2 6 7 13",
    countries="BGD",
    min_trl=9,
    coop="supply distribution",
    amount=(250000, 600000, "USD"),
    co2=500,
)
need(
    "need-faisalabad-energy",
    "faisalabad-spin",
    "en",
    "Energy efficiency retrofit of a 90,000-spindle mill",
    "Our energy cost is 35 % of conversion cost. We want high-efficiency motors, drives and "
    "monitoring, with savings verified by a third party.",
    "Priority areas are ring-frame motors, humidification fans and compressors. We have a "
    "green-finance credit line from a local bank if savings are documented.",
    isic="1311",
    tech="green.energy_efficiency ai_manufacturing.energy_management",
    sdgs="7 9 13",
    countries="PAK",
    min_trl=9,
    coop="supply technical_assistance",
    amount=(700000, 2500000, "USD"),
    mwh=11000,
    co2=4800,
)
need(
    "need-sialkot-vision",
    "sialkot-surgical",
    "en",
    "Automated visual inspection of surgical instruments",
    "European regulation requires traceable inspection records. We want machine vision to "
    "check polishing defects, cracks and dimensions of scissors, forceps and clamps.",
    "Members inspect about 1.2 million pieces a month by eye. A shared inspection centre "
    "serving the consortium is one option. We need the system to store images per lot for "
    "audits.",
    isic="3250",
    tech="ai_manufacturing.machine_vision ai_manufacturing.quality_traceability",
    sdgs="9 3",
    countries="PAK",
    min_trl=8,
    coop="supply technical_assistance",
    amount=(100000, 300000, "USD"),
)
need(
    "need-kinnow-cold",
    "kinnow-packers",
    "en",
    "Cold storage and waxing for kinnow exports",
    "Short shelf life limits our kinnow exports to nearby markets. We need controlled cold "
    "storage and better waxing and grading lines.",
    "Members pack 120,000 tonnes a season from December to March. We want storage for 5,000 "
    "tonnes at 4-6 °C and a sea-freight protocol for the Gulf and South-East Asia.",
    isic="0123 5210",
    tech="green.cold_chain green.post_harvest industry.agro_processing",
    sdgs="2 8",
    countries="PAK",
    coop="supply joint_venture",
    amount=(1000000, 3000000, "USD"),
    disclosure="anonymous",
)
need(
    "need-cusco-quinoa",
    "cusco-quinoa",
    "en",
    "Quinoa washing, saponin removal and packing line",
    "We sell raw quinoa to traders. A cleaning and packing line would let us sell "
    "ready-to-cook organic quinoa directly to importers.",
    "Volume is 1,200 tonnes a year. Dry scarification is preferred to save water at 3,400 m "
    "altitude. We need a supplier who can install and service equipment in the Andes.",
    isic="0111 1061",
    tech="industry.agro_processing",
    sdgs="2 8",
    countries="PER",
    coop="supply",
    amount=(150000, 400000, "USD"),
)
need(
    "need-arequipa-milk",
    "arequipa-dairy",
    "en",
    "Milk chilling for high-altitude dairy farms",
    "Milk from our 300 farms travels two to four hours unchilled. We need coolers at five "
    "collection points, where power is unreliable.",
    "Each point collects 2,000-4,000 litres a day at 2,300-3,800 m altitude. We want solar or "
    "ice-bank systems and milk quality testing.",
    isic="1050 0141",
    tech="green.cold_chain green.solar_pv",
    sdgs="2 7",
    countries="PER",
    coop="supply",
    amount=(80000, 200000, "USD"),
)
need(
    "need-cochabamba-iron",
    "cochabamba-water",
    "en",
    "Removing iron and manganese from community boreholes",
    "Our water is brown and stains laundry, and people buy bottled water. We need a treatment "
    "plant for 1,500 m3 a day that the cooperative can run itself.",
    "Iron is 2.5 mg/l and manganese 0.8 mg/l. The cooperative has two operators and can pay "
    "part of the cost from tariffs; the municipality may co-finance. Low chemical use is "
    "important.",
    isic="3600",
    tech="green.water_treatment",
    sdgs="6 3",
    countries="BOL",
    min_trl=9,
    coop="supply technical_assistance",
    amount=(120000, 300000, "USD"),
)
need(
    "need-riberalta-drying",
    "riberalta-nuts",
    "en",
    "Energy-efficient drying and aflatoxin control for Brazil nuts",
    "Wood-fired dryers and manual sorting make it hard to meet EU aflatoxin limits. We need "
    "efficient dryers and optical sorting.",
    "We dry 4,000 tonnes of shelled nuts a year. Reducing fuelwood and rejected lots are the "
    "main targets.",
    isic="1030",
    tech="industry.agro_processing ai_manufacturing.machine_vision green.energy_efficiency",
    sdgs="2 12 15",
    countries="BOL",
    coop="supply",
    amount=(200000, 500000, "USD"),
)
need(
    "need-fergana-apricot",
    "fergana-apricot",
    "en",
    "Hygienic drying and sorting of apricots",
    "Most apricots are still dried on rooftops and sulphured by hand. We want hybrid solar "
    "dryers and optical sorting to sell to European buyers.",
    "The cluster processes 8,000 tonnes of fresh apricots in June-July. Natural gas is "
    "available but expensive in summer peaks. We look for dryers of 2-5 tonnes per batch and "
    "a colour sorter.",
    isic="1030",
    tech="green.solar_thermal green.post_harvest ai_manufacturing.machine_vision",
    sdgs="2 8 12",
    countries="UZB",
    min_trl=8,
    coop="supply technical_assistance",
    amount=(200000, 700000, "USD"),
)
need(
    "need-tashkent-dyehouse",
    "tashkent-textile",
    "en",
    "Wastewater recycling for a cotton dyeing plant",
    "Water quotas in the cluster are being cut. We need to recycle at least half of our "
    "dye-house wastewater.",
    "Effluent volume is 4,000 m3 a day with high colour and salt. Membrane or MBR solutions "
    "with brine management are welcome.",
    isic="1313",
    tech="green.water_treatment industry.textiles",
    sdgs="6 12",
    countries="UZB",
    min_trl=8,
    coop="supply joint_venture",
    amount=(1500000, 4000000, "USD"),
)
need(
    "need-tashkent-motors",
    "tashkent-textile",
    "en",
    "High-efficiency motors and drives for spinning",
    "Electricity tariffs in Uzbekistan rose sharply in 2024. We want to replace 2,500 motors "
    "and add variable-speed drives.",
    "We want an audit first and suppliers who can supply from stock in Tashkent.",
    isic="1311",
    tech="green.energy_efficiency",
    sdgs="7 9",
    countries="UZB",
    min_trl=9,
    coop="supply",
    amount=(800000, 2000000, "USD"),
    mwh=9500,
)
need(
    "need-arusha-precool",
    "arusha-horti",
    "en",
    "Pre-cooling and cold-chain software for bean exports",
    "Our beans travel five hours to the airport without pre-cooling. We want a mobile "
    "pre-cooler and software to plan harvest against flights.",
    "We export 3,000 tonnes a year. Rejections at the EU border cost us about USD 300,000 "
    "last year.",
    isic="0113 4630",
    tech="green.cold_chain ai_manufacturing.supply_chain_analytics",
    sdgs="2 12",
    countries="TZA",
    coop="supply licensing",
    amount=(60000, 180000, "USD"),
)
need(
    "need-gulu-shea",
    "gulu-shea",
    "en",
    "Mechanised shea butter processing for a women's cooperative",
    "Our members crush and roast shea nuts by hand over wood fires. We need mechanised "
    "crushing, roasting and pressing that women can run.",
    "Members collect 300 tonnes of nuts a year. A solar-powered or mini-grid-connected centre "
    "is preferred. Grants from a donor may cover half of the cost.",
    isic="1040",
    tech="industry.agro_processing green.clean_cooking green.solar_pv",
    sdgs="5 8 7",
    countries="UGA",
    coop="supply technical_assistance",
    amount=(40000, 110000, "USD"),
)
need(
    "need-kigali-emoto-fr",
    "kigali-moto",
    "fr",
    "Passage de 300 moto-taxis à l'électrique avec échange de batteries",
    "Nos conducteurs dépensent près de la moitié de leurs recettes en carburant. Nous cherchons "
    "des motos électriques et un réseau d'échange de batteries à Kigali.",
    "La première phase concerne 300 motos et 6 stations d'échange. Les conducteurs peuvent "
    "payer par jour via mobile money. Nous cherchons un fournisseur prêt à assembler "
    "localement et un partenaire financier pour le crédit-bail.",
    isic="4922",
    tech="green.electric_mobility green.energy_storage",
    sdgs="7 11 13",
    countries="RWA",
    min_trl=9,
    coop="supply joint_venture",
    amount=(450000, 800000, "USD"),
    co2=330,
)
need(
    "need-copperbelt-amd",
    "copperbelt-water",
    "en",
    "Treating acid mine drainage for reuse",
    "Discharge permits require lower copper and sulphate in our effluent. We want a treatment "
    "plant that also returns water to the mines.",
    "Flow is 3,000 m3 a day with pH 3.5. A modular plant we can expand is preferred.",
    isic="3600 3700",
    tech="green.water_treatment green.pollution_control industry.mining_processing",
    sdgs="6 12",
    countries="ZMB",
    min_trl=8,
    coop="supply technical_assistance",
    amount=(1000000, 3000000, "USD"),
)
need(
    "need-casamance-sechage-fr",
    "casamance-mango",
    "fr",
    "Séchoirs solaires pour valoriser les mangues invendues",
    "Près de la moitié de nos mangues pourrissent chaque saison faute d'acheteurs. Nous "
    "cherchons des séchoirs solaires ou hybrides pour produire de la mangue séchée.",
    "La coopérative vise 400 tonnes de fruits frais par saison, de mai à juillet. Les femmes "
    "de la coopérative assureraient le découpage et le conditionnement. Nous avons besoin "
    "d'une formation à l'hygiène et d'un appui pour la certification biologique.",
    isic="1030 0122",
    tech="green.solar_thermal green.post_harvest industry.agro_processing",
    sdgs="2 5 12",
    countries="SEN",
    min_trl=8,
    coop="supply technical_assistance",
    amount=(30000, 100000, "EUR"),
)
need(
    "need-korhogo-cajou-fr",
    "korhogo-cashew",
    "fr",
    "Unité de transformation de noix de cajou de 5 000 tonnes par an",
    "Nous exportons presque toute notre noix brute. Nous cherchons une ligne de décorticage et "
    "un partenaire technique pour transformer 5 000 tonnes par an à Korhogo.",
    "Le terrain et un bâtiment de 3 000 m2 sont disponibles. L'État offre des primes à la "
    "transformation locale. Nous cherchons aussi à valoriser les coques comme combustible.",
    isic="1030 0125",
    tech="industry.agro_processing green.waste_to_energy",
    sdgs="8 9 2",
    countries="CIV",
    min_trl=9,
    coop="supply joint_venture technical_assistance",
    amount=(1500000, 3500000, "EUR"),
)
need(
    "need-bobo-pompage-fr",
    "bobo-maraichers",
    "fr",
    "Pompage solaire et goutte-à-goutte pour 350 maraîchers",
    "Le gazole pour nos motopompes coûte de plus en plus cher. Nous voulons passer au pompage "
    "solaire avec irrigation goutte-à-goutte.",
    "Les parcelles font 0,25 à 1 hectare, avec des puits de 8 à 20 mètres. Un système "
    "collectif par groupe de dix parcelles est envisagé, avec un remboursement par saison.",
    isic="0113 0161",
    tech="green.solar_pv green.efficient_irrigation",
    sdgs="2 6 7",
    countries="BFA",
    min_trl=9,
    coop="supply distribution",
    amount=(100000, 250000, "EUR"),
)
need(
    "need-menabe-minireseau-fr",
    "menabe-village",
    "fr",
    "Mini-réseaux solaires pour douze villages du Menabe",
    "Douze villages de 150 à 600 foyers attendent le réseau depuis des années. Nous cherchons "
    "un développeur et un fournisseur de mini-réseaux solaires avec compteurs prépayés.",
    "Les besoins prioritaires sont l'éclairage, les décortiqueuses à riz, la réfrigération du "
    "poisson et un centre de santé. L'agence nationale d'électrification rurale peut apporter "
    "une subvention par raccordement.",
    isic="3510",
    tech="green.solar_pv green.energy_storage",
    sdgs="7 1",
    countries="MDG",
    min_trl=9,
    coop="joint_venture supply",
    amount=(800000, 2000000, "EUR"),
)
need(
    "need-meknes-margines-fr",
    "meknes-olive",
    "fr",
    "Traitement des margines d'huilerie",
    "Les margines de l'huilerie sont stockées dans des bassins qui débordent. Nous cherchons "
    "un traitement, idéalement avec production de biogaz ou de compost.",
    "L'huilerie produit environ 4 000 m3 de margines par campagne, de novembre à février. "
    "Une solution mutualisée avec deux huileries voisines est possible.",
    isic="1040",
    tech="green.water_treatment green.waste_to_energy green.pollution_control",
    sdgs="6 12",
    countries="MAR",
    coop="supply technical_assistance",
    amount=(200000, 600000, "EUR"),
    status="draft",
)
need(
    "need-douala-energie-fr",
    "douala-cacao",
    "fr",
    "Réduire la facture énergétique d'une usine de transformation de cacao",
    "Notre usine consomme beaucoup de fioul pour la torréfaction et d'électricité pour le "
    "pressage. Nous cherchons un audit et des solutions de récupération de chaleur.",
    "L'usine transforme 30 000 tonnes de fèves par an. Les coques de cacao pourraient servir "
    "de combustible.",
    isic="1073",
    tech="green.energy_efficiency green.bioenergy",
    sdgs="7 9 13",
    countries="CMR",
    coop="technical_assistance supply",
    amount=(300000, 900000, "EUR"),
    mwh=6000,
)
need(
    "need-dolakha-hydro",
    "nepal-hydro",
    "en",
    "Turbine and controls for a second 150 kW micro-hydro site",
    "We have surveyed a second site with 85 m head and want a turbine, generator and "
    "electronic load controller with remote monitoring.",
    "Design flow is 0.25 m3/s. Community labour will build the canal and powerhouse. A "
    "national subsidy covers 40 % of equipment cost.",
    isic="3510",
    tech="green.small_hydro",
    sdgs="7 1",
    countries="NPL",
    min_trl=9,
    coop="supply technical_assistance",
    amount=(90000, 160000, "USD"),
)
need(
    "need-nepal-bricks",
    "nepal-bricks",
    "en",
    "Cleaner kilns and unfired blocks for valley brick makers",
    "New air-quality rules require kilns to cut emissions. Members want training, kiln "
    "improvements and to test unfired blocks.",
    "Members produce about 1.2 billion bricks a year. We want demonstration at three kilns and "
    "a market test of unfired blocks with builders.",
    isic="2392",
    tech="green.low_carbon_materials green.pollution_control industry.construction_materials",
    sdgs="3 11 13",
    countries="NPL",
    coop="technical_assistance licensing",
    amount=(50000, 300000, "USD"),
)
need(
    "need-issykkul-milk",
    "kyrgyz-dairy",
    "en",
    "Milk cooling and collection in mountain villages",
    "Milk from summer pastures sours before it reaches the cheese plants. We need coolers "
    "and a cooling truck that can reach high pastures.",
    "Volume is 15 tonnes a day in summer and 5 in winter. Roads are gravel; power is limited "
    "to villages.",
    isic="1050",
    tech="green.cold_chain",
    sdgs="2 8",
    countries="KGZ",
    coop="supply",
    amount=(70000, 200000, "USD"),
)
need(
    "need-pamir-hydro",
    "tajik-hydro",
    "en",
    "Rehabilitating four village micro-hydro plants",
    "Four plants built in the 1990s run at half capacity. We need new runners, governors and "
    "automation.",
    "Plants are 50-400 kW at heads of 30-120 m. Spare parts must reach Khorog by road from "
    "Dushanbe or China.",
    isic="3510",
    tech="green.small_hydro green.energy_efficiency",
    sdgs="7",
    countries="TJK",
    coop="supply technical_assistance",
    amount=(200000, 700000, "USD"),
)
need(
    "need-uva-tea",
    "lanka-tea",
    "en",
    "Replacing firewood in tea withering and drying",
    "Firewood is scarce and expensive. We want a biomass or heat-pump solution for drying and "
    "more efficient withering fans.",
    "The factory uses about 4,500 tonnes of firewood a year. A small hydro stream next to the "
    "factory may be usable too.",
    isic="1079",
    tech="green.energy_efficiency green.bioenergy green.small_hydro",
    sdgs="7 15",
    countries="LKA",
    coop="supply",
    amount=(150000, 500000, "USD"),
)
need(
    "need-cebu-coconut",
    "cebu-coco",
    "en",
    "Coconut waste to energy and water recycling",
    "We produce coconut shells, parings and wash water. We want to use shells for process "
    "heat and recycle water.",
    "The plant processes 180,000 nuts a day. Boiler fuel is bunker oil today.",
    isic="1040",
    tech="green.bioenergy green.waste_to_energy green.water_treatment",
    sdgs="7 6 12",
    countries="PHL",
    coop="supply joint_venture",
    amount=(400000, 1200000, "USD"),
)
need(
    "need-pekalongan-ice",
    "java-fishery",
    "en",
    "Harbour ice plant and cold storage for a fishing cooperative",
    "Our boats buy block ice from a private supplier at high prices. We want our own flake-"
    "ice plant and a 200-tonne cold store.",
    "Landings are 40 tonnes a day. Solar rooftops on the fish market could supply part of "
    "the electricity.",
    isic="1020",
    tech="green.cold_chain green.solar_pv",
    sdgs="2 14",
    countries="IDN",
    coop="supply",
    amount=(350000, 900000, "USD"),
)
need(
    "need-battambang-husk",
    "cambodia-rice",
    "en",
    "Rice husk gasification for nine mills",
    "Grid power costs our mills more than fuel. We want husk gasifiers that can supply the "
    "mills and sell surplus to neighbours.",
    "Each mill needs 200-500 kW. Husk supply is about 40,000 tonnes a year.",
    isic="1061",
    tech="green.bioenergy green.waste_to_energy",
    sdgs="7 12",
    countries="KHM",
    coop="supply joint_venture",
    amount=(900000, 2500000, "USD"),
    status="expired",
    valid_until="2026-06-30",
)
need(
    "need-addis-cobots",
    "addis-leather",
    "en",
    "Automation of sole roughing and cementing",
    "Solvent exposure and repetitive work in sole roughing and cementing make hiring hard. "
    "We want collaborative robots for these stations.",
    "The factory makes 6,000 pairs a day on four lines. We want to start with one line.",
    isic="1520",
    tech="ai_manufacturing.robotics",
    sdgs="8 3",
    countries="ETH",
    coop="supply",
    amount=(60000, 150000, "USD"),
)
need(
    "need-nile-ceramics",
    "cairo-ceramics",
    "en",
    "Cutting gas use on tile kilns",
    "Gas prices for industry have risen and buyers ask for carbon data. We want combustion "
    "optimisation and heat recovery on six roller kilns.",
    "Each kiln is 120 m long and fires 15,000 m2 of tiles a day. We want guaranteed savings.",
    isic="2393",
    tech="green.energy_efficiency ai_manufacturing.process_optimisation",
    sdgs="7 9 13",
    countries="EGY",
    min_trl=9,
    coop="supply technical_assistance",
    amount=(500000, 2500000, "USD"),
    mwh=20000,
    co2=4000,
)
need(
    "need-zarqa-nrw",
    "amman-water",
    "en",
    "Reducing non-revenue water in Zarqa",
    "Close to half of the water we produce is lost. We want a network model, pressure "
    "management and leak detection, starting with three district metered areas.",
    "The utility serves about 1.5 million people with intermittent supply. Pumping energy is "
    "a large cost, so energy savings are part of the goal.",
    isic="3600",
    tech="ai_manufacturing.digital_twin infrastructure.urban_services green.energy_efficiency",
    sdgs="6 11",
    countries="JOR",
    min_trl=8,
    coop="technical_assistance licensing supply",
    amount=(500000, 3000000, "USD"),
)
need(
    "need-moshi-hospitals",
    "dar-hospital",
    "en",
    "Vaccine cold chain and imaging for district hospitals",
    "Our hospitals lose vaccines in power cuts and lack ultrasound at rural outposts. We need "
    "solar refrigerators and portable ultrasound with training.",
    "Seven hospitals and 30 outreach posts. We can pay part and seek donor co-funding.",
    isic="8610",
    tech="health.medical_devices green.cold_chain green.solar_pv",
    sdgs="3 7",
    countries="TZA",
    coop="supply technical_assistance",
    amount=(150000, 400000, "USD"),
)
need(
    "need-malawi-stoves",
    "lilongwe-schools",
    "en",
    "Efficient institutional stoves for 120 school kitchens",
    "Our school kitchens burn 3,000 tonnes of firewood a year on open fires. We need "
    "institutional stoves that halve fuel use and remove smoke.",
    "Pots are 100-200 litres. We need local assembly or a supply and training package.",
    isic="8890",
    tech="green.clean_cooking",
    sdgs="3 4 7 15",
    countries="MWI",
    coop="supply",
    amount=(80000, 200000, "USD"),
    co2=2500,
)
need(
    "need-almaty-bakery",
    "almaty-bakery",
    "en",
    "Energy management for mills and bakeries",
    "We want sub-metering and analytics to find waste in ovens, compressors and refrigeration "
    "at two mills and eleven bakeries.",
    "Annual energy cost is USD 4 million. We want monthly verified savings.",
    isic="1061 1071",
    tech="ai_manufacturing.energy_management green.energy_efficiency",
    sdgs="7 12",
    countries="KAZ",
    coop="supply",
    amount=(100000, 300000, "USD"),
)
need(
    "need-antioquia-traceability",
    "antioquia-coffee",
    "en",
    "Plot mapping and traceability for EU deforestation rules",
    "Our European buyers need geolocation of every plot. We want a mapping and traceability "
    "tool our field staff can use offline.",
    "4,500 members, about 9,000 plots. Data must be owned by the cooperative.",
    isic="0127",
    tech="ai_manufacturing.quality_traceability",
    sdgs="12 15",
    countries="COL",
    coop="licensing",
    amount=(20000, 60000, "USD"),
)
need(
    "need-coban-cardamom",
    "guatemala-cardamom",
    "en",
    "Cleaner dryers for cardamom",
    "Wood-fired dryers consume 1 m3 of wood per 100 kg of dried cardamom and cause "
    "deforestation. We want efficient dryers using biomass or solar heat.",
    "Members dry about 6,000 tonnes of green pods a year.",
    isic="0128",
    tech="green.solar_thermal green.energy_efficiency green.sustainable_forestry",
    sdgs="7 15",
    countries="GTM",
    coop="supply",
    amount=(100000, 300000, "USD"),
)
need(
    "need-nampula-cashew",
    "mozambique-cashew",
    "en",
    "Upgrading a cashew plant to automatic shelling",
    "Our semi-mechanised plant has a low whole-kernel rate. We want automatic shelling and "
    "peeling to reach 80 % wholes.",
    "Throughput is 8,000 tonnes of raw nuts a year. Shells could fuel our boiler.",
    isic="1030",
    tech="industry.agro_processing",
    sdgs="8 9",
    countries="MOZ",
    coop="supply technical_assistance",
    amount=(700000, 1500000, "USD"),
)
need(
    "need-dhaka-lithium",
    "dhaka-easybike",
    "en",
    "Lithium battery conversion for battery rickshaws",
    "Our lead-acid batteries last a year and pollute when recycled informally. We want "
    "lithium conversion kits and safe charging stations.",
    "Members own about 2,000 rickshaws. Charging is done in garages at night.",
    isic="4922",
    tech="green.electric_mobility green.energy_storage",
    sdgs="11 12",
    countries="BGD",
    coop="supply",
    amount=(300000, 900000, "USD"),
)
need(
    "need-gobi-scouring",
    "mongolia-cashmere",
    "en",
    "Water recycling and heat recovery in cashmere scouring",
    "Scouring uses hot water that we discharge. We want heat recovery and water recycling.",
    "The plant scours 1,500 tonnes of raw fibre a year in winter at -30 °C outside.",
    isic="1311",
    tech="green.water_treatment green.energy_efficiency industry.textiles",
    sdgs="6 7",
    countries="MNG",
    coop="supply",
    amount=(200000, 600000, "USD"),
)
need(
    "need-bolaven-wetmill",
    "laos-coffee",
    "en",
    "Central wet mill with wastewater treatment",
    "Members process coffee at home and pollute streams. We want a central wet mill with "
    "water recycling and biogas.",
    "Volume is 3,000 tonnes of cherry a season.",
    isic="0127",
    tech="green.water_treatment green.bioenergy industry.agro_processing",
    sdgs="6 8",
    countries="LAO",
    coop="supply joint_venture",
    amount=(250000, 600000, "USD"),
)
need(
    "need-manabi-cacao",
    "ecuador-cacao",
    "en",
    "Fermentation control and traceability for fine cacao",
    "Quality varies between batches. We want sensors for fermentation boxes and a "
    "traceability tool for buyers.",
    "Members deliver 800 tonnes of wet beans a year to four fermentation centres.",
    isic="0127",
    tech="ai_manufacturing.industrial_iot ai_manufacturing.quality_traceability",
    sdgs="8 12",
    countries="ECU",
    coop="supply licensing",
    amount=(30000, 90000, "USD"),
)
need(
    "need-ogun-hqcf",
    "ogun-cassava",
    "en",
    "Expanding high-quality cassava flour capacity",
    "Bakeries want more cassava flour than we can produce. We want a second 60-tonne-a-day "
    "line with flash drying.",
    "Roots come from 3,000 out-growers within 40 km.",
    isic="1062",
    tech="industry.agro_processing",
    sdgs="2 8 9",
    countries="NGA",
    coop="supply",
    amount=(600000, 1500000, "USD"),
)
need(
    "need-sidama-traceability",
    "sidama-coffee",
    "en",
    "Traceability from washing station to export lot",
    "Specialty buyers ask for station-level traceability and EU deforestation compliance. We "
    "want a simple system for 38 stations.",
    "Field staff have Android phones; connectivity is patchy.",
    isic="0127 1079",
    tech="ai_manufacturing.quality_traceability digital.e_commerce",
    sdgs="8 12 15",
    countries="ETH",
    coop="licensing technical_assistance",
    amount=(15000, 50000, "USD"),
)
need(
    "need-khulna-solar-processing",
    "khulna-shrimp",
    "en",
    "Rooftop solar and storage for a shrimp processing partner",
    "Our partner plant runs diesel gensets four hours a day. We want rooftop PV with storage "
    "to protect the freezers.",
    "Load is 450 kW, with 1,200 m2 of usable roof.",
    isic="1020",
    tech="green.solar_pv green.energy_storage",
    sdgs="7 13",
    countries="BGD",
    coop="supply",
    amount=(350000, 600000, "USD"),
    status="expired",
    valid_until="2026-03-31",
)

# --- Needs in China (inbound technology) ----------------------------------------------------

need(
    "need-changshu-membrane",
    "jiangsu-dyehouse",
    "zh",
    "印染废水深度处理与中水回用技术",
    "太湖流域排放标准提高，我们需要能处理高温、高盐印染废水并实现60%以上回用的膜处理技术。",
    "工厂每天排放印染废水约4500立方米，水温40–55℃，色度和COD波动大。"
    "现有生化处理出水无法满足新标准。希望引进耐高温的陶瓷膜或其他成熟技术，可以技术许可或合资方式合作。",
    isic="1313 3700",
    tech="green.water_treatment green.pollution_control industry.textiles",
    sdgs="6 12 14",
    countries="CHN",
    min_trl=8,
    coop="licensing joint_venture supply",
    amount=(10000000, 30000000, "CNY"),
)
need(
    "need-weifang-heatpump",
    "shandong-dairy",
    "zh",
    "乳品厂高温热泵余热回收",
    "我们希望用工业高温热泵回收制冷机组余热，替代燃气锅炉供应巴氏杀菌和CIP清洗所需的热水。",
    "工厂热水需求约4兆瓦，温度要求85–95℃；氨制冷系统冷凝热约5兆瓦目前直接排放。"
    "希望与拥有成熟工业热泵技术的国外企业合作，先建设一个示范项目，再在集团其他工厂推广。",
    isic="1050",
    tech="green.energy_efficiency",
    sdgs="7 13",
    countries="CHN",
    min_trl=9,
    coop="supply joint_venture licensing",
    amount=(8000000, 15000000, "CNY"),
    mwh=12000,
)
need(
    "need-kunming-greenhouse",
    "yunnan-flowers",
    "zh",
    "温室环境智能控制与灌溉水循环利用",
    "基地灌溉水利用率低、病害多，我们希望引进温室环境控制和排水回收消毒技术。",
    "现有40公顷温室为简易控制，夏季高温高湿导致灰霉病严重。"
    "希望合作方提供环控系统、水肥一体化和紫外消毒设备，并派农艺师驻场指导一个生产季。",
    isic="0119",
    tech="green.efficient_irrigation green.climate_smart_agriculture ai_manufacturing.industrial_iot",
    sdgs="2 6 12",
    countries="CHN",
    coop="supply technical_assistance",
    amount=(3000000, 9000000, "CNY"),
)
need(
    "need-keqiao-enzyme",
    "shaoxing-textile",
    "zh",
    "低温酶法前处理工艺",
    "我们希望用低温生物酶前处理替代高温碱煮，降低蒸汽和用水，并减少废水碱度。",
    "工厂每天前处理棉及混纺织物约30万米。欢迎拥有成熟酶制剂和工艺的企业开展中试，合作方式可以是供货或本地复配许可。",
    isic="1313",
    tech="industry.textiles industry.chemicals green.energy_efficiency",
    sdgs="6 9 12",
    countries="CHN",
    coop="supply licensing joint_rnd",
    amount=(500000, 3000000, "CNY"),
)
need(
    "need-ningbo-berth",
    "ningbo-port-logistics",
    "zh",
    "散货码头泊位计划与堆场数字孪生",
    "船舶平均等泊时间偏长，我们希望引进泊位计划优化和堆场数字孪生系统。",
    "码头有8个泊位、3个堆场和约25公里皮带机。希望系统能与现有生产管理系统对接，并支持多方案模拟。",
    isic="5224 5222",
    tech="ai_manufacturing.digital_twin infrastructure.transport_logistics",
    sdgs="9 13",
    countries="CHN",
    min_trl=8,
    coop="licensing joint_venture",
    amount=(5000000, 12000000, "CNY"),
    status="in_review",
)
need(
    "need-hongqiao-storage",
    "changning-park",
    "zh",
    "产业园区光储充一体化与能源管理",
    "园区计划新增屋顶光伏和储能，并为物流车队建设充电设施，需要一体化的能源管理平台。",
    "园区屋顶可用面积约12万平方米，年用电量约6000万千瓦时。希望与国内外技术和投资伙伴共同开发。",
    isic="6810 3510",
    tech="green.solar_pv green.energy_storage ai_manufacturing.energy_management green.electric_mobility",
    sdgs="7 11 13",
    countries="CHN",
    coop="joint_venture supply",
    amount=(20000000, 60000000, "CNY"),
)
need(
    "need-quzhou-sorting",
    "zhejiang-wte",
    "zh",
    "农林废弃物与厨余垃圾智能分选技术",
    "我们需要人工智能视觉分选设备，提高进入焚烧和厌氧消化的废弃物质量。",
    "处理规模每天约800吨。分选目标是去除塑料、金属和石块，提高热值稳定性。",
    isic="3821",
    tech="ai_manufacturing.machine_vision green.waste_management green.waste_to_energy",
    sdgs="11 12",
    countries="CHN",
    coop="supply",
    amount=(6000000, 15000000, "CNY"),
)

# --- More needs elsewhere --------------------------------------------------------------------

need(
    "need-gulu-briquettes",
    "gulu-shea",
    "en",
    "Turning shea nut shells into briquettes",
    "Shells pile up at our centre. We want a small briquetting line to sell fuel to schools "
    "and bakeries in Gulu.",
    "About 150 tonnes of shells a year. Members prefer manual or low-power equipment.",
    isic="1040",
    tech="green.bioenergy green.circular_economy",
    sdgs="7 12 5",
    countries="UGA",
    coop="supply",
    amount=(8000, 25000, "USD"),
    status="draft",
)
need(
    "need-lakeside-solar-processing",
    "lakeside-fish",
    "en",
    "Solar power for a fish filleting plant",
    "Grid outages spoil product in our blast freezers. We want rooftop solar and storage.",
    "The plant load is 300 kW and the roof is 2,500 m2.",
    isic="1020",
    tech="green.solar_pv green.energy_storage",
    sdgs="7 13",
    countries="KEN",
    coop="supply",
    amount=(250000, 450000, "USD"),
)
need(
    "need-meru-traceability",
    "meru-mango",
    "en",
    "Grower payments and traceability app",
    "We pay 2,300 growers in cash after grading. We want a system that records deliveries "
    "and pays to mobile money.",
    "Exports need lot traceability back to the farm.",
    isic="0122",
    tech="digital.fintech ai_manufacturing.quality_traceability",
    sdgs="1 8",
    countries="KEN",
    coop="licensing",
    amount=(5000, 20000, "USD"),
)
need(
    "need-arusha-greenhouse",
    "arusha-horti",
    "en",
    "Greenhouses for export herbs",
    "Rains damage our open-field herbs. We want low-tech greenhouses with drip or "
    "hydroponics for 5 hectares.",
    "Site is at 1,400 m altitude near Arusha with a borehole.",
    isic="0113",
    tech="green.climate_smart_agriculture green.efficient_irrigation",
    sdgs="2 6",
    countries="TZA",
    coop="supply technical_assistance",
    amount=(300000, 800000, "USD"),
)

# ============================================================================================
# Investment mandates
# ============================================================================================

AFRICA_E = "KEN ETH TZA UGA RWA"
AFRICA_W = "NGA GHA CIV SEN BFA CMR"
SOUTH_ASIA = "BGD PAK NPL LKA IND"
SE_ASIA = "VNM KHM LAO IDN PHL MMR"
CENTRAL_ASIA = "UZB KAZ KGZ TJK MNG"
LATAM = "PER BOL COL ECU GTM"

mandate(
    "mandate-nordlys-minigrids",
    "nordlys",
    "en",
    "Equity for mini-grid and distributed solar portfolios",
    "Growth equity for developers of mini-grids and commercial solar in Sub-Saharan Africa "
    "and South Asia with at least 2 MW operating.",
    "We take minority stakes of 15-40 % with a board seat and can add a construction "
    "facility through our lending partners. Developers should have metered revenue data for "
    "at least 12 months. We apply IFC Performance Standards.",
    isic="3510",
    tech="green.solar_pv green.energy_storage infrastructure.power_grid",
    sdgs="7 13",
    countries=f"{AFRICA_E} NGA ZMB MDG {SOUTH_ASIA}",
    min_trl=9,
    coop="equity",
    amount=(3000000, 15000000, "USD"),
)
mandate(
    "mandate-nordlys-efficiency",
    "nordlys",
    "en",
    "Energy-efficiency-as-a-service platforms",
    "Equity and mezzanine for companies that finance and install efficient motors, heat "
    "pumps or solar for industrial clients under shared-savings contracts.",
    "Target companies have at least ten contracts with measured savings. We like platforms "
    "that pair a technology supplier from Europe or Asia with a local installer.",
    tech="green.energy_efficiency ai_manufacturing.energy_management",
    sdgs="7 9 13",
    countries=f"PAK BGD EGY VNM {AFRICA_E}",
    min_trl=9,
    coop="equity loan",
    amount=(2000000, 10000000, "USD"),
)
mandate(
    "mandate-rhine-postharvest",
    "rhine-delta",
    "en",
    "Post-harvest and cold-chain infrastructure in agri-food value chains",
    "Debt and equity for pack-houses, cold stores, dryers and processors that buy from "
    "smallholders, with tickets of EUR 0.5-5 million.",
    "We look for businesses with committed off-take and a clear reduction in food loss. "
    "Technical assistance grants can support supplier selection and farmer training.",
    isic="1030 5210 0163",
    tech="green.cold_chain green.post_harvest industry.agro_processing",
    sdgs="2 8 12",
    countries=f"{AFRICA_E} {AFRICA_W} BGD PAK",
    min_trl=8,
    coop="equity loan technical_assistance",
    amount=(500000, 5000000, "EUR"),
)
mandate(
    "mandate-rhine-dairy",
    "rhine-delta",
    "en",
    "Dairy collection and processing in East Africa and the Andes",
    "Loans for milk cooling, collection and small dairies working with cooperatives.",
    "We favour projects that raise the price paid to farmers through quality-based "
    "payment. Tenors up to seven years with grace periods.",
    isic="1050",
    tech="green.cold_chain",
    sdgs="2 8",
    countries="KEN UGA TZA PER BOL KGZ",
    coop="loan",
    amount=(300000, 3000000, "EUR"),
)
mandate(
    "mandate-alpine-water",
    "alpine-infra",
    "en",
    "Water and wastewater infrastructure, USD 5-30 million",
    "Project finance and equity for water treatment, reuse, desalination and non-revenue-"
    "water reduction under concessions or long-term contracts.",
    "Counterparties can be utilities, industrial parks or mines. We require a bankable "
    "off-take and support first-time technology partnerships if the technology has "
    "references at similar scale.",
    isic="3600 3700",
    tech="green.water_treatment infrastructure.urban_services ai_manufacturing.digital_twin",
    sdgs="6 11",
    countries="JOR EGY MAR ZMB KEN UZB PER",
    min_trl=9,
    coop="equity loan",
    amount=(5000000, 30000000, "USD"),
)
mandate(
    "mandate-alpine-waste",
    "alpine-infra",
    "en",
    "Waste management and recycling infrastructure",
    "Equity for recycling plants, sanitary landfills with gas capture and waste-to-energy "
    "facilities serving cities of more than 300,000 people.",
    "Gate fees or offtake contracts must cover at least 60 % of revenue.",
    isic="3821 3830",
    tech="green.waste_management green.circular_economy green.waste_to_energy",
    sdgs="11 12 13",
    countries="NGA GHA KEN VNM PHL",
    coop="equity",
    amount=(4000000, 20000000, "USD"),
)
mandate(
    "mandate-lumiere-pme-fr",
    "lumiere",
    "fr",
    "Fonds propres pour PME agroalimentaires d'Afrique de l'Ouest",
    "Prises de participation minoritaires de 1 à 6 millions d'euros dans des PME de "
    "transformation agroalimentaire en Afrique de l'Ouest et centrale.",
    "Nous accompagnons les entreprises qui transforment localement le cajou, le cacao, la "
    "mangue ou le manioc et qui achètent auprès de petits producteurs. Un partenariat "
    "technique avec un équipementier est un atout. Chiffre d'affaires minimal : 1 million "
    "d'euros.",
    isic="1030 1062 1073",
    tech="industry.agro_processing green.post_harvest",
    sdgs="2 8 9",
    countries="CIV SEN BFA CMR GHA BEN TGO",
    coop="equity",
    amount=(1000000, 6000000, "EUR"),
)
mandate(
    "mandate-lumiere-energie-fr",
    "lumiere",
    "fr",
    "Dette mezzanine pour l'efficacité énergétique industrielle",
    "Financement mezzanine de projets d'efficacité énergétique et d'autoproduction solaire "
    "dans les usines d'Afrique francophone.",
    "Les économies doivent être mesurées par un tiers. Durée de 5 à 7 ans.",
    tech="green.energy_efficiency green.solar_pv",
    sdgs="7 9 13",
    countries="CIV SEN CMR MAR TUN",
    coop="loan",
    amount=(500000, 4000000, "EUR"),
)
mandate(
    "mandate-hanse-jv",
    "hanse",
    "en",
    "Co-investment in joint ventures of German equipment makers",
    "Equity alongside German Mittelstand firms that set up assembly or service joint "
    "ventures in emerging markets, including with Chinese partners.",
    "Typical ticket EUR 1-8 million for up to 49 % of the joint venture. The German partner "
    "must contribute technology and hold at least 25 %.",
    tech="industry.machinery green.energy_efficiency green.water_treatment",
    sdgs="9 8",
    countries="CHN VNM EGY MAR KEN",
    coop="equity joint_venture",
    amount=(1000000, 8000000, "EUR"),
)
mandate(
    "mandate-thames-minigrid-debt",
    "thames",
    "en",
    "Senior debt for portfolios of mini-grids and solar irrigation",
    "Local-currency-hedged senior loans for operating portfolios of mini-grids, solar home "
    "systems and solar irrigation.",
    "Minimum portfolio of 5,000 connections or 1,000 pumps with collection data. We "
    "co-lend with DFIs.",
    tech="green.solar_pv green.efficient_irrigation green.energy_storage",
    sdgs="7 2",
    countries=f"{AFRICA_E} NGA ZMB BGD PAK",
    min_trl=9,
    coop="loan",
    amount=(5000000, 25000000, "USD"),
)
mandate(
    "mandate-thames-logistics",
    "thames",
    "en",
    "Logistics and cold-chain warehouses",
    "Debt for cold-chain and logistics warehouses with long-term tenants.",
    "Assets in capital cities and ports, at least 5,000 m2.",
    isic="5210",
    tech="green.cold_chain infrastructure.transport_logistics",
    sdgs="9 2",
    countries="KEN NGA GHA VNM BGD",
    coop="loan",
    amount=(5000000, 40000000, "USD"),
    disclosure="anonymous",
)
mandate(
    "mandate-iberia-irrigation",
    "iberia-agri",
    "en",
    "Efficient irrigation and agro-processing in Latin America",
    "Equity and quasi-equity for irrigation service companies and agro-processors in the "
    "Andes and Central America.",
    "We like pay-per-use irrigation models and processors of quinoa, coffee, cacao and "
    "fruit. Tickets of EUR 0.5-4 million.",
    tech="green.efficient_irrigation industry.agro_processing green.climate_smart_agriculture",
    sdgs="2 6 8",
    countries=LATAM,
    coop="equity loan",
    amount=(500000, 4000000, "EUR"),
)
mandate(
    "mandate-iberia-maghreb",
    "iberia-agri",
    "en",
    "Olive, citrus and vegetable processing in North Africa",
    "Growth capital for processors in Morocco and Tunisia investing in water and energy "
    "efficiency.",
    "Processors should export at least 30 % of sales.",
    isic="1030 1040",
    tech="industry.agro_processing green.water_treatment",
    sdgs="6 8 12",
    countries="MAR TUN EGY",
    coop="equity",
    amount=(1000000, 5000000, "EUR"),
    status="draft",
)
mandate(
    "mandate-baltic-ai",
    "baltic-clean",
    "en",
    "Seed and Series A for AI-for-industry start-ups",
    "Venture investments in start-ups applying machine vision, predictive maintenance or "
    "process optimisation in manufacturing, ready to expand to Asia.",
    "We invest EUR 0.3-2 million per round and help with pilots in Nordic and Asian factories.",
    tech="ai_manufacturing.machine_vision ai_manufacturing.predictive_maintenance ai_manufacturing.process_optimisation",
    sdgs="9",
    countries="FIN SWE EST CHN VNM",
    min_trl=6,
    coop="equity",
    amount=(300000, 2000000, "EUR"),
)
mandate(
    "mandate-danube-ca",
    "danube",
    "en",
    "Resource-efficient manufacturing in Central Asia",
    "Loans and equity for textile, food and building-material plants in Central Asia that "
    "cut energy or water use by at least 20 %.",
    "We finance equipment from any origin and can structure supplier credit with Chinese "
    "or European makers.",
    tech="green.energy_efficiency green.water_treatment industry.textiles",
    sdgs="6 7 9",
    countries=CENTRAL_ASIA,
    min_trl=9,
    coop="loan equity",
    amount=(1000000, 10000000, "EUR"),
)
mandate(
    "mandate-nordic-dfi-agri",
    "nordic-dfi",
    "en",
    "Long-term loans for agribusiness in least developed countries",
    "Senior and subordinated loans of USD 3-20 million for agribusinesses in least "
    "developed countries with smallholder sourcing.",
    "Tenors up to ten years. Environmental and social action plans required. Blended "
    "finance may lower the rate for first-of-a-kind technology.",
    tech="industry.agro_processing green.cold_chain green.post_harvest",
    sdgs="1 2 8",
    countries="ETH TZA UGA MOZ MWI BGD NPL KHM MMR",
    coop="loan",
    amount=(3000000, 20000000, "USD"),
)
mandate(
    "mandate-nordic-dfi-climate",
    "nordic-dfi",
    "en",
    "Climate equity window for renewable energy and e-mobility",
    "Equity for renewable energy and e-mobility companies in low- and lower-middle-income "
    "countries.",
    "We accept earlier-stage technology (TRL 7+) when a guarantee or grant covers technology risk.",
    tech="green.solar_pv green.wind green.electric_mobility green.small_hydro",
    sdgs="7 11 13",
    countries="KEN RWA UGA ETH NGA NPL BGD",
    min_trl=7,
    coop="equity",
    amount=(2000000, 15000000, "USD"),
)
mandate(
    "mandate-eu-facility-transfer",
    "euro-green-bank",
    "en",
    "Blended finance for projects with technology transfer",
    "Grants of up to 20 % plus concessional loans for climate projects that transfer a "
    "technology to a local manufacturer or operator.",
    "Projects must show a training plan and local content. We co-finance with commercial "
    "lenders and DFIs.",
    tech="green.solar_pv green.water_treatment green.low_carbon_materials green.energy_efficiency",
    sdgs="7 9 13 17",
    countries=f"{AFRICA_E} {AFRICA_W} {SOUTH_ASIA} MAR TUN",
    coop="loan technical_assistance",
    amount=(2000000, 25000000, "EUR"),
)
mandate(
    "mandate-falcon-hydrogen",
    "falcon",
    "en",
    "Green hydrogen and green ammonia projects",
    "Development capital and equity for green hydrogen and ammonia projects, from pilots of "
    "1 MW to export-scale plants.",
    "We co-develop with technology providers and secure off-take through our Gulf network.",
    isic="2011 2012",
    tech="green.green_hydrogen industry.chemicals",
    sdgs="7 9 13",
    countries="EGY MAR KEN ETH UZB",
    min_trl=6,
    coop="equity joint_venture",
    amount=(5000000, 100000000, "USD"),
)
mandate(
    "mandate-falcon-food",
    "falcon",
    "en",
    "Food security: processing and storage",
    "Equity in grain storage, processing and cold-chain companies that supply the Gulf.",
    "Minimum revenue USD 5 million.",
    isic="1061 5210",
    tech="green.cold_chain industry.agro_processing",
    sdgs="2",
    countries="PAK UZB KAZ ETH SDN",
    coop="equity",
    amount=(10000000, 50000000, "USD"),
)
mandate(
    "mandate-alnoor-water",
    "alnoor",
    "en",
    "Water, irrigation and solar pumping",
    "Concessional loans for water supply, efficient irrigation and solar pumping in the "
    "Middle East, Africa and Central Asia.",
    "Public or private borrowers; sovereign guarantees accepted. Tenors up to 15 years.",
    tech="green.water_treatment green.efficient_irrigation green.solar_pv",
    sdgs="6 2 7",
    countries="JOR EGY SDN MLI NER TJK UZB",
    coop="loan",
    amount=(5000000, 50000000, "USD"),
)
mandate(
    "mandate-pearl-coldchain",
    "pearl-bay",
    "en",
    "Cold chain for fresh produce exports to the Gulf",
    "Equity for cold-chain companies that move fresh produce from South Asia and East Africa "
    "to the Gulf.",
    "We back businesses with pre-cooling, reefer logistics and data-driven routing.",
    tech="green.cold_chain ai_manufacturing.supply_chain_analytics",
    sdgs="2 9 12",
    countries="PAK IND KEN ETH TZA",
    coop="equity",
    amount=(2000000, 12000000, "USD"),
)
mandate(
    "mandate-oasis-desal",
    "oasis",
    "en",
    "Solar desalination and water reuse",
    "Project equity for solar-powered desalination and municipal water reuse.",
    "Plants of 5,000-50,000 m3/day with utility off-take.",
    tech="green.water_treatment green.solar_pv",
    sdgs="6 7",
    countries="OMN JOR EGY DJI",
    coop="equity",
    amount=(5000000, 40000000, "USD"),
)
mandate(
    "mandate-lotus-digital",
    "lotus-bridge",
    "en",
    "Factory digitalisation in South-East and South Asia",
    "Growth equity for manufacturers and software firms that bring machine vision, IoT and "
    "predictive maintenance to mid-sized factories.",
    "Tickets of USD 3-15 million; we prefer companies with recurring software revenue.",
    tech="ai_manufacturing.machine_vision ai_manufacturing.industrial_iot ai_manufacturing.predictive_maintenance",
    sdgs="9 8",
    countries="VNM IDN PHL THA BGD IND",
    min_trl=8,
    coop="equity",
    amount=(3000000, 15000000, "USD"),
)
mandate(
    "mandate-merlion-agritech",
    "merlion-agri",
    "en",
    "Agri-tech and food processing in ASEAN",
    "Series A-B equity in agri-tech, cold chain and processing companies in ASEAN.",
    "We add value through distribution partners in Singapore and Malaysia.",
    tech="green.cold_chain green.climate_smart_agriculture industry.agro_processing",
    sdgs="2 12",
    countries="VNM KHM IDN PHL LAO MMR",
    coop="equity",
    amount=(1000000, 8000000, "USD"),
)
mandate(
    "mandate-sakura-emobility",
    "sakura-gt",
    "en",
    "E-mobility and battery companies in Asia and Africa",
    "Equity for electric two- and three-wheeler makers, battery-swap networks and battery "
    "recycling.",
    "We prefer companies with local assembly and a battery second-life plan.",
    tech="green.electric_mobility green.energy_storage green.circular_economy",
    sdgs="7 11 12",
    countries="IND BGD VNM IDN KEN RWA NGA",
    coop="equity",
    amount=(2000000, 20000000, "USD"),
)
mandate(
    "mandate-sakura-materials",
    "sakura-gt",
    "en",
    "Low-carbon cement and building materials",
    "Equity and loans for producers of blended cement, unfired bricks and other low-carbon "
    "materials.",
    "Projects must reduce CO2 per tonne by at least 25 % against the local baseline.",
    tech="green.low_carbon_materials industry.construction_materials",
    sdgs="9 11 13",
    countries="IND BGD NPL VNM KEN ETH",
    min_trl=7,
    coop="equity loan",
    amount=(3000000, 25000000, "USD"),
)
mandate(
    "mandate-hanriver-export",
    "hanriver",
    "en",
    "Climate technology export partnerships",
    "Co-investment with local partners deploying climate technologies from Korean or other "
    "Asian suppliers.",
    "We finance up to 50 % of equipment cost through supplier credit.",
    tech="green.solar_pv green.energy_storage green.water_treatment green.waste_to_energy",
    sdgs="7 6 13",
    countries="UZB MNG VNM KHM KEN",
    coop="loan equity",
    amount=(1000000, 10000000, "USD"),
    status="expired",
    valid_until="2026-09-30",
)
mandate(
    "mandate-kilimanjaro-agro",
    "kilimanjaro-fund",
    "en",
    "Growth capital for East African agro-processors",
    "Equity and quasi-equity of USD 0.5-3 million for agro-processors, dairies and cold "
    "storage in East Africa.",
    "We need companies with audited accounts and strong farmer sourcing.",
    isic="1030 1050 5210",
    tech="industry.agro_processing green.cold_chain green.post_harvest",
    sdgs="2 8",
    countries="KEN TZA UGA RWA ETH",
    coop="equity loan",
    amount=(500000, 3000000, "USD"),
)
mandate(
    "mandate-sahel-acces-fr",
    "sahel-energy",
    "fr",
    "Mini-réseaux, pompage solaire et cuisson propre au Sahel",
    "Prêts et subventions remboursables pour les opérateurs de mini-réseaux, de pompage "
    "solaire et de cuisson propre au Sahel.",
    "Tickets de 200 000 à 3 millions d'euros. Les projets doivent servir des zones rurales "
    "non électrifiées et inclure des usages productifs.",
    tech="green.solar_pv green.efficient_irrigation green.clean_cooking",
    sdgs="7 2 5",
    countries="BFA MLI NER SEN TCD MRT",
    coop="loan",
    amount=(200000, 3000000, "EUR"),
)
mandate(
    "mandate-sahel-cuisson-fr",
    "sahel-energy",
    "fr",
    "Cuisson propre et transformation agricole des femmes",
    "Subventions et prêts pour les entreprises qui fournissent des foyers améliorés et des "
    "équipements de transformation aux groupements de femmes.",
    "Priorité au fumage du poisson, au karité et à l'étuvage du riz.",
    tech="green.clean_cooking industry.agro_processing",
    sdgs="5 7 3",
    countries="SEN CIV BFA GHA NGA",
    coop="loan technical_assistance",
    amount=(50000, 500000, "EUR"),
)
mandate(
    "mandate-lagos-mfg",
    "lagos-mfg",
    "en",
    "Modernising Nigerian manufacturers",
    "Equity for mid-sized manufacturers in Nigeria upgrading plants with automation and "
    "energy-efficient equipment.",
    "Target companies have revenue of USD 5-50 million.",
    tech="ai_manufacturing.process_optimisation green.energy_efficiency industry.machinery",
    sdgs="8 9",
    countries="NGA",
    coop="equity",
    amount=(2000000, 12000000, "USD"),
)
mandate(
    "mandate-andes-verde",
    "andes-verde",
    "en",
    "Sustainable agriculture and water in the Andes",
    "Equity and loans for Andean cooperatives and firms in quinoa, coffee, dairy and water "
    "services.",
    "Tickets USD 0.3-3 million; we work with cooperatives that have at least 200 members.",
    tech="industry.agro_processing green.efficient_irrigation green.water_treatment",
    sdgs="2 6 8",
    countries="PER BOL ECU COL",
    coop="equity loan",
    amount=(300000, 3000000, "USD"),
)
mandate(
    "mandate-cerrado-bio",
    "cerrado",
    "en",
    "Bioenergy and circular economy in Latin America",
    "Equity for biogas, biomass cogeneration and recycling businesses in Latin America.",
    "We co-invest with technology providers that bring proven references.",
    tech="green.bioenergy green.circular_economy green.waste_to_energy",
    sdgs="7 12 13",
    countries="BRA BOL PER COL GTM",
    coop="equity",
    amount=(2000000, 15000000, "USD"),
)
mandate(
    "mandate-steppe-textile",
    "steppe-capital",
    "en",
    "Textile and food processing in Central Asia",
    "Private equity for cotton textile and food processors in Uzbekistan and Kazakhstan.",
    "We prefer firms exporting to Europe that need to meet buyer sustainability standards.",
    tech="industry.textiles industry.agro_processing green.water_treatment",
    sdgs="8 9 12",
    countries="UZB KAZ KGZ",
    coop="equity",
    amount=(3000000, 20000000, "USD"),
)
mandate(
    "mandate-indus-textile",
    "indus-green",
    "en",
    "Energy efficiency in Pakistani textile mills",
    "Loans for motors, drives, heat recovery and rooftop solar in textile and food plants.",
    "Savings must be verified; we fund up to 80 % of project cost.",
    tech="green.energy_efficiency green.solar_pv industry.textiles",
    sdgs="7 9 13",
    countries="PAK",
    coop="loan",
    amount=(300000, 5000000, "USD"),
)
mandate(
    "mandate-bengal-rural",
    "bengal-impact",
    "en",
    "Rural clean-energy lending in Bangladesh",
    "Loans for solar irrigation, e-rickshaw conversion and community water plants.",
    "We lend to cooperatives and small enterprises with a supplier warranty.",
    tech="green.solar_pv green.efficient_irrigation green.electric_mobility green.water_treatment",
    sdgs="2 6 7 11",
    countries="BGD",
    coop="loan",
    amount=(20000, 1000000, "USD"),
)
mandate(
    "mandate-mekong-green",
    "mekong-capital-green",
    "en",
    "Circular economy and agri-food in Viet Nam and Cambodia",
    "Equity for rice-husk energy, plastic recycling and food processing companies.",
    "Tickets USD 1-6 million.",
    tech="green.waste_to_energy green.circular_economy industry.agro_processing",
    sdgs="7 12 8",
    countries="VNM KHM LAO",
    coop="equity",
    amount=(1000000, 6000000, "USD"),
)
mandate(
    "mandate-atlas-agro",
    "atlas-dfi",
    "en",
    "Agro-industrial zones and processors in Africa",
    "Long-term loans for agro-processing plants and agro-industrial parks across Africa.",
    "We finance projects above USD 10 million with sponsors holding at least 30 % equity.",
    tech="industry.agro_processing green.cold_chain infrastructure.transport_logistics",
    sdgs="2 8 9",
    countries="CIV NGA GHA ETH KEN TZA MOZ SEN",
    coop="loan",
    amount=(10000000, 80000000, "USD"),
)
mandate(
    "mandate-gulf-food",
    "gulf-food",
    "en",
    "Farmland-to-port food supply chains",
    "Strategic equity in integrated food supply chains, from farms to processing and port "
    "logistics.",
    "Control or joint control preferred.",
    tech="industry.agro_processing green.cold_chain infrastructure.transport_logistics",
    sdgs="2 9",
    countries="SDN ETH PAK KAZ UZB",
    coop="equity joint_venture",
    amount=(20000000, 150000000, "USD"),
    disclosure="anonymous",
)
mandate(
    "mandate-anon-family-office",
    "gulf-food",
    "en",
    "Family office: minority stakes in cold-chain start-ups",
    "A Gulf family office takes minority stakes in cold-chain and post-harvest start-ups "
    "with proven unit economics.",
    "Tickets of USD 250,000-2 million; quick decisions within eight weeks.",
    tech="green.cold_chain green.post_harvest",
    sdgs="2 12",
    countries="KEN NGA PAK BGD EGY",
    coop="equity",
    amount=(250000, 2000000, "USD"),
    disclosure="anonymous",
)

# --- Mandates of Chinese investors ----------------------------------------------------------

mandate(
    "mandate-jade-agro",
    "jade-silk",
    "zh",
    "“一带一路”农产品加工项目股权投资",
    "投资沿线国家的农产品加工项目，优先支持采用中国成熟装备、与当地合作社合作的项目，单笔投资1000万至8000万元人民币。",
    "我们通常持股20%–49%，可协助引入中国设备供应商和工程承包商。"
    "项目需有稳定的原料来源和销售渠道，并符合当地环境与社会标准。",
    isic="1030 1061 1062",
    tech="industry.agro_processing green.post_harvest",
    sdgs="2 8 9",
    countries="UZB KAZ KEN ETH NGA KHM",
    coop="equity joint_venture",
    amount=(10000000, 80000000, "CNY"),
)
mandate(
    "mandate-jade-industrial-park",
    "jade-silk",
    "zh",
    "境外产业园区基础设施与标准厂房",
    "投资境外经贸合作区的供电、供水、污水处理和标准厂房，支持中国制造企业集群出海。",
    "园区需获得东道国政府批准并具备明确的招商计划。可提供股权和股东贷款组合。",
    isic="6810 3600 3510",
    tech="infrastructure.urban_services infrastructure.power_grid green.water_treatment",
    sdgs="9 11",
    countries="ETH EGY UZB KHM IDN",
    coop="equity loan",
    amount=(50000000, 300000000, "CNY"),
)
mandate(
    "mandate-jade-textile",
    "jade-silk",
    "zh",
    "纺织服装产能合作项目",
    "支持中国纺织企业在东非、中亚和东南亚建设绿色纺织和服装工厂。",
    "要求项目采用节水印染和高效电机等绿色工艺，并优先雇用当地员工。",
    isic="1311 1313 1410",
    tech="industry.textiles green.water_treatment green.energy_efficiency",
    sdgs="8 9 12",
    countries="ETH KEN UZB VNM BGD",
    coop="equity joint_venture",
    amount=(20000000, 150000000, "CNY"),
)
mandate(
    "mandate-yangtze-minigrid",
    "yangtze-ss",
    "zh",
    "中资技术企业海外离网光伏与储能合资项目",
    "以股权方式支持中国光伏、储能企业与发展中国家本地开发商组建合资公司，单笔500万至5000万元人民币。",
    "基金要求中方企业以技术和设备入股，当地合作方负责许可、用户开发和运营。"
    "我们可协调南南合作资金提供前期技术援助。",
    tech="green.solar_pv green.energy_storage infrastructure.power_grid",
    sdgs="7 13 17",
    countries="ETH MDG NGA ZMB MMR TZA",
    min_trl=9,
    coop="equity joint_venture",
    amount=(5000000, 50000000, "CNY"),
)
mandate(
    "mandate-yangtze-cold",
    "yangtze-ss",
    "zh",
    "冷链与产后减损技术推广",
    "支持中国冷链、干燥设备企业在非洲和南亚建立本地组装、销售和服务网络。",
    "优先支持可以按箱收费、以租代购等创新商业模式。单笔投资300万至3000万元人民币。",
    tech="green.cold_chain green.post_harvest green.solar_thermal",
    sdgs="2 12 17",
    countries="KEN NGA TZA BGD PAK",
    coop="equity loan",
    amount=(3000000, 30000000, "CNY"),
)
mandate(
    "mandate-yangtze-water",
    "yangtze-ss",
    "zh",
    "发展中国家小城镇供水与污水处理",
    "投资采用中国模块化水处理设备的小城镇供水和工业废水处理项目。",
    "项目需有水务公司或园区的长期购水或服务协议。",
    tech="green.water_treatment infrastructure.urban_services",
    sdgs="6 11",
    countries="BOL JOR ZMB KEN TZA",
    coop="equity loan",
    amount=(5000000, 40000000, "CNY"),
    status="in_review",
)
mandate(
    "mandate-yangtze-biogas",
    "yangtze-ss",
    "zh",
    "农业废弃物沼气与生物质能源",
    "支持农产品加工废水沼气、稻壳气化等生物质能源项目，优先考虑由加工企业自用能源的项目。",
    "项目内部收益率一般不低于10%，投资回收期不超过六年。",
    tech="green.bioenergy green.waste_to_energy",
    sdgs="7 12 13",
    countries="ETH NGA VNM KHM COL",
    coop="equity",
    amount=(3000000, 25000000, "CNY"),
)
mandate(
    "mandate-pearlriver-vision",
    "pearl-river-vc",
    "zh",
    "工业视觉与质量检测初创企业",
    "投资机器视觉、缺陷检测和质量追溯方向的A轮至B轮初创企业，单轮投资1000万至5000万元人民币。",
    "我们看重已在制造企业落地并产生重复订单的产品，以及开拓东南亚和南亚市场的能力。",
    tech="ai_manufacturing.machine_vision ai_manufacturing.quality_traceability",
    sdgs="9",
    countries="CHN VNM IND",
    min_trl=7,
    coop="equity",
    amount=(10000000, 50000000, "CNY"),
)
mandate(
    "mandate-pearlriver-robotics",
    "pearl-river-vc",
    "zh",
    "协作机器人与柔性制造",
    "投资面向中小工厂的协作机器人、视觉引导和柔性产线企业。",
    "优先支持能在海外提供租赁或按产量付费模式的企业。",
    tech="ai_manufacturing.robotics ai_manufacturing.machine_vision",
    sdgs="9 8",
    countries="CHN VNM IDN",
    min_trl=7,
    coop="equity",
    amount=(8000000, 40000000, "CNY"),
)
mandate(
    "mandate-pearlriver-pdm",
    "pearl-river-vc",
    "zh",
    "预测性维护与工业物联网",
    "投资预测性维护、设备健康管理和工业物联网平台企业，关注钢铁、水泥、纺织等行业。",
    "要求产品已有付费客户，海外项目可作为加分项。",
    tech="ai_manufacturing.predictive_maintenance ai_manufacturing.industrial_iot",
    sdgs="9",
    countries="CHN",
    min_trl=7,
    coop="equity",
    amount=(5000000, 30000000, "CNY"),
)
mandate(
    "mandate-pearlriver-twin",
    "pearl-river-vc",
    "zh",
    "数字孪生与供应链分析",
    "投资数字孪生、供应链优化和能源管理软件企业。",
    "单轮投资500万至3000万元人民币，重点关注港口、水务和制造业场景。",
    tech="ai_manufacturing.digital_twin ai_manufacturing.supply_chain_analytics ai_manufacturing.energy_management",
    sdgs="9",
    countries="CHN",
    min_trl=6,
    coop="equity",
    amount=(5000000, 30000000, "CNY"),
    status="draft",
)
mandate(
    "mandate-zj-agri-machinery",
    "zhejiang-agri-fund",
    "zh",
    "浙江农机与冷链企业海外布局",
    "支持浙江农机、冷链和食品机械企业在海外设立组装厂、服务中心和示范项目。",
    "单笔投资200万至2000万元人民币，可与浙江企业共同投资。",
    tech="industry.machinery green.cold_chain industry.agro_processing",
    sdgs="2 9",
    countries="UZB KEN TZA NGA VNM",
    coop="equity joint_venture",
    amount=(2000000, 20000000, "CNY"),
)
mandate(
    "mandate-zj-tea",
    "zhejiang-agri-fund",
    "zh",
    "茶叶加工装备与茶园数字化",
    "投资茶叶加工节能装备和茶园数字化项目，重点关注东非和南亚产茶国。",
    "优先支持与当地茶厂合资的项目。",
    tech="industry.agro_processing green.energy_efficiency",
    sdgs="8 9",
    countries="KEN RWA LKA NPL",
    coop="equity joint_venture",
    amount=(2000000, 15000000, "CNY"),
)
mandate(
    "mandate-zj-irrigation",
    "zhejiang-agri-fund",
    "zh",
    "节水灌溉与光伏提水",
    "支持光伏提水和滴灌设备企业开拓非洲、南亚和中亚市场。",
    "可提供经销商库存融资和示范项目资金。",
    tech="green.efficient_irrigation green.solar_pv",
    sdgs="2 6 7",
    countries="BGD PAK BFA ETH UZB",
    coop="loan equity",
    amount=(1000000, 10000000, "CNY"),
)
mandate(
    "mandate-hongqiao-leasing-ev",
    "hongqiao-green",
    "zh",
    "海外电动两轮车和三轮车车队融资租赁",
    "为海外电动摩托车、三轮车车队运营商提供融资租赁，单笔规模100万至3000万元人民币。",
    "要求运营商有一年以上的车队运营数据和可靠的收费系统，车辆须带远程定位和锁车功能。",
    tech="green.electric_mobility green.energy_storage",
    sdgs="7 11 13",
    countries="RWA KEN UGA NGA BGD",
    coop="loan",
    amount=(1000000, 30000000, "CNY"),
)
mandate(
    "mandate-hongqiao-leasing-solar",
    "hongqiao-green",
    "zh",
    "工商业光伏与储能设备融资租赁",
    "为海外工厂、冷库和园区的光伏和储能设备提供融资租赁，期限三至八年。",
    "承租人需有三年以上经营记录，电费节省需覆盖租金的1.2倍以上。",
    tech="green.solar_pv green.energy_storage",
    sdgs="7 13",
    countries="PAK KEN NGA EGY VNM PHL",
    coop="loan",
    amount=(2000000, 50000000, "CNY"),
)
mandate(
    "mandate-hongqiao-leasing-efficiency",
    "hongqiao-green",
    "zh",
    "节能设备融资租赁（电机、热泵、空压机）",
    "为海外制造企业的高效电机、热泵和空压机改造提供融资租赁。",
    "可与设备厂商的节能量保证结合。",
    tech="green.energy_efficiency industry.machinery",
    sdgs="7 9",
    countries="PAK ETH UZB BGD",
    coop="loan",
    amount=(1000000, 20000000, "CNY"),
)
mandate(
    "mandate-ssf-cofinance",
    "itpo-network",
    "zh",
    "南南技术转移项目前期联合融资窗口",
    "为平台上撮合成功的技术转移项目提供可行性研究、试点和培训的前期资金。",
    "单个项目资助5万至50万美元，需与企业自有资金按1:1配套。"
    "优先支持绿色低碳和面向制造业的人工智能技术。",
    tech="green.solar_pv green.post_harvest green.water_treatment ai_manufacturing.machine_vision ai_manufacturing.predictive_maintenance",
    sdgs="9 17 13",
    countries="ETH KEN NGA BGD PAK UZB PER BOL VNM",
    coop="technical_assistance",
    amount=(50000, 500000, "USD"),
)
mandate(
    "mandate-ssf-inbound",
    "itpo-network",
    "en",
    "Co-financing window for foreign technology entering China",
    "Matching funds for pilots in which a foreign technology provider and a Chinese company "
    "test a green or AI-for-industry technology in China.",
    "Up to USD 200,000 per pilot, matched 1:1 by the partners. Pilots should last 6-18 "
    "months and lead to licensing or a joint venture.",
    tech="green.water_treatment green.energy_efficiency ai_manufacturing.digital_twin green.efficient_irrigation",
    sdgs="9 17",
    countries="CHN",
    coop="technical_assistance joint_rnd",
    amount=(50000, 200000, "USD"),
)
mandate(
    "mandate-jade-mining",
    "jade-silk",
    "zh",
    "矿业绿色选冶与尾矿水处理",
    "投资非洲和中亚矿业项目中的选冶节能和尾矿水处理设施。",
    "要求项目符合东道国环境法规和国际环境社会标准。",
    isic="0729 3600",
    tech="industry.mining_processing green.water_treatment green.pollution_control",
    sdgs="6 9 12",
    countries="ZMB COD MNG KAZ",
    coop="equity loan",
    amount=(30000000, 200000000, "CNY"),
)
mandate(
    "mandate-yangtze-cookstove",
    "yangtze-ss",
    "zh",
    "清洁炊事与碳信用项目",
    "投资清洁炉灶推广和碳信用开发项目，支持中国炉具企业与当地分销商合作。",
    "项目需采用认可的碳核算方法并有清晰的利益分配机制。",
    tech="green.clean_cooking",
    sdgs="3 5 7 13",
    countries="KEN UGA MWI GHA NGA",
    coop="equity",
    amount=(2000000, 15000000, "CNY"),
    status="expired",
    valid_until="2026-05-31",
)
mandate(
    "mandate-jade-logistics",
    "jade-silk",
    "zh",
    "中亚跨境物流与冷链枢纽",
    "投资中亚跨境公路、铁路物流枢纽和冷链仓库。",
    "优先支持服务中国—中亚农产品贸易的项目。",
    tech="infrastructure.transport_logistics green.cold_chain",
    sdgs="9 2",
    countries="UZB KAZ KGZ TJK",
    coop="equity joint_venture",
    amount=(30000000, 200000000, "CNY"),
)
mandate(
    "mandate-pearlriver-health",
    "pearl-river-vc",
    "zh",
    "医疗器械与数字医疗出海",
    "投资面向发展中国家基层医疗的便携医疗设备和远程诊断企业。",
    "单轮投资500万至2500万元人民币。",
    tech="health.medical_devices health.digital_health",
    sdgs="3",
    countries="TZA KEN NGA PAK",
    min_trl=8,
    coop="equity",
    amount=(5000000, 25000000, "CNY"),
)
mandate(
    "mandate-zj-fintech",
    "zhejiang-agri-fund",
    "zh",
    "农业供应链金融科技",
    "投资为合作社和农户提供移动支付、订单融资和供应链金融的科技企业。",
    "关注东非和东南亚市场。",
    tech="digital.fintech ai_manufacturing.supply_chain_analytics",
    sdgs="1 8",
    countries="KEN UGA TZA VNM PHL",
    coop="equity",
    amount=(3000000, 15000000, "CNY"),
)
mandate(
    "mandate-hongqiao-leasing-cold",
    "hongqiao-green",
    "zh",
    "冷库与冷藏车融资租赁",
    "为海外冷链服务商提供冷库设备和冷藏车融资租赁。",
    "单笔200万至2000万元人民币，期限三至五年。",
    tech="green.cold_chain",
    sdgs="2 12",
    countries="KEN NGA PAK BGD VNM",
    coop="loan",
    amount=(2000000, 20000000, "CNY"),
)

# ============================================================================================
# Investment projects
# ============================================================================================

project(
    "project-meru-drying-plant",
    "meru-mango",
    "en",
    "Meru dried-mango plant: from 40 to 600 tonnes of fruit a season",
    "A cooperative-owned drying and packing plant for mango and pineapple, seeking USD 0.9 "
    "million in equity and loans to install hybrid solar dryers and a certified packhouse.",
    "The plant would turn 600 tonnes of surplus fruit into 60 tonnes of organic dried fruit "
    "a year, for which a German importer has signed a letter of intent. Revenue is "
    "projected at USD 720,000 in year three with 55 seasonal jobs, mostly for women. The "
    "cooperative contributes land, buildings and USD 150,000.",
    isic="1030",
    tech="green.solar_thermal green.post_harvest industry.agro_processing",
    sdgs="2 5 8 12",
    countries="KEN",
    trl=8,
    coop="equity loan",
    amount=(900000, 900000, "USD"),
    co2=60,
)
project(
    "project-sidama-biogas",
    "sidama-coffee",
    "en",
    "Biogas and wastewater treatment at six coffee washing stations",
    "A USD 1.4 million programme to treat coffee wastewater at six stations and use the "
    "biogas to dry parchment coffee.",
    "The treatment plants remove more than 90 % of COD before discharge and produce about "
    "500 MWh of biogas energy a year. The union will repay a loan from the premium paid by "
    "buyers for certified sustainable coffee. A pilot station will be built first.",
    isic="1079 3700",
    tech="green.bioenergy green.water_treatment",
    sdgs="6 7 12",
    countries="ETH",
    trl=8,
    coop="loan technical_assistance",
    amount=(1200000, 1400000, "USD"),
    mwh=500,
    co2=1100,
)
project(
    "project-ogun-biogas",
    "ogun-cassava",
    "en",
    "Cassava effluent to biogas: replacing 700,000 litres of diesel a year",
    "Covered lagoons and a biogas burner for the flash dryer of a cassava starch mill, "
    "seeking USD 2.2 million.",
    "The project would save about USD 800,000 a year in diesel and stop odour complaints "
    "from neighbours. The sponsor brings 30 % equity and seeks a loan for the rest. "
    "Payback is estimated at 3.5 years.",
    isic="1062 3700",
    tech="green.bioenergy green.waste_to_energy",
    sdgs="6 7 13",
    countries="NGA",
    trl=9,
    coop="loan equity",
    amount=(2200000, 2200000, "USD"),
    mwh=6000,
    co2=4000,
)
project(
    "project-fergana-cluster",
    "fergana-apricot",
    "en",
    "Fergana dried-fruit hub: drying, sorting and export packing",
    "A USD 3.5 million hub with hybrid solar dryers, optical sorting and cold storage for "
    "apricots and raisins.",
    "The hub would process 8,000 tonnes of fresh fruit and reach EU food-safety standards. "
    "Sponsors seek a minority equity partner and a technology partner for the dryers.",
    isic="1030 5210",
    tech="green.solar_thermal green.post_harvest ai_manufacturing.machine_vision",
    sdgs="2 8 12",
    countries="UZB",
    trl=8,
    coop="equity joint_venture",
    amount=(3500000, 3500000, "USD"),
)
project(
    "project-mekong-husk-power",
    "mekong-rice",
    "en",
    "2 MW rice-husk gasification power plant at a Mekong rice mill",
    "Power and drying heat from the mill's own husk, cutting grid purchases by 80 %.",
    "Total cost is USD 2.8 million. The sponsor seeks a joint-venture partner that brings "
    "gasifier technology and part of the equity. Char is sold to fertiliser blenders.",
    isic="1061 3510",
    tech="green.bioenergy green.waste_to_energy",
    sdgs="7 12 13",
    countries="VNM",
    trl=8,
    coop="joint_venture equity loan",
    amount=(2800000, 2800000, "USD"),
    mwh=12000,
    co2=7000,
)
project(
    "project-gazipur-water",
    "gazipur-knit",
    "en",
    "Water-saving dye house retrofit and effluent recycling",
    "A USD 4 million retrofit of a knit dye house with low-liquor-ratio machines and "
    "membrane recycling of 50 % of effluent.",
    "Water use would fall from 3,600 to 1,700 m3 a day and steam use by 30 %. Two European "
    "buyers support the project in their supplier programmes.",
    isic="1313",
    tech="industry.textiles green.water_treatment green.energy_efficiency",
    sdgs="6 12",
    countries="BGD",
    trl=9,
    coop="loan",
    amount=(4000000, 4000000, "USD"),
    mwh=4000,
    co2=1500,
)
project(
    "project-cusco-quinoa",
    "cusco-quinoa",
    "en",
    "Quinoa processing and packing plant for an Andean cooperative",
    "A USD 650,000 plant to clean, dry-scarify and pack organic quinoa for export.",
    "The plant doubles the price the cooperative earns per kilogram and employs 18 people "
    "year-round.",
    isic="1061",
    tech="industry.agro_processing",
    sdgs="2 8",
    countries="PER",
    trl=9,
    coop="loan equity",
    amount=(650000, 650000, "USD"),
)
project(
    "project-dolakha-hydro",
    "nepal-hydro",
    "en",
    "Second community micro-hydro plant (150 kW) in Dolakha",
    "A community-owned 150 kW plant that electrifies 600 households and powers a dairy "
    "chilling centre.",
    "Cost is USD 420,000, with 40 % from a national subsidy. The cooperative seeks a soft "
    "loan for the rest and an equipment supplier.",
    isic="3510",
    tech="green.small_hydro",
    sdgs="7 1",
    countries="NPL",
    trl=9,
    coop="loan supply",
    amount=(250000, 250000, "USD"),
    mwh=900,
    co2=300,
)
project(
    "project-kigali-emoto",
    "kigali-moto",
    "en",
    "Electric moto-taxi fleet and battery-swap network in Kigali",
    "300 electric motorcycles and 6 swap stations, seeking USD 0.8 million in lease financing.",
    "Riders pay a daily fee that is lower than their current fuel cost. A Chinese supplier "
    "has offered local assembly.",
    isic="4922",
    tech="green.electric_mobility green.energy_storage",
    sdgs="7 11 13",
    countries="RWA",
    trl=9,
    coop="loan equity",
    amount=(800000, 800000, "USD"),
    co2=330,
)
project(
    "project-zarqa-nrw",
    "amman-water",
    "en",
    "Non-revenue water reduction programme, phase 1",
    "A USD 12 million programme to build a network digital twin, install pressure "
    "management and replace 60 km of pipes.",
    "Phase 1 should save 8 million m3 of water and 6 GWh of pumping energy a year. The "
    "utility seeks a concessional loan and a performance-based contractor.",
    isic="3600",
    tech="ai_manufacturing.digital_twin infrastructure.urban_services",
    sdgs="6 11",
    countries="JOR",
    trl=8,
    coop="loan technical_assistance",
    amount=(12000000, 12000000, "USD"),
    mwh=6000,
    co2=3600,
)
project(
    "project-korhogo-cajou-fr",
    "korhogo-cashew",
    "fr",
    "Usine de transformation de cajou de Korhogo",
    "Une usine de 5 000 tonnes par an de noix brutes, avec chaudière alimentée par les "
    "coques, pour un investissement de 3,2 millions d'euros.",
    "L'usine créerait 400 emplois, majoritairement féminins, et vendrait des amandes "
    "blanches entières en Europe et au Moyen-Orient. L'union apporte le terrain et cherche "
    "un investisseur en fonds propres et un prêt à long terme.",
    isic="1030",
    tech="industry.agro_processing green.waste_to_energy",
    sdgs="5 8 9",
    countries="CIV",
    trl=9,
    coop="equity loan",
    amount=(3200000, 3200000, "EUR"),
)
project(
    "project-casamance-fr",
    "casamance-mango",
    "fr",
    "Centre de séchage de mangues de Ziguinchor",
    "Un centre de séchage solaire hybride de 400 tonnes de mangues fraîches par saison, "
    "pour 280 000 euros.",
    "Le centre emploierait 60 femmes en saison. Un acheteur français de fruits secs "
    "biologiques s'est engagé sur les deux premières récoltes.",
    isic="1030",
    tech="green.solar_thermal green.post_harvest",
    sdgs="2 5 12",
    countries="SEN",
    trl=8,
    coop="loan technical_assistance",
    amount=(280000, 280000, "EUR"),
)
project(
    "project-menabe-fr",
    "menabe-village",
    "fr",
    "Mini-réseaux solaires du Menabe : 12 villages, 4 500 foyers",
    "Un projet de 2,1 millions d'euros pour électrifier douze villages avec des "
    "mini-réseaux solaires et des usages productifs.",
    "Le modèle combine une subvention par raccordement et une dette à long terme. "
    "L'association cherche un développeur partenaire et un investisseur.",
    isic="3510",
    tech="green.solar_pv green.energy_storage",
    sdgs="7 1 13",
    countries="MDG",
    trl=9,
    coop="equity loan joint_venture",
    amount=(2100000, 2100000, "EUR"),
    mwh=700,
    co2=500,
    status="in_review",
)
project(
    "project-copperbelt-water",
    "copperbelt-water",
    "en",
    "Mine water treatment and reuse plant, Kitwe",
    "A 3,000 m3/day plant that treats acid mine drainage and returns water to two mines, "
    "seeking USD 5 million.",
    "The mines have signed 10-year water purchase agreements.",
    isic="3600 3700",
    tech="green.water_treatment green.pollution_control",
    sdgs="6 12",
    countries="ZMB",
    trl=8,
    coop="equity loan",
    amount=(5000000, 5000000, "USD"),
)
project(
    "project-uva-tea",
    "lanka-tea",
    "en",
    "Biomass heat and efficient withering at a Uva tea factory",
    "Replacing 4,500 tonnes of firewood a year with a pellet-fired hot-air system and "
    "efficient withering fans.",
    "Investment USD 600,000; payback four years.",
    isic="1079",
    tech="green.bioenergy green.energy_efficiency",
    sdgs="7 15",
    countries="LKA",
    trl=9,
    coop="loan",
    amount=(600000, 600000, "USD"),
    co2=2000,
)
project(
    "project-hongqiao-park-zh",
    "changning-park",
    "zh",
    "虹桥绿色产业园光储充一体化项目",
    "园区屋顶光伏12兆瓦、储能10兆瓦时和120个充电桩，总投资约1.2亿元人民币，寻求境内外股权投资方。",
    "项目所发电量由园区企业以折扣电价消纳，预计年发电约1300万千瓦时。"
    "欢迎具有绿色基础设施投资经验的外资基金参与，持股比例可达49%。",
    isic="3510 6810",
    tech="green.solar_pv green.energy_storage green.electric_mobility",
    sdgs="7 11 13",
    countries="CHN",
    trl=9,
    coop="equity joint_venture",
    amount=(120000000, 120000000, "CNY"),
    mwh=13000,
    co2=7500,
)
project(
    "project-quzhou-wte-zh",
    "zhejiang-wte",
    "zh",
    "衢州农林废弃物综合利用项目",
    "建设日处理400吨农林废弃物的生物质热电联产及有机肥项目，总投资约2.6亿元人民币，寻求外资合作。",
    "项目年供热约30万吨蒸汽，发电约1.1亿千瓦时，并生产有机肥3万吨。"
    "希望引入具备先进燃烧和烟气净化技术的国际合作伙伴。",
    isic="3510 3821",
    tech="green.waste_to_energy green.bioenergy green.pollution_control",
    sdgs="7 12 13",
    countries="CHN",
    trl=9,
    coop="equity joint_venture",
    amount=(260000000, 260000000, "CNY"),
    mwh=110000,
    co2=60000,
)
project(
    "project-changshu-reuse-zh",
    "jiangsu-dyehouse",
    "zh",
    "常熟印染废水中水回用改造项目",
    "新建日处理4500立方米的印染废水深度处理和回用系统，总投资约3500万元人民币。",
    "回用率目标60%，每年减少取水约100万立方米。希望引进国外膜技术并吸收技术方参股。",
    isic="1313 3700",
    tech="green.water_treatment industry.textiles",
    sdgs="6 12",
    countries="CHN",
    trl=8,
    coop="joint_venture licensing",
    amount=(35000000, 35000000, "CNY"),
)
project(
    "project-weifang-heatpump-zh",
    "shandong-dairy",
    "zh",
    "潍坊乳品厂余热回收热泵示范项目",
    "用4兆瓦工业热泵替代燃气锅炉，总投资约1200万元人民币，寻求技术合作方和融资租赁。",
    "预计年减少天然气消耗约250万立方米，减排二氧化碳约5000吨。",
    isic="1050",
    tech="green.energy_efficiency",
    sdgs="7 13",
    countries="CHN",
    trl=9,
    coop="joint_venture loan",
    amount=(12000000, 12000000, "CNY"),
    mwh=12000,
    co2=5000,
)
project(
    "project-pekalongan-ice",
    "java-fishery",
    "en",
    "Pekalongan harbour ice plant and cold store",
    "A USD 900,000 flake-ice plant and 200-tonne cold store owned by a fishing cooperative.",
    "Ice sales and storage fees cover debt service. Rooftop solar supplies a quarter of the power.",
    isic="1020 5210",
    tech="green.cold_chain green.solar_pv",
    sdgs="2 14",
    countries="IDN",
    trl=9,
    coop="loan",
    amount=(900000, 900000, "USD"),
    status="draft",
)
project(
    "project-battambang-husk",
    "cambodia-rice",
    "en",
    "Rice-husk power for nine mills in Battambang",
    "Nine husk gasifiers of 200-500 kW, with surplus power sold to neighbouring businesses.",
    "Total cost USD 2.4 million. The group sought a joint-venture partner in 2025.",
    isic="1061 3510",
    tech="green.bioenergy green.waste_to_energy",
    sdgs="7 12",
    countries="KHM",
    trl=8,
    coop="joint_venture loan",
    amount=(2400000, 2400000, "USD"),
    status="expired",
    valid_until="2026-04-30",
)


if __name__ == "__main__":
    sys.exit(main())
