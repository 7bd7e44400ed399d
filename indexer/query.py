"""The user's query syntax, parsed into a small tree before any analysis.

Words, ``"phrases"``, ``AND`` / ``OR`` / ``NOT`` (and ``-word``), parentheses, field prefixes
(``title:``, ``court:``...) and trailing-``*`` prefixes. Malformed syntax (an unbalanced quote or
parenthesis, a dangling operator) never fails: the query is read again as plain words and the
result says it was reinterpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.schema import FIELD_PREFIXES

MAX_DEPTH = 8
MAX_TERMS = 32


@dataclass(frozen=True)
class Word:
    text: str
    field: str | None = None
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class Group:
    op: str  # "and" | "or" | "default"
    nodes: tuple[Node, ...]


Node = Word | Phrase | Not | Group


@dataclass
class ParsedQuery:
    tree: Group
    reinterpreted: bool = False
    notes: list[str] = field(default_factory=list)

    def positive_words(self) -> list[Word | Phrase]:
        out: list[Word | Phrase] = []

        def walk(node: Node) -> None:
            if isinstance(node, (Word, Phrase)):
                out.append(node)
            elif isinstance(node, Group):
                for child in node.nodes:
                    walk(child)

        walk(self.tree)
        return out


class QuerySyntaxError(ValueError):
    pass


_TOKEN_RE = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+|"')
_OPERATORS = {"AND": "and", "OR": "or", "NOT": "not", "&&": "and", "||": "or"}


def _lex(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.i = 0
        self.terms = 0

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self) -> Group:
        node = self.or_expr(0)
        if self.peek() is not None:
            raise QuerySyntaxError(f"unexpected {self.peek()!r}")
        return node if isinstance(node, Group) else Group("default", (node,))

    def or_expr(self, depth: int) -> Node:
        nodes = [self.and_expr(depth)]
        while self.peek() in ("OR", "||"):
            self.take()
            nodes.append(self.and_expr(depth))
        return nodes[0] if len(nodes) == 1 else Group("or", tuple(nodes))

    def and_expr(self, depth: int) -> Node:
        nodes: list[Node] = []
        explicit = False
        while (token := self.peek()) is not None and token not in (")", "OR", "||"):
            if token in ("AND", "&&"):
                if not nodes:
                    raise QuerySyntaxError("AND without a left side")
                self.take()
                explicit = True
                if self.peek() in (None, ")", "OR", "||", "AND", "&&"):
                    raise QuerySyntaxError("AND without a right side")
                continue
            nodes.append(self.unary(depth))
        if not nodes:
            raise QuerySyntaxError("empty group")
        return nodes[0] if len(nodes) == 1 else Group("and" if explicit else "default", tuple(nodes))

    def unary(self, depth: int) -> Node:
        token = self.take()
        if token == "NOT":
            if self.peek() in (None, ")", "OR", "||", "AND", "&&"):
                raise QuerySyntaxError("NOT without a word")
            return Not(self.unary(depth))
        if token.startswith("-") and len(token) > 1:
            return Not(self.atom(token[1:]))
        if token == "(":
            if depth >= MAX_DEPTH:
                raise QuerySyntaxError(f"parentheses nested deeper than {MAX_DEPTH}")
            node = self.or_expr(depth + 1)
            if self.peek() != ")":
                raise QuerySyntaxError("unbalanced parenthesis")
            self.take()
            return node
        if token in (")", '"'):
            raise QuerySyntaxError(f"unbalanced {token}")
        return self.atom(token)

    def atom(self, token: str) -> Node:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise QuerySyntaxError(f"more than {MAX_TERMS} terms")
        field_name = None
        if ":" in token and not token.startswith('"'):
            head, _, rest = token.partition(":")
            if head.lower() in FIELD_PREFIXES and rest:
                field_name, token = head.lower(), rest
        if token.startswith('"') and token.endswith('"') and len(token) >= 2:
            inner = token[1:-1].strip()
            if not inner:
                raise QuerySyntaxError("empty phrase")
            return Phrase(inner, field_name)
        if token.endswith("*") and len(token.rstrip("*")) >= 2:
            return Word(token.rstrip("*"), field_name, prefix=True)
        return Word(token.strip("*") or token, field_name)


def plain_words(text: str) -> Group:
    """Every word of ``text`` with the syntax characters removed (the fallback reading)."""
    words = [w for w in re.split(r'[\s()"]+', text) if w and w not in _OPERATORS]
    words = [w.lstrip("-") or w for w in words][:MAX_TERMS]
    return Group("default", tuple(Word(w) for w in words))


def parse_query(text: str) -> ParsedQuery:
    """Parse ``text``; on malformed syntax, fall back to plain words and say so."""
    tokens = _lex(text)
    if not tokens:
        return ParsedQuery(Group("default", ()))
    try:
        return ParsedQuery(_Parser(tokens).parse())
    except QuerySyntaxError as exc:
        return ParsedQuery(plain_words(text), reinterpreted=True, notes=[f"searched as plain words: {exc}"])
