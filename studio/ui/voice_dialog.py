"""The "Save as voice" dialog: name, language, dialect, consent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from studio import library as lib_mod
from studio.ui import presets


@dataclass(frozen=True)
class VoiceDetails:
    name: str
    speaker_name: str = ""
    language: str = ""
    dialect: str = ""
    consent: lib_mod.Consent | None = None
    tags: tuple[str, ...] = ()


class VoiceDialog(QDialog):
    def __init__(self, default_name: str = "", language: str = "en", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as voice"))
        self.name = QLineEdit(default_name)
        self.name.setPlaceholderText(self.tr("How the voice is listed"))
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText(self.tr("Who is speaking (optional)"))
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.addItem("", "")
        for value, label in presets.languages(language):
            self.language.addItem(label, value)
        self.dialect = QComboBox()
        self.dialect.setEditable(True)
        self.dialect.addItem("", "")
        for value, label in presets.dialects(language):
            self.dialect.addItem(label, value)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. narration, warm"))

        self.consent_box = QGroupBox(self.tr("Consent of the speaker"))
        self.consent_box.setCheckable(True)
        self.consent_box.setChecked(False)
        self.given_by = QLineEdit()
        self.given_at = QDateEdit(QDate.currentDate())
        self.given_at.setCalendarPopup(True)
        self.given_at.setDisplayFormat(locale_date_format())
        self.use = QLineEdit()
        self.use.setPlaceholderText(self.tr("e.g. narration of my own videos"))
        self.note = QLineEdit()
        consent_form = QFormLayout(self.consent_box)
        consent_form.addRow(self.tr("Given by"), self.given_by)
        consent_form.addRow(self.tr("Date"), self.given_at)
        consent_form.addRow(self.tr("For what use"), self.use)
        consent_form.addRow(self.tr("Note"), self.note)
        self.no_consent = QLabel(
            self.tr("Without consent the voice is marked NO CONSENT RECORDED in lists and exports.")
        )
        self.no_consent.setWordWrap(True)
        self.consent_box.toggled.connect(lambda on: self.no_consent.setVisible(not on))
        self.own_voice = QCheckBox(self.tr("This is my own voice"))
        self.own_voice.toggled.connect(self._own_voice)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Speaker"), self.speaker)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Dialect or region"), self.dialect)
        form.addRow(self.tr("Tags"), self.tags)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.own_voice)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.no_consent)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _own_voice(self, on: bool) -> None:
        if on:
            self.consent_box.setChecked(True)
            if not self.given_by.text().strip():
                self.given_by.setText(self.speaker.text().strip() or self.tr("myself"))
            if not self.use.text().strip():
                self.use.setText(self.tr("my own projects"))

    @staticmethod
    def _combo_value(combo: QComboBox) -> str:
        text = combo.currentText().strip()
        index = combo.findText(text)
        return str(combo.itemData(index)) if index >= 0 and combo.itemData(index) else text

    def details(self) -> VoiceDetails:
        """The entered details; raises LibraryError with a sentence if consent is half filled."""
        consent = None
        if self.consent_box.isChecked():
            consent = lib_mod.Consent(
                given_by=self.given_by.text().strip(),
                given_at=date.fromisoformat(self.given_at.date().toString("yyyy-MM-dd")),
                use=self.use.text().strip(),
                note=self.note.text().strip(),
            )
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        return VoiceDetails(
            name=self.name.text().strip(),
            speaker_name=self.speaker.text().strip(),
            language=self._combo_value(self.language),
            dialect=self._combo_value(self.dialect),
            consent=consent,
            tags=tags,
        )

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Give the voice a name."))
            self.error.show()
            return
        try:
            self.details()
        except lib_mod.LibraryError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        super().accept()


def locale_date_format() -> str:
    """The user's locale's short date format with a four-digit year (ISO 8601 for the C locale,
    whose own format reads like "30 11 2026")."""
    locale = QLocale()
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return "yyyy-MM-dd"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt
