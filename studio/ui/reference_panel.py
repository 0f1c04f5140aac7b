"""The reference panel: record or import a clip, trim it, check its quality, save it as a voice.

A transcript belongs to one clip: a new clip starts with an empty transcript (or its own, for a
library clip). When a saved voice is selected the panel shows that voice's clip, quality report
and transcript, and "Save transcript" fixes the transcript (the voice is prepared again on its
next take, since the prepared prompt contains it).
"""

from __future__ import annotations

import contextlib
import html
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from studio.audio.clipfile import ClipFileError, read_clip_file
from studio.audio.quality import QualityReport, analyse
from studio.library import LibraryError
from studio.ui.context import StudioContext
from studio.ui.engine_bridge import save_prepared_voice
from studio.ui.file_dialogs import open_file
from studio.ui.messages import sentence
from studio.ui.quality_view import QualityView
from studio.ui.recording import COUNTDOWN, IDLE, RECORDING, SAVING, RecordingController
from studio.ui.transcribe_assist import TranscriptAssistant
from studio.ui.transcript_field import TranscriptField
from studio.ui.views.level_meter import LevelMeter
from studio.ui.views.waveform_view import WaveformView
from studio.ui.voice_dialog import VoiceDetails, VoiceDialog

AUDIO_PATTERNS = "*.wav *.flac *.ogg *.oga *.mp3 *.aiff *.aif *.au *.opus *.caf *.w64"


def audio_filter(audio: str, all_files: str) -> str:
    """A file dialog's filter for audio, with its two names in the UI language."""
    return f"{audio} ({AUDIO_PATTERNS});;{all_files} (*)"


@dataclass
class ReferenceClip:
    audio: np.ndarray  # mono float32
    rate: int
    name: str
    source: str  # "imported" or "recorded"
    path: Path | None = None  # the imported file
    clip_id: int | None = None  # the library clip (recordings are stored as soon as they stop)
    device: str = ""
    saved: bool = False  # stored as a voice

    @property
    def seconds(self) -> float:
        return self.audio.size / self.rate


@dataclass
class UnsavedClip:
    """An imported clip that was never saved as a voice, kept (with its trim and typed transcript,
    in seconds and text) when the user chose a saved voice, so it can be brought back."""

    clip: ReferenceClip
    trim: tuple[float, float]
    transcript: str


def is_audio_drop(mime) -> bool:
    return mime.hasUrls() and any(url.isLocalFile() for url in mime.urls())


