"""Ray in local mode: two engine actors render a 20-block project exactly as one process does,
the render survives one actor being killed in the middle (its block is retried elsewhere), a render
cancelled in the middle stops its actors at once and keeps the blocks already rendered, and
`project render --ray` writes the same audio and the same per-sentence subtitles as a local render."""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from studio.engine.blockjob import BlockJob, synthesize_block
from tests.conftest import CV2_MODEL, PROMPT_EN, PROMPT_EN_TEXT, REPO

TEXTS = ["Hi.", "One more.", "Block two.", "Yes.", "Good night."]
# one block the engine speaks as two segments (the rules frontend packs sentences into pieces of more
# than 60 tokens): per-sentence subtitles of it need the sentence marks from the actors
PARAGRAPH = (
    "Today we build a small wooden bird feeder, and you need four short boards, a drill, a box of screws, "
    "some glue, a saw and a little patience. The birds will find it within a day or two and come back "
    "every morning."
)


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray")
    ray.init(
        num_cpus=2,
        object_store_memory=80 * 1024 * 1024,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={"env_vars": {"PYTHONPATH": str(REPO), "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1"}},
    )
    yield ray
    ray.shutdown()


@pytest.mark.slow
def test_two_actors_render_20_blocks_like_one_process_and_survive_a_killed_actor(
    ray_local, cv2_engine, tmp_path
):
    import torch

    from studio.cluster import render_blocks

    ray = ray_local
    voice_path = tmp_path / "alice.voice.safetensors"
    cv2_engine.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT).save(voice_path)
    jobs = [BlockJob(i, TEXTS[i % len(TEXTS)], str(voice_path), seed=1000 + i) for i in range(20)]
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as each CPU actor runs (cpus_per_actor=1)
    try:
        local = [synthesize_block(cv2_engine, job) for job in jobs]
    finally:
        torch.set_num_threads(threads)

    reported: list[int] = []
    events: list[str] = []

    def on_result(block):
        reported.append(block.index)
        if len(reported) == 3:  # a third of the way in: kill one actor while blocks are in flight
            ray.kill(ray.get_actor("vs-test-engine-0"))

    results = render_blocks(
        CV2_MODEL,
        jobs,
        num_actors=2,
        text_normalizer="rules",
        on_result=on_result,
        on_event=events.append,
        actor_name_prefix="vs-test-engine",
    )
    assert any("lost" in e for e in events), events
    assert reported == list(range(20))  # in order, each once
    assert [r.index for r in results] == list(range(20))
    for mine, theirs in zip(local, results):
        assert theirs.seed == mine.seed and theirs.sample_rate == mine.sample_rate
        assert np.array_equal(theirs.samples, mine.samples), f"block {mine.index} differs"


def test_without_ray_the_message_says_how_to_install_it(monkeypatch):
    from studio.cluster import ClusterUnavailable, render_blocks

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    job = BlockJob(0, "Hi.", "voice.safetensors")
    with pytest.raises(ClusterUnavailable, match=r"pip install 'voice-studio\[cluster\]'"):
        render_blocks(CV2_MODEL, [job])


@pytest.mark.slow
def test_project_render_with_ray_writes_the_same_audio_as_a_local_render(ray_local, cv2_engine, tmp_path):
    """`voice-studio project render SCRIPT ... --ray`: the blocks go to two Ray actors, the file is the
    same as a render in this process with the same seed, and so are the subtitles with a cue per
    sentence (the actors send each block's sentence marks back with its audio)."""
    import soundfile as sf
    import srt

    from studio.cli import main

    voice_path = tmp_path / "alice.voice.safetensors"
    cv2_engine.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT).save(voice_path)
    script = tmp_path / "script.txt"
    script.write_text("\n\n".join([PARAGRAPH, TEXTS[0]]) + "\n", encoding="utf-8")
    import torch

    outputs, subtitles = {}, {}
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as each CPU actor runs (cpus_per_actor=1)
    for name, extra in (("local", []), ("ray", ["--ray", "--ray-actors", "2"])):
        out = tmp_path / f"{name}.wav"
        code = main(
            [
                "project", "render", str(script), "--model", str(CV2_MODEL), "--voice", str(voice_path),
                "--out", str(out), "--seed", "5", "--normalizer", "rules", "--library", str(tmp_path / name),
                "--subtitles", str(tmp_path / f"{name}.srt"), "--subtitle-units", "sentences", *extra,
            ]
        )  # fmt: skip
        assert code == 0
        outputs[name] = sf.read(str(out), dtype="int32")[0]
        subtitles[name] = list(srt.parse((tmp_path / f"{name}.srt").read_text(encoding="utf-8")))
    torch.set_num_threads(threads)
    assert outputs["local"].size > 0
    assert np.array_equal(outputs["local"], outputs["ray"])
    local, ray = subtitles["local"], subtitles["ray"]
    assert [c.content for c in local][:2] == [
        "Today we build a small wooden bird feeder, and you need four short boards, a drill, a box of "
        "screws, some glue, a saw and a little patience.",
        "The birds will find it within a day or two and come back every morning.",
    ]  # the paragraph's two segments are cues of their own
    assert [(c.start, c.end, c.content) for c in ray] == [(c.start, c.end, c.content) for c in local]


