"""The analyzers, table-driven, and the whoosh tokenizer contract."""

from __future__ import annotations

import pickle

import pytest

from indexer.analysis import (
    ChineseAnalyzer,
    EnglishAnalyzer,
    KoreanAnalyzer,
    MultilingualAnalyzer,
    normalize_text,
)

ANALYZER = MultilingualAnalyzer()


def query_tokens(text: str) -> list[str]:
    return [t.text for t in ANALYZER(text, mode="query")]


def index_tokens(text: str) -> list[str]:
    return [t.text for t in ANALYZER(text)]


# fmt: off
SAME_TOKENS = [
    # Korean particles and endings are dropped
    ("텔레그램에서", "텔레그램"),
    ("텔레그램을", "텔레그램"),
    ("텔레그램의", "텔레그램"),
    ("딥페이크를", "딥페이크"),
    ("허위영상물을", "허위영상물"),
    # Traditional folds to Simplified
    ("深度偽造", "深度伪造"),
    ("電報", "电报"),
    ("隱私政策", "隐私政策"),
    # English stems and case
    ("Deepfakes", "deepfake"),
    ("removals", "removal"),
    # full-width and compatibility forms (NFKC)
    ("ＴＥＬＥＧＲＡＭ", "telegram"),
    # zero-width characters
    ("텔레\u200b그램", "텔레그램"),
]

INDEX_CONTAINS = [
    ("딥페이크를 이용한 허위영상물", ["딥페이크", "이용", "허위영상물"]),
    ("불법촬영물 소지죄", ["불법촬영물", "소지"]),
    ("N번방 사건", ["n번방", "사건"]),
    ("Telegram 텔레그램에서", ["telegram", "텔레그램"]),
    ("偷拍视频在Telegram频道传播", ["偷拍", "视频", "telegram", "频道", "传播"]),
    ("韩国N号房事件", ["韩国", "n号房", "事件"]),
    ("互联网信息服务深度合成管理规定", ["互联网", "深度合成", "深度", "合成", "管理", "规定"]),
    ("the non-consensual sharing of intimate images", ["non", "consensu", "share", "intim", "imag"]),
]

DROPPED = [
    ("그리고 및 또는", []), ("the of and", []), ("的", []), ("", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "same_as"), SAME_TOKENS, ids=[t for t, _ in SAME_TOKENS])
def test_variants_analyse_the_same(text: str, same_as: str) -> None:
    assert query_tokens(text) == query_tokens(same_as)
    assert query_tokens(text)


@pytest.mark.parametrize(("text", "expected"), INDEX_CONTAINS, ids=[t for t, _ in INDEX_CONTAINS])
def test_index_tokens_contain(text: str, expected: list[str]) -> None:
    tokens = index_tokens(text)
    for token in expected:
        assert token in tokens, (token, tokens)


@pytest.mark.parametrize(("text", "expected"), DROPPED)
def test_function_words_dropped(text: str, expected: list[str]) -> None:
    assert query_tokens(text) == expected


def test_query_finds_compound_parts_that_documents_index() -> None:
    """A query word must be findable in a document that writes it inside a longer phrase."""
    for query, document in [("딥페이크", "딥페이크를 이용한"), ("偷拍", "偷拍视频"), ("deepfake", "deepfakes")]:
        assert set(query_tokens(query)) <= set(index_tokens(document))


def test_korean_compound_overlay_shares_position() -> None:
    tokens = [(t.text, t.pos) for t in ANALYZER("불법촬영물 소지죄", positions=True)]
    assert ("불법촬영물", 0) in tokens
    assert ("소지", 1) in tokens and ("소지죄", 1) in tokens


def test_chinese_subwords_share_the_word_position() -> None:
    tokens = [(t.text, t.pos) for t in ANALYZER("互联网信息", positions=True)]
    assert tokens == [("互联网", 0), ("互联", 0), ("联网", 0), ("信息", 1)]


def test_positions_are_ordinals_not_offsets() -> None:
    positions = [t.pos for t in ANALYZER("Telegram 텔레그램 偷拍 视频", positions=True)]
    assert positions == [0, 1, 2, 3]


def test_chars_point_into_the_original_text() -> None:
    text = "㈜텔레그램\u200b에서 深度偽造"
    for token in ANALYZER(text, chars=True):
        assert text[token.startchar : token.endchar]
    spans = {t.text: text[t.startchar : t.endchar] for t in ANALYZER(text, chars=True)}
    assert spans["深度伪造"] == "深度偽造"
    assert spans["텔레그램"] == "텔레그램"


def test_tokenize_false_yields_the_whole_value() -> None:
    assert [t.text for t in ANALYZER("텔레그램에서 N번방", tokenize=False)] == ["텔레그램에서 n번방"]


def test_start_pos_and_start_char_offset_tokens() -> None:
    tokens = list(
        (t.pos, t.startchar) for t in ANALYZER("텔레그램", positions=True, chars=True, start_pos=5, start_char=10)
    )
    assert tokens == [(5, 10)]


@pytest.mark.parametrize("factory", [MultilingualAnalyzer, KoreanAnalyzer, ChineseAnalyzer, EnglishAnalyzer])
def test_analyzers_pickle_without_their_segmenters(factory) -> None:  # type: ignore[no-untyped-def]
    analyzer = factory()
    list(analyzer("텔레그램 偷拍 deepfake"))  # segmenters are loaded now
    clone = pickle.loads(pickle.dumps(analyzer))
    assert clone == analyzer
    assert [t.text for t in clone("텔레그램에서")] == [t.text for t in analyzer("텔레그램에서")]
    assert len(pickle.dumps(analyzer)) < 5000


def test_single_language_analyzers() -> None:
    assert [t.text for t in KoreanAnalyzer()("텔레그램에서 딥페이크를")] == ["텔레그램", "딥페이크"]
    assert [t.text for t in ChineseAnalyzer()("深度偽造的影像", mode="query")] == ["深度伪造", "影像"]
    assert [t.text for t in EnglishAnalyzer()("The Deepfakes")] == ["deepfak"]


def test_normalize_text_removes_invisible_and_bidi_characters() -> None:
    assert normalize_text("a\u200bb\u202ec\ufeffd\x00e") == "abcde"
    assert normalize_text("ＡＢＣ１２３") == "ABC123"
