"""Rendering a project block by block: the plan (what needs audio), the renderer seam, and the loop.

The per-block synthesis is pluggable. A `BlockRenderer` gets the `BlockJob`s that need audio and
calls `on_result(job, audio, sentences)` for each finished block, in any order, until `cancel` is
set. `LocalRenderer` runs `studio.engine.blockjob.synthesize_block` on a loaded engine (the same
function a cluster backend runs remotely, so the same job gives the same samples anywhere);
`CallableRenderer` adapts any `(BlockJob) -> BlockAudio | None` callable.

Every finished block is committed to the library at once (`ProjectStore.add_take`), so a cancel or
a crash keeps every block rendered so far; rendering again renders only the blocks whose
fingerprint has no take yet.

Subtitle cues: a cue whose speech is longer than its slot is rendered again faster, at the speed
that fits (at most `max_speed`, 1.25x by default); if it still does not fit it is an overrun.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from studio.engine.blockjob import BlockAudio, BlockJob, synthesize_block
from studio.project.errors import ProjectError
from studio.project.fingerprint import block_fingerprint
from studio.project.model import (
    STATE_PENDING,
    STATE_RENDERED,
    STATE_STALE,
    Block,
    BlockTake,
    Project,
    SentenceMark,
    SpeakerVoice,
    block_voice,
)

if TYPE_CHECKING:
    from studio.project.store import ProjectStore

# A re-fit asks for a little more speed than the plain ratio: the vocoder's length is not exactly
# proportional to the speed.
REFIT_MARGIN = 1.02

OnResult = Callable[..., None]  # on_result(job, audio, sentences=None)


class BlockFailed(ProjectError):
    """A block could not be rendered; `index` is the job's index."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


class BlockRenderError(ProjectError):
    """A render stopped on one block: the message names it ("block 3 could not be rendered: …");
    `block_id` is the block's id and `reason` the renderer's own sentence (after the colon)."""

    def __init__(self, message: str, block_id: int | None, reason: str) -> None:
        super().__init__(message)
        self.block_id = block_id
        self.reason = reason


class BlockRenderer(Protocol):
    """Renders BlockJobs; the seam a cluster backend plugs into (`project render --ray`)."""

    def render(
        self, jobs: Sequence[BlockJob], on_result: OnResult, cancel: threading.Event
    ) -> None:  # pragma: no cover - protocol
        """Call `on_result(job, audio)` (optionally with `sentences`, a list of SentenceMark) for
        every job rendered; stop early when `cancel` is set; raise BlockFailed for a job that fails."""


def sentence_marks(audio: BlockAudio) -> list[SentenceMark]:
    """The block's sentence timings (from `synthesize_block`, here or on a Ray actor) as SentenceMarks."""
    return [SentenceMark(int(start), int(end), str(text)) for start, end, text in audio.sentences]


class LocalRenderer:
    """Renders jobs one after another on this process's engine, through `synthesize_block`."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.engine_calls = 0

    def render(self, jobs: Sequence[BlockJob], on_result: OnResult, cancel: threading.Event) -> None:
        from studio.engine.errors import EngineError

        for job in jobs:
            if cancel.is_set():
                return
            self.engine_calls += 1
            try:
                audio = synthesize_block(self.engine, job, cancel)
            except EngineError as err:
                raise BlockFailed(job.index, str(err)) from None
            except (OSError, RuntimeError, ValueError) as err:
                raise BlockFailed(job.index, f"{type(err).__name__}: {err}") from None
            if audio is None:
                return
            on_result(job, audio, sentence_marks(audio))


class CallableRenderer:
    """Adapts a per-block function `(BlockJob) -> BlockAudio | None` (None = cancelled)."""

    def __init__(self, fn: Callable[[BlockJob], BlockAudio | None]) -> None:
        self.fn = fn

    def render(self, jobs: Sequence[BlockJob], on_result: OnResult, cancel: threading.Event) -> None:
        for job in jobs:
            if cancel.is_set():
                return
            audio = self.fn(job)
            if audio is None:
                return
            on_result(job, audio, sentence_marks(audio))


# -- voices ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResolvedVoice:
    path: Path
    sha256: str
    label: str  # the library voice's name or the file name


_FILE_HASHES: dict[tuple[str, int, int], str] = {}


def file_identity(path: Path) -> str:
    """SHA-256 of a voice file, cached by (path, size, mtime)."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _FILE_HASHES:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        _FILE_HASHES[key] = digest.hexdigest()
    return _FILE_HASHES[key]