class ReferencePanel(QGroupBox):
    clipChanged = Signal()
    unsavedRestoreRequested = Signal()  # "Back to <clip>": the window deselects the voice, then restores
    voiceSaved = Signal(int)
    saveFailed = Signal(str)
    transcriptSaved = Signal(int)  # voice id

    def __init__(self, ctx: StudioContext, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Reference clip"))
        self.ctx = ctx
        self.clip: ReferenceClip | None = None
        self.voice_id: int | None = None  # the saved voice whose clip is shown, if any
        self.voice_name = ""
        self.drafts: dict[int, str] = {}  # clip id -> a typed transcript not saved yet
        self.saved_transcript = ""
        self.report: QualityReport | None = None
        self.saving = False
        self._play_session = -1
        self.setAcceptDrops(True)

        self.recording = RecordingController(ctx, self)
        self.recording.stateChanged.connect(self._recording_state)
        self.recording.countdownTick.connect(self._countdown)
        self.recording.recorded.connect(self._recorded)
        self.recording.failed.connect(self._record_failed)
        self.recording.deviceLost.connect(lambda text: self.ctx.warn(text))

        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setToolTip(self.tr("Record from the input device chosen in Settings (Ctrl+R)"))
        self.record_button.clicked.connect(self.recording.toggle)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Open a sound file, or drop one on this panel"))
        self.import_button.clicked.connect(self.choose_file)
        self.record_status = QLabel()
        self.meter = LevelMeter()
        top = QHBoxLayout()
        top.addWidget(self.record_button)
        top.addWidget(self.import_button)
        top.addWidget(self.record_status, 1)

        self.script_toggle = QToolButton()
        self.script_toggle.setText(self.tr("Script to read aloud"))
        self.script_toggle.setCheckable(True)
        self.script_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.script_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.script = QPlainTextEdit()
        self.script.setPlaceholderText(
            self.tr("Optional: a text to read while recording. It becomes the transcript.")
        )
        self.script.setMaximumHeight(70)
        self.script.hide()
        self.script_toggle.toggled.connect(self._toggle_script)

        self.waveform = WaveformView()
        self.waveform.trimChanged.connect(self._trim_changed)
        self.info = QLabel(self.tr("No clip yet: record one, import a file, or drop it here."))
        self.info.setWordWrap(True)
        self.unsaved: UnsavedClip | None = None
        self.back_link = QLabel()
        self.back_link.setTextFormat(Qt.TextFormat.RichText)
        self.back_link.linkActivated.connect(lambda _href: self.unsavedRestoreRequested.emit())
        self.back_link.hide()
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.clicked.connect(self.play_clip)
        self.reset_trim_button = QPushButton(self.tr("Reset trim"))
        self.reset_trim_button.clicked.connect(self.reset_trim)
        clip_row = QHBoxLayout()
        info_column = QVBoxLayout()
        info_column.addWidget(self.info)
        info_column.addWidget(self.back_link)
        clip_row.addLayout(info_column, 1)
        clip_row.addWidget(self.play_button)
        clip_row.addWidget(self.reset_trim_button)

        self.quality = QualityView()
        self.transcript_edit = TranscriptField()  # multi-line: the whole transcript shows
        self.transcript_edit.setPlaceholderText(self.tr("Exactly what is said in the clip"))
        self.transcript_edit.setToolTip(
            self.tr("Exactly what is said in the clip. Clone mode needs it; Cross-lingual does not.")
        )
        self.transcript_edit.textChanged.connect(lambda *_: self._update_buttons())
        self.transcript_edit.textChanged.connect(lambda *_: self.ctx.resolve("request:unsaved-transcript"))
        self.save_transcript_button = QPushButton(self.tr("Save transcript"))
        self.save_transcript_button.setToolTip(
            self.tr("Store this transcript with the selected voice's clip")
        )
        self.save_transcript_button.clicked.connect(lambda: self.save_transcript())
        self.transcriber = TranscriptAssistant(self)  # Transcribe button beside the field
        self.save_button = QPushButton(self.tr("Save as voice…"))
        self.save_button.clicked.connect(lambda: self.save_as_voice())
        self.save_status = QLabel()
        self.save_status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.meter)
        layout.addWidget(self.script_toggle)
        layout.addWidget(self.script)
        layout.addWidget(self.waveform, 2)
        layout.addLayout(clip_row)
        layout.addWidget(self.quality, 2)
        layout.addWidget(QLabel(self.tr("Transcript (needed for Clone mode)")))
        self.transcriber.buttons.addWidget(self.save_transcript_button)
        layout.addWidget(self.transcriber.row)
        layout.addWidget(self.transcriber.status)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_status, 1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)

        self._quality_timer = QTimer(self)
        self._quality_timer.setSingleShot(True)
        self._quality_timer.setInterval(120)
        self._quality_timer.timeout.connect(self.update_quality)
        ctx.display.subscribe(self.poll)
        self._update_buttons()

    # -- layout --------------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        """At least the height its rows need at the panel's width: word-wrapped lines (the clip's
        details, the quality report's overall line, which wrap more in Chinese) count with the lines
        they take. A QSplitter asks only this, and QVBoxLayout's own minimum counts a wrapped label as
        one line, so the panel was squeezed and the report's overall line ran over the table."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = self.contentsRect().width() - margins.left() - margins.right()
        if inner <= 0:
            return hint
        heights = []
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item.isEmpty():  # hidden widgets
                continue
            wraps = item.hasHeightForWidth() and not isinstance(item.widget(), QualityView)
            need = item.minimumSize().height()
            if wraps:
                need = max(need, item.heightForWidth(inner))
            elif isinstance(item.widget(), QualityView):
                need = max(need, item.widget().minimum_height_for_width(inner))
            heights.append(need)
        needed = sum(heights) + layout.spacing() * max(0, len(heights) - 1)
        frame = self.contentsMargins()  # the group box's frame and title
        needed += margins.top() + margins.bottom() + frame.top() + frame.bottom()
        return QSize(hint.width(), max(hint.height(), needed))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped lines, and so the minimum height, follow the width

    # -- loading a clip ------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = open_file(
            self,
            self.ctx.settings,
            self.tr("Import a reference clip"),
            audio_filter(self.tr("Audio"), self.tr("All files")),
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        try:
            data = read_clip_file(path)
        except ClipFileError as err:
            self.ctx.error(
                self.tr("The file could not be imported: {0}").format(sentence(str(err))), key="import"
            )
            return False
        self.set_clip(ReferenceClip(data.audio, data.sample_rate, data.path.name, "imported", path=data.path))
        self.forget_unsaved()  # a newer clip: the older unsaved one is not offered back any more
        self.ctx.resolve("import")
        if data.truncated:
            self.ctx.warn(
                self.tr(
                    "{0} ends early: its header says {1:.1f} s, but only {2:.1f} s of audio is in the "
                    "file (it may be cut off). Check the clip before saving it as a voice."
                ).format(data.path.name, data.declared_seconds, data.seconds),
                key="import",
            )
        else:
            self.ctx.info(self.tr("Imported {0} ({1:.1f} s).").format(data.path.name, data.seconds))
        return True

    def load_library_clip(self, clip) -> None:
        audio, rate = self.ctx.library.clip_audio(clip, trimmed=False)
        mono = audio.mean(axis=1).astype(np.float32) if audio.ndim == 2 else audio.astype(np.float32)
        name = clip.source_name or self.tr("Recording {0}").format(clip.id)
        self.set_clip(ReferenceClip(mono, rate, name, clip.source, clip_id=clip.id, device=clip.device))
        self.transcript_edit.setText(clip.transcript or "")
        self.transcript_edit.setCursorPosition(0)  # show its start, not its end
        if clip.trim_start is not None or clip.trim_end is not None:
            start, end = clip.trim_frames()
            self.set_trim(start / clip.sample_rate, end / clip.sample_rate)

    def set_clip(self, clip: ReferenceClip | None, voice_id: int | None = None, voice_name: str = "") -> None:
        """Show `clip` (None: nothing). The transcript starts empty: it belongs to the old clip."""
        self.ctx.player.stop() if self._playing_clip() else None
        self.clip = clip
        self.voice_id, self.voice_name, self.saved_transcript = voice_id, voice_name, ""
        self.transcript_edit.clear()
        self.waveform.set_audio(clip.audio if clip else None, clip.rate if clip else 0)
        if clip is None:
            self.info.setText(self.tr("No clip yet: record one, import a file, or drop it here."))
        self.update_quality()
        self._update_buttons()
        self.transcriber.clip_changed()
        self.clipChanged.emit()

    def show_voice(self, voice_id: int | None) -> None:
        """Follow the voice list: show the saved voice's clip, report and transcript. A transcript
        typed for the shown voice and not saved is kept as a draft and comes back with that voice."""
        if voice_id != self.voice_id:
            self._keep_draft()
        if voice_id is None:
            if self.voice_id is not None:
                self.set_clip(None)
            return
        if voice_id == self.voice_id:
            return
        lib = self.ctx.library
        try:
            voice = lib.get_voice(voice_id)
            clips = lib.list_clips(voice_id)
        except LibraryError as err:
            self.ctx.error(str(err))
            return
        if (
            self.clip is not None
            and self.voice_id is None
            and self.clip.clip_id is None
            and not self.clip.saved
        ):
            self.unsaved = UnsavedClip(self.clip, self.trim(), self.transcript_edit.text())
            self.ctx.info(
                self.tr(
                    "{0} is not saved as a voice; it is kept: “Back to {0}” under the voice's clip brings it back."
                ).format(self.clip.name)
            )
        if not clips:
            self.set_clip(None, voice_id, voice.name)
            self.info.setText(self.tr("{0} has no reference clip.").format(voice.name))
            self._show_back_link()
            return
        try:
            self.load_library_clip(clips[0])
        except LibraryError as err:
            self.ctx.error(str(err))
            return
        self.voice_id, self.voice_name = voice_id, voice.name
        self.saved_transcript = clips[0].transcript or ""
        draft = self.drafts.pop(clips[0].id, None)
        if draft is not None:
            self.transcript_edit.setText(draft)
            self.transcript_edit.setCursorPosition(0)
        self._show_back_link()
        self.update_quality()
        self._update_buttons()

    def restore_unsaved(self) -> bool:
        """Show the kept unsaved clip again, with its trim and typed transcript (the window has
        deselected the voice first). False if none is kept."""
        draft = self.unsaved
        if draft is None:
            return False
        self.set_clip(draft.clip)
        self.set_trim(*draft.trim)
        self.transcript_edit.setText(draft.transcript)
        self.forget_unsaved()
        self.update_quality()
        return True

    def forget_unsaved(self) -> None:
        self.unsaved = None
        self._show_back_link()

    def _show_back_link(self) -> None:
        draft = self.unsaved
        if draft is None or self.clip is draft.clip:
            self.back_link.hide()
            return
        self.back_link.setText(
            '<a href="unsaved">'
            + html.escape(self.tr("Back to {0} (not saved)").format(draft.clip.name))
            + "</a>"
        )
        self.back_link.show()

    def _keep_draft(self) -> None:
        """Keep the shown voice's typed, unsaved transcript (by clip) before another voice replaces it."""
        if self.voice_id is None or self.clip is None or self.clip.clip_id is None:
            return
        text = self.transcript_edit.text().strip()
        if text == (self.saved_transcript or "").strip():
            self.drafts.pop(self.clip.clip_id, None)
            return
        self.drafts[self.clip.clip_id] = text
        self.ctx.info(
            self.tr(
                "The transcript you typed for {0} is not saved; it is kept and comes back when you "
                "choose {0} again (then press Save transcript)."
            ).format(self.voice_name)
        )

    def save_transcript(self) -> bool:
        """Store the typed transcript with the shown voice's clip; its prepared prompts (which
        contain the transcript) are dropped, so the next take prepares the voice again."""
        if self.voice_id is None or self.clip is None or self.clip.clip_id is None:
            return False
        if not self.transcriber.confirm_transcript():
            return False
        text = self.transcript_edit.text().strip()
        lib = self.ctx.library
        try:
            lib.update_clip(self.clip.clip_id, transcript=text)
            for prompt in lib.prepared_prompts(self.voice_id):
                lib.remove_prepared_prompt(self.voice_id, prompt.family)
        except LibraryError as err:
            self.ctx.error(self.tr("The transcript could not be saved: {0}").format(err))
            return False
        self.saved_transcript = text
        self.drafts.pop(self.clip.clip_id, None)
        self._update_buttons()
        self.ctx.resolve("request:transcript")
        self.ctx.info(
            self.tr("Saved the transcript of {0}; the voice is prepared again for its next take.").format(
                self.voice_name
            )
        )
        self.ctx.voicesChanged.emit()
        self.transcriptSaved.emit(self.voice_id)
        return True

    # -- trim and quality ----------------------------------------------------------------------

    def trim(self) -> tuple[float, float]:
        if self.clip is None:
            return 0.0, 0.0
        return self.waveform.trim()

    def set_trim(self, start: float, end: float) -> None:
        self.waveform.set_trim(start, end)
        self.update_quality()

    def reset_trim(self) -> None:
        if self.clip is not None:
            self.set_trim(0.0, self.clip.seconds)

    def _trim_changed(self, start: float, end: float) -> None:
        self._quality_timer.start()
        self.transcriber.schedule_check()  # the transcript's length against the new trim

    def trimmed_audio(self) -> np.ndarray:
        if self.clip is None:
            return np.zeros(0, dtype=np.float32)
        start, end = self.trim()
        a, b = round(start * self.clip.rate), round(end * self.clip.rate)
        return self.clip.audio[max(0, a) : max(a, b)]

    def update_quality(self) -> None:
        if self.clip is None:
            self.report = None
            self.quality.set_report(None)
            self._update_buttons()
            return
        self.report = analyse(self.trimmed_audio(), self.clip.rate)
        self.quality.set_report(self.report)
        start, end = self.trim()
        text = self.tr("{0} · {1:.1f} s at {2:g} kHz · using {3:.1f}-{4:.1f} s").format(
            self.clip.name, self.clip.seconds, self.clip.rate / 1000, start, end
        )
        if self.voice_id is not None:
            text = self.tr("Voice {0}: {1}").format(self.voice_name, text)
        self.info.setText(text)
        self._update_buttons()

    # -- recording -----------------------------------------------------------------------------

    def _toggle_script(self, on: bool) -> None:
        self.script.setVisible(on)
        self.script_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _recording_state(self, state: str) -> None:
        self.record_button.setText(
            {
                IDLE: self.tr("Record"),
                COUNTDOWN: self.tr("Cancel"),
                RECORDING: self.tr("Stop"),
                SAVING: self.tr("Saving…"),
            }[state]
        )
        if state == RECORDING:
            self.recording.transcript = self.script.toPlainText().strip()
            self.record_status.setText(self.tr("Recording… speak now"))
        elif state == IDLE:
            self.record_status.setText("")
            self.meter.reset()
        self._update_buttons()

    def _countdown(self, left: int) -> None:
        self.record_status.setText(self.tr("Recording starts in {0}…").format(left) if left else "")

    def _recorded(self, clip) -> None:
        script = self.script.toPlainText().strip()
        self.load_library_clip(clip)
        if script and not self.transcript_edit.text().strip():
            self.transcript_edit.setText(script)
        self.ctx.info(
            self.tr("Recorded {0:.1f} s; the recording is kept in the library.").format(clip.duration_s)
        )

    def _record_failed(self, text: str) -> None:
        self.ctx.error(self.tr("Recording failed: {0}").format(text))

    def poll(self) -> None:
        """Display clock: level meter and elapsed time while recording; playhead while playing."""
        rec = self.recording
        if rec.state == RECORDING:
            rec.poll()
            level = rec.level
            self.meter.set_level(level.peak_dbfs, level.rms_dbfs, level.clipped)
            self.record_status.setText(self.tr("Recording… {0:.1f} s").format(rec.elapsed))
        if self._playing_clip():
            start, _ = self.trim()
            self.waveform.set_playhead(start + self.ctx.player.position / max(1, self.ctx.player.rate))
        else:
            self.waveform.set_playhead(None)

    # -- playback ------------------------------------------------------------------------------

    def _playing_clip(self) -> bool:
        return self.ctx.player.session == self._play_session and self.ctx.player.active

    def play_clip(self) -> None:
        if self.clip is None:
            return
        if self._playing_clip():
            self.ctx.player.stop()
            return
        self.ctx.player.device = self.ctx.settings.get("audio/output_device") or None
        self._play_session = self.ctx.player.play(self.trimmed_audio(), self.clip.rate)

    # -- save as voice -------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        has_clip = self.clip is not None
        busy = self.recording.busy
        self.import_button.setEnabled(not busy)
        self.play_button.setEnabled(has_clip)
        self.reset_trim_button.setEnabled(has_clip)
        loaded = self.ctx.bridge.loaded is not None
        blocking = self.report is not None and self.report.blocking
        is_voice = self.voice_id is not None
        self.save_button.setEnabled(
            has_clip and loaded and not busy and not blocking and not self.saving and not is_voice
        )
        editable = is_voice and has_clip and self.clip.clip_id is not None
        self.save_transcript_button.setVisible(is_voice)
        self.save_transcript_button.setEnabled(
            editable and self.transcript_edit.text().strip() != self.saved_transcript
        )
        if is_voice:
            self.save_button.setToolTip(
                self.tr(
                    "This clip is already the voice {0}; import or record a new clip for another voice."
                ).format(self.voice_name)
            )
        elif not loaded:
            self.save_button.setToolTip(self.tr("Load a model first: the voice is prepared with it."))
        elif blocking:
            self.save_button.setToolTip(self.tr("The clip fails a check the engine needs; see the report."))
        else:
            self.save_button.setToolTip(self.tr("Prepare this clip as a voice and add it to the voice list"))

    def model_changed(self) -> None:
        self._update_buttons()

    def save_as_voice(self, details: VoiceDetails | None = None) -> bool:
        """Prepare the trimmed clip on the worker, then store voice, clip and prepared prompt."""
        if self.clip is None or self.saving or self.voice_id is not None:
            return False
        if self.ctx.bridge.loaded is None:
            self.ctx.error(self.tr("Load a model first: the voice is prepared with it."))
            return False
        if self.report is not None and self.report.blocking:
            self.ctx.error(
                self.tr("This clip cannot be used as a voice: {0}").format(self.quality.advice(self.report))
            )
            return False
        if not self.transcriber.confirm_transcript():
            return False
        if details is None:
            default = Path(self.clip.name).stem if self.clip.source == "imported" else ""
            dialog = VoiceDialog(default, self.ctx.language, self)
            if dialog.exec() != VoiceDialog.DialogCode.Accepted:
                return False
            details = dialog.details()
        if self.ctx.library.list_voices(name=details.name) and any(
            v.name.lower() == details.name.lower() for v in self.ctx.library.list_voices(name=details.name)
        ):
            self.ctx.error(
                self.tr("There is already a voice called {0}; choose another name.").format(details.name)
            )
            return False
        clip = self.clip
        audio = self.trimmed_audio().copy()
        trim = self.trim()
        transcript = self.transcript_edit.text().strip()
        quality = self.report.to_dict() if self.report else None
        tmpdir = Path(tempfile.mkdtemp(prefix="voice-studio-prompt-"))
        dest = tmpdir / "voice.safetensors"
        self.saving = True
        self.save_status.setText(self.tr("Preparing the voice…"))
        self._update_buttons()
        job = self.ctx.bridge.call(save_prepared_voice(audio, clip.rate, transcript or None, dest), "prepare")

        def prepared(result) -> None:
            path, family, _seconds = result
            self.ctx.background.run(
                lambda: self._store_voice(details, clip, trim, transcript, quality, path, family),
                stored,
                store_failed,
            )

        def stored(voice_id: int) -> None:
            shutil.rmtree(tmpdir, ignore_errors=True)
            clip.saved = True
            self.saving = False
            self.save_status.setText("")
            self._update_buttons()
            self.ctx.info(self.tr("Saved the voice {0}.").format(details.name))
            self.ctx.voicesChanged.emit()
            self.voiceSaved.emit(voice_id)

        def store_failed(err: BaseException) -> None:
            shutil.rmtree(tmpdir, ignore_errors=True)
            fail(str(err))

        def fail(text: str) -> None:
            self.saving = False
            self.save_status.setText("")
            self._update_buttons()
            self.ctx.error(self.tr("The voice could not be saved: {0}").format(text))
            self.saveFailed.emit(text)

        job.done.connect(prepared)
        job.failed.connect(lambda failed: (shutil.rmtree(tmpdir, ignore_errors=True), fail(failed.message)))
        job.cancelled.connect(lambda reason: (shutil.rmtree(tmpdir, ignore_errors=True), fail(reason)))
        return True

    def _store_voice(self, details, clip, trim, transcript, quality, prompt_path, family) -> int:
        """Background thread: voice + clip + prepared prompt; a failure part way removes the voice."""
        lib = self.ctx.library
        voice = lib.add_voice(
            details.name,
            speaker_name=details.speaker_name,
            language=details.language,
            dialect=details.dialect,
            consent=details.consent,
            tags=details.tags,
        )
        try:
            start, end = trim
            full = abs(start) < 1e-3 and abs(end - clip.seconds) < 1e-3
            if clip.clip_id is not None:
                stored = lib.update_clip(
                    clip.clip_id, voice_id=voice.id, transcript=transcript, quality=quality
                )
            elif clip.path is not None and clip.path.is_file():
                stored = lib.import_clip_file(voice.id, clip.path, transcript=transcript, quality=quality)
            else:
                stored = lib.add_clip(
                    voice.id, clip.audio, clip.rate, transcript=transcript, source="imported",
                    source_name=clip.name, quality=quality,
                )  # fmt: skip
            lib.set_clip_trim(stored.id, None if full else start, None if full else end)
            lib.set_prepared_prompt(voice.id, family, prompt_path)
        except Exception:
            with contextlib.suppress(LibraryError):
                if clip.clip_id is not None:
                    lib.update_clip(clip.clip_id, voice_id=None)  # keep the recording, unassigned
                lib.delete_voice(voice.id)
            raise
        return voice.id

    # -- drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if is_audio_drop(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.load_file(url.toLocalFile())
                event.acceptProposedAction()
                return
