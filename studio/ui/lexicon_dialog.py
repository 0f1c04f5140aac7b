"""The pronunciation dictionary editor: word or phrase -> what to say, for all voices or one voice.

Entries are stored as CSV in the library folder (studio/library/lexicon_store.py) and applied by the
engine before normalization (studio/engine/frontend/text/lexicon.py: whole words in scripts with
spaces, exact substrings in Chinese and Japanese). A replacement is plain text, or pronunciation units
for Fun-CosyVoice 3 (`[j][ǐ]`, `[R][IY1][D]`). Import and export read and write the same CSV as
`voice-studio synth --lexicon`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from studio.library.errors import LibraryError
from studio.library.lexicon_store import lexicon_path, parse_rows, read_rows, to_csv, write_rows


class LexiconDialog(QDialog):
    def __init__(self, ctx, voice_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Pronunciation dictionary"))
        self.resize(640, 480)
        self._scope: int | None = None
        self._saved: list[tuple[str, str]] = []

        self.scope = QComboBox()
        self.scope.addItem(self.tr("All voices"), None)
        if voice_id is not None:
            try:
                name = ctx.library.get_voice(voice_id).name
            except LibraryError:
                name = str(voice_id)
            self.scope.addItem(self.tr("Only the voice {0}").format(name), voice_id)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Applies to")))
        top.addWidget(self.scope, 1)

        hint = QLabel(
            self.tr(
                "Each word or phrase is replaced before the text is normalized: whole words in "
                "languages with spaces, exact text in Chinese and Japanese. A lower-case term matches "
                "any case. Fun-CosyVoice 3 also takes pronunciation units such as [ch][óng] or [R][IY1][D]. "
                "A voice's entries win over the entries for all voices."
            )
        )
        hint.setWordWrap(True)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Word or phrase"), self.tr("Say instead")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_row)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_selected)
        import_button = QPushButton(self.tr("Import CSV…"))
        import_button.clicked.connect(self.import_csv)
        export_button = QPushButton(self.tr("Export CSV…"))
        export_button.clicked.connect(self.export_csv)
        save = QPushButton(self.tr("Save"))
        save.setDefault(True)
        save.clicked.connect(self.save_and_close)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        for b in (add, remove, import_button, export_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(save)
        row.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._load(None)

    # -- rows --------------------------------------------------------------------------------------

    def rows(self) -> list[tuple[str, str]]:
        """The table's entries; raises ValueError naming a row with only one side filled in."""
        out = []
        for r in range(self.table.rowCount()):
            term = (self.table.item(r, 0).text() if self.table.item(r, 0) else "").strip()
            said = (self.table.item(r, 1).text() if self.table.item(r, 1) else "").strip()
            if not term and not said:
                continue
            if not term or not said:
                raise ValueError(self.tr("Row {0} needs both a word and what to say instead.").format(r + 1))
            out.append((term, said))
        return out

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.table.setRowCount(len(rows))
        for r, (term, said) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(term))
            self.table.setItem(r, 1, QTableWidgetItem(said))

    def add_row(self) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(""))
        self.table.setItem(r, 1, QTableWidgetItem(""))
        self.table.setCurrentCell(r, 0)
        self.table.editItem(self.table.item(r, 0))

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)

    # -- storage -------------------------------------------------------------------------------------

    def _load(self, voice_id: int | None) -> None:
        self._scope = voice_id
        try:
            self._saved = read_rows(lexicon_path(self.ctx.library.root, voice_id))
        except LibraryError as err:
            self._saved = []
            self.ctx.error(str(err))
        self.set_rows(self._saved)

    def save(self) -> bool:
        try:
            rows = self.rows()
            if rows != self._saved:
                write_rows(lexicon_path(self.ctx.library.root, self._scope), rows)
                self._saved = rows
        except (ValueError, LibraryError) as err:
            QMessageBox.warning(self, self.windowTitle(), str(err))
            return False
        return True

    def _scope_changed(self) -> None:
        if not self.save():  # keep what was typed; go back to the scope it belongs to
            self.scope.blockSignals(True)
            self.scope.setCurrentIndex(self.scope.findData(self._scope))
            self.scope.blockSignals(False)
            return
        self._load(self.scope.currentData())

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def import_csv(self) -> None:
        from studio.ui.file_dialogs import open_file

        path = open_file(self, self.ctx.settings, self.tr("Import dictionary"), self.tr("CSV files (*.csv)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> bool:
        """Add the file's entries to the table (an entry for a term already there replaces it)."""
        try:
            data = Path(path).read_bytes().decode("utf-8")
            imported = parse_rows(data, Path(path).name)
            current = dict(self.rows())
        except UnicodeDecodeError:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("{0} is not UTF-8 text.").format(Path(path).name)
            )
            return False
        except (OSError, LibraryError, ValueError) as err:
            QMessageBox.warning(self, self.windowTitle(), str(err))
            return False
        current.update(imported)
        self.set_rows(list(current.items()))
        self.ctx.info(self.tr("Imported {0} entries from {1}.").format(len(imported), Path(path).name))
        return True

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export dictionary"), "pronunciations.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_file(path)

    def export_file(self, path: str | Path) -> bool:
        try:
            Path(path).write_text(to_csv(self.rows()), encoding="utf-8")
        except (OSError, ValueError) as err:
            QMessageBox.warning(self, self.windowTitle(), str(err))
            return False
        return True
