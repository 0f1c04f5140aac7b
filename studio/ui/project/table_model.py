"""The block table as a QAbstractTableModel: rows are plain tuples prepared once per reload, so
scrolling a 1,000-block project only formats visible cells; rows can be dragged to reorder."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal

from studio.project.model import STATE_PENDING, STATE_RENDERED, STATE_STALE
from studio.project.render import PlanItem

MIME = "application/x-voice-studio-block-rows"
COLUMNS = ("#", "Speaker", "Text", "State", "Length", "Take")


class BlockTableModel(QAbstractTableModel):
    """`moveRequested(block_id, new_index)` when a row is dropped somewhere else."""

    moveRequested = Signal(int, int)
    textEdited = Signal(int, str)  # block id, new text (the Text column is editable)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[PlanItem] = []
        self._rows: list[tuple] = []
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

    def set_items(self, items: list[PlanItem]) -> None:
        self.beginResetModel()
        self.items = items
        self._rows = [self._row(i) for i in items]
        self.endResetModel()

    def replace_items(self, items: list[PlanItem]) -> None:
        """Swap in fresh items for blocks already shown (same block ids), repainting only their rows."""
        rows = {item.block.id: row for row, item in enumerate(self.items)}
        for item in items:
            row = rows.get(item.block.id)
            if row is None:
                continue
            self.items[row] = item
            self._rows[row] = self._row(item)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _row(self, item: PlanItem) -> tuple:
        take = item.take or item.chosen
        block = item.block
        number = (
            str(block.position + 1)
            if block.cue_index is None
            else f"{block.position + 1} ({block.cue_index})"
        )
        state = self._states[item.state] if not item.error else self.tr("no voice")
        speaker = block.speaker or "—"
        if item.voice is not None and (block.voice_uid or block.voice_file):
            speaker = f"{speaker} → {item.voice.label}"
        return (
            number,
            speaker,
            block.text,
            state,
            f"{take.duration_s:.2f} s" if take else "",
            f"#{take.id}" if take else "",
        )

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
                return item.error or (value if index.column() == 2 else None)
            return value
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
