"""`.voicepack` archives: voices with their clips, consent and prepared prompts in one zip.

Layout:  manifest.json                                  format name + version + the voices
         voices/<voice uid>/clips/<clip uid>.flac       reference clips (stored, not re-compressed)
         voices/<voice uid>/prompts/<family><suffix>    prepared prompt files (opaque)

Each voice's pronunciation dictionary (`<library>/lexicon/voice-<id>.csv`, lexicon_store.py) travels
in the manifest as `"lexicon": [[term, replacement], ...]` and is written for the new voice on import;
packs without the field (older exports) import with an empty dictionary.

Import treats the archive as hostile until proven otherwise: member names, sizes, compression
ratios, the manifest and every checksum are validated while staging into a temp folder inside
the library; only then are the files renamed into place and the catalog rows inserted in one
transaction. Any failure removes what was staged or placed, so nothing is half-imported; the
user's existing library is never modified by a failed import.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.library.atomic import TEMP_PREFIX, atomic_output, durable_move, fsync_dir
from studio.library.audio_files import probe_audio
from studio.library.base import CLIPS_DIR, PROMPTS_DIR, new_uid, to_json
from studio.library.clips import CLIP_SOURCES, _check_trim
from studio.library.errors import LibraryError, VoicepackError
from studio.library.export import software_name
from studio.library.lexicon_store import lexicon_path, read_rows, write_rows
from studio.library.records import Consent, Voice
from studio.library.timeutil import now_utc, to_db
from studio.library.voices import check_family

if TYPE_CHECKING:
    from studio.library.library import Library

VOICEPACK_FORMAT = "voice-studio.voicepack"
VOICEPACK_VERSION = 1
VOICEPACK_SUFFIX = ".voicepack"
MANIFEST_NAME = "manifest.json"
_UID = re.compile(r"^[0-9a-f]{32}$")
_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,16}$")


@dataclass(frozen=True)
class VoicepackLimits:
    """Caps that make a zip bomb or an absurd archive fail fast instead of filling the disk."""

    max_members: int = 10_000
    max_file_bytes: int = 1 << 30  # 1 GiB for any one file
    max_total_bytes: int = 4 << 30  # 4 GiB uncompressed in all
    max_manifest_bytes: int = 16 << 20
    max_ratio: float = 100.0  # uncompressed / compressed; FLAC barely compresses at all
    ratio_min_bytes: int = 1 << 20  # small files may compress well legitimately


DEFAULT_LIMITS = VoicepackLimits()


@dataclass(frozen=True)
class ImportResult:
    voices: tuple[Voice, ...]
    renamed: dict[str, str] = field(default_factory=dict)  # name in the pack -> name given


# -- export ------------------------------------------------------------------------------------


def export_voicepack(lib: Library, voice_ids: list[int], dest: str | Path) -> Path:
    """Write the voices (clips, consent, tags, prepared prompts) to one `.voicepack` file."""
    if not voice_ids:
        raise LibraryError("Choose at least one voice to put in the voicepack.")
    path = Path(dest).expanduser()
    if not path.suffix:
        path = path.with_suffix(VOICEPACK_SUFFIX)
    voices = [lib.get_voice(v) for v in dict.fromkeys(voice_ids)]
    entries = []
    try:
        with atomic_output(path) as handle, zipfile.ZipFile(handle, "w") as archive:
            for voice in voices:
                clips = []
                for clip in lib.list_clips(voice.id):
                    member = f"voices/{voice.uid}/clips/{clip.uid}.flac"
                    digest = _add_file(archive, clip.path, member)
                    clips.append(
                        {
                            "uid": clip.uid,
                            "file": member,
                            "sha256": digest,
                            "transcript": clip.transcript,
                            "source": clip.source,
                            "source_name": clip.source_name,
                            "device": clip.device,
                            "sample_rate": clip.sample_rate,
                            "channels": clip.channels,
                            "frames": clip.frames,
                            "quality": clip.quality,
                            "trim_start": clip.trim_start,
                            "trim_end": clip.trim_end,
                            "created_at": clip.created_at.isoformat() if clip.created_at else None,
                        }
                    )
                prompts = []
                for prompt in lib.prepared_prompts(voice.id):
                    member = f"voices/{voice.uid}/prompts/{prompt.family}{prompt.path.suffix}"
                    digest = _add_file(archive, prompt.path, member)
                    prompts.append(
                        {"family": prompt.family, "file": member, "sha256": digest, "size": prompt.size}
                    )
                entries.append(
                    {
                        "uid": voice.uid,
                        "name": voice.name,
                        "speaker_name": voice.speaker_name,
                        "language": voice.language,
                        "dialect": voice.dialect,
                        "gender": voice.gender,
                        "age_band": voice.age_band,
                        "consent_status": voice.consent_status,
                        "consent": voice.consent.to_dict() if voice.consent else None,
                        "notes": voice.notes,
                        "tags": list(voice.tags),
                        "created_at": voice.created_at.isoformat() if voice.created_at else None,
                        "updated_at": voice.updated_at.isoformat() if voice.updated_at else None,
                        "clips": clips,
                        "prepared_prompts": prompts,
                        "lexicon": [list(row) for row in read_rows(lexicon_path(lib.root, voice.id))],
                    }
                )
            manifest = {
                "format": VOICEPACK_FORMAT,
                "format_version": VOICEPACK_VERSION,
                "software": software_name(),
                "created_at": now_utc().isoformat(),
                "voices": entries,
            }
            archive.writestr(
                MANIFEST_NAME,
                json.dumps(manifest, ensure_ascii=False, indent=2),
                compress_type=zipfile.ZIP_DEFLATED,
            )
    except OSError as err:
        raise LibraryError(f"Could not write the voicepack {path} ({err.strerror or err}).") from None
    return path


def _add_file(archive: zipfile.ZipFile, source: Path, member: str) -> str:
    digest = hashlib.sha256()
    info = zipfile.ZipInfo(member, date_time=datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_STORED  # FLAC and weights do not compress further
    info.external_attr = 0o644 << 16
    try:
        with open(source, "rb") as src, archive.open(info, "w", force_zip64=True) as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                out.write(chunk)
    except FileNotFoundError:
        raise LibraryError(f"The file {source} is missing from the library; run a library check.") from None
    return digest.hexdigest()


# -- import: validation ------------------------------------------------------------------------


def _refuse(pack: Path, reason: str) -> VoicepackError:
    return VoicepackError(f"The voicepack {pack.name} was refused: {reason}; nothing was imported.")


def _safe_member_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return False
    parts = name.rstrip("/").split("/")
    return all(part not in ("", ".", "..") for part in parts)


def _check_members(
    pack: Path, archive: zipfile.ZipFile, limits: VoicepackLimits
) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise _refuse(pack, f"it has {len(infos)} entries (at most {limits.max_members} allowed)")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if not _safe_member_name(name):
            raise _refuse(pack, f"it contains an unsafe path {name!r} (absolute or leading outside the pack)")
        if name in members:
            raise _refuse(pack, f"it contains {name!r} twice")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _refuse(pack, f"it contains a symbolic link {name!r}")
        if info.flag_bits & 0x1:
            raise _refuse(pack, f"{name!r} is encrypted")
        if info.file_size > limits.max_file_bytes:
            raise _refuse(
                pack, f"{name!r} declares {info.file_size} bytes (at most {limits.max_file_bytes} allowed)"
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise _refuse(pack, f"its contents add up to more than {limits.max_total_bytes} bytes")
        if info.file_size >= limits.ratio_min_bytes and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise _refuse(pack, f"{name!r} has a suspicious compression ratio (a zip bomb?)")
        members[name] = info
    return members


def _read_manifest(
    pack: Path, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], limits: VoicepackLimits
) -> dict[str, Any]:
    info = members.get(MANIFEST_NAME)
    if info is None:
        raise _refuse(pack, f"it has no {MANIFEST_NAME}, so it is not a Voice Studio voicepack")
    if info.file_size > limits.max_manifest_bytes:
        raise _refuse(pack, f"its {MANIFEST_NAME} is larger than {limits.max_manifest_bytes} bytes")
    with archive.open(info) as handle:
        raw = handle.read(limits.max_manifest_bytes + 1)
    if len(raw) > limits.max_manifest_bytes:
        raise _refuse(pack, f"its {MANIFEST_NAME} is larger than {limits.max_manifest_bytes} bytes")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise _refuse(pack, f"its {MANIFEST_NAME} is not valid JSON ({err})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != VOICEPACK_FORMAT:
        raise _refuse(pack, f"its {MANIFEST_NAME} does not describe a Voice Studio voicepack")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _refuse(pack, f"its format version {version!r} is not valid")
    if version > VOICEPACK_VERSION:
        raise _refuse(
            pack,
            f"it uses format version {version}, newer than this Voice Studio reads ({VOICEPACK_VERSION}); "
            "update Voice Studio",
        )
    if not isinstance(manifest.get("voices"), list) or not manifest["voices"]:
        raise _refuse(pack, f"its {MANIFEST_NAME} lists no voices")
    return manifest


@dataclass
class _FileEntry:
    member: str
    sha256: str
    staged: Path | None = None


@dataclass
class _ClipPlan:
    file: _FileEntry
    fields: dict[str, Any]


@dataclass
class _VoicePlan:
    fields: dict[str, Any]
    consent: Consent | None
    tags: list[str]
    clips: list[_ClipPlan]
    prompts: list[tuple[str, str, _FileEntry]]  # (family, suffix, file)
    lexicon: list[tuple[str, str]] = field(default_factory=list)  # the voice's pronunciation dictionary


MAX_LEXICON_ROWS = 100_000
MAX_LEXICON_CELL = 1_000


def _lexicon(raw: Any, name: str, pack: Path) -> list[tuple[str, str]]:
    """The `lexicon` rows of a voice: pairs of non-empty text (absent in packs from older versions)."""
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > MAX_LEXICON_ROWS:
        raise _refuse(pack, f"the pronunciation dictionary of {name!r} is not a list of entries")
    rows = []
    for i, row in enumerate(raw, start=1):
        if (
            not isinstance(row, list)
            or len(row) != 2
            or not all(isinstance(c, str) and c.strip() and len(c) <= MAX_LEXICON_CELL for c in row)
        ):
            raise _refuse(
                pack, f"entry {i} of the pronunciation dictionary of {name!r} is not a term and a replacement"
            )
        rows.append((row[0].strip(), row[1].strip()))
    return rows


def _text(value: Any, what: str, pack: Path, *, required: bool = False, limit: int = 100_000) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > limit:
        raise _refuse(pack, f"{what} is missing or not text")
    return value


def _opt_number(value: Any, what: str, pack: Path) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _refuse(pack, f"{what} is not a number")
    return float(value)


def _timestamp(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return to_db(datetime.fromisoformat(value))
    except ValueError:
        return None


def _file_entry(
    raw: Any, what: str, pack: Path, members: dict[str, zipfile.ZipInfo], used: set[str]
) -> _FileEntry:
    if not isinstance(raw, dict):
        raise _refuse(pack, f"{what} is not described properly")
    member = raw.get("file")
    digest = raw.get("sha256")
    if not isinstance(member, str) or not _safe_member_name(member):
        raise _refuse(pack, f"{what} names an unsafe or missing file path {member!r}")
    if member not in members or member.endswith("/"):
        raise _refuse(pack, f"{what} refers to {member!r}, which is missing from the pack")
    if member in used:
        raise _refuse(pack, f"{member!r} is used twice in the manifest")
    if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise _refuse(pack, f"{what} has no valid sha256 checksum")
    used.add(member)
    return _FileEntry(member, digest)


def _plan(pack: Path, manifest: dict[str, Any], members: dict[str, zipfile.ZipInfo]) -> list[_VoicePlan]:
    plans = []
    used: set[str] = set()
    for vi, raw in enumerate(manifest["voices"]):
        what = f"voice {vi + 1}"
        if not isinstance(raw, dict):
            raise _refuse(pack, f"{what} is not described properly")
        name = _text(raw.get("name"), f"the name of {what}", pack, required=True, limit=200)
        consent = None
        if raw.get("consent") is not None:
            c = raw["consent"]
            if not isinstance(c, dict):
                raise _refuse(pack, f"the consent of {name!r} is not described properly")
            try:
                consent = Consent(
                    given_by=_text(c.get("given_by"), "consent 'given_by'", pack, required=True),
                    given_at=_text(c.get("given_at"), "consent 'given_at'", pack, required=True),
                    use=_text(c.get("use"), "consent 'use'", pack, required=True),
                    note=_text(c.get("note"), "consent 'note'", pack),
                )
            except LibraryError as err:
                raise _refuse(pack, f"the consent of {name!r} is incomplete ({err})") from None
        tags = raw.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise _refuse(pack, f"the tags of {name!r} are not a list of text")
        uid = raw.get("uid") if isinstance(raw.get("uid"), str) and _UID.match(raw.get("uid")) else None
        fields = {
            "uid": uid,
            "name": name,
            "speaker_name": _text(raw.get("speaker_name"), "speaker_name", pack, limit=200),
            "language": _text(raw.get("language"), "language", pack, limit=100),
            "dialect": _text(raw.get("dialect"), "dialect", pack, limit=100),
            "gender": _text(raw.get("gender"), "gender", pack, limit=100) or None,
            "age_band": _text(raw.get("age_band"), "age_band", pack, limit=100) or None,
            "notes": _text(raw.get("notes"), "notes", pack),
            "created_at": _timestamp(raw.get("created_at")),
        }
        clips = []
        raw_clips = raw.get("clips") or []
        if not isinstance(raw_clips, list):
            raise _refuse(pack, f"the clips of {name!r} are not a list")
        for ci, rc in enumerate(raw_clips):
            cwhat = f"clip {ci + 1} of {name!r}"
            entry = _file_entry(rc, cwhat, pack, members, used)
            source = rc.get("source", "imported")
            if source not in CLIP_SOURCES:
                raise _refuse(pack, f"{cwhat} has an unknown source {source!r}")
            quality = rc.get("quality")
            if quality is not None and not isinstance(quality, dict):
                raise _refuse(pack, f"{cwhat} has a quality report that is not an object")
            clip_uid = rc.get("uid") if isinstance(rc.get("uid"), str) and _UID.match(rc.get("uid")) else None
            clips.append(
                _ClipPlan(
                    entry,
                    {
                        "uid": clip_uid,
                        "transcript": _text(rc.get("transcript"), f"the transcript of {cwhat}", pack),
                        "source": source,
                        "source_name": _text(rc.get("source_name"), "source_name", pack, limit=1000),
                        "device": _text(rc.get("device"), "device", pack, limit=1000),
                        "quality": quality,
                        "trim_start": _opt_number(rc.get("trim_start"), f"the trim start of {cwhat}", pack),
                        "trim_end": _opt_number(rc.get("trim_end"), f"the trim end of {cwhat}", pack),
                        "created_at": _timestamp(rc.get("created_at")),
                    },
                )
            )
        prompts = []
        raw_prompts = raw.get("prepared_prompts") or []
        if not isinstance(raw_prompts, list):
            raise _refuse(pack, f"the prepared prompts of {name!r} are not a list")
        for rp in raw_prompts:
            entry = _file_entry(rp, f"a prepared prompt of {name!r}", pack, members, used)
            try:
                family = check_family(rp.get("family"))
            except LibraryError:
                raise _refuse(pack, f"a prepared prompt of {name!r} has an invalid model family") from None
            suffix = Path(entry.member).suffix
            prompts.append((family, suffix if _SUFFIX.match(suffix) else ".bin", entry))
        if len({p[0] for p in prompts}) != len(prompts):
            raise _refuse(pack, f"{name!r} has two prepared prompts for the same model family")
        lexicon = _lexicon(raw.get("lexicon"), name, pack)
        plans.append(_VoicePlan(fields, consent, tags, clips, prompts, lexicon))
    return plans


def _stage(
    pack: Path,
    archive: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    entry: _FileEntry,
    folder: Path,
    limits: VoicepackLimits,
) -> None:
    info = members[entry.member]
    target = folder / f"{len(os.listdir(folder)):06d}.part"
    digest = hashlib.sha256()
    written = 0
    try:
        with archive.open(info) as src, open(target, "xb") as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                written += len(chunk)
                # Never trust the declared size: stop as soon as more comes out than allowed.
                if written > info.file_size or written > limits.max_file_bytes:
                    raise _refuse(pack, f"{entry.member!r} holds more data than it declares")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as err:
        raise _refuse(pack, f"{entry.member!r} is damaged ({err})") from None
    except NotImplementedError as err:
        raise _refuse(pack, f"{entry.member!r} uses an unsupported compression ({err})") from None
    if digest.hexdigest() != entry.sha256:
        raise _refuse(pack, f"{entry.member!r} does not match its checksum (the pack is damaged)")
    entry.staged = target


# -- import: commit ----------------------------------------------------------------------------


def import_voicepack(
    lib: Library, pack: str | Path, *, limits: VoicepackLimits = DEFAULT_LIMITS
) -> ImportResult:
    """Import every voice in the pack as a new voice (a clashing name gets a " (2)" suffix)."""
    pack = Path(pack).expanduser()
    if not pack.is_file():
        raise VoicepackError(f"The voicepack {pack} does not exist.")
    try:
        archive = zipfile.ZipFile(pack)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise _refuse(pack, f"it is not a zip archive ({err})") from None
    staging = lib.root / f"{TEMP_PREFIX}import-{secrets.token_hex(6)}"
    try:
        with archive:
            members = _check_members(pack, archive, limits)
            manifest = _read_manifest(pack, archive, members, limits)
            plans = _plan(pack, manifest, members)
            staging.mkdir(parents=True)
            for plan in plans:
                for clip in plan.clips:
                    _stage(pack, archive, members, clip.file, staging, limits)
                    try:
                        shape = probe_audio(clip.file.staged)
                    except LibraryError:
                        raise _refuse(pack, f"{clip.file.member!r} is not readable audio") from None
                    clip.fields.update(
                        sample_rate=shape.sample_rate, channels=shape.channels, frames=shape.frames
                    )
                    try:
                        _check_trim((clip.fields["trim_start"], clip.fields["trim_end"]), shape.duration_s)
                    except LibraryError:
                        clip.fields.update(trim_start=None, trim_end=None)  # bad trim: keep whole clip
                for _family, _suffix, entry in plan.prompts:
                    _stage(pack, archive, members, entry, staging, limits)
        return _commit(lib, plans)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _commit(lib: Library, plans: list[_VoicePlan]) -> ImportResult:
    placed: list[Path] = []
    renamed: dict[str, str] = {}
    voice_ids: list[int] = []
    now = to_db(now_utc())
    try:
        with lib._db.transaction() as conn:
            for plan in plans:
                fields = dict(plan.fields)
                wanted = fields.pop("name")
                name = lib.unique_voice_name(wanted)
                if name != wanted:
                    renamed[wanted] = name
                uid = fields.pop("uid")
                if uid is None or conn.execute("SELECT 1 FROM voices WHERE uid = ?", (uid,)).fetchone():
                    uid = new_uid()
                created = fields.pop("created_at") or now
                voice = lib.add_voice(name, consent=plan.consent, tags=plan.tags, uid=uid, **fields)
                conn.execute("UPDATE voices SET created_at = ? WHERE id = ?", (created, voice.id))
                voice_ids.append(voice.id)
                for clip in plan.clips:
                    rel = lib._new_rel(CLIPS_DIR, ".flac")
                    _place(clip.file.staged, lib._abs(rel), placed, lib)
                    cf = clip.fields
                    clip_uid = cf["uid"]
                    if (
                        clip_uid is None
                        or conn.execute("SELECT 1 FROM clips WHERE uid = ?", (clip_uid,)).fetchone()
                    ):
                        clip_uid = new_uid()
                    lib._insert_clip(
                        conn,
                        uid=clip_uid,
                        voice_id=voice.id,
                        audio_file=rel,
                        transcript=cf["transcript"],
                        source=cf["source"],
                        source_name=cf["source_name"],
                        device=cf["device"],
                        sample_rate=cf["sample_rate"],
                        channels=cf["channels"],
                        frames=cf["frames"],
                        quality_json=to_json(cf["quality"]),
                        trim_start=cf["trim_start"],
                        trim_end=cf["trim_end"],
                        created_at=cf["created_at"] or now,
                    )
                for family, suffix, entry in plan.prompts:
                    rel = lib._new_rel(f"{PROMPTS_DIR}/{family}", suffix)
                    size = entry.staged.stat().st_size
                    _place(entry.staged, lib._abs(rel), placed, lib)
                    conn.execute(
                        "INSERT INTO prepared_prompts (voice_id, family, file, size, sha256, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (voice.id, family, rel, size, entry.sha256, now),
                    )
                # The voice's dictionary; a file left at this id by a deleted voice is replaced.
                dictionary = lexicon_path(lib.root, voice.id)
                if plan.lexicon:
                    write_rows(dictionary, plan.lexicon)
                    placed.append(dictionary)
                else:
                    with contextlib.suppress(FileNotFoundError):
                        dictionary.unlink()
    except BaseException:
        for path in placed:  # copies out of the pack, not yet part of the library
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return ImportResult(tuple(lib.get_voice(v) for v in voice_ids), renamed)


def _place(staged: Path | None, final: Path, placed: list[Path], lib: Library) -> None:
    if staged is None:  # pragma: no cover - every entry is staged before commit
        raise LibraryError("Internal error: a voicepack file was not staged.")
    durable_move(staged, final, durable=False)
    placed.append(final)
    if lib._durable:
        fsync_dir(final.parent)
