"""Words that say which kind of record a query is after (판례 → a case, 法律 → a law), in three languages.

A query holding one of these words ranks records of that kind a little higher; it never filters.
"""

from __future__ import annotations

from typing import NamedTuple


class KindCue(NamedTuple):
    kind: str
    words: tuple[str, ...]


KIND_CUES: tuple[KindCue, ...] = (
    KindCue(
        "case",
        (
            "판결",
            "판례",
            "선고",
            "항소심",
            "상고심",
            "1심",
            "대법원",
            "법원",
            "재판",
            "형량",
            "判决",
            "判例",
            "法院",
            "一审",
            "二审",
            "终审",
            "判刑",
            "案",
            "judgment",
            "judgement",
            "ruling",
            "conviction",
            "convicted",
            "appeal",
            "sentence",
            "sentenced",
            "court",
        ),
    ),  # fmt: skip
    KindCue(
        "law",
        (
            "법률",
            "조항",
            "조문",
            "처벌법",
            "특례법",
            "개정",
            "法律",
            "法条",
            "条款",
            "条例",
            "规定",
            "修正案",
            "act",
            "law",
            "statute",
            "section",
            "article",
            "regulation",
            "directive",
            "code",
            "bill",
        ),
    ),  # fmt: skip
    KindCue("policy", ("정책", "방침", "약관", "政策", "隐私政策", "policy", "terms", "guidelines", "help")),
    KindCue("incident", ("사건", "사태", "事件", "丑闻", "incident", "scandal", "crisis")),
)
