"""A lock that serves its waiters in arrival order."""

from __future__ import annotations

import threading
from collections import deque
from types import TracebackType


class FairLock:
    """A mutex handed to waiters first come, first served.

    ``threading.Lock`` lets whichever thread the scheduler wakes take it, so under load a request can
    wait behind many that came later; here the holder hands the lock straight to the oldest waiter.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiters: deque[threading.Event] = deque()
        self._held = False

    def __enter__(self) -> FairLock:
        with self._guard:
            if not self._held:
                self._held = True
                return self
            turn = threading.Event()
            self._waiters.append(turn)
        turn.wait()  # set by the previous holder, which passes the lock on without releasing it
        return self

    def __exit__(self, *exc: tuple[type[BaseException] | None, BaseException | None, TracebackType | None]) -> None:
        with self._guard:
            if self._waiters:
                self._waiters.popleft().set()
            else:
                self._held = False
