"""Highlighted snippets: the window of a text where the query's terms are densest, matches in <mark>.

The token spans of a text are computed once with the same analyzer as the index and cached, so a
text shown again (the usual case) costs no analysis.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from indexer.analysis import MultilingualAnalyzer

SNIPPET_CHARS = 240
LEAD_CHARS = 60
_ANALYZER = MultilingualAnalyzer()


@lru_cache(maxsize=8192)
def token_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every token of ``text`` with its [start, end) characters in ``text``."""
    return tuple((t.text, t.startchar, t.endchar) for t in _ANALYZER(text, chars=True, removestops=False))


def snippet(text: str, terms: frozenset[str], width: int = SNIPPET_CHARS) -> str | None:
    """HTML for the best window of ``text`` with ``terms`` marked; None when no term occurs."""
    spans = sorted({(s, e) for token, s, e in token_spans(text) if token in terms})
    if not spans:
        return None
    best_start, best_count = 0, -1
    for start, _end in spans:
        window_start = max(0, start - LEAD_CHARS)
        count = sum(1 for s, e in spans if s >= window_start and e <= window_start + width)
        if count > best_count:
            best_start, best_count = window_start, count
    window_end = min(len(text), best_start + width)
    out: list[str] = ["…" if best_start else ""]
    cursor = best_start
    for start, end in spans:
        if start < cursor or end > window_end:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f'<mark class="hl">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:window_end]))
    out.append("…" if window_end < len(text) else "")
    return "".join(out)


def plain_snippet(text: str, width: int = SNIPPET_CHARS) -> str:
    """The start of ``text``, escaped."""
    return escape(text[:width]) + ("…" if len(text) > width else "")
