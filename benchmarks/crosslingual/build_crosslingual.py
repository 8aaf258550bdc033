"""Build the cross-lingual retrieval benchmarks in BEIR format beside this file; see README.md.

Usage: build_crosslingual.py [--debian-lists DIR]

`isic-ar-en` comes from the ISIC Rev.4 titles that ship with the package (English and Arabic).
`debian-zh-en` comes from Debian's package descriptions and their Chinese translations: the
files `*_i18n_Translation-en*` and `*_i18n_Translation-zh_CN*` of bookworm main, read from DIR
(lz4-compressed as apt keeps them, or plain). Without DIR they are fetched with apt-get into a
private lists folder, which touches nothing of the system's own apt state.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
ISIC = HERE.parents[1] / "src" / "itpo" / "registry" / "reference_data" / "isic.json"
# Every DISTRACTOR_STEP-th English description without a Chinese translation joins the corpus,
# so a query competes with unrelated packages too, not only with the translated ones.
DISTRACTOR_STEP = 30
PREFIX = 200  # characters of a long description that identify it
_HAN = re.compile(r"[\u3400-\u9fff]")

Row = Mapping[str, str]


def write_benchmark(
    folder: Path, corpus: Iterable[Row], queries: Iterable[Row], qrels: Iterable[tuple[str, str]]
) -> None:
    """corpus.jsonl, queries.jsonl and qrels/test.tsv, one relevant document per query."""
    (folder / "qrels").mkdir(parents=True, exist_ok=True)
    for name, rows in (("corpus.jsonl", corpus), ("queries.jsonl", queries)):
        lines = [json.dumps(dict(row), ensure_ascii=False) for row in rows]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    judged = ["query-id\tcorpus-id\tscore", *(f"{q}\t{d}\t1" for q, d in qrels)]
    (folder / "qrels" / "test.tsv").write_text("\n".join(judged) + "\n", encoding="utf-8")


def build_isic(folder: Path) -> int:
    """Arabic class titles as queries; English class entries (title, with its group, division
    and section for context) as documents."""
    entries: dict[str, dict[str, str]] = json.loads(ISIC.read_text("utf-8"))

    def title(code: str | None) -> str:
        return entries[code]["title_en"] if code and code in entries else ""

    classes = sorted(code for code, entry in entries.items() if entry["level"] == "class")
    corpus, queries = [], []
    for code in classes:
        entry = entries[code]
        group = entries[entry["parent"]]
        division = entries[group["parent"]]
        context = [title(entry["parent"]), title(group["parent"]), title(division["parent"])]
        context = [part for part in dict.fromkeys(context) if part and part != entry["title_en"]]
        corpus.append({"_id": code, "title": entry["title_en"], "text": "; ".join(context)})
        queries.append({"_id": f"ar-{code}", "text": entry["title_ar"]})
    write_benchmark(folder, corpus, queries, [(q["_id"], q["_id"][3:]) for q in queries])
    return len(queries)


def _read(path: Path) -> str:
    if path.suffix == ".lz4":
        return subprocess.run(
            ["lz4", "-dc", str(path)], capture_output=True, check=True
        ).stdout.decode("utf-8")
    return path.read_text("utf-8")


def descriptions(text: str, language: str) -> dict[tuple[str, str], tuple[str, str]]:
    """(package, description md5) -> (short description, long description) of one file."""
    found = {}
    for block in text.split("\n\n"):
        package = re.search(r"^Package: (.+)$", block, re.M)
        digest = re.search(r"^Description-md5: (.+)$", block, re.M)
        body = re.search(rf"^Description-{language}: (.*(?:\n .*)*)", block, re.M)
        if package and digest and body:
            short, *rest = body.group(1).split("\n")
            long = " ".join(line.strip() for line in rest if line.strip() != ".")
            found[(package.group(1), digest.group(1))] = (short.strip(), long)
    return found


def fetch_lists(into: Path) -> None:
    """Debian's description files, fetched with apt-get into a private lists folder."""
    for language in ("en", "zh_CN"):
        lists = into / language
        (lists / "partial").mkdir(parents=True, exist_ok=True)
        options = [f"-oDir::State::Lists={lists}", f"-oAcquire::Languages={language}"]
        subprocess.run(["apt-get", *options, "update"], check=True, capture_output=True)


def build_debian(folder: Path, lists: Path) -> int:
    """Chinese short descriptions as queries; English descriptions (short as title, long as
    text) as documents, one per distinct English long description."""

    def one(pattern: str) -> Path:
        matches = sorted(p for p in lists.rglob(pattern) if "bookworm_main" in p.name)
        if not matches:
            raise SystemExit(f"no {pattern} under {lists}")
        return matches[0]

    english = descriptions(_read(one("*_i18n_Translation-en*")), "en")
    chinese = descriptions(_read(one("*_i18n_Translation-zh*CN*")), "zh_CN")
    corpus, queries, qrels = [], [], []
    seen: set[str] = set()
    untranslated = 0
    for key in sorted(english):
        short, long = english[key]
        # Sibling packages (a program and its data) share a first paragraph and cannot be
        # told apart from a one-line query: the first in name order stands for them.
        digest = hashlib.sha256(long[:PREFIX].encode()).hexdigest()
        if digest in seen:
            continue
        translated = key in chinese and _HAN.search(chinese[key][0])
        if not translated:
            untranslated += 1
            if untranslated % DISTRACTOR_STEP:
                continue
        seen.add(digest)
        corpus.append({"_id": key[0], "title": short, "text": long})
        if translated:
            queries.append({"_id": f"zh-{key[0]}", "text": chinese[key][0]})
            qrels.append((f"zh-{key[0]}", key[0]))
    write_benchmark(folder, corpus, queries, qrels)
    return len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--debian-lists", type=Path, help="folder holding apt's list files")
    args = parser.parse_args()
    print("isic-ar-en queries:", build_isic(HERE / "isic-ar-en"))
    if args.debian_lists:
        print("debian-zh-en queries:", build_debian(HERE / "debian-zh-en", args.debian_lists))
        return
    with tempfile.TemporaryDirectory() as scratch:
        fetch_lists(Path(scratch))
        print("debian-zh-en queries:", build_debian(HERE / "debian-zh-en", Path(scratch)))


if __name__ == "__main__":
    main()
