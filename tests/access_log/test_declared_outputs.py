"""The declared list of personal-data outputs (``access_log/outputs.py``) stays true: every entry
names a function that exists, once, with one action."""

from __future__ import annotations

import importlib
import re

from maeul_db.access_log.outputs import OUTPUTS


def test_every_declared_output_names_an_existing_service_function() -> None:
    missing = []
    for output in OUTPUTS:
        module_name, _, function = output.service.partition(":")
        module = importlib.import_module(f"maeul_db.{module_name}")
        if not callable(getattr(module, function, None)):
            missing.append(output.service)
    assert not missing, f"declared outputs naming no function: {missing}"


def test_each_output_is_declared_once_with_a_snake_case_action() -> None:
    services = [o.service for o in OUTPUTS]
    assert len(services) == len(set(services)), "a service function is declared twice"
    bad = [o.action for o in OUTPUTS if not re.fullmatch(r"[a-z]+(_[a-z]+)*", o.action)]
    assert not bad and all(len(o.action) <= 40 for o in OUTPUTS), bad  # access_log.action width
