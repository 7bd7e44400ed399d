"""Snippets: the densest window, matches marked, everything else escaped."""

from __future__ import annotations

from indexer.snippets import plain_snippet, snippet


def test_marks_matches_and_escapes_the_rest() -> None:
    text = "<b>Telegram</b> channels shared deepfakes; 텔레그램에서 유포된 딥페이크."
    html = snippet(text, frozenset({"telegram", "deepfak", "텔레그램", "딥페이크"}))
    assert html is not None
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert html.count("<mark") == 4
    assert '<mark class="hl">텔레그램</mark>에서' in html


def test_window_is_where_terms_are_densest() -> None:
    text = "x " * 400 + "deepfake deepfake deepfake" + " y" * 400
    html = snippet(text, frozenset({"deepfak"}))
    assert html is not None and html.startswith("…") and html.endswith("…")
    assert html.count("<mark") == 3


def test_no_match_gives_none_and_plain_snippets_are_escaped() -> None:
    assert snippet("nothing here", frozenset({"telegram"})) is None
    assert plain_snippet("a < b" * 100).startswith("a &lt; b")
