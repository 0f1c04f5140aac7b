"""Ingest recordings and review the clips: File -> Ingest recordings…

Top: the recordings, the archival metadata (speaker, dialect, region, consent), the recognizer (Automatic:
the downloaded ones, else PocketSphinx's bundled English model; or any one of `recognizers.SPECS`, those not
installed saying how to get them; or none), Start / Cancel with
progress per file and per clip. The ingest runs on its own thread (`studio.transcribe.ingest`), never on
the UI thread but as a job on the window's recognizer worker (`StudioContext.recognizers`, whose loaded
models it shares); Cancel stops after the current clip and what was saved stays saved (Start again
resumes).
Bottom: the review table of every ingested clip (source, span, agreement, state, transcript; clips whose
recognizers disagree are marked); play a clip, edit its transcript in place, accept or reject, make a
voice from accepted clips, export accepted clips as a dataset.
"""

from __future__ import annotations

import queue
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from studio.ui.file_dialogs import open_files, open_folder

REVIEW_COLOUR = "#e67e22"
COL_SOURCE, COL_START, COL_END, COL_AGREE, COL_STATE, COL_TEXT = range(6)


POLL_MS = 30  # how often the UI thread collects the ingest's events
AUTO, NONE = "auto", "none"  # the recognizer choice's entries besides the registry's names