class VoiceResolver:
    """Maps a block to its prepared voice file for one model family.

    A block's own voice wins over its speaker's; a speaker without a voice uses the default ('')
    voice. `prepare(voice_id)` (optional) prepares a library voice that has no prompt for the
    family yet and returns the file; without it such a voice is an error that says what to do,
    unless `preview` is set: a plan only shown to the user (the window's table, `project show`)
    treats it as a voice the next render prepares from its clip (after switching models, say), so
    its blocks read "stale" or "not rendered", not "no voice". A preview's voice has no file.
    """

    def __init__(
        self,
        store: ProjectStore,
        project: Project,
        family: str,
        prepare: Callable[[int], Path] | None = None,
        preview: bool = False,
    ) -> None:
        self.store = store
        self.lib = store.lib
        self.family = family
        self.prepare = prepare
        self.preview = preview
        self.speakers = store.speakers(project.id)
        self._cache: dict[tuple[str | None, str | None], ResolvedVoice] = {}

    def voice_for(self, block: Block) -> ResolvedVoice:
        ref = block_voice(block, self.speakers)
        if ref is None:
            who = f"the speaker {block.speaker!r}" if block.speaker else "blocks without a speaker"
            option = f"--voice {block.speaker}=VOICE" if block.speaker else "--voice VOICE"
            raise ProjectError(
                f"No voice is chosen for {who} (block {block.position + 1}); map it with {option} "
                "or in the project's speaker list."
            )
        key = (ref.voice_uid, ref.voice_file)
        if key not in self._cache:
            self._cache[key] = self._resolve(ref)
        return self._cache[key]

    def _resolve(self, ref: SpeakerVoice) -> ResolvedVoice:
        if ref.voice_file:
            path = Path(ref.voice_file)
            if not path.is_file():
                raise ProjectError(
                    f"The voice file {path} used by {ref.speaker or 'the project'} no longer exists; "
                    "choose another voice."
                )
            return ResolvedVoice(path, file_identity(path), path.name)
        row = self.lib._db.query_one("SELECT id, name FROM voices WHERE uid = ?", (ref.voice_uid,))
        if row is None:
            who = f"speaker {ref.speaker!r}" if ref.speaker else "this project"
            raise ProjectError(
                f"The voice used by {who} was deleted from the library; choose another voice "
                f"(--voice {ref.speaker + '=' if ref.speaker else ''}VOICE or the speaker list). "
                "Blocks already rendered with it are kept."
            )
        prompt = self.lib.prepared_prompt(row["id"], self.family)
        if prompt is None and self.prepare is None and self.preview and self.lib.list_clips(row["id"]):
            # prepared at the next render; no take can match a voice that does not exist yet
            return ResolvedVoice(Path(), f"unprepared:{ref.voice_uid}:{self.family}", row["name"])
        if prompt is None:
            if self.prepare is None:
                raise ProjectError(
                    f"The voice {row['name']!r} has not been prepared for {self.family} yet; "
                    "render with the model loaded so it can be prepared from its clip."
                )
            self.prepare(row["id"])
            prompt = self.lib.prepared_prompt(row["id"], self.family)
            if prompt is None:
                raise ProjectError(f"The voice {row['name']!r} could not be prepared for {self.family}.")
        return ResolvedVoice(prompt.path, prompt.sha256, row["name"])


# -- the plan ------------------------------------------------------------------------------------


@dataclass
class PlanItem:
    block: Block
    fingerprint: str | None
    voice: ResolvedVoice | None
    take: BlockTake | None  # the take that matches the fingerprint, if any
    chosen: BlockTake | None  # the block's chosen take (may be stale)
    error: str | None = None
    take_ids: tuple[int, ...] = ()  # ids of all the block's takes, oldest first

    @property
    def take_number(self) -> tuple[int, int] | None:
        """(n, count): the shown take (`take`, else `chosen`) is the block's n-th of `count` takes
        (1-based, oldest first, as the block inspector lists them); None without a take."""
        shown = self.take or self.chosen
        if shown is None or shown.id not in self.take_ids:
            return None
        return self.take_ids.index(shown.id) + 1, len(self.take_ids)

    @property
    def state(self) -> str:
        if self.take is not None:
            return STATE_RENDERED
        if self.chosen is not None:
            return STATE_STALE
        return STATE_PENDING


