"""The search engine's interpretation of a query, said in plain words in the interface language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from api.web.forms import SearchForm
from api.web.i18n import Translator
from indexer.search import MAX_QUERY_LENGTH, Interpretation

STOP_NOTE = "only stop words"
PAST_NOTE = "past the last page"
WINDOW_NOTE = "can be paged through"


@dataclass
class Message:
    text: str
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, label)
    tone: str = "info"  # info | warning
    lang: str | None = None  # set when the text is not in the interface language


def record_href(record_id: str, provision: str | None = None) -> str:
    return f"/records/{quote(record_id, safe='')}" + (f"#p-{quote(provision, safe='')}" if provision else "")


def _citation(t: Translator, item: dict[str, Any]) -> Message:
    status = {"found": "citation_found", "ambiguous": "citation_ambiguous"}.get(item["status"], "citation_not_found")
    links = [
        (record_href(target["id"], target["provision"]), " ".join(filter(None, (target["id"], target["provision"]))))
        for target in item["targets"]
    ]
    text = f"{t('recognised_citation', text=item['text'])} — {t(status)}"
    return Message(text, links, "info" if item["status"] == "found" else "warning")


def explain(t: Translator, info: Interpretation, form: SearchForm, total: int, pages: int) -> list[Message]:
    """Expansions, recognised citations, reinterpreted syntax, stop words, exclusions, paging notes."""
    messages: list[Message] = []
    if form.cut:
        messages.append(Message(t("query_cut", n=MAX_QUERY_LENGTH), tone="warning"))
    if info.reinterpreted:
        messages.append(Message(t("reinterpreted"), tone="warning"))
    terms = list(dict.fromkeys(term for values in info.expansions.values() for term in values))
    if terms:
        messages.append(Message(t("also_searched", terms=", ".join(terms))))
    messages.extend(_citation(t, item) for item in info.citations)
    if info.excluded:
        messages.append(Message(t("excluded", words=", ".join(info.excluded))))
    only_stop = any(STOP_NOTE in note for note in info.notes) and not info.citations
    if only_stop:
        messages.append(Message(t("stop_only"), tone="warning"))
    elif info.stopped:
        messages.append(Message(t("stopped", words=", ".join(info.stopped))))
    for note in info.notes:
        if PAST_NOTE in note:
            links = [(form.url(page=pages), t("go_last", pages=pages))] if pages else []
            messages.append(Message(t("past_end", page=form.page), links, "warning"))
        elif WINDOW_NOTE in note:
            messages.append(Message(t("window_note"), tone="warning"))
        elif STOP_NOTE not in note:
            messages.append(Message(note, tone="info", lang="en"))
    return messages
