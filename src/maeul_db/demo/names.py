"""Korean names and the words demo groups, projects and activities are named with.

Surname shares follow the 2015 census (김 21.5%, 이 14.7%, 박 8.4% ...), folded into "other common"
surnames below 0.3%. Given names are two syllables drawn from gender-typical first and second
syllables; older women get the second syllables of their generation (자, 숙, 순, 옥).
"""

from __future__ import annotations

import random
from itertools import accumulate

# (surname, share in per mille of the population)
SURNAMES: tuple[tuple[str, int], ...] = (
    ("김", 215),
    ("이", 147),
    ("박", 84),
    ("최", 47),
    ("정", 43),
    ("강", 24),
    ("조", 21),
    ("윤", 21),
    ("장", 20),
    ("임", 17),
    ("한", 15),
    ("오", 15),
    ("서", 15),
    ("신", 15),
    ("권", 14),
    ("황", 14),
    ("안", 14),
    ("송", 13),
    ("류", 12),
    ("전", 11),
    ("홍", 11),
    ("고", 9),
    ("문", 9),
    ("양", 8),
    ("손", 8),
    ("배", 8),
    ("백", 7),
    ("허", 6),
    ("유", 6),
    ("남", 5),
    ("심", 5),
    ("노", 5),
    ("하", 5),
    ("곽", 4),
    ("성", 4),
    ("차", 4),
    ("주", 4),
    ("우", 4),
    ("구", 4),
    ("민", 3),
    ("나", 3),
    ("진", 3),
    ("지", 3),
    ("엄", 3),
    ("채", 3),
    ("원", 3),
    ("천", 3),
    ("방", 3),
    ("공", 2),
    ("현", 2),
    ("함", 2),
    ("변", 2),
    ("염", 2),
    ("여", 2),
    ("추", 2),
    ("도", 2),
    ("소", 2),
    ("석", 2),
    ("선", 2),
    ("설", 1),
    ("마", 1),
    ("길", 1),
    ("연", 1),
    ("위", 1),
    ("표", 1),
    ("명", 1),
    ("기", 1),
    ("반", 1),
    ("왕", 1),
    ("금", 1),
    ("옥", 1),
    ("육", 1),
    ("인", 1),
    ("맹", 1),
    ("제", 1),
    ("모", 1),
    ("남궁", 1),
)

FEMALE_FIRST = "지수은영미현서민경혜연정희선윤예아주유하진소다채가인보나세미혜"
FEMALE_SECOND = "영희진현경숙정은연아민윤서지원주미란선나빈혜린"
FEMALE_SECOND_OLDER = "자숙순옥희례분남영애"
MALE_FIRST = "민준성영정재동상현진승태종광기석용우도형건병대영철"
MALE_SECOND = "호수훈석민준철진우현식혁규환기영일남열수범찬욱"
NEUTRAL_FIRST = "지수은현서민하윤예"
NEUTRAL_SECOND = "진현민원윤서우"

# Women born before 1965 mostly carry the older second syllables.
OLDER_GENERATION_BEFORE = 1965

EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
ROMAN_SYLLABLES = (
    "ji",
    "su",
    "eun",
    "young",
    "mi",
    "hyun",
    "seo",
    "min",
    "kyung",
    "hye",
    "yeon",
    "jung",
    "hee",
    "sun",
    "yoon",
    "ye",
    "ah",
    "joo",
    "ha",
    "jin",
    "sung",
    "jae",
    "dong",
    "woo",
    "ho",
)

THEME_WORDS: dict[str, tuple[str, ...]] = {
    "care": ("돌봄", "함께돌봄", "아이돌봄", "어르신돌봄", "품앗이"),
    "culture": ("합창", "책읽기", "사진", "연극", "공예", "그림책", "마을축제"),
    "environment": ("텃밭", "에너지", "업사이클", "골목정원", "자원순환"),
    "education": ("공부방", "부모교육", "인문학", "배움터"),
    "neighbourhood": ("이웃사랑", "골목", "반상회", "이웃만들기", "마을밥상"),
    "safety": ("안심골목", "마을안전", "방범"),
    "economy": ("마을장터", "공유부엌", "협동", "나눔가게"),
    "media": ("마을라디오", "마을신문", "영상", "팟캐스트"),
    "other": ("마을", "함께", "우리동네"),
}
GROUP_SUFFIXES = ("모임", "공동체", "사랑방", "동아리", "나눔터", "네트워크", "놀이터")

