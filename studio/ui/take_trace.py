"""The live view follows the selected take.

While a take is made, the live view shows its mel spectrogram and speech tokens as they arrive.
Afterwards, choosing a take in the list shows that take there again:

- a take made in this window session: the mel frames and speech tokens exactly as they arrived,
  kept in a `TraceCache` (bounded by bytes; the oldest are dropped first);
- any other take (an earlier session, the speech API, a sentence re-roll): the log-mel computed
  from its audio with the flow's own feature extractor (`studio.engine.frontend.audio.prompt_mel`,
  Matcha-TTS `mel_spectrogram`, 50 frames per second at 24 kHz, so the time axis is the same),
  on a background thread; its speech tokens are not stored with the take, and the status line says so.

A running take always owns the live view: nothing is shown for a selection while one runs.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QObject, Signal

MEL_SAMPLE_RATE = 24000  # CosyVoice 2 / Fun-CosyVoice 3 output rate; the mel config's rate
CACHE_BYTES = 64 * 2**20


@dataclass
class TakeTrace:
    """What the live view showed for one take: mel (bins, frames) float32, the speech tokens (None
    when they were not kept), and where each segment starts (segment index, frame / token)."""

    mel: np.ndarray
    tokens: np.ndarray | None = None
    mel_starts: list[tuple[int, int]] = field(default_factory=list)
    token_starts: list[tuple[int, int]] = field(default_factory=list)

    @property
    def nbytes(self) -> int:
        return int(self.mel.nbytes + (0 if self.tokens is None else self.tokens.nbytes))


MEL_HOP = 480  # samples per mel frame at 24 kHz (the flow's 50 frames per second)
TOKEN_MEL_RATIO = 2  # mel frames per speech token (CosyVoice 2 / 3)


def snapshot(live, audio_samples: int | None = None) -> TakeTrace:
    """A copy of what the live panel's buffers hold now. `audio_samples` (24 kHz): a take cut short
    keeps only that much audio, so its mel and tokens are cut to the same length (the frames and
    tokens made after the last audio never became sound)."""
    mel = live.mel_buffer.view()
    tokens = live.token_buffer.view()
    if audio_samples is not None:
        frames = -(-int(audio_samples) // MEL_HOP)
        mel = mel[:, :frames]
        tokens = tokens[: -(-frames // TOKEN_MEL_RATIO)]
    return TakeTrace(
        mel=mel.copy(),
        tokens=tokens.copy(),
        mel_starts=[(i, f) for i, f in live.mel_buffer.boundaries if f < max(1, mel.shape[1])],
        token_starts=[(i, t) for i, t in live.token_buffer.boundaries if t < max(1, tokens.size)],
    )


def analyse_take_audio(audio: np.ndarray, sample_rate: int, segment_starts: list[int]) -> TakeTrace:
    """The log-mel of a take's audio (mono or (frames, channels)), as the flow's feature extractor
    computes it; `segment_starts` are the segments' first samples. Resampled to 24 kHz if needed."""
    import torch

    from studio.engine.frontend.audio import MelConfig, prompt_mel, resample

    mono = np.asarray(audio, dtype=np.float32)
    if mono.ndim == 2:
        mono = mono.mean(axis=1)
    cfg = MelConfig()
    with torch.inference_mode():
        wav = resample(
            torch.from_numpy(np.ascontiguousarray(mono)).unsqueeze(0), int(sample_rate), MEL_SAMPLE_RATE
        )
        if wav.shape[1] <= cfg.n_fft:  # too short for one frame (and for the reflect padding)
            mel = np.zeros((cfg.num_mels, 0), dtype=np.float32)
        else:
            mel = prompt_mel(wav, cfg)[0].numpy()
    scale = MEL_SAMPLE_RATE / max(1, int(sample_rate)) / cfg.hop_size
    starts = [(i, round(s * scale)) for i, s in enumerate(segment_starts)]
    return TakeTrace(mel=np.ascontiguousarray(mel, dtype=np.float32), mel_starts=starts)


