"""Search: the parsed query compiled to whoosh queries, run, and returned as plain dataclasses."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as Q
from whoosh.searching import Searcher

from indexer.analysis import normalize_text
from indexer.index_arrays import IndexArrays
from indexer.kind_cues import KIND_CUES
from indexer.query import Group, Not, ParsedQuery, Phrase, Word, parse_query
from indexer.schema import FIELD_PREFIXES, SEARCH_LANGUAGES, TEXT_FIELDS
from indexer.scoring import BonusPhrase, QueryScorer, Ranked
from indexer.snippets import plain_snippet, snippet
from indexer.thesaurus import Thesaurus
from kb.citation_grammar import find_citations
from kb.citation_resolver import Resolution, Resolver, normalize_key
from kb.ids import provision_key

MAX_PAGE_SIZE = 100
MAX_RESULT_WINDOW = 1000
MAX_QUERY_LENGTH = 500
MAX_PREFIX_EXPANSION = 64
MAX_FUZZY_EXPANSION = 8
FUZZY_BOOST = 0.6
PHRASE_BONUS = 0.5
ALL_WORDS_BONUS = 1.0
EXPANSION_BOOST = 0.3
CITATION_SCORE = 1000.0
EXACT_NAME_SCORE = 200.0
KIND_CUE_SCORE = 15.0
# Fields of running text: where phrase bonuses apply (not ids, not court names).
PROSE_FIELDS = {name: boost for name, boost in TEXT_FIELDS.items() if name not in ("identifiers", "court")}
# Where thesaurus terms are looked for, by their script: bodies only, so that a record matching the typed
# words ranks above one whose title merely holds the same concept in another language; Korean and Chinese
# terms in the body of their language, Latin ones (NCII, Telegram) in every body.
EXPANSION_FIELDS = {"ko": ("body_ko",), "zh": ("body_zh",), "latin": tuple(f"body_{lang}" for lang in SEARCH_LANGUAGES)}


@dataclass
class SearchRequest:
    q: str = ""
    jurisdictions: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    lang: str = "en"
    sort: str = "relevance"
    page: int = 1
    page_size: int = 10


@dataclass
class SearchHit:
    id: str
    provision: str | None
    kind: str
    jurisdiction: str
    title: str
    title_lang: str
    snippet: str
    dates: list[dict[str, str]]
    score: float
    citation: str
    verification: str
    topics: list[str]


@dataclass
class Interpretation:
    """How the query was understood."""

    tokens: list[str] = field(default_factory=list)
    tokens_by_script: dict[str, list[str]] = field(default_factory=dict)
    expansions: dict[str, list[str]] = field(default_factory=dict)
    stopped: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    corrections: dict[str, list[str]] = field(default_factory=dict)
    reinterpreted: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class SearchResult:
    total: int
    page: int
    page_size: int
    pages: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]
    interpretation: Interpretation


def _script(token: str) -> str:
    for char in token:
        if "\uac00" <= char <= "\ud7a3" or "\u3130" <= char <= "\u318f":
            return "ko"
        if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
            return "zh"
    return "latin"


def coordinated(clauses: list[Q.Query]) -> Q.Query:
    """Any of the clauses, and a bonus (their scores once more) for documents that match all of them."""
    if len(clauses) == 1:
        return clauses[0]
    return Q.Or([Q.Or(clauses), Q.And(clauses, boost=ALL_WORDS_BONUS)])


class QueryCompiler:
    """Turns a parsed query into a whoosh query over every text field, analysing like the index."""

    def __init__(self, analyse: Callable[[str], tuple[str, ...]], thesaurus: Thesaurus, searcher: Searcher) -> None:
        self._analyse = analyse
        self.thesaurus = thesaurus
        self.searcher = searcher
        self.info = Interpretation()

    def analyse(self, text: str) -> list[str]:
        return list(self._analyse(text))

    def fields_for(self, prefix: str | None) -> dict[str, float]:
        if prefix is None:
            return TEXT_FIELDS
        return {name: TEXT_FIELDS[name] for name in FIELD_PREFIXES[prefix]}

    def word(self, node: Word) -> Q.Query | None:
        """One typed word. A word that analyses into several tokens (``성폭력처벌법``, or an unspaced
        Chinese query such as ``韩国N号房判决``) is read as those tokens, ranked by how many match,
        with a bonus where they stand together as a phrase."""
        terms = self.analyse(node.text)
        if not terms:
            self.info.stopped.append(node.text)
            return None
        self.info.tokens.extend(terms)
        fields = self.fields_for(node.field)
        if node.prefix:
            *rest, last = terms
            return self.tokens_query([*rest], fields, prefix=last)
        if len(terms) == 1:
            return self.token_query(terms[0], fields)
        phrases = [BonusPhrase(name, terms, boost=boost * PHRASE_BONUS) for name, boost in fields.items()]
        return Q.Or([self.tokens_query(terms, fields), *phrases])

    def token_query(self, token: str, fields: dict[str, float]) -> Q.Query:
        """``token`` in any of ``fields``, each field with its boost."""
        return Q.Or([self.term(name, token, boost) for name, boost in fields.items()])

    def tokens_query(self, tokens: list[str], fields: dict[str, float], prefix: str | None = None) -> Q.Query:
        clauses = [self.token_query(t, fields) for t in tokens]
        if prefix is not None:
            expansions = []
            for name, boost in fields.items():
                expanded = list(self.searcher.reader().expand_prefix(name, prefix))[:MAX_PREFIX_EXPANSION]
                expansions.extend(Q.Term(name, t, boost=boost) for t in expanded)
            clauses.append(Q.Or(expansions) if expansions else Q.NullQuery)
        return coordinated(clauses)

    def term(self, fieldname: str, text: str, boost: float = 1.0) -> Q.Query:
        """The term, or, when no document has it anywhere (a likely typo), its near spellings."""
        corrections = self.corrections(text)
        if corrections is None:
            return Q.Term(fieldname, text, boost=boost)
        if not corrections:
            return Q.NullQuery
        return Q.Or([Q.Term(fieldname, c, boost=boost * FUZZY_BOOST) for c in corrections])

    def corrections(self, text: str) -> list[str] | None:
        """None when ``text`` is indexed; otherwise indexed terms one edit or one swap of neighbours away.

        Only for Latin words of four letters or more and Hangul words of three syllables or more.
        """
        if text in self.info.corrections:
            return self.info.corrections[text]
        reader = self.searcher.reader()
        if any(reader.doc_frequency(name, text) for name in TEXT_FIELDS):
            return None
        hangul = all("\uac00" <= c <= "\ud7a3" for c in text)
        if not ((text.isascii() and text.isalpha() and len(text) >= 4) or (hangul and len(text) >= 3)):
            return None
        found: dict[str, None] = {}
        swaps = (text[:i] + text[i + 1] + text[i] + text[i + 2 :] for i in range(len(text) - 1))
        for swapped in swaps:
            if any(reader.doc_frequency(name, swapped) for name in TEXT_FIELDS):
                found.setdefault(swapped, None)
        for name in TEXT_FIELDS:
            for candidate in reader.terms_within(name, text, 1, prefix=1):
                found.setdefault(candidate, None)
        self.info.corrections[text] = list(found)[:MAX_FUZZY_EXPANSION]
        return self.info.corrections[text]

    def phrase(self, node: Phrase) -> Q.Query | None:
        terms = self.analyse(node.text)
        if not terms:
            self.info.stopped.append(node.text)
            return None
        self.info.tokens.extend(terms)
        per_field = []
        for name, boost in self.fields_for(node.field).items():
            sub: Q.Query = Q.Phrase(name, terms) if len(terms) > 1 else Q.Term(name, terms[0])
            sub.boost = boost
            per_field.append(sub)
        return Q.Or(per_field)

    def node(self, node: Any) -> Q.Query | None:
        if isinstance(node, Word):
            return self.word(node)
        if isinstance(node, Phrase):
            return self.phrase(node)
        if isinstance(node, Not):
            inner = self.node(node.node)
            self.info.excluded.append(getattr(node.node, "text", "(group)"))
            return Q.Not(inner) if inner is not None else None
        return self.group(node)

    def split(self, group: Group) -> tuple[Q.Query | None, list[Q.Query]]:
        """The group's positive query and the queries it excludes (``NOT x``, ``-x``)."""
        positives: list[Q.Query] = []
        negatives: list[Q.Query] = []
        for child in group.nodes:
            compiled = self.node(child)
            if compiled is None:
                continue
            if isinstance(compiled, Q.Not):
                negatives.append(compiled.query)
            else:
                positives.append(compiled)
        if not positives:
            return (Q.Every() if negatives else None), negatives
        if group.op == "and":
            return Q.And(positives), negatives
        if group.op == "or":
            return Q.Or(positives), negatives
        bigrams = self.adjacent_words(group)
        return (Q.Or([coordinated(positives), bigrams]) if bigrams else coordinated(positives)), negatives

    def adjacent_words(self, group: Group) -> Q.Query | None:
        """A bonus for typed words that stand next to each other in a document (``sex trafficking``)."""
        words = [n for n in group.nodes if isinstance(n, Word) and n.field is None and not n.prefix]
        phrases: list[Q.Query] = []
        for first, second in zip(words, words[1:], strict=False):
            if group.nodes.index(second) - group.nodes.index(first) != 1:
                continue
            tokens = self.analyse(f"{first.text} {second.text}")
            if len(tokens) >= 2:
                phrases.extend(
                    BonusPhrase(name, tokens, boost=boost * PHRASE_BONUS) for name, boost in PROSE_FIELDS.items()
                )
        return Q.Or(phrases) if phrases else None

    def group(self, group: Group) -> Q.Query | None:
        positive, negatives = self.split(group)
        if positive is None or not negatives:
            return positive
        return Q.AndNot(positive, Q.Or(negatives))

    def expansion(self, parsed: ParsedQuery) -> Q.Query | None:
        """Thesaurus terms in every language for the concepts the query names, weighted low (a term of
        several words matches where all its words are in one field)."""
        typed = " ".join(w.text for w in parsed.positive_words() if w.field is None)
        clauses: list[Q.Query] = []
        for topic in self.thesaurus.topics_in(typed):
            terms = self.thesaurus.other_terms(topic, typed)
            self.info.expansions[topic] = terms
            for term in terms:
                tokens = self.analyse(term)
                for name in EXPANSION_FIELDS[_script("".join(tokens))]:
                    clauses.append(
                        Q.And([Q.Term(name, token) for token in tokens], boost=EXPANSION_BOOST)
                        if len(tokens) > 1
                        else Q.Term(name, tokens[0], boost=EXPANSION_BOOST)
                    )
            clauses.append(Q.Term("topics", topic, boost=EXPANSION_BOOST))
        return Q.DisjunctionMax(clauses) if clauses else None

    def kind_cues(self, parsed: ParsedQuery) -> Q.Query | None:
        """Records of the kind the query's words ask for (판례, 法律, policy…), scored a little higher."""
        tokens = set(self.analyse(" ".join(w.text for w in parsed.positive_words())))
        kinds = [cue.kind for cue in KIND_CUES if tokens & {t for word in cue.words for t in self.analyse(word)}]
        if not kinds:
            return None
        self.info.notes.append("favoured kinds: " + ", ".join(kinds))
        return Q.Or([Q.ConstantScoreQuery(Q.Term("kind", kind), KIND_CUE_SCORE) for kind in kinds])

    def compile(self, parsed: ParsedQuery) -> Q.Query | None:
        self.info.reinterpreted = parsed.reinterpreted
        self.info.notes.extend(parsed.notes)
        main, negatives = self.split(parsed.tree)
        for token in self.info.tokens:
            self.info.tokens_by_script.setdefault(_script(token), []).append(token)
        if main is None:
            return None
        expansion = self.expansion(parsed)
        if expansion is not None:
            main = Q.Or([main, expansion]) if parsed.tree.op == "default" else Q.AndMaybe(main, expansion)
        cues = self.kind_cues(parsed)
        if cues is not None:
            main = Q.AndMaybe(main, cues)
        return Q.AndNot(main, Q.Or(negatives)) if negatives else main


