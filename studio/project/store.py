"""Projects in the library catalog (tables from schema.PROJECTS_SCHEMA) and their block audio files.

No Qt, no torch. Block audio is stored as FLAC under `audio/project-blocks/` with the library's
atomic writes; a block take is committed as soon as it is rendered, so a crash loses at most the
block in flight. Nothing here deletes a rendered take when the script changes: takes are keyed by
their fingerprint and reused when a block with the same inputs comes back.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from studio.library.audio_files import read_audio
from studio.library.base import PROJECT_BLOCKS_DIR, new_uid
from studio.library.timeutil import from_db, now_utc, to_db
from studio.project.errors import ProjectError
from studio.project.fingerprint import normalize_text
from studio.project.importers import ImportedScript
from studio.project.model import (
    DEFAULT_PAUSE_MS,
    DEFAULT_SETTINGS,
    KINDS,
    MODES,
    Block,
    BlockTake,
    Chapter,
    Project,
    SentenceMark,
    SpeakerVoice,
    block_voice,
)

if TYPE_CHECKING:
    from studio.library.library import Library

_PROJECT_SELECT = """
SELECT p.*,
       (SELECT COUNT(*) FROM project_blocks b WHERE b.project_id = p.id) AS block_count,
       (SELECT COUNT(*) FROM project_chapters c WHERE c.project_id = p.id) AS chapter_count
FROM projects p
"""
_BLOCK_FIELDS = (
    "speaker",
    "text",
    "mode",
    "instruction",
    "speed",
    "seed",
    "pause_ms",
    "voice_uid",
    "voice_file",
    "chapter_id",
)


def _project(row: sqlite3.Row) -> Project:
    return Project(
        id=row["id"],
        uid=row["uid"],
        name=row["name"],
        kind=row["kind"],
        source_name=row["source_name"],
        model_dir=row["model_dir"],
        model_family=row["model_family"],
        model_hash=row["model_hash"],
        settings={**DEFAULT_SETTINGS, **json.loads(row["settings_json"] or "{}")},
        timeline_ms=row["timeline_ms"],
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
        block_count=row["block_count"],
        chapter_count=row["chapter_count"],
    )


def _block(row: sqlite3.Row) -> Block:
    return Block(
        id=row["id"],
        project_id=row["project_id"],
        chapter_id=row["chapter_id"],
        position=row["position"],
        speaker=row["speaker"],
        text=row["text"],
        mode=row["mode"],
        instruction=row["instruction"],
        speed=row["speed"],
        seed=row["seed"],
        pause_ms=row["pause_ms"],
        voice_uid=row["voice_uid"],
        voice_file=row["voice_file"],
        cue_index=row["cue_index"],
        cue_start_ms=row["cue_start_ms"],
        cue_end_ms=row["cue_end_ms"],
        chosen_take_id=row["chosen_take_id"],
    )


MAX_SEED = 2**63 - 1  # the catalog's INTEGER; torch.Generator.manual_seed takes it
MAX_PAUSE_MS = 60_000


def check_block_inputs(block: Block, changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` with normalized values, or ProjectError with a sentence naming the bad value.

    Rules: text not empty; mode one of MODES; instruct mode needs an instruction (the engine's
    rule, `Engine._instruction`); speed 0.25-4 (the engine's range); seed a whole number from 0 to
    2^63-1; pause a whole number of milliseconds from 0 to 60,000.
    """
    out = dict(changes)
    if "text" in out:
        if not str(out["text"]).strip():
            raise ProjectError("A block's text cannot be empty; delete the block instead.")
        out["text"] = str(out["text"])
    if "mode" in out and out["mode"] not in MODES:
        raise ProjectError(f"Unknown mode {out['mode']!r}; use one of {', '.join(MODES)}.")
    if "instruction" in out:
        out["instruction"] = " ".join(str(out["instruction"] or "").split())
    mode = out.get("mode", block.mode)
    if mode == "instruct" and not out.get("instruction", block.instruction):
        raise ProjectError(
            f"Block {block.position + 1}: instruct mode needs an instruction "
            "(for example: Speak slowly and warmly)."
        )
    if "speed" in out:
        speed = _number(out["speed"], float, "Speed")
        if not 0.25 <= speed <= 4.0:
            raise ProjectError(f"Speed {out['speed']} is out of range; use 0.25 to 4.")
        out["speed"] = speed
    if "seed" in out:
        seed = _number(out["seed"], int, "The seed")
        if not 0 <= seed <= MAX_SEED:
            raise ProjectError(
                f"The seed {out['seed']} is out of range; use a whole number from 0 to {MAX_SEED}."
            )
        out["seed"] = seed
    if "pause_ms" in out:
        pause = _number(out["pause_ms"], int, "The pause")
        if not 0 <= pause <= MAX_PAUSE_MS:
            raise ProjectError(
                f"The pause {out['pause_ms']} ms is out of range; use 0 to {MAX_PAUSE_MS} ms (60 s)."
            )
        out["pause_ms"] = pause
    return out