def _process_gone(pid: int) -> bool:
    """No such process, or only its exit status left (a zombie does no work)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    return state in ("Z", "X")


@pytest.mark.slow
def test_a_cancelled_render_stops_its_actors_and_keeps_the_blocks_already_rendered(
    ray_local, cv2_engine, tmp_path, monkeypatch
):
    """Through the project's RayRenderer (what `project render --ray` uses). Block 0 is long, the rest
    short: one actor is still on block 0 when the other has finished blocks 1-3, and the render is
    cancelled then. It returns at once, the actor processes are gone soon after (block 0 stops), and
    blocks 1-3, finished but not yet reported (Ray reports in order), still reach `on_result`."""
    import torch

    from studio import cluster
    from studio.project.cluster_renderer import RayRenderer

    ray = ray_local
    voice_path = tmp_path / "alice.voice.safetensors"
    cv2_engine.prepare_voice(PROMPT_EN, transcript=PROMPT_EN_TEXT).save(voice_path)
    long_text = " ".join(
        ["This first block is long, so it is still being rendered when the cancel comes."] * 6
    )
    jobs = [BlockJob(0, long_text, str(voice_path), seed=3000)]
    jobs += [BlockJob(i, TEXTS[i % len(TEXTS)], str(voice_path), seed=3000 + i) for i in range(1, 10)]
    cancel = threading.Event()
    kept: dict[int, object] = {}
    events: list[str] = []
    finished_by_cluster: list[set[int]] = []
    cancelled_at: list[float] = []
    fetched: list[int] = []

    real_get = ray.get

    def get(refs, *args, **kwargs):  # the driver fetches each finished block: cancel after the third
        value = real_get(refs, *args, **kwargs)
        if hasattr(value, "samples"):
            fetched.append(value.index)
            if len(fetched) == 3 and not cancel.is_set():
                cancelled_at.append(time.monotonic())
                cancel.set()
        return value

    monkeypatch.setattr(ray, "get", get)
    real_render_blocks = cluster.render_blocks

    def render_blocks(*args, **kwargs):  # what the cluster had finished when it stopped
        try:
            return real_render_blocks(*args, **kwargs)
        except cluster.RenderCancelled as err:
            finished_by_cluster.append(set(err.completed))
            raise

    monkeypatch.setattr(cluster, "render_blocks", render_blocks)

    def on_result(job, audio, sentences=None):
        assert job.index == audio.index and job.index not in kept  # each block once
        kept[job.index] = audio

    renderer = RayRenderer(str(CV2_MODEL), num_actors=2, text_normalizer="rules", on_event=events.append)
    renderer.render(jobs, on_result, cancel)
    returned_at = time.monotonic()

    ready = next(e for e in events if e.startswith("Engine actors ready"))
    pids = [int(p) for p in re.findall(r"pid (\d+)", ready)]
    assert len(pids) == 2, events
    assert cancelled_at and returned_at - cancelled_at[0] < 5.0  # the render loop stops at once
    deadline = time.monotonic() + 20.0
    while not all(_process_gone(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(_process_gone(pid) for pid in pids), "the engine actors still run after the cancel"
    assert finished_by_cluster, "render_blocks did not end with RenderCancelled"
    assert fetched == [1, 2, 3] and finished_by_cluster[0] == {1, 2, 3}  # block 0 was still rendering
    assert set(kept) == {1, 2, 3}  # kept although block 0 before them never came

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as each CPU actor runs (cpus_per_actor=1)
    try:
        for index, audio in kept.items():
            local = synthesize_block(cv2_engine, jobs[index])
            assert np.array_equal(audio.samples, local.samples), f"block {index} differs"
    finally:
        torch.set_num_threads(threads)