def fingerprint_for(block: Block, voice: ResolvedVoice, model_hash: str, max_speed: float) -> str:
    cue_ms = (block.cue_end_ms - block.cue_start_ms) if block.is_cue else None  # type: ignore[operator]
    return block_fingerprint(
        text=block.text,
        voice_sha256=voice.sha256,
        model_hash=model_hash,
        mode=block.mode,
        instruction=block.instruction,
        speed=block.speed,
        seed=block.seed,
        cue_ms=cue_ms,
        max_speed=max_speed,
    )


def make_plan(
    store: ProjectStore,
    project: Project,
    resolver: VoiceResolver | None,
    model_hash: str,
    blocks: Sequence[Block] | None = None,
) -> list[PlanItem]:
    """Each block (all of the project's, or `blocks`) with its fingerprint and matching take.
    Without a resolver (no model known), the state only says whether a block has audio at all."""
    blocks = store.blocks(project.id) if blocks is None else list(blocks)
    chosen = store.takes_by_id(b.chosen_take_id for b in blocks if b.chosen_take_id)
    max_speed = float(project.setting("max_speed"))
    by_fingerprint = store.latest_takes_by_fingerprint(project.id) if resolver is not None else {}
    take_ids = store.take_ids_by_block(project.id, [b.id for b in blocks])
    wanted: dict[int, BlockTake] = {}
    items = []
    for block in blocks:
        current = chosen.get(block.chosen_take_id) if block.chosen_take_id else None
        ids = tuple(take_ids.get(block.id, ()))
        if resolver is None:
            items.append(PlanItem(block, None, None, current, current, take_ids=ids))
            continue
        try:
            voice = resolver.voice_for(block)
        except ProjectError as err:
            items.append(PlanItem(block, None, None, None, current, str(err), take_ids=ids))
            continue
        fp = fingerprint_for(block, voice, model_hash, max_speed)
        take = current if current is not None and current.fingerprint == fp else None
        if take is None and fp in by_fingerprint:
            take_id = by_fingerprint[fp]
            if take_id not in wanted:
                wanted.update(store.takes_by_id([take_id]))
            take = wanted.get(take_id)
        items.append(PlanItem(block, fp, voice, take, current, take_ids=ids))
    return items


# -- the loop ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderProgress:
    """Reported after every block: counts, audio made, elapsed and estimated time left (seconds)."""

    done: int
    total: int
    block_number: int  # 1-based position of the block just finished
    block_text: str
    state: str  # "rendered", "refit" (rendered faster to fit its cue) or "reused"
    audio_seconds: float
    elapsed_s: float
    eta_s: float | None
    block_id: int | None = None  # the block just finished (the window repaints its row)


@dataclass
class Overrun:
    """A cue whose speech is longer than its slot even at the speed limit."""

    cue_index: int
    block_number: int
    overrun_s: float
    speed_used: float

    def describe(self) -> str:
        return (
            f"cue {self.cue_index} is {self.overrun_s:.2f} s longer than its slot "
            f"(at {self.speed_used:.2f}x); shorten its text or widen the cue"
        )


@dataclass
class RenderReport:
    rendered: int = 0
    reused: int = 0
    refit: int = 0
    total: int = 0
    cancelled: bool = False
    audio_seconds: float = 0.0
    elapsed_s: float = 0.0
    overruns: list[Overrun] = field(default_factory=list)