STAGE_WORDS: dict[str, str] = {
    "group_formation": "이웃만들기",
    "activity_support": "우리마을활동",
    "village_network": "마을연계망",
    "community_space": "공동체공간 운영",
    "village_plan": "마을계획",
    "resident_council": "주민자치회 의제실행",
}
PROGRAMME_WORDS: dict[str, str] = {
    "parent_community": "부모커뮤니티",
    "co_parenting": "공동육아",
    "village_art_studio": "마을예술창작소",
    "village_media": "마을미디어",
    "apartment_community": "아파트공동체",
    "energy_village": "에너지자립마을",
    "village_enterprise": "마을기업",
}
ACTIVITY_WORDS: dict[str, tuple[str, ...]] = {
    "meeting": ("정기모임", "운영회의", "기획회의", "평가회의"),
    "event": ("마을잔치", "골목축제", "나눔장터", "발표회"),
    "network_party": ("네트워크 파티",),
    "education": ("역량강화 교육", "선진지 견학", "워크숍"),
}


class NameMaker:
    """Draws names from one seeded ``random.Random`` so a seed gives the same people."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        # Names given so far per scope (a district; a district and year): a group or project is
        # one per name there (unique indexes), so a repeat gets a number, drawing nothing more
        # from the generator (the rest of the data stays as it was for a seed).
        self._taken: set[tuple[object, ...]] = set()
        self._surnames = [name for name, _ in SURNAMES]
        self._cum_weights = list(accumulate(share for _, share in SURNAMES))

    def surname(self) -> str:
        return self._rng.choices(self._surnames, cum_weights=self._cum_weights)[0]

    def given_name(self, gender: str, birth_year: int) -> str:
        rng = self._rng
        if gender == "F":
            older = birth_year < OLDER_GENERATION_BEFORE and rng.random() < 0.7
            return rng.choice(FEMALE_FIRST) + rng.choice(
                FEMALE_SECOND_OLDER if older else FEMALE_SECOND
            )
        if gender == "M":
            return rng.choice(MALE_FIRST) + rng.choice(MALE_SECOND)
        return rng.choice(NEUTRAL_FIRST) + rng.choice(NEUTRAL_SECOND)

    def full_name(self, gender: str, birth_year: int) -> str:
        return self.surname() + self.given_name(gender, birth_year)

    def phone(self) -> str:
        return f"010{self._rng.randrange(20_000_000, 100_000_000):08d}"

    def email(self, person_id: int) -> str:
        # Reserved example domains: demo addresses must never reach a real mailbox.
        local = self._rng.choice(ROMAN_SYLLABLES) + self._rng.choice(ROMAN_SYLLABLES)
        return f"{local}{person_id}@{self._rng.choice(EMAIL_DOMAINS)}"

    def group_name(self, dong_name: str, theme: str, district: str = "") -> str:
        word = self._rng.choice(THEME_WORDS[theme])
        return self.distinct((district,), f"{dong_name} {word} {self._rng.choice(GROUP_SUFFIXES)}")

    def distinct(self, scope: tuple[object, ...], name: str) -> str:
        """``name``, or ``name 2``, ``name 3``… if already given in ``scope``."""
        candidate, number = name, 1
        while (*scope, candidate) in self._taken:
            number += 1
            candidate = f"{name} {number}"
        self._taken.add((*scope, candidate))
        return candidate

    def activity_title(self, kind: str, subject: str) -> str:
        return f"{subject} {self._rng.choice(ACTIVITY_WORDS[kind])}"


def project_name(group_name: str, stage: str, programme: str, year: int) -> str:
    word = PROGRAMME_WORDS.get(programme) or STAGE_WORDS[stage]
    return f"{year} {group_name} {word}"[:200]


# The committee a resident council replaced is called "<dong> 주민자치위원회".
COMMITTEE = "주민자치위원회"
