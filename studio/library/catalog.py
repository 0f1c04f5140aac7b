"""The SQLite catalog: opening it safely, transactions, and a rolling backup.

Decision on damaged catalogs: opening raises CatalogCorruptError naming the file, saying the
audio files are untouched and how to restore the backup. The library never tries to "repair" or
recreate a damaged catalog by itself, because that could make the user's takes look deleted.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from studio.library.atomic import fsync_dir, temp_path_for
from studio.library.errors import CatalogCorruptError, LibraryError
from studio.library.schema import APPLICATION_ID, MIGRATIONS, Migration, migrate

CATALOG_NAME = "catalog.sqlite"
BACKUP_SUFFIX = ".bak"
BACKUP_MAX_AGE_S = 24 * 3600
_SQLITE_MAGIC = b"SQLite format 3\x00"


class Catalog:
    """One connection, shared across threads under a lock (the window and its workers)."""

    def __init__(
        self, path: Path, *, durable: bool = True, migrations: Sequence[Migration] = MIGRATIONS
    ) -> None:
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + BACKUP_SUFFIX)
        self.lock = threading.RLock()
        self._depth = 0
        self._check_header()
        try:
            self.conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=10.0
            )
        except sqlite3.Error as err:
            raise LibraryError(f"The catalog {self.path} cannot be opened ({err}).") from None
        try:
            self._configure(durable)
            self._check_health()
            self.schema_versions = migrate(self.conn, migrations)
        except sqlite3.DatabaseError as err:
            self.conn.close()
            raise self._classify(err) from None
        except BaseException:
            self.conn.close()
            raise

    # -- opening -------------------------------------------------------------------------------

    def _check_header(self) -> None:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        with open(self.path, "rb") as handle:
            if handle.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
                raise self._corrupt("it is not an SQLite database")

    def _configure(self, durable: bool) -> None:
        self.conn.execute("PRAGMA foreign_keys = ON")
        mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LibraryError(f"The catalog {self.path} cannot use write-ahead logging (got {mode}).")
        # FULL: a commit that returned is on disk. OFF only for throwaway benchmark libraries.
        self.conn.execute(f"PRAGMA synchronous = {'FULL' if durable else 'OFF'}")

    def _check_health(self) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        has_tables = self.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
        if has_tables and app_id not in (0, APPLICATION_ID):
            raise LibraryError(
                f"{self.path} is an SQLite file from another program, not a Voice Studio catalog; "
                "choose another library folder."
            )
        result = self.conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise sqlite3.DatabaseError(result)

    def _classify(self, err: sqlite3.DatabaseError) -> LibraryError:
        message = str(err)
        damaged = ("malformed", "not a database", "corrupt", "disk image")
        if not isinstance(err, sqlite3.OperationalError) or any(word in message for word in damaged):
            return self._corrupt(message)
        # Locked, read-only or permission problems: the file itself is fine.
        return LibraryError(f"The library catalog {self.path} cannot be used right now ({message}).")

    def _corrupt(self, reason: str) -> CatalogCorruptError:
        if self.backup_path.exists():
            hint = (
                f"restore the backup {self.backup_path.name} (close Voice Studio and copy it over "
                f"{self.path.name})"
            )
        else:
            hint = "restore it from your own backup, or move it aside to start an empty catalog"
        return CatalogCorruptError(
            f"The library catalog {self.path} is damaged ({reason}); your audio files are untouched: {hint}."
        )

    # -- use -----------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested uses join the outermost one (all or nothing)."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # also when COMMIT itself failed
                    self.conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    def query(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        with self.lock:
            cur = self.conn.execute(sql, params)
            cur.row_factory = sqlite3.Row
            return cur.fetchall()

    def query_one(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def maybe_backup(self, *, max_age_s: float = BACKUP_MAX_AGE_S) -> bool:
        """Refresh `catalog.sqlite.bak` from this (just verified) catalog if it is older than a day."""
        try:
            if self.backup_path.exists() and time.time() - self.backup_path.stat().st_mtime < max_age_s:
                return False
        except OSError:
            pass
        tmp = temp_path_for(self.backup_path)
        try:
            dest = sqlite3.connect(tmp)
            try:
                with self.lock:
                    self.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, self.backup_path)
            fsync_dir(self.backup_path.parent)
        except (OSError, sqlite3.Error):
            with contextlib.suppress(OSError):
                tmp.unlink()
            return False  # a missing backup is not worth failing the open for
        return True

    def close(self) -> None:
        with self.lock:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA optimize")
            self.conn.close()
