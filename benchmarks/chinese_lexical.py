"""How Chinese text is best indexed for BM25: jieba's words, character bigrams, or both.

Each scheme of `itpo.matching.text.CHINESE_INDEX` is measured on
- the cross-lingual pairs (tests/data/crosslingual_pairs.json): a Chinese query finds its
  English pair first, an English query its Chinese pair, in the live hybrid engine;
- the demo's Chinese records: each title, and each teaser, finds its own record among the
  restricted details of every illustrative record (BM25 alone and hybrid);
- short Chinese searches with judged records, over the public title and teaser of every
  illustrative record (BM25 alone and hybrid).
Prints JSON (nDCG@10, Recall@100, MRR@10; first-hit rates for the pairs).

    python benchmarks/chinese_lexical.py [--schemes words,bigrams,words+bigrams]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from itpo.matching import text
from itpo.matching.encoders import Encoder, Vectors, default_encoders
from itpo.matching.engine import Document, RetrievalEngine
from itpo.matching.metrics import evaluate
from itpo.matching.presets import create_engine

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "data" / "crosslingual_pairs.json"
DEMO = ROOT / "src" / "itpo" / "demo" / "data" / "illustrative.json"
SCHEMES = ("bigrams", "words", "words+bigrams")

# Short searches an officer might type, with the demo records that answer them: 2 is about
# it, 1 is near it. Judged by reading the records, in every language.
SEARCHES: dict[str, dict[str, int]] = {
    "太阳能干燥芒果": {
        "demo:need-meru-mango-drying": 2, "demo:offer-sunfield-hybrid-dryer": 2,
        "demo:need-casamance-sechage-fr": 2, "demo:project-meru-drying-plant": 2,
        "demo:project-casamance-fr": 2, "demo:offer-verdelago-mango": 1,
        "demo:need-fergana-apricot": 1, "demo:offer-sunfield-cocoa-dryer": 1,
    },
    "木薯淀粉废水沼气": {
        "demo:offer-qinghe-starch-biogas": 2, "demo:need-ogun-effluent": 2,
        "demo:project-ogun-biogas": 2, "demo:offer-qinghe-coffee-biogas": 1,
        "demo:project-sidama-biogas": 1, "demo:mandate-yangtze-biogas": 1,
        "demo:offer-alpenklar-food": 1,
    },
    "印染废水中水回用": {
        "demo:need-changshu-membrane": 2, "demo:project-changshu-reuse-zh": 2,
        "demo:project-gazipur-water": 2, "demo:offer-alpenklar-mbr-china": 2,
        "demo:offer-silkroad-coldpad": 1,
    },
    "乳品厂热泵余热回收": {
        "demo:need-weifang-heatpump": 2, "demo:project-weifang-heatpump-zh": 2,
        "demo:offer-fjellvarme-dairy-china": 2, "demo:offer-fjellvarme-brewery": 1,
    },
    "太阳能水泵灌溉": {
        "demo:offer-helio-irrigation": 2, "demo:need-rajshahi-pumps": 2,
        "demo:need-bobo-pompage-fr": 2, "demo:mandate-zj-irrigation": 2,
        "demo:offer-helio-village-water": 1,
    },
    "渔港制冰与冷库": {
        "demo:offer-frostline-reefer": 2, "demo:need-lakeside-fish-ice": 2,
        "demo:need-khulna-shrimp-ice": 2, "demo:need-pekalongan-ice": 2,
        "demo:project-pekalongan-ice": 2, "demo:offer-frostline-solar-coldroom": 1,
        "demo:mandate-hongqiao-leasing-cold": 1,
    },
    "电动摩托车换电": {
        "demo:offer-voltway-moto": 2, "demo:need-kigali-emoto-fr": 2,
        "demo:project-kigali-emoto": 2, "demo:mandate-hongqiao-leasing-ev": 1,
        "demo:mandate-sakura-emobility": 1, "demo:offer-voltway-tricycle": 1,
    },
    "数字孪生": {
        "demo:offer-twinframe-water": 2, "demo:offer-twinframe-factory": 2,
        "demo:offer-tidewater-port-twin": 2, "demo:need-ningbo-berth": 2,
        "demo:mandate-pearlriver-twin": 2,
    },
    "视觉检测": {
        "demo:offer-clearsight-metal": 2, "demo:offer-clearsight-fabric": 2,
        "demo:offer-clearsight-food": 2, "demo:need-haiphong-vision": 2,
        "demo:need-sialkot-vision": 2, "demo:mandate-pearlriver-vision": 2,
    },
    "冷链": {
        "demo:mandate-yangtze-cold": 2, "demo:mandate-pearl-coldchain": 2,
        "demo:mandate-rhine-postharvest": 2, "demo:mandate-thames-logistics": 2,
        "demo:mandate-anon-family-office": 2, "demo:need-arusha-precool": 2,
        "demo:offer-routewise-export": 2, "demo:mandate-jade-logistics": 2,
        "demo:mandate-zj-agri-machinery": 2, "demo:need-moshi-hospitals": 1,
        "demo:mandate-hongqiao-leasing-cold": 1,
    },
}  # fmt: skip


class Remembering:
    """An encoder that encodes each text once, so every scheme reuses the same vectors."""

    def __init__(self, encoder: Encoder) -> None:
        self.encoder = encoder
        self.name, self.dim, self.languages = encoder.name, encoder.dim, encoder.languages
        self._seen: dict[str, Any] = {}

    def encode(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if missing:
            self._seen.update(zip(missing, self.encoder.encode(missing), strict=True))
        import numpy as np

        return np.stack([self._seen[t] for t in texts])


@contextmanager
def scheme(name: str) -> Any:
    before = text.CHINESE_INDEX
    text.CHINESE_INDEX = name
    try:
        yield
    finally:
        text.CHINESE_INDEX = before


def first_rate(engine: RetrievalEngine, queries: Mapping[str, str]) -> float:
    found = [engine.search(q, top=1)[0].id.split("/")[0] == qid for qid, q in queries.items()]
    return round(sum(found) / len(found), 4)


def pairs(encoders: list[Encoder]) -> dict[str, float]:
    data = json.loads(PAIRS.read_text("utf-8"))
    english = create_engine(encoders=encoders)
    english.add([Document(p["id"], p["en"], "en") for p in data])
    chinese = create_engine(encoders=encoders)
    chinese.add([Document(p["id"], p["zh"], "zh") for p in data])
    mixed = create_engine(encoders=encoders)
    mixed.add([Document(f"{p['id']}/en", p["en"], "en") for p in data])
    mixed.add([Document(f"{p['id']}/ar", p["ar"], "ar") for p in data])
    return {
        "zh->en first": first_rate(english, {p["id"]: p["zh"] for p in data}),
        "en->zh first": first_rate(chinese, {p["id"]: p["en"] for p in data}),
        "zh->en+ar first": first_rate(mixed, {p["id"]: p["zh"] for p in data}),
    }


def ranked(
    engines: dict[str, RetrievalEngine], queries: Mapping[str, str], qrels: Any
) -> dict[str, dict[str, float]]:
    results = {}
    for mode, engine in engines.items():
        run = {qid: [h.id for h in engine.search(q, top=100)] for qid, q in queries.items()}
        results[mode] = {k: round(v, 4) for k, v in evaluate(qrels, run).items()}
    return results


def engines(encoders: list[Encoder], documents: list[Document]) -> dict[str, RetrievalEngine]:
    made = {"bm25": create_engine("lexical"), "hybrid": create_engine(encoders=encoders)}
    for engine in made.values():
        engine.add(documents)
    return made


def demo_checks(encoders: list[Encoder]) -> dict[str, Any]:
    records = json.loads(DEMO.read_text("utf-8"))["opportunities"]
    chinese = [r for r in records if r["language"] == "zh"]

    def document(record: dict[str, Any], field: Callable[[dict[str, Any]], str]) -> Document:
        return Document(record["external_id"], field(record), record["language"])

    details = engines(encoders, [document(r, lambda r: r["details"]) for r in records])
    public = engines(
        encoders, [document(r, lambda r: f"{r['title']}\n{r['teaser']}") for r in records]
    )
    own = {r["external_id"]: {r["external_id"]: 1} for r in chinese}
    return {
        "title->details": ranked(details, {r["external_id"]: r["title"] for r in chinese}, own),
        "teaser->details": ranked(details, {r["external_id"]: r["teaser"] for r in chinese}, own),
        "searches": ranked(public, {q: q for q in SEARCHES}, SEARCHES),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schemes", default=",".join(SCHEMES))
    args = parser.parse_args()
    encoders: list[Encoder] = [Remembering(e) for e in default_encoders()]
    results: dict[str, Any] = {"benchmark": "chinese_lexical", "live": text.CHINESE_INDEX}
    for name in args.schemes.split(","):
        with scheme(name):
            results[name] = {"pairs": pairs(encoders), **demo_checks(encoders)}
        print(name, json.dumps(results[name]), file=sys.stderr, flush=True)
    print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
