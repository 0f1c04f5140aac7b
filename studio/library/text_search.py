"""Substring search over take texts: an FTS5 trigram index when SQLite has one, else LIKE.

The index is an ordinary FTS5 table kept in step by the library's own code (not by triggers),
so a catalog stays writable even if it is later opened by an SQLite built without FTS5. When
that happens the index is marked stale and rebuilt the next time FTS5 is available.
Trigram matching needs at least three characters; shorter queries use LIKE.
"""

from __future__ import annotations

import functools
import sqlite3

from studio.library.catalog import Catalog

FTS_TABLE = "takes_fts"
_STALE_KEY = "takes_fts_stale"


@functools.cache
def fts5_trigram_available() -> bool:
    try:
        conn = sqlite3.connect(":memory:")
        try:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5(text, tokenize = 'trigram')")
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class TextSearch:
    def __init__(self, db: Catalog, *, use_fts: bool = True) -> None:
        self._db = db
        self.enabled = use_fts and fts5_trigram_available()
        with db.lock:
            self._table_exists = bool(
                db.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone()
            )
        if self.enabled:
            self._ensure_index()

    def _ensure_index(self) -> None:
        with self._db.transaction() as conn:
            stale = conn.execute("SELECT value FROM meta WHERE key = ?", (_STALE_KEY,)).fetchone()
            if not self._table_exists:
                conn.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(text, tokenize = 'trigram')")
                self._table_exists = True
                stale = ("1",)
            if stale and stale[0] == "1":
                conn.execute(f"DELETE FROM {FTS_TABLE}")
                conn.execute(f"INSERT INTO {FTS_TABLE} (rowid, text) SELECT id, text FROM takes")
                conn.execute("DELETE FROM meta WHERE key = ?", (_STALE_KEY,))

    def added(self, conn: sqlite3.Connection, take_id: int, text: str) -> None:
        """Call inside the transaction that inserted the take."""
        if self.enabled:
            conn.execute(f"INSERT INTO {FTS_TABLE} (rowid, text) VALUES (?, ?)", (take_id, text))
        elif self._table_exists:
            self._mark_stale(conn)

    def removed(self, conn: sqlite3.Connection, take_id: int) -> None:
        if self.enabled:
            conn.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", (take_id,))
        elif self._table_exists:
            self._mark_stale(conn)

    def _mark_stale(self, conn: sqlite3.Connection) -> None:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (_STALE_KEY,))

    def clause(self, text: str, column: str = "t") -> tuple[str, list[object]]:
        """An SQL condition on takes aliased `column` matching `text` as a substring, any case."""
        if self.enabled and len(text) >= 3:
            phrase = '"' + text.replace('"', '""') + '"'
            return f"{column}.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)", [phrase]
        return f"{column}.text LIKE ? ESCAPE '\\'", [f"%{like_escape(text)}%"]
