"""The live view: the mel spectrogram and the speech-token timeline of the take being made."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QProgressBar, QSplitter, QVBoxLayout

from studio.ui.views.mel_view import MEL_FPS, MelBuffer, MelView
from studio.ui.views.token_view import TOKEN_RATE, TokenBuffer, TokenView


class LivePanel(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Live view"))
        self.mel_buffer = MelBuffer()
        self.token_buffer = TokenBuffer()
        self.mel_view = MelView(self.mel_buffer)
        self.token_view = TokenView(self.token_buffer)
        self.status = QLabel(self.tr("The mel spectrogram and speech tokens of the next take appear here."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress.hide()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.mel_view)
        splitter.addWidget(self.token_view)
        splitter.setSizes([300, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        self.sentences = 0
        self.sentence_total = 0

    def set_dark(self, dark: bool) -> None:
        self.mel_view.set_dark(dark)
        self.token_view.set_dark(dark)

    def reset(self, sentence_total: int = 0) -> None:
        self.mel_buffer.reset()
        self.token_buffer.reset()
        self.sentences = 0
        self.sentence_total = sentence_total
        self.set_playhead(None)
        self.refresh()

    # engine events (cheap: they only append to the buffers) ------------------------------------

    def on_segment(self, seg) -> None:
        self.sentences = seg.index + 1
        self.token_buffer.add_boundary(seg.index, seg.start_token)
        self.mel_buffer.add_boundary(seg.index, seg.start_frame)

    def on_tokens(self, events) -> None:
        for ev in events:
            self.token_buffer.append(ev.tokens, ev.start)

    def on_mel(self, events) -> None:
        for ev in events:
            self.mel_buffer.append(ev.mel, ev.start_frame)

    # display clock ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.mel_view.refresh()
        self.token_view.refresh()

    def describe(self) -> str:
        total = f"/{self.sentence_total}" if self.sentence_total else ""
        return self.tr("sentence {0}{1} · {2} tokens ({3:.1f} s) · {4} mel frames ({5:.1f} s)").format(
            self.sentences,
            total,
            self.token_buffer.count,
            self.token_buffer.count / TOKEN_RATE,
            self.mel_buffer.frames,
            self.mel_buffer.frames / MEL_FPS,
        )

    def set_playhead(self, seconds: float | None) -> None:
        self.mel_view.set_playhead(seconds)
        self.token_view.set_playhead(seconds)
