"""Words for the import kinds (issue 10, one pipeline), merged into ``labels.LABELS``."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_I10_PIPE: dict[str, dict[str, Pair]] = {
    # imports.batches.KINDS: what an import batch's file held.
    "import_kind": {
        "roster": ("참여자 명단", "roster"),
        "attendance": ("교육 출석", "training attendance"),
    },
}
