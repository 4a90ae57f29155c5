"""Certificate rendering benchmark: one Hangul certificate warm, 1,000 in a process pool, and the
naive way (a fresh Python process per document) measured in the same run.

    .venv/bin/python scripts/bench_certificates.py [--count 1000] [--workers 2] [--naive 10]

Each document is the real path minus the database: canonical payload → Ed25519 signature →
Jinja2 + WeasyPrint (embedded NanumGothic/NanumMyeongjo subsets, SVG QR code, attached payload)
→ seal. Keys go to a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def sample_payload(i: int) -> dict[str, Any]:
    token = f"bench-token-{i:06d}"
    return {
        "v": 1,
        "kind": "training" if i % 2 == 0 else "career",
        "number": f"2026-T-BNCH-{i:04d}",
        "verification_id": token,
        "issued_at": datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC).isoformat(),
        "issuer": "서울특별시 마을공동체종합지원센터",
        "issuer_district": None,
        "subject": {
            "person_id": i,
            "name": ["김민지", "박서연", "남궁민수"][i % 3],
            "birth_year": 1984,
        },
        "facts": [
            {
                "program_code": "EXP-BASIC",
                "program_name": "마을자치전문가 기본과정",
                "stage": "basic",
                "hours": "12",
                "completed_on": "2019-06-01",
                "job_type": "village_autonomy_expert",
                "employer": "종로구 마을자치센터",
                "district_name": "종로구",
                "dong_name": "청운효자동",
                "valid_from": "2020-01-01",
                "last_day": "2021-12-31",
                "hours_per_week": "40",
            },
            {
                "program_code": "EXP-PRACTICE",
                "program_name": "마을자치전문가 강의실습",
                "stage": "lecture_practice",
                "hours": "12",
                "completed_on": "2019-11-20",
                "job_type": "field_activist",
                "employer": "서울시 마을공동체종합지원센터",
                "district_name": None,
                "dong_name": None,
                "valid_from": "2017-03-01",
                "last_day": "2018-12-31",
                "hours_per_week": "20",
            },
        ],
        "verify_base": "https://maeul.example.kr",
        "verify_url": f"https://maeul.example.kr/verify/{token}",
    }


def make_one(i: int) -> int:
    """Sign, render and seal one certificate; returns its size in bytes."""
    from maeul_db.certificates import keys, signing
    from maeul_db.certificates.render import CertificateDocument, render_pdf

    payload = sample_payload(i)
    kid, private = keys.signing_key(Path(os.environ["MAEUL_CERT_KEY_DIR"]))
    signature = signing.sign(private, signing.canonical(payload))
    document = CertificateDocument(payload, kid, signing.envelope(payload, kid, signature))
    return len(signing.seal(render_pdf(document), kid, private))


def _warm_up(_: int) -> None:
    make_one(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--naive", type=int, default=10, help="documents rendered the naive way")
    args = parser.parse_args()
    os.environ.setdefault("MAEUL_CERT_KEY_DIR", tempfile.mkdtemp(prefix="bench-keys-"))

    started = time.perf_counter()
    make_one(0)
    cold = time.perf_counter() - started
    samples = []
    for i in range(1, 41):
        t = time.perf_counter()
        size = make_one(i)
        samples.append(time.perf_counter() - t)
    print(f"single, cold (first in process): {cold * 1000:.0f} ms")
    print(
        f"single, warm: median {statistics.median(samples) * 1000:.1f} ms, "
        f"p95 {sorted(samples)[int(len(samples) * 0.95)] * 1000:.1f} ms, {size:,} bytes"
    )

    with ProcessPoolExecutor(args.workers) as pool:
        list(pool.map(_warm_up, range(args.workers)))
        t = time.perf_counter()
        sizes = list(pool.map(make_one, range(args.count), chunksize=25))
        batch = time.perf_counter() - t
    print(
        f"batch: {args.count} certificates in {batch:.1f} s on {args.workers} workers "
        f"({args.count / batch:.0f}/s, {sum(sizes) / 1e6:.1f} MB)"
    )

    code = (
        "import sys; sys.path.insert(0, 'scripts'); from bench_certificates import make_one; "
        "make_one(int(sys.argv[1]))"
    )
    t = time.perf_counter()
    for i in range(args.naive):
        subprocess.run(
            [sys.executable, "-c", code, str(i)],
            check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
    naive = (time.perf_counter() - t) / args.naive
    print(
        f"naive: one process per document, {naive * 1000:.0f} ms each over {args.naive} "
        f"(serial); 1,000 would take {naive * 1000:.0f} s serial, "
        f"{naive * 1000 / args.workers:.0f} s on {args.workers} cores"
    )
    print(
        f"batch speed-up over naive on the same cores: "
        f"{naive * args.count / args.workers / batch:.1f}x"
    )


if __name__ == "__main__":
    main()
