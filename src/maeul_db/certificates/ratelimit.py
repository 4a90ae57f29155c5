"""A small in-process sliding-window limiter for the public verification routes.

It counts per client address in this process only: behind several workers the effective limit is
``limit x workers``, and a restart forgets the counts. Good enough to stop guessing certificate
numbers and birth years by brute force from one address; a shared limiter (proxy or Redis) is the
upgrade when the app runs on more than one process.
"""

from __future__ import annotations

import threading
import time
from collections import deque

from maeul_db.errors import MaeulError


class TooManyRequests(MaeulError):
    status_code = 429
    code = "rate_limited"


class SlidingWindowLimiter:
    def __init__(self, limit: int, window_seconds: float = 60.0) -> None:
        self.limit = limit
        self.window = window_seconds
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return False
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle addresses so memory stays bounded
                for idle in [k for k, v in self._hits.items() if not v]:
                    del self._hits[idle]
            return True

    def check(self, key: str) -> None:
        if not self.allow(key):
            raise TooManyRequests("certificate.rate_limited")

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()
