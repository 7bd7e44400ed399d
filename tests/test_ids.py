"""Identifier grammars and provision keys."""

from __future__ import annotations

import pytest

from kb.ids import RECORD_ID_RE, chinese_numeral_to_int, int_to_chinese_numeral, provision_key

# fmt: off
KEYS = [
    ("제14조", "14"), ("제14조의2", "14-2"), ("제 14 조의 3", "14-3"),
    ("第三百六十四条", "364"), ("第二百五十三条之一", "253-1"), ("第364条", "364"), ("第一千零一十九条", "1019"),
    ("Article 16", "16"), ("Art. 5", "5"), ("section 66B", "66b"), ("s. 33", "33"),
    ("§ 6851", "6851"), ("§ 223(h)", "223-h"),
]
# fmt: on


@pytest.mark.parametrize(("number", "key"), KEYS)
def test_provision_key(number: str, key: str) -> None:
    assert provision_key(number) == key


@pytest.mark.parametrize("n", [1, 10, 11, 20, 42, 50, 80, 105, 253, 287, 364, 1019, 1032, 1033])
def test_chinese_numerals_round_trip(n: int) -> None:
    assert chinese_numeral_to_int(int_to_chinese_numeral(n)) == n


@pytest.mark.parametrize(
    ("record_id", "valid"),
    [
        ("kr-law-network-act", True),
        ("int-policy-telegram-privacy-2024-09", True),
        ("KR-law-x", False),
        ("kr-statute-x", False),
        ("kr-law-", False),
        ("kr-law-a--b", False),
        ("../etc/passwd", False),
    ],
)
def test_record_id_grammar(record_id: str, valid: bool) -> None:
    assert bool(RECORD_ID_RE.fullmatch(record_id)) is valid
