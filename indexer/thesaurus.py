"""The topic thesaurus at query time: which concepts a query names, and their terms in every language."""

from __future__ import annotations

from collections.abc import Callable


class Thesaurus:
    """Topic id -> terms in every language, matched on analysed tokens (so 딥페이크를 finds 딥페이크)."""

    def __init__(self, topics: dict[str, list[str]], analyse: Callable[[str], tuple[str, ...]]) -> None:
        self.analyse = analyse
        self.terms = topics
        self._patterns: list[tuple[tuple[str, ...], str]] = []
        for topic, terms in topics.items():
            for term in terms:
                tokens = tuple(analyse(term))
                if tokens:
                    self._patterns.append((tokens, topic))

    def topics_in(self, text: str) -> list[str]:
        """Topics any of whose terms occurs in ``text`` (as a run of analysed tokens)."""
        tokens = tuple(self.analyse(text))
        found: list[str] = []
        for pattern, topic in self._patterns:
            if topic in found:
                continue
            n = len(pattern)
            if any(tokens[i : i + n] == pattern for i in range(len(tokens) - n + 1)):
                found.append(topic)
        return found

    def other_terms(self, topic: str, text: str) -> list[str]:
        """The topic's terms that ``text`` does not already contain."""
        typed = set(self.analyse(text))
        return [t for t in self.terms[topic] if not set(self.analyse(t)) <= typed]
