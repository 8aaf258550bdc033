"""Subject words for pooling: a record and a candidate that both name a subject (in English,
French or Chinese, in their title or teaser) are put in the judging pool. The list is broad on
purpose: it only decides what gets read, not what is relevant."""

from __future__ import annotations

import re
from collections.abc import Mapping

# subject -> one pattern; Latin words are matched at word starts, Chinese as written.
SUBJECTS: Mapping[str, str] = {
    "mango": r"\bmango|\bmangue|芒果",
    "fruit": r"\bfruit|apricot|abricot|pineapple|raisin|citrus|kinnow|guava|水果|果蔬|杏|干果",
    "drying": r"\bdr(y|ied|ier|iers|ying|yer|yers)\b|dehydrat|\bséch|干燥|烘干|晾晒|干燥机",
    "cold chain": r"\bcold\b|\bcool|\bchill|refrigerat|\bfreez|\bice\b|flake-ice|reefer|\bfroid"
    r"|frigorif|冷库|冷链|冷藏|冷却|制冰|片冰|冰",
    "dairy": r"\bmilk|\bdairy|\bdairies|\blait|乳|奶",
    "fish": r"\bfish|\bshrimp|seafood|aquacult|\bpoisson|\bpêche|鱼|虾|渔",
    "cocoa": r"\bcocoa|\bcacao|可可",
    "coffee": r"\bcoffee|\bcafé|咖啡",
    "tea": r"\btea\b|\bthé\b|茶",
    "cashew": r"\bcashew|\bcajou|腰果",
    "cassava": r"\bcassava|\bmanioc|\bgari\b|木薯",
    "rice": r"\brice\b|\bpaddy|\briz\b|稻|碾米|大米",
    "grain": r"\bgrain|\bmaize|\bwheat|\bflour|hammer mill|céréal|谷物|玉米|面粉|粮",
    "tomato": r"\btomato|\btomate|番茄",
    "vegetables": r"\bvegetable|horticult|lettuce|\bherbs?\b|\bbeans?\b|légume|maraîch|蔬菜|园艺",
    "nuts and seeds": r"\bnuts?\b|\bshea\b|karité|quinoa|cardamom|\bnoix\b|坚果",
    "agro-processing": r"agro-?process|food[- ]process|agri-?food|agro-?industr|agribusiness"
    r"|agroalimentaire|transformation agr|农产品加工|食品",
    "post-harvest": r"post-?harvest|food losses|storage capacity|产后|减损",
    "solar": r"\bsolar|photovolta|\bpv\b|solaire|太阳能|光伏",
    "electrification": r"mini-?grids?|micro-?grids?|off-grid|electrification|access to electricity"
    r"|mini-réseau|électrification|微电网|离网",
    "batteries": r"\bbatter(y|ies)|lithium|energy storage|batterie|储能|电池",
    "power": r"\bpower (plant|generation|sector|supply|transmission|distribution)|electricity"
    r"|\belectric power|transmission|électricité|电力|发电|电网",
    "hydropower": r"\bhydro\b|hydropower|hydroelectr|hydro-?power|micro-hydro|\bturbine|水电"
    r"|hydroélectr",
    "wind": r"\bwind\b|éolien|风电|风能",
    "biogas": r"\bbiogas|anaerob|digester|methane|biogaz|沼气|厌氧",
    "biomass": r"\bbiomass|\bhusk|bagasse|\bpellet|gasif|briquet|firewood|biomasse|生物质|稻壳"
    r"|甘蔗渣|气化|薪柴",
    "wastewater": r"wastewater|waste water|\beffluent|sewage|sanitation|eaux usées|margines"
    r"|assainissement|废水|污水|中水",
    "water supply": r"water supply|drinking water|\bpotable|water treatment|borehole|desalinat"
    r"|water utilit|non-revenue water|water services|\bwater and|eau potable|供水|净水|饮用水|水处理",
    "irrigation": r"\birrigat|\bdrip\b|\bpumps?\b|\bpumping|goutte-à-goutte|\bpompage|灌溉|滴灌"
    r"|提水|水泵",
    "greenhouse": r"greenhouse|hydroponic|\bserres?\b|温室|\bflowers?\b|floricult|花卉",
    "energy efficiency": r"energy[- ]efficien|\bmotors?\b|variable-speed|heat recovery"
    r"|heat[- ]pumps?|energy audit|energy management|sub-metering|efficacité énergétique"
    r"|节能|能效|电机|余热|热泵",
    "textiles": r"textile|\bspinning|weaving|\bknit|\bdye|garment|apparel|\bfabric|\bcotton"
    r"|denim|cashmere|scouring|teinture|纺织|印染|纺纱|服装|面料|染色|纺",
    "inspection": r"machine[- ]vision|inspection|\bcamera|optical sort|\bsorting|视觉|检测|分选",
    "condition monitoring": r"predictive maintenance|condition monitoring|vibration|\bsensors?\b"
    r"|\biot\b|预测性维护|振动|传感器|物联网|设备健康",
    "digital twin": r"digital twin|数字孪生|jumeau numérique",
    "traceability": r"traceab|deforestation|geolocation|追溯|毁林|traçabilité",
    "payments": r"\bpayments?\b|mobile money|fintech|financial inclusion|credit history"
    r"|paiement|支付|金融科技",
    "e-mobility": r"electric (moto|motorcycle|vehicle|bus|tricycle|rickshaw)|e-mobility"
    r"|e-rickshaw|battery[- ]swap|moto-taxi|two-wheeler|three-wheeler|\bmotos?\b|电动|换电",
    "transport": r"\broads?\b|highway|\brail|\bports?\b|logistic|\btransport|corridor|\bbridges?"
    r"|物流|公路|铁路|港|码头|logistique",
    "building materials": r"\bbricks?\b|\bkilns?\b|\bcement|clinker|building material"
    r"|construction material|\bblocks\b|砖|水泥|窑|brique|ciment",
    "ceramics": r"ceramic|\btiles?\b|陶瓷",
    "cooking": r"\bstoves?\b|cookstove|\bcooking|\bovens?\b|\bsmok(e|ing|ers)|\bfoyers?\b"
    r"|cuisson|炉灶|炊事|灶|熏",
    "recycling": r"recycl|plastic|\bpet\b|solid waste|landfill|waste management|packaging|回收"
    r"|塑料|垃圾|废弃物|déchets",
    "mining": r"\bmines?\b|\bmining|tailing|minier|矿",
    "health": r"\bhealth|hospital|clinic|vaccin|\bmedical|ultrasound|医院|医疗|疫苗|santé",
    "hydrogen": r"hydrogen|ammonia|fertili[sz]er|electroly|氢|氨|化肥|engrais",
    "automation": r"\brobot|automation|\bcobot|机器人|自动化",
    "metals": r"\bsteel|rolling mill|\bmetal|钢|金属",
    "telecoms": r"telecom|\bict\b|broadband|connectivity|通信|基站",
    "industrial parks": r"industrial (park|zone)s?|economic zone|agro-industrial park|园区|产业园"
    r"|合作区",
    "agriculture": r"agricultur|\bfarmers?\b|\bfarms?\b|smallholder|\bcrops?\b|agricole|农业|农户",
    "cities": r"municipal|\burban|\bcity\b|\bcities|城镇|城市|urbain",
    "small firms": r"\bsmes?\b|small and medium|msme|\bpme\b|中小",
}

_COMPILED = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in SUBJECTS.items()}


def subjects_of(text: str) -> frozenset[str]:
    """The subjects a text names."""
    return frozenset(name for name, pattern in _COMPILED.items() if pattern.search(text))
