"""Help → Keyboard shortcuts: every menu command that has a key, read from the menus themselves
(so the page cannot drift from what the keys do), plus the window's own keys."""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenuBar, QVBoxLayout


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu action with a shortcut, in menu order.

    Keys are in the platform's native text ("Ctrl+E"); an action whose text carries the key after
    a tab ("Play / pause\\tSpace", a window shortcut shown in the menu) is listed with that key.
    """
    rows = []
    for top in bar.actions():
        menu = top.menu()
        if menu is None:
            continue
        menu_name = top.text().replace("&", "")
        stack = [(menu_name, menu)]
        while stack:
            name, current = stack.pop(0)
            for action in current.actions():
                if action.menu() is not None:
                    stack.append((f"{name} › {action.menu().title().replace('&', '')}", action.menu()))
                    continue
                text, _, shown = action.text().partition("\t")
                # dict.fromkeys: Return and Enter are two keys with one name in some languages
                # (Chinese: 回车), and a shortcut bound to both must not read "Ctrl+回车, Ctrl+回车"
                keys = ", ".join(
                    dict.fromkeys(
                        k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                    )
                )
                keys = keys or shown
                if keys:
                    rows.append((name, text.replace("&", ""), keys))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, extra: list[tuple[str, str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = menu_shortcuts(bar) + list(extra)
        cells = "".join(
            f"<tr><td>{html.escape(menu)}</td><td>{html.escape(command)}</td>"
            f"<td><b>{html.escape(keys)}</b></td></tr>"
            for menu, command, keys in self.rows
        )
        heads = "".join(
            f"<th align='left'>{html.escape(h)}</th>"
            for h in (self.tr("Menu"), self.tr("Command"), self.tr("Keys"))
        )
        table = QLabel(f"<table cellspacing='0' cellpadding='4'><tr>{heads}</tr>{cells}</table>")
        table.setTextFormat(table.textFormat().RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
