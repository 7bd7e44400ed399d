"""Loading and validating data: every problem reported with its file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import cli
from kb.errors import DataError
from kb.loader import load_corpus

from .conftest import MINI

GOOD = (MINI / "incidents" / "kr" / "kr-incident-nth-room.yaml").read_text("utf-8")


def corpus_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    """A copy of the mini corpus with ``files`` (path -> content) added or replaced."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    for name, content in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return data


def issues_for(tmp_path: Path, name: str, content: str | bytes) -> list[tuple[str, int, str, str]]:
    data = corpus_with(tmp_path, {name: content})
    with pytest.raises(DataError) as info:
        load_corpus(data)
    return [(Path(i.file).name, i.line, i.field, i.message) for i in info.value.issues]


NTH = "incidents/kr/kr-incident-nth-room.yaml"
NEW = "incidents/kr/kr-incident-test.yaml"
NEW_RECORD = GOOD.replace("id: kr-incident-nth-room", "id: kr-incident-test")

# (name, file, content, expected line, expected field, words in the message)
# fmt: off
BROKEN = [
    ("yaml syntax", NEW, "id: [unclosed\n", 2, "", "YAML syntax"),
    ("duplicate key", NEW, NEW_RECORD + "kind: incident\n", NEW_RECORD.count("\n") + 1, "kind", "duplicate key"),
    ("alias", NEW, NEW_RECORD.replace("topics: [csam, sextortion, telegram]", "topics: &t [csam]\naliases2: *t"), 0, "", "aliases"),
    ("typo field", NEW, NEW_RECORD.replace("summary:", "sumary:"), 0, "sumary", "unknown field"),
    ("missing summary", NEW, NEW_RECORD.replace("summary:", "#summary:").replace("\n  en: Sexual", "\n#  en: Sexual").replace("\n  ko: 텔레", "\n#  ko: 텔레"), 1, "summary", "required"),
    ("bad date", NEW, NEW_RECORD.replace("2018-07-01", "2018-13-01"), 10, "dates[0].date", "date"),
    ("date of the wrong shape", NEW, NEW_RECORD.replace("2018-07-01", "2018-7-1"), 10, "dates[0].date", "date"),
    ("wrong type", NEW, NEW_RECORD.replace("topics: [csam, sextortion, telegram]", "topics: telegram"), 11, "topics", "valid list"),
    ("dates out of order", NEW, NEW_RECORD.replace("2020-03-31", "2017-03-31"), 10, "dates[1]", "before started"),
    ("unknown jurisdiction", "incidents/xx/xx-incident-test.yaml", NEW_RECORD.replace("kr-incident-test", "xx-incident-test").replace("jurisdiction: KR", "jurisdiction: XX"), 3, "jurisdiction", "unknown jurisdiction"),
    ("unknown topic", NEW, NEW_RECORD.replace("topics: [csam,", "topics: [nonsense,"), 11, "topics[0]", "unknown topic"),
    ("unknown language", NEW, NEW_RECORD.replace("  ko: 텔레그램", "  xx: 텔레그램"), 0, "summary", "unknown language"),
    ("malformed id", "incidents/kr/KR_bad.yaml", NEW_RECORD.replace("kr-incident-test", "KR_bad"), 1, "id", "id grammar"),
    ("id and file name differ", "incidents/kr/other-name.yaml", NEW_RECORD, 1, "id", "must be named"),
    ("duplicate id", "incidents/kr/kr-incident-zz.yaml", GOOD, 1, "id", "already used"),
    ("dangling relation", NEW, NEW_RECORD + "relations: [{type: related, target: kr-law-does-not-exist}]\n", 0, "relations[0].target", "unknown record"),
    ("missing provision", NEW, NEW_RECORD + "relations: [{type: related, target: kr-law-sexual-violence-punishment-act, provision: 제99조}]\n", 0, "relations[0].provision", "no provision"),
    ("typed twice", NTH, GOOD + "relations: [{type: gave_rise_to, target: kr-case-supreme-cho-jubin}]\n", 0, "relations[0]", "already declared"),
    ("list file", NEW, "- a\n- b\n", 1, "", "found a list"),
    ("scalar file", NEW, "just text\n", 1, "", "found a single value"),
    ("empty file", NEW, "", 1, "", "empty"),
    ("not utf-8", NEW, b"id: kr-incident-test\ntitle: \xff\xfe\n", 2, "", "UTF-8"),
    ("tab indentation", NEW, "id: x\n\tkind: law\n", 2, "", "YAML syntax"),
    ("custom tag", NEW, NEW_RECORD.replace("platforms: [Telegram]", "platforms: !!python/object:os.system [x]"), 0, "platforms", "tag"),
    ("two decision dates", "cases/kr/kr-case-supreme-cho-jubin.yaml", (MINI / "cases/kr/kr-case-supreme-cho-jubin.yaml").read_text("utf-8").replace("dates: [{type: decided, date: 2021-10-14}]", "dates: [{type: decided, date: 2021-10-14}, {type: decided, date: 2021-06-01}]"), 0, "", "one 'decided' date"),
    ("unverified without facts", NEW, NEW_RECORD.replace("unverified_facts: [test fixture; see data/ for the checked record]", "verified_facts: []"), 0, "verification", "unverified_facts"),
]
# fmt: on


