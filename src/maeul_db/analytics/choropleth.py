"""The dong map as pure functions: GeoJSON rings → SVG path data under a simple equirectangular
projection (longitudes shrunk by cos(mid-latitude); Seoul is small enough that nothing better is
needed), and participants per population in a few shades."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

Ring = list[tuple[float, float]]
SHADES = 5


@lru_cache(maxsize=2)
def load_rings(path: Path) -> dict[str, list[Ring]]:
    """Outer and inner rings of every dong in a GeoJSON file, by dong code."""
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes: dict[str, list[Ring]] = {}
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        shapes[str(feature["properties"]["code"])] = [
            [(float(x), float(y)) for x, y, *_ in ring] for polygon in polygons for ring in polygon
        ]
    return shapes


def borrow_rings(
    rings: dict[str, list[Ring]], codes: Iterable[str], successors: dict[str, list[str]]
) -> dict[str, list[Ring]]:
    """The rings of ``codes``; a dong that has since been renamed or split (the boundaries are of
    January 2023) is drawn with its successors' rings."""

    def find(code: str, depth: int = 0) -> list[Ring]:
        if code in rings or depth > 5:
            return rings.get(code, [])
        return [ring for after in successors.get(code, []) for ring in find(after, depth + 1)]

    found = {code: find(code) for code in codes}
    return {code: shape for code, shape in found.items() if shape}


def _bounds(shapes: Iterable[list[Ring]]) -> tuple[float, float, float, float]:
    points = [p for rings in shapes for ring in rings for p in ring]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def project(
    shapes: dict[str, list[Ring]], *, width: float, margin: float = 4.0
) -> tuple[dict[str, str], float]:
    """SVG path data per code (fitted to ``width``) and the drawing's height. Points that round to
    the previous one are dropped, which keeps the page small at screen resolution."""
    if not shapes:
        return {}, 0.0
    west, south, east, north = _bounds(shapes.values())
    squeeze = math.cos(math.radians((south + north) / 2))
    scale = (width - 2 * margin) / (((east - west) * squeeze) or 1.0)
    paths: dict[str, str] = {}
    for code, rings in shapes.items():
        parts: list[str] = []
        for ring in rings:
            points: list[str] = []
            for lon, lat in ring:
                point = (
                    f"{margin + (lon - west) * squeeze * scale:.0f},"
                    f"{margin + (north - lat) * scale:.0f}"
                )
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) >= 3:
                parts.append("M" + "L".join(points) + "Z")
        paths[code] = "".join(parts)
    return paths, round(2 * margin + (north - south) * scale, 1)


def shade(rate: float | None, top: float) -> int:
    """0 for no participants, else 1..SHADES by the share of the highest rate."""
    if not rate or top <= 0:
        return 0
    return max(1, min(SHADES, math.ceil(rate / top * SHADES)))


def per_dong(pairs: Iterable[tuple[int, str]]) -> dict[str, int]:
    """Distinct people per dong."""
    people: dict[str, set[int]] = {}
    for person, dong in pairs:
        people.setdefault(dong, set()).add(person)
    return {dong: len(ids) for dong, ids in people.items()}


def legend(top: float) -> list[tuple[int, float, float]]:
    return [(i, top * (i - 1) / SHADES, top * i / SHADES) for i in range(1, SHADES + 1)]
