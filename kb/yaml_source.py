"""Read one YAML file into plain data plus a map of field paths to line numbers.

Scalars stay the text that was written (``14.10``, ``NO`` and ``012`` are not turned into numbers
or booleans); only an empty value or ``null``/``~`` becomes ``None``. The models then type each
field. Duplicate keys, aliases, merge keys and custom tags are reported as problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kb.errors import DataIssue

Path = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}
_ALLOWED_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
MAX_FILE_BYTES = 2_000_000
# libyaml's parser is many times faster than PyYAML's pure-Python one and gives the same nodes and marks.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """A parsed file: its data, the line of every field, and the problems found."""

    file: str
    data: Any = None
    lines: dict[Path, int] = field(default_factory=dict)
    issues: list[DataIssue] = field(default_factory=list)

    def line_of(self, path: Path) -> int:
        """The line of the deepest known field on ``path`` (1 when nothing matches)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def format_path(path: Path) -> str:
    """``("provisions", 0, "text")`` -> ``provisions[0].text``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(file: str, raw: bytes) -> YamlDocument:
    """Parse ``raw`` (the bytes of ``file``) without losing line numbers or problems."""
    doc = YamlDocument(file)
    if len(raw) > MAX_FILE_BYTES:
        doc.issues.append(DataIssue(file, 1, "", f"file is larger than {MAX_FILE_BYTES} bytes"))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.issues.append(DataIssue(file, line, "", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})"))
        return doc
    if not text.strip():
        doc.issues.append(DataIssue(file, 1, "", "file is empty"))
        return doc
    try:
        nodes = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        doc.issues.append(DataIssue(file, line, "", f"YAML syntax: {exc.problem or exc.context}"))
        return doc
    if len(nodes) != 1:
        doc.issues.append(DataIssue(file, 1, "", f"expected one YAML document, found {len(nodes)}"))
        return doc
    doc.data = _convert(nodes[0], (), doc, set())
    return doc


def _compose(text: str) -> list[Node]:
    """The document nodes of ``text``, parsed by libyaml; a text libyaml rejects is parsed again by PyYAML's
    own parser, so that what is accepted and every error message stay PyYAML's."""
    try:
        return list(yaml.compose_all(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def _convert(node: Node, path: Path, doc: YamlDocument, seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    doc.lines.setdefault(path, line)
    where = format_path(path)
    if id(node) in seen:
        doc.issues.append(DataIssue(doc.file, line, where, "aliases (*name) are not allowed; write the value out"))
        return None
    if node.tag not in _ALLOWED_TAGS:
        doc.issues.append(DataIssue(doc.file, line, where, f"custom tag {node.tag!r} is not allowed"))
        return None
    if isinstance(node, ScalarNode):
        if not node.style and node.value in _NULLS:  # plain: style None (PyYAML) or "" (libyaml)
            return None
        return node.value
    seen.add(id(node))
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), doc, seen) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode):
            doc.issues.append(DataIssue(doc.file, key_line, where, "a mapping key must be plain text"))
            continue
        key = key_node.value
        if key == "<<":
            doc.issues.append(DataIssue(doc.file, key_line, where, "merge keys (<<) are not allowed"))
            continue
        child = (*path, key)
        if key in out:
            first = doc.lines.get(child, key_line)
            doc.issues.append(
                DataIssue(doc.file, key_line, format_path(child), f"duplicate key {key!r} (first at line {first})")
            )
            continue
        doc.lines[child] = key_line
        out[key] = _convert(value_node, child, doc, seen)
    return out
