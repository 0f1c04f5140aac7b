"""Script and mode: the text to speak, the mode, instruct presets, tags, speed, seed, streaming."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QStandardItem
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.audio.clipfile import ClipFileError, read_clip_file
from studio.ui import presets
from studio.ui.context import StudioContext
from studio.ui.file_dialogs import open_file
from studio.ui.flow_layout import FlowLayout
from studio.ui.recording import COUNTDOWN, IDLE, RECORDING, SAVING, RecordingController
from studio.ui.reference_panel import audio_filter
from studio.ui.views.level_meter import LevelMeter

MODES = ("zero_shot", "cross_lingual", "instruct", "vc")
SEED_MAX = 2**31 - 1
RANDOM_SEED = -1


def random_seed() -> int:
    """A fresh seed for one take when the seed box says "random" (the box keeps saying it)."""
    return random.SystemRandom().randrange(SEED_MAX)


def dice_icon(size: int = 32) -> QIcon:
    """A die showing five, drawn with QPainter so it looks the same on every platform."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(70, 70, 70), size / 16))
    painter.setBrush(QColor(250, 250, 250))
    margin = size / 10
    painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size / 6, size / 6)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(40, 40, 40))
    r = size / 14
    for fx, fy in ((0.3, 0.3), (0.7, 0.3), (0.5, 0.5), (0.3, 0.7), (0.7, 0.7)):
        painter.drawEllipse(QRectF(fx * size - r, fy * size - r, 2 * r, 2 * r))
    painter.end()
    return QIcon(pixmap)


class SourceClip:
    """The speech to convert (Convert mode): audio + where it came from."""

    def __init__(self, audio: np.ndarray, rate: int, label: str, path: Path | None = None, clip_id=None):
        self.audio, self.rate, self.label, self.path, self.clip_id = audio, rate, label, path, clip_id

    @property
    def seconds(self) -> float:
        return self.audio.size / self.rate


