"""Bring the pages' chart library, world map and searchable pickers from the npm registry into
the app's static folder, so nothing is loaded from the internet when a page is shown.

    .venv/bin/python tools/vendor.py           # fetch, check, write static/vendor/
    .venv/bin/python tools/vendor.py --check   # the files there are those the manifest names

Each package is fetched with `npm pack` at the version pinned below and checked against the
SHA-512 integrity pinned with it before anything is written. Apache ECharts is copied as built;
the world map is Natural Earth's 1:110m countries from `world-atlas`, turned from TopoJSON into
the GeoJSON ECharts reads, each country named by its ISO 3166 alpha-3 code (the code the
platform keeps), so a chart's data names a country as the records do. Tom Select (its complete
build, with the plugins for removing a choice and for check boxes) turns long lists into
pickers one searches by typing, with the keyboard and on a phone. `static/vendor/
VENDORED.json` records every file's source, licence and SHA-256; tests/web check them.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src/itpo/adapters/web/static/vendor"
MANIFEST = VENDOR / "VENDORED.json"
PACKAGES = {
    "echarts": {
        "version": "6.1.0",
        "integrity": "sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA==",
        "licence": "Apache-2.0",
    },
    "world-atlas": {
        "version": "2.0.2",
        "integrity": "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==",
        "licence": "ISC",
    },
    "tom-select": {
        "version": "2.6.2",
        "integrity": "sha512-eiXIkk82XzzUTOVQDFpy+ZGejuqdTvMukyUyeZBQaKnqW42UoTiTZnrod/eX0rkqJEc4rZY9DZ3zdjV07i29wQ==",
        "licence": "Apache-2.0",
    },
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="Only check the files against it.")
    arguments = parser.parse_args()
    if arguments.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    VENDOR.mkdir(parents=True, exist_ok=True)
    files: dict[str, dict[str, str]] = {}
    packages: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, wanted in PACKAGES.items():
            version = wanted["version"]
            tarball, integrity = _pack(name, version, folder)
            if integrity != wanted["integrity"]:
                raise SystemExit(f"{name}@{version}: integrity {integrity} is not the pinned one")
            packages[name] = {"version": version, "integrity": integrity}
            with tarfile.open(tarball) as archive:
                archive.extractall(folder / name, filter="data")
        package = folder / "echarts/package"
        _write(files, "echarts.min.js", (package / "dist/echarts.min.js").read_bytes(), "echarts")
        _write(files, "echarts.LICENSE.txt", (package / "LICENSE").read_bytes(), "echarts")
        atlas = folder / "world-atlas/package"
        world = world_geojson(json.loads((atlas / "countries-110m.json").read_text()))
        text = json.dumps(world, separators=(",", ":"), ensure_ascii=False)
        _write(files, "world.geo.json", text.encode(), "world-atlas")
        _write(files, "world-atlas.LICENSE.txt", (atlas / "LICENSE").read_bytes(), "world-atlas")
        picker = folder / "tom-select/package"
        for built, name in (
            ("dist/js/tom-select.complete.min.js", "tom-select.complete.min.js"),
            ("dist/css/tom-select.default.min.css", "tom-select.default.min.css"),
            ("LICENSE", "tom-select.LICENSE.txt"),
        ):
            _write(files, name, (picker / built).read_bytes(), "tom-select")
    manifest = {
        "about": "Written by tools/vendor.py from the npm registry; do not edit by hand.",
        "packages": {
            name: {**packages[name], "licence": PACKAGES[name]["licence"]} for name in PACKAGES
        },
        "files": files,
    }
    MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n")
    print(json.dumps({name: p["version"] for name, p in packages.items()}))
    return 0


def check() -> list[str]:
    """Every file the manifest names is there with its checksum."""
    manifest = json.loads(MANIFEST.read_text())
    problems = []
    for name, entry in manifest["files"].items():
        path = VENDOR / name
        if not path.exists():
            problems.append(f"{name}: missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            problems.append(f"{name}: not the vendored file")
    return problems


def _pack(name: str, version: str, folder: Path) -> tuple[Path, str]:
    answer = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", str(folder)],
        check=True,
        capture_output=True,
        text=True,
        cwd=folder,
    )
    [packed] = json.loads(answer.stdout)
    tarball = folder / packed["filename"]
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    integrity = f"sha512-{digest}"
    if packed.get("integrity") and packed["integrity"] != integrity:
        raise SystemExit(f"{name}@{version}: the tarball does not match its integrity")
    return tarball, integrity


def _write(files: dict[str, dict[str, str]], name: str, content: bytes, source: str) -> None:
    (VENDOR / name).write_bytes(content)
    files[name] = {"source": source, "sha256": hashlib.sha256(content).hexdigest()}


def world_geojson(topology: dict[str, Any]) -> dict[str, Any]:
    """TopoJSON countries as GeoJSON features named by ISO alpha-3 (TopoJSON's arcs are
    delta-encoded and quantised: decoded here as the specification says)."""
    sys.path.insert(0, str(ROOT / "src"))
    from itpo.registry.reference_geo import find_country

    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(
                [round(x * scale[0] + translate[0], 4), round(y * scale[1] + translate[1], 4)]
            )
        arcs.append(points)

    def ring(indexes: list[int]) -> list[list[float]]:
        points: list[list[float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        country = find_country(str(geometry.get("id", ""))) if geometry.get("id") else None
        if country is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue  # a disputed area without an ISO code is left off the map
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": country.code},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[ring(r) for r in polygon] for polygon in polygons],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


if __name__ == "__main__":
    raise SystemExit(main())
