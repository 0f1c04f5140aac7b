"""Render project blocks on a pool of Ray actors, each holding one loaded engine.

    from studio.cluster import render_blocks
    results = render_blocks(model_dir, jobs, address="ray://head:10001", num_actors=4)
    # results[i] is the BlockAudio of jobs[i]; same seeds give the same samples as
    # synthesize_block(engine, job) in one process

How it runs:
- `num_actors` actors (`EngineActor`) each load the model once: on a GPU of their own when the
  cluster has GPUs (`num_gpus=1` each), else on CPU with `cpus_per_actor` cores and as many torch
  threads. The model folder must exist at `model_dir` on every node (a shared disk or a copy).
- The prepared voice files are sent through Ray's object store once each, so worker nodes need no
  access to the library.
- Blocks are handed out one at a time to whichever actor is free (long blocks do not hold up a
  whole batch). When an actor dies (node lost, process killed, out of memory) its block goes back
  to the queue and runs on another actor, up to `max_retries` times per block; a replacement actor
  is started while the retry budget lasts. A block the engine refuses (bad text, wrong voice
  family) is not retried: the render stops with `BlockFailed` naming the block.
- `on_result(BlockAudio)` is called on the calling thread in the jobs' order, as soon as a block
  and every block before it are done, so a caller can append to a timeline or library as it goes.
- `cancel` (a threading.Event) stops the render within about `POLL_S`: in-flight blocks are
  abandoned, the actors are killed, and `RenderCancelled` is raised (`completed` holds what was done).

Ray is optional (`pip install 'voice-studio[cluster]'`); without it `ClusterUnavailable` says how
to install it. `ray.init` is called only when Ray is not initialised yet (`address=None`: a local
Ray on this machine; `"auto"`: the cluster this machine belongs to; `"ray://host:10001"`: a remote
head), and a Ray started here is shut down again at the end.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import os
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from studio.engine.blockjob import BlockAudio, BlockJob

POLL_S = 0.2
INSTALL_HINT = "pip install 'voice-studio[cluster]'  (or: pip install 'ray[default]')"


class ClusterError(Exception):
    """The cluster render cannot go on; `str(err)` is a sentence for the user."""


class ClusterUnavailable(ClusterError):
    """Ray is not installed, or the cluster cannot be reached."""


class BlockFailed(ClusterError):
    """The engine refused a block (not retried: it would fail the same way elsewhere)."""

    def __init__(self, index: int, message: str):
        super().__init__(f"Block {index} failed: {message}")
        self.index = index


class RenderCancelled(ClusterError):
    def __init__(self, completed: dict[int, BlockAudio]):
        super().__init__(f"The render was cancelled after {len(completed)} blocks.")
        self.completed = completed


def import_ray() -> Any:
    """The `ray` module, or ClusterUnavailable with the install command."""
    try:
        import ray
    except ImportError:
        raise ClusterUnavailable(
            f"Rendering on a Ray cluster needs Ray, which is not installed. Install it with: {INSTALL_HINT}"
        ) from None
    return ray


class EngineActorImpl:
    """The actor's body (wrapped with `ray.remote` at run time): one loaded engine, blocks in turn."""

    def __init__(self, model_dir: str, device: str | None, text_normalizer: str, threads: int):
        import torch

        from studio.engine import load_model

        if threads > 0:
            torch.set_num_threads(threads)
        self.engine = load_model(model_dir, device=device, text_normalizer=text_normalizer)
        self.voices_dir = Path(tempfile.mkdtemp(prefix="voice-studio-ray-voices-"))

    def ready(self) -> dict[str, Any]:
        return {"family": self.engine.family, "device": str(self.engine.device), "pid": os.getpid()}

    def render(self, job: BlockJob, voice_digest: str, voice_bytes: bytes) -> BlockAudio:
        from studio.engine.blockjob import synthesize_block

        path = self.voices_dir / f"{voice_digest}.voice.safetensors"
        if not path.is_file():
            tmp = path.with_suffix(".part")
            tmp.write_bytes(voice_bytes)
            os.replace(tmp, path)
        result = synthesize_block(self.engine, replace(job, voice_path=str(path)))
        assert result is not None  # no cancel event is given to the actor
        return result


def render_blocks(
    model_dir: str | os.PathLike,
    jobs: Sequence[BlockJob],
    *,
    address: str | None = None,
    num_actors: int | None = None,
    device: str | None = None,
    cpus_per_actor: int = 1,
    text_normalizer: str = "wetext",
    on_result: Callable[[BlockAudio], None] | None = None,
    cancel: threading.Event | None = None,
    max_retries: int = 3,
    on_event: Callable[[str], None] | None = None,
    actor_name_prefix: str | None = None,
) -> list[BlockAudio]:
    """Render `jobs` on Ray actors; returns one BlockAudio per job, in the order of `jobs`.

    num_actors: default = the cluster's GPUs, else its CPUs // cpus_per_actor (at least 1), never
    more than there are blocks. device: "cpu", "cuda" or None (CUDA when the cluster has GPUs).
    on_event(text): progress lines (actors started, lost, retried), for a log or status bar.
    actor_name_prefix: name the actors PREFIX-0, PREFIX-1, ... (replacements continue the count)
    so an operator can find them with `ray.get_actor`; default anonymous.
    Raises ClusterUnavailable, BlockFailed, RenderCancelled, ClusterError.
    """
    jobs = list(jobs)
    if not jobs:
        return []
    ray = import_ray()
    say = on_event or (lambda _text: None)
    started_here = False
    if not ray.is_initialized():
        try:
            ray.init(address=address, include_dashboard=False, log_to_driver=False)
        except Exception as err:  # ConnectionError, RuntimeError, ValueError from ray.init
            hint = ""
            if str(address or "").startswith("ray://") and os.environ.get("RAY_AUTH_MODE") != "token":
                hint = (
                    " If the cluster uses Ray's token authentication (recent Ray versions turn it on by"
                    " default), set RAY_AUTH_MODE=token here and give this machine the head's token"
                    " (its ~/.ray/auth_token, or RAY_AUTH_TOKEN)."
                )
            raise ClusterUnavailable(
                f"Cannot reach the Ray cluster at {address or 'this machine'}: {_first_line(err).rstrip('.')}.{hint}"
            ) from None
        started_here = True
    try:
        return _render(ray, str(model_dir), jobs, num_actors, device, cpus_per_actor, text_normalizer,
                       on_result, cancel, max_retries, say, actor_name_prefix)  # fmt: skip
    finally:
        if started_here:
            ray.shutdown()


