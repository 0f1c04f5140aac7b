"""The block table as a QAbstractTableModel: rows are plain tuples prepared once per reload, so
scrolling a 1,000-block project only formats visible cells; rows can be dragged to reorder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from studio.project.model import STATE_PENDING, STATE_RENDERED, STATE_STALE
from studio.project.render import PlanItem

MIME = "application/x-voice-studio-block-rows"
COLUMNS = ("#", "Speaker", "Text", "State", "Length", "Take")
SPEAKER, STATE, TAKE = 1, 3, 5
DERIVED = QBrush(QColor("#8a8a8a"))  # a voice that comes from the project's mapping, not the block


class BlockTableModel(QAbstractTableModel):
    """`moveRequested(block_id, new_index)` when a row is dropped somewhere else."""

    moveRequested = Signal(int, int)
    textEdited = Signal(int, str)  # block id, new text (the Text column is editable)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[PlanItem] = []
        self._rows: list[tuple] = []
        self._tips: list[tuple[str, str]] = []  # (Speaker tooltip, Take tooltip) per row
        self._derived: list[bool] = []  # the Speaker cell names a voice from the default mapping
        # what names a voice when the plan has none resolved (no model known yet)
        self.speaker_voices: dict = {}  # speaker -> SpeakerVoice ("" = lines without a speaker)
        self.voice_names: dict[str, str] = {}  # library voice uid -> name
        # block id -> why its last render failed (this session); shown until it renders or is edited
        self.failures: dict[int, str] = {}
        self._states = {
            STATE_RENDERED: self.tr("rendered"),
            STATE_PENDING: self.tr("not rendered"),
            STATE_STALE: self.tr("stale"),
        }
        self._headers = [
            "#",
            self.tr("Speaker"),
            self.tr("Text"),
            self.tr("State"),
            self.tr("Length"),
            self.tr("Take"),
        ]

    def set_voice_names(self, speaker_voices: dict, voice_names: dict[str, str]) -> None:
        """The project's speaker -> voice mapping and the library's voice names, for the Speaker column."""
        self.speaker_voices = dict(speaker_voices)
        self.voice_names = dict(voice_names)

    def set_failures(self, failures: dict[int, str]) -> None:
        """The blocks whose render failed ({block id: reason}): their State reads "failed" with the
        reason as its tooltip while they have no audio for their current inputs."""
        self.failures = dict(failures)
        if self._rows:
            self.replace_items(list(self.items))

    def forget_failures(self, block_ids) -> None:
        """Blocks edited or rendered again: their earlier failure no longer says anything."""
        for block_id in block_ids:
            self.failures.pop(block_id, None)

    def failure(self, row: int) -> str | None:
        """Why block `row`'s last render failed, while it still has no audio for its inputs."""
        item = self.items[row]
        if item.error or item.state == STATE_RENDERED:
            return None
        return self.failures.get(item.block.id)

    def set_items(self, items: list[PlanItem]) -> None:
        self.beginResetModel()
        self.items = items
        rows = [self._row(i) for i in items]
        self._rows = [r[0] for r in rows]
        self._tips = [r[1] for r in rows]
        self._derived = [r[2] for r in rows]
        self.endResetModel()

    def replace_items(self, items: list[PlanItem]) -> None:
        """Swap in fresh items for blocks already shown (same block ids), repainting only their rows."""
        rows = {item.block.id: row for row, item in enumerate(self.items)}
        for item in items:
            row = rows.get(item.block.id)
            if row is None:
                continue
            self.items[row] = item
            self._rows[row], self._tips[row], self._derived[row] = self._row(item)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _voice_label(self, item: PlanItem) -> str:
        """The name of the voice that speaks the block: the resolved one, else the mapping's."""
        block = item.block
        if item.voice is not None:
            return item.voice.label
        if block.voice_uid or block.voice_file:
            return (
                Path(block.voice_file).name if block.voice_file else self.voice_names.get(block.voice_uid, "")
            )
        ref = self.speaker_voices.get(block.speaker) or self.speaker_voices.get("")
        if ref is None:
            return ""
        return Path(ref.voice_file).name if ref.voice_file else self.voice_names.get(ref.voice_uid, "")

    def _row(self, item: PlanItem) -> tuple[tuple, tuple[str, str], bool]:
        """(cells, (Speaker tooltip, Take tooltip), whether the Speaker cell is greyed)."""
        take = item.take or item.chosen
        block = item.block
        number = (
            str(block.position + 1)
            if block.cue_index is None
            else f"{block.position + 1} ({block.cue_index})"
        )
        if item.error:
            state = self.tr("no voice")
        elif item.state != STATE_RENDERED and item.block.id in self.failures:
            state = self.tr("failed")
        else:
            state = self._states[item.state]
        label = "" if item.error else self._voice_label(item)
        derived = False
        if not label:
            speaker, speaker_tip = block.speaker or "—", item.error or ""
        elif block.voice_uid or block.voice_file:
            speaker = f"{block.speaker or '—'} → {label}"
            speaker_tip = self.tr("Spoken by {0}, the voice chosen for this block.").format(label)
        elif block.speaker:
            speaker = f"{block.speaker} ({label})"
            speaker_tip = self.tr("Spoken by {0}, the voice of the speaker {1}.").format(label, block.speaker)
        else:
            speaker, derived = f"({label})", True
            speaker_tip = self.tr("Spoken by {0}, the voice chosen for lines with no speaker.").format(label)
        number_of = item.take_number
        if number_of is not None:  # numbered as the block inspector lists them: by take number
            take_text = self.tr("#{0}").format(take.id)
            take_tip = self.tr(
                "Take #{0}, one of this block's %n take(s); choose another in the block inspector.",
                "",
                number_of[1],
            ).format(take.id)
        else:
            take_text, take_tip = "", ""
        length = self.tr("{0:.2f} s").format(take.duration_s) if take else ""
        cells = (number, speaker, block.text, state, length, take_text)
        return cells, (speaker_tip, take_tip), derived

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.EditRole and index.column() == 2:
            return self.items[index.row()].block.text
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._rows[index.row()][index.column()]
            if role == Qt.ItemDataRole.ToolTipRole:
                item = self.items[index.row()]
                if index.column() == SPEAKER:
                    return self._tips[index.row()][0] or None
                if index.column() == TAKE:
                    return self._tips[index.row()][1] or None
                if index.column() == STATE and not item.error:
                    return self.failure(index.row())
                return item.error or (value if index.column() == 2 else None)
            return value
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == SPEAKER:
            return DERIVED if self._derived[index.row()] else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 2 or not index.isValid():
            return False
        text = " ".join(str(value).split())
        item = self.items[index.row()]
        if not text or text == item.block.text:
            return False
        self.textEdited.emit(item.block.id, text)  # the view stores it and refreshes this row
        return True

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            editable = Qt.ItemFlag.ItemIsEditable if index.column() == 2 else Qt.ItemFlag.NoItemFlags
            return base | Qt.ItemFlag.ItemIsDragEnabled | editable
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes})
        data = QMimeData()
        data.setData(MIME, QByteArray(",".join(str(r) for r in rows).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        rows = [int(r) for r in bytes(data.data(MIME)).decode().split(",") if r]
        if len(rows) != 1:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        source = rows[0]
        new_index = target - 1 if target > source else target
        if new_index != source:
            self.moveRequested.emit(self.items[source].block.id, new_index)
        return False  # the view reloads from the library; Qt must not remove the source row itself
