"""Words for the privacy codes (issue 13), merged into ``labels.LABELS``."""

from __future__ import annotations

Pair = tuple[str, str]

LABELS_PRIVACY: dict[str, dict[str, Pair]] = {
    "consent_purpose": {
        "participation": ("참여 기록", "participation records"),
        "contact": ("사업 소식 연락", "contact about programmes"),
        "research": ("가명정보 연구 활용", "research on pseudonymised data"),
        "photos": ("사진·영상 촬영", "photos and video"),
        "third_party": ("제3자 제공", "provision to third parties"),
    },
    "consent_method": {
        "paper": ("서면 동의서", "paper form"),
        "web": ("온라인 동의", "web form"),
        "imported": ("명단 가져오기(동의서 날짜)", "import, dated by its form"),
        "migrated": ("이전 기록에서 옮김", "carried over from earlier records"),
    },
    "request_kind": {
        "access": ("열람", "access"),
        "correction": ("정정", "correction"),
        "deletion": ("삭제", "deletion"),
        "stop_processing": ("처리정지", "stop processing"),
        "withdrawal": ("동의 철회", "consent withdrawal"),
    },
    "request_decision": {
        "granted": ("수용", "granted"),
        "partly": ("일부 수용", "partly granted"),
        "refused": ("거절", "refused"),
    },
    "review_flag": {
        "many_people": ("하루 다수 인물 열람", "many people read in a day"),
        "off_hours": ("업무시간 외 열람", "read outside office hours"),
        "download": ("내려받기", "download"),
    },
}
