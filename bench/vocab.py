"""Word lists and sentence templates for synthetic Korean, Chinese and English legal text.

The text is nonsense as law but realistic as *input to the analyzers*: Korean nouns with the right
particles (은/는, 이/가, 을/를, 에서, 으로/로), verb endings, Chinese legal vocabulary without spaces,
English legal prose, numbers, article numbers and case numbers written as in real records.
"""

from __future__ import annotations

import random

KO_NOUNS = (
    "딥페이크 불법촬영물 성착취물 텔레그램 플랫폼 피해자 가해자 유포 소지 시청 구매 저장 삭제 차단 수사기관 경찰 검찰 "
    "법원 대법원 방송통신심의위원회 개인정보 아동·청소년 허위영상물 촬영물 반포 협박 강요 처벌 징역 벌금 사업자 "
    "전기통신사업자 부가통신사업자 기술적조치 필터링 신고 디지털성범죄 피해지원 영상물 채널 대화방 운영자 공범 "
    "범죄단체 조직 판결 기소 구속 수사 압수수색 국제공조 정보제공 이용자 계정 서버 해외 협조 의무 책임 규정 조항 "
    "위반 과태료 시정명령 웹하드 불법정보 유통 방지 모니터링 투명성보고서 인공지능 합성 편집 제작 판매 교사 방조 "
    "성범죄 온라인 메신저 익명성 암호화 증거 재판부 항소심 상고심 피고인 양형 집행유예 신상공개 보호처분 성인 미성년자"
).split()
KO_VERBS = (
    "처벌한다 규정하고 있다 금지한다 요구하였다 선고하였다 의무화했다 확인하였다 인정하였다 강화하였다 "
    "도입하였다 부과한다 명시하였다 제한한다 허용하지 않는다 판단하였다 기각하였다 파기하였다 요청하였다 "
    "거부하였다 공개하였다 발표하였다 확대하였다 신설하였다 적용하였다"
).split()
KO_ADVERBS = "사실상 명시적으로 새롭게 처음으로 엄격하게 지속적으로 신속하게 최근 다시 함께".split()
KO_PLACES = "온라인에서 해외 서버에서 대화방에서 메신저에서 플랫폼에서 법정에서 국회에서 현장에서".split()

ZH_NOUNS = (
    "深度伪造 偷拍 淫秽物品 传播 制作 贩卖 网络平台 服务提供者 删除 屏蔽 治安管理处罚 刑法 公安机关 人民法院 "
    "被告人 被害人 个人信息 未成年人 电报 频道 群组 管理员 非法获取 侵犯 隐私 有期徒刑 拘役 罚款 判决 上诉 "
    "检察院 起诉 技术措施 监管 网信办 算法 生成式人工智能 标识 举报 取证 跨境 数据 网络安全 信息内容 侮辱 诽谤 "
    "色情 牟利 共同犯罪 从犯 主犯 情节严重 司法解释 最高人民法院 行政处罚 责令改正 违法所得 证据 账号 用户 "
    "聊天记录 视频 图片 直播 敲诈勒索 强制猥亵 性侵害 网络暴力 平台责任 内容审核 义务"
).split()
ZH_VERBS = "处以 规定 禁止 要求 判处 认定 明确 加强 追究 删除 查处 打击 适用 驳回 维持 撤销 公布 发布 设立 承担".split()
ZH_CONNECTORS = "根据 依照 对于 针对 关于 按照".split()

EN_NOUNS = (
    "deepfake image intimate image platform victim offender distribution possession viewing purchase storage "
    "removal blocking police prosecutor court supreme court regulator personal data minor synthetic video "
    "threat coercion penalty imprisonment fine service provider technical measure filtering report digital sex crime "
    "victim support channel group chat administrator accomplice criminal organisation judgment indictment detention "
    "investigation search warrant cooperation disclosure user account server duty liability provision violation "
    "transparency report artificial intelligence content moderation notice takedown encryption anonymity evidence "
    "appeal sentence probation registration grooming sextortion exploitation material safe harbour"
).split()
EN_VERBS = (
    "punishes requires prohibits imposes held ordered confirmed extended introduced criminalises limits allows "
    "dismissed reversed upheld requested refused published announced applies defines"
).split()
EN_ADJ = "unlawful non-consensual sexual explicit online foreign criminal civil administrative serious repeated".split()