def render_project(
    store: ProjectStore,
    project: Project,
    renderer: BlockRenderer,
    *,
    resolver: VoiceResolver,
    model_hash: str,
    progress: Callable[[RenderProgress], None] | None = None,
    cancel: threading.Event | None = None,
    block_ids: Sequence[int] | None = None,
) -> RenderReport:
    """Render every block of `project` that has no take for its current fingerprint.

    `block_ids` limits the render to those blocks. Raises BlockRenderError (a ProjectError with the
    block number in its message and the block's id) for a block that cannot be rendered, ProjectError
    for a speaker without a voice; blocks finished before stay.
    """
    cancel = cancel or threading.Event()
    plan = make_plan(store, project, resolver, model_hash)
    if block_ids is not None:
        wanted = set(block_ids)
        plan = [item for item in plan if item.block.id in wanted]
    for item in plan:
        if item.error:
            raise ProjectError(item.error)
    report = RenderReport(total=len(plan))
    start = time.perf_counter()
    todo: list[PlanItem] = []
    for item in plan:
        if item.take is not None:
            if item.block.chosen_take_id != item.take.id:
                store.choose_take(item.block.id, item.take.id)
            report.reused += 1
        else:
            todo.append(item)
    max_speed = float(project.setting("max_speed"))
    chars_total = sum(len(i.block.text) for i in todo) or 1
    chars_done = 0
    refits: list[tuple[BlockJob, PlanItem]] = []
    by_index = dict(enumerate(todo))

    def emit(item: PlanItem, state: str) -> None:
        nonlocal chars_done
        chars_done += len(item.block.text)
        done = report.rendered + report.reused
        elapsed = time.perf_counter() - start
        eta = elapsed * (chars_total - chars_done) / chars_done if chars_done else None
        if progress is not None:
            progress(
                RenderProgress(
                    done,
                    report.total,
                    item.block.position + 1,
                    item.block.text,
                    state,
                    report.audio_seconds,
                    elapsed,
                    eta,
                    item.block.id,
                )
            )

    def store_take(job: BlockJob, item: PlanItem, audio: BlockAudio, sentences) -> None:
        assert item.fingerprint is not None
        take = store.add_take(
            item.block,
            fingerprint=item.fingerprint,
            audio=audio.samples,
            sample_rate=audio.sample_rate,
            seed=audio.seed,
            speed_used=job.speed,
            sentences=sentences or (),
            render_seconds=None,
        )
        item.take = take
        report.rendered += 1
        report.audio_seconds += len(audio.samples) / audio.sample_rate

    def first_pass(job: BlockJob, audio: BlockAudio, sentences=None) -> None:
        item = by_index[job.index]
        block = item.block
        if block.is_cue:
            slot = (block.cue_end_ms - block.cue_start_ms) / 1000.0  # type: ignore[operator]
            length = len(audio.samples) / audio.sample_rate
            limit = max(block.speed, max_speed)
            if length > slot and block.speed < limit:
                speed = min(limit, block.speed * length / slot * REFIT_MARGIN)
                refits.append((_with_speed(job, speed), item))
                return
        store_take(job, item, audio, sentences)
        emit(item, "rendered")

    def second_pass(job: BlockJob, audio: BlockAudio, sentences=None) -> None:
        item = by_index[job.index]
        store_take(job, item, audio, sentences)
        report.refit += 1
        emit(item, "refit")

    jobs = [
        BlockJob(
            index=i,
            text=item.block.text,
            voice_path=str(item.voice.path),  # type: ignore[union-attr]
            mode=item.block.mode,
            instruction=item.block.instruction or None,
            speed=item.block.speed,
            seed=item.block.seed,
        )
        for i, item in by_index.items()
    ]
    try:
        if jobs:
            renderer.render(jobs, first_pass, cancel)
        if refits and not cancel.is_set():
            renderer.render([job for job, _item in refits], second_pass, cancel)
    except BlockFailed as err:
        item = by_index.get(err.index)
        where = f"block {item.block.position + 1}" if item else "a block"
        if item is not None and item.block.cue_index is not None:
            where = f"cue {item.block.cue_index}"
        raise BlockRenderError(
            f"{where} could not be rendered: {err}", item.block.id if item else None, str(err)
        ) from None
    report.cancelled = cancel.is_set() and report.rendered + report.reused < report.total
    report.elapsed_s = time.perf_counter() - start
    return report


def _with_speed(job: BlockJob, speed: float) -> BlockJob:
    return BlockJob(job.index, job.text, job.voice_path, job.mode, job.instruction, round(speed, 4), job.seed)


def prepare_library_voice(store: ProjectStore, engine) -> Callable[[int], Path]:
    """A `prepare` for VoiceResolver: prepares a library voice from its newest clip with `engine`
    and stores the prompt in the library for the engine's family."""
    import tempfile

    def prepare(voice_id: int) -> Path:
        voice = store.lib.get_voice(voice_id)
        clips = [c for c in store.lib.list_clips(voice_id)]
        if not clips:
            raise ProjectError(f"The voice {voice.name!r} has no clip to prepare it from.")
        clip = clips[-1]
        audio, rate = store.lib.clip_audio(clip)
        prepared = engine.prepare_voice(audio, rate, transcript=clip.transcript or None)
        fd, tmp = tempfile.mkstemp(suffix=".voice.safetensors")
        os.close(fd)
        try:
            prepared.save(tmp)
            prompt = store.lib.set_prepared_prompt(voice_id, engine.family, tmp)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return prompt.path

    return prepare
