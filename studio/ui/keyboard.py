"""Buttons work from the keyboard in the main window as they do in a dialog.

Two things stop them by default:

- Space is the window's play/pause shortcut, and a window shortcut wins over a focused button
  (Qt delivers a ShortcutOverride first; a button does not claim Space there, a text field does).
- Outside a QDialog a QPushButton ignores Return/Enter unless it is "auto default".

`ButtonKeys(window)` is an application event filter owned by the window: for a focused, enabled
button inside that window it claims Space (so Qt's own Space handling presses it: buttons click,
check boxes toggle) and presses it on Return/Enter; in a list whose current row is not selected yet
(reached by Tab) Space selects that row; in a number field (Seed, Speed) Space is kept there, where it
does nothing, and in a combo box it opens the list, instead of starting playback. Anywhere else Space still plays and pauses.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPushButton,
    QToolButton,
)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ButtonKeys(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        QApplication.instance().installEventFilter(self)

    def _our_button(self, obj) -> QAbstractButton | None:
        if not isinstance(obj, QAbstractButton) or not obj.isEnabled() or not obj.hasFocus():
            return None
        return obj if obj.window() is self.window else None

    def _input_field(self, obj) -> bool:
        """A focused spin box (Seed, Speed, …) or combo box (Space opens its list) of the window, or
        the line edit inside one."""
        field = obj.parent() if isinstance(obj, QLineEdit) else obj
        return (
            isinstance(field, QAbstractSpinBox | QComboBox)
            and field.hasFocus()
            and field.window() is self.window
        )

    def _unchosen_row(self, obj) -> bool:
        """A list whose current row was made current by Tab but not selected (see VoiceList)."""
        if not isinstance(obj, QAbstractItemView) or not obj.hasFocus() or obj.window() is not self.window:
            return False
        current = obj.currentIndex()
        return current.isValid() and not obj.selectionModel().isSelected(current)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if (
            kind == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_Space
            and self._unchosen_row(obj)
        ):
            event.accept()  # Space selects that row (Qt's own list handling) instead of playing
            return False
        if (
            kind == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_Space
            and self._input_field(obj)
        ):
            event.accept()  # Space stays in the field (a number field ignores it; a combo opens), no playback
            return False
        button = self._our_button(obj)
        if button is None or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        key = event.key()
        if kind == QEvent.Type.ShortcutOverride and key in (Qt.Key.Key_Space, *_ENTER):
            event.accept()  # the key goes to the button, not to a window shortcut
            return False
        if kind == QEvent.Type.KeyPress and key in _ENTER and isinstance(button, QPushButton | QToolButton):
            button.animateClick()
            return True
        return False
