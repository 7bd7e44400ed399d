"""``python -m kb`` runs the ``kb`` command."""

from indexer.cli import main

main()
