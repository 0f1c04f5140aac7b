"""Takes: every synthesis with its provenance; play, stop, re-roll, favourite, export, delete;
the take's sentences (each can be re-rolled alone); and the queue of requests waiting to run."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.library import LibraryError, Take
from studio.ui.context import StudioContext
from studio.ui.messages import shorten
from studio.ui.sentences import take_sentences

ID_ROLE = Qt.ItemDataRole.UserRole
COMPLETE_ROLE = Qt.ItemDataRole.UserRole + 1  # a sentence row: False when a partial take cut it off
LIST_LIMIT = 500
NUMBER, STAR, TEXT, VOICE, MODE, LENGTH, SEED = range(7)
TEXT_MIN_PX = 120
DETAIL_LINES = 7  # a take's details: title, seed, model, timings, consent, date and one note
VOICE_MAX_PX = 96  # a long voice name is elided (the full name shows on hover and in the details)


def SENTENCES_EXPLAINED() -> str:
    return QCoreApplication.translate(
        "TakesPanel",
        "The take's sentences, as the text frontend cuts them. The model speaks short sentences "
        "together in one pass (as CosyVoice's own frontend does); re-rolling one of them speaks it "
        "alone and splices it in at the pause where it starts and ends.",
    )


class TakesPanel(QGroupBox):
    playRequested = Signal(int)
    rerollRequested = Signal(int)
    rerollSentenceRequested = Signal(int, int)
    exportRequested = Signal(int)
    takeSelected = Signal(object)

    def __init__(self, ctx: StudioContext, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Takes"))
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search takes by text"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.favourites_only = QCheckBox(self.tr("★ only"))
        self.favourites_only.toggled.connect(lambda _on: self.refresh())
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.favourites_only)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(7)
        self.tree.setHeaderLabels(
            [
                self.tr("#"),
                "★",
                self.tr("Text"),
                self.tr("Voice"),
                self.tr("Mode"),
                self.tr("Length"),
                self.tr("Seed"),
            ]
        )
        self.tree.headerItem().setToolTip(NUMBER, self.tr("Take number"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        for col in range(7):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if col == TEXT:
                mode = QHeaderView.ResizeMode.Stretch
            elif col == VOICE:  # sized by fit_columns: its contents, at most VOICE_MAX_PX
                mode = QHeaderView.ResizeMode.Fixed
            header.setSectionResizeMode(col, mode)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(16)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        # a narrow panel: the least needed columns give way to Text (fit_columns)
        self.tree.viewport().installEventFilter(self)
        # Delete: the same undoable delete as the button (only while the list has the focus)
        self.delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_shortcut.activated.connect(self.delete_selected)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.playRequested.emit(item.data(0, ID_ROLE)))

        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setToolTip(self.tr("Play or pause the selected take (Space)"))
        self.play_button.clicked.connect(self._play_clicked)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop playback"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.ctx.player.stop)
        self.reroll_button = QPushButton(self.tr("Re-roll"))
        self.reroll_button.setToolTip(self.tr("Make the take again with a new seed (a new take)"))
        self.reroll_button.clicked.connect(lambda: self._emit_for_selected(self.rerollRequested))
        self.favourite_button = QPushButton(self.tr("★ Favourite"))
        self.favourite_button.setCheckable(True)
        self.favourite_button.clicked.connect(self._favourite_clicked)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the selected take as WAV or FLAC (Ctrl+E)"))
        self.export_button.clicked.connect(lambda: self._emit_for_selected(self.exportRequested))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the take (Ctrl+Z undoes it)"))
        self.delete_button.clicked.connect(self.delete_selected)
        row1 = QHBoxLayout()
        for b in (self.play_button, self.stop_button, self.reroll_button):
            row1.addWidget(b)
        row2 = QHBoxLayout()
        for b in (self.favourite_button, self.export_button, self.delete_button):
            row2.addWidget(b)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A fixed place for the details (a longer one scrolls): when it grew with a take's extra
        # lines, the list above shrank and the buttons moved under the pointer.
        self.details_area = QScrollArea()
        self.details_area.setWidget(self.details)
        self.details_area.setWidgetResizable(True)
        self.details_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.details_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_area.setFixedHeight(DETAIL_LINES * self.details.fontMetrics().lineSpacing() + 6)

        self.sentences = QListWidget()
        self.sentences.setWordWrap(True)
        self.sentences.itemDoubleClicked.connect(lambda _i: self.reroll_selected_sentence())
        self.reroll_sentence_button = QPushButton(self.tr("Re-roll sentence"))
        self.reroll_sentence_button.setToolTip(
            self.tr(
                "Generate only this sentence again with a new seed: a new version of the take, "
                "joined with cross-fades; the take as it is now is kept"
            )
        )
        self.reroll_sentence_button.clicked.connect(self.reroll_selected_sentence)
        self.sentences.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.queue = QListWidget()
        self.queue.setMaximumHeight(90)
        self.remove_button = QPushButton(self.tr("Remove from queue"))
        self.remove_button.clicked.connect(self.remove_selected_job)
        self.queue.currentItemChanged.connect(lambda *_: self._update_buttons())

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(search_row)
        top_layout.addWidget(self.tree, 1)
        top_layout.addLayout(row1)
        top_layout.addLayout(row2)
        top_layout.addWidget(self.details_area)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.segments_label = QLabel(self.tr("Sentences of the selected take"))
        self.segments_label.setToolTip(SENTENCES_EXPLAINED())
        self.sentences.setToolTip(SENTENCES_EXPLAINED())
        bottom_layout.addWidget(self.segments_label)
        bottom_layout.addWidget(self.sentences, 1)
        bottom_layout.addWidget(self.reroll_sentence_button)
        bottom_layout.addWidget(QLabel(self.tr("Queue")))
        bottom_layout.addWidget(self.queue)
        bottom_layout.addWidget(self.remove_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._jobs = []
        self._background_query = self._background_again = False
        ctx.display.subscribe(self._poll_player)
        ctx.takesChanged.connect(self.refresh)
        ctx.deletions.changed.connect(self.refresh)
        ctx.bridge.jobAdded.connect(self._job_added)
        ctx.bridge.jobStarted.connect(lambda _j: self.refresh_queue())
        ctx.bridge.jobEnded.connect(lambda _j: self.refresh_queue())
        self.refresh()
        self.refresh_queue()

    # -- takes list ----------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Keep the Text column readable (at least TEXT_MIN_PX): in a narrow panel the Seed, Mode
        and Length columns are hidden, in that order, and come back when there is room; their values
        stay in the details below the list."""
        width = self.tree.viewport().width()
        self.tree.header().resizeSection(VOICE, self.column_width(VOICE))
        for col in (SEED, MODE, LENGTH):
            self.tree.setColumnHidden(col, False)
        for col in (SEED, MODE, LENGTH):
            others = sum(
                self.column_width(c) for c in range(7) if c != TEXT and not self.tree.isColumnHidden(c)
            )
            if width - others >= TEXT_MIN_PX:
                break
            self.tree.setColumnHidden(col, True)

    def column_width(self, col: int) -> int:
        """Pixels column `col` needs to show its header and values whole (Voice: at most VOICE_MAX_PX)."""
        width = max(self.tree.header().sectionSizeHint(col), self.tree.sizeHintForColumn(col))
        return min(width, VOICE_MAX_PX) if col == VOICE else width

    def mode_label(self, mode: str) -> str:
        return {
            "zero_shot": self.tr("Clone"),
            "cross_lingual": self.tr("Cross-lingual"),
            "instruct": self.tr("Instruct"),
            "vc": self.tr("Convert"),
        }.get(mode, mode)

    def _filters(self) -> tuple[str | None, bool | None]:
        return self.search.text().strip() or None, True if self.favourites_only.isChecked() else None

    def refresh(self) -> None:
        """Rebuild the list from the library now, on the UI thread (after the user's own changes)."""
        text, favourite = self._filters()
        try:
            takes = self.ctx.library.list_takes(text=text, favourite=favourite, limit=LIST_LIMIT)
        except LibraryError as err:
            self.ctx.error(str(err))
            takes = []
        self._rebuild(takes)

    def refresh_in_background(self) -> None:
        """Show takes stored elsewhere (the speech API) without stalling the window.

        The library is queried on the background thread (a take being written holds the catalog
        through its fsync, which the UI thread would wait for), and when the rows come back only the
        new takes are inserted at the top; the rows already shown are kept as they are. Calls made
        while a query is out are merged into one more query after it.
        """
        if self._background_query:
            self._background_again = True
            return
        self._background_query, self._background_again = True, False
        library, filters = self.ctx.library, self._filters()

        def query() -> list[Take]:
            return library.list_takes(text=filters[0], favourite=filters[1], limit=LIST_LIMIT)

        def done(takes: list[Take]) -> None:
            self._background_query = False
            if library is self.ctx.library and filters == self._filters():  # else refresh() ran since
                self._add_new(takes)
            if self._background_again:
                self.refresh_in_background()

        def failed(err: BaseException) -> None:
            self._background_query = False
            self.ctx.error(str(err))

        self.ctx.background.run(query, done, failed)

    def _add_new(self, takes: list[Take]) -> None:
        """`takes` (newest first) where the list shows a tail of them: insert the new ones on top."""
        hidden = self.ctx.deletions.hidden("take")
        takes = [take for take in takes if take.id not in hidden]
        wanted, shown = [take.id for take in takes], self.take_ids()
        if not shown or shown[0] not in wanted:
            self._rebuild(takes)
            return
        new = wanted.index(shown[0])
        if wanted[new:] != shown[: len(wanted) - new]:  # rows deleted or reordered: start again
            self._rebuild(takes)
            return
        if new:
            self.tree.insertTopLevelItems(0, [self._item(take) for take in takes[:new]])
        for _ in range(self.tree.topLevelItemCount() - len(wanted)):  # over LIST_LIMIT
            self.tree.takeTopLevelItem(self.tree.topLevelItemCount() - 1)

    def _rebuild(self, takes: list[Take]) -> None:
        selected = self.selected_id()
        hidden = self.ctx.deletions.hidden("take")
        self.tree.blockSignals(True)
        self.tree.clear()
        for take in takes:
            if take.id in hidden:
                continue
            item = self._item(take)
            self.tree.addTopLevelItem(item)
            if take.id == selected:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.fit_columns()
        self._show_selected()

    def voice_label(self, take: Take) -> str:
        """The voice's name; a take kept when its voice was deleted says so."""
        if take.voice_name:
            return take.voice_name
        deleted = (take.timings or {}).get("deleted_voice")
        return self.tr("{0} (deleted)").format(deleted) if deleted else ""

    def _item(self, take: Take) -> QTreeWidgetItem:
        text = " ".join(take.text.split())
        text = text if len(text) <= 80 else text[:77] + "…"
        note = self.version_note(take)
        if note:
            text = f"{text}  [{note}]"
        item = QTreeWidgetItem(
            [
                str(take.id),
                "★" if take.favourite else "",
                text,
                self.voice_label(take),
                self.mode_label(take.mode) + (self.tr(" · API") if take.source == "api" else ""),
                self.tr("{0:.1f} s").format(take.duration_s),
                "" if take.seed is None else str(take.seed),
            ]
        )
        item.setData(0, ID_ROLE, take.id)
        item.setTextAlignment(NUMBER, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = html.escape(take.text) + (f"<br><i>{html.escape(note)}</i>" if note else "")
        for col in range(7):  # full values on hover, for every column a narrow panel cuts
            item.setToolTip(col, tip if col == TEXT else html.escape(item.text(col)))
        if take.timings and take.timings.get("partial"):
            font = item.font(TEXT)
            font.setItalic(True)
            item.setFont(TEXT, font)
            item.setForeground(TEXT, QBrush(QColor("#b9770e")))
        return item

    def version_note(self, take: Take) -> str:
        """ "partial (cancelled)", "sentence 2 re-rolled from take 5", or ""."""
        t = take.timings or {}
        if t.get("partial"):
            return (
                self.tr("partial: cancelled") if t["partial"] == "cancelled" else self.tr("partial: failed")
            )
        if t.get("version_of") is not None:
            return self.tr("sentence {0} re-rolled from take {1}").format(
                int(t.get("rerolled_sentence", 0)) + 1, t["version_of"]
            )
        if t.get("rerolled_from") is not None:
            return self.tr("re-roll of take {0}").format(t["rerolled_from"])
        return ""

    def take_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())]

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select_take(self, take_id: int) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == take_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _current_changed(self, *_args) -> None:
        self._show_selected()
        self.takeSelected.emit(self.selected_id())

    def _show_selected(self) -> None:
        take_id = self.selected_id()
        self.sentences.clear()
        take = None
        if take_id is not None:
            try:
                take = self.ctx.library.get_take(take_id)
            except LibraryError:
                take = None
        self.details.setText(self.describe(take) if take else "")
        self.favourite_button.setChecked(bool(take and take.favourite))
        if take is not None:
            for row in take_sentences(take):  # the real sentences (studio/ui/sentences.py)
                label = row.text if take.mode != "vc" else self.tr("(converted speech)")
                if not row.complete:
                    label += " " + self.tr("(cut off)")
                item = QListWidgetItem(f"{row.index + 1}. {label}")
                item.setData(ID_ROLE, row.index)
                item.setData(COMPLETE_ROLE, row.complete)
                tip = self.tr("seed {0}").format(row.seed)
                if not row.complete:
                    item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
                    tip += "\n" + self.tr(
                        "The take stopped while this was spoken: its audio holds only part of it (or "
                        "none). Re-roll the whole take to hear it."
                    )
                if row.parts > 1:
                    tip += "\n" + self.tr(
                        "Spoken in one pass with %n other sentence(s); re-rolled alone, it is "
                        "spliced in at its pauses.",
                        "",
                        row.parts - 1,
                    )
                item.setToolTip(tip)
                self.sentences.addItem(item)
        self._update_buttons()

    def describe(self, take: Take) -> str:
        t = take.timings or {}
        parts = [
            self.tr("Take {0} · {1} · {2}").format(
                take.id, self.mode_label(take.mode), self.voice_label(take) or "-"
            ),
        ]
        note = self.version_note(take)
        if note:
            parts.append("<b>" + html.escape(note) + "</b>")
        parts += [
            self.tr("seed {0} · speed {1:g}× · {2:.1f} s").format(take.seed, take.speed, take.duration_s),
            self.tr("model {0} ({1}) · engine {2}").format(
                take.model_family or "?", (take.model_hash or "")[:10], take.engine_version
            ),
        ]
        if take.instruction:
            parts.append(self.tr("instruction: {0}").format(html.escape(take.instruction)))
        if t:
            parts.append(
                self.tr("first audio {0:.2f} s · RTF {1:.2f} · {2}").format(
                    t.get("first_audio_latency") or 0.0,
                    t.get("rtf") or 0.0,
                    self.tr("streamed") if t.get("stream") else self.tr("not streamed"),
                )
            )
        parts.append(
            self.tr("voice consent recorded")
            if take.voice_consent is not None
            else "<b>" + self.tr("NO CONSENT RECORDED") + "</b>"
        )
        parts.append(take.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
        return "<br>".join(parts)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        loaded = self.ctx.bridge.loaded is not None
        for b in (self.play_button, self.favourite_button, self.export_button, self.delete_button):
            b.setEnabled(has)
        self.reroll_button.setEnabled(has and loaded)
        sentence = self.sentences.currentItem()
        self.reroll_sentence_button.setEnabled(
            has and loaded and sentence is not None and sentence.data(COMPLETE_ROLE) is not False
        )
        job = self.selected_job()
        self.remove_button.setEnabled(job is not None and job.state == "queued")

    def _poll_player(self) -> None:
        """Display clock: Stop is enabled only while something plays."""
        playing = bool(self.ctx.player.active)
        if self.stop_button.isEnabled() != playing:
            self.stop_button.setEnabled(playing)

    def model_changed(self) -> None:
        self._update_buttons()

    # -- actions -------------------------------------------------------------------------------

    def _emit_for_selected(self, signal) -> None:
        take_id = self.selected_id()
        if take_id is not None:
            signal.emit(take_id)

    def _play_clicked(self) -> None:
        self._emit_for_selected(self.playRequested)

    def _favourite_clicked(self, on: bool) -> None:
        take_id = self.selected_id()
        if take_id is not None:
            self.set_favourite(take_id, on)

    def set_favourite(self, take_id: int, on: bool) -> None:
        try:
            self.ctx.library.set_favourite(take_id, on)
        except LibraryError as err:
            self.ctx.error(str(err))
        self.refresh()

    def delete_selected(self) -> bool:
        take_id = self.selected_id()
        if take_id is None:
            return False
        take = self.ctx.library.get_take(take_id)
        self.ctx.deletions.delete("take", take_id, shorten(take.text, 40))
        self.ctx.info(self.tr("Deleted take {0}. Press Ctrl+Z to undo.").format(take_id))
        return True

    def reroll_selected_sentence(self) -> None:
        take_id = self.selected_id()
        item = self.sentences.currentItem()
        if take_id is not None and item is not None:
            self.rerollSentenceRequested.emit(take_id, item.data(ID_ROLE))

    def select_sentence(self, index: int) -> None:
        for i in range(self.sentences.count()):
            if self.sentences.item(i).data(ID_ROLE) == index:
                self.sentences.setCurrentRow(i)

    # -- queue ---------------------------------------------------------------------------------

    @staticmethod
    def in_queue(job) -> bool:
        """Takes, and other work that asks to be listed (a project render: meta["queue"])."""
        return job.is_open and (job.kind == "synthesize" or bool(job.meta.get("queue")))

    def _job_added(self, job) -> None:
        if job.meta.get("queue"):  # its owner reports progress: update its line in place
            job.progress.connect(lambda *_args, job=job: self._update_queue_entry(job))
        self.refresh_queue()

    def _queue_text(self, job) -> str:
        state = self.tr("running") if job.state == "running" else self.tr("queued")
        status = job.meta.get("status")
        return f"[{state}] {job.label}" + (f" — {status}" if status and job.state == "running" else "")

    def _update_queue_entry(self, job) -> None:
        for row in range(self.queue.count()):
            item = self.queue.item(row)
            if item.data(ID_ROLE) == job.id:
                item.setText(self._queue_text(job))
                item.setToolTip(item.text())

    def refresh_queue(self) -> None:
        self.queue.clear()
        for job in self.ctx.bridge.jobs():
            if not self.in_queue(job):
                continue
            item = QListWidgetItem(self._queue_text(job))
            item.setToolTip(item.text())
            item.setData(ID_ROLE, job.id)
            self.queue.addItem(item)
        self._update_buttons()

    def selected_job(self):
        item = self.queue.currentItem()
        if item is None:
            return None
        return next((j for j in self.ctx.bridge.jobs() if j.id == item.data(ID_ROLE)), None)

    def remove_selected_job(self) -> None:
        job = self.selected_job()
        if job is not None and job.state == "queued":
            job.cancel()
            self.ctx.info(self.tr("Removed from the queue: {0}").format(job.label))
            self.refresh_queue()
