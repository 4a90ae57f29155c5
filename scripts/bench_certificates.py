"""Certificate rendering benchmark, with a bare-page baseline measured in the same run.

    .venv/bin/python scripts/bench_certificates.py [--rounds 40] [--count 200] [--workers 2]
        [--runs 3] [--naive 0]

Each document is the real path minus the database: payload (v3, a career certificate with its
training, or a training certificate) → Ed25519 signature → Jinja2 + WeasyPrint (embedded
NanumGothic/NanumMyeongjo subsets, QR code, attached payload) → seal, through
``certificates.pool`` — the same worker pool the pages' and the command's batch use.

Printed per run:
- the bare page: WeasyPrint, A4, the same two faces (NanumMyeongjo Bold, NanumGothic), two lines of
  Hangul, fonts and stylesheet loaded once like the certificate's; interleaved with the
  certificate (bare, certificate, bare, ...) so both see the same load; medians and the ratio;
- the batch: ``--count`` certificates rendered in this process (``workers=1``) and on the pool
  (``--workers``), documents per second and the speed-up;
- the machine's load average before and after (other engineers share it).
Across ``--runs`` the medians of the per-run figures are printed last.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BARE_HTML = (
    '<html lang="ko"><body><h1>경력증명서</h1>'
    "<p>서울특별시 마을공동체종합지원센터</p></body></html>"
)
BARE_CSS = (
    "@page { size: A4; margin: 20mm } "
    'h1 { font-family: "NanumMyeongjo"; font-weight: bold } '
    'p { font-family: "NanumGothic" }'
)


def sample_payload(i: int) -> dict[str, Any]:
    token = f"bench-token-{i:06d}"
    training = [
        {
            "program_code": "EXP-BASIC",
            "program_name": "마을자치전문가 기본과정",
            "stage": "basic",
            "hours": "12",
            "completed_on": "2019-06-01",
        },
        {
            "program_code": "EXP-PRACTICE",
            "program_name": "마을자치전문가 강의실습",
            "stage": "lecture_practice",
            "hours": "12",
            "completed_on": "2019-11-20",
        },
    ]
    jobs = [
        {
            "job_type": "village_autonomy_expert",
            "employer": "종로구 마을자치센터",
            "district_name": "종로구",
            "dong_name": "청운효자동",
            "valid_from": "2020-01-01",
            "last_day": "2021-12-31",
            "hours_per_week": "40",
            "verified_at": "2022-01-05",
        },
        {
            "job_type": "field_activist",
            "employer": "서울시 마을공동체종합지원센터",
            "district_name": None,
            "dong_name": None,
            "valid_from": "2017-03-01",
            "last_day": "2018-12-31",
            "hours_per_week": "20",
            "verified_at": "2019-01-10",
        },
    ]
    career = i % 2 == 1
    payload: dict[str, Any] = {
        "v": 3,
        "kind": "career" if career else "training",
        "number": f"2026-{'C' if career else 'T'}-BNCH-{i:04d}",
        "verification_id": token,
        "issued_at": datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC).isoformat(),
        "issued_on": "2026-03-04",
        "issuer": "서울특별시 마을공동체종합지원센터",
        "issuer_district": None,
        "issuer_title": "서울특별시 마을공동체종합지원센터장",
        "subject": {
            "person_id": i,
            "name": ["김민지", "박서연", "남궁민수"][i % 3],
            "birth_year": 1984,
        },
        "facts": jobs if career else training,
        "verify_base": "https://maeul.example.kr",
        "verify_url": f"https://maeul.example.kr/verify/{token}",
    }
    if career:
        payload.update(
            training=training,
            training_hours="24",
            career_total={"years": 3, "months": 10, "days": 0},
        )
    return payload


def make_job(i: int) -> Any:
    from maeul_db.certificates import keys, pool, signing

    key_dir = Path(os.environ["MAEUL_CERT_KEY_DIR"])
    payload = sample_payload(i)
    kid, private = keys.signing_key(key_dir)
    signature = signing.sign(private, signing.canonical(payload))
    return pool.RenderJob(payload, kid, signature, key_dir)


def make_one(i: int) -> int:
    """Sign, render and seal one certificate in this process; returns its size in bytes."""
    from maeul_db.certificates import pool

    return len(pool.seal_and_render(make_job(i)))


@dataclass
class Run:
    bare_ms: float
    cert_ms: float
    single_rate: float
    pool_rate: float
    load_before: float
    load_after: float

    @property
    def ratio(self) -> float:
        return self.cert_ms / self.bare_ms

    @property
    def speedup(self) -> float:
        return self.pool_rate / self.single_rate


def _bare_renderer() -> Any:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = CSS(string=BARE_CSS, font_config=fonts)
    return lambda: HTML(string=BARE_HTML).write_pdf(stylesheets=[css], font_config=fonts)


def _rate(count: int, workers: int) -> float:
    from maeul_db.certificates import pool

    jobs = [make_job(i) for i in range(count)]
    started = time.perf_counter()
    sizes = list(pool.render_all(jobs, workers=workers))
    assert len(sizes) == count
    return count / (time.perf_counter() - started)


def one_run(rounds: int, count: int, workers: int) -> Run:
    load_before = os.getloadavg()[0]
    bare = _bare_renderer()
    bare()
    make_one(0)
    bare_samples, cert_samples = [], []
    for i in range(1, rounds + 1):
        t = time.perf_counter()
        bare()
        bare_samples.append(time.perf_counter() - t)
        t = time.perf_counter()
        make_one(i)
        cert_samples.append(time.perf_counter() - t)
    single = _rate(count, 1)
    from maeul_db.certificates import pool

    pool.get_pool(workers)  # started and warmed outside the timing
    pooled = _rate(count, workers)
    return Run(
        statistics.median(bare_samples) * 1000,
        statistics.median(cert_samples) * 1000,
        single,
        pooled,
        load_before,
        os.getloadavg()[0],
    )


def naive(count: int) -> float:
    """Seconds per document rendered in a fresh Python process each (the way not to do it)."""
    code = (
        "import sys; sys.path.insert(0, 'scripts'); from bench_certificates import make_one; "
        "make_one(int(sys.argv[1]))"
    )
    t = time.perf_counter()
    for i in range(count):
        subprocess.run(
            [sys.executable, "-c", code, str(i)],
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
    return (time.perf_counter() - t) / count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40, help="interleaved single documents")
    parser.add_argument("--count", type=int, default=200, help="documents per batch timing")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--naive", type=int, default=0, help="documents rendered the naive way")
    args = parser.parse_args()
    os.environ.setdefault("MAEUL_CERT_KEY_DIR", tempfile.mkdtemp(prefix="bench-keys-"))

    started = time.perf_counter()
    make_one(0)
    print(f"single, cold (first in process): {(time.perf_counter() - started) * 1000:.0f} ms")
    runs = []
    for n in range(1, args.runs + 1):
        r = one_run(args.rounds, args.count, args.workers)
        runs.append(r)
        print(
            f"run {n}: load {r.load_before:.1f}→{r.load_after:.1f} | bare page {r.bare_ms:.1f} ms, "
            f"certificate {r.cert_ms:.1f} ms, ratio {r.ratio:.2f}x | batch of {args.count}: "
            f"1 process {r.single_rate:.1f}/s, {args.workers} workers {r.pool_rate:.1f}/s, "
            f"speed-up {r.speedup:.2f}x"
        )

    def med(values: list[float]) -> float:
        return statistics.median(values)

    print(
        f"median of {len(runs)} runs: bare page {med([r.bare_ms for r in runs]):.1f} ms, "
        f"certificate {med([r.cert_ms for r in runs]):.1f} ms, "
        f"ratio {med([r.ratio for r in runs]):.2f}x (target ≤ 1.5x); "
        f"batch speed-up on {args.workers} workers {med([r.speedup for r in runs]):.2f}x "
        f"(target ≥ 1.7x)"
    )
    if args.naive:
        each = naive(args.naive)
        print(f"naive: one process per document, {each * 1000:.0f} ms each over {args.naive}")


if __name__ == "__main__":
    main()