@pytest.mark.parametrize(("name", "file", "content", "line", "field", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_input_reports_file_line_and_field(
    tmp_path: Path, name: str, file: str, content: str | bytes, line: int, field: str, words: str
) -> None:
    issues = issues_for(tmp_path, file, content)
    matching = [i for i in issues if words.lower() in i[3].lower()]
    assert matching, issues
    found = matching[0]
    assert found[0] == Path(file).name
    if line:
        assert found[1] == line, issues
    assert found[1] >= 1
    assert found[2].startswith(field), issues


def test_scalars_keep_the_text_as_written(tmp_path: Path) -> None:
    """YAML's implicit typing traps (14.10, NO, 012) stay text."""
    law = (MINI / "laws" / "kr" / "kr-law-sexual-violence-punishment-act.yaml").read_text("utf-8")
    law = law.replace("aliases: [성폭력처벌법", "aliases: [NO, 14.10, 012, 성폭력처벌법")
    data = corpus_with(tmp_path, {"laws/kr/kr-law-sexual-violence-punishment-act.yaml": law})
    record = load_corpus(data).by_id()["kr-law-sexual-violence-punishment-act"]
    assert record.aliases[:3] == ["NO", "14.10", "012"]


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    data = corpus_with(tmp_path, {NTH: b"\xef\xbb\xbf" + GOOD.encode()})
    assert "kr-incident-nth-room" in load_corpus(data).by_id()


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = corpus_with(
        tmp_path,
        {
            "incidents/kr/kr-incident-a.yaml": NEW_RECORD.replace("kr-incident-test", "kr-incident-a").replace(
                "summary:", "sumary:"
            ),
            "incidents/kr/kr-incident-b.yaml": "id: [\n",
            "incidents/kr/kr-incident-c.yaml": NEW_RECORD.replace("kr-incident-test", "kr-incident-c").replace(
                "2018-07-01", "2018-02-30"
            ),
        },
    )
    with pytest.raises(DataError) as info:
        load_corpus(data)
    files = {Path(i.file).name for i in info.value.issues}
    assert {"kr-incident-a.yaml", "kr-incident-b.yaml", "kr-incident-c.yaml"} <= files


def test_inverse_relations_are_derived(mini_corpus) -> None:  # type: ignore[no-untyped-def]
    edges = {(e.source, e.type, e.target, e.declared) for e in mini_corpus.edges}
    assert ("kr-case-supreme-cho-jubin", "arises_from", "kr-incident-nth-room", True) in edges
    assert ("kr-incident-nth-room", "gave_rise_to", "kr-case-supreme-cho-jubin", False) in edges
    applied = [e for e in mini_corpus.edges if e.type == "applied_in"]
    assert applied[0].source_provision == "제14조"


def test_cli_validate_prints_every_error_and_exits_nonzero(tmp_path: Path) -> None:
    data = corpus_with(
        tmp_path, {"incidents/kr/kr-incident-b.yaml": "id: [\n", NEW: NEW_RECORD.replace("summary:", "sumary:")}
    )
    result = CliRunner().invoke(cli, ["validate", "--data", str(data)])
    assert result.exit_code == 1
    assert "kr-incident-b.yaml:2: YAML syntax" in result.output
    assert "kr-incident-test.yaml:" in result.output and "sumary: unknown field" in result.output
    assert "nothing was built" in result.output


def test_cli_validate_ok(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--data", str(MINI)])
    assert result.exit_code == 0, result.output
    assert "OK: 9 records, 4 provisions" in result.output


def test_strict_validation_reports_quality_problems(tmp_path: Path) -> None:
    record = NEW_RECORD.replace(
        "title: {ko: N번방 사건, en: Nth Room case, zh: N号房事件}", "title: {ko: N번방 사건, en: Nth Room case}"
    )
    record = record.replace("platforms: [Telegram]", "platforms: [Telegram]\nscale: {en: UNVERIFIED count}")
    data = corpus_with(tmp_path, {NEW: record})
    result = CliRunner().invoke(cli, ["validate", "--strict", "--data", str(data)])
    assert result.exit_code == 1
    assert "title: no zh title" in result.output
    assert "scale.en: a value contains a placeholder marker" in result.output
    assert "| all | 5 | 1 | 1 | 3 | 10 | 4 |" in result.output
