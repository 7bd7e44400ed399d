"""The ``kb`` command: a thin layer over kb, indexer and api."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from kb.errors import DataError, KBError
from kb.loader import Corpus, load_corpus

DEFAULT_DATA = Path("data")
DEFAULT_BUILD = Path("build")


def _load_or_exit(data_dir: Path) -> Corpus:
    try:
        return load_corpus(data_dir)
    except DataError as exc:
        for issue in exc.issues:
            click.echo(str(issue), err=True)
        click.echo(f"{len(exc.issues)} problem(s) found; nothing was built.", err=True)
        sys.exit(1)


@click.group()
@click.version_option(package_name="tfsv-kb")
def cli() -> None:
    """Knowledge base of laws, cases, policies and incidents on technology-facilitated sexual violence."""


@cli.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True)
@click.option("--strict", is_flag=True, help="Also apply the corpus quality rules and print the coverage report.")
@click.option("--report", type=click.Path(path_type=Path), help="With --strict, also write the report to this file.")
def validate(data_dir: Path, strict: bool, report: Path | None) -> None:
    """Check every record in DATA and print every problem as file:line: field: message."""
    from kb.coverage import coverage_report, strict_issues

    corpus = _load_or_exit(data_dir)
    if strict:
        issues = strict_issues(corpus)
        for issue in sorted(issues):
            click.echo(str(issue), err=True)
        text = coverage_report(corpus)
        click.echo(text)
        if report:
            report.write_text(text, "utf-8")
        if issues:
            click.echo(f"{len(issues)} quality problem(s) found.", err=True)
            sys.exit(1)
        return
    counts = Counter((r.jurisdiction, r.kind) for r in corpus.records)
    provisions = sum(len(getattr(r, "provisions", [])) for r in corpus.records)
    click.echo(f"OK: {len(corpus.records)} records, {provisions} provisions, {len(corpus.edges) // 2} relations.")
    for (jurisdiction, kind), n in sorted(counts.items()):
        click.echo(f"  {jurisdiction:4} {kind:9} {n}")


@cli.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True)
@click.option("--out", "build_dir", type=click.Path(path_type=Path), default=DEFAULT_BUILD, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress output.")
def build(data_dir: Path, build_dir: Path, quiet: bool) -> None:
    """Validate DATA, then build the SQLite store and the search index into OUT (atomic swap)."""
    from indexer.build import build_kb

    corpus = _load_or_exit(data_dir)
    try:
        info = build_kb(corpus, build_dir, progress=not quiet)
    except KBError as exc:
        click.echo(f"Build failed: {exc.message}; the previous build is unchanged.", err=True)
        sys.exit(1)
    click.echo(
        f"Built {info.records} records and {info.provisions} provisions into {info.path} in {info.seconds:.1f} s."
    )


@cli.command()
@click.argument("query")
@click.option("--build", "build_dir", type=click.Path(path_type=Path), default=DEFAULT_BUILD, show_default=True)
@click.option("--jurisdiction", "-j", multiple=True, help="Filter by jurisdiction (repeatable).")
@click.option("--kind", "-k", multiple=True, help="Filter by kind (repeatable).")
@click.option("--lang", default="en", show_default=True, help="Language of titles and snippets.")
@click.option("--limit", default=10, show_default=True)
def search(
    query: str, build_dir: Path, jurisdiction: tuple[str, ...], kind: tuple[str, ...], lang: str, limit: int
) -> None:
    """Search the built knowledge base and print the hits as a table."""
    from indexer.engine import Engine
    from indexer.search import SearchRequest

    try:
        engine = Engine.open(build_dir)
        result = engine.search(
            SearchRequest(
                q=query, jurisdictions=[j.upper() for j in jurisdiction], kinds=list(kind), lang=lang, page_size=limit
            )
        )
    except KBError as exc:
        click.echo(f"Error: {exc.message}", err=True)
        sys.exit(1)
    click.echo(f"{result.total} hit(s) for {query!r}")
    header = ("#", "id", "kind", "jur")
    cells = [
        (str(i), h.id + (f" {h.provision}" if h.provision else ""), h.kind, h.jurisdiction)
        for i, h in enumerate(result.hits, 1)
    ]
    if cells:
        widths = [max(len(value) for value in column) for column in zip(header, *cells, strict=True)]
        for row, title in [(header, "title"), *zip(cells, (h.title for h in result.hits), strict=True)]:
            click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) + "  " + title)


@cli.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True)
@click.option("--build", "build_dir", type=click.Path(path_type=Path), default=DEFAULT_BUILD, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--workers", default=1, show_default=True)
@click.option("--rebuild", is_flag=True, help="Rebuild even if the build is current.")
@click.option("--no-build", is_flag=True, help="Serve the published build as it is, without looking at DATA.")
def serve(data_dir: Path, build_dir: Path, host: str, port: int, workers: int, rebuild: bool, no_build: bool) -> None:
    """Build if the data changed (or no build exists), then serve the API and web page."""
    import os

    from api import serving as api_serving
    from indexer.build import build_kb, current_build_version
    from indexer.fingerprint import data_version

    serving = current_build_version(build_dir)
    if no_build and serving is None:
        click.echo(f"No build to serve in {build_dir}; run `kb build`.", err=True)
        sys.exit(1)
    if not no_build and (rebuild or serving != data_version(data_dir)):
        try:
            corpus = load_corpus(data_dir)
        except DataError as exc:
            for issue in exc.issues:
                click.echo(str(issue), err=True)
            if serving is None:
                click.echo(f"{len(exc.issues)} problem(s) found and no earlier build to serve.", err=True)
                sys.exit(1)
            click.echo(f"{len(exc.issues)} problem(s) found; serving the previous build ({serving}).", err=True)
        else:
            info = build_kb(corpus, build_dir, progress=True)
            click.echo(f"Built {info.records} records in {info.seconds:.1f} s.")
    os.environ["KB_BUILD_DIR"] = str(build_dir.resolve())
    api_serving.run(host, port, workers)


@cli.command(name="eval")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=DEFAULT_DATA, show_default=True)
@click.option(
    "--queries",
    type=click.Path(path_type=Path, exists=True),
    default=DEFAULT_DATA / "eval" / "queries.yaml",
    show_default=True,
)
@click.option("--out", type=click.Path(path_type=Path), help="Also write the Markdown report to this file.")
def evaluate_command(data_dir: Path, queries: Path, out: Path | None) -> None:
    """Run the evaluation queries on ours and on two baselines; print success@1/@5, MRR, nDCG@10."""
    from indexer.evaluation import evaluate, load_queries, report

    corpus = _load_or_exit(data_dir)
    text = report(evaluate(corpus, load_queries(queries)))
    click.echo(text)
    if out:
        out.write_text(text, "utf-8")


@cli.command()
@click.option("--build", "build_dir", type=click.Path(path_type=Path), default=DEFAULT_BUILD, show_default=True)
@click.option("--warm/--no-warm", default=True, show_default=True, help="Load the analyzers before answering.")
def mcp(build_dir: Path, warm: bool) -> None:
    """Serve the published build to AI assistants as an MCP server over stdio (see docs/mcp.md)."""
    from api.mcp_server import create_mcp_server
    from indexer.engine import Engine

    try:
        engine = Engine.open(build_dir)
        if warm:
            engine.warm()
    except KBError as exc:
        click.echo(f"Error: {exc.message}", err=True)
        sys.exit(1)
    create_mcp_server(lambda: engine).run("stdio")


@cli.command()
@click.option("--build", "build_dir", type=click.Path(path_type=Path), default=DEFAULT_BUILD, show_default=True)
@click.option(
    "--launch/--no-launch", default=True, show_default=True, help="Start Datasette, or only print the command."
)
def datasette(build_dir: Path, launch: bool) -> None:
    """Open the published build in Datasette, writing its metadata.json first if it is missing."""
    import shutil
    import subprocess

    from indexer.build import CURRENT, current_build
    from indexer.datasette_metadata import METADATA_FILE, write_datasette_metadata

    try:
        build_path = current_build(build_dir)
    except KBError as exc:
        click.echo(f"Error: {exc.message}", err=True)
        sys.exit(1)
    if not (build_path / METADATA_FILE).is_file():
        write_datasette_metadata(build_path)
    current = build_dir / CURRENT
    command = ["datasette", str(current / "kb.sqlite"), "-m", str(current / METADATA_FILE)]
    click.echo(" ".join(command))
    if not launch:
        return
    executable = shutil.which("datasette", path=str(Path(sys.executable).parent)) or shutil.which("datasette")
    if executable is None:
        click.echo("Datasette is not installed: pip install datasette (or: pip install -e '.[test]')", err=True)
        sys.exit(1)
    sys.exit(subprocess.call([executable, *command[1:]]))


def main() -> None:
    cli()