class TraceCache:
    """Traces of this session's takes by take id, at most `max_bytes` in all (oldest dropped)."""

    def __init__(self, max_bytes: int = CACHE_BYTES):
        self.max_bytes = max_bytes
        self._traces: OrderedDict[int, TakeTrace] = OrderedDict()
        self.bytes = 0

    def put(self, take_id: int, trace: TakeTrace) -> None:
        self.drop(take_id)
        if trace.nbytes > self.max_bytes:
            return
        self._traces[take_id] = trace
        self.bytes += trace.nbytes
        while self.bytes > self.max_bytes:
            _, old = self._traces.popitem(last=False)
            self.bytes -= old.nbytes

    def get(self, take_id: int) -> TakeTrace | None:
        trace = self._traces.get(take_id)
        if trace is not None:
            self._traces.move_to_end(take_id)
        return trace

    def drop(self, take_id: int) -> None:
        old = self._traces.pop(take_id, None)
        if old is not None:
            self.bytes -= old.nbytes

    def __contains__(self, take_id: int) -> bool:
        return take_id in self._traces


class TakeTraceFollower(QObject):
    """Shows the selected take in the live view when no take is running.

    `busy()` says whether a take owns the live view. `shown` emits the take id whose trace the live
    view now shows (the window's playhead follows that take when it plays)."""

    shown = Signal(int)

    def __init__(self, ctx, live, busy: Callable[[], bool], parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.live = live
        self.busy = busy
        self.cache = TraceCache()
        self.shown_id: int | None = None
        self._wanted: int | None = None
        self._pending: set[int] = set()
        deletions = getattr(ctx, "deletions", None)
        if deletions is not None:  # the take shown deleted: show nothing rather than it
            deletions.changed.connect(self._deletions_changed)

    def remember(self, take_id: int, trace: TakeTrace) -> None:
        """The live view's trace of a take just stored: it is what the view shows now."""
        self.cache.put(take_id, trace)
        self.shown_id = take_id

    def take_selected(self, take_id: int | None) -> None:
        self._wanted = take_id
        if take_id is None or self.busy() or take_id == self.shown_id:
            return
        trace = self.cache.get(take_id)
        if trace is not None:
            self._show(take_id, trace)
            return
        if take_id in self._pending:
            return
        self._pending.add(take_id)
        library = self.ctx.library

        def analyse() -> TakeTrace:
            take = library.get_take(take_id)
            audio, rate = library.take_audio(take)
            starts = []
            position = 0
            for seg in take.segments:
                starts.append(seg.start_frame if seg.start_frame is not None else position)
                position = seg.end_frame if seg.end_frame is not None else position
            return analyse_take_audio(audio, rate, starts)

        def done(trace: TakeTrace) -> None:
            self._pending.discard(take_id)
            self.cache.put(take_id, trace)
            if self._wanted == take_id and not self.busy():
                self._show(take_id, trace)

        def failed(err: BaseException) -> None:
            self._pending.discard(take_id)
            if self._wanted == take_id and not self.busy():
                self.live.status.setText(
                    self.tr("Take #{0} cannot be shown here: {1}").format(take_id, html.escape(str(err)))
                )

        self.ctx.background.run(analyse, done, failed)

    def _deletions_changed(self) -> None:
        if self.shown_id is not None and not self.busy() and self._deleted(self.shown_id):
            self.live.reset()
            self.live.status.setText("")
            self.shown_id = None

    def _deleted(self, take_id: int) -> bool:
        deletions = getattr(self.ctx, "deletions", None)
        return deletions is not None and take_id in deletions.hidden("take")

    def forget(self) -> None:
        """A new take began: the live view is its now."""
        self.shown_id = None

    def _show(self, take_id: int, trace: TakeTrace) -> None:
        self.live.show_trace(trace)
        seconds = trace.mel.shape[1] / 50.0
        if trace.tokens is not None:
            text = self.tr("Take #{0}: its mel spectrogram and speech tokens ({1:.1f} s)").format(
                take_id, seconds
            )
        else:
            text = self.tr(
                "Take #{0}: the mel spectrogram of its audio ({1:.1f} s); its speech tokens were not kept "
                "(they are for whole takes made in this session)"
            ).format(take_id, seconds)
        self.live.status.setText(text)
        self.shown_id = take_id
        self.shown.emit(take_id)
