"""The catalog: WAL, foreign keys, versioned migrations, damaged files reported, never 'repaired'."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studio.library import CatalogCorruptError, Library, LibraryError
from studio.library.catalog import Catalog
from studio.library.schema import MIGRATIONS, Migration, current_version, migrate
from tests.library.helpers import tone


def test_a_new_library_has_a_wal_catalog_with_foreign_keys_at_the_latest_schema(lib):
    conn = lib._db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert current_version(conn) == len(MIGRATIONS)
    rows = conn.execute("SELECT version, description FROM schema_version").fetchall()
    assert rows == [(m.version, m.description) for m in MIGRATIONS]


def test_foreign_keys_are_enforced(lib):
    with pytest.raises(sqlite3.IntegrityError), lib.transaction():
        lib._db.conn.execute(
            "INSERT INTO clips (uid, voice_id, audio_file, source, sample_rate, channels, frames, created_at)"
            " VALUES ('x', 999, 'a.flac', 'recorded', 1, 1, 1, 'now')"
        )


def test_reopening_does_not_rerun_migrations(tmp_path):
    Library.open(tmp_path / "lib").close()
    with Library.open(tmp_path / "lib") as lib:
        assert lib._db.schema_versions == (len(MIGRATIONS), len(MIGRATIONS))


def _fake_migrations(log: list[int], fail_at: int | None = None) -> list[Migration]:
    def step(n: int):
        def apply(conn: sqlite3.Connection) -> None:
            conn.execute(f"CREATE TABLE t{n} (x)")
            if n == fail_at:
                raise RuntimeError("boom")
            log.append(n)

        return apply

    return [Migration(n, f"step {n}", step(n)) for n in (1, 2, 3)]


def test_the_migration_runner_applies_pending_steps_in_order(tmp_path):
    conn = sqlite3.connect(tmp_path / "c.sqlite", isolation_level=None)
    log: list[int] = []
    assert migrate(conn, _fake_migrations(log)[:2]) == (0, 2)
    assert migrate(conn, _fake_migrations(log)) == (2, 3)
    assert log == [1, 2, 3]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3


def test_a_failing_migration_leaves_the_catalog_at_the_previous_version(tmp_path):
    conn = sqlite3.connect(tmp_path / "c.sqlite", isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(conn, _fake_migrations([], fail_at=2))
    assert current_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "t1" in tables and "t2" not in tables  # the failed step's DDL was rolled back too


def test_migrations_must_be_numbered_without_gaps(tmp_path):
    conn = sqlite3.connect(tmp_path / "c.sqlite", isolation_level=None)
    with pytest.raises(ValueError):
        migrate(conn, [Migration(2, "two", lambda c: None)])


def test_a_catalog_from_a_newer_version_is_refused_with_advice(tmp_path):
    Library.open(tmp_path / "lib").close()
    conn = sqlite3.connect(tmp_path / "lib" / "catalog.sqlite")
    conn.execute("INSERT INTO schema_version VALUES (99, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="newer Voice Studio"):
        Library.open(tmp_path / "lib")


def test_garbage_in_the_catalog_raises_a_clear_error_and_keeps_the_audio(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        voice = lib.add_voice("Ann")
        clip = lib.add_clip(voice.id, tone(), 24000)
    catalog = tmp_path / "lib" / "catalog.sqlite"
    catalog.write_bytes(b"\x00garbage" * 5000)
    with pytest.raises(CatalogCorruptError) as err:
        Library.open(tmp_path / "lib")
    message = str(err.value)
    assert str(catalog) in message
    assert "audio files are untouched" in message
    assert "restore" in message
    assert clip.path.exists()
    assert catalog.read_bytes().startswith(b"\x00garbage")  # not replaced or "repaired"


def test_a_damaged_page_inside_the_catalog_is_reported_as_corrupt(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        voice = lib.add_voice("Ann")
        for i in range(200):
            lib.update_voice(voice.id, notes="x" * 2000 + str(i))
    catalog = tmp_path / "lib" / "catalog.sqlite"
    data = bytearray(catalog.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    for offset in range(page, len(data), page):  # keep the header page, smash every other page
        data[offset : offset + 64] = b"\xff" * 64
    catalog.write_bytes(bytes(data))
    with pytest.raises(CatalogCorruptError, match="damaged"):
        Library.open(tmp_path / "lib")


def test_the_corrupt_catalog_message_points_at_the_backup_when_there_is_one(tmp_path):
    Library.open(tmp_path / "lib").close()
    backup = tmp_path / "lib" / "catalog.sqlite.bak"
    assert backup.exists(), "a verified catalog is backed up on open"
    (tmp_path / "lib" / "catalog.sqlite").write_bytes(b"not a database at all" * 100)
    with pytest.raises(CatalogCorruptError, match=r"catalog\.sqlite\.bak"):
        Library.open(tmp_path / "lib")
    # The advice works: copying the backup over the catalog opens the library again.
    (tmp_path / "lib" / "catalog.sqlite").write_bytes(backup.read_bytes())
    Library.open(tmp_path / "lib").close()


def test_an_sqlite_file_from_another_program_is_refused(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    conn = sqlite3.connect(folder / "catalog.sqlite")
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE other (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="another program"):
        Library.open(folder)


def test_nested_transactions_are_all_or_nothing(lib):
    with pytest.raises(RuntimeError), lib.transaction():
        lib.add_voice("One")
        lib.add_voice("Two")
        raise RuntimeError("abort")
    assert lib.list_voices() == []


def test_catalog_can_be_used_directly_for_a_fresh_file(tmp_path: Path):
    db = Catalog(tmp_path / "x.sqlite")
    assert db.query_one("SELECT COUNT(*) AS n FROM voices")["n"] == 0
    db.close()
