"""Messages of general assemblies, autonomy plans, community spaces and village networks
(issue 12: assemblies, plans, spaces)."""

from __future__ import annotations

MESSAGES_I12_ASSEMBLY: dict[str, tuple[str, str]] = {
    "assembly.not_found": ("주민총회 기록을 찾을 수 없습니다", "general assembly not found"),
    "assembly.district_forbidden": (
        "다른 자치구의 주민총회·자치계획은 기록할 수 없습니다",
        "you cannot record another district's assemblies or plans",
    ),
    "assembly.population_required": (
        "이 동의 인구 자료가 없습니다. 성인 인구를 직접 입력하세요",
        "this dong has no population figure: enter its adult population",
    ),
    "assembly.voters_over_present": (
        "현장 투표자 수가 현장 참석자 수보다 많을 수 없습니다",
        "on-site voters cannot outnumber the residents present",
    ),
    "assembly.over_population": (
        "참석자와 사전투표자를 합한 수가 성인 인구({adults}명)보다 많습니다",
        "present plus pre-voters exceed the adult population ({adults})",
    ),
    "assembly.duplicate": (
        "이 동의 {year}년 주민총회가 이미 기록되어 있습니다",
        "this dong's {year} general assembly is already recorded",
    ),
    "assembly.turnout_forbidden": (
        "주민총회 투표율을 볼 권한이 없습니다",
        "you cannot read assembly turnout",
    ),
    "plan.not_found": ("자치계획을 찾을 수 없습니다", "autonomy plan not found"),
    "plan.assembly_other_dong": (
        "다른 동의 주민총회입니다. 같은 동의 총회를 고르세요",
        "that assembly belongs to another dong",
    ),
    "plan.duplicate": (
        "이 동의 {year}년 자치계획이 이미 있습니다",
        "this dong already has a {year} autonomy plan",
    ),
    "agenda_item.not_found": ("생활의제를 찾을 수 없습니다", "agenda item not found"),
    "agenda_item.no_assembly": (
        "자치계획에 연결된 주민총회가 없어 투표 결과를 기록할 수 없습니다",
        "the plan has no assembly, so no votes can be recorded",
    ),
    "agenda_item.votes_over_voters": (
        "찬성·반대·기권을 합한 수가 총회 투표자 수({voters}명)보다 많습니다",
        "for, against and abstain exceed the assembly's voters ({voters})",
    ),
    "agenda_item.project_other_district": (
        "의제와 같은 자치구의 사업만 연결할 수 있습니다",
        "only a project of the item's district can execute it",
    ),
    "space.not_found": ("공동체 공간을 찾을 수 없습니다", "community space not found"),
    "space.district_forbidden": (
        "다른 자치구의 공동체 공간은 기록할 수 없습니다",
        "you cannot record another district's spaces",
    ),
    "network.not_found": ("마을넷 기록을 찾을 수 없습니다", "village network not found"),
    "network.district_forbidden": (
        "다른 자치구의 마을넷은 기록할 수 없습니다",
        "you cannot record another district's network",
    ),
    "network.duplicate": (
        "이 자치구의 마을넷이 이미 있습니다",
        "this district already has a village network",
    ),
    "network.group_other_district": (
        "마을넷과 같은 자치구의 모임만 가입할 수 있습니다",
        "only a group of the network's district can join",
    ),
    "network.member_duplicate": (
        "이 모임은 그 기간에 이미 마을넷 회원입니다",
        "this group is already a member for that period",
    ),
    "network.member_closed": (
        "이미 종료된 회원 기록입니다",
        "this membership has already ended",
    ),
    "menu.section.autonomy": ("주민자치·공간", "resident autonomy and spaces"),
    "menu.assemblies": ("주민총회·자치계획", "general assemblies and plans"),
    "menu.assembly_turnout": ("주민총회 투표율 (동별)", "assembly turnout by dong"),
    "menu.spaces": ("공동체 공간", "community spaces"),
    "menu.networks": ("마을넷", "village networks"),
    "assembly.turnout_title": (
        "{year}년 주민총회 {assemblies}곳, 성원 {met}곳, 전체 투표율 {turnout}%",
        "{year}: {assemblies} assemblies, {met} reached the quorum, turnout {turnout}%",
    ),
}
