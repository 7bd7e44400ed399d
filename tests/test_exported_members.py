"""The public names of the kb package (as httpx does)."""

import kb


def test_all_is_sorted_and_importable() -> None:
    assert kb.__all__ == sorted(kb.__all__)
    for name in kb.__all__:
        assert getattr(kb, name) is not None
