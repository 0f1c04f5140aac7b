"""The block inspector beside the project's block table: the selected block's takes (choose an earlier
one) and its render inputs (pause after it, speed, mode, instruction, seed), edited and applied.

The inspector only collects values; the view stores them (`ProjectStore.update_block` checks them and
says what is wrong) and the content fingerprint decides what has to be rendered again.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.project.model import MODES
from studio.project.render import PlanItem
from studio.project.store import MAX_PAUSE_MS
from studio.project.takes import TakeChoice


class BlockInspector(QWidget):
    """`applyRequested(block_id, changes)` on Apply with the changed inputs only;
    `takeChosen(block_id, take_id)` when another take is picked in the takes list."""

    applyRequested = Signal(int, dict)
    takeChosen = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.item: PlanItem | None = None
        self.choices: list[TakeChoice] = []
        self._loading = False

        self.title = QLabel(self.tr("Select a block to see its takes and settings."))
        self.title.setWordWrap(True)
        self.takes = QComboBox()
        self.takes.setToolTip(self.tr("Every take rendered for this block; choose one to use it in the mix."))
        self.takes.activated.connect(self._take_activated)

        self.pause = QSpinBox()
        self.pause.setRange(0, MAX_PAUSE_MS)
        self.pause.setSingleStep(50)
        self.pause.setSuffix(self.tr(" ms"))
        self.pause.setToolTip(
            self.tr("Silence after this block (changes only the mix; nothing is rendered).")
        )
        self.speed = QDoubleSpinBox()
        self.speed.setRange(0.25, 4.0)
        self.speed.setSingleStep(0.05)
        self.speed.setDecimals(2)
        self.speed.setSuffix("×")
        self.mode = QComboBox()
        labels = {
            "zero_shot": self.tr("Clone"),
            "cross_lingual": self.tr("Cross-lingual"),
            "instruct": self.tr("Instruct"),
        }
        for mode in MODES:
            self.mode.addItem(labels[mode], mode)
        self.instruction = QLineEdit()
        self.instruction.setPlaceholderText(self.tr("How to say it, e.g. Speak slowly and warmly"))
        self.seed = QLineEdit()
        self.seed.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,19}"), self.seed))
        self.seed.setToolTip(self.tr("The sampling seed: the same seed gives the same take."))

        form = QFormLayout()
        form.addRow(self.tr("Take"), self.takes)
        form.addRow(self.tr("Pause after"), self.pause)
        form.addRow(self.tr("Speed"), self.speed)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Instruction"), self.instruction)
        form.addRow(self.tr("Seed"), self.seed)

        self.apply_button = QPushButton(self.tr("Apply"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.apply_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.apply_button.clicked.connect(self.apply)
        self.revert_button.clicked.connect(lambda: self.show_block(self.item, self.choices))
        for signal in (
            self.pause.valueChanged,
            self.speed.valueChanged,
            self.mode.currentIndexChanged,
            self.instruction.textChanged,
            self.seed.textChanged,
        ):
            signal.connect(self._edited)
        self.show_block(None, [])

    # -- showing a block ---------------------------------------------------------------------------

    def show_block(self, item: PlanItem | None, choices: list[TakeChoice], note: str = "") -> None:
        """Show `item`'s inputs and takes (None: nothing selected); `note` explains an empty takes list."""
        self._loading = True
        try:
            self.item, self.choices = item, list(choices)
            editors = (self.takes, self.pause, self.speed, self.mode, self.instruction, self.seed)
            for widget in editors:
                widget.setEnabled(item is not None)
            self.takes.clear()
            self.message.setText(note)
            if item is None:
                # neutral values, not the spin boxes' minimums (a disabled "0.25×" read as a setting)
                self.speed.setValue(1.0)
                self.pause.setValue(0)
                self.instruction.clear()
                self.seed.clear()
                self.title.setText(self.tr("Select a block to see its takes and settings."))
                self.apply_button.setEnabled(False)
                self.revert_button.setEnabled(False)
                return
            block = item.block
            where = self.tr("Block {0}").format(block.position + 1)
            if block.cue_index is not None:
                where = self.tr("Block {0} (cue {1})").format(block.position + 1, block.cue_index)
            self.title.setText(f"<b>{html.escape(where)}</b> · {html.escape(_elide(block.text, 60))}")
            self._fill_takes()
            self.pause.setValue(block.pause_ms)
            self.pause.setEnabled(not block.is_cue)
            self.pause.setToolTip(
                self.tr("A subtitle cue starts at its cue time; the subtitle file decides the pauses.")
                if block.is_cue
                else self.tr("Silence after this block (changes only the mix; nothing is rendered).")
            )
            self.speed.setValue(block.speed)
            self.mode.setCurrentIndex(max(0, self.mode.findData(block.mode)))
            self.instruction.setText(block.instruction)
            self.seed.setText(str(block.seed))
        finally:
            self._loading = False
        self._edited()

    def _fill_takes(self) -> None:
        model = self.takes.model()
        if not self.choices:
            self.takes.addItem(self.tr("No takes yet: render the block."), None)
            self.takes.setEnabled(False)
            return
        for choice in self.choices:
            take = choice.take
            when = take.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if take.created_at else ""
            text = self.tr("#{0} · seed {1} · {2:.2f} s · {3}").format(
                take.id, take.seed, take.duration_s, when
            )
            if take.speed_used != 1.0:
                text += f" · {take.speed_used:.2f}×"
            if choice.chosen:
                text = "✓ " + text
            self.takes.addItem(text, take.id)
            row = self.takes.count() - 1
            if not choice.available:
                model.item(row).setEnabled(False)
                self.takes.setItemData(
                    row,
                    self.tr("Rendered from another text, voice, mode, instruction or model."),
                    Qt.ItemDataRole.ToolTipRole,
                )
        chosen = [i for i, c in enumerate(self.choices) if c.chosen]
        self.takes.setCurrentIndex(chosen[0] if chosen else self.takes.count() - 1)

    def _take_activated(self, row: int) -> None:
        if self._loading or self.item is None or not 0 <= row < len(self.choices):
            return
        choice = self.choices[row]
        if not choice.chosen and choice.available:
            self.takeChosen.emit(self.item.block.id, choice.take.id)

    # -- editing -------------------------------------------------------------------------------------

    def changes(self) -> dict:
        """The inputs changed in the editors (raw; the store checks them), e.g. {"speed": 1.2}."""
        if self.item is None:
            return {}
        block = self.item.block
        out: dict = {}
        if not block.is_cue and self.pause.value() != block.pause_ms:
            out["pause_ms"] = self.pause.value()
        if abs(self.speed.value() - round(block.speed, 2)) > 1e-9:
            out["speed"] = round(self.speed.value(), 2)
        mode = self.mode.currentData()
        if mode != block.mode:
            out["mode"] = mode
        instruction = " ".join(self.instruction.text().split())
        if instruction != block.instruction:
            out["instruction"] = instruction
        seed = self.seed.text().strip()
        if seed != str(block.seed):
            out["seed"] = seed
        return out

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        dirty = bool(self.changes())
        self.apply_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.instruction.setEnabled(self.item is not None and self.mode.currentData() == "instruct")

    def apply(self) -> None:
        changes = self.changes()
        if self.item is not None and changes:
            self.applyRequested.emit(self.item.block.id, changes)

    def show_error(self, text: str) -> None:
        """A message under the editors; the edits stay so the user can correct them."""
        self.message.setText(text)


def _elide(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