def _number(value: Any, kind: type, what: str) -> Any:
    try:
        if kind is int:
            if isinstance(value, float):
                if not value.is_integer():
                    raise ValueError
                return int(value)
            return int(str(value).strip())
        return float(value)
    except (TypeError, ValueError):
        noun = "a whole number" if kind is int else "a number"
        raise ProjectError(f"{what} must be {noun}, not {value!r}.") from None


def _check_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise ProjectError("A project needs a name.")
    if len(name) > 200:
        raise ProjectError("A project name can be at most 200 characters long.")
    return name


class ProjectStore:
    """Projects of one open Library (thread-safe through the library's catalog lock)."""

    def __init__(self, library: Library) -> None:
        self.lib = library
        self._db = library._db

    # -- projects ------------------------------------------------------------------------------

    def create_project(
        self,
        name: str,
        *,
        kind: str = "script",
        source_name: str = "",
        settings: dict[str, Any] | None = None,
        seed: int | None = None,
    ) -> Project:
        """A new empty project. `seed` is the default seed of its blocks (random when None)."""
        name = _check_name(name)
        if kind not in KINDS:
            raise ProjectError(f"A project is a 'script' or 'subtitles' project, not {kind!r}.")
        if self._db.query_one("SELECT 1 FROM projects WHERE name = ? COLLATE NOCASE", (name,)):
            raise ProjectError(f"A project named {name!r} already exists; choose another name.")
        settings = {**(settings or {})}
        settings.setdefault("seed", seed if seed is not None else random.SystemRandom().randrange(2**31))
        now = to_db(now_utc())
        with self._db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO projects (uid, name, kind, source_name, settings_json, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (new_uid(), name, kind, source_name, json.dumps(settings), now, now),
            )
        return self.get_project(cur.lastrowid)

    def unique_name(self, wanted: str) -> str:
        name = _check_name(wanted)
        candidate, n = name, 1
        while self._db.query_one("SELECT 1 FROM projects WHERE name = ? COLLATE NOCASE", (candidate,)):
            n += 1
            candidate = f"{name} ({n})"
        return candidate

    def get_project(self, ref: int | str) -> Project:
        """A project by id or by name (case-insensitive)."""
        if isinstance(ref, int):
            row = self._db.query_one(_PROJECT_SELECT + " WHERE p.id = ?", (ref,))
        else:
            text = str(ref).strip()
            row = self._db.query_one(_PROJECT_SELECT + " WHERE p.name = ? COLLATE NOCASE", (text,))
            if row is None and text.isdigit():
                row = self._db.query_one(_PROJECT_SELECT + " WHERE p.id = ?", (int(text),))
        if row is None:
            raise ProjectError(f"There is no project {ref!r} in this library.")
        return _project(row)

    def find_by_source(self, source_name: str) -> Project | None:
        row = self._db.query_one(
            _PROJECT_SELECT + " WHERE p.source_name = ? ORDER BY p.id LIMIT 1", (source_name,)
        )
        return None if row is None else _project(row)

    def list_projects(self) -> list[Project]:
        return [_project(r) for r in self._db.query(_PROJECT_SELECT + " ORDER BY p.updated_at DESC, p.id")]

    def update_settings(self, project_id: int, **settings: Any) -> Project:
        project = self.get_project(project_id)
        merged = {**project.settings, **settings}
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE projects SET settings_json = ?, updated_at = ? WHERE id = ?",
                (json.dumps(merged), to_db(now_utc()), project_id),
            )
        return self.get_project(project_id)

    def set_model(self, project_id: int, model_dir: str, family: str, model_hash: str) -> Project:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE projects SET model_dir = ?, model_family = ?, model_hash = ?, updated_at = ?"
                " WHERE id = ?",
                (str(model_dir), family, model_hash, to_db(now_utc()), project_id),
            )
        return self.get_project(project_id)

    def delete_project(self, project_id: int) -> None:
        """Delete a project with its blocks and rendered block audio."""
        with self._db.transaction() as conn:
            files = [
                r[0]
                for r in conn.execute(
                    "SELECT audio_file FROM project_takes WHERE project_id = ?", (project_id,)
                )
            ]
            conn.execute("DELETE FROM project_takes WHERE project_id = ?", (project_id,))
            conn.execute("DELETE FROM projects WHERE id = ?", (project_id,))
        self.lib._discard_files(files)

    # -- content -------------------------------------------------------------------------------

    def replace_content(self, project_id: int, script: ImportedScript, *, mode: str = "zero_shot") -> Project:
        """Replace the project's chapters and blocks by `script` in one transaction.

        Rendered takes stay (keyed by fingerprint), so blocks whose inputs did not change keep their
        audio. New lines get the project's seed; a line still in the script (same speaker and text)
        keeps its own seed, voice and speed (a re-roll or a slowed line survives a re-import, and so
        its fingerprint and its takes). The kind follows the script.
        """
        if mode not in MODES:
            raise ProjectError(f"Unknown mode {mode!r}; use one of {', '.join(MODES)}.")
        project = self.get_project(project_id)
        seed = int(project.settings.get("seed", 0))
        now = to_db(now_utc())
        position = 0
        # A line that is still in the script keeps what was chosen for it (a re-rolled seed, its own voice).
        kept: dict[tuple[str, str, int], tuple[int, str | None, str | None, float]] = {}
        seen: dict[tuple[str, str], int] = {}
        for old in self.blocks(project_id):
            key = (old.speaker, normalize_text(old.text))
            seen[key] = seen.get(key, 0) + 1
            kept[(*key, seen[key])] = (old.seed, old.voice_uid, old.voice_file, old.speed)
        seen.clear()
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM project_blocks WHERE project_id = ?", (project_id,))
            conn.execute("DELETE FROM project_chapters WHERE project_id = ?", (project_id,))
            for chapter_pos, chapter in enumerate(script.chapters):
                cur = conn.execute(
                    "INSERT INTO project_chapters (project_id, position, title) VALUES (?, ?, ?)",
                    (project_id, chapter_pos, chapter.title),
                )
                chapter_id = cur.lastrowid
                rows = []
                for block in chapter.blocks:
                    block_mode = "instruct" if block.instruction else mode
                    pause = block.pause_ms if block.pause_ms is not None else DEFAULT_PAUSE_MS
                    key = (block.speaker, normalize_text(block.text))
                    seen[key] = seen.get(key, 0) + 1
                    block_seed, voice_uid, voice_file, speed = kept.get(
                        (*key, seen[key]), (seed, None, None, 1.0)
                    )
                    rows.append(
                        (
                            project_id,
                            chapter_id,
                            position,
                            block.speaker,
                            block.text,
                            block_mode,
                            block.instruction,
                            block_seed,
                            pause,
                            block.cue_index,
                            block.cue_start_ms,
                            block.cue_end_ms,
                            voice_uid,
                            voice_file,
                            speed,
                            now,
                        )
                    )
                    position += 1
                conn.executemany(
                    "INSERT INTO project_blocks (project_id, chapter_id, position, speaker, text, mode,"
                    " instruction, seed, pause_ms, cue_index, cue_start_ms, cue_end_ms, voice_uid, voice_file,"
                    " speed, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
            conn.execute(
                "UPDATE projects SET kind = ?, timeline_ms = ?, updated_at = ? WHERE id = ?",
                (script.kind, script.timeline_ms, now, project_id),
            )
        return self.get_project(project_id)

    def chapters(self, project_id: int) -> list[Chapter]:
        rows = self._db.query(
            "SELECT id, position, title FROM project_chapters WHERE project_id = ? ORDER BY position",
            (project_id,),
        )
        return [Chapter(r["id"], r["position"], r["title"]) for r in rows]

    def blocks(self, project_id: int) -> list[Block]:
        rows = self._db.query(
            "SELECT * FROM project_blocks WHERE project_id = ? ORDER BY position, id", (project_id,)
        )
        return [_block(r) for r in rows]

    def get_block(self, block_id: int) -> Block:
        row = self._db.query_one("SELECT * FROM project_blocks WHERE id = ?", (block_id,))
        if row is None:
            raise ProjectError(f"There is no block {block_id}.")
        return _block(row)

    def block_at(self, project_id: int, number: int) -> Block:
        """The block shown as number `number` (1-based, in order)."""
        blocks = self.blocks(project_id)
        if not 1 <= number <= len(blocks):
            raise ProjectError(f"There is no block {number}; the project has blocks 1 to {len(blocks)}.")
        return blocks[number - 1]

    def update_block(self, block_id: int, **changes: Any) -> Block:
        """Change a block's text, speaker, voice, mode, instruction, speed, seed or pause.

        Checked against the block as it would be after the change (see `check_block_inputs`); a
        bad value raises ProjectError naming it and nothing is changed.
        """
        unknown = set(changes) - set(_BLOCK_FIELDS)
        if unknown:
            raise ProjectError(f"A block has no field {', '.join(sorted(unknown))}.")
        if not changes:
            return self.get_block(block_id)
        changes = check_block_inputs(self.get_block(block_id), changes)
        sets = ", ".join(f"{k} = ?" for k in changes)
        with self._db.transaction() as conn:
            conn.execute(
                f"UPDATE project_blocks SET {sets}, updated_at = ? WHERE id = ?",
                (*changes.values(), to_db(now_utc()), block_id),
            )
        return self.get_block(block_id)

    def set_all_seeds(self, project_id: int, seed: int) -> None:
        """Every block of the project gets `seed` (what `--seed N` on the command line means)."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE project_blocks SET seed = ?, updated_at = ? WHERE project_id = ? AND seed != ?",
                (int(seed), to_db(now_utc()), project_id, int(seed)),
            )

    def move_block(self, block_id: int, new_index: int) -> list[Block]:
        """Move a block to 0-based `new_index` in the project's order; returns the new order."""
        block = self.get_block(block_id)
        order = [b.id for b in self.blocks(block.project_id)]
        order.remove(block_id)
        new_index = max(0, min(int(new_index), len(order)))
        order.insert(new_index, block_id)
        with self._db.transaction() as conn:
            conn.executemany(
                "UPDATE project_blocks SET position = ? WHERE id = ?",
                [(i, bid) for i, bid in enumerate(order)],
            )
            # A moved block joins the chapter of the block now before it (or after it, at the top).
            neighbour = order[new_index - 1] if new_index > 0 else (order[1] if len(order) > 1 else None)
            if neighbour is not None:
                conn.execute(
                    "UPDATE project_blocks SET chapter_id = (SELECT chapter_id FROM project_blocks WHERE id = ?)"
                    " WHERE id = ?",
                    (neighbour, block_id),
                )
        return self.blocks(block.project_id)

    # -- speakers ------------------------------------------------------------------------------

    def set_speaker_voice(
        self, project_id: int, speaker: str, *, voice_uid: str | None = None, voice_file: str | None = None
    ) -> None:
        """Map `speaker` ('' = blocks without a speaker) to a library voice (uid) or a voice file."""
        if (voice_uid is None) == (voice_file is None):
            raise ProjectError("Give a speaker either a library voice or a prepared voice file.")
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO project_speakers (project_id, speaker, voice_uid, voice_file) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (project_id, speaker) DO UPDATE SET voice_uid = excluded.voice_uid,"
                " voice_file = excluded.voice_file",
                (project_id, speaker, voice_uid, voice_file),
            )

    def speakers(self, project_id: int) -> dict[str, SpeakerVoice]:
        rows = self._db.query(
            "SELECT speaker, voice_uid, voice_file FROM project_speakers WHERE project_id = ?", (project_id,)
        )
        return {r["speaker"]: SpeakerVoice(r["speaker"], r["voice_uid"], r["voice_file"]) for r in rows}

    def voice_usage(self, voice_uid: str) -> list[tuple[Project, int]]:
        """The projects whose blocks library voice `voice_uid` speaks: (project, number of blocks),
        newest project first. A block counts when it names the voice itself, or names none and its
        speaker (else the lines without a speaker, "") is mapped to it (`block_voice`, the rule the
        renderer uses)."""
        used = []
        for project in self.list_projects():
            speakers = self.speakers(project.id)
            count = 0
            for block in self.blocks(project.id):
                ref = block_voice(block, speakers)
                count += ref is not None and ref.voice_uid == voice_uid
            if count:
                used.append((project, count))
        return used

    # -- takes ---------------------------------------------------------------------------------

    def add_take(
        self,
        block: Block,
        *,
        fingerprint: str,
        audio: np.ndarray,
        sample_rate: int,
        seed: int,
        speed_used: float = 1.0,
        sentences: Sequence[SentenceMark] = (),
        render_seconds: float | None = None,
    ) -> BlockTake:
        """Store a rendered block (FLAC, atomically) and make it the block's chosen take."""
        audio = np.asarray(audio, dtype=np.float32)
        if audio.size == 0:
            audio = np.zeros(1, dtype=np.float32)  # FLAC needs a frame; a silent block stays a block
        marks = json.dumps([[m.start, m.end, m.text] for m in sentences], ensure_ascii=False)
        with self.lib._new_files() as created:
            rel, shape = self.lib._write_new_audio(created, PROJECT_BLOCKS_DIR, audio, sample_rate)
            with self._db.transaction() as conn:
                if conn.execute("SELECT 1 FROM project_blocks WHERE id = ?", (block.id,)).fetchone() is None:
                    raise ProjectError("The block was deleted while it was being rendered.")
                cur = conn.execute(
                    "INSERT INTO project_takes (project_id, block_id, fingerprint, audio_file, sample_rate,"
                    " frames, seed, speed_used, sentences_json, render_seconds, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        block.project_id,
                        block.id,
                        fingerprint,
                        rel,
                        int(sample_rate),
                        shape.frames,
                        int(seed),
                        float(speed_used),
                        marks,
                        render_seconds,
                        to_db(now_utc()),
                    ),
                )
                take_id = cur.lastrowid
                conn.execute("UPDATE project_blocks SET chosen_take_id = ? WHERE id = ?", (take_id, block.id))
        return self.get_take(take_id)

    def _take(self, row: sqlite3.Row) -> BlockTake:
        marks = tuple(
            SentenceMark(int(a), int(b), str(t)) for a, b, t in json.loads(row["sentences_json"] or "[]")
        )
        return BlockTake(
            id=row["id"],
            block_id=row["block_id"],
            fingerprint=row["fingerprint"],
            path=self.lib._abs(row["audio_file"]),
            sample_rate=row["sample_rate"],
            frames=row["frames"],
            seed=row["seed"],
            speed_used=row["speed_used"],
            sentences=marks,
            render_seconds=row["render_seconds"],
            created_at=from_db(row["created_at"]),
        )

    def get_take(self, take_id: int) -> BlockTake:
        row = self._db.query_one("SELECT * FROM project_takes WHERE id = ?", (take_id,))
        if row is None:
            raise ProjectError(f"There is no block take {take_id}.")
        return self._take(row)

    def takes_by_id(self, take_ids: Iterable[int]) -> dict[int, BlockTake]:
        ids = sorted({int(t) for t in take_ids if t is not None})
        out: dict[int, BlockTake] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.query(f"SELECT * FROM project_takes WHERE id IN ({marks})", chunk):
                out[row["id"]] = self._take(row)
        return out

    def block_takes(self, block_id: int) -> list[BlockTake]:
        rows = self._db.query("SELECT * FROM project_takes WHERE block_id = ? ORDER BY id", (block_id,))
        return [self._take(r) for r in rows]

    def take_ids_by_block(
        self, project_id: int, block_ids: Iterable[int] | None = None
    ) -> dict[int, list[int]]:
        """block id -> the ids of its takes, oldest first (the block inspector's order), in one query
        for the whole project (or only `block_ids`). A block without takes is absent."""
        rows = self._db.query(
            "SELECT block_id, id FROM project_takes WHERE project_id = ? AND block_id IS NOT NULL ORDER BY id",
            (project_id,),
        )
        wanted = None if block_ids is None else {int(b) for b in block_ids}
        out: dict[int, list[int]] = {}
        for row in rows:
            if wanted is None or row["block_id"] in wanted:
                out.setdefault(row["block_id"], []).append(row["id"])
        return out

    def take_with_fingerprint(self, project_id: int, fingerprint: str) -> BlockTake | None:
        row = self._db.query_one(
            "SELECT * FROM project_takes WHERE project_id = ? AND fingerprint = ? ORDER BY id DESC LIMIT 1",
            (project_id, fingerprint),
        )
        return None if row is None else self._take(row)

    def latest_takes_by_fingerprint(self, project_id: int) -> dict[str, int]:
        """fingerprint -> id of the newest take with it, for the whole project in one query."""
        rows = self._db.query(
            "SELECT fingerprint, MAX(id) AS id FROM project_takes WHERE project_id = ? GROUP BY fingerprint",
            (project_id,),
        )
        return {r["fingerprint"]: r["id"] for r in rows}

    def choose_take(self, block_id: int, take_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("UPDATE project_blocks SET chosen_take_id = ? WHERE id = ?", (take_id, block_id))
            conn.execute(
                "UPDATE project_takes SET block_id = ? WHERE id = ? AND block_id IS NULL", (block_id, take_id)
            )

    def take_audio(self, take: BlockTake) -> np.ndarray:
        """The take's samples as float32 (frames,) mono."""
        try:
            data, _rate = read_audio(take.path)
        except Exception as err:  # LibraryError names the file
            raise ProjectError(str(err)) from None
        return data if data.ndim == 1 else data.mean(axis=1).astype(np.float32)
