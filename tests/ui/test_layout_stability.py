"""The window keeps its geometry while takes run: nothing a take shows or hides (the busy bar, the
stage line, the Streaming toggle's speed note) may resize the panels or the live views. Each
resize re-lays out the whole window and makes pyqtgraph rebuild every axis; together they were the
UI thread's longest stalls (80-120 ms in `python -m studio.ui.heartbeat`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from tests.ui.conftest import make_take, save_voice


class ResizeCounter(QObject):
    def __init__(self, widgets):
        super().__init__()
        self.resized: list[str] = []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Resize and event.oldSize().isValid():
            self.resized.append(
                f"{type(obj).__name__} {event.oldSize().toTuple()} -> {event.size().toTuple()}"
            )
        return False


def _geometry(window):
    return (
        tuple(window.splitter.sizes()),
        window.live.mel_view.size().toTuple(),
        window.live.token_view.size().toTuple(),
    )


def test_toggling_streaming_keeps_the_columns_where_they_are(window, qtbot):
    before = _geometry(window)
    minimum = window.script.minimumSizeHint().width()
    for on in (False, True, False, True):
        window.script.stream.setChecked(on)
        qtbot.wait(20)  # the layout requests are posted events
        assert window.script.minimumSizeHint().width() == minimum
        assert _geometry(window) == before


def test_takes_streaming_and_not_never_resize_the_live_views(window, qtbot):
    save_voice(qtbot, window)
    make_take(qtbot, window, stream=True)  # the first take settles the take list and details
    live = window.live
    counter = ResizeCounter([live.mel_view, live.token_view, window.script, window.takes, live])
    before = _geometry(window)
    for stream in (False, True):
        make_take(qtbot, window, stream=stream)
        qtbot.wait(50)
    assert counter.resized == []
    assert _geometry(window) == before


def test_a_two_line_stage_line_does_not_push_the_views_down(window, qtbot):
    live = window.live
    before = live.mel_view.size().toTuple()
    live.status.setText("sentence 3 of 12 · flow matching: tokens to mel · " * 2)
    live.progress.show()
    qtbot.wait(20)
    assert live.status.height() >= live.status.heightForWidth(live.status.width())
    assert live.mel_view.size().toTuple() == before
