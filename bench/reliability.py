"""Bad input of every class, thrown at the real code: the table in docs/reliability.md.

    .venv/bin/python -m bench.reliability [--random 500]

For each class of broken data: `kb build` must fail with file:line errors, and the previous build
must keep serving every record unchanged (checked record by record after every failed build).
For hostile queries and parameters: every answer must be a 2xx or a 4xx in the error shape, never a 500.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.main import create_app
from indexer.build import build_kb, current_build_version
from indexer.cli import cli
from indexer.engine import Engine
from kb.loader import load_corpus
from tests.conftest import MINI
from tests.test_api import ERRORS, NASTY
from tests.test_loader import BROKEN, corpus_with

PARAMS = ("q", "jurisdiction", "kind", "topic", "status", "date_from", "date_to", "lang", "sort", "page", "page_size")
ALPHABET = "abc텔레그램偷拍深度偽造 ()\"'-*:^~[]{}<>&%\\/\u200b\u202e\ufeff０１２NOTANDOR" + "".join(
    map(chr, range(0x20, 0x7F))
)


def random_text(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, size)))


def broken_data_rows(work: Path) -> list[str]:
    corpus = load_corpus(MINI)
    build_dir = work / "build"
    build_kb(corpus, build_dir)
    engine = Engine.open(build_dir)
    before = {r.id: engine.record_data(r.id)["record"] for r in corpus.records}
    version = current_build_version(build_dir)
    rows = []
    for name, file, content, line, _field, words in BROKEN:
        case_dir = work / name.replace(" ", "-")
        data = corpus_with(case_dir, {file: content})
        result = CliRunner().invoke(cli, ["build", "--data", str(data), "--out", str(build_dir), "--quiet"])
        located = Path(file).name in result.output and (f":{line}:" in result.output if line else ":" in result.output)
        unchanged = current_build_version(build_dir) == version and all(
            engine.record_data(rid)["record"] == record for rid, record in before.items()
        )
        verdict = (
            "clear error, build refused"
            if result.exit_code == 1 and located and words.lower() in result.output.lower()
            else "UNEXPECTED"
        )
        rows.append(f"| data: {name} | 1 | {verdict} | {'yes' if unchanged else 'NO'} |")
    return rows


def request_rows(work: Path, count: int) -> list[str]:
    build_dir = work / "build"
    rng = random.Random(20261126)
    rows = []
    with TestClient(create_app(build_dir, warm=False), raise_server_exceptions=False) as client:
        classes = {
            "hostile query strings (table)": [("/v1/search", {"q": q}) for q in NASTY],
            "malformed parameters (table)": [(url, None) for url, _status, _code in ERRORS],
            f"random query text ({count})": [("/v1/search", {"q": random_text(rng, 120)}) for _ in range(count)],
            f"random parameters ({count})": [
                (rng.choice(["/v1/search", "/v1/timeline", "/v1/export"]),
                 {rng.choice(PARAMS): random_text(rng, 30) for _ in range(rng.randint(1, 4))})
                for _ in range(count)
            ],
            f"random record ids and provision numbers ({count})": [
                (f"/v1/records/{random_text(rng, 40).replace('/', '')}/provisions/{random_text(rng, 20).replace('/', '')}", None)
                for _ in range(count)
            ],
            f"random citation-check letters ({count // 5})": [
                ("POST /v1/check", {"text": random_text(rng, 2000) or "x"}) for _ in range(count // 5)
            ],
        }  # fmt: skip
        for name, requests in classes.items():
            statuses: Counter[int] = Counter()
            shaped = True
            for url, params in requests:
                if url.startswith("POST "):
                    response = client.post(url[5:], json=params)
                else:
                    response = client.get(url, params=params)
                statuses[response.status_code] += 1
                if response.status_code >= 400:
                    body = response.json()
                    shaped &= set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
            server_errors = sum(n for s, n in statuses.items() if s >= 500)
            summary = ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items()))
            verdict = "answered, errors in the one shape" if shaped and not server_errors else "UNEXPECTED"
            rows.append(f"| requests: {name} | {len(requests)} | {verdict} ({summary}); 500s: {server_errors} | n/a |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--random", type=int, default=500, help="How many random cases per random class.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = broken_data_rows(work) + request_rows(work, args.random)
    print("| class of bad input | cases | result | previous build intact, every record unchanged |")
    print("|---|---:|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