PLATFORMS = ("Telegram", "X", "Meta", "Kakao", "Naver", "Douyin", "Weibo", "Discord", "Reddit", "TikTok")
SURNAMES_KO = "김 이 박 최 정 강 조 윤 장 임".split()
ZH_COURTS = ("北京市第一中级人民法院", "上海市浦东新区人民法院", "广东省高级人民法院", "浙江省杭州市中级人民法院")
KO_COURTS = ("서울중앙지방법원", "서울고등법원", "대법원", "수원지방법원", "부산지방법원", "대구고등법원")
EN_COURTS = ("United States District Court", "Court of Appeals", "Crown Court", "High Court", "Court of Justice")


def has_batchim(word: str) -> bool:
    """Whether the last Hangul syllable of ``word`` ends in a consonant (picks 은/는, 이/가, 을/를)."""
    last = word[-1]
    return "\uac00" <= last <= "\ud7a3" and (ord(last) - 0xAC00) % 28 != 0


def josa(word: str, pair: str) -> str:
    """``word`` with the particle of ``pair`` ("은는", "이가", "을를", "과와", "으로로") that fits its ending."""
    if pair == "으로로":
        return word + ("으로" if has_batchim(word) else "로")
    return word + (pair[0] if has_batchim(word) else pair[1])


def ko_sentence(rng: random.Random) -> str:
    subject, obj, other = rng.sample(KO_NOUNS, 3)
    parts = [josa(subject, rng.choice(("은는", "이가")))]
    if rng.random() < 0.5:
        parts.append(rng.choice(KO_PLACES))
    if rng.random() < 0.5:
        parts.append(f"{other}에 대하여")
    if rng.random() < 0.3:
        parts.append(rng.choice(KO_ADVERBS))
    if rng.random() < 0.3:
        parts.append(f"{rng.randint(1, 10)}년 이하의 징역으로")
    parts.append(josa(obj, "을를"))
    parts.append(rng.choice(KO_VERBS))
    return " ".join(parts) + "."


def zh_sentence(rng: random.Random) -> str:
    a, b, c, d = rng.sample(ZH_NOUNS, 4)
    shapes = (
        f"{rng.choice(ZH_CONNECTORS)}{a}的规定，{b}{rng.choice(ZH_VERBS)}{c}和{d}。",
        f"{a}在{b}中{rng.choice(ZH_VERBS)}{c}，情节严重的，处{rng.randint(1, 10)}年以下有期徒刑。",
        f"{a}{rng.choice(ZH_VERBS)}{b}，并{rng.choice(ZH_VERBS)}{c}{d}。",
    )
    return rng.choice(shapes)


def en_sentence(rng: random.Random) -> str:
    a, b, c = rng.sample(EN_NOUNS, 3)
    shapes = (
        f"The {a} {rng.choice(EN_VERBS)} the {rng.choice(EN_ADJ)} {b} of {c}.",
        f"Under this rule a {a} that {rng.choice(EN_VERBS)} {b} on {rng.choice(PLATFORMS)} faces up to "
        f"{rng.randint(1, 10)} years.",
        f"The {a} {rng.choice(EN_VERBS)} a {rng.choice(EN_ADJ)} {b}, and the {c} was {rng.choice(EN_VERBS)}.",
    )
    return rng.choice(shapes)


SENTENCES = {"ko": ko_sentence, "zh": zh_sentence, "en": en_sentence}


def paragraph(rng: random.Random, lang: str, min_chars: int, max_chars: int) -> str:
    """Sentences in ``lang`` until the text is between ``min_chars`` and about ``max_chars`` long."""
    target = rng.randint(min_chars, max_chars)
    sep = "" if lang == "zh" else " "
    out: list[str] = []
    while sum(len(s) for s in out) < target:
        out.append(SENTENCES[lang](rng))
    return sep.join(out)
