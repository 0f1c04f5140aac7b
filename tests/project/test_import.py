"""Script import: each format's blocks and chapters, and each kind of bad input named clearly."""

from __future__ import annotations

import pytest

from studio.project.errors import ScriptError
from studio.project.importers import MAX_SCRIPT_BYTES, parse_script, read_script


def test_markdown_headings_start_chapters_and_blank_lines_separate_blocks():
    text = "# One\n\nFirst block,\nstill the first.\n\nSecond **bold** [link](http://x).\n\n* * *\n\n## Two\n\nThird.\n"
    script = parse_script(text, "markdown")
    assert [c.title for c in script.chapters] == ["One", "Two"]
    assert [b.text for b in script.chapters[0].blocks] == [
        "First block, still the first.",
        "Second bold link.",
    ]
    assert script.chapters[0].blocks[-1].pause_ms == 1200  # the scene break lengthens the pause
    assert script.kind == "script" and script.speakers == [""]


def test_name_colon_dialogue_gives_one_block_per_line_with_speaker():
    script = parse_script("Alice: Hi there.\nBob: Hello!\n\nAlice: Bye.\n", "text")
    assert [(b.speaker, b.text) for b in script.blocks] == [
        ("Alice", "Hi there."),
        ("Bob", "Hello!"),
        ("Alice", "Bye."),
    ]


def test_plain_text_with_one_colon_line_is_not_a_dialogue():
    script = parse_script("Note: this is narration.\n\nAnd this is more narration.\n", "text")
    assert [b.speaker for b in script.blocks] == ["", ""]


def test_csv_with_and_without_header_and_tsv():
    a = parse_script('speaker,text,instruction\nAlice,"Hi, you.",Speak sadly.\nBob,Hello.\n', "csv")
    assert [(b.speaker, b.text, b.instruction) for b in a.blocks] == [
        ("Alice", "Hi, you.", "Speak sadly."),
        ("Bob", "Hello.", ""),
    ]
    b = parse_script("Alice,Hi.\nBob,Yo.\n", "csv")
    assert [b.speaker for b in b.blocks] == ["Alice", "Bob"]
    c = parse_script("text\tspeaker\nHi.\tAlice\n", "tsv")
    assert [(x.speaker, x.text) for x in c.blocks] == [("Alice", "Hi.")]


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("Alice\n", "csv", "line 1: expected the columns speaker,text"),
        ("speaker,words\nA,b\n", "csv", "no 'text' column"),
        ("Alice,\n", "csv", "line 1: the text is empty"),
        (
            "1\n00:00:01,000 --> 00:00:03,000\nHi\n\n2\n00:00:02,000 --> 00:00:04,000\nYo\n",
            "srt",
            "cues 1 and 2 overlap",
        ),
        (
            "1\n00:00:01,000 --> 00:00:03,000\nHi\n\n2\n00:00:04,000 -> 00:00:05,000\nYo\n",
            "srt",
            "malformed subtitle cue",
        ),
        ("1\n00:00:03,000 --> 00:00:01,000\nHi\n", "srt", "cue 1 ends"),
        ("1\n00:00:01,000 --> 00:00:02,000\n...\n", "srt", "cue 1 has no text"),
        ("no header\n", "vtt", "malformed WebVTT"),
        ("!!!\n\nHello.\n", "text", "line 1: the block '!!!' has nothing to say"),
        ("\n\n  \n", "text", "has no text to speak"),
    ],
)
def test_bad_input_is_named(text, fmt, message):
    with pytest.raises(ScriptError, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_script(text, fmt)


def test_srt_and_vtt_cues_keep_their_times_and_voice_spans():
    srt_text = (
        "1\n00:00:01,250 --> 00:00:02,000\n<i>Hello</i>\nthere\n\n2\n00:00:03,000 --> 00:00:04,500\nBye\n"
    )
    s = parse_script(srt_text, "srt")
    assert s.kind == "subtitles" and s.timeline_ms == 4500
    assert [(b.cue_index, b.cue_start_ms, b.cue_end_ms, b.text) for b in s.blocks] == [
        (1, 1250, 2000, "Hello there"),
        (2, 3000, 4500, "Bye"),
    ]
    v = parse_script(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Bob>Hi\n\n00:00:02.500 --> 00:00:03.000\nYo\n", "vtt"
    )
    assert [(b.speaker, b.cue_start_ms) for b in v.blocks] == [("Bob", 1000), ("", 2500)]


def test_files_over_1_mb_unknown_extensions_and_bad_encoding(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * (MAX_SCRIPT_BYTES // 5 + 10))
    with pytest.raises(ScriptError, match=r"big\.txt is 1\.0 MB; a script can be at most 1 MB"):
        read_script(big)
    with pytest.raises(ScriptError, match=r"use one of"):
        read_script(tmp_path / "x.docx")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Hello\n\xff\xfe\xfa broken")
    with pytest.raises(ScriptError, match="line 2: the file is not valid UTF-8"):
        read_script(bad)
    with pytest.raises(ScriptError, match="does not exist"):
        read_script(tmp_path / "missing.md")
