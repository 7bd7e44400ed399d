"""The query mix: Korean, Chinese, English, cross-lingual and citation queries, with and without filters.

The same mix runs against every corpus (real and synthetic), in process and over HTTP, and against
the baselines, so latencies are comparable between sizes and systems.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from indexer.search import SearchRequest


@dataclass(frozen=True)
class BenchQuery:
    q: str
    category: str
    jurisdictions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    date_from: str | None = None
    params: dict[str, str] = field(default_factory=dict)

    @property
    def filtered(self) -> bool:
        return bool(self.jurisdictions or self.kinds or self.topics or self.date_from)

    def request(self) -> SearchRequest:
        return SearchRequest(
            q=self.q,
            jurisdictions=list(self.jurisdictions),
            kinds=list(self.kinds),
            topics=list(self.topics),
            date_from=dt.date.fromisoformat(self.date_from) if self.date_from else None,
        )

    def url(self) -> str:
        params: list[tuple[str, str]] = [("q", self.q)]
        params += [("jurisdiction", j) for j in self.jurisdictions]
        params += [("kind", k) for k in self.kinds]
        params += [("topic", t) for t in self.topics]
        if self.date_from:
            params.append(("date_from", self.date_from))
        return "/v1/search?" + urlencode(params)


QUERIES: tuple[BenchQuery, ...] = (
    BenchQuery("텔레그램에서", "ko"),
    BenchQuery("딥페이크 처벌", "ko"),
    BenchQuery("불법촬영물 유포", "ko"),
    BenchQuery("아동·청소년 성착취물을 소지", "ko"),
    BenchQuery("플랫폼 삭제 의무", "ko", jurisdictions=("KR",)),
    BenchQuery("피해자 지원", "ko", kinds=("law",)),
    BenchQuery("偷拍", "zh"),
    BenchQuery("深度伪造 平台责任", "zh"),
    BenchQuery("深度偽造", "zh"),
    BenchQuery("传播淫秽物品 治安管理处罚", "zh", jurisdictions=("CN",)),
    BenchQuery("个人信息 网络平台", "zh", kinds=("case",)),
    BenchQuery("deepfake", "en"),
    BenchQuery("NCII platform liability", "en"),
    BenchQuery('"intimate image" removal', "en"),
    BenchQuery("telegram data disclosure police", "en", jurisdictions=("KR", "US")),
    BenchQuery("sextortion minors", "en", date_from="2015-01-01"),
    BenchQuery("deepfake 딥페이크 深度伪造", "cross"),
    BenchQuery("Telegram 텔레그램 电报", "cross"),
    BenchQuery("N번방 韩国N号房", "cross", topics=("telegram",)),
    BenchQuery("성폭력처벌법 제14조의2", "citation"),
    BenchQuery("2021도4265", "citation"),
    BenchQuery("18 U.S.C. § 2252A", "citation"),
    BenchQuery("47 U.S.C. 230", "citation", kinds=("law",)),
    BenchQuery("刑法第三百六十四条", "citation"),
    BenchQuery("title:deepfake -telegram", "en"),
    BenchQuery("platform*", "en", jurisdictions=("EU", "UK")),
)
