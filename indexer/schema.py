"""The whoosh schema: one document per record and one per provision."""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from indexer.analysis import MultilingualAnalyzer

SEARCH_LANGUAGES: tuple[str, ...] = ("ko", "zh", "en")

# Field -> boost. Aliases and titles count more than summaries, summaries more than long texts.
TEXT_FIELDS: dict[str, float] = {
    "aliases": 4.0,
    "identifiers": 4.0,
    **{f"title_{lang}": 3.0 for lang in SEARCH_LANGUAGES},
    **{f"body_{lang}": 1.0 for lang in SEARCH_LANGUAGES},
    "court": 1.0,
}

# User-facing field prefixes (``title:``) and the index fields they search.
FIELD_PREFIXES: dict[str, tuple[str, ...]] = {
    "title": tuple(f"title_{lang}" for lang in SEARCH_LANGUAGES),
    "body": tuple(f"body_{lang}" for lang in SEARCH_LANGUAGES),
    "summary": tuple(f"body_{lang}" for lang in SEARCH_LANGUAGES),
    "text": tuple(f"body_{lang}" for lang in SEARCH_LANGUAGES),
    "alias": ("aliases",),
    "aliases": ("aliases",),
    "court": ("court",),
    "id": ("identifiers",),
}


def build_schema() -> Schema:
    analyzer = MultilingualAnalyzer()
    text_fields = {
        name: TEXT(analyzer=analyzer, stored=name.startswith(("title_", "body_")), field_boost=boost, phrase=True)
        for name, boost in TEXT_FIELDS.items()
    }
    return Schema(
        doc_id=ID(stored=True, unique=True),
        record_id=ID(stored=True),
        provision=STORED(),
        payload=STORED(),
        doc_type=ID(stored=True),
        kind=ID(stored=True),
        jurisdiction=ID(stored=True),
        topics=KEYWORD(stored=True, commas=True, lowercase=False),
        status=ID(stored=True),
        court_level=ID(stored=True),
        verification=ID(stored=True),
        date=DATETIME(stored=True, sortable=True),
        year=NUMERIC(stored=True),
        exact=KEYWORD(commas=True, scorable=True),
        **text_fields,
    )
