"""Templates and WeasyPrint settings for the printed documents (certificates, reports).

Built once per template folder and reused: loading the Nanum fonts and parsing the stylesheet is most
of a cold render, so every document after the first one starts warm.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration

from maeul_db import wording
from maeul_db.kit import time as clock


@lru_cache(maxsize=8)
def environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(),
        undefined=StrictUndefined,
        auto_reload=False,
    )
    env.filters.update(clock.FILTERS)  # dates print as the web pages show them (Seoul, 종료일)
    env.globals.update(wording.template_globals())  # printed words come from the catalogue
    return env


@lru_cache(maxsize=8)
def fonts_and_css(stylesheet: Path) -> tuple[FontConfiguration, CSS]:
    fonts = FontConfiguration()
    return fonts, CSS(filename=str(stylesheet), font_config=fonts)
