"""The shared core of our tokenizers: language code yields :class:`Piece` s, this turns them into whoosh tokens.

A language segmenter only has to say which words a text holds and where; :class:`PieceTokenizer`
honours whoosh's tokenizer contract for all of them (``positions``, ``chars``, ``tokenize=False``,
``mode``, ``start_pos``/``start_char``, one reused :class:`~whoosh.analysis.Token`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from whoosh.analysis import Token, Tokenizer

from indexer.analysis.normalize import normalize_with_offsets, original_span


class Piece(NamedTuple):
    """A word found in normalised text.

    ``overlay`` pieces (a compound and its parts, a Chinese word's sub-words) do not advance the
    position: they take the position of the word they belong to, so phrase queries keep working.
    """

    text: str
    start: int
    end: int
    overlay: bool = False


class PieceTokenizer(Tokenizer):  # type: ignore[misc]
    """Base class: subclasses implement :meth:`pieces` on already-normalised text."""

    def pieces(self, text: str, query: bool) -> list[Piece]:
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        text, offsets = normalize_with_offsets(value)
        pos = start_pos - 1
        for piece in self.pieces(text, mode == "query"):
            if not piece.overlay or pos < start_pos:
                pos += 1
            token.text = piece.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = piece.text
            if positions:
                token.pos = pos
            if chars:
                start, end = original_span(offsets, piece.start, piece.end, len(value))
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token
