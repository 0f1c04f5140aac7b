"""The Qt binding itself: guards against binding releases that break a long-running window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    value = Signal(object)


def test_emitting_signals_does_not_leak_or_drop_references(qapp):
    # PySide6 6.12.0 dropped one reference to True on every emit(); after enough emits the
    # interpreter aborts ("deallocating True or False"), which in the window means hours of work
    # ending in a crash. The pin in pyproject.toml keeps that release out; this keeps it out.
    emitter = _Emitter()
    emitter.plain.connect(lambda: None)
    emitter.value.connect(lambda _v: None)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(200):
        emitter.plain.emit()
        emitter.value.emit(None)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert after == before
