"""Delete with undo: deleted voices and takes are hidden at once and really deleted later.

The library deletes files for good, so the window does not call it when the user presses
Delete: it hides the item and keeps it on an undo stack (Ctrl+Z brings it back). The deletions
are carried out when the window closes, or when an entry falls off the bottom of the stack
(`LIMIT` entries). A crash before then only means the item is still there next time.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from studio.library import Library, LibraryError, NotFoundError

LIMIT = 50


@dataclass(frozen=True)
class Deletion:
    kind: str  # "voice" or "take"
    id: int
    label: str
    takes: tuple[int, ...] = ()  # a voice's takes, deleted (or kept) with it as one undoable step
    keep_takes: bool = False  # True: the takes stay, no longer naming the voice (Library.detach_takes)


class PendingDeletions(QObject):
    changed = Signal()
    failed = Signal(str)

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self._stack: list[Deletion] = []

    def delete(
        self, kind: str, item_id: int, label: str, takes: tuple[int, ...] = (), keep_takes: bool = False
    ) -> Deletion:
        """Hide `kind` `item_id` now (undoable); a voice's `takes` go with it unless `keep_takes`."""
        entry = Deletion(kind, int(item_id), label, tuple(int(t) for t in takes), bool(keep_takes))
        self._stack.append(entry)
        while len(self._stack) > LIMIT:
            self._commit(self._stack.pop(0))
        self.changed.emit()
        return entry

    def undo(self) -> Deletion | None:
        if not self._stack:
            return None
        entry = self._stack.pop()
        self.changed.emit()
        return entry

    def hidden(self, kind: str) -> set[int]:
        ids = {d.id for d in self._stack if d.kind == kind}
        if kind == "take":  # the takes of a voice deleted with its takes
            ids.update(t for d in self._stack if d.kind == "voice" and not d.keep_takes for t in d.takes)
        return ids

    def is_hidden(self, kind: str, item_id: int) -> bool:
        return item_id in self.hidden(kind)

    def __len__(self) -> int:
        return len(self._stack)

    def last(self) -> Deletion | None:
        return self._stack[-1] if self._stack else None

    def commit_all(self) -> list[str]:
        """Carry out every pending deletion (takes first, so their voices can go); returns errors."""
        errors = []
        for entry in sorted(self._stack, key=lambda d: d.kind != "take"):
            message = self._commit(entry)
            if message:
                errors.append(message)
        self._stack = []
        self.changed.emit()
        return errors

    def _commit(self, entry: Deletion) -> str:
        try:
            if entry.kind == "take":
                self.library.delete_take(entry.id)
            else:
                if entry.keep_takes:
                    self.library.detach_takes(entry.id)
                else:
                    for take_id in entry.takes:
                        with contextlib.suppress(NotFoundError):
                            self.library.delete_take(take_id)
                self.library.delete_voice(entry.id)
        except LibraryError as err:  # e.g. a voice whose take was restored: keep it
            self.failed.emit(str(err))
            return str(err)
        return ""
