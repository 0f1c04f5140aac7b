"""Strings of Qt's own dialogs that Qt's Simplified Chinese catalogue (qtbase_zh_CN.qm) lacks.

Qt 6 renamed two labels of its file dialog ("Look in:" became "&Look in:", "Files of type:" became
"Files of &type:") and its zh_CN catalogue still has only the old texts, so those labels stayed
English in the Chinese UI. They are listed here under Qt's own context, so lupdate puts them in the
studio's catalogue; Qt asks every installed translator, and the studio's answers where Qt's has
nothing (tests/ui/test_first_user.py checks the labels the dialog shows).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