def filter_query(request: SearchRequest) -> Q.Query | None:
    clauses: list[Q.Query] = []
    for fieldname, values in (
        ("jurisdiction", request.jurisdictions),
        ("topics", request.topics),
        ("status", request.statuses),
    ):
        if values:
            clauses.append(Q.Or([Q.Term(fieldname, v) for v in values]))
    if request.kinds:
        kinds = [Q.Term("doc_type", "provision") if k == "provision" else Q.Term("kind", k) for k in request.kinds]
        clauses.append(Q.Or(kinds))
    if request.date_from or request.date_to:
        start = dt.datetime.combine(request.date_from, dt.time()) if request.date_from else None
        end = dt.datetime.combine(request.date_to, dt.time.max) if request.date_to else None
        clauses.append(Q.DateRange("date", start, end))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else Q.And(clauses)


def _title_in(payload: dict[str, Any], lang: str, fallback: str) -> tuple[str, str]:
    titles: dict[str, str] = payload.get("title", {})
    for candidate in (lang, "en", fallback, *titles):
        if candidate in titles:
            return titles[candidate], candidate
    return "", lang


def _snippet(hit: dict[str, Any], lang: str, typed: frozenset[str], searched: frozenset[str]) -> str:
    """A window of the body in ``lang`` (falling back to English, then any language) with the typed
    words marked, or failing those the other terms searched (expansions, near spellings)."""
    order = [lang] + [other for other in ("en", *SEARCH_LANGUAGES) if other != lang]
    texts = [text for text in (hit.get(f"body_{candidate}") for candidate in order) if text]
    for terms in (typed, searched):
        for text in texts:
            highlighted = snippet(text, terms) if terms else None
            if highlighted:
                return highlighted
    return plain_snippet(texts[0]) if texts else ""


