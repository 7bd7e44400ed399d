"""Filters shared by our analyzers."""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.analysis import Filter, Token
from whoosh.lang.porter import stem


class LatinStemFilter(Filter):  # type: ignore[misc]
    """Porter-stem tokens written in ASCII letters; leave Hangul, Han and numbers alone.

    >>> [t.text for t in LatinStemFilter()(iter_tokens(["deepfakes", "텔레그램"]))]  # doctest: +SKIP
    ['deepfak', '텔레그램']
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = token.text
            if text.isascii() and text.isalpha() and len(text) > 2:
                token.text = stem(text)
            yield token
