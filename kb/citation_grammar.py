"""Citation grammars for the five jurisdictions, as data: each row a pattern with tested examples.

A match yields a :class:`CitationRef`: the law as written (a title, a short title or an official
number), the provision as written, or a case identifier. Resolving it against the corpus is
:mod:`kb.citation_resolver`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from kb.ids import CN_NUMERAL


class Grammar(NamedTuple):
    name: str
    jurisdiction: str
    kind: str  # "provision" | "law" | "case"
    pattern: re.Pattern[str]
    examples: tuple[tuple[str, dict[str, str]], ...]


@dataclass(frozen=True)
class CitationRef:
    """One citation found in a text."""

    grammar: str
    jurisdiction: str
    kind: str
    text: str
    start: int
    end: int
    law: str | None = None
    provision: str | None = None
    case: str | None = None


_KO_LAW = r"(?:「\s*)?(?P<law>[가-힣][가-힣·ㆍ\s]{0,40}?(?:법률|특례법|방지법|보호법|처벌법|사업법|망법|[가-힣]법|령|규칙|규정))(?:\s*」)?"
_KO_ARTICLE = r"(?P<provision>제\s*\d+\s*조(?:\s*의\s*\d+)?)(?:\s*제\s*\d+\s*항)?(?:\s*제\s*\d+\s*호)?"
_KO_CASE_NO = r"\d{4}\s*(?:도|노|고합|고단|헌마|헌바|헌가|다|누|구합|초기|모|오|감도)\s*\d+"
_CN_NUM = rf"[\d{CN_NUMERAL}]+"
_CN_LAW = r"《?(?P<law>(?:中华人民共和国)?[\u4e00-\u9fff]{1,30}?(?:法|规定|办法|条例|解释|决定))》?"
_EU_ACT = (
    r"(?P<law>DSA|DMA|GDPR|AI Act|Digital Services Act|Artificial Intelligence Act|General Data Protection Regulation|"
    r"(?:Regulation|Directive)\s*(?:\((?:EU|EC)\)\s*(?:No\s*)?)?\d{2,4}/\d{1,4}(?:/(?:EU|EC|JHA))?)"
)
_UK_ACT = r"(?P<law>(?:the\s+)?[A-Z][A-Za-z'()]*(?:\s+(?:[A-Z][A-Za-z'()]*|and|of|for|the|in|on|to))*\s+Act\s+\d{4})"
_UK_SECTION = r"(?:s\.?|ss\.?|sec\.?|section)\s*(?P<provision>\d+[A-Z]{0,3})(?:\(\d+\))*"

GRAMMARS: tuple[Grammar, ...] = (
    Grammar(
        "kr-court-judgment",
        "KR",
        "case",
        re.compile(
            rf"(?P<court>대법원|헌법재판소|[가-힣]+(?:고등|지방)법원(?:\s*[가-힣]+지원)?)\s*"
            rf"\d{{4}}\s*\.\s*\d{{1,2}}\s*\.\s*\d{{1,2}}\s*\.?\s*(?:선고|자)\s*(?P<case>{_KO_CASE_NO})\s*(?:판결|결정)?"
        ),
        (("대법원 2021. 10. 14. 선고 2021도4265 판결", {"case": "2021도4265"}),),
    ),
    Grammar(
        "kr-case-number",
        "KR",
        "case",
        re.compile(rf"(?<![\d가-힣])(?P<case>{_KO_CASE_NO})(?!\d)"),
        (("2021도4265", {"case": "2021도4265"}), ("헌재 2015헌마545 결정", {"case": "2015헌마545"})),
    ),
    Grammar(
        "kr-law-article",
        "KR",
        "provision",
        re.compile(rf"{_KO_LAW}\s*{_KO_ARTICLE}"),
        (
            ("성폭력처벌법 제14조의2", {"law": "성폭력처벌법", "provision": "제14조의2"}),
            (
                "「성폭력범죄의 처벌 등에 관한 특례법」 제14조의2 제1항",
                {"law": "성폭력범죄의 처벌 등에 관한 특례법", "provision": "제14조의2"},
            ),
            ("청소년성보호법 제11조", {"law": "청소년성보호법", "provision": "제11조"}),
        ),
    ),
    Grammar(
        "kr-article",
        "KR",
        "provision",
        re.compile(_KO_ARTICLE),
        (("제14조의2 제1항", {"provision": "제14조의2"}),),
    ),
    Grammar(
        "cn-case-number",
        "CN",
        "case",
        re.compile(r"(?P<case>[（(]\s*\d{4}\s*[）)]\s*[\u4e00-\u9fff]{1,2}\d{0,4}[\u4e00-\u9fff]{1,4}\d+号)"),
        (("（2020）京01刑终123号", {"case": "（2020）京01刑终123号"}),),
    ),
    Grammar(
        "cn-law-article",
        "CN",
        "provision",
        re.compile(rf"{_CN_LAW}\s*(?P<provision>第\s*{_CN_NUM}\s*条(?:\s*之\s*{_CN_NUM})?)"),
        (
            ("刑法第364条", {"law": "刑法", "provision": "第364条"}),
            ("《中华人民共和国刑法》第三百六十四条", {"law": "中华人民共和国刑法", "provision": "第三百六十四条"}),
            ("刑法第二百五十三条之一", {"law": "刑法", "provision": "第二百五十三条之一"}),
        ),
    ),
    Grammar(
        "eu-ecli",
        "EU",
        "case",
        re.compile(r"(?P<case>ECLI:[A-Z]{2}:[A-Z0-9]{1,7}:\d{4}:[A-Z0-9.]{1,25}[A-Z0-9])"),
        (("ECLI:EU:C:2014:317", {"case": "ECLI:EU:C:2014:317"}),),
    ),
    Grammar(
        "eu-article-of-act",
        "EU",
        "provision",
        re.compile(
            rf"\bArt(?:icle)?s?\.?\s*(?P<provision>\d+[a-z]?)(?:\(\d+\))*(?:\s*\([a-z]\))?\s*(?:of\s+(?:the\s+)?)?{_EU_ACT}"
        ),
        (
            ("Art. 16 DSA", {"provision": "16", "law": "DSA"}),
            ("Article 5 of Directive (EU) 2024/1385", {"provision": "5", "law": "Directive (EU) 2024/1385"}),
            ("Article 17 GDPR", {"provision": "17", "law": "GDPR"}),
        ),
    ),
    Grammar(
        "eu-act-article",
        "EU",
        "provision",
        re.compile(rf"{_EU_ACT},?\s*Art(?:icle)?\.?\s*(?P<provision>\d+[a-z]?)"),
        (("DSA Art. 34", {"law": "DSA", "provision": "34"}),),
    ),
    Grammar(
        "eu-act",
        "EU",
        "law",
        re.compile(
            r"(?P<law>(?:Regulation|Directive)\s*(?:\((?:EU|EC)\)\s*(?:No\s*)?)?\d{2,4}/\d{1,4}(?:/(?:EU|EC|JHA))?)"
        ),
        (
            ("Regulation (EU) 2022/2065", {"law": "Regulation (EU) 2022/2065"}),
            ("Directive 2011/93/EU", {"law": "Directive 2011/93/EU"}),
        ),
    ),
    Grammar(
        "eu-celex",
        "EU",
        "law",
        re.compile(r"\b(?P<law>3\d{4}[RLDF]\d{4})\b"),
        (("32022R2065", {"law": "32022R2065"}),),
    ),
    Grammar(
        "uk-neutral-citation",
        "UK",
        "case",
        re.compile(
            r"(?P<case>\[\d{4}\]\s+(?:UKSC|UKPC|UKHL|EWCA\s+(?:Crim|Civ)|EWHC|UKUT|UKFTT|EWFC)\s+\d+(?:\s*\([A-Za-z]+\))?)"
        ),
        (("[2024] EWCA Crim 123", {"case": "[2024] EWCA Crim 123"}),),
    ),
    Grammar(
        "uk-section-of-act",
        "UK",
        "provision",
        re.compile(rf"\b{_UK_SECTION}\s*(?:of\s+)?{_UK_ACT}"),
        (
            ("s.66B Sexual Offences Act 2003", {"provision": "66B", "law": "Sexual Offences Act 2003"}),
            ("section 188 of the Online Safety Act 2023", {"provision": "188", "law": "the Online Safety Act 2023"}),
        ),
    ),
    Grammar(
        "uk-act-section",
        "UK",
        "provision",
        re.compile(rf"{_UK_ACT},?\s*{_UK_SECTION}"),
        (("Online Safety Act 2023, s 188", {"law": "Online Safety Act 2023", "provision": "188"}),),
    ),
    Grammar(
        "us-code",
        "US",
        "provision",
        re.compile(
            r"(?P<law>\d{1,2})\s*U\.?\s?S\.?\s?C\.?(?:\s*A\.?)?\s*(?:§§?|[Ss]ec(?:tion)?\.?)?\s*"
            r"(?P<provision>\d+[a-zA-Z]?(?:-\d+)?(?:\([a-zA-Z0-9]+\))*)"
        ),
        (
            ("15 U.S.C. § 6851", {"law": "15", "provision": "6851"}),
            ("47 U.S.C. 230", {"law": "47", "provision": "230"}),
            ("47 U.S.C. § 223(h)", {"law": "47", "provision": "223(h)"}),
        ),
    ),
    Grammar(
        "us-public-law",
        "US",
        "law",
        re.compile(r"\bPub(?:lic)?\.?\s*L(?:aw)?\.?\s*(?:No\.?\s*)?(?P<law>\d{2,3}\s*[-–]\s*\d{1,4})"),
        (("Pub. L. 119-12", {"law": "119-12"}), ("Public Law 119-12", {"law": "119-12"})),
    ),
)


def find_citations(text: str) -> list[CitationRef]:
    """Every citation in ``text``, longest first where two overlap, in text order."""
    found: list[CitationRef] = []
    for grammar in GRAMMARS:
        for match in grammar.pattern.finditer(text):
            groups = match.groupdict()
            found.append(
                CitationRef(
                    grammar=grammar.name,
                    jurisdiction=grammar.jurisdiction,
                    kind=grammar.kind,
                    text=match.group().strip(),
                    start=match.start(),
                    end=match.end(),
                    law=(groups.get("law") or "").strip() or None,
                    provision=(groups.get("provision") or "").strip() or None,
                    case=(groups.get("case") or "").strip() or None,
                )
            )
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[CitationRef] = []
    for ref in found:
        if kept and ref.start < kept[-1].end:
            continue
        kept.append(ref)
    return kept
