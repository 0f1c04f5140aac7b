"""The live view: the mel spectrogram and the speech-token timeline of the take being made.

The status line names the sentence ("sentence 2 of 5") and the stage the engine is in, read from
the order of its events: speech tokens come from the language model; once tokens stop arriving
(STAGE_GAP_S) the flow model is turning them into mel; after a mel batch the vocoder is making
the audio. The two views share one time axis (seconds of audio), one above the other.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout

from studio.ui.error_text import localize
from studio.ui.messages import sentence
from studio.ui.sentences import segment_sentences
from studio.ui.views.busy_bar import BusyBar
from studio.ui.views.mel_view import MEL_FPS, MelBuffer, MelView
from studio.ui.views.token_view import TOKEN_RATE, TokenBuffer, TokenView

STAGE_GAP_S = 1.0  # tokens silent this long: the language model is done, flow matching runs
FAILED_STYLE = "color: #c0392b; font-weight: bold;"
MIN_SPAN_S = 4.0


def view_span(seconds: float) -> float:
    """The shared x range (0..span s) for `seconds` of audio: at least MIN_SPAN_S, growing in
    steps of a quarter, so both views re-range a handful of times per take, not on every tick."""
    span = MIN_SPAN_S
    while span < seconds * 1.05:
        span *= 1.25
    return span


def _two_line_height(label: QLabel) -> int:
    """The height `label` wants for two lines of text in its font and style (pixels)."""
    probe = QLabel("Ag\nAg")
    probe.setFont(label.font())
    probe.setStyleSheet(label.styleSheet())
    return probe.sizeHint().height()


class LivePanel(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Live view"))
        self.mel_buffer = MelBuffer()
        self.token_buffer = TokenBuffer()
        self.mel_view = MelView(self.mel_buffer)
        self.token_view = TokenView(self.token_buffer)
        self.status = QLabel(self.tr("The mel spectrogram and speech tokens of the next take appear here."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.failure = ""
        self.speed = 1.0  # the take's (reset)
        self.progress = BusyBar()  # busy (a sliding block) until the sentence count is known
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        # The live views must not change size while a take runs (each change re-lays out and
        # repaints every plot): the hidden bar keeps its place, and the status line has room for
        # two lines of text from the start (it wraps as the stage and sentence count grow).
        retain = self.progress.sizePolicy()
        retain.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(retain)
        self.progress.hide()
        self.status.setMinimumHeight(_two_line_height(self.status))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.mel_view)
        splitter.addWidget(self.token_view)
        splitter.setSizes([300, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        self.sentences = 0
        self.first_sentence = 0
        self.sentence_total = 0
        self.stage = ""
        self._last_event = 0.0
        self.mel_view.set_margins(self.token_view.left_width(), self.mel_view.right_width())
        self.token_view.set_margins(self.token_view.left_width(), self.mel_view.right_width())

    def set_dark(self, dark: bool) -> None:
        self.mel_view.set_dark(dark)
        self.token_view.set_dark(dark)

    def reset(self, sentence_total: int = 0, speed: float = 1.0) -> None:
        """Start over for a take of `sentence_total` sentences (0: not known) spoken at `speed`."""
        self.speed = float(speed) if speed and speed > 0 else 1.0
        self.mel_buffer.reset()
        self.token_buffer.reset()
        self.sentences = 0  # sentences begun so far (the last of the current segment)
        self.first_sentence = 0  # the current segment's first sentence
        self.sentence_total = sentence_total
        self.stage = ""
        self.failure = ""
        self.status.setStyleSheet("")
        self.set_playhead(None)
        self.refresh()

    def show_trace(self, trace) -> None:
        """Show a finished take (a `take_trace.TakeTrace`) in place of a running one."""
        self.reset()
        if trace.mel.shape[1]:
            self.mel_buffer.append(trace.mel, 0)
        if trace.tokens is not None and trace.tokens.size:
            self.token_buffer.append(trace.tokens, 0)
        for index, start in trace.mel_starts:
            self.mel_buffer.add_boundary(index, start)
        for index, start in trace.token_starts:
            self.token_buffer.add_boundary(index, start)
        self.refresh()

    def show_failure(self, text: str) -> None:
        """The take failed: its reason stays in the status line until the next take starts."""
        self.failure = text
        self.progress.hide()
        self.status.setStyleSheet(FAILED_STYLE)
        self.status.setText(sentence(self.tr("The take failed: {0}").format(localize(text))))

    def clear_failure(self) -> None:
        """A newer problem is in the message area: the old failure no longer describes the window."""
        if self.failure:
            self.failure = ""
            self.status.setStyleSheet("")
            self.status.setText("")

    # engine events (cheap: they only append to the buffers) ------------------------------------

    def on_segment(self, seg) -> None:
        # a segment may be several short sentences spoken in one pass: count the sentences the
        # takes panel lists (studio/ui/sentences.py), "sentences 1–2 of 3"
        self.first_sentence = self.sentences + 1
        self.sentences += len(segment_sentences(seg.text)) if seg.text else 1
        self._set_stage("lm")
        self.token_buffer.add_boundary(seg.index, seg.start_token)
        self.mel_buffer.add_boundary(seg.index, seg.start_frame)

    def on_tokens(self, events) -> None:
        for ev in events:
            self.token_buffer.append(ev.tokens, ev.start)
        self._set_stage("lm")

    def on_mel(self, events) -> None:
        for ev in events:
            self.mel_buffer.append(ev.mel, ev.start_frame)
        self._set_stage("vocoder")

    def on_audio(self, events) -> None:
        self._set_stage("audio")

    def _set_stage(self, stage: str) -> None:
        self.stage = stage
        self._last_event = time.monotonic()

    def stage_text(self) -> str:
        """What the engine is doing now, read from its last event."""
        stage = self.stage
        if stage == "lm" and time.monotonic() - self._last_event > STAGE_GAP_S:
            stage = "flow"
        return {
            "lm": self.tr("language model: speech tokens"),
            "flow": self.tr("flow matching: tokens to mel"),
            "vocoder": self.tr("vocoder: mel to audio"),
            "audio": self.tr("audio ready"),
        }.get(stage, "")

    # display clock ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.update_progress()
        span = view_span(max(self.mel_buffer.seconds, self.token_buffer.seconds))
        self.mel_view.set_span(span)
        self.token_view.set_span(span)
        self.mel_view.refresh()
        self.token_view.refresh()

    def update_progress(self) -> None:
        """The busy bar shows the share of sentences done once their number is known (a segment's
        sentences count as done when its audio is ready), and a sliding block until then."""
        total = max(self.sentence_total, self.sentences)
        if not self.sentence_total or total <= 0:
            if not self.progress.busy:
                self.progress.setRange(0, 0)
            return
        done = self.sentences if self.stage == "audio" else max(0, self.first_sentence - 1)
        if self.progress.maximum() != total:
            self.progress.setRange(0, total)
        if self.progress.value() != done:
            self.progress.setValue(done)

    def sentence_text(self) -> str:
        total = max(self.sentence_total, self.sentences)
        if self.first_sentence and self.first_sentence < self.sentences:
            if self.sentence_total:
                return self.tr("sentences {0}–{1} of {2}").format(self.first_sentence, self.sentences, total)
            return self.tr("sentences {0}–{1}").format(self.first_sentence, self.sentences)
        if self.sentence_total:
            return self.tr("sentence {0} of {1}").format(self.sentences, total)
        return self.tr("sentence {0}").format(self.sentences)

    def audio_seconds(self) -> float:
        """Seconds of audio the mel made so far becomes. At a speed other than 1 the engine stretches
        each segment's mel to 1/speed of its frames before the vocoder (studio/engine/engine.py), so
        the take is the mel's seconds / speed long."""
        return self.mel_buffer.frames / MEL_FPS / self.speed

    def describe(self, with_stage: bool = False) -> str:
        speed = self.speed
        if abs(speed - 1.0) < 1e-6:
            text = self.tr("{0} · {1} tokens ({2:.1f} s) · {3} mel frames ({4:.1f} s)").format(
                self.sentence_text(),
                self.token_buffer.count,
                self.token_buffer.count / TOKEN_RATE,
                self.mel_buffer.frames,
                self.mel_buffer.frames / MEL_FPS,
            )
        else:
            text = self.tr("{0} · {1} tokens · {2} mel frames · {3:.1f} s of audio at {4:g}× speed").format(
                self.sentence_text(),
                self.token_buffer.count,
                self.mel_buffer.frames,
                self.audio_seconds(),
                speed,
            )
        stage = self.stage_text() if with_stage else ""
        return text + (self.tr(" · now: {0}").format(stage) if stage else "")

    def set_playhead(self, seconds: float | None) -> None:
        self.mel_view.set_playhead(seconds)
        self.token_view.set_playhead(seconds)