def resolution_data(resolution: Resolution) -> dict[str, Any]:
    """A resolution as plain JSON-ready data."""
    ref = resolution.citation
    return {
        "text": ref.text,
        "span": [ref.start, ref.end],
        "jurisdiction": ref.jurisdiction,
        "kind": ref.kind,
        "status": resolution.status,
        "targets": [{"id": t.record_id, "provision": t.provision} for t in resolution.targets],
        "note": resolution.note,
    }


def citation_query(text: str, resolver: Resolver, info: Interpretation) -> Q.Query | None:
    """Documents named by citations in the query, scored so that they rank first."""
    clauses: list[Q.Query] = []
    for ref in find_citations(text):
        resolution = resolver.resolve(ref)
        info.citations.append(resolution_data(resolution))
        if resolution.status == "not_found":
            continue
        for target in resolution.targets:
            doc_id = f"{target.record_id}#{provision_key(target.provision)}" if target.provision else target.record_id
            clauses.append(Q.ConstantScoreQuery(Q.Term("doc_id", doc_id), CITATION_SCORE))
    return Q.Or(clauses) if clauses else None


@dataclass(frozen=True)
class SearchIndex:
    """What a search reads: this thread's searcher, the build's arrays, the analysis and the resolver."""

    searcher: Searcher
    arrays: IndexArrays
    analyse: Callable[[str], tuple[str, ...]]
    thesaurus: Thesaurus
    resolver: Resolver | None = None


