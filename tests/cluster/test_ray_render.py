"""Ray in local mode: two engine actors render a 20-block project exactly as one process does,
and the render survives one actor being killed in the middle (its block is retried elsewhere);
`project render --ray` writes the same audio and the same per-sentence subtitles as a local render."""

from __future__ import annotations

import sys

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