class IngestDialog(QDialog):
    def __init__(self, ctx, parent=None, recognizers: list | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ingest recordings"))
        self.resize(1000, 680)
        self.ctx = ctx
        self.files: list[Path] = []
        self._recognizers = recognizers  # None: the installed downloaded ones, loaded on the thread
        self._job = None  # the ingest's job on the window's recognizer worker
        # The ingest's events go into a queue that a timer drains on the UI thread: nothing is signalled
        # from the worker thread, so closing the dialog (or the window) while it runs is safe.
        self._events: queue.SimpleQueue = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)

        self.add_button = QPushButton(self.tr("Add recordings…"))
        self.add_button.clicked.connect(self.choose_files)
        self.files_label = QLabel(self.tr("No recordings chosen (WAV, FLAC, MP3, OGG)."))
        self.files_label.setWordWrap(True)
        self.speaker = QLineEdit()
        self.dialect = QLineEdit()
        self.region = QLineEdit()
        self.consent = QLineEdit()
        self.consent.setPlaceholderText(self.tr("who agreed, for what use"))
        # every recognizer the studio can use (studio/transcribe/recognizers.py), installed or not
        self.recognizer_choice = QComboBox()
        self.recognizer_choice.setToolTip(
            self.tr("Which speech recognizer writes the clips' transcripts (two cross-check each other).")
        )
        form = QFormLayout()
        form.addRow(self.tr("Speaker"), self.speaker)
        form.addRow(self.tr("Dialect"), self.dialect)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Consent"), self.consent)
        form.addRow(self.tr("Recognizer"), self.recognizer_choice)
        self.recognizer_label = QLabel()
        self.recognizer_label.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.file_progress = QProgressBar()
        self.clip_progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Recording"), self.tr("Start"), self.tr("End"), self.tr("Agreement"), self.tr("State"),
             self.tr("Transcript")]
        )  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.itemChanged.connect(self._edited)
        self.table.itemSelectionChanged.connect(self._show_details)
        for col in (COL_SOURCE, COL_START, COL_END, COL_AGREE, COL_STATE):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.clicked.connect(self.play_selected)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.clicked.connect(lambda: self.set_review("accepted"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.clicked.connect(lambda: self.set_review("rejected"))
        self.voice_button = QPushButton(self.tr("Make voice…"))
        self.voice_button.clicked.connect(self.make_voice)
        self.export_button = QPushButton(self.tr("Export dataset…"))
        self.export_button.clicked.connect(self.export_dataset)

        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.files_label, 1)
        run = QHBoxLayout()
        run.addWidget(self.start_button)
        run.addWidget(self.cancel_button)
        run.addWidget(QLabel(self.tr("File")))
        run.addWidget(self.file_progress, 1)
        run.addWidget(QLabel(self.tr("Clip")))
        run.addWidget(self.clip_progress, 1)
        actions = QHBoxLayout()
        for b in (self.play_button, self.accept_button, self.reject_button, self.voice_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.recognizer_label)
        layout.addLayout(run)
        layout.addWidget(self.status)
        layout.addWidget(
            QLabel(self.tr("Clips (double-click a transcript to correct it; marked rows need review)"))
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(actions)
        self._fill_recognizer_choice()
        self.recognizer_choice.currentIndexChanged.connect(
            lambda _i: (self._describe_recognizers(), self._update())
        )
        self._describe_recognizers()
        self.refresh()
        self._update()

    # -- running an ingest ---------------------------------------------------------------------

    def _fill_recognizer_choice(self) -> None:
        """Automatic, every recognizer of the registry (those not installed say so), and none."""
        from studio.transcribe import recognizers as reg

        combo = self.recognizer_choice
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Automatic (the downloaded recognizers, else PocketSphinx)"), AUTO)
        have = set(reg.installed(self.ctx.recognizers.models_dir))
        for spec in reg.SPECS:
            label = spec.label if spec.name in have else self.tr("{0} (not installed)").format(spec.label)
            combo.addItem(label, spec.name)
        combo.addItem(self.tr("None (cut and save clips without transcripts)"), NONE)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)

    def _missing(self) -> str:
        """Why the chosen recognizer cannot run here and how to get it; "" when it can."""
        from studio.transcribe import recognizers as reg

        name = self.recognizer_choice.currentData()
        if self._recognizers is not None or name in (AUTO, NONE):
            return ""
        if name in reg.installed(self.ctx.recognizers.models_dir):
            return ""
        spec = reg.spec(name)
        if spec is not None and spec.builtin:
            return self.tr(
                "PocketSphinx is not installed: install it with `pip install pocketsphinx` (its English "
                "model comes inside it), then open this dialog again."
            )
        return self.tr(
            "{0} is not installed: download it with File → Download a model… (or `voice-studio models "
            "download {1}`), then open this dialog again."
        ).format(spec.label if spec else name, name)

    def _describe_recognizers(self) -> None:
        from studio.transcribe import recognizers as reg

        missing = self._missing()
        if missing:
            self.recognizer_label.setText(missing)
            return
        if self._recognizers is None and self.recognizer_choice.currentData() == NONE:
            self.recognizer_label.setText(self.tr("Clips are cut and saved without transcripts."))
            return
        names = [r.name for r in self._recognizers] if self._recognizers is not None else self._names()
        if names:
            labels = [(reg.spec(n).label if reg.spec(n) else n) for n in names]
            text = self.tr("Recognizers: {0}").format(", ".join(labels))
            if names == [reg.POCKETSPHINX]:
                text += " " + self.tr(
                    "It knows English only; for other languages download Whisper small or SenseVoice-Small "
                    "(File → Download a model…)."
                )
            self.recognizer_label.setText(text)
        else:
            self.recognizer_label.setText(
                self.tr(
                    "No speech recognizer is installed: clips are cut and saved without transcripts. "
                    "Download one with File → Download a model… (Whisper small, or SenseVoice-Small)."
                )
            )  # fmt: skip

    def choose_files(self) -> None:
        paths = open_files(
            self,
            self.ctx.settings,
            self.tr("Recordings"),
            self.tr("Audio (*.wav *.flac *.mp3 *.ogg);;All files (*)"),
        )
        if paths:
            self.set_files(paths)

    def set_files(self, paths) -> None:
        self.files = [Path(p) for p in paths]
        self.files_label.setText(", ".join(p.name for p in self.files))
        self._update()

    def _names(self) -> list[str]:
        """The recognizers this ingest uses: the chosen one; for Automatic the installed downloaded ones
        (two at most, to cross-check), else PocketSphinx's bundled English model when it is installed,
        as the Transcribe button does; none for None or a recognizer that is not installed."""
        from studio.transcribe import recognizers as reg

        chosen = self.recognizer_choice.currentData()
        models_dir = self.ctx.recognizers.models_dir
        if chosen == NONE or self._missing():
            return []
        if chosen != AUTO:
            return [chosen]
        names = reg.installed(models_dir, include_builtin=False)[:2]
        if not names and reg.POCKETSPHINX in reg.installed(models_dir):
            names = [reg.POCKETSPHINX]
        return names

    def start(self) -> bool:
        if not self.files or self._job is not None:
            return False
        missing = self._missing()
        if missing:
            self.status.setText(missing)
            return False
        from studio.transcribe import ingest as ing

        options = ing.IngestOptions(
            speaker=self.speaker.text().strip(),
            dialect=self.dialect.text().strip(),
            region=self.region.text().strip(),
            consent=self.consent.text().strip(),
        )
        files, library, events = list(self.files), self.ctx.library, self._events
        given = self._recognizers

        def work(recs, cancel) -> object:
            return ing.ingest_files(
                files, library, given if given is not None else recs, options, on_event=events.put,
                cancel=cancel,
            )  # fmt: skip

        # on the window's recognizer worker: the models the Transcribe button loaded are used, not loaded
        # a second time, and closing the window cancels the ingest
        self._job = self.ctx.recognizers.submit([] if given is not None else self._names(), work)
        self.status.setText(self.tr("Starting…"))
        self._update()
        self._poll.start()
        return True

    def _drain(self) -> None:
        """UI thread, every POLL_MS while an ingest runs: show its events, then its end."""
        job = self._job
        ended = job is not None and job.future.done()  # looked at first: every event it put is queued
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                break
            self._on_event(event)
        if job is None or ended:
            self._poll.stop()
        if ended:
            try:
                result = job.future.result()
            except BaseException as exc:  # shown to the user, never raised into Qt
                result = exc
            self._on_ended(result)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel_event.set()  # the ingest stops after the current clip and reports its summary
            self.status.setText(self.tr("Stopping after the current clip…"))

    @property
    def running(self) -> bool:
        return self._job is not None

    def _on_event(self, e) -> None:
        from studio.transcribe import ingest as ing

        if isinstance(e, ing.FileStarted):
            self.file_progress.setRange(0, e.count)
            self.file_progress.setValue(e.index - 1)
            self.status.setText(
                self.tr("{0}: {1:.1f} min at {2} Hz").format(e.path.name, e.seconds / 60, e.sample_rate)
            )
        elif isinstance(e, ing.Stage):
            self.clip_progress.setRange(0, 100)
            self.clip_progress.setValue(round(e.fraction * 100))
        elif isinstance(e, ing.FilePlanned):
            self.clip_progress.setRange(0, max(1, e.clips))
            self.clip_progress.setValue(e.already_saved)
            self.status.setText(
                self.tr("{0}: {1} clips ({2} saved earlier)").format(e.path.name, e.clips, e.already_saved)
            )
        elif isinstance(e, ing.ClipSaved):
            self.clip_progress.setValue(self.clip_progress.value() + 1)
            self._add_row(e.clip)
        elif isinstance(e, ing.FileFailed):
            self.ctx.warn(e.message)

    def _on_ended(self, result) -> None:
        from concurrent.futures import CancelledError

        from studio.transcribe.errors import Cancelled

        self._job = None
        if isinstance(result, Cancelled | CancelledError):
            self.status.setText(self.tr("Cancelled: the saved clips stay saved; Start again to continue."))
        elif isinstance(result, BaseException):
            self.status.setText(self.tr("Ingest failed: {0}").format(result))
        else:
            self.file_progress.setValue(self.file_progress.maximum())
            text = self.tr("Saved {0} clips.").format(len(result.saved))
            if result.cancelled:
                text += " " + self.tr("Cancelled: the saved clips stay saved; Start again to continue.")
            self.status.setText(text)
        self.refresh()
        self._update()

    # -- the review table ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for item in self.ctx.library.list_ingested():
            self._add_row(item)

    def _add_row(self, item) -> None:
        t = self.table
        t.blockSignals(True)
        row = t.rowCount()
        t.insertRow(row)
        state = {
            "pending": self.tr("pending"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
        }
        cells = [
            Path(item.source_path).name,
            f"{item.start_s:.2f}",
            f"{item.end_s:.2f}",
            "-" if item.agreement is None else f"{item.agreement:.2f}",
            state[item.review] + (" ⚑" if item.needs_review else ""),
            item.transcript,
        ]
        for col, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(Qt.ItemDataRole.UserRole, item.id)
            if col != COL_TEXT:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if item.needs_review and item.review == "pending":
                cell.setForeground(QBrush(QColor(REVIEW_COLOUR)))
            if col == COL_TEXT and item.recognitions and item.needs_review:
                recs = item.recognitions.get("recognitions", [])
                cell.setToolTip("\n".join(f"{r['recognizer']}: {r['text']}" for r in recs))
            t.setItem(row, col, cell)
        t.blockSignals(False)

    def _show_details(self) -> None:
        """The selected clip's recognitions side by side, differing words highlighted, and its quality."""
        import html

        from studio.ui.transcribe_assist import _diff_html

        ids = self.selected_ids()
        if not ids:
            self.details.clear()
            return
        item = self.ctx.library.get_ingested(ids[0])
        recs = (item.recognitions or {}).get("recognitions", [])
        parts = []
        if len(recs) >= 2:
            parts.append(
                _diff_html(recs[0]["recognizer"], recs[0]["text"], recs[1]["recognizer"], recs[1]["text"])
            )
        elif recs:
            parts.append(f"<b>{html.escape(recs[0]['recognizer'])}</b>: {html.escape(recs[0]['text'])}")
        quality = item.clip.quality or {}
        if quality:
            text = self.tr("Quality: {0}").format(quality.get("overall", "?"))
            if quality.get("narrow_band"):
                text += " · " + self.tr("narrow-band ({0} Hz): a clone from it sounds muffled").format(
                    quality.get("sample_rate")
                )
            parts.append(html.escape(text))
        self.details.setText("<br>".join(parts))

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def _edited(self, cell: QTableWidgetItem) -> None:
        if cell.column() != COL_TEXT:
            return
        clip_id = cell.data(Qt.ItemDataRole.UserRole)
        self.ctx.library.review_ingested(clip_id, transcript=cell.text())

    def set_review(self, state: str) -> None:
        for clip_id in self.selected_ids():
            self.ctx.library.review_ingested(clip_id, review=state)
        self.refresh()

    def play_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            audio, rate = self.ctx.library.clip_audio(ids[0])
            self.ctx.player.play(audio, rate)

    def make_voice(self) -> None:
        from studio.library import LibraryError

        ids = self.selected_ids()
        if not ids:
            self.ctx.warn(self.tr("Select accepted clips to make a voice from."))
            return
        name, ok = QInputDialog.getText(self, self.tr("Make voice"), self.tr("Name of the new voice"))
        if not ok or not name.strip():
            return
        try:
            vid = self.ctx.library.voice_from_ingested(ids, name.strip())
        except LibraryError as exc:
            self.ctx.error(str(exc))
            return
        self.ctx.info(
            self.tr("Voice {0} made from {1} clips.").format(self.ctx.library.get_voice(vid).name, len(ids))
        )

    def export_dataset(self, folder: str | None = None) -> None:
        from studio.library import LibraryError

        folder = folder or open_folder(self, self.ctx.settings, self.tr("Export accepted clips to"))
        if not folder:
            return
        try:
            result = self.ctx.library.export_dataset(folder)
        except LibraryError as exc:
            self.ctx.error(str(exc))
            return
        self.ctx.info(self.tr("Exported {0} clips to {1}.").format(result["clips"], result["folder"]))

    def _update(self) -> None:
        busy = self._job is not None
        missing = self._missing()
        self.start_button.setEnabled(bool(self.files) and not busy and not missing)
        self.start_button.setToolTip(missing)
        self.recognizer_choice.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.add_button.setEnabled(not busy)

    def closeEvent(self, event) -> None:
        self.cancel()
        super().closeEvent(event)