def compile_request(index: SearchIndex, request: SearchRequest) -> tuple[Q.Query, Q.Query | None, Interpretation]:
    """The whoosh query and filter for ``request``, and how the query was understood."""
    text = normalize_text(request.q)[:MAX_QUERY_LENGTH]
    parsed = parse_query(text)
    compiler = QueryCompiler(index.analyse, index.thesaurus, index.searcher)
    compiled = compiler.compile(parsed) if text.strip() else Q.Every()
    info = compiler.info
    cited = citation_query(text, index.resolver, info) if index.resolver and text.strip() else None
    if cited is not None:
        compiled = Q.Or([compiled, cited]) if compiled is not None else cited
    exact = normalize_key(text) if text.strip() and not parsed.reinterpreted else ""
    if compiled is not None and exact and "," not in exact:
        compiled = Q.Or([compiled, Q.ConstantScoreQuery(Q.Term("exact", exact), EXACT_NAME_SCORE)])
    if compiled is None:
        info.notes.append("the query holds only stop words or symbols; nothing to search for")
        compiled = Q.NullQuery
    return compiled, filter_query(request), info


def rank_request(
    index: SearchIndex, request: SearchRequest, window: int | None
) -> tuple[Ranked, Q.Query, Interpretation]:
    """Every document matching ``request`` in order, the compiled query, and how it was understood."""
    compiled, filter_, info = compile_request(index, request)
    scorer = QueryScorer(index.arrays, index.searcher)
    allowed = scorer.matches(filter_) if filter_ is not None else None
    ranked = scorer.rank(compiled, allowed, window, by_date=request.sort == "date")
    return ranked, compiled, info


