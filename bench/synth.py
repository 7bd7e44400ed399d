"""A synthetic corpus: valid YAML records in realistic proportions of Korean, Chinese and English.

    .venv/bin/python -m bench.synth --size 10000 --out /tmp/synth-10k [--seed 7]

Every record passes ``kb validate`` (same model as ``data/``), is marked synthetic (verification
``unverified``, sources at ``https://example.invalid/synthetic/...``) and has an id like
``kr-law-synth-000123``. The generator is deterministic for a given seed and size. It also writes
``eval/queries.yaml``: known-item queries (titles with particles, case numbers, aliases) whose
expected record is known, so success@5 can be compared between systems on the synthetic corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench import vocab
from kb.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parent.parent
REGISTRIES = ("topics.yaml", "jurisdictions.yaml")
TOPICS = (
    "deepfake illegal-filming ncii csam sextortion grooming possession-offence platform-liability content-removal "
    "data-disclosure victim-support telegram ai-generated-content personal-information"
).split()
# Jurisdiction -> (share of records, original language).
JURISDICTIONS: dict[str, tuple[float, str]] = {
    "KR": (0.35, "ko"),
    "CN": (0.25, "zh"),
    "US": (0.15, "en"),
    "UK": (0.08, "en"),
    "EU": (0.07, "en"),
    "INT": (0.10, "en"),
}
KINDS: dict[str, float] = {"law": 0.3, "case": 0.3, "policy": 0.15, "incident": 0.25}
FOLDERS = {"law": "laws", "case": "cases", "policy": "policies", "incident": "incidents"}
CHECKED = "2026-01-01"


@dataclass
class Generated:
    record: dict[str, Any]
    queries: list[dict[str, Any]]


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=[w if isinstance(w, float) else w[0] for w in weights.values()])[0]


def _date(rng: random.Random, start: int = 2008, end: int = 2025) -> dt.date:
    return dt.date(rng.randint(start, end), rng.randint(1, 12), rng.randint(1, 28))


def _texts(rng: random.Random, original: str, lo: int, hi: int, extra: float = 0.3) -> dict[str, str]:
    """English always, the original language, and sometimes a third language."""
    langs = ["en"] if original == "en" else [original, "en"]
    for other in ("ko", "zh"):
        if other not in langs and rng.random() < extra:
            langs.append(other)
    scale = {"ko": 0.45, "zh": 0.3, "en": 1.0}  # the same content is shorter in Hangul and Han characters
    return {lang: vocab.paragraph(rng, lang, int(lo * scale[lang]), int(hi * scale[lang])) for lang in langs}


def _titles(rng: random.Random, kind: str, serial: int) -> dict[str, str]:
    ko, zh, en = rng.choice(vocab.KO_NOUNS), rng.choice(vocab.ZH_NOUNS), rng.choice(vocab.EN_NOUNS)
    ko2, zh2, en2 = rng.choice(vocab.KO_NOUNS), rng.choice(vocab.ZH_NOUNS), rng.choice(vocab.EN_NOUNS)
    if kind == "law":
        return {
            "ko": f"{ko} 및 {ko2} 방지에 관한 법률 제{serial}호",
            "zh": f"{zh}与{zh2}防治法第{serial}号",
            "en": f"Act No. {serial} on the Prevention of {en.title()} and {en2.title()}",
        }
    if kind == "case":
        return {
            "ko": f"{ko} {ko2} 사건 판결 {serial}",
            "zh": f"{zh}{zh2}案判决{serial}",
            "en": f"{en.title()} and {en2} case {serial}",
        }
    if kind == "policy":
        platform = rng.choice(vocab.PLATFORMS)
        return {
            "ko": f"{platform}의 {ko} 정책 변경 {serial}",
            "zh": f"{platform}{zh}政策变更{serial}",
            "en": f"{platform} {en} policy change {serial}",
        }
    return {
        "ko": f"{ko}을 통한 {ko2} 사건 {serial}",
        "zh": f"通过{zh}的{zh2}事件{serial}",
        "en": f"{en.title()} {en2} incident {serial}",
    }


def _provision_number(jurisdiction: str, n: int, sub: bool) -> str:
    if jurisdiction == "KR":
        return f"제{n}조의2" if sub else f"제{n}조"
    if jurisdiction == "CN":
        return f"第{n}条之一" if sub else f"第{n}条"
    if jurisdiction == "EU":
        return f"Article {n}a" if sub else f"Article {n}"
    return f"section {n}A" if sub else f"section {n}"


def _verification(serial: int) -> dict[str, Any]:
    return {
        "status": "unverified",
        "checked": CHECKED,
        "unverified_facts": [f"synthetic benchmark record {serial}; nothing in it is a fact"],
    }


def _source(rid: str, lang: str) -> dict[str, Any]:
    return {
        "url": f"https://example.invalid/synthetic/{rid}",
        "title": f"Synthetic source for {rid}",
        "publisher": "bench.synth",
        "kind": "official",
        "language": lang,
        "accessed": CHECKED,
    }


def _law(rng: random.Random, base: dict[str, Any], rid: str, jur: str, original: str) -> list[dict[str, Any]]:
    numbers = sorted(rng.sample(range(1, 120), rng.randint(2, 4)))
    provisions = []
    for i, n in enumerate(numbers):
        number = _provision_number(jur, n, sub=i == 1 and rng.random() < 0.5)
        provisions.append(
            {
                "number": number,
                "heading": {original: vocab.paragraph(rng, original, 6, 14).rstrip(".。")[:30]},
                "text": _texts(rng, original, 100, 220, extra=0.1),
                "text_kind": "summary",
                "url": f"https://example.invalid/synthetic/{rid}/{i}",
                "topics": rng.sample(base["topics"], 1),
            }
        )
        if "en" not in provisions[-1]["heading"]:
            provisions[-1]["heading"]["en"] = f"{rng.choice(vocab.EN_NOUNS).title()} {n}"
    base.update(
        instrument=rng.choice(("act", "code", "regulation", "decree", "statute_section")),
        status=rng.choice(("in_force", "in_force", "in_force", "repealed", "pending")),
        identifiers={"law_number": f"법률 제{10000 + int(rid[-6:])}호" if jur == "KR" else f"No. {int(rid[-6:])}"},
        url=f"https://example.invalid/synthetic/{rid}",
        provisions=provisions,
    )
    enacted = _date(rng)
    base["dates"] = [{"type": "enacted", "date": enacted.isoformat()}]
    if rng.random() < 0.6:
        effective = enacted + dt.timedelta(days=rng.randint(0, 400))
        base["dates"].append({"type": "effective", "date": effective.isoformat()})
    return provisions


def _case_number(rng: random.Random, jur: str, serial: int) -> str:
    year = rng.randint(2010, 2025)
    if jur == "KR":
        return f"{year}{rng.choice(('도', '노', '고합'))}{serial}"
    if jur == "CN":
        return f"({year})京01刑终{serial}号"
    return f"No. {year % 100}-cv-{serial}"


def _case(rng: random.Random, base: dict[str, Any], serial: int, jur: str, original: str) -> str:
    courts = {"ko": vocab.KO_COURTS, "zh": vocab.ZH_COURTS, "en": vocab.EN_COURTS}[original]
    court = rng.choice(courts)
    names = {original: court} if original == "en" else {original: court, "en": f"Court {courts.index(court)}"}
    number = _case_number(rng, jur, serial)
    base.update(
        court={"name": names, "level": rng.choice(("supreme", "appellate", "district"))},
        identifiers={"case_number": number},
        status=rng.choice(("final", "appealed", "pending")),
        outcome=_texts(rng, original, 60, 160, extra=0.0),
    )
    if rng.random() < 0.5:
        base["sentence"] = {"en": f"{rng.randint(1, 15)} years' imprisonment"}
    filed = _date(rng)
    base["dates"] = [
        {"type": "filed", "date": filed.isoformat()},
        {"type": "decided", "date": (filed + dt.timedelta(days=rng.randint(30, 700))).isoformat()},
    ]
    return number


def _policy(rng: random.Random, base: dict[str, Any], rid: str, original: str) -> None:
    base.update(
        platform=rng.choice(vocab.PLATFORMS),
        document=rng.choice(("privacy_policy", "terms_of_service", "community_guidelines", "faq", "announcement")),
        url=f"https://example.invalid/synthetic/{rid}",
        change={"after": _texts(rng, original, 80, 200, extra=0.0)},
    )
    base["dates"] = [{"type": "announced", "date": _date(rng).isoformat()}]


def _incident(rng: random.Random, base: dict[str, Any], original: str) -> None:
    base["platforms"] = rng.sample(vocab.PLATFORMS, rng.randint(1, 3))
    if rng.random() < 0.6:
        base["scale"] = _texts(rng, original, 40, 100, extra=0.0)
    started = _date(rng)
    base["dates"] = [{"type": "started", "date": started.isoformat()}]


def generate_record(rng: random.Random, serial: int, laws: dict[str, list[str]]) -> Generated:
    jur = _pick(rng, JURISDICTIONS)  # type: ignore[arg-type]
    original = JURISDICTIONS[jur][1]
    kind = "policy" if jur == "INT" else _pick(rng, KINDS)
    if jur == "INT" and rng.random() < 0.4:
        kind = "incident"
    rid = f"{jur.lower()}-{kind}-synth-{serial:06d}"
    titles = _titles(rng, kind, serial)
    alias = f"{titles[original].split()[0]}{serial}"
    base: dict[str, Any] = {
        "id": rid,
        "kind": kind,
        "jurisdiction": jur,
        "original_language": original,
        "title": titles,
        "official_title_languages": [original],
        "aliases": [alias],
        "summary": _texts(rng, original, 220, 520),
        "topics": rng.sample(TOPICS, rng.randint(1, 3)),
    }
    queries: list[dict[str, Any]] = []
    if kind == "law":
        _law(rng, base, rid, jur, original)
        laws.setdefault(jur, []).append(rid)
    elif kind == "case":
        number = _case(rng, base, serial, jur, original)
        queries.append({"q": number, "bucket": "citation", "top5": [rid]})
        if laws.get(jur) and rng.random() < 0.5:
            base["relations"] = [{"type": "applies", "target": rng.choice(laws[jur][-50:])}]
    elif kind == "policy":
        _policy(rng, base, rid, original)
    else:
        _incident(rng, base, original)
    base["sources"] = [_source(rid, original)]
    base["verification"] = _verification(serial)
    title = titles[original]
    if original == "ko":
        queries.append({"q": vocab.josa(title, "으로로"), "bucket": "ko", "top5": [rid]})
    elif original == "zh":
        queries.append({"q": title, "bucket": "zh", "top5": [rid]})
    else:
        queries.append({"q": title.lower(), "bucket": "en", "top5": [rid]})
    queries.append({"q": alias, "bucket": "alias", "top5": [rid]})
    return Generated(base, queries)


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def generate(size: int, out: Path, seed: int = 7, eval_queries: int = 60) -> Path:
    """Write ``size`` records (and the registries and ``eval/queries.yaml``) into ``out``; return ``out``."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in REGISTRIES:
        shutil.copy(ROOT / "data" / name, out / name)
    laws: dict[str, list[str]] = {}
    queries: list[dict[str, Any]] = []
    for serial in range(size):
        generated = generate_record(rng, serial, laws)
        record = generated.record
        folder = out / FOLDERS[record["kind"]] / record["jurisdiction"].lower()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{record['id']}.yaml").write_text(_dump(record), "utf-8")
        queries.extend(generated.queries)
    sample = random.Random(seed + 1).sample(queries, min(eval_queries, len(queries)))
    (out / "eval").mkdir()
    (out / "eval" / "queries.yaml").write_text(_dump({"queries": sample}), "utf-8")
    return out


def modify(data_dir: Path, fraction: float, seed: int = 11) -> list[Path]:
    """Change the English summary of ``fraction`` of the records (at least one) and return their files."""
    files = sorted(p for folder in FOLDERS.values() for p in (data_dir / folder).rglob("*.yaml"))
    rng = random.Random(seed)
    chosen = rng.sample(files, max(1, round(len(files) * fraction)))
    for path in chosen:
        record = read_yaml(path.name, path.read_bytes()).data  # every scalar as the text written
        record["summary"]["en"] = record["summary"]["en"] + " " + vocab.en_sentence(rng)
        path.write_text(_dump(record), "utf-8")
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.size, args.out, args.seed)
    print(f"wrote {args.size} synthetic records to {args.out}")


if __name__ == "__main__":
    main()
