"""The query syntax, table-driven."""

from __future__ import annotations

import pytest

from indexer.query import Group, Not, Phrase, Word, parse_query

# fmt: off
CASES = [
    ("텔레그램 딥페이크", Group("default", (Word("텔레그램"), Word("딥페이크"))), False),
    ('"notice and action"', Group("default", (Phrase("notice and action"),)), False),
    ("telegram AND korea", Group("and", (Word("telegram"), Word("korea"))), False),
    ("telegram OR 电报", Group("or", (Word("telegram"), Word("电报"))), False),
    ("telegram -privacy", Group("default", (Word("telegram"), Not(Word("privacy")))), False),
    ("telegram NOT privacy", Group("default", (Word("telegram"), Not(Word("privacy")))), False),
    ("title:DSA", Group("default", (Word("DSA", "title"),)), False),
    ("deepfa*", Group("default", (Word("deepfa", prefix=True),)), False),
    ("unknown:field", Group("default", (Word("unknown:field"),)), False),
    ("(telegram", Group("default", (Word("telegram"),)), True),
    ('"unclosed phrase', Group("default", (Word("unclosed"), Word("phrase"))), True),
    ("telegram AND", Group("default", (Word("telegram"),)), True),
    ("NOT", Group("default", ()), True),
    (")(", Group("default", ()), True),
    ("((((((((((deep))))))))))", Group("default", (Word("deep"),)), True),
]
# fmt: on


@pytest.mark.parametrize(("text", "tree", "reinterpreted"), CASES, ids=[c[0] for c in CASES])
def test_parse(text: str, tree: Group, reinterpreted: bool) -> None:
    parsed = parse_query(text)
    assert parsed.tree == tree
    assert parsed.reinterpreted is reinterpreted
    assert bool(parsed.notes) is reinterpreted


def test_term_count_is_capped() -> None:
    parsed = parse_query(" ".join(f"w{i}" for i in range(100)))
    assert parsed.reinterpreted
    assert len(parsed.tree.nodes) == 32
