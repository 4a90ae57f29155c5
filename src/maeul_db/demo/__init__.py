"""Reproducible synthetic demo data for the whole participant ladder (``maeul-db demo``)."""

from maeul_db.demo.scales import SCALES
from maeul_db.demo.service import DemoSummary, generate_demo

__all__ = ["SCALES", "DemoSummary", "generate_demo"]
