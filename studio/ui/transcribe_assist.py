"""The reference panel's Transcribe button, automatic transcription on import, and the warning when a
typed transcript does not match what the recognizers hear.

Kept out of reference_panel.py: the panel creates one `TranscriptAssistant(panel)`, puts
`assistant.row` where the transcript field was, calls `clip_changed()` when its clip changes and
`confirm_transcript()` before saving a voice. Recognition runs on the window's `RecognizerWorker`
(`StudioContext.recognizers`, shut down with the window), never on the UI thread, and is cancellable
(the button becomes Cancel; a new clip cancels the old job).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from studio.transcribe.worker import RecognizerWorker

POLL_MS = 25  # how often the UI thread looks whether a recognition has ended
CHECK_DEBOUNCE_MS = 500  # the typed transcript is checked this long after the last keystroke


class TranscriptAssistant(QObject):
    finished = Signal()  # a transcription ended (filled, failed or cancelled); for tests and the panel

    def __init__(self, panel, worker: RecognizerWorker | None = None) -> None:
        super().__init__(panel)
        self.panel = panel
        self._worker = worker  # None: the window's own (panel.ctx.recognizers), made on first use
        self.job = None
        self.verdict = None  # the last recognition of the current clip
        self._by_voice: dict[int, object] = {}  # voice id -> the last recognition of its clip (this session)
        self._kept: set[tuple[int, str]] = set()  # (voice id, transcript) the user chose to keep anyway
        self._saving = None  # (verdict, transcript) kept at Save as voice, until the voice is saved
        self._token = 0
        self._auto_filled = ""  # the text we put in the field ourselves
        self._job_voice: int | None = None
        self.button = QPushButton(self.tr("Transcribe"))
        self.button.setToolTip(self.tr("Fill the transcript with what a speech recognizer hears in the clip"))
        self.button.clicked.connect(self._clicked)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.linkActivated.connect(self._use_held)
        self.status.hide()
        self._held = ""  # an English-only guess for a clip that may be in another language, not filled in
        # the field at the panel's full width, its buttons in a row under it (the panel adds its own)
        self.row = QWidget()
        column = QVBoxLayout(self.row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(panel.transcript_edit)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.button)
        column.addLayout(self.buttons)
        # The outcome of a job is picked up on the UI thread by this timer, never signalled from the
        # worker thread: a Qt signal emitted from a thread on an object the window is deleting at that
        # moment can crash the process.
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_job)
        panel.voiceSaved.connect(self._voice_saved)
        panel.saveFailed.connect(lambda _text: setattr(self, "_saving", None))
        # The typed or pasted transcript is checked against the clip as the user types (debounced):
        # its length against the clip's (check_rate), and against a recognition of the clip if any.
        self.typed_note = ""  # what the live check says now ("" when it has nothing to say)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DEBOUNCE_MS)
        self._check_timer.timeout.connect(self.check_typed)
        panel.transcript_edit.textChanged.connect(self.schedule_check)
        self._update()

    @property
    def worker(self) -> RecognizerWorker:
        return self._worker if self._worker is not None else self.panel.ctx.recognizers

    @worker.setter
    def worker(self, worker: RecognizerWorker | None) -> None:
        self._worker = worker

    # -- which recognizers ---------------------------------------------------------------------

    def names(self, *, automatic: bool = False) -> list[str]:
        """Installed downloaded recognizers (two at most, to cross-check); PocketSphinx (basic English)
        only on a click, never automatically."""
        from studio.transcribe import recognizers as reg

        names = reg.installed(self.worker.models_dir, include_builtin=False)[:2]
        if not names and not automatic and reg.POCKETSPHINX in reg.installed(self.worker.models_dir):
            names = [reg.POCKETSPHINX]
        return names

    # -- hooks the panel calls -----------------------------------------------------------------

    def clip_changed(self) -> None:
        self.cancel()
        self.verdict = None
        self.status.hide()
        self._update()
        if (
            self.panel.clip is not None
            and self.panel.clip.source == "imported"
            and self.names(automatic=True)
        ):
            QTimer.singleShot(0, lambda: self.transcribe(automatic=True))

    def schedule_check(self, *_args) -> None:
        """Check the typed transcript CHECK_DEBOUNCE_MS from now (again after every keystroke)."""
        self._check_timer.start()

    def check_typed(self) -> str:
        """Check the transcript in the field against the clip now (typing starts it after
        CHECK_DEBOUNCE_MS): a length that cannot fit the clip's trimmed length, or words that differ
        from what a recognizer heard in the clip. Shows the finding under the field and returns it
        ("" when there is nothing to say)."""
        from studio.transcribe.reference import check_rate, check_transcript

        self._check_timer.stop()
        typed = self.panel.transcript_edit.text().strip()
        start, end = self.panel.trim()
        note, error = "", True
        if self.panel.clip is not None and typed and self.job is None:
            rate = check_rate(typed, end - start)
            mismatch = check_transcript(typed, self.verdict) if self.verdict is not None else None
            if rate is not None and rate.too_long:
                note = self.tr(
                    "The transcript looks too long for the {0:.1f} s clip (about {1:.0f} syllables, "
                    "{2:.0f} a second; speech has at most about 9): is it the transcript of this clip?"
                ).format(rate.seconds, rate.syllables, rate.rate)
            elif rate is not None:
                note = self.tr(
                    "The transcript looks too short for the {0:.1f} s clip (about {1:.0f} syllables): type "
                    "every word that is said in it."
                ).format(rate.seconds, rate.syllables)
            elif mismatch is not None:
                note = self.tr("The transcript differs from what the recognizer hears ({0}): {1}").format(
                    mismatch.describe(), mismatch.heard
                )
            elif self.verdict is not None and self.verdict.transcript and typed != self._auto_filled:
                note, error = self.tr("The transcript matches what the recognizer hears."), False
        if note:
            self._show(note, error=error)
        elif self.typed_note and self.status.text() == self.typed_note:
            self.status.hide()  # the earlier finding no longer holds
        self.typed_note = note
        return note

    def confirm_transcript(self) -> bool:
        """Before Save as voice / Save transcript: False when the typed transcript disagrees with the
        recognizers and the user chose to fix it."""
        from studio.transcribe.reference import check_transcript

        typed = self.panel.transcript_edit.text().strip()
        keep = True
        mismatch = check_transcript(typed, self.verdict) if self.verdict is not None and typed else None
        if mismatch is not None:
            keep = self._ask(
                mismatch,
                self.tr(
                    "The transcript differs from what the recognizer hears (error rate {0:.0%}). Clones "
                    "made with a wrong transcript babble or repeat words."
                ).format(mismatch.error_rate),
                self.tr("Use my transcript"),
            )
        # the voice saved from this clip keeps its recognition; a transcript kept anyway is not asked
        # about again at its takes
        self._saving = (self.verdict, typed if keep and mismatch is not None else None)
        if self.panel.voice_id is not None:  # Save transcript of a shown voice
            self._voice_saved(self.panel.voice_id)
        return keep

    def confirm_take(self, voice_id: int, transcript: str) -> bool:
        """Before a Clone-mode take in voice `voice_id`, whose clip's transcript is `transcript`: False
        when it disagrees with what the recognizers heard in that clip (error rate over 0.3,
        `studio.transcribe.reference.MISMATCH_ABOVE`) and the user chose to fix it. A transcript the
        user already chose to keep for this voice is not asked about again; without a recognition of
        the voice's clip (none installed, not transcribed yet, still running) the take goes ahead."""
        from studio.transcribe.reference import check_transcript

        verdict = self._by_voice.get(voice_id)
        typed = transcript.strip()
        if verdict is None or not typed or (voice_id, typed) in self._kept:
            return True
        mismatch = check_transcript(typed, verdict)
        if mismatch is None:
            return True
        name = self.panel.ctx.library.get_voice(voice_id).name
        keep = self._ask(
            mismatch,
            self.tr(
                "The transcript of {0} differs from what the recognizer hears in its clip (error rate "
                "{1:.0%}). Takes made with a wrong transcript babble or repeat words. Correct it under "
                "Transcript and press Save transcript, or make the take anyway."
            ).format(name, mismatch.error_rate),
            self.tr("Make the take anyway"),
        )
        if keep:
            self._kept.add((voice_id, typed))
        return keep

    def _ask(self, mismatch, text: str, keep_label: str) -> bool:
        """The mismatch warning (modal): True when the user keeps the transcript."""
        box = QMessageBox(self.panel)
        box.setIcon(QMessageBox.Icon.Warning)
        # a short title (a window manager cuts a long one to the dialog's width); the finding itself
        # leads the body
        box.setWindowTitle(self.tr("Check the transcript"))
        box.setText(self.tr("The transcript does not match the clip"))
        box.setInformativeText(
            text
            + "\n\n"
            + self.tr("Heard: {0}\nDiffers: {1}").format(mismatch.heard, self.describe(mismatch.differences))
        )
        keep = box.addButton(keep_label, QMessageBox.ButtonRole.AcceptRole)
        fix = box.addButton(self.tr("Let me fix it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fix)
        self.last_warning = box
        box.exec()
        return box.clickedButton() is keep

    def describe(self, differences, limit: int = 6) -> str:
        """The words that differ, in the window's language (`studio.transcribe.agreement.Difference`
        items; at most `limit`, then how many more): the UI's form of `describe_differences`."""
        parts = []
        for d in differences[:limit]:
            if d.kind == "substitute":
                parts.append(self.tr("“{0}” heard as “{1}”").format(d.typed, d.heard))
            elif d.kind == "delete":
                parts.append(self.tr("“{0}” not heard").format(d.typed))
            else:
                parts.append(self.tr("“{0}” heard but not typed").format(d.heard))
        if len(differences) > limit:
            parts.append(self.tr("{0} more").format(len(differences) - limit))
        return self.tr("; ").join(parts)

    def _voice_saved(self, voice_id: int) -> None:
        """The panel saved the shown clip as `voice_id`: its recognition now belongs to that voice."""
        if self._saving is not None:
            verdict, kept = self._saving
            if verdict is not None:
                self._by_voice[voice_id] = verdict
            if kept:
                self._kept.add((voice_id, kept))
        self._saving = None

    # -- transcription -------------------------------------------------------------------------

    def _clicked(self) -> None:
        if self.job is not None:
            self.cancel()
            return
        if not self.names():
            self.panel.ctx.warn(
                self.tr(
                    "No speech recognizer is installed. Download one with File → Download a model… "
                    "(Whisper small; SenseVoice-Small for Chinese, Cantonese, Japanese and Korean)."
                )
            )
            return
        self.transcribe()

    def transcribe(self, automatic: bool = False) -> bool:
        from studio.transcribe.reference import transcribe_reference

        clip = self.panel.clip
        names = self.names(automatic=automatic)
        if clip is None or not names or self.job is not None:
            return False
        audio = self.panel.trimmed_audio().copy()
        rate = clip.rate
        self._token += 1
        self._job_voice = self.panel.voice_id  # the recognition belongs to this voice's clip
        waiting = self.worker.busy  # an ingest or an earlier recognition runs there: this comes after it
        self.job = self.worker.submit(
            names, lambda recs, cancel: transcribe_reference(audio, recs, sample_rate=rate, cancel=cancel)
        )
        if waiting:
            self._show(
                self.tr("The recognizer is busy with an earlier job; transcribing with {0} after it…").format(
                    ", ".join(names)
                )
            )
        else:
            self._show(self.tr("Transcribing with {0}…").format(", ".join(names)))
        self._update()
        self._poll.start()
        return True

    def _check_job(self) -> None:
        """UI thread, every POLL_MS while a job runs: deliver its outcome once it has ended."""
        job = self.job
        if job is None:
            self._poll.stop()
        elif job.future.done():
            self._poll.stop()
            self._done(self._token, _outcome(job.future))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
            self._poll.stop()
            self._token += 1  # whatever it still delivers is ignored
            self._show(self.tr("Transcription cancelled."))
            self._update()
            self.finished.emit()

    def _done(self, token: int, result) -> None:
        if token != self._token:
            return
        self.job = None
        self._update()
        from studio.transcribe.agreement import Verdict
        from studio.transcribe.errors import Cancelled

        if isinstance(result, Cancelled):
            self._show(self.tr("Transcription cancelled."))
        elif isinstance(result, BaseException):
            self._show(self.tr("Transcription failed: {0}").format(result), error=True)
        elif isinstance(result, Verdict):
            self.verdict = result
            if self._job_voice is not None and self._job_voice == self.panel.voice_id:
                self._by_voice[self._job_voice] = result
            edit = self.panel.transcript_edit
            typed = edit.text().strip()
            self._held = ""
            if result.transcript and _english_only(result.chosen) and self._clip_may_not_be_english():
                # An English-only recognizer on (likely) Mandarin writes English words that sound
                # alike: a wrong transcript a Clone take would then be conditioned on. Not filled in.
                self._held = result.transcript
                self._show(
                    self.tr(
                        "{0} recognizes English only, so what it heard was not put in the transcript: "
                        "this clip may be in another language. Type what is said, or download "
                        "SenseVoice-Small (Chinese, Cantonese, Japanese, Korean, English) with File → "
                        "Download a model…. It heard: “{1}”."
                    ).format(result.chosen, html.escape(result.transcript))
                    + ' <a href="use">'
                    + self.tr("Use it anyway")
                    + "</a>",
                    error=True,
                    rich=True,
                )
            else:
                if result.transcript and (not typed or typed == self._auto_filled):
                    edit.setText(result.transcript)
                    self._auto_filled = result.transcript
                self._show_verdict(result)
        self.finished.emit()

    def _clip_may_not_be_english(self) -> bool:
        """The voice's language says so, or (for a clip of no voice yet) the window is in Chinese."""
        panel = self.panel
        if panel.voice_id is not None:
            try:
                language = (panel.ctx.library.get_voice(panel.voice_id).language or "").strip().casefold()
            except Exception:  # a voice deleted meanwhile: fall back to the window's language
                language = ""
            if language:
                return language not in ("en", "english", "英语", "英文")
        return str(getattr(panel.ctx, "language", "") or "").startswith("zh")

    def _use_held(self, _href: str = "") -> None:
        """ "Use it anyway": the English-only guess goes into the transcript after all."""
        if self._held:
            self.panel.transcript_edit.setText(self._held)
            self._auto_filled = self._held
            self._held = ""
            self._show(self.tr("Transcribed by {0}; check it before saving.").format(self.verdict.chosen))

    def _show_verdict(self, v) -> None:
        if not v.transcript:
            self._show(self.tr("The recognizer heard no words in the clip."), error=True)
        elif v.agreement is None and _english_only(v.chosen):
            self._show(
                self.tr("Transcribed by {0}, which knows English only; check it before saving.").format(
                    v.chosen
                )
            )
        elif v.agreement is None:
            self._show(self.tr("Transcribed by {0}; check it before saving.").format(v.chosen))
        elif not v.needs_review:
            self._show(self.tr("Two recognizers agree ({0:.0%}).").format(v.agreement))
        else:
            a, b = v.recognitions[0], v.recognitions[1]
            self._show(
                self.tr("The recognizers disagree ({0:.0%}); check the transcript:").format(v.agreement)
                + "<br>"
                + _diff_html(a.recognizer, a.text, b.recognizer, b.text),
                error=True,
                rich=True,
            )

    def _show(self, text: str, error: bool = False, rich: bool = False) -> None:
        self.status.setTextFormat(
            self.status.textFormat().RichText if rich else self.status.textFormat().PlainText
        )
        self.status.setText(text)
        self.status.setStyleSheet("color: #c0392b;" if error else "")
        self.status.show()

    def _update(self) -> None:
        running = self.job is not None
        self.button.setText(self.tr("Cancel") if running else self.tr("Transcribe"))
        self.button.setEnabled(running or self.panel.clip is not None)


def _english_only(name: str) -> bool:
    """Whether the recognizer `name` knows English and nothing else (PocketSphinx's bundled model)."""
    from studio.transcribe.recognizers import spec

    found = spec(name) if name else None
    return found is not None and tuple(found.languages) == ("en",)


def _outcome(future):
    try:
        return future.result()
    except BaseException as exc:  # delivered to the UI thread as a value
        return exc


def _diff_html(name_a: str, a: str, name_b: str, b: str) -> str:
    """Both texts with the words that differ in bold red (normalised word alignment)."""
    import jiwer

    from studio.transcribe.agreement import normalize

    na, nb = normalize(a), normalize(b)
    if not na or not nb:
        return f"<b>{html.escape(name_a)}</b>: {html.escape(a)}<br><b>{html.escape(name_b)}</b>: {html.escape(b)}"
    out = jiwer.process_words(na, nb)
    wa, wb = out.references[0], out.hypotheses[0]
    left, right = [], []
    for chunk in out.alignments[0]:
        pa = " ".join(wa[chunk.ref_start_idx : chunk.ref_end_idx])
        pb = " ".join(wb[chunk.hyp_start_idx : chunk.hyp_end_idx])
        if chunk.type == "equal":
            left.append(html.escape(pa))
            right.append(html.escape(pb))
        else:
            if pa:
                left.append(f"<span style='color:#c0392b'><b>{html.escape(pa)}</b></span>")
            if pb:
                right.append(f"<span style='color:#c0392b'><b>{html.escape(pb)}</b></span>")
    return (
        f"<b>{html.escape(name_a)}</b>: {' '.join(left)}<br><b>{html.escape(name_b)}</b>: {' '.join(right)}"
    )
