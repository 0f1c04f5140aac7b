"""The project view: a project's blocks in a table, rendered on the engine worker block by block.

Beside the table, the block inspector (inspector.py) shows the selected block's takes (choosing an
earlier one re-mixes without rendering) and edits its pause, speed, mode, instruction and seed.

Rendering runs `studio.project.render_project` on the worker thread (through `EngineBridge.call`),
with a LocalRenderer on the loaded engine; progress comes back through a queue drained by a timer,
so the UI thread only updates a label and a bar. The whole render's waveform (with block
boundaries) and the subtitle overruns are rebuilt on a background thread after each render.
"""

from __future__ import annotations

import dataclasses
import queue
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.project.errors import ProjectError
from studio.project.store import ProjectStore
from studio.ui.error_text import localize
from studio.ui.file_dialogs import open_file
from studio.ui.project.inspector import BlockInspector
from studio.ui.project.table_model import BlockTableModel
from studio.ui.views.style import follow_theme
from studio.ui.views.waveform_view import envelope

SCRIPT_PATTERNS = "*.txt *.md *.csv *.tsv *.srt *.vtt"
# Message keys (StudioContext.resolve): a successful import, render or export resolves them all.
PROJECT_KEYS = "project:"
IMPORT_KEY, RENDER_KEY, EXPORT_KEY = "project:import", "project:render", "project:export"


@dataclasses.dataclass(frozen=True)
class RenderFailed:
    """A render that stopped on a ProjectError (a block that could not be rendered, a speaker
    without a voice ...): returned by the worker call as a value, so the window shows the sentence
    itself rather than a crash report."""

    message: str
    block_id: int | None = None  # the block it stopped on (BlockRenderError), if any
    reason: str = ""  # that block's own reason (the sentence after "could not be rendered: ")


