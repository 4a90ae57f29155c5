"""Pure row generation: reference geography + scale + seed → every demo row, no database needed.

The steps run in a fixed order on one ``random.Random(seed)``, so the same seed gives the same rows
(and the same ids) every time.
"""

from __future__ import annotations

from maeul_db.demo.activities import make_activities
from maeul_db.demo.autonomy import make_assemblies, make_networks, make_spaces
from maeul_db.demo.careers import place_experts, staff_and_activists
from maeul_db.demo.context import Context, Progress, make_context
from maeul_db.demo.council import make_councils
from maeul_db.demo.dataset import DemoData
from maeul_db.demo.participation import populate_unfunded, staff_projects
from maeul_db.demo.projects import plan_projects
from maeul_db.demo.reference import DongRef, Reference
from maeul_db.demo.scales import ScaleSpec
from maeul_db.demo.settlements import make_settlements
from maeul_db.demo.training import expert_pool, general_education, make_catalogue

STEPS = (
    "projects",
    "participants",
    "activities",
    "training",
    "councils",
    "careers",
    "assemblies",
    "people",
)


def covered_dongs(ctx: Context) -> dict[str, tuple[DongRef, ...]]:
    """The dongs that get a council and placed experts (all of them at city scale)."""
    return {
        d.code: tuple(dong for dong in d.dongs if ctx.rng.random() < ctx.dong_coverage)
        for d in ctx.districts
    }


def generate(
    reference: Reference, spec: ScaleSpec, seed: int, progress: Progress | None = None
) -> DemoData:
    ctx = make_context(reference, spec, seed, progress)
    covered = covered_dongs(ctx)
    plan, unfunded = plan_projects(ctx)
    staff_projects(ctx, plan)
    populate_unfunded(ctx, unfunded)
    make_activities(ctx, plan, unfunded)
    ctx.report("training", 0, 1)
    catalogue = make_catalogue(ctx)
    general_education(ctx, catalogue, plan)
    slots = {code: 2 * len(dongs) for code, dongs in covered.items()}
    pool = expert_pool(ctx, catalogue, slots)
    ctx.report("training", 1, 1)
    make_councils(ctx, covered, catalogue)
    ctx.report("councils", 1, 1)
    place_experts(ctx, covered, pool)
    staff_and_activists(ctx)
    make_spaces(ctx, plan)
    ctx.report("careers", 1, 1)
    make_assemblies(ctx, plan)
    make_networks(ctx, plan)
    ctx.report("assemblies", 1, 1)
    make_settlements(ctx, plan, list(reference.noncash_rules))
    ctx.people.emit(ctx.data)
    ctx.report("people", 1, 1)
    return ctx.data
