"""Where a certificate's render time goes in WeasyPrint: the cost of each text box.

    MAEUL_CERT_KEY_DIR=$(mktemp -d) .venv/bin/python scripts/bench_certificate_boxes.py [--rounds 15]

Prints the median CPU time (``time.process_time``, so other processes on the machine matter less
than with wall time) of:
- the bare page of ``bench_certificates.py`` (two text boxes) and the same page with 10, 30 and 60
  paragraphs, and with one paragraph of 60 words: the price of a box against the price of a word;
- the real certificate (the benchmark's career certificate with its training) and the same HTML
  with every table removed: what the tables cost, and what is left without them.
The figures are in docs/benchmarks.md ("Certificates: the cost of a box").
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from weasyprint import CSS, HTML

sys.path.insert(0, str(Path(__file__).parent))
import bench_certificates as bench

from maeul_db.certificates import pool, render
from maeul_db.kit import pdf as pdf_kit

BARE_HEAD = '<html lang="ko"><body><h1>경력증명서</h1>'
LINE = "서울특별시 마을공동체종합지원센터"


def cpu_ms(fn: Callable[[], object], rounds: int) -> float:
    fn()  # warm: fonts, stylesheet and caches loaded outside the timing
    times = []
    for _ in range(rounds):
        started = time.process_time()
        fn()
        times.append(time.process_time() - started)
    return statistics.median(times) * 1000


def certificate_html() -> str:
    """The HTML the real path renders for the benchmark's first certificate."""
    captured: list[str] = []
    original = render.render_html

    def capture(document: render.CertificateDocument) -> str:
        captured.append(original(document))
        return captured[-1]

    render.render_html = capture
    try:
        pool.seal_and_render(bench.make_job(1))
    finally:
        render.render_html = original
    return captured[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    bare_css = CSS(string=bench.BARE_CSS)
    fonts, cert_css = pdf_kit.fonts_and_css(render.TEMPLATES_DIR / "certificate.css")

    def page(body: str) -> Callable[[], object]:
        html = BARE_HEAD + body + "</body></html>"
        return lambda: HTML(string=html).write_pdf(stylesheets=[bare_css])

    def certificate(html: str) -> Callable[[], object]:
        base = str(render.TEMPLATES_DIR)
        return lambda: HTML(string=html, base_url=base).write_pdf(
            stylesheets=[cert_css], font_config=fonts
        )

    full = certificate_html()
    rows = {
        "bare page (2 text boxes)": page(f"<p>{LINE}</p>"),
        **{
            f"bare page with {n} paragraphs": page("".join(f"<p>{LINE} {i}</p>" for i in range(n)))
            for n in (10, 30, 60)
        },
        "bare page, one paragraph of 60 words": page(
            "<p>" + " ".join(f"서울 {i}" for i in range(60)) + "</p>"
        ),
        "certificate": certificate(full),
        "certificate without its tables": certificate(
            re.sub(r"<table.*?</table>", "", full, flags=re.S)
        ),
    }
    baseline = None
    for label, fn in rows.items():
        ms = cpu_ms(fn, rounds)
        baseline = baseline or ms
        print(f"{label:<40} {ms:7.1f} ms CPU  {ms / baseline:5.2f}x", flush=True)


if __name__ == "__main__":
    main()
