"""The catalog schema, as numbered migrations applied in order by a generic runner.

To change the schema, append a Migration with the next version number; never edit one that has
shipped. Each migration runs in its own transaction together with the row recording it, so a
crash mid-migration leaves the catalog at the previous version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from studio.library.errors import LibraryError
from studio.library.timeutil import now_utc, to_db

# PRAGMA application_id marks the file as a Voice Studio catalog ("VSlb").
APPLICATION_ID = 0x56536C62


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


def _statements(sql: str) -> Callable[[sqlite3.Connection], None]:
    """A migration made of plain SQL statements separated by ';' (no triggers with inner ';')."""

    def apply(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return apply


INITIAL_SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE voices (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    speaker_name TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    dialect TEXT NOT NULL DEFAULT '',
    gender TEXT,
    age_band TEXT,
    consent_given_by TEXT,
    consent_given_at TEXT,
    consent_use TEXT,
    consent_note TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX voices_by_language ON voices(language COLLATE NOCASE);
CREATE INDEX voices_by_dialect ON voices(dialect COLLATE NOCASE);
CREATE TABLE voice_tags (
    voice_id INTEGER NOT NULL REFERENCES voices(id) ON DELETE CASCADE,
    tag TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (voice_id, tag)
) WITHOUT ROWID;
CREATE INDEX voice_tags_by_tag ON voice_tags(tag, voice_id);
CREATE TABLE clips (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    voice_id INTEGER REFERENCES voices(id) ON DELETE RESTRICT,
    audio_file TEXT NOT NULL UNIQUE,
    transcript TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source IN ('recorded', 'imported')),
    source_name TEXT NOT NULL DEFAULT '',
    device TEXT NOT NULL DEFAULT '',
    sample_rate INTEGER NOT NULL,
    channels INTEGER NOT NULL,
    frames INTEGER NOT NULL,
    quality_json TEXT,
    trim_start REAL,
    trim_end REAL,
    created_at TEXT NOT NULL
);
CREATE INDEX clips_by_voice ON clips(voice_id, created_at);
CREATE TABLE prepared_prompts (
    voice_id INTEGER NOT NULL REFERENCES voices(id) ON DELETE RESTRICT,
    family TEXT NOT NULL,
    file TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (voice_id, family)
);
CREATE TABLE takes (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    voice_id INTEGER REFERENCES voices(id) ON DELETE RESTRICT,
    text TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT '',
    instruction TEXT NOT NULL DEFAULT '',
    seed INTEGER,
    speed REAL NOT NULL DEFAULT 1.0,
    model_family TEXT NOT NULL DEFAULT '',
    model_hash TEXT NOT NULL DEFAULT '',
    engine_version TEXT NOT NULL DEFAULT '',
    timings_json TEXT,
    audio_file TEXT NOT NULL UNIQUE,
    sample_rate INTEGER NOT NULL,
    channels INTEGER NOT NULL,
    frames INTEGER NOT NULL,
    favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX takes_by_created ON takes(created_at, id);
CREATE INDEX takes_by_voice ON takes(voice_id, favourite, created_at, id);
CREATE INDEX takes_by_favourite ON takes(favourite, created_at, id);
CREATE TABLE take_segments (
    take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    seed INTEGER,
    audio_file TEXT UNIQUE,
    start_frame INTEGER,
    end_frame INTEGER,
    PRIMARY KEY (take_id, idx),
    CHECK (audio_file IS NOT NULL OR (start_frame IS NOT NULL AND end_frame IS NOT NULL))
) WITHOUT ROWID
"""