class SpeakerDialog(QDialog):
    """Map each speaker of an imported script to a library voice ("" = the lines without a speaker)."""

    def __init__(
        self, speakers: list[str], voices: list[Any], parent=None, current: dict[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a voice for each speaker"))
        layout = QVBoxLayout(self)
        intro = self.tr("Choose the library voice that speaks each speaker's lines.")
        if "" in speakers:
            intro += "\n" + self.tr(
                "Lines with no speaker name (every line of a plain text, Markdown or subtitle script) "
                "use the voice chosen for (no speaker)."
            )
        self.explanation = QLabel(intro)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for speaker in speakers:
            combo = QComboBox()
            combo.setMinimumWidth(220)
            for voice in voices:
                combo.addItem(voice.name, voice.uid)
            if current and speaker in current:  # the voice this speaker had before (a re-import)
                combo.setCurrentIndex(max(0, combo.findData(current[speaker])))
            form.addRow(speaker or self.tr("(no speaker)"), combo)
            self.combos[speaker] = combo
        layout.addLayout(form)
        layout.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # wide enough for the title (a window manager cuts a title wider than its window) and the
        # explanation, whatever the language
        title = self.fontMetrics().horizontalAdvance(self.windowTitle())
        self.setMinimumSize(max(460, title + 160), 200)

    def mapping(self) -> dict[str, str]:
        return {speaker: combo.currentData() for speaker, combo in self.combos.items()}


class ProjectWaveform(QWidget):
    """The whole render (min/max envelope) with a line at every block start; one plot item each."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.hideAxis("left")
        self.plot.setLabel("bottom", self.tr("time (s)"))
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        follow_theme(self.plot_widget, [self.plot])
        self.curve = self.plot.plot(pen=pg.mkPen("#3b7dd8", width=1))
        self.bounds = self.plot.plot(pen=pg.mkPen("#d8843b", width=1), connect="pairs")
        self.selected = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(60, 125, 216, 40))
        self.selected.setVisible(False)
        self.plot.addItem(self.selected)
        self.plot.setYRange(-1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.starts: list[tuple[float, float]] = []

    def set_render(self, x: np.ndarray, y: np.ndarray, spans: list[tuple[float, float]]) -> None:
        self.curve.setData(x, y)
        self.starts = spans
        if spans:
            xs = np.repeat([a for a, _ in spans], 2)
            ys = np.tile([-1.0, 1.0], len(spans))
            self.bounds.setData(xs, ys)
        else:
            self.bounds.setData([], [])
        self.plot.setXRange(0, max(float(x[-1]) if len(x) else 1.0, 0.1), padding=0)

    def select(self, row: int | None) -> None:
        if row is None or not 0 <= row < len(self.starts):
            self.selected.setVisible(False)
            return
        self.selected.setRegion(self.starts[row])
        self.selected.setVisible(True)


class ProjectView(QWidget):
    """`renderEnded(report or None)` after each render; `exported(result)` after an export."""

    renderEnded = Signal(object)
    exported = Signal(object)
    reloaded = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = ProjectStore(ctx.library)
        self.project = None
        self.mixdown = None
        self._job = None
        self._cancel: threading.Event | None = None
        self._scope: set[int] | None = None  # the block ids the running render is for (None: all)
        self._progress: queue.Queue = queue.Queue()
        self._reload_serial = 0
        self._planned_hash: str | None = None  # the model hash the table's states were computed with
        self._mix_serial = 0

        self.projects = QComboBox()
        self.projects.setMinimumWidth(220)
        self.projects.activated.connect(lambda _i: self.open_project(self.projects.currentData()))
        # A voice renamed, deleted or brought back in the voice list: the Speaker column names voices.
        ctx.voicesChanged.connect(self.voices_changed)
        ctx.deletions.changed.connect(self.voices_changed)
        self.import_button = QPushButton(self.tr("Import script…"))
        self.render_button = QPushButton(self.tr("Render"))
        # Stop: beside Render and again beside the render's progress, where the eye is while it runs
        self.stop_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MediaStop), self.tr("Stop")
        )
        self.cancel_button = self.stop_button  # the name the window's other panels use
        self.export_button = QPushButton(self.tr("Export…"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Project")))
        top.addWidget(self.projects, 1)
        for b in (self.import_button, self.render_button, self.stop_button, self.export_button):
            top.addWidget(b)

        self.model = BlockTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 64), (1, 160), (3, 90), (4, 70), (5, 90)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda index: self.play_from(index.row()))
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.inspector = BlockInspector()
        self.inspector.applyRequested.connect(self.apply_block_changes)
        self.inspector.takeChosen.connect(self.choose_block_take)
        self.model.moveRequested.connect(self.move_block)
        self.model.textEdited.connect(self.set_block_text)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )

        self.play_button = QPushButton(self.tr("Play from block"))
        self.reroll_button = QPushButton(self.tr("Re-roll block"))
        self.voice_button = QPushButton(self.tr("Block voice…"))
        self.speakers_button = QPushButton(self.tr("Speaker voices…"))
        row = QHBoxLayout()
        for b in (self.play_button, self.reroll_button, self.voice_button, self.speakers_button):
            row.addWidget(b)
        row.addStretch(1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(220)
        self.progress_label = QLabel("")
        row.addWidget(self.progress_label)
        row.addWidget(self.progress_bar)

        self.waveform = ProjectWaveform()
        self.overruns = QLabel("")
        self.overruns.setWordWrap(True)
        self.overruns.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.waveform, 1)
        bl.addWidget(self.overruns)

        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addLayout(top)
        # with no project yet, how to make one (hidden once a project exists: update_buttons)
        self.empty_hint = QLabel(
            self.tr(
                "No project yet. Import a script to start one (Import script…): plain text or Markdown, "
                "a dialogue (CSV/TSV with a speaker column) or subtitles (SRT/VTT). Every speaker needs "
                "a saved voice."
            )
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setContentsMargins(4, 8, 4, 8)
        ul.addWidget(self.empty_hint)
        side = QSplitter(Qt.Orientation.Horizontal)
        side.addWidget(self.table)
        side.addWidget(self.inspector)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 1)
        side.setSizes([760, 300])
        ul.addWidget(side, 1)
        ul.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(bottom)
        split.setSizes([520, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.import_button.clicked.connect(self.choose_script)
        self.render_button.clicked.connect(lambda: self.render())
        self.stop_button.clicked.connect(self.cancel_render)
        self.export_button.clicked.connect(self.choose_export)
        self.play_button.clicked.connect(lambda: self.play_from(self.current_row()))
        self.reroll_button.clicked.connect(lambda: self.reroll_block(self.current_row()))
        self.voice_button.clicked.connect(self.choose_block_voice)
        self.speakers_button.clicked.connect(lambda: self.choose_speaker_voices())
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._drain_progress)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())
        self.refresh_projects()
        self.update_buttons()

    # -- projects --------------------------------------------------------------------------------

    def refresh_projects(self) -> None:
        """List the library's projects; with none open yet (a new window), open the one open last
        time (else the first), so the combo never names a project the table does not show."""
        current = self.project.id if self.project else None
        self.projects.clear()
        for p in self.store.list_projects():
            self.projects.addItem(self.project_label(p.name, p.block_count), p.id)
        if current is not None:
            self.projects.setCurrentIndex(max(0, self.projects.findData(current)))
        elif self.projects.count():
            index = self.projects.findData(int(self.ctx.settings.get("project/current") or 0))
            self.projects.setCurrentIndex(max(0, index))
            self.open_project(self.projects.currentData())

    def project_label(self, name: str, blocks: int) -> str:
        """ "short — 2 blocks" (English has no catalogue, so its singular is a message of its own;
        a translation's plural forms come from %n)."""
        if blocks == 1:
            return self.tr("{0} — 1 block").format(name)
        return self.tr("{0} — %n blocks", "", blocks).format(name)

    def open_project(self, project_id: int | None) -> None:
        if project_id is None:
            return
        try:
            self.project = self.store.get_project(int(project_id))
        except ProjectError as err:
            self.ctx.error(str(err))
            return
        self.ctx.settings.set("project/current", self.project.id)
        self.mixdown = None
        self.update_buttons()
        self.reload(then=self.rebuild_waveform)

    def model_changed(self) -> None:
        """The window loaded (or lost) a model: states depend on its hash, Render on its presence."""
        self.update_buttons()
        if self.project is not None and not self.rendering and self._model_hash() != self._planned_hash:
            self.reload(then=self.rebuild_waveform)

    def voices_changed(self) -> None:
        """Re-read the blocks (names and states) after the library's voices changed; a running render
        refreshes its own rows and reloads when it ends."""
        # Closing the window carries out pending deletions; the library closes right after.
        if self.project is not None and not self.rendering and not self.ctx.closing:
            self.reload()

    def update_buttons(self) -> None:
        """Enable what can act now; a disabled button's tooltip says what is missing."""
        has_project = self.project is not None
        self.empty_hint.setVisible(not has_project)
        loaded = self.ctx.bridge.loaded is not None
        row = self.current_row()
        items = self.model.items
        unrendered = sum(1 for i in items if i.take is None and i.chosen is None)
        no_project = self.tr("Import a script first (Import script…): there is no project yet.")
        no_model = self.tr("Open a model folder first (File → Open model folder…).")
        busy = self.tr("The project is rendering; wait for it or cancel it.")
        no_block = self.tr("Select a block in the table first.")

        def state(button: QPushButton, why_not: str, tip: str) -> None:
            button.setEnabled(not why_not)
            button.setToolTip(why_not or tip)

        state(
            self.render_button,
            no_project if not has_project else no_model if not loaded else busy if self.rendering else "",
            self.tr("Render every block that has no audio for its current text, voice and settings."),
        )
        state(
            self.stop_button,
            self.tr("Nothing is rendering.")
            if not self.rendering
            else self.tr("Stopping after the current block…")
            if self._cancel is not None and self._cancel.is_set()
            else "",
            self.tr("Stop the render; the blocks rendered so far are kept (Render again makes the rest)."),
        )
        state(
            self.export_button,
            no_project
            if not has_project
            else self.tr("The project has no blocks.")
            if not items
            else self.tr("Render the project first: 1 block has no audio yet.")
            if unrendered == 1
            else self.tr("Render the project first: %n blocks have no audio yet.", "", unrendered)
            if unrendered
            else "",
            self.tr(
                "Write the whole render to a WAV, FLAC or MP3 file (WAV bit depth from Settings), with SRT "
                "subtitles and a JSON file of every block's timing beside it."
            ),
        )
        state(
            self.play_button,
            no_project
            if not has_project
            else no_block
            if row is None
            else self.tr("Render every block first: there is no audio to play yet.")
            if self.mixdown is None
            else "",
            self.tr("Play the render from the selected block on (or double-click a block)."),
        )
        state(
            self.reroll_button,
            no_project
            if not has_project
            else no_block
            if row is None
            else no_model
            if not loaded
            else busy
            if self.rendering
            else "",
            self.tr("Render the selected block again with a new seed; its earlier takes are kept."),
        )
        state(
            self.voice_button,
            no_project if not has_project else no_block if row is None else "",
            self.tr("Choose another library voice for the selected block only."),
        )
        state(
            self.speakers_button,
            no_project if not has_project else busy if self.rendering else "",
            self.tr("Choose the library voice of every speaker at once (every block of that speaker)."),
        )

    def _resolver(self, project=None, preview: bool = True):
        """The voice resolver for showing the project (`preview`: voices the next render prepares
        read as such) or for exporting it (every voice must be prepared)."""
        from studio.project.render import VoiceResolver

        project = project or self.project
        family = self.ctx.family or (project.model_family if project else None)
        return VoiceResolver(self.store, project, family, preview=preview) if family and project else None

    def _model_hash(self) -> str:
        return self.ctx.model_hash or (self.project.model_hash if self.project else "")

    def reload(self, then=None) -> None:
        """Re-read every block and its state on a background thread (a 1,000-block plan takes longer
        than a frame), then show them; `reloaded` fires and `then()` runs after."""
        from studio.project.render import make_plan

        if self.project is None:
            self.model.set_items([])
            return
        self._reload_serial += 1
        serial = self._reload_serial
        store, project_id, resolver_of, model_hash = (
            self.store,
            self.project.id,
            self._resolver,
            self._model_hash(),
        )
        self._planned_hash = model_hash

        lib = self.ctx.library

        def plan():
            project = store.get_project(project_id)
            names = {v.uid: v.name for v in lib.list_voices()}
            return (
                project,
                make_plan(store, project, resolver_of(project), model_hash),
                store.speakers(project_id),
                names,
            )

        def show(result) -> None:
            if serial != self._reload_serial:
                return  # a newer reload is on its way
            self.project, items, speakers, names = result
            row = self.current_row()
            current = self.model.items[row].block.id if row is not None else None
            self.model.set_voice_names(speakers, names)
            self.model.set_items(items)
            self.select_block(current)
            self.refresh_projects()
            self.update_buttons()
            self.reloaded.emit()
            if then is not None:
                then()

        self.ctx.background.run(plan, show, lambda err: self.ctx.error(str(err)))

    def refresh_blocks(self, block_ids: list[int]) -> None:
        """Recompute the state of a few blocks now (after an edit) and repaint only their rows."""
        from studio.project.render import make_plan

        if self.project is None:
            return
        blocks = [self.store.get_block(b) for b in block_ids]
        self.model.forget_failures(block_ids)  # edited or rendered: an earlier failure is past
        self.model.replace_items(
            make_plan(self.store, self.project, self._resolver(), self._model_hash(), blocks)
        )
        row = self.current_row()
        if row is not None and self.model.items[row].block.id in block_ids:
            self.show_inspector(row)

    def current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_block(self, block_id: int | None) -> None:
        """Make the block with `block_id` the current row (no block, or not shown: nothing selected)."""
        rows = [r for r, item in enumerate(self.model.items) if item.block.id == block_id]
        if rows:
            self.table.selectRow(rows[0])
        else:
            self.show_inspector(None)

    def _current_row_changed(self, current, _previous) -> None:
        row = current.row() if current.isValid() else None
        self.waveform_select(row)
        self.show_inspector(row)

    def show_inspector(self, row: int | None) -> None:
        """Show block `row`'s takes and inputs in the inspector (one small query for its takes)."""
        from studio.project.takes import take_choices

        if row is None or not 0 <= row < len(self.model.items):
            self.inspector.show_block(None, [])
            return
        item = self.model.items[row]
        choices, note = [], ""
        try:
            choices = take_choices(self.store, self.project, self._resolver(), self._model_hash(), item.block)
        except ProjectError as err:
            note = str(err)
        self.inspector.show_block(item, choices, note)

    # -- import ------------------------------------------------------------------------------------

    def choose_script(self) -> None:
        """Ask for a script, starting in the folder a file was last opened from (file_dialogs.py)."""
        path = open_file(
            self, self.ctx.settings, self.tr("Import a script"), self.tr("Scripts") + f" ({SCRIPT_PATTERNS})"
        )
        if path:
            self.import_script(path)

    def import_script(
        self, path: str | Path, voices: dict[str, str] | None = None, update: bool | None = None
    ) -> bool:
        """Import a script; `voices` maps speaker -> library voice uid (else a dialog asks).

        Importing a script file that a project was made from before (the same file, by its full path)
        updates that project by default, as a studio's "re-import script" does: the blocks follow the
        file, a line still in it keeps its seed, its own voice and its rendered takes (a take is found
        again by its content fingerprint, so only changed or new lines need rendering), and every
        speaker keeps the voice chosen for it; the speaker dialog asks only about speakers the project
        has no voice for yet. `update` None asks (Update / Import as a new project / Cancel); True
        updates, False makes a new project "name (2)" whose speakers start with the voices the earlier
        project gave the same speaker names.
        """
        from studio.project.importers import read_script

        path = Path(path)
        try:
            script = read_script(path)
        except ProjectError as err:
            self.ctx.error(localize(str(err)), key=IMPORT_KEY)
            return False
        existing = self.store.find_by_source(str(path.resolve()))
        if existing is not None and update is None:
            answer = self.ask_reimport(existing.name)
            if answer is None:
                return False
            update = answer
        known = {
            speaker: sv.voice_uid
            for speaker, sv in (self.store.speakers(existing.id) if existing is not None else {}).items()
            if sv.voice_uid
        }
        target = existing if existing is not None and update else None
        library_voices = self.ctx.library.list_voices()
        uids = {v.uid for v in library_voices}
        known = {s: uid for s, uid in known.items() if uid in uids}  # a deleted voice is asked again
        if voices is not None:
            voices = {**known, **voices}
        else:
            unmapped = [s for s in script.speakers if s not in known and "" not in known]
            if target is not None and not unmapped:
                voices = known
            else:
                if not library_voices:
                    self.ctx.error(
                        self.tr("Save a voice first: every speaker of a project needs a voice."),
                        key=IMPORT_KEY,
                    )
                    return False
                dialog = SpeakerDialog(script.speakers, library_voices, self, current=known)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return False
                voices = {**known, **dialog.mapping()}
        missing = [s for s in script.speakers if s not in voices and "" not in voices]
        if missing:
            self.ctx.error(
                self.tr("No voice chosen for speaker {0}.").format(missing[0] or "—"), key=IMPORT_KEY
            )
            return False
        try:
            with self.ctx.library.transaction():
                project = target or self.store.create_project(
                    self.store.unique_name(path.stem), source_name=str(path.resolve())
                )
                self.store.replace_content(project.id, script)
                for speaker, uid in voices.items():
                    self.store.set_speaker_voice(project.id, speaker, voice_uid=uid)
        except ProjectError as err:
            self.ctx.error(localize(str(err)), key=IMPORT_KEY)
            return False
        self.ctx.resolve(PROJECT_KEYS)  # imported: earlier project problems are no longer the news
        for warning in script.warnings:
            self.ctx.warn(warning)
        if target is not None:
            self.ctx.info(
                self.tr("Updated project {0} from {1}; unchanged lines keep their audio.").format(
                    project.name, path.name
                )
            )
        self.project = project
        self.ctx.settings.set("project/current", project.id)
        self.reload(then=lambda: self.projects.setCurrentIndex(max(0, self.projects.findData(project.id))))
        return True

    def ask_reimport(self, name: str) -> bool | None:
        """The script was imported before as project `name`: True = update it, False = a new project,
        None = cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Script imported before"))
        box.setText(self.tr("This script was imported before as the project {0}.").format(name))
        box.setInformativeText(
            self.tr(
                "Update it: the blocks follow the file, every speaker keeps its voice and unchanged lines "
                "keep their audio. Or import it as a new project."
            )
        )
        update = box.addButton(self.tr("Update {0}").format(name), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(self.tr("Import as a new project"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(update)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is update else False if clicked is new else None

    # -- render ------------------------------------------------------------------------------------

    @property
    def rendering(self) -> bool:
        return self._job is not None

    def render(self, block_ids: list[int] | None = None) -> bool:
        """Render what is missing (or only `block_ids`) on the engine worker."""
        from studio.project.render import (
            BlockRenderError,
            LocalRenderer,
            VoiceResolver,
            prepare_library_voice,
            render_project,
        )

        if self.project is None:
            self.ctx.error(
                self.tr("Import a script first (Import script…): there is no project to render."),
                key=RENDER_KEY,
            )
            return False
        if self.rendering:
            self.ctx.warn(self.tr("The project is already rendering."))
            return False
        loaded = self.ctx.bridge.loaded
        if loaded is None:
            self.ctx.error(self.tr("Open a model folder before rendering."), key=RENDER_KEY)
            return False
        store, model_hash = self.store, self._model_hash()
        project = store.set_model(self.project.id, str(loaded.folder), loaded.family, model_hash)
        cancel = threading.Event()
        progress = self._progress

        def run(engine):
            resolver = VoiceResolver(
                store, project, engine.family, prepare=prepare_library_voice(store, engine)
            )
            try:
                return render_project(
                    store,
                    project,
                    LocalRenderer(engine),
                    resolver=resolver,
                    model_hash=model_hash,
                    progress=progress.put,
                    cancel=cancel,
                    block_ids=block_ids,
                )
            except BlockRenderError as err:  # one block: its row reads "failed" with the reason
                return RenderFailed(str(err), err.block_id, err.reason)
            except ProjectError as err:  # the user's to fix: its sentence, as a value
                return RenderFailed(str(err))

        self.ctx.resolve(PROJECT_KEYS)  # rendering again: an earlier failure is no longer the news
        # the blocks rendered now read "not rendered" again until they render or fail once more
        failures = (
            {}
            if block_ids is None
            else {b: why for b, why in self.model.failures.items() if b not in set(block_ids)}
        )
        self.model.set_failures(failures)

        self._cancel = cancel
        self._scope = None if block_ids is None else set(block_ids)  # the blocks this render is for
        # one entry in the window's queue (Takes tab) and status bar, with the blocks done so far
        self._job = self.ctx.bridge.call(
            run, label=self.tr("Render project {0}").format(project.name), meta={"queue": "project"}
        )
        self._job.done.connect(self._render_done)
        self._job.failed.connect(self._render_failed)
        self._job.cancelled.connect(lambda _reason: self._render_done(None, stopped=True))
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("Rendering…"))
        self._timer.start()
        self.update_buttons()
        return True

    def cancel_render(self) -> bool:
        """Stop the running render (the Stop button): the block being made is dropped, every block
        finished before it is already stored and stays rendered (as Ctrl+C in `voice-studio project
        render`); Render again makes only the rest. False when nothing renders."""
        if self._cancel is None or self._cancel.is_set():
            return False
        self._cancel.set()
        self.progress_label.setText(self.tr("Stopping after the current block…"))
        self.update_buttons()
        if self._job is not None and self._job.state == "queued":
            self._job.cancel()  # still waiting behind a take: it never starts (says "Stopped" at once)
        return True

    def _drain_progress(self) -> None:
        last = None
        finished: list[int] = []
        while True:
            try:
                last = self._progress.get_nowait()
            except queue.Empty:
                break
            if last.block_id is not None:
                finished.append(last.block_id)
        if last is None:
            return
        if finished:  # each finished block's row shows "rendered" as soon as it is stored
            self.refresh_blocks(finished)
        self.progress_bar.setMaximum(max(1, last.total))
        self.progress_bar.setValue(last.done)
        eta = "" if last.eta_s is None else self.tr(", {0:.0f} s left").format(last.eta_s)
        if self._cancel is not None and self._cancel.is_set():
            return  # "Stopping after the current block…" stays until it has stopped
        self.progress_label.setText(
            self.tr("{0}/{1} blocks, {2:.1f} s of audio").format(last.done, last.total, last.audio_seconds)
            + eta
        )
        # the queue entry follows (Job.progress: stage text, fraction)
        if self._job is not None and self._job.is_open:
            status = self.tr("{0}/{1} blocks").format(last.done, last.total) + eta
            self._job.meta["status"] = status
            self._job.progress.emit(status, last.done / max(1, last.total))

    def _finish(self) -> None:
        self._timer.stop()
        self._drain_progress()
        self._job = None
        self._cancel = None
        self.update_buttons()

    def _render_done(self, report, stopped: bool = False) -> None:
        if isinstance(report, RenderFailed):
            self._render_failed(report)
            return
        self._finish()
        # the bar keeps the blocks done until the next render starts (a render stopped before its
        # first new block emits no progress: without this it read 0 % with blocks kept)
        if report is not None:
            done, total = report.rendered + report.reused, report.total
        else:  # stopped while still queued: what the table shows of the blocks it was for
            scope = [i for i in self.model.items if self._scope is None or i.block.id in self._scope]
            done, total = sum(1 for i in scope if i.take is not None), len(scope)
        self.progress_bar.setMaximum(max(1, total))
        self.progress_bar.setValue(done)
        if (report is not None and getattr(report, "cancelled", False)) or (report is None and stopped):
            self.progress_label.setText(
                self.tr("Stopped; {0} of {1} blocks are rendered and kept.").format(done, total)
            )
        elif report is not None:
            self.progress_label.setText(
                self.tr("Rendered %n block(s), reused {0}.", "", report.rendered).format(report.reused)
            )

        def shown() -> None:
            self.rebuild_waveform()
            self.renderEnded.emit(report)

        self.reload(then=shown)

    def _render_failed(self, failure) -> None:
        """The render stopped on an error: its sentence in the message area (until the next import,
        render or export), and the progress row says it stopped (the blocks made before are kept)."""
        self._finish()
        message = localize(getattr(failure, "message", str(failure)))
        block_id = getattr(failure, "block_id", None)
        if block_id is not None:  # that block's row reads "failed", the reason as its tooltip
            self.model.set_failures({**self.model.failures, block_id: localize(failure.reason) or message})
        self.ctx.error(message, key=RENDER_KEY)  # the bar keeps the blocks made before it (as a stop does)
        self.progress_label.setText(self.tr("Render failed; the blocks made before it are kept."))
        self.progress_label.setToolTip(message)
        self.reload(then=lambda: self.renderEnded.emit(None))

    # -- block actions -----------------------------------------------------------------------------

    def reroll_block(self, row: int | None) -> bool:
        """A new seed for the block, then render it alone; its earlier takes are kept."""
        import random

        if row is None or self.rendering or not 0 <= row < len(self.model.items):
            return False
        block = self.model.items[row].block
        self.store.update_block(block.id, seed=random.SystemRandom().randrange(2**31))
        self.refresh_blocks([block.id])
        return self.render([block.id])

    def choose_block_voice(self) -> None:
        row = self.current_row()
        if row is None:
            self.ctx.error(self.tr("Select a block in the table first."))
            return
        voices = self.ctx.library.list_voices()
        if not voices:
            self.ctx.error(self.tr("Save a voice first: the library has no voices."))
            return
        # start on the voice that speaks the block now: its own, else its speaker's
        block = self.model.items[row].block
        mapped = self.model.speaker_voices.get(block.speaker) or self.model.speaker_voices.get("")
        current = block.voice_uid or (mapped.voice_uid if mapped is not None else None)
        index = next((i for i, v in enumerate(voices) if v.uid == current), 0)
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Block voice"),
            self.tr("Voice for this block:"),
            [v.name for v in voices],
            index,
            False,
        )
        if ok:
            self.set_block_voice(row, next(v for v in voices if v.name == name).uid)

    def choose_speaker_voices(self, mapping: dict[str, str] | None = None) -> bool:
        """Map every speaker of the project to a library voice at once, in the import's dialog
        (`mapping` {speaker: voice uid} instead of asking; "" = lines without a speaker). Blocks
        with a voice of their own keep it. False if nothing changed."""
        if self.project is None:
            self.ctx.error(self.tr("Import a script first (Import script…): there is no project yet."))
            return False
        if self.rendering:
            self.ctx.warn(self.tr("Speakers cannot be changed while the project renders."))
            return False
        project = self.project
        current = self.store.speakers(project.id)
        speakers = sorted({b.speaker for b in self.store.blocks(project.id)} | set(current))
        if mapping is None:
            voices = self.ctx.library.list_voices()
            if not voices:
                self.ctx.error(self.tr("Save a voice first: the library has no voices."))
                return False
            known = {s: sv.voice_uid for s, sv in current.items() if sv.voice_uid}
            dialog = SpeakerDialog(speakers or [""], voices, self, current=known)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            mapping = dialog.mapping()
        try:
            with self.ctx.library.transaction():
                for speaker, uid in mapping.items():
                    self.store.set_speaker_voice(project.id, speaker, voice_uid=uid)
        except ProjectError as err:
            self.ctx.error(localize(str(err)), key=IMPORT_KEY)
            return False
        self.ctx.resolve(PROJECT_KEYS)  # a voice chosen again: "no voice" problems are gone
        self.reload()
        return True

    def set_block_voice(self, row: int, voice_uid: str | None) -> None:
        block = self.model.items[row].block
        self.store.update_block(block.id, voice_uid=voice_uid, voice_file=None)
        self.refresh_blocks([block.id])

    def apply_block_changes(self, block_id: int, changes: dict) -> bool:
        """Store a block's new pause/speed/mode/instruction/seed (checked by the store). A change that
        enters the fingerprint marks the block stale (the next render renders it alone); a pause
        change only re-mixes. A bad value is said in the inspector and the status bar; nothing changes."""
        try:
            self.store.update_block(block_id, **changes)
        except ProjectError as err:
            self.inspector.show_error(str(err))
            self.ctx.error(str(err))
            return False
        self.refresh_blocks([block_id])
        if "pause_ms" in changes:
            self.rebuild_waveform()
        return True

    def choose_block_take(self, block_id: int, take_id: int) -> bool:
        """Use an earlier take of a block (its seed/speed come back with it) and re-mix; nothing is rendered."""
        from studio.project.takes import choose_take

        if self.rendering:
            self.ctx.warn(self.tr("Takes cannot be changed while the project renders."))
            self.refresh_blocks([block_id])
            return False
        try:
            choose_take(
                self.store,
                self.project,
                self._resolver(),
                self._model_hash(),
                self.store.get_block(block_id),
                take_id,
            )
        except ProjectError as err:
            self.inspector.show_error(str(err))
            self.ctx.error(str(err))
            return False
        self.refresh_blocks([block_id])
        self.rebuild_waveform()
        return True

    def set_block_text(self, block_id: int, text: str) -> None:
        """Edit a block's text; it becomes stale (rendered again on the next render), nothing else."""
        try:
            self.store.update_block(block_id, text=text)
        except ProjectError as err:
            self.ctx.error(str(err))
            return
        self.refresh_blocks([block_id])

    def move_block(self, block_id: int, new_index: int) -> None:
        if self.rendering:
            self.ctx.warn(self.tr("Blocks cannot be moved while the project renders."))
            return
        self.store.move_block(block_id, new_index)
        self.reload(then=self.rebuild_waveform)

    # -- the whole render --------------------------------------------------------------------------

    def rebuild_waveform(self) -> None:
        """Assemble the rendered blocks on a background thread and show the waveform and overruns."""
        from studio.project.export import build_mixdown

        self._mix_serial += 1  # a mix started earlier must not replace this one when it ends later
        serial = self._mix_serial
        # a stale block is heard with its chosen (old) take; the table's items stay as they are
        items = [
            dataclasses.replace(i, take=i.take or i.chosen)
            for i in self.model.items
            if (i.take or i.chosen) is not None
        ]
        if self.project is None or not items or len(items) != len(self.model.items):
            self.mixdown = None
            self.waveform.set_render(np.zeros(0), np.zeros(0), [])
            self.overruns.setText("")
            self.update_buttons()
            return
        store, project = self.store, self.project

        def build():
            mix = build_mixdown(store, project, items)
            x, y = envelope(mix.audio, mix.sample_rate)
            return mix, x, y

        def show(result) -> None:
            if serial == self._mix_serial:
                self._show_mixdown(result)

        self.ctx.background.run(build, show, lambda err: self.ctx.error(str(err)))

    def _show_mixdown(self, result) -> None:
        mix, x, y = result
        self.mixdown = mix
        self.update_buttons()
        rate = mix.sample_rate
        self.waveform.set_render(x, y, [(p.start / rate, p.end / rate) for p in mix.placements])
        lines = [
            self.tr("Cue {0} overruns its slot by {1:.2f} s (at {2:.2f}x).").format(
                p.block.cue_index, p.overrun_s, p.take.speed_used
            )
            for p in mix.placements
            if p.overrun_s > 0
        ]
        self.overruns.setText("\n".join(lines))
        self.waveform_select(self.current_row())

    def waveform_select(self, row: int | None) -> None:
        self.waveform.select(row if row is not None and row >= 0 else None)

    def play_from(self, row: int | None) -> None:
        if self.mixdown is None or row is None or not 0 <= row < len(self.mixdown.placements):
            return
        start = self.mixdown.placements[row].start
        self.ctx.player.play(self.mixdown.audio[start:], self.mixdown.sample_rate)

    # -- export ------------------------------------------------------------------------------------

    def choose_export(self) -> None:
        """Ask where to export, starting in the export folder of Settings (the last one used)."""
        if self.project is None:
            self.ctx.error(
                self.tr("Import a script first (Import script…): there is no project to export."),
                key=EXPORT_KEY,
            )
            return
        folder = self.ctx.settings.get("export/folder") or str(Path.home())
        suffix = ".flac" if self.ctx.settings.get("export/format") == "flac" else ".wav"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export project (subtitles .srt and timing .json are written beside the audio)"),
            str(Path(folder) / f"{self.project.name}{suffix}"),
            self.tr("Audio (*.wav *.flac *.mp3)"),
        )
        if path:
            self.ctx.settings.set("export/folder", str(Path(path).parent))
            self.export_to(path, subtitles=str(Path(path).with_suffix(".srt")))

    def export_bits(self) -> int:
        """The WAV bit depth of Settings → Export format, as a single take's export uses it: 16 for
        "WAV, 16-bit", else 24 ("WAV, 24-bit"; with "FLAC" chosen a .wav name is written 24-bit too,
        like a take). FLAC is always 24-bit and MP3 has no bit depth."""
        return 16 if self.ctx.settings.get("export/format") == "wav16" else 24

    def export_to(self, path: str | Path, subtitles: str | Path | None = None, **options) -> None:
        """Export on a background thread; `exported(result)` when written, an error message otherwise.

        The WAV bit depth follows Settings (`export_bits`) unless `bits` is given. When written, the
        message area lists every file with its path (once, as a take's export says where it went):
        the audio, the subtitles (.srt/.vtt) and the timing/provenance sidecar (.json)."""
        from studio.project.export import export_project

        if self.project is None:
            self.ctx.error(
                self.tr("Import a script first (Import script…): there is no project to export."),
                key=EXPORT_KEY,
            )
            return
        options.setdefault("bits", self.export_bits())
        store, project, model_hash = self.store, self.project, self._model_hash()
        resolver = self._resolver(preview=False)

        def run():
            return export_project(
                store, project, path, resolver=resolver, model_hash=model_hash, subtitles=subtitles, **options
            )

        def done(result) -> None:
            for warning in result.warnings:
                self.ctx.warn(warning)
            text = self.written_files_text(result)
            first, *files = text.split("\n")
            self.ctx.resolve(PROJECT_KEYS)  # exported: earlier project problems are no longer the news
            self.ctx.info(first + " " + "; ".join(files), key="export")
            self.exported.emit(result)

        self.ctx.background.run(run, done, lambda err: self.ctx.error(localize(str(err)), key=EXPORT_KEY))

    def written_files_text(self, result) -> str:
        """ "Exported: audio …; subtitles (.srt) …; timing (.json) …" with full paths, one line a file."""
        lines = [self.tr("Exported:")]
        for f in result.files:
            lines.append(self.tr("audio: {0}").format(f.audio))
            if f.subtitles is not None:
                lines.append(self.tr("subtitles ({0}): {1}").format(f.subtitles.suffix, f.subtitles))
            if f.sidecar is not None:
                lines.append(self.tr("timing and provenance (.json): {0}").format(f.sidecar))
        return "\n".join(lines)
