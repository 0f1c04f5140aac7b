"""See before you synthesize: the script's segments exactly as the engine will speak them, editable.

The preview asks the engine (on its worker thread) for `Engine.spoken_segments`, the same call
`voice-studio normalize` prints, with the script's mode, the language chosen here (kept in the
settings; "Detect" lets the engine decide) and the pronunciation dictionary of the library (global,
then the selected voice's). Each segment can be edited; "Speak these segments" makes a take from the
segments as shown, and the take's provenance records that they were edited (timings.text_frontend).
Warnings (parts spoken as written) from takes reach the message bar through `install`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from studio.library.errors import LibraryError
from studio.library.lexicon_store import effective_rows

LANGUAGES = ("zh", "en", "ja", "ko", "yue", "de", "es", "fr", "it", "ru")
SETTING = "text/language"
_PROMPT_PREFIX = "You are a helpful assistant.<|endofprompt|>"


def script_language(ctx) -> str | None:
    """The script language chosen in the preview (None: the engine detects it)."""
    code = ctx.settings.get(SETTING)
    return code if code in LANGUAGES else None


def lexicon_for(ctx, voice_id: int | None):
    """The engine Lexicon for a take in `voice_id` (global entries, then the voice's), or None."""
    from studio.engine.frontend.text import Lexicon

    rows = effective_rows(ctx.library.root, voice_id)
    return Lexicon(rows) if rows else None


def apply_text_options(ctx, request) -> None:
    """Give a take the script language and the dictionary, and record both in its provenance."""
    if request.mode == "vc":
        return
    language = script_language(ctx)
    try:
        lexicon = lexicon_for(ctx, request.voice_id)
    except LibraryError as err:
        ctx.warn(str(err))
        lexicon = None
    except Exception as err:  # a bad entry: the take goes on without the dictionary, and says so
        ctx.warn(str(err))
        lexicon = None
    request.extra.setdefault("language", language)
    request.extra.setdefault("lexicon", lexicon)
    request.extra["text_frontend"] = {
        "language": language or "detect",
        "lexicon_entries": len(lexicon) if lexicon else 0,
        "edited_segments": request.extra.get("segments") is not None,
    }
    if request.extra.get("segments") is not None:
        request.extra["text_frontend"]["segments"] = list(request.extra["segments"])


class TextPreview(QDialog):
    """A non-modal window beside the studio: the current script as segments, live while it is open."""

    speakRequested = Signal(list)

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.ctx = window.ctx
        self.setWindowTitle(self.tr("What will be spoken"))
        self.resize(720, 460)
        self._job = None
        self._source: tuple | None = None  # (text, mode, language, voice) the table shows
        self._original: list[str] = []

        self.language = QComboBox()
        for code, name in self.language_names().items():
            self.language.addItem(name, code)
        current = script_language(self.ctx) or ""
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.setToolTip(
            self.tr(
                "The language of the script: decides how numbers are read in Latin-script text and whether Han characters are Chinese, Cantonese or Japanese"
            )
        )
        self.language.currentIndexChanged.connect(self._language_changed)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.dictionary_button = QPushButton(self.tr("Pronunciation dictionary…"))
        self.dictionary_button.clicked.connect(self.open_dictionary)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language")))
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.dictionary_button)
        top.addWidget(self.refresh_button)

        self.table = QTableWidget(0, 1)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Segment, as it will be spoken (double-click to edit)")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._item_changed)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #9a6700;")
        self.warnings.hide()

        self.revert_button = QPushButton(self.tr("Undo edits"))
        self.revert_button.clicked.connect(self._revert)
        self.speak_button = QPushButton(self.tr("Speak these segments"))
        self.speak_button.setDefault(True)
        self.speak_button.clicked.connect(self._speak)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.speak_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(500)
        self._debounce.timeout.connect(self.refresh)
        window.script.editor.textChanged.connect(self._script_changed)
        window.script.modeChanged.connect(self._script_changed)
        self._update_buttons()

    def language_names(self) -> dict[str, str]:
        return {
            "": self.tr("Detect"),
            "zh": self.tr("Chinese"),
            "en": self.tr("English"),
            "ja": self.tr("Japanese"),
            "ko": self.tr("Korean"),
            "yue": self.tr("Cantonese"),
            "de": self.tr("German"),
            "es": self.tr("Spanish"),
            "fr": self.tr("French"),
            "it": self.tr("Italian"),
            "ru": self.tr("Russian"),
        }

    # -- state -------------------------------------------------------------------------------------

    def segments(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def edited(self) -> bool:
        return self.segments() != self._original

    def _update_buttons(self) -> None:
        has = self.table.rowCount() > 0
        self.speak_button.setEnabled(has)
        self.revert_button.setEnabled(has and self.edited())

    def _language_changed(self) -> None:
        code = self.language.currentData() or ""
        self.ctx.settings.set(SETTING, code)
        self.refresh()

    def _script_changed(self, *args) -> None:
        if self.isVisible() and not self.edited():
            self._debounce.start()
        elif self.isVisible():
            self.status.setText(
                self.tr("The script changed; Refresh shows it again (your edits here are replaced).")
            )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    # -- asking the engine ---------------------------------------------------------------------------

    def refresh(self) -> None:
        bridge = self.ctx.bridge
        script = self.window_.script
        text = script.text.strip()
        mode = script.mode
        if mode == "vc":
            self._show([], [], self.tr("Convert mode speaks a recorded clip; there is no text to preview."))
            return
        if bridge.loaded is None:
            self._show([], [], self.tr("Load a model first: the preview uses its tokenizer and normalizer."))
            return
        if not text:
            self._show([], [], self.tr("Type the script to see how it will be spoken."))
            return
        voice_id = self.window_.voice_list.selected_id()
        try:
            lexicon = lexicon_for(self.ctx, voice_id)
        except Exception as err:
            self._show([], [], str(err))
            return
        language = self.language.currentData() or None
        source = (text, mode, language, voice_id)

        def ask(engine, text=text, mode=mode, language=language, lexicon=lexicon):
            segments, warnings = engine.spoken_segments(text, mode, language, lexicon)
            return segments, [w.message for w in warnings]

        self.status.setText(self.tr("Normalizing…"))
        job = bridge.call(ask, label="preview")
        self._job = job
        job.done.connect(lambda result, job=job: self._answered(job, source, result))
        job.failed.connect(lambda failure, job=job: self._failed(job, failure))

    def _answered(self, job, source, result) -> None:
        if job is not self._job:
            return  # an older question
        segments, warnings = result
        segments = [s[len(_PROMPT_PREFIX) :] if s.startswith(_PROMPT_PREFIX) else s for s in segments]
        self._source = source
        self._show(segments, warnings, self.tr("%n segment(s)", "", len(segments)))

    def _failed(self, job, failure) -> None:
        if job is self._job:
            self._show([], [], failure.message)

    def _show(self, segments: list[str], warnings: list[str], status: str) -> None:
        self._original = list(segments)
        self.table.blockSignals(True)
        self.table.setRowCount(len(segments))
        for row, segment in enumerate(segments):
            self.table.setItem(row, 0, QTableWidgetItem(segment))
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self.status.setText(status)
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        self._update_buttons()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        changed = row >= len(self._original) or item.text() != self._original[row]
        item.setBackground(QColor(255, 244, 200) if changed else QColor(0, 0, 0, 0))
        if changed:
            item.setForeground(QColor(20, 20, 20))
        self._update_buttons()

    def _revert(self) -> None:
        self._show(self._original, [], self.status.text())

    def _speak(self) -> None:
        segments = [s for s in self.segments() if s.strip()]
        if not segments:
            self.ctx.error(self.tr("There is nothing to speak: every segment is empty."))
            return
        self.speakRequested.emit(segments)

    def open_dictionary(self) -> None:
        from studio.ui.lexicon_dialog import LexiconDialog

        dialog = LexiconDialog(self.ctx, self.window_.voice_list.selected_id(), self)
        dialog.exec()
        self.refresh()


def install(window, menu) -> None:
    """Add the preview and the dictionary to `menu`, route take warnings to the message bar."""
    window.text_preview = None

    def preview() -> None:
        if window.text_preview is None:
            window.text_preview = TextPreview(window)
            window.text_preview.speakRequested.connect(lambda segments: speak_segments(window, segments))
        window.text_preview.show()
        window.text_preview.raise_()
        window.text_preview.activateWindow()

    def dictionary() -> None:
        from studio.ui.lexicon_dialog import LexiconDialog

        LexiconDialog(window.ctx, window.voice_list.selected_id(), window).exec()

    action = QAction(QCoreApplication.translate("TextPreview", "Preview what will be spoken…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+P"))
    action.triggered.connect(preview)
    menu.addAction(action)
    window.preview_action = action
    lexicon_action = QAction(QCoreApplication.translate("TextPreview", "Pronunciation dictionary…"), window)
    lexicon_action.triggered.connect(dictionary)
    menu.addAction(lexicon_action)
    window.ctx.bridge.textWarning.connect(lambda warning: window.ctx.warn(warning.message))


def speak_segments(window, segments: list[str]) -> None:
    """A take from the preview's segments, spoken as given (edits and all)."""
    request = window.current_request()
    if request is None:
        return
    if request.seed is None:  # "random" stays random: a seed for this take only, not pushed into the box
        from studio.ui.script_panel import random_seed

        request.seed = random_seed()
    request.extra["segments"] = list(segments)
    window.submit(request)
