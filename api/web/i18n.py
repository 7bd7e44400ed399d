"""The interface languages and every interface string, in one small table.

Record content (titles, summaries, provision texts) comes from the data in whatever languages it
was written; only the words around it are translated here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

UI_LANGUAGES: dict[str, str] = {"ko": "한국어", "zh": "中文", "en": "English"}
DEFAULT_UI = "en"
COOKIE = "ui_lang"

# key: (English, 한국어, 中文)
STRINGS: dict[str, tuple[str, str, str]] = {
    # frame
    "site_name": ("TFSV knowledge base", "디지털 성범죄 법률 지식베이스", "技术性暴力法律知识库"),
    "tagline": (
        "Laws, cases, platform policies and incidents on technology-facilitated sexual violence",
        "기술매개 성폭력에 관한 법령·판례·플랫폼 정책·사건",
        "关于技术促成的性暴力的法律、案例、平台政策和事件",
    ),
    "skip": ("Skip to content", "본문으로 건너뛰기", "跳到正文"),
    "nav": ("Main", "주 메뉴", "主菜单"),
    "nav_search": ("Search", "검색", "搜索"),
    "nav_compare": ("Compare", "비교", "比较"),
    "nav_timeline": ("Timeline", "연표", "时间线"),
    "nav_api": ("JSON API", "JSON API", "JSON API"),
    "ui_language": ("Interface language", "화면 언어", "界面语言"),
    "footer_data": (
        "Data version {version}, built {built}.",
        "데이터 버전 {version}, 빌드 {built}.",
        "数据版本 {version},构建于 {built}。",
    ),
    "footer_words": (
        "Summaries and provision texts are our own words unless marked verbatim; follow the links to the official texts.",
        "요약과 조문 내용은 ‘원문 그대로’ 표시가 없으면 자체 작성한 글입니다. 공식 원문은 링크에서 확인하세요.",
        "除标明“原文”外,摘要和条文内容均为自行撰写;官方文本请见链接。",
    ),
    # search
    "search_title": ("Search", "검색", "搜索"),
    "search_label": (
        "Search laws, cases, policies and incidents",
        "법령·판례·정책·사건 검색",
        "搜索法律、案例、政策和事件",
    ),
    "search_button": ("Search", "검색", "搜索"),
    "search_help": (
        'Korean, Chinese or English. Words, "phrases", AND / OR / NOT, -word, title:word, word*, or a citation such as 성폭력처벌법 제14조의2.',
        '한국어·중국어·영어로 검색하세요. 단어, "구문", AND / OR / NOT, -단어, title:단어, 단어*, 또는 성폭력처벌법 제14조의2 같은 인용.',
        '可用韩文、中文或英文。词语、"短语"、AND / OR / NOT、-词语、title:词语、词语*,或如 성폭력처벌법 제14조의2 的引用。',
    ),
    "examples": ("Try:", "예시:", "试试:"),
    "results_count": ("{total} results", "검색 결과 {total}건", "共 {total} 条结果"),
    "results_page": ("page {page} of {pages}", "{pages}쪽 중 {page}쪽", "第 {page} 页,共 {pages} 页"),
    "results": ("Results", "검색 결과", "搜索结果"),
    "filters": ("Filters", "필터", "筛选"),
    "facet_jurisdiction": ("Jurisdiction", "관할", "法域"),
    "facet_kind": ("Kind", "종류", "类型"),
    "facet_topic": ("Topic", "주제", "主题"),
    "facet_year": ("Year", "연도", "年份"),
    "active_filters": ("Active filters", "적용된 필터", "已选筛选"),
    "remove_filter": ("Remove filter: {name}", "필터 해제: {name}", "移除筛选:{name}"),
    "add_filter": ("Filter by {name}", "{name}(으)로 좁히기", "按 {name} 筛选"),
    "clear_filters": ("Clear all filters", "필터 모두 해제", "清除全部筛选"),
    "sort": ("Sort", "정렬", "排序"),
    "sort_relevance": ("Most relevant first", "관련도순", "相关度优先"),
    "sort_date": ("Newest first", "최신순", "最新优先"),
    "apply": ("Apply", "적용", "应用"),
    "pagination": ("Result pages", "결과 페이지", "结果分页"),
    "prev": ("Previous", "이전", "上一页"),
    "next": ("Next", "다음", "下一页"),
    "page_n": ("Page {n}", "{n}쪽", "第 {n} 页"),
    "interpretation": ("How your search was read", "검색어 해석", "搜索的理解方式"),
    "also_searched": ("Also searched: {terms}", "함께 검색한 말: {terms}", "同时搜索:{terms}"),
    "recognised_citation": ("Recognised citation: {text}", "인식한 인용: {text}", "识别出的引用:{text}"),
    "citation_found": ("found", "찾음", "已找到"),
    "citation_ambiguous": ("several records match", "여러 기록과 일치", "匹配多条记录"),
    "citation_not_found": ("not in the knowledge base", "지식베이스에 없음", "知识库中没有"),
    "reinterpreted": (
        "The search syntax could not be read as written (for example an unmatched quote or bracket, or AND at the end), so your words were searched as plain words.",
        "검색 문법을 그대로 해석할 수 없어(예: 닫히지 않은 따옴표나 괄호, 끝에 붙은 AND) 입력한 말을 일반 단어로 검색했습니다.",
        "无法按原样解析搜索语法(例如引号或括号未闭合、末尾有 AND),已将输入作为普通词语搜索。",
    ),
    "stop_only": (
        "Your search holds only very common words or symbols, so there was nothing to search for. Try a more specific word.",
        "검색어가 너무 흔한 말이나 기호로만 되어 있어 찾을 것이 없습니다. 더 구체적인 말로 검색해 보세요.",
        "搜索内容只有非常常见的词或符号,无可搜索。请换一个更具体的词。",
    ),
    "stopped": ("Ignored common words: {words}", "무시한 흔한 말: {words}", "忽略的常见词:{words}"),
    "excluded": ("Excluded: {words}", "제외한 말: {words}", "已排除:{words}"),
    "past_end": (
        "Page {page} is past the last page.",
        "{page}쪽은 마지막 쪽 뒤입니다.",
        "第 {page} 页超出了最后一页。",
    ),
    "go_last": ("Go to the last page ({pages})", "마지막 쪽({pages})으로 가기", "前往最后一页(第 {pages} 页)"),
    "window_note": (
        "Only the first 1,000 results can be paged through; add words or filters.",
        "처음 1,000건까지만 넘겨 볼 수 있습니다. 검색어나 필터를 더하세요.",
        "只能翻阅前 1000 条结果;请增加词语或筛选条件。",
    ),
    "query_cut": (
        "The search was cut to {n} characters.",
        "검색어를 {n}자로 줄였습니다.",
        "搜索内容已截短为 {n} 个字符。",
    ),
    "no_results": ("No records match “{q}”.", "‘{q}’에 맞는 기록이 없습니다.", "没有与“{q}”匹配的记录。"),
    "no_results_plain": (
        "No records match these filters.",
        "이 필터에 맞는 기록이 없습니다.",
        "没有符合这些筛选条件的记录。",
    ),
    "no_results_tips": (
        "Try fewer or other words, a synonym in Korean, Chinese or English, or remove a filter.",
        "단어를 줄이거나 바꾸어 보고, 한국어·중국어·영어 동의어를 써 보거나 필터를 해제해 보세요.",
        "请减少或更换词语,尝试韩文、中文或英文的同义词,或移除筛选条件。",
    ),
    "search_without_filters": ("Search again without filters", "필터 없이 다시 검색", "不带筛选重新搜索"),
    "browse_all": ("Browse all records", "모든 기록 보기", "浏览全部记录"),
    "all_records": ("All records", "모든 기록", "全部记录"),
    "bad_query": (
        "This search cannot be used: {message}",
        "이 검색은 사용할 수 없습니다: {message}",
        "无法使用此搜索:{message}",
    ),
    # badges and facts
    "provision": ("Provision", "조문", "条文"),
    "verification": ("Verification", "검증", "核实"),
    "dates": ("Dates", "날짜", "日期"),
    "status": ("Status", "상태", "状态"),
    "topics": ("Topics", "주제", "主题"),
    "jurisdiction": ("Jurisdiction", "관할", "法域"),
    "kind": ("Kind", "종류", "类型"),
    # record page
    "titles": ("Titles", "제목", "标题"),
    "original_language": ("original", "원어", "原文语言"),
    "official_title": ("official title", "공식 제목", "官方标题"),
    "summary": ("Summary", "요약", "摘要"),
    "other_languages": ("In other languages", "다른 언어로", "其他语言"),
    "aliases": ("Also known as", "다른 이름", "又称"),
    "identifiers": ("Identifiers", "식별자", "标识符"),
    "official_text": ("Official text", "공식 원문", "官方文本"),
    "translation_link": ("Translation", "번역본", "译本"),
    "provisions": ("Provisions", "조문", "条文"),
    "heading": ("Heading", "표제", "标题"),
    "in_force_from": ("in force since {date}", "{date} 시행", "{date} 起施行"),
    "versions": ("Versions in time", "시기별 문언", "历次文本"),
    "version_range": ("{start} to {end}", "{start} ~ {end}", "{start} 至 {end}"),
    "version_open": ("from {start}", "{start}부터", "自 {start} 起"),
    "amended_by": ("Ended by", "개정 법령", "修改依据"),
    "current_wording": ("Current wording", "현행 문언", "现行文本"),
    "as_of_label": ("Wording in force on", "다음 날짜의 문언", "以下日期施行的文本"),
    "as_of_show": ("Show", "보기", "显示"),
    "as_of_result": ("On {date}", "{date} 기준", "{date} 时"),
    "as_of_none": (
        "No wording recorded as in force on that day.",
        "그날 시행 중이던 문언이 기록되어 있지 않습니다.",
        "没有记录当日施行的文本。",
    ),
    "later_amendment": ("a later wording exists", "이후 개정된 문언이 있음", "此后另有修改文本"),
    "sources": ("Sources", "출처", "来源"),
    "accessed": ("accessed {date}", "{date} 확인", "{date} 访问"),
    "checked": ("Checked {date}", "{date} 확인", "{date} 核实"),
    "verified_facts": ("Confirmed", "확인된 사실", "已确认"),
    "unverified_facts": ("Not confirmed", "확인되지 않은 사실", "未确认"),
    "unverified_warning": (
        "Not every fact in this record could be confirmed; check the sources before relying on it.",
        "이 기록의 일부 사실은 확인되지 않았습니다. 인용하기 전에 출처를 확인하세요.",
        "本记录中有部分事实未能确认;引用前请核对来源。",
    ),
    "related": ("Related records", "관련 기록", "相关记录"),
    "no_related": ("No related records.", "관련 기록이 없습니다.", "没有相关记录。"),
    "court": ("Court", "법원", "法院"),
    "outcome": ("Outcome", "결과", "结果"),
    "sentence": ("Sentence", "선고형", "判决刑罚"),
    "platform": ("Platform", "플랫폼", "平台"),
    "platforms": ("Platforms", "플랫폼", "平台"),
    "document": ("Document", "문서", "文件"),
    "policy_before": ("Before", "변경 전", "变更前"),
    "policy_after": ("After", "변경 후", "变更后"),
    "scale": ("Scale", "규모", "规模"),
    "instrument": ("Instrument", "형식", "文件类型"),
    "link": ("Link", "링크", "链接"),
    # citation widget
    "cite": ("Cite", "인용", "引用"),
    "cite_record": ("Cite this record", "이 기록 인용", "引用本记录"),
    "cite_provision": ("Cite {number}", "{number} 인용", "引用 {number}"),
    "citation_style": ("Citation style", "인용 형식", "引用格式"),
    "show_citation": ("Show", "보기", "显示"),
    "copy": ("Copy citation", "인용 복사", "复制引用"),
    "copied": ("Copied to the clipboard.", "클립보드에 복사했습니다.", "已复制到剪贴板。"),
    "copy_failed": (
        "Could not copy automatically; select the text and copy it.",
        "자동으로 복사하지 못했습니다. 글을 선택해 복사하세요.",
        "无法自动复制;请选中文字后复制。",
    ),
    "style_native": ("Native (the jurisdiction's own form)", "고유 형식(해당 관할의 표기)", "本地格式(该法域的写法)"),
    "style_en": ("English", "영어", "英文"),
    "style_bibtex": ("BibTeX", "BibTeX", "BibTeX"),
    "style_ris": ("RIS", "RIS", "RIS"),
    "style_csl-json": ("CSL-JSON", "CSL-JSON", "CSL-JSON"),
    # comparison
    "compare_title": ("Compare jurisdictions on a topic", "주제별 관할 비교", "按主题比较各法域"),
    "compare_intro": (
        "What each jurisdiction's recorded provisions criminalise, the maximum prison term, platform duties and leading cases.",
        "관할별로 기록된 조문이 처벌하는 행위, 최고 징역형, 플랫폼 의무와 주요 판례입니다.",
        "各法域已记录条文所规定的犯罪行为、最高刑期、平台义务和主要案例。",
    ),
    "compare_note": (
        "A conduct marked “not recorded” means the knowledge base records no provision for it, not that it is lawful.",
        "‘기록 없음’은 지식베이스에 해당 조문이 기록되지 않았다는 뜻이지, 그 행위가 합법이라는 뜻이 아닙니다.",
        "“未记录”表示知识库中没有相关条文的记录,并不表示该行为合法。",
    ),
    "choose_topic": ("Topic", "주제", "主题"),
    "choose_jurisdictions": ("Jurisdictions (all if none chosen)", "관할(선택하지 않으면 전체)", "法域(不选则为全部)"),
    "compare_button": ("Compare", "비교", "比较"),
    "criminalises": ("Conduct criminalised", "처벌 대상 행위", "入罪行为"),
    "not_recorded": ("not recorded", "기록 없음", "未记录"),
    "max_prison": ("Maximum prison term", "최고 징역형", "最高刑期"),
    "years": ("{n} years", "{n}년", "{n} 年"),
    "platform_duties": ("Platform duties", "플랫폼 의무", "平台义务"),
    "leading_cases": ("Leading cases", "주요 판례", "主要案例"),
    "policies": ("Platform policies", "플랫폼 정책", "平台政策"),
    "nothing_for": (
        "Nothing recorded on this topic for: {list}",
        "이 주제에 관해 기록이 없는 관할: {list}",
        "该主题下没有记录的法域:{list}",
    ),
    "pick_topic": ("Choose a topic to compare.", "비교할 주제를 고르세요.", "请选择要比较的主题。"),
    "deadline": ("deadline: {d}", "기한: {d}", "期限:{d}"),
    "timeline_of_topic": ("Timeline of this topic", "이 주제의 연표", "该主题的时间线"),
    "compare_topic": ("Compare this topic", "이 주제 비교", "比较该主题"),
    # timeline
    "timeline_title": ("Timeline", "연표", "时间线"),
    "timeline_intro": (
        "Laws promulgated, in force and amended; judgments; policy changes; incidents — oldest first.",
        "법령의 공포·시행·개정, 판결, 정책 변경, 사건을 오래된 순서로 보여 줍니다.",
        "按时间先后列出法律的公布、施行和修改,判决,政策变更和事件。",
    ),
    "all_topics": ("All topics", "모든 주제", "全部主题"),
    "words": ("Words (optional)", "검색어(선택)", "词语(可选)"),
    "show_timeline": ("Show timeline", "연표 보기", "显示时间线"),
    "events_count": ("{n} events", "사건 {n}건", "{n} 个事件"),
    "no_events": (
        "No dated events match. Choose another topic or fewer jurisdictions.",
        "맞는 날짜 기록이 없습니다. 다른 주제를 고르거나 관할을 줄여 보세요.",
        "没有符合条件的事件。请换一个主题或减少法域。",
    ),
    # errors
    "not_found_title": ("Page not found", "페이지를 찾을 수 없습니다", "找不到页面"),
    "not_found_text": (
        "There is nothing at this address. It may have been mistyped, or the record may have a new id.",
        "이 주소에는 내용이 없습니다. 주소를 잘못 입력했거나 기록의 id가 바뀌었을 수 있습니다.",
        "此地址没有内容。可能输入有误,或记录的 id 已更改。",
    ),
    "record_not_found": (
        "There is no record with the id “{id}”.",
        "id가 ‘{id}’인 기록이 없습니다.",
        "没有 id 为“{id}”的记录。",
    ),
    "bad_request_title": ("This request cannot be used", "이 요청은 사용할 수 없습니다", "无法使用此请求"),
    "back_to_search": ("Back to search", "검색으로 돌아가기", "返回搜索"),
}

# Labels for the values the data uses: kinds, statuses, date and relation types, duties...
LABELS: dict[str, tuple[str, str, str]] = {
    "kind.law": ("Law", "법령", "法律"),
    "kind.case": ("Case", "판례", "案例"),
    "kind.policy": ("Platform policy", "플랫폼 정책", "平台政策"),
    "kind.incident": ("Incident", "사건", "事件"),
    "kind.provision": ("Provision", "조문", "条文"),
    "verification.verified": ("Verified", "검증됨", "已核实"),
    "verification.partially_verified": ("Partially verified", "일부 검증", "部分核实"),
    "verification.unverified": ("Unverified", "미검증", "未核实"),
    "text_kind.verbatim": ("Verbatim official text", "공식 원문 그대로", "官方原文"),
    "text_kind.translation": ("Translation (not official)", "번역(비공식)", "译文(非官方)"),
    "text_kind.summary": (
        "Summary in our words (not the official text)",
        "자체 요약(공식 원문 아님)",
        "自行撰写的摘要(非官方文本)",
    ),
    "status.in_force": ("In force", "시행 중", "现行有效"),
    "status.partly_in_force": ("Partly in force", "일부 시행", "部分施行"),
    "status.not_yet_in_force": ("Not yet in force", "시행 전", "尚未施行"),
    "status.repealed": ("Repealed", "폐지", "已废止"),
    "status.superseded": ("Superseded", "대체됨", "已被取代"),
    "status.pending": ("Pending", "계류 중", "待定"),
    "status.lapsed": ("Lapsed", "실효", "已失效"),
    "status.renumbered": ("Renumbered", "조문 번호 변경", "条文号已变更"),
    "status.final": ("Final", "확정", "已生效"),
    "status.appealed": ("Appealed", "상소됨", "已上诉"),
    "status.ongoing": ("Ongoing", "진행 중", "进行中"),
    "status.unknown": ("Unknown", "알 수 없음", "未知"),
    "date.enacted": ("enacted", "제정", "制定"),
    "date.passed": ("passed", "의결", "通过"),
    "date.signed": ("signed", "서명", "签署"),
    "date.promulgated": ("promulgated", "공포", "公布"),
    "date.published": ("published", "게재", "发布"),
    "date.effective": ("in force", "시행", "施行"),
    "date.amended": ("amended", "개정", "修改"),
    "date.repealed": ("repealed", "폐지", "废止"),
    "date.proposed": ("proposed", "발의", "提出"),
    "date.introduced": ("introduced", "제출", "提交"),
    "date.decided": ("decided", "선고", "判决"),
    "date.filed": ("filed", "제소", "起诉"),
    "date.indicted": ("indicted", "기소", "起诉"),
    "date.arrested": ("arrested", "체포", "逮捕"),
    "date.announced": ("announced", "발표", "宣布"),
    "date.occurred": ("occurred", "발생", "发生"),
    "date.started": ("started", "시작", "开始"),
    "date.ended": ("ended", "종료", "结束"),
    "date.reported": ("reported", "보도", "报道"),
    "date.provision_in_force": ("provision in force", "조문 시행", "条文施行"),
    "relation.amends": ("Amends", "개정 대상", "修改"),
    "relation.amended_by": ("Amended by", "개정 법령", "被修改"),
    "relation.applies": ("Applies", "적용 법령", "适用"),
    "relation.applied_in": ("Applied in", "적용 사례", "被适用于"),
    "relation.cites": ("Cites", "인용함", "引用"),
    "relation.cited_by": ("Cited by", "인용됨", "被引用"),
    "relation.appeal_of": ("Appeal of", "원심", "上诉自"),
    "relation.appealed_in": ("Appealed in", "상소심", "上诉至"),
    "relation.responds_to": ("Responds to", "대응 대상", "回应"),
    "relation.prompted": ("Prompted", "촉발한 조치", "促成"),
    "relation.implements": ("Implements", "시행 대상", "实施"),
    "relation.implemented_by": ("Implemented by", "시행 법령", "由其实施"),
    "relation.interprets": ("Interprets", "해석 대상", "解释"),
    "relation.interpreted_by": ("Interpreted by", "해석한 기록", "被解释"),
    "relation.replaces": ("Replaces", "대체 대상", "取代"),
    "relation.replaced_by": ("Replaced by", "대체한 기록", "被取代"),
    "relation.arises_from": ("Arises from", "발단 사건", "源于"),
    "relation.gave_rise_to": ("Gave rise to", "이어진 기록", "引发"),
    "relation.related": ("Related", "관련", "相关"),
    "conduct.creation": ("Creating or editing", "제작·편집", "制作或编辑"),
    "conduct.distribution": ("Distributing or selling", "유포·판매", "传播或出售"),
    "conduct.possession": ("Possessing or buying", "소지·구입", "持有或购买"),
    "conduct.viewing": ("Viewing", "시청", "观看"),
    "conduct.threats": ("Threats or coercion", "협박·강요", "威胁或胁迫"),
    "duty.removal": ("Removal", "삭제", "删除"),
    "duty.notice_and_action": ("Notice and action", "신고·조치", "通知与处理"),
    "duty.filtering": ("Filtering", "필터링", "过滤"),
    "duty.technical_measures": ("Technical measures", "기술적 조치", "技术措施"),
    "duty.data_disclosure": ("Data disclosure", "정보 제공", "数据披露"),
    "duty.reporting": ("Reporting", "신고·보고", "报告"),
    "duty.risk_assessment": ("Risk assessment", "위험 평가", "风险评估"),
    "duty.transparency": ("Transparency", "투명성", "透明度"),
    "duty.labelling": ("Labelling", "표시", "标识"),
    "duty.age_assurance": ("Age assurance", "연령 확인", "年龄验证"),
    "duty.record_keeping": ("Record keeping", "기록 보관", "记录保存"),
    "duty.designated_officer": ("Designated officer", "책임자 지정", "指定负责人"),
    "source.official": ("official", "공식", "官方"),
    "source.court": ("court", "법원", "法院"),
    "source.platform": ("platform", "플랫폼", "平台"),
    "source.news": ("news", "언론", "新闻"),
    "source.ngo": ("NGO", "시민단체", "非政府组织"),
    "source.academic": ("academic", "학술", "学术"),
}

_COLUMN = {"en": 0, "ko": 1, "zh": 2}


def ui_language(cookie: str | None, accept_language: str | None) -> str:
    """The cookie's language if known, else the first known language the browser asks for, else English."""
    if cookie in UI_LANGUAGES:
        return cookie
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower().split("-")[0]
        if code in UI_LANGUAGES:
            return code
    return DEFAULT_UI


@dataclass(frozen=True)
class Translator:
    """``t(key, **values)`` for interface strings and ``label(group, value)`` for data values."""

    lang: str

    def __call__(self, key: str, **values: object) -> str:
        text = STRINGS[key][_COLUMN[self.lang]]
        return text.format(**values) if values else text

    def label(self, group: str, value: str | None) -> str:
        if value is None:
            return ""
        entry = LABELS.get(f"{group}.{value}")
        return entry[_COLUMN[self.lang]] if entry else value.replace("_", " ")


@dataclass(frozen=True)
class Localised:
    """A text picked from a language map, with the language it is actually in (for ``lang=``)."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text


def pick(texts: Mapping[str, str] | None, lang: str) -> Localised:
    """The text in ``lang``, else English, else any language written."""
    if not texts:
        return Localised("", lang)
    for candidate in (lang, "en", *texts):
        if texts.get(candidate):
            return Localised(texts[candidate], candidate)
    return Localised("", lang)
