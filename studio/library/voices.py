"""Voices: who is speaking, their consent, tags, and prepared prompts per model family."""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from studio.library.atomic import atomic_copy
from studio.library.base import PROMPTS_DIR, LibraryBase, new_uid
from studio.library.errors import LibraryError, NameClashError, NotFoundError
from studio.library.lexicon_store import lexicon_path
from studio.library.records import Consent, PreparedPrompt, Voice
from studio.library.text_search import like_escape
from studio.library.timeutil import from_db, now_utc, to_db

FAMILY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_VOICE_FIELDS = (
    "name",
    "speaker_name",
    "language",
    "dialect",
    "gender",
    "age_band",
    "consent",
    "notes",
    "tags",
)
_UNSET: Any = object()

_VOICE_SELECT = """
SELECT v.*,
       (SELECT COUNT(*) FROM clips c WHERE c.voice_id = v.id) AS clip_count,
       (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM voice_tags t WHERE t.voice_id = v.id ORDER BY tag))
           AS tag_list,
       (SELECT group_concat(family, char(31)) FROM
            (SELECT family FROM prepared_prompts p WHERE p.voice_id = v.id ORDER BY family)) AS family_list
FROM voices v
"""


def check_family(family: str) -> str:
    if not isinstance(family, str) or not FAMILY_PATTERN.match(family):
        raise LibraryError(
            f"The model family {family!r} is not valid; use a short lowercase name such as 'cosyvoice2'."
        )
    return family


def _clean_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise LibraryError("A voice needs a name.")
    if len(name) > 200:
        raise LibraryError("A voice name can be at most 200 characters long.")
    return name


def _clean_tags(tags: Iterable[str]) -> list[str]:
    if isinstance(tags, str):
        tags = [tags]
    seen: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag:
            seen.setdefault(tag.casefold(), tag)
    return sorted(seen.values(), key=str.casefold)


def voice_from_row(row: sqlite3.Row) -> Voice:
    consent = None
    if row["consent_given_by"]:
        consent = Consent(
            given_by=row["consent_given_by"],
            given_at=row["consent_given_at"],
            use=row["consent_use"],
            note=row["consent_note"] or "",
        )
    keys = row.keys()
    split = lambda text: tuple(text.split("\x1f")) if text else ()  # noqa: E731
    return Voice(
        id=row["id"],
        uid=row["uid"],
        name=row["name"],
        speaker_name=row["speaker_name"],
        language=row["language"],
        dialect=row["dialect"],
        gender=row["gender"],
        age_band=row["age_band"],
        consent=consent,
        notes=row["notes"],
        tags=split(row["tag_list"]) if "tag_list" in keys else (),
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
        clip_count=row["clip_count"] if "clip_count" in keys else 0,
        prompt_families=split(row["family_list"]) if "family_list" in keys else (),
    )


