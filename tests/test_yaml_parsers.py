"""libyaml's fast parser gives exactly what PyYAML's pure-Python parser gave: data, lines and problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kb import yaml_source
from kb.yaml_source import read_yaml

from .conftest import MINI

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "plain": "id: x\ntitle: {ko: 제목, en: Title}\nlist:\n  - a\n  - b: 1\n    c: [1, 2.50, NO, 012, ~, null, '']\n",
    "scalars": "a: 14.10\nb: NO\nc: 012\nd: 2021-10-14\ne: 'quoted # not a comment'\nf: \"tab\\tnewline\\n\\u00e9\"\ng:\n",
    "block scalars": "a: |\n  line one\n   line two\n\n  line three\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  kept\n\n",
    "multi-line plain": "summary: a plain scalar\n  that goes on\n\n  and on\nnext: 1\n",
    "comments and flow": "# head\na: [x, {y: z}, 'q']  # trailing\n\nb: {k: v,\n    l: [1,\n        2]}\n",
    "duplicate keys": "a: 1\nb: 2\na: 3\nnested:\n  x: 1\n  x: 2\n",
    "alias": "a: &anchor [1, 2]\nb: *anchor\n",
    "recursive alias": "a: &r [1, *r]\n",
    "merge key": "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "custom tag": "a: !custom value\nb: !!python/object:os.system x\nc: !!binary aGk=\nd: !!str 12\n",
    "complex key": "? [a, b]\n: value\n? {k: v}\n: other\n",
    "crlf": "a: 1\r\nb:\r\n  - x\r\n  - y\r\n",
    "unicode breaks": "a: 'one\u2028two'\nb: \"x\u0085y\"\nc: plain\n",
    "bom": "\ufeffa: 1\nb: 2\n",
    "directives": "%YAML 1.1\n---\na: 1\n...\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "empty document": "---\n...\n",
    "only comment": "# nothing\n",
    "scalar document": "just text\n",
    "list document": "- a\n- b\n",
    "korean and chinese": "title: 텔레그램 N번방\nzh: 韩国N号房事件\naliases: [\"박사방\", 'Nth room']\n",
    "long key": "k" * 1100 + ": v\n",
    "unclosed flow": "id: [unclosed\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "mapping in plain": "a: b: c\n",
    "tab indentation": "a:\n\tb: 1\n",
    "undefined alias": "a: *nope\n",
    "duplicate anchor": "a: &x 1\nb: &x 2\n",
    "unclosed quote": "a: 'open\nb: 2\n",
    "bad escape": 'a: "\\q"\n',
    "control character": "a: \x01\n",
    "stray document end": "a: 1\n... x\n",
    "unknown directive": "%FOO bar\n---\na: 1\n",
}


def _read(loader: type, name: str, text: str | bytes, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(yaml_source, "_FAST_LOADER", loader)
    raw = text.encode("utf-8") if isinstance(text, str) else text
    try:
        doc = read_yaml(name, raw)
    except yaml.YAMLError as exc:
        return type(exc), str(exc)
    return doc.data, doc.lines, doc.issues


def test_libyaml_is_used() -> None:
    assert yaml_source._FAST_LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_same_result_as_the_python_parser(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _read(yaml.CSafeLoader, "f.yaml", text, monkeypatch)
    assert fast == _read(yaml.SafeLoader, "f.yaml", text, monkeypatch)


def test_same_result_for_every_corpus_file(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted({*MINI.rglob("*.yaml"), *(ROOT / "data").rglob("*.yaml")})
    assert files
    for file in files:
        raw = file.read_bytes()
        fast = _read(yaml.CSafeLoader, file.name, raw, monkeypatch)
        assert fast == _read(yaml.SafeLoader, file.name, raw, monkeypatch), file
