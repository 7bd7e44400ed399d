"""Stop words shared by every analyzer: English function words and Chinese particles.

Korean needs no list: particles and endings are dropped by part of speech.
"""

from __future__ import annotations

from whoosh.analysis import STOP_WORDS as ENGLISH_STOP_WORDS

CHINESE_STOP_WORDS = frozenset(
    "的 了 和 与 及 或 等 之 其 为 对 由 于 被 把 在 是 也 并 而 则 即 就 都 所 以 上 中 下".split()
)

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | CHINESE_STOP_WORDS
