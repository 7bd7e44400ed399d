"""Identifier grammars: record ids, provision numbers, language codes, provision keys."""

from __future__ import annotations

import re

LANGUAGE_CODES: tuple[str, ...] = ("ko", "zh", "zh-Hant", "en", "fr", "de", "ja", "es", "pt", "pl", "it", "nl")

RECORD_ID_RE = re.compile(r"[a-z]{2,3}-(?:law|case|policy|incident)-[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 120

# A provision number as its jurisdiction writes it: "제14조의2", "第三百六十四条", "Article 16",
# "section 66B", "§ 6851". No slashes, no control characters, at most 40 characters.
PROVISION_NUMBER_RE = re.compile(r"[^\s/\\?#%\x00-\x1f][^/\\?#%\x00-\x1f]{0,39}")

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇一二三四五六七八九十百千两"


def chinese_numeral_to_int(text: str) -> int:
    """Convert a Chinese numeral (三百六十四, 二百五十三, 十) or Arabic digits to an int."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total += (digit or 1) * _CN_UNITS[char]
            digit = 0
        else:
            raise ValueError(f"{char!r} is not a Chinese numeral")
    return total + digit


def int_to_chinese_numeral(number: int) -> str:
    """Write 364 as 三百六十四, 10 as 十, 105 as 一百零五."""
    if number == 0:
        return "零"
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    zero_pending = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (unit == "十" and digit == 1 and not parts):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


_KEY_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"제\s*(\d+)\s*조(?:\s*의\s*(\d+))?"), "kr"),
    (re.compile(rf"第\s*([\d{CN_NUMERAL}]+)\s*条(?:\s*之\s*([\d{CN_NUMERAL}]+))?"), "cn"),
    (re.compile(r"(?i)^(?:art(?:icle)?\.?|s(?:ection)?\.?|§+|sec\.?)\s*(\d+[A-Za-z]*(?:\([0-9a-zA-Z]+\))*)$"), "plain"),
)


def provision_key(number: str) -> str:
    """A stable, URL-safe key for a provision number.

    >>> provision_key("제14조의2"), provision_key("第二百五十三条之一"), provision_key("section 66B")
    ('14-2', '253-1', '66b')
    """
    text = number.strip()
    for pattern, style in _KEY_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        if style == "kr":
            main, sub = match.group(1), match.group(2)
            return f"{int(main)}-{int(sub)}" if sub else str(int(main))
        if style == "cn":
            main, sub = chinese_numeral_to_int(match.group(1)), match.group(2)
            return f"{main}-{chinese_numeral_to_int(sub)}" if sub else str(main)
        return re.sub(r"[()]+", "-", match.group(1).lower()).strip("-")
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-") or text