def matching_record_ids(index: SearchIndex, request: SearchRequest, limit: int) -> list[str]:
    """Record ids matching ``request`` in rank order (a provision hit counts for its law), at most ``limit``."""
    ranked, _, _ = rank_request(index, request, None)
    ids: dict[str, None] = {}
    for doc in ranked.docs.tolist():
        ids.setdefault(index.searcher.stored_fields(doc)["record_id"], None)
        if len(ids) >= limit:
            break
    return list(ids)


def run_search(index: SearchIndex, request: SearchRequest) -> SearchResult:
    """Search the index; every hit, facet and explanation comes back as plain data."""
    page_size = max(1, min(request.page_size, MAX_PAGE_SIZE))
    page = max(1, request.page)
    window = min(page * page_size, MAX_RESULT_WINDOW)
    ranked, compiled, info = rank_request(index, request, window)
    searched = frozenset(text for name, text in compiled.iter_all_terms() if name.startswith(("body_", "title_")))
    typed = frozenset(info.tokens) | frozenset(t for near in info.corrections.values() for t in near)
    total = ranked.total
    start = (page - 1) * page_size
    end = min(start + page_size, window)
    hits = []
    for doc, score in zip(ranked.docs[start:end].tolist(), ranked.scores[start:end].tolist(), strict=True):
        stored = index.searcher.stored_fields(doc)
        payload = stored.get("payload") or {}
        title, title_lang = _title_in(payload, request.lang, "en")
        hits.append(
            SearchHit(
                id=stored["record_id"],
                provision=stored.get("provision"),
                kind=stored["kind"],
                jurisdiction=stored["jurisdiction"],
                title=title,
                title_lang=title_lang,
                snippet=_snippet(stored, request.lang, typed, searched),
                dates=payload.get("dates", []),
                score=round(score, 4) if math.isfinite(score) else 0.0,
                citation=payload.get("citation", ""),
                verification=stored.get("verification", ""),
                topics=[t for t in (stored.get("topics") or "").split(",") if t],
            )
        )
    if start >= total and total:
        info.notes.append(f"page {page} is past the last page ({math.ceil(total / page_size)})")
    if total > MAX_RESULT_WINDOW and window == MAX_RESULT_WINDOW and start + page_size > MAX_RESULT_WINDOW:
        info.notes.append(f"only the first {MAX_RESULT_WINDOW} results can be paged through; refine the query")
    facet_counts = {
        name: dict(sorted(facet.counts(ranked.mask).items(), key=lambda kv: (-kv[1], kv[0])))
        for name, facet in index.arrays.facets.items()
    }
    return SearchResult(
        total=total,
        page=page,
        page_size=page_size,
        pages=math.ceil(total / page_size) if total else 0,
        hits=hits,
        facets=facet_counts,
        interpretation=info,
    )
