"""Messages of the group representative's way to their projects' reports and settlements
(issue 15, i15-rep)."""

from __future__ import annotations

MESSAGES_I15_REP: dict[str, tuple[str, str]] = {
    "menu.reports_settlements": ("사업 보고·정산", "reports and settlements"),
}