class VoicesMixin(LibraryBase):
    def add_voice(
        self,
        name: str,
        *,
        speaker_name: str = "",
        language: str = "",
        dialect: str = "",
        gender: str | None = None,
        age_band: str | None = None,
        consent: Consent | None = None,
        notes: str = "",
        tags: Iterable[str] = (),
        uid: str | None = None,
        created_at: Any = None,
    ) -> Voice:
        """Add a voice. A voice without `consent` is shown as "NO CONSENT RECORDED" everywhere."""
        name = _clean_name(name)
        now = to_db(now_utc())
        created = to_db(created_at) if created_at is not None else now
        with self._db.transaction() as conn:
            self._check_name_free(name)
            cur = conn.execute(
                "INSERT INTO voices (uid, name, speaker_name, language, dialect, gender, age_band,"
                " consent_given_by, consent_given_at, consent_use, consent_note, notes, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uid or new_uid(),
                    name,
                    speaker_name.strip(),
                    language.strip(),
                    dialect.strip(),
                    gender or None,
                    age_band or None,
                    *_consent_columns(consent),
                    notes,
                    created,
                    now,
                ),
            )
            voice_id = int(cur.lastrowid)
            self._set_tags(voice_id, tags)
        return self.get_voice(voice_id)

    def update_voice(self, voice_id: int, **changes: Any) -> Voice:
        """Change any of name, speaker_name, language, dialect, gender, age_band, consent, notes, tags.

        Pass consent=None to record that consent was withdrawn or entered by mistake.
        """
        unknown = set(changes) - set(_VOICE_FIELDS)
        if unknown:
            raise LibraryError(f"A voice has no field {sorted(unknown)[0]!r}.")
        with self._db.transaction() as conn:
            self.get_voice(voice_id)
            columns: dict[str, Any] = {}
            if "name" in changes:
                name = _clean_name(changes["name"])
                self._check_name_free(name, except_id=voice_id)
                columns["name"] = name
            for key in ("speaker_name", "language", "dialect", "notes"):
                if key in changes:
                    columns[key] = (
                        str(changes[key] or "").strip() if key != "notes" else str(changes[key] or "")
                    )
            for key in ("gender", "age_band"):
                if key in changes:
                    columns[key] = changes[key] or None
            if "consent" in changes:
                by, at, use, note = _consent_columns(changes["consent"])
                columns.update(consent_given_by=by, consent_given_at=at, consent_use=use, consent_note=note)
            columns["updated_at"] = to_db(now_utc())
            assignments = ", ".join(f"{key} = ?" for key in columns)
            conn.execute(f"UPDATE voices SET {assignments} WHERE id = ?", (*columns.values(), voice_id))
            if "tags" in changes:
                conn.execute("DELETE FROM voice_tags WHERE voice_id = ?", (voice_id,))
                self._set_tags(voice_id, changes["tags"])
        return self.get_voice(voice_id)

    def get_voice(self, voice_id: int) -> Voice:
        row = self._db.query_one(_VOICE_SELECT + " WHERE v.id = ?", (int(voice_id),))
        if row is None:
            raise NotFoundError(f"There is no voice with id {voice_id} in this library.")
        return voice_from_row(row)

    def find_voice(self, ref: str | int) -> Voice:
        """A voice by id or by name (case-insensitive), as typed on the command line."""
        text = str(ref).strip()
        row = self._db.query_one(_VOICE_SELECT + " WHERE v.name = ? COLLATE NOCASE", (text,))
        if row is None and text.isdigit():
            row = self._db.query_one(_VOICE_SELECT + " WHERE v.id = ?", (int(text),))
        if row is None:
            raise NotFoundError(f"There is no voice called {text!r} in this library.")
        return voice_from_row(row)

    def list_voices(
        self,
        *,
        name: str | None = None,
        language: str | None = None,
        dialect: str | None = None,
        tag: str | None = None,
    ) -> list[Voice]:
        """Voices sorted by name; `name` matches a substring, the others match exactly (any case)."""
        where, params = [], []
        if name:
            where.append("v.name LIKE ? ESCAPE '\\'")
            params.append(f"%{like_escape(name)}%")
        if language:
            where.append("v.language = ? COLLATE NOCASE")
            params.append(language)
        if dialect:
            where.append("v.dialect = ? COLLATE NOCASE")
            params.append(dialect)
        if tag:
            where.append("v.id IN (SELECT voice_id FROM voice_tags WHERE tag = ? COLLATE NOCASE)")
            params.append(tag)
        sql = _VOICE_SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY v.name"
        return [voice_from_row(row) for row in self._db.query(sql, params)]

    def delete_voice(self, voice_id: int) -> None:
        """Delete a voice with its clips and prepared prompts; refused while takes use it."""
        with self._db.transaction() as conn:
            voice = self.get_voice(voice_id)
            takes = conn.execute("SELECT COUNT(*) FROM takes WHERE voice_id = ?", (voice.id,)).fetchone()[0]
            if takes:
                raise LibraryError(
                    f"The voice {voice.name!r} still has {takes} takes; delete or export them first."
                )
            files = [
                r[0] for r in conn.execute("SELECT audio_file FROM clips WHERE voice_id = ?", (voice.id,))
            ]
            files += [
                r[0]
                for r in conn.execute("SELECT file FROM prepared_prompts WHERE voice_id = ?", (voice.id,))
            ]
            conn.execute("DELETE FROM clips WHERE voice_id = ?", (voice.id,))
            conn.execute("DELETE FROM prepared_prompts WHERE voice_id = ?", (voice.id,))
            conn.execute("DELETE FROM voices WHERE id = ?", (voice.id,))
        self._discard_files(files)
        # Its pronunciation dictionary goes too: voice ids are reused, and a later voice must not inherit it.
        with contextlib.suppress(OSError):
            lexicon_path(self.root, voice.id).unlink()

    # -- prepared prompts (opaque engine files) -----------------------------------------------

    def set_prepared_prompt(self, voice_id: int, family: str, source_file: str | Path) -> PreparedPrompt:
        """Copy the engine's saved voice file in (atomically) as this voice's prompt for `family`.

        The library never reads inside the file; it replaces any previous prompt for the family.
        """
        family = check_family(family)
        source = Path(source_file)
        if not source.is_file():
            raise LibraryError(f"The prepared voice file {source} does not exist.")
        self.get_voice(voice_id)
        rel = self._new_rel(f"{PROMPTS_DIR}/{family}", source.suffix or ".bin")
        with self._new_files() as created:
            size = atomic_copy(source, self._abs(rel), durable=self._durable)
            created.append(self._abs(rel))
            digest = file_sha256(self._abs(rel))
            with self._db.transaction() as conn:
                old = conn.execute(
                    "SELECT file FROM prepared_prompts WHERE voice_id = ? AND family = ?", (voice_id, family)
                ).fetchone()
                conn.execute(
                    "INSERT INTO prepared_prompts (voice_id, family, file, size, sha256, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (voice_id, family) DO UPDATE SET"
                    " file = excluded.file, size = excluded.size, sha256 = excluded.sha256,"
                    " created_at = excluded.created_at",
                    (voice_id, family, rel, size, digest, to_db(now_utc())),
                )
                conn.execute("UPDATE voices SET updated_at = ? WHERE id = ?", (to_db(now_utc()), voice_id))
        if old:
            self._discard_files([old[0]])
        prompt = self.prepared_prompt(voice_id, family)
        assert prompt is not None
        return prompt

    def prepared_prompt(self, voice_id: int, family: str) -> PreparedPrompt | None:
        row = self._db.query_one(
            "SELECT * FROM prepared_prompts WHERE voice_id = ? AND family = ?", (voice_id, family)
        )
        return None if row is None else self._prompt_from_row(row)

    def prepared_prompts(self, voice_id: int) -> list[PreparedPrompt]:
        rows = self._db.query(
            "SELECT * FROM prepared_prompts WHERE voice_id = ? ORDER BY family", (voice_id,)
        )
        return [self._prompt_from_row(row) for row in rows]

    def remove_prepared_prompt(self, voice_id: int, family: str) -> None:
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT file FROM prepared_prompts WHERE voice_id = ? AND family = ?", (voice_id, family)
            ).fetchone()
            if row is None:
                return
            conn.execute("DELETE FROM prepared_prompts WHERE voice_id = ? AND family = ?", (voice_id, family))
        self._discard_files([row[0]])

    # -- helpers --------------------------------------------------------------------------------

    def _prompt_from_row(self, row: sqlite3.Row) -> PreparedPrompt:
        return PreparedPrompt(
            voice_id=row["voice_id"],
            family=row["family"],
            path=self._abs(row["file"]),
            size=row["size"],
            sha256=row["sha256"],
            created_at=from_db(row["created_at"]),
        )

    def _check_name_free(self, name: str, except_id: int | None = None) -> None:
        row = self._db.query_one("SELECT id FROM voices WHERE name = ? COLLATE NOCASE", (name,))
        if row is not None and row["id"] != except_id:
            raise NameClashError(f"A voice named {name!r} already exists; choose another name.")

    def _set_tags(self, voice_id: int, tags: Iterable[str]) -> None:
        with self._db.transaction() as conn:
            conn.executemany(
                "INSERT INTO voice_tags (voice_id, tag) VALUES (?, ?)",
                [(voice_id, tag) for tag in _clean_tags(tags)],
            )

    def unique_voice_name(self, wanted: str) -> str:
        """`wanted`, or `wanted (2)`, `wanted (3)`... whichever is free (used on import)."""
        name = _clean_name(wanted)
        candidate, n = name, 1
        while self._db.query_one("SELECT 1 FROM voices WHERE name = ? COLLATE NOCASE", (candidate,)):
            n += 1
            candidate = f"{name} ({n})"
        return candidate


def _consent_columns(consent: Consent | None) -> tuple[str | None, str | None, str | None, str | None]:
    if consent is None:
        return None, None, None, None
    if not isinstance(consent, Consent):
        raise LibraryError("Consent must be given as a Consent record (who, when, for what use).")
    return consent.given_by.strip(), consent.given_at.strip(), consent.use.strip(), consent.note


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()