# Where a take was made: "studio" (the window or the synth CLI), "api" (the local speech API), ...
TAKE_SOURCE_COLUMN = """
ALTER TABLE takes ADD COLUMN source TEXT NOT NULL DEFAULT 'studio';
CREATE INDEX takes_by_source ON takes(source, created_at, id)
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _statements(INITIAL_SCHEMA)),
    Migration(2, "takes.source: where a take was made (studio, api, ...)", _statements(TAKE_SOURCE_COLUMN)),
)
# Clips cut from long recordings by `voice-studio ingest` (studio/transcribe/): where each came from,
# its recognizers' texts and agreement, the review state and the archival metadata. One row per clip;
# deleting the clip deletes the row. Kept as its own constant so it can be renumbered when merged.
INGEST_SCHEMA = """
CREATE TABLE ingested_clips (
    clip_id INTEGER PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
    source_path TEXT NOT NULL,
    source_key TEXT NOT NULL,
    start_s REAL NOT NULL,
    end_s REAL NOT NULL,
    agreement REAL,
    needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1)),
    review TEXT NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'accepted', 'rejected')),
    recognitions_json TEXT,
    speaker TEXT NOT NULL DEFAULT '',
    dialect TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    consent TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (source_key, start_s)
);
CREATE INDEX ingested_by_review ON ingested_clips(review, needs_review, clip_id)
"""

MIGRATIONS = (*MIGRATIONS, Migration(len(MIGRATIONS) + 1, "ingested clips", _statements(INGEST_SCHEMA)))
# Projects (studio/project/): ordered blocks in chapters, the speaker -> voice map, and the rendered
# takes of each block keyed by their content fingerprint. Kept as its own constant so its number can
# move when other branches append migrations.
PROJECTS_SCHEMA = """
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL DEFAULT 'script' CHECK (kind IN ('script', 'subtitles')),
    source_name TEXT NOT NULL DEFAULT '',
    model_dir TEXT NOT NULL DEFAULT '',
    model_family TEXT NOT NULL DEFAULT '',
    model_hash TEXT NOT NULL DEFAULT '',
    settings_json TEXT,
    timeline_ms INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE project_speakers (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    speaker TEXT NOT NULL,
    voice_uid TEXT,
    voice_file TEXT,
    PRIMARY KEY (project_id, speaker)
) WITHOUT ROWID;
CREATE TABLE project_chapters (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_chapters_by_project ON project_chapters(project_id, position);
CREATE TABLE project_blocks (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    chapter_id INTEGER REFERENCES project_chapters(id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    voice_uid TEXT,
    voice_file TEXT,
    text TEXT NOT NULL,
    mode TEXT NOT NULL DEFAULT 'zero_shot',
    instruction TEXT NOT NULL DEFAULT '',
    speed REAL NOT NULL DEFAULT 1.0,
    seed INTEGER NOT NULL DEFAULT 0,
    pause_ms INTEGER NOT NULL DEFAULT 400,
    cue_index INTEGER,
    cue_start_ms INTEGER,
    cue_end_ms INTEGER,
    chosen_take_id INTEGER,
    updated_at TEXT NOT NULL
);
CREATE INDEX project_blocks_by_project ON project_blocks(project_id, position);
CREATE TABLE project_takes (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    block_id INTEGER REFERENCES project_blocks(id) ON DELETE SET NULL,
    fingerprint TEXT NOT NULL,
    audio_file TEXT NOT NULL UNIQUE,
    sample_rate INTEGER NOT NULL,
    frames INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    speed_used REAL NOT NULL DEFAULT 1.0,
    sentences_json TEXT,
    render_seconds REAL,
    created_at TEXT NOT NULL
);
CREATE INDEX project_takes_by_fingerprint ON project_takes(project_id, fingerprint, id);
CREATE INDEX project_takes_by_block ON project_takes(block_id, id)
"""
PROJECTS_MIGRATION_DESCRIPTION = "projects: blocks, chapters, speakers and block takes"

MIGRATIONS = (
    *MIGRATIONS,
    Migration(len(MIGRATIONS) + 1, PROJECTS_MIGRATION_DESCRIPTION, _statements(PROJECTS_SCHEMA)),
)


def current_version(conn: sqlite3.Connection) -> int:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> tuple[int, int]:
    """Bring the catalog up to the newest migration; returns (version before, version after).

    `conn` must be in autocommit mode (isolation_level=None): the runner manages transactions.
    """
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migrations must be numbered 1..n without gaps, got {versions}")
    latest = len(migrations)
    before = current_version(conn)
    if before > latest:
        raise LibraryError(
            f"This library was written by a newer Voice Studio (catalog version {before}, this one "
            f"knows up to {latest}); update Voice Studio to open it."
        )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if current_version(conn) >= migration.version:
                conn.execute("COMMIT")
                continue
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, to_db(now_utc())),
            )
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return before, current_version(conn)
