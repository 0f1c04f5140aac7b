"""The window shares one Library between its GUI thread and worker threads."""

from __future__ import annotations

import threading

from tests.library.helpers import SR, tone


def test_takes_added_from_several_threads_at_once_all_land(lib):
    voice = lib.add_voice("Ann")
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(10):
                lib.add_take(text=f"thread {n} take {i}", audio=tone(0.02), sample_rate=SR, voice_id=voice.id)
                lib.list_takes(limit=5)
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert lib.count_takes() == 40
    assert lib.check().clean