def _render(ray, model_dir, jobs, num_actors, device, cpus_per_actor, text_normalizer, on_result, cancel,
            max_retries, say, name_prefix) -> list[BlockAudio]:  # fmt: skip
    from ray.exceptions import GetTimeoutError, RayActorError, RayTaskError

    resources = ray.cluster_resources()
    gpus = int(resources.get("GPU", 0))
    use_gpu = gpus > 0 and device != "cpu"
    if num_actors is None:
        num_actors = gpus if use_gpu else max(1, int(resources.get("CPU", 1)) // max(1, cpus_per_actor))
    num_actors = max(1, min(int(num_actors), len(jobs)))
    actor_device = device or ("cuda" if use_gpu else "cpu")
    options = {"num_gpus": 1, "num_cpus": 1} if use_gpu else {"num_cpus": cpus_per_actor}
    Actor = ray.remote(max_restarts=0, max_task_retries=0)(EngineActorImpl)

    # each voice file once into the object store
    voices: dict[str, tuple[str, Any]] = {}
    for job in jobs:
        if job.voice_path not in voices:
            try:
                data = Path(job.voice_path).read_bytes()
            except OSError as err:
                raise BlockFailed(
                    job.index, f"cannot read the voice file {job.voice_path} ({err.strerror})"
                ) from None
            voices[job.voice_path] = (hashlib.sha256(data).hexdigest()[:32], ray.put(data))

    count = iter(range(1 << 30))

    def new_actor():
        extra = {"name": f"{name_prefix}-{next(count)}"} if name_prefix else {}
        return Actor.options(**options, **extra).remote(model_dir, actor_device, text_normalizer,
                                                        0 if use_gpu else cpus_per_actor)  # fmt: skip

    actors = [new_actor() for _ in range(num_actors)]
    say(f"Starting {num_actors} engine actors ({'GPU' if use_gpu else 'CPU'}) ...")
    try:  # a model that cannot load fails here once, with the engine's own sentence
        ready = ray.get([a.ready.remote() for a in actors])
    except (RayActorError, RayTaskError) as err:
        for actor in actors:
            _kill(ray, actor)
        cause = getattr(err, "cause", None) or err
        raise ClusterError(f"The model could not be loaded on the cluster: {_first_line(cause)}") from None
    say("Engine actors ready: " + ", ".join(f"{r['device']} (pid {r['pid']})" for r in ready))
    pending: collections.deque[int] = collections.deque(range(len(jobs)))  # positions in `jobs`
    attempts = [0] * len(jobs)
    results: dict[int, BlockAudio] = {}
    in_flight: dict[Any, tuple[Any, int]] = {}  # ref -> (actor, position)
    idle = list(actors)
    replacements = max_retries * num_actors
    next_to_report = 0
    try:
        while len(results) < len(jobs):
            if cancel is not None and cancel.is_set():
                raise RenderCancelled({jobs[p].index: r for p, r in results.items()})
            while idle and pending:
                actor, pos = idle.pop(), pending.popleft()
                digest, ref = voices[jobs[pos].voice_path]
                attempts[pos] += 1
                in_flight[actor.render.remote(jobs[pos], digest, ref)] = (actor, pos)
            if not in_flight:
                raise ClusterError("Every engine actor was lost; the render cannot go on.")
            done, _ = ray.wait(list(in_flight), num_returns=1, timeout=POLL_S)
            for ref in done:
                actor, pos = in_flight.pop(ref)
                try:
                    results[pos] = ray.get(ref, timeout=60)
                    idle.append(actor)
                except RayActorError as err:
                    say(f"An engine actor was lost during block {jobs[pos].index}; retrying it elsewhere.")
                    _kill(ray, actor)
                    if attempts[pos] > max_retries:
                        raise ClusterError(
                            f"Block {jobs[pos].index} was lost {attempts[pos]} times with its actor: {err}"
                        ) from None
                    pending.appendleft(pos)
                    if replacements > 0:
                        replacements -= 1
                        idle.append(new_actor())
                except RayTaskError as err:
                    cause = err.cause if getattr(err, "cause", None) is not None else err
                    raise BlockFailed(jobs[pos].index, _first_line(cause)) from None
                except GetTimeoutError:
                    pending.appendleft(pos)
                    idle.append(actor)
            while next_to_report < len(jobs) and next_to_report in results:
                if on_result is not None:
                    on_result(results[next_to_report])
                next_to_report += 1
    finally:
        for actor in actors + [a for a, _ in in_flight.values()] + idle:
            _kill(ray, actor)
    return [results[pos] for pos in range(len(jobs))]


def _kill(ray, actor) -> None:
    with contextlib.suppress(Exception):  # already dead
        ray.kill(actor, no_restart=True)


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[-1] if text else type(err).__name__
