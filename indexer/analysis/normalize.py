"""Text normalisation for search: NFKC, invisible characters removed, offsets kept.

The stored text is never changed; only the copy that is analysed is normalised. Because
NFKC can change the length of a character (``㈜`` becomes ``(주)``), :func:`normalize_with_offsets`
also returns, for every character of the normalised text, the index of the original character,
so that highlights still point into the original.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters, bidirectional controls, BOM, soft hyphen, and C0/C1 controls except
# whitespace: removed from anything we analyse.
INVISIBLE_RE = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)


def normalize_text(text: str) -> str:
    """NFKC-normalise ``text`` and drop zero-width, bidi and control characters."""
    return unicodedata.normalize("NFKC", INVISIBLE_RE.sub("", text))


def normalize_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """The normalised text, and a map from its characters to original indexes.

    The map is ``None`` when normalisation changed nothing (the common case), meaning identity.
    """
    if unicodedata.is_normalized("NFKC", text) and not INVISIBLE_RE.search(text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if INVISIBLE_RE.match(char):
            continue
        normal = unicodedata.normalize("NFKC", char)
        out.append(normal)
        offsets.extend([index] * len(normal))
    return "".join(out), offsets


def original_span(offsets: list[int] | None, start: int, end: int, length: int) -> tuple[int, int]:
    """Map a [start, end) span of the normalised text back to the original text."""
    if offsets is None:
        return start, end
    if not offsets:
        return 0, 0
    first = offsets[min(start, len(offsets) - 1)]
    last = offsets[end - 1] + 1 if end - 1 < len(offsets) else length
    return first, max(first, last)
