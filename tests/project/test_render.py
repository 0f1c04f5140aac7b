"""Rendering projects on the golden models, from the CLI contract and through the library API."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
import soundfile as sf
import srt
import webvtt

from studio.library import model_folder_hash
from studio.project import LocalRenderer, ProjectError, ProjectStore, VoiceResolver, render_project
from studio.project.export import export_project
from studio.project.importers import parse_script
from studio.project.mix import integrated_loudness
from tests.project.conftest import MODELS, CountingEngine, engine_for

MARKDOWN = "# One\n\nHello there.\n\n# Two\n\nGood day.\n\nA second line.\n\n# Three\n\nSee you.\n"
CSV = "speaker,text\nAlice,Hello Bob.\nBob,Hi Alice.\nAlice,Bye now.\n"


def make_srt(n: int = 20, slot_ms: int = 4000, gap_ms: int = 500) -> str:
    cues = []
    for i in range(n):
        start = 500 + i * (slot_ms + gap_ms)
        cues.append(srt.Subtitle(i + 1, _td(start), _td(start + slot_ms), f"Line {i + 1}."))
    return srt.compose(cues)


def _td(ms):
    from datetime import timedelta

    return timedelta(milliseconds=ms)


@pytest.mark.parametrize("family", ["cosyvoice2", "cosyvoice3"])
def test_markdown_csv_and_srt_render_and_export_every_format(family, cli, tmp_path, voice_files):
    voices = voice_files[family]
    model = MODELS[family]
    (tmp_path / "story.md").write_text(MARKDOWN)
    (tmp_path / "talk.csv").write_text(CSV)
    (tmp_path / "dub.srt").write_text(make_srt(20))
    lib = ["--library", tmp_path / "lib"]
    # three-chapter Markdown: WAV + SRT, then FLAC and MP3 reuse every block
    assert (
        cli(
            "project",
            "render",
            tmp_path / "story.md",
            "--model",
            model,
            "--voice",
            voices["en"],
            "--out",
            tmp_path / "story.wav",
            "--subtitles",
            tmp_path / "story.srt",
            "--seed",
            5,
            *lib,
        )
        == 0
    )
    assert len(cli.counters[-1].calls) == 4
    for ext in ("flac", "mp3"):
        assert (
            cli(
                "project",
                "render",
                tmp_path / "story.md",
                "--model",
                model,
                "--voice",
                voices["en"],
                "--out",
                tmp_path / f"story.{ext}",
                "--subtitles",
                tmp_path / "story.vtt",
                "--seed",
                5,
                *lib,
            )
            == 0
        )
        assert cli.counters[-1].calls == []  # nothing changed: nothing rendered
    wav = sf.info(str(tmp_path / "story.wav"))
    assert wav.subtype == "PCM_16" and wav.samplerate == engine_for(family).sample_rate
    assert sf.info(str(tmp_path / "story.flac")).format == "FLAC"
    assert sf.info(str(tmp_path / "story.mp3")).format == "MP3"
    cues = list(srt.parse((tmp_path / "story.srt").read_text()))
    sidecar = json.loads((tmp_path / "story.wav.json").read_text())
    assert [c.content for c in cues] == ["Hello there.", "Good day.", "A second line.", "See you."]
    for cue, block in zip(cues, sidecar["blocks"]):
        assert abs(cue.start.total_seconds() - block["start_s"]) < 0.001
        assert abs(cue.end.total_seconds() - block["end_s"]) < 0.001
    vtt = list(webvtt.read(str(tmp_path / "story.vtt")))
    assert [c.text for c in vtt] == [c.content for c in cues]
    assert sidecar["synthetic"] and sidecar["loudness"]["target_lufs"] == -16.0
    # two-voice CSV dialogue
    assert (
        cli(
            "project",
            "render",
            tmp_path / "talk.csv",
            "--model",
            model,
            "--voice",
            f"Alice={voices['en']}",
            "--voice",
            f"Bob={voices['zh']}",
            "--out",
            tmp_path / "talk.mp3",
            "--subtitles",
            tmp_path / "talk.vtt",
            *lib,
        )
        == 0
    )
    assert len(list(webvtt.read(str(tmp_path / "talk.vtt")))) == 3
    # 20-cue SRT: the output's timeline is the subtitle file's; every cue starts on time
    assert (
        cli(
            "project",
            "render",
            tmp_path / "dub.srt",
            "--model",
            model,
            "--voice",
            voices["en"],
            "--out",
            tmp_path / "dub.flac",
            "--subtitles",
            tmp_path / "dub-out.srt",
            *lib,
        )
        == 0
    )
    source = list(srt.parse((tmp_path / "dub.srt").read_text()))
    out = list(srt.parse((tmp_path / "dub-out.srt").read_text()))
    assert len(out) == 20
    for a, b in zip(source, out):
        assert abs((a.start - b.start).total_seconds()) <= 0.010
    info = sf.info(str(tmp_path / "dub.flac"))
    assert abs(info.frames / info.samplerate - source[-1].end.total_seconds()) < 0.001


def test_editing_one_block_renders_exactly_one(library, voice_files):
    engine = CountingEngine(engine_for("cosyvoice2"))
    store, project, resolver, model_hash = _project(library, MARKDOWN, voice_files, engine)
    report = render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    assert report.rendered == 4 and len(engine.calls) == 4
    block = store.blocks(project.id)[2]
    store.update_block(block.id, text="A changed line.")
    engine.calls.clear()
    report = render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    assert engine.calls == ["A changed line."] and report.rendered == 1 and report.reused == 3
    # re-importing the same script with one line edited also renders only that line
    engine.calls.clear()
    store.replace_content(project.id, parse_script(MARKDOWN.replace("See you.", "See you soon."), "markdown"))
    render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    assert engine.calls == ["See you soon."]
    # a re-roll (new seed) of one block renders that block alone
    engine.calls.clear()
    first = store.blocks(project.id)[0]
    store.update_block(first.id, seed=first.seed + 1)
    render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    assert engine.calls == ["Hello there."]
    assert len(store.block_takes(first.id)) == 2  # the earlier take is kept


def test_cancel_and_resume_gives_the_uninterrupted_audio(library, tmp_path, voice_files):
    engine = engine_for("cosyvoice2")
    store, project, resolver, model_hash = _project(library, MARKDOWN, voice_files, engine)
    cancel = threading.Event()

    def stop_after_two(p):
        if p.done == 2:
            cancel.set()

    report = render_project(
        store,
        project,
        LocalRenderer(engine),
        resolver=resolver,
        model_hash=model_hash,
        progress=stop_after_two,
        cancel=cancel,
    )
    assert report.cancelled and report.rendered == 2
    with pytest.raises(ProjectError, match="2 of 4 blocks are not rendered"):
        export_project(
            store, store.get_project(project.id), tmp_path / "x.wav", resolver=resolver, model_hash=model_hash
        )
    report = render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    assert report.rendered == 2 and report.reused == 2
    export_project(
        store,
        store.get_project(project.id),
        tmp_path / "resumed.wav",
        resolver=resolver,
        model_hash=model_hash,
        bits=24,
    )
    # the same project rendered in one go in another library
    from studio.library import Library

    with Library.open(tmp_path / "other", check=False) as other:
        s2, p2, r2, h2 = _project(other, MARKDOWN, voice_files, engine)
        render_project(s2, p2, LocalRenderer(engine), resolver=r2, model_hash=h2)
        export_project(
            s2, s2.get_project(p2.id), tmp_path / "straight.wav", resolver=r2, model_hash=h2, bits=24
        )
    a, _ = sf.read(str(tmp_path / "resumed.wav"), dtype="int32")
    b, _ = sf.read(str(tmp_path / "straight.wav"), dtype="int32")
    assert np.array_equal(a, b)


@pytest.mark.parametrize("target", [-16.0, -23.0])
def test_exported_loudness_is_within_half_an_lu_of_the_target(library, tmp_path, voice_files, target):
    engine = engine_for("cosyvoice2")
    store, project, resolver, model_hash = _project(library, MARKDOWN, voice_files, engine)
    render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    result = export_project(
        store,
        store.get_project(project.id),
        tmp_path / "out.flac",
        resolver=resolver,
        model_hash=model_hash,
        loudness_lufs=target,
        true_peak_dbtp=-1.0,
    )
    audio, rate = sf.read(str(tmp_path / "out.flac"), dtype="float64")
    assert abs(integrated_loudness(audio, rate) - target) <= 0.5
    assert result.files[0].loudness.true_peak_dbtp <= -1.0 + 0.1


def test_per_chapter_export_writes_one_file_per_chapter(library, tmp_path, voice_files):
    engine = engine_for("cosyvoice2")
    store, project, resolver, model_hash = _project(library, MARKDOWN, voice_files, engine)
    render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    result = export_project(
        store,
        store.get_project(project.id),
        tmp_path / "book.wav",
        resolver=resolver,
        model_hash=model_hash,
        per_chapter=True,
        subtitles=tmp_path / "book.srt",
    )
    assert [f.audio.name for f in result.files] == ["book-01-One.wav", "book-02-Two.wav", "book-03-Three.wav"]
    assert len(list(srt.parse((tmp_path / "book-02-Two.srt").read_text()))) == 2


def test_a_changed_model_marks_blocks_stale_and_a_deleted_voice_is_named(library, tmp_path, voice_files):
    from studio.project.render import make_plan

    engine = engine_for("cosyvoice2")
    store, project, resolver, model_hash = _project(library, MARKDOWN, voice_files, engine)
    render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    plan = make_plan(store, store.get_project(project.id), resolver, "another-model-hash")
    assert {i.state for i in plan} == {"stale"}
    with pytest.raises(ProjectError, match="4 blocks are stale"):
        export_project(
            store,
            store.get_project(project.id),
            tmp_path / "x.wav",
            resolver=resolver,
            model_hash="another-model-hash",
        )
    # a library voice, then deleted while the project uses it
    voice = library.add_voice("Narrator")
    library.set_prepared_prompt(voice.id, "cosyvoice2", voice_files["cosyvoice2"]["en"])
    store.set_speaker_voice(project.id, "", voice_uid=voice.uid)
    library.delete_voice(voice.id)
    fresh = VoiceResolver(store, store.get_project(project.id), "cosyvoice2")
    with pytest.raises(ProjectError, match="was deleted from the library; choose another voice"):
        render_project(
            store, store.get_project(project.id), LocalRenderer(engine), resolver=fresh, model_hash=model_hash
        )
    assert all(b.chosen_take_id for b in store.blocks(project.id))  # nothing rendered was lost


def test_cli_failures_are_one_line_with_a_non_zero_exit(cli, tmp_path, voice_files, capsys):
    (tmp_path / "talk.csv").write_text(CSV)
    (tmp_path / "bad.srt").write_text(
        "1\n00:00:01,000 --> 00:00:03,000\nHi\n\n2\n00:00:02,000 --> 00:00:04,000\nYo\n"
    )
    lib = ["--library", tmp_path / "lib"]
    model = MODELS["cosyvoice2"]
    cases = [
        (
            [
                "project",
                "render",
                tmp_path / "talk.csv",
                "--model",
                model,
                "--voice",
                f"Alice={voice_files['cosyvoice2']['en']}",
                "--out",
                tmp_path / "o.wav",
            ],
            "Unknown speaker 'Bob' (line 3); map it to a voice with --voice Bob=VOICE",
        ),
        (
            [
                "project",
                "render",
                tmp_path / "bad.srt",
                "--model",
                model,
                "--voice",
                voice_files["cosyvoice2"]["en"],
                "--out",
                tmp_path / "o.wav",
            ],
            "cues 1 and 2 overlap",
        ),
        (
            [
                "project",
                "render",
                tmp_path / "talk.csv",
                "--model",
                model,
                "--voice",
                "Nobody",
                "--out",
                tmp_path / "o.ogg",
            ],
            "use .wav, .flac or .mp3",
        ),
        (
            [
                "project",
                "render",
                tmp_path / "talk.csv",
                "--model",
                model,
                "--voice",
                "Nobody",
                "--out",
                tmp_path / "o.wav",
            ],
            "There is no voice called 'Nobody'",
        ),
        (["project", "export", "nothing", "--out", tmp_path / "o.wav"], "There is no project 'nothing'"),
    ]
    for argv, message in cases:
        capsys.readouterr()
        assert cli(*argv, *lib) == 1
        err = capsys.readouterr().err.strip()
        assert err.startswith("voice-studio: error: ") and message in err and "\n" not in err


def _project(library, text, voice_files, engine, fmt="markdown"):
    store = ProjectStore(library)
    project = store.create_project("p", seed=11)
    project = store.replace_content(project.id, parse_script(text, fmt))
    store.set_speaker_voice(project.id, "", voice_file=str(voice_files[engine.family]["en"]))
    model_hash = model_folder_hash(MODELS[engine.family])
    project = store.set_model(project.id, str(MODELS[engine.family]), engine.family, model_hash)
    return store, project, VoiceResolver(store, project, engine.family), model_hash


def test_cli_new_import_show_render_list_export(cli, tmp_path, voice_files, capsys):
    v = voice_files["cosyvoice2"]
    (tmp_path / "talk.csv").write_text(CSV)
    lib = ["--library", tmp_path / "lib"]
    assert cli("project", "new", "demo", "--seed", 3, *lib) == 0
    assert cli("project", "import", "demo", tmp_path / "talk.csv", *lib) == 0
    captured = capsys.readouterr()
    assert "imported 3 blocks" in captured.out and "no voice yet for 'Alice', 'Bob'" in captured.err
    assert cli("project", "show", "demo", *lib) == 0
    assert capsys.readouterr().out.count("not rendered") == 3
    assert (
        cli(
            "project",
            "render",
            "demo",
            "--model",
            MODELS["cosyvoice2"],
            "--voice",
            f"Alice={v['en']}",
            "--voice",
            f"Bob={v['zh']}",
            "--out",
            tmp_path / "demo.wav",
            "--subtitles",
            tmp_path / "demo.srt",
            "--subtitle-units",
            "sentences",
            *lib,
        )
        == 0
    )
    assert len(cli.counters[-1].calls) == 3
    out = capsys.readouterr().out
    # every file written is named: the audio, the subtitles and the timing sidecar
    assert f"wrote {tmp_path / 'demo.wav'} (" in out
    assert f"wrote {tmp_path / 'demo.srt'} (subtitles)" in out
    assert f"wrote {tmp_path / 'demo.wav.json'} (timing and provenance)" in out
    assert sf.info(str(tmp_path / "demo.wav")).subtype == "PCM_16"
    # the WAV bit depth of the window's Settings → Export format: --bits 24
    assert cli("project", "export", "demo", "--out", tmp_path / "demo24.wav", "--bits", "24", *lib) == 0
    assert sf.info(str(tmp_path / "demo24.wav")).subtype == "PCM_24"
    assert f"wrote {tmp_path / 'demo24.wav.json'} (timing and provenance)" in capsys.readouterr().out
    assert cli("project", "show", "demo", "--json", *lib) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["state"] for r in rows] == ["rendered"] * 3 and all(r["seconds"] > 0 for r in rows)
    assert cli("project", "list", "--json", *lib) == 0
    assert [(p["name"], p["blocks"]) for p in json.loads(capsys.readouterr().out)] == [("demo", 3)]
    assert (
        cli(
            "project",
            "export",
            "demo",
            "--out",
            tmp_path / "again.flac",
            "--subtitles",
            tmp_path / "again.vtt",
            "--loudness",
            "broadcast",
            *lib,
        )
        == 0
    )
    assert "-23.0 LUFS" in capsys.readouterr().out
    sidecar = json.loads((tmp_path / "again.flac.json").read_text())
    sentences = [s for b in sidecar["blocks"] for s in b["sentences"]]
    cues = list(srt.parse((tmp_path / "demo.srt").read_text()))
    assert [c.content for c in cues] == [s["text"] for s in sentences]
    assert [(b["speaker"]) for b in sidecar["blocks"]] == ["Alice", "Bob", "Alice"]
    assert sidecar["loudness"]["target_lufs"] == -23.0


def test_a_cue_too_long_for_its_slot_is_sped_up_then_reported(cli, tmp_path, voice_files, capsys):
    (tmp_path / "dub.srt").write_text(
        "1\n00:00:00,500 --> 00:00:05,000\nHi.\n\n"
        "2\n00:00:05,000 --> 00:00:05,200\nThis is far too long for two tenths of a second.\n\n"
        "3\n00:00:08,000 --> 00:00:12,000\nBye.\n"
    )
    assert (
        cli(
            "project",
            "render",
            tmp_path / "dub.srt",
            "--model",
            MODELS["cosyvoice2"],
            "--voice",
            voice_files["cosyvoice2"]["en"],
            "--out",
            tmp_path / "dub.wav",
            "--library",
            tmp_path / "lib",
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "overrun: cue 2 is" in err and "(at 1.25x)" in err
    # the re-fit is one more engine call for cue 2 only
    assert cli.counters[-1].calls.count("This is far too long for two tenths of a second.") == 2
    blocks = json.loads((tmp_path / "dub.wav.json").read_text())["blocks"]
    assert blocks[1]["speed"] == 1.25 and blocks[1]["overrun_s"] > 0
    assert [b["start_s"] for b in blocks] == [0.5, 5.0, 8.0]
    assert sf.info(str(tmp_path / "dub.wav")).duration == pytest.approx(12.0, abs=0.001)


def test_reimport_keeps_a_rerolled_seed_and_a_block_voice(library, voice_files):
    engine = engine_for("cosyvoice2")
    store, project, _resolver, _hash = _project(library, MARKDOWN, voice_files, engine)
    blocks = store.blocks(project.id)
    store.update_block(blocks[1].id, seed=99)
    store.update_block(blocks[2].id, voice_file=str(voice_files["cosyvoice2"]["zh"]))
    store.replace_content(
        project.id, parse_script(MARKDOWN.replace("Hello there.", "Hello you."), "markdown")
    )
    after = store.blocks(project.id)
    assert [b.seed for b in after] == [11, 99, 11, 11]
    assert after[2].voice_file == str(voice_files["cosyvoice2"]["zh"]) and after[0].voice_file is None
    store.set_all_seeds(project.id, 5)
    assert {b.seed for b in store.blocks(project.id)} == {5}


def test_an_earlier_take_is_chosen_back_and_bad_block_inputs_are_named(library, voice_files):
    """Choosing an earlier take restores its seed (and a script line's speed) and renders nothing; a
    take of another text is listed but cannot be chosen; bad inputs are refused with their name."""
    from studio.project.takes import choose_take, take_choices

    engine = CountingEngine(engine_for("cosyvoice2"))
    store, project, resolver, model_hash = _project(library, "One line.\n\nTwo lines.\n", voice_files, engine)

    def render():
        return render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)

    render()
    block = store.blocks(project.id)[1]
    first = store.get_take(block.chosen_take_id)
    store.update_block(block.id, seed=block.seed + 1, speed=1.1)  # a re-roll at another speed
    render()
    store.update_block(block.id, text="Two lines, edited.")
    render()
    block = store.blocks(project.id)[1]
    choices = take_choices(store, project, resolver, model_hash, block)
    assert [c.chosen for c in choices] == [False, False, True]
    assert [c.changes for c in choices] == [None, None, {}]  # takes 1 and 2 are of the old text
    engine.calls.clear()
    with pytest.raises(ProjectError, match="rendered from another text"):
        choose_take(store, project, resolver, model_hash, block, first.id)
    block = store.update_block(block.id, text="Two lines.")
    choices = take_choices(store, project, resolver, model_hash, block)
    assert [c.changes for c in choices] == [{"seed": first.seed, "speed": 1.0}, {}, None]
    block = choose_take(store, project, resolver, model_hash, block, first.id)
    assert (block.chosen_take_id, block.seed, block.speed) == (first.id, first.seed, 1.0)
    report = render()
    assert engine.calls == [] and report.reused == 2  # the chosen take is the block's audio again
    assert store.get_block(block.id).chosen_take_id == first.id

    for changes, message in (
        ({"mode": "instruct"}, "instruct mode needs an instruction"),
        ({"speed": 5}, "Speed 5 is out of range"),
        ({"speed": "fast"}, "Speed must be a number"),
        ({"seed": "1.5"}, "The seed must be a whole number"),
        ({"seed": -1}, "The seed -1 is out of range"),
        ({"pause_ms": 70_000}, "The pause 70000 ms is out of range"),
        ({"mode": "shout"}, "Unknown mode 'shout'"),
    ):
        with pytest.raises(ProjectError, match=message):
            store.update_block(block.id, **changes)
    assert store.get_block(block.id) == block
    store.update_block(block.id, mode="instruct", instruction="  Speak   slowly. ")
    assert store.get_block(block.id).instruction == "Speak slowly."


def test_after_switching_models_a_voice_not_yet_prepared_reads_as_stale_not_as_no_voice(library, voice_files):
    """A library voice prepared for CosyVoice 2 only: with Fun-CosyVoice 3 loaded, the table (a
    preview plan) shows its blocks stale with the voice's name; the next render prepares it."""
    from studio.project.render import make_plan
    from tests.conftest import PROMPT_EN, PROMPT_EN_TEXT

    engine = engine_for("cosyvoice2")
    voice = library.add_voice("Narrator", language="en")
    library.import_clip_file(voice.id, PROMPT_EN, transcript=PROMPT_EN_TEXT)
    library.set_prepared_prompt(voice.id, "cosyvoice2", voice_files["cosyvoice2"]["en"])
    store, project, _r, model_hash = _project(library, MARKDOWN, voice_files, engine)
    store.set_speaker_voice(project.id, "", voice_uid=voice.uid)
    resolver = VoiceResolver(store, project, "cosyvoice2")
    render_project(store, project, LocalRenderer(engine), resolver=resolver, model_hash=model_hash)
    v3_hash = model_folder_hash(MODELS["cosyvoice3"])
    preview = VoiceResolver(store, project, "cosyvoice3", preview=True)
    plan = make_plan(store, project, preview, v3_hash)
    assert [i.error for i in plan] == [None] * 4
    assert {i.state for i in plan} == {"stale"} and {i.voice.label for i in plan} == {"Narrator"}
    # not a preview (export, render without a model to prepare with): the plain reason
    strict = make_plan(store, project, VoiceResolver(store, project, "cosyvoice3"), v3_hash)
    assert all("has not been prepared for cosyvoice3" in i.error for i in strict)
    # a voice without a clip cannot be prepared at all: still an error in a preview
    bare = library.add_voice("No clip")
    store.set_speaker_voice(project.id, "", voice_uid=bare.uid)
    plan = make_plan(store, project, VoiceResolver(store, project, "cosyvoice3", preview=True), v3_hash)
    assert all(i.error for i in plan)