class ScriptPanel(QGroupBox):
    synthesizeRequested = Signal()
    cancelRequested = Signal()
    modeChanged = Signal(str)
    sourceChanged = Signal()

    def __init__(self, ctx: StudioContext, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Script and mode"))
        self.ctx = ctx
        self.source: SourceClip | None = None

        # mode -----------------------------------------------------------------------------------
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        mode_row = QHBoxLayout()
        self.mode_buttons: dict[str, QPushButton] = {}
        tips = {
            "zero_shot": self.tr("Clone the voice; needs the reference transcript"),
            "cross_lingual": self.tr("Clone the voice into any language; no transcript needed"),
            "instruct": self.tr("Clone the voice and follow an instruction: emotion, speed, dialect…"),
            "vc": self.tr("Speech to speech: say a recorded or imported clip in the voice"),
        }
        for i, mode in enumerate(MODES):
            button = QPushButton(self.mode_label(mode))
            button.setCheckable(True)
            button.setToolTip(f"{tips[mode]} (Ctrl+{i + 1})")
            self.mode_group.addButton(button, i)
            self.mode_buttons[mode] = button
            mode_row.addWidget(button)
        mode_row.addStretch(1)
        self.mode_buttons["zero_shot"].setChecked(True)
        self.mode_group.idToggled.connect(self._mode_toggled)

        # instruct -------------------------------------------------------------------------------
        self.instruct_box = QWidget()
        self.preset_combo = QComboBox()
        self.preset_combo.setMinimumContentsLength(14)
        self._fill_presets()
        self.preset_combo.activated.connect(self._preset_chosen)
        self.instruction = QLineEdit()
        self.instruction.setPlaceholderText(
            self.tr("Instruction, e.g. 用开心的语气说这句话, or pick a preset")
        )
        self.instruction_hint = QLabel()
        self.instruction_hint.setWordWrap(True)
        self.instruction_hint.setEnabled(False)
        self.instruction_hint.hide()
        self.instruction.textEdited.connect(lambda _t: self.instruction_hint.hide())
        instruct_layout = QVBoxLayout(self.instruct_box)
        instruct_layout.setContentsMargins(0, 0, 0, 0)
        instruct_row = QHBoxLayout()
        instruct_row.addWidget(QLabel(self.tr("Instruction")))
        instruct_row.addWidget(self.preset_combo)
        instruct_row.addWidget(self.instruction, 1)
        instruct_layout.addLayout(instruct_row)
        instruct_layout.addWidget(self.instruction_hint)

        # convert source -------------------------------------------------------------------------
        self.source_box = QWidget()
        self.source_label = QLabel(self.tr("No source clip: import or record the speech to convert."))
        self.source_import = QPushButton(self.tr("Import source…"))
        self.source_import.clicked.connect(self.choose_source)
        self.source_recording = RecordingController(ctx, self)
        self.source_record = QPushButton(self.tr("Record source"))
        self.source_record.clicked.connect(self.source_recording.toggle)
        self.source_recording.stateChanged.connect(self._source_record_state)
        self.source_recording.recorded.connect(self._source_recorded)
        self.source_recording.failed.connect(lambda t: ctx.error(self.tr("Recording failed: {0}").format(t)))
        self.source_recording.deviceLost.connect(ctx.warn)
        self.source_meter = LevelMeter()
        source_layout = QVBoxLayout(self.source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_label, 1)
        source_row.addWidget(self.source_import)
        source_row.addWidget(self.source_record)
        source_layout.addLayout(source_row)
        source_layout.addWidget(self.source_meter)

        # tags -------------------------------------------------------------------------------------
        self.tag_box = QWidget()
        tag_layout = FlowLayout(self.tag_box, spacing=3)
        self.tag_buttons: list[QToolButton] = []
        for tag in presets.tags(ctx.language):
            button = QToolButton()
            button.setText(tag.text)
            button.setToolTip(tag.tooltip)
            button.setAutoRaise(False)
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not 14 tab stops: tags can be typed
            button.clicked.connect(lambda _checked=False, t=tag: self.insert_tag(t))
            tag_layout.addWidget(button)
            self.tag_buttons.append(button)

        # text ---------------------------------------------------------------------------------------
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(
            self.tr("Type or paste the script. Each sentence of a take can be re-rolled on its own.")
        )
        self.editor.setTabChangesFocus(True)  # Tab leaves the script, as in every other field
        self.editor.textChanged.connect(self._text_changed)
        self.count_label = QLabel()

        # controls ------------------------------------------------------------------------------------
        self.speed = QDoubleSpinBox()
        self.speed.setRange(0.5, 2.0)
        self.speed.setSingleStep(0.05)
        self.speed.setValue(1.0)
        self.speed.setSuffix("×")
        self.seed = QSpinBox()
        self.seed.setRange(RANDOM_SEED, SEED_MAX)
        self.seed.setSpecialValueText(self.tr("random"))
        self.seed.setValue(RANDOM_SEED)
        self.seed.setToolTip(self.tr("The same seed, text and voice give the same take; 'random' picks one"))
        self.dice = QToolButton()
        # A drawn die, not the emoji: emoji fonts are missing on many Linux desktops.
        self.dice.setIcon(dice_icon())
        self.dice.setText(self.tr("Roll"))
        self.dice.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.dice.setToolTip(self.tr("Roll a new seed"))
        self.dice.clicked.connect(self.roll_seed)
        # the way back to "random" after typing or rolling a seed
        self.random_button = QToolButton()
        self.random_button.setText(self.tr("Random"))
        self.random_button.setToolTip(self.tr("Back to a random seed for every take"))
        self.random_button.clicked.connect(lambda: self.seed.setValue(RANDOM_SEED))
        self.seed.valueChanged.connect(lambda v: self.random_button.setEnabled(v != RANDOM_SEED))
        self.random_button.setEnabled(False)
        self.stream = QCheckBox(self.tr("Streaming"))
        self.stream.setChecked(True)
        self.stream.setToolTip(self.tr("Play while the take is generated (speed needs streaming off)"))
        self.stream.toggled.connect(self._stream_toggled)
        self.synth_button = QPushButton(self.tr("Synthesize"))
        self.synth_button.setToolTip(
            self.tr("Make a take (Ctrl+Enter); while one runs, this queues the next")
        )
        self.synth_button.setDefault(True)
        self.synth_button.clicked.connect(self.synthesizeRequested)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the running take (Esc)"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancelRequested)
        # Two rows, so the panel's minimum width stays that of its widest row (a single row of every
        # control made the centre column ~780 px wide and hid the mode row at the default size).
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Speed")))
        controls.addWidget(self.speed)
        self.speed_note = QLabel(self.tr("(streaming off to change)"))
        self.speed_note.setEnabled(False)
        # Hidden with streaming off, but its place is kept: toggling Streaming must not change
        # the panel's minimum width (that re-laid out and repainted the whole window each time).
        retain = self.speed_note.sizePolicy()
        retain.setRetainSizeWhenHidden(True)
        self.speed_note.setSizePolicy(retain)
        controls.addWidget(self.speed_note)
        controls.addWidget(QLabel(self.tr("Seed")))
        controls.addWidget(self.seed)
        controls.addWidget(self.dice)
        controls.addWidget(self.random_button)
        controls.addWidget(self.stream)
        controls.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.synth_button)

        layout = QVBoxLayout(self)
        layout.addLayout(mode_row)
        layout.addWidget(self.instruct_box)
        layout.addWidget(self.source_box)
        layout.addWidget(self.tag_box)
        layout.addWidget(self.editor, 1)
        layout.addLayout(controls)
        layout.addLayout(actions)
        ctx.display.subscribe(self.poll)
        self._stream_toggled(True)
        self._apply_mode("zero_shot")
        self._text_changed()

    # -- labels --------------------------------------------------------------------------------

    def mode_label(self, mode: str) -> str:
        return {
            "zero_shot": self.tr("Clone"),
            "cross_lingual": self.tr("Cross-lingual"),
            "instruct": self.tr("Instruct"),
            "vc": self.tr("Convert"),
        }[mode]

    # -- mode ----------------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return MODES[max(0, self.mode_group.checkedId())]

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)

    def choose_mode(self, mode: str) -> None:
        """The mode chosen from the keyboard (Ctrl+1…4): switch, and put the focus where that mode
        is worked on (the script; in Convert mode, which speaks a clip instead, Import source), not
        left in whatever field had it (a digit typed next would have changed the seed)."""
        self.set_mode(mode)
        target = self.source_import if mode == "vc" else self.editor
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _mode_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self._apply_mode(MODES[index])

    def _apply_mode(self, mode: str) -> None:
        self.instruct_box.setVisible(mode == "instruct")
        self.source_box.setVisible(mode == "vc")
        self.tag_box.setVisible(mode != "vc")
        self.editor.setEnabled(mode != "vc")
        self.modeChanged.emit(mode)

    # -- instruct presets ----------------------------------------------------------------------

    def _fill_presets(self) -> None:
        combo = self.preset_combo
        combo.clear()
        combo.addItem(self.tr("Presets…"), None)
        model = combo.model()
        for group in presets.instruct_groups(self.ctx.language):
            header = QStandardItem(f"— {group.label} —")
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            model.appendRow(header)
            for preset in group.presets:
                combo.addItem("   " + preset.label, preset)

    def preset_count(self) -> int:
        return sum(1 for i in range(self.preset_combo.count()) if self.preset_combo.itemData(i) is not None)

    def _preset_chosen(self, index: int) -> None:
        preset = self.preset_combo.itemData(index)
        if preset is not None:
            self.apply_preset(preset)
        self.preset_combo.setCurrentIndex(0)

    def apply_preset(self, preset: presets.InstructPreset) -> None:
        """Put the preset's instruction in the field. The models were trained on Chinese
        instructions, so the text stays Chinese; outside the Chinese UI a line says what it means."""
        instruction = preset.instruction(self.ctx.family)
        self.instruction.setText(instruction)
        self.set_mode("instruct")
        if not self.ctx.language.startswith("zh") and any("\u4e00" <= c <= "\u9fff" for c in instruction):
            self.instruction_hint.setText(
                self.tr(
                    "Preset \u201c{0}\u201d, written in Chinese: the model follows Chinese instructions best."
                ).format(preset.label)
            )
            self.instruction_hint.show()
        else:
            self.instruction_hint.hide()

    def find_preset(self, key: str) -> presets.InstructPreset | None:
        for i in range(self.preset_combo.count()):
            preset = self.preset_combo.itemData(i)
            if preset is not None and preset.key == key:
                return preset
        return None

    # -- tags ----------------------------------------------------------------------------------

    def insert_tag(self, tag: presets.Tag) -> None:
        """Insert at the cursor; a pair tag like <strong></strong> wraps the selection."""
        cursor = self.editor.textCursor()
        opening, closing = tag.split()
        if closing:
            selected = cursor.selectedText()
            cursor.insertText(opening + selected + closing)
            if not selected:
                cursor.movePosition(cursor.MoveOperation.Left, n=len(closing))
        else:
            cursor.insertText(opening)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    # -- text and settings ---------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self.editor.setPlainText(text)

    def _text_changed(self) -> None:
        n = len(self.text.strip())
        self.count_label.setText(self.tr("%n character(s)", "", n))

    def roll_seed(self) -> int:
        """The dice: put a new fixed seed in the box (the user asked for one)."""
        value = random_seed()
        self.seed.setValue(value)
        return value

    def seed_value(self) -> int | None:
        value = self.seed.value()
        return None if value == RANDOM_SEED else value

    def _stream_toggled(self, on: bool) -> None:
        self.speed.setEnabled(not on)
        self.speed_note.setVisible(on)
        if on:
            self.speed.setValue(1.0)
            self.speed.setToolTip(self.tr("Speed changes need streaming off"))
        else:
            self.speed.setToolTip(self.tr("Speaking speed (0.5× to 2×)"))

    def set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)

    # -- convert source --------------------------------------------------------------------------

    def choose_source(self) -> None:
        path = open_file(
            self,
            self.ctx.settings,
            self.tr("Import the speech to convert"),
            audio_filter(self.tr("Audio"), self.tr("All files")),
        )
        if path:
            self.load_source(path)

    def load_source(self, path: str | Path) -> bool:
        try:
            data = read_clip_file(path)
        except ClipFileError as err:
            # keyed like the reference panel's: the next good import (of either) takes it down
            self.ctx.error(self.tr("The file could not be imported: {0}").format(err), key="import")
            return False
        self.set_source(SourceClip(data.audio, data.sample_rate, data.path.name, path=data.path))
        self.ctx.resolve("import")
        return True

    def set_source(self, source: SourceClip | None) -> None:
        self.source = source
        self.sourceChanged.emit()
        if source is None:
            self.source_label.setText(self.tr("No source clip: import or record the speech to convert."))
        else:
            self.source_label.setText(self.tr("Source: {0} ({1:.1f} s)").format(source.label, source.seconds))

    def _source_record_state(self, state: str) -> None:
        self.source_record.setText(
            {
                IDLE: self.tr("Record source"),
                COUNTDOWN: self.tr("Cancel"),
                RECORDING: self.tr("Stop"),
                SAVING: self.tr("Saving…"),
            }[state]
        )
        if state == IDLE:
            self.source_meter.reset()

    def _source_recorded(self, clip) -> None:
        audio, rate = self.ctx.library.clip_audio(clip, trimmed=False)
        mono = audio.mean(axis=1).astype(np.float32) if audio.ndim == 2 else audio.astype(np.float32)
        self.set_source(SourceClip(mono, rate, self.tr("Recording {0}").format(clip.id), clip_id=clip.id))

    def poll(self) -> None:
        rec = self.source_recording
        if rec.state == RECORDING:
            rec.poll()
            self.source_meter.set_level(rec.level.peak_dbfs, rec.level.rms_dbfs, rec.level.clipped)
            self.source_label.setText(self.tr("Recording… {0:.1f} s").format(rec.elapsed))
