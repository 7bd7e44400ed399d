"""The domain: record models, loading and checking the data, citations. No whoosh, no HTTP."""

from kb.citation_grammar import CitationRef, find_citations
from kb.citations import CITATION_STYLES, format_citation, native_citation
from kb.errors import DataError, DataIssue, KBError, NotFound, QueryError
from kb.loader import Corpus, load_corpus
from kb.models import Case, Incident, Law, Policy, Provision, Record

__all__ = [
    "CITATION_STYLES",
    "Case",
    "CitationRef",
    "Corpus",
    "DataError",
    "DataIssue",
    "Incident",
    "KBError",
    "Law",
    "NotFound",
    "Policy",
    "Provision",
    "QueryError",
    "Record",
    "find_citations",
    "format_citation",
    "load_corpus",
    "native_citation",
]
