"""FairLock: one holder at a time, waiters served in arrival order."""

from __future__ import annotations

import threading
import time

from indexer.fair_lock import FairLock


def test_waiters_get_the_lock_in_arrival_order() -> None:
    lock = FairLock()
    order: list[int] = []
    threads = []
    with lock:
        for n in range(8):
            thread = threading.Thread(target=lambda n=n: _take(lock, order, n))
            thread.start()
            threads.append(thread)
            deadline = time.monotonic() + 5
            while len(lock._waiters) < n + 1:  # wait until this thread is queued before starting the next
                assert time.monotonic() < deadline
                time.sleep(0.001)
    for thread in threads:
        thread.join(timeout=5)
    assert order == list(range(8))


def _take(lock: FairLock, order: list[int], n: int) -> None:
    with lock:
        order.append(n)


def test_one_holder_at_a_time() -> None:
    lock = FairLock()
    inside = 0
    most = 0
    guard = threading.Lock()

    def work() -> None:
        nonlocal inside, most
        for _ in range(200):
            with lock:
                with guard:
                    inside += 1
                    most = max(most, inside)
                with guard:
                    inside -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert most == 1 and inside == 0
    with lock:  # free again once everyone is done
        assert lock._held
