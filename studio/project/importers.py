"""Reading scripts into chapters of blocks: plain text, Markdown, CSV/TSV, `Name: line` dialogue, SRT, WebVTT.

Rules (also in the README):
- .txt / .md: blank lines separate blocks; a Markdown heading (`#` .. `######`) starts a chapter and
  is not spoken; a paragraph made only of `*`, `-`, `_`, `=` or `~` (a scene break) lengthens the
  pause after the previous block. When every spoken line of the file has the form `Name: line`, the
  file is a dialogue script: each line is a block spoken by `Name`.
- .csv / .tsv: columns `speaker,text[,instruction]`, with or without a header row naming them.
- .srt (parsed by `srt`) / .vtt (parsed by `webvtt-py`): one block per cue with the cue's start and
  end; cues must not overlap. A WebVTT voice span `<v Name>` gives the speaker.

Every problem raises ScriptError with the line or cue number.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from studio.project.errors import ScriptError

MAX_SCRIPT_BYTES = 1_000_000
FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".tsv": "tsv",
    ".srt": "srt",
    ".vtt": "vtt",
}
SCENE_BREAK_PAUSE_MS = 1200
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SCENE_BREAK = re.compile(r"^\s*([*\-_=~]\s*){3,}$")
_DIALOGUE = re.compile(r"^\s*([^\W\d][\w .'\-]{0,39}?)\s*[:：]\s*(\S.*)$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_LIST = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+")
_TAG = re.compile(r"<[^>]+>|\{\\[^}]*\}")


@dataclass
class ImportedBlock:
    text: str
    speaker: str = ""
    instruction: str = ""
    line: int = 0  # 1-based line in the source (cue number for subtitles)
    pause_ms: int | None = None
    cue_index: int | None = None
    cue_start_ms: int | None = None
    cue_end_ms: int | None = None


@dataclass
class ImportedChapter:
    title: str
    blocks: list[ImportedBlock] = field(default_factory=list)


@dataclass
class ImportedScript:
    """A parsed script. `kind` is "script" or "subtitles"; `timeline_ms` is the subtitle file's end."""

    format: str
    kind: str
    chapters: list[ImportedChapter]
    timeline_ms: int | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def blocks(self) -> list[ImportedBlock]:
        return [b for chapter in self.chapters for b in chapter.blocks]

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for b in self.blocks:
            seen.setdefault(b.speaker, None)
        return list(seen)


def script_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ScriptError(
            f"{Path(path).name}: the script format comes from its extension; use one of "
            f"{', '.join(sorted(FORMATS))} (got {suffix or 'none'})."
        )
    return FORMATS[suffix]


def read_script(path: str | Path) -> ImportedScript:
    """Read and parse a script file; its format comes from the extension."""
    path = Path(path)
    fmt = script_format(path)
    try:
        size = path.stat().st_size
        if size > MAX_SCRIPT_BYTES:
            raise ScriptError(
                f"{path.name} is {size / 1e6:.1f} MB; a script can be at most {MAX_SCRIPT_BYTES / 1e6:.0f} MB. "
                "Split it into several projects (one per part or episode)."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScriptError(f"The script {path} does not exist.") from None
    except IsADirectoryError:
        raise ScriptError(f"{path} is a folder, not a script file.") from None
    except OSError as err:
        raise ScriptError(f"The script {path} cannot be read ({err.strerror or err}).") from None
    return parse_script(decode_script(data, path.name), fmt, name=path.name)


def decode_script(data: bytes, name: str = "the script") -> str:
    if len(data) > MAX_SCRIPT_BYTES:
        raise ScriptError(f"{name} is {len(data) / 1e6:.1f} MB; a script can be at most 1 MB.")
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            raise ScriptError(
                f"{name}, line {line}: the file is not valid UTF-8 text; save it as UTF-8 and import it again."
            ) from None
    raise ScriptError(f"{name} is not text.")


def parse_script(text: str, fmt: str, *, name: str = "the script") -> ImportedScript:
    """Parse `text` in format `fmt` (text, markdown, csv, tsv, srt, vtt)."""
    if len(text.encode("utf-8")) > MAX_SCRIPT_BYTES:
        raise ScriptError(f"{name} is larger than 1 MB; split it into several projects.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt in ("text", "markdown"):
        script = _parse_text(text, fmt, name)
    elif fmt in ("csv", "tsv"):
        script = _parse_table(text, fmt, name)
    elif fmt == "srt":
        script = _parse_srt(text, name)
    elif fmt == "vtt":
        script = _parse_vtt(text, name)
    else:
        raise ScriptError(f"Unknown script format {fmt!r}.")
    if not script.blocks:
        raise ScriptError(f"{name} has no text to speak.")
    return script


def _speakable(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _clean_markdown(line: str) -> str:
    line = _MD_LIST.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub("", line)
    return line.lstrip("> ").strip()


def _parse_text(text: str, fmt: str, name: str) -> ImportedScript:
    lines = text.split("\n")
    # (line number, kind, payload) with kind in heading / break / line / blank
    items: list[tuple[int, str, str]] = []
    in_fence = False
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if fmt == "markdown" and stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            items.append((number, "blank", ""))
            continue
        if in_fence or (fmt == "markdown" and stripped.startswith("<!--")):
            items.append((number, "blank", ""))
            continue
        heading = _HEADING.match(raw)
        if not stripped:
            items.append((number, "blank", ""))
        elif heading:
            items.append((number, "heading", _clean_markdown(heading.group(2))))
        elif _SCENE_BREAK.match(stripped):
            items.append((number, "break", ""))
        else:
            items.append((number, "line", _clean_markdown(stripped) if fmt == "markdown" else stripped))
    spoken = [payload for _n, kind, payload in items if kind == "line" and payload]
    dialogue = bool(spoken) and all(_DIALOGUE.match(p) for p in spoken)
    chapters: list[ImportedChapter] = [ImportedChapter("")]
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        if not paragraph:
            return
        first = paragraph[0][0]
        if dialogue:
            for number, line in paragraph:
                m = _DIALOGUE.match(line)
                assert m is not None
                _add(ImportedBlock(m.group(2).strip(), speaker=m.group(1).strip(), line=number))
        else:
            _add(ImportedBlock(" ".join(line for _n, line in paragraph), line=first))
        paragraph.clear()

    def _add(block: ImportedBlock) -> None:
        if not _speakable(block.text):
            raise ScriptError(
                f"{name}, line {block.line}: the block {block.text[:40]!r} has nothing to say "
                "(no letters or digits); delete it or write the words out."
            )
        chapters[-1].blocks.append(block)

    for number, kind, payload in items:
        if kind == "line" and payload:
            paragraph.append((number, payload))
            continue
        flush()
        if kind == "heading":
            if chapters[-1].blocks or chapters[-1].title:
                chapters.append(ImportedChapter(payload))
            else:
                chapters[-1].title = payload
        elif kind == "break":
            previous = chapters[-1].blocks
            if previous:
                previous[-1].pause_ms = SCENE_BREAK_PAUSE_MS
    flush()
    script = ImportedScript(fmt, "script", [c for c in chapters if c.blocks])
    empty = [c.title for c in chapters if not c.blocks and c.title]
    if empty:
        script.warnings.append(f"{name}: chapters without text were left out: {', '.join(empty)}.")
    return script


def _parse_table(text: str, fmt: str, name: str) -> ImportedScript:
    delimiter = "\t" if fmt == "tsv" else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as err:
        raise ScriptError(f"{name}: the {fmt.upper()} file is malformed ({err}).") from None
    numbered = [(i, row) for i, row in enumerate(rows, 1) if any(cell.strip() for cell in row)]
    if not numbered:
        raise ScriptError(f"{name} has no rows.")
    columns = {"speaker": 0, "text": 1, "instruction": 2}
    header = [cell.strip().lower() for cell in numbered[0][1]]
    if "text" in header or "speaker" in header:
        missing = [c for c in ("speaker", "text") if c not in header]
        if missing:
            raise ScriptError(
                f"{name}, line {numbered[0][0]}: the header has no {' or '.join(repr(m) for m in missing)} "
                f"column; the columns are speaker, text and optionally instruction (found {', '.join(header)})."
            )
        columns = {c: header.index(c) for c in ("speaker", "text", "instruction") if c in header}
        numbered = numbered[1:]
    chapter = ImportedChapter("")
    for number, row in numbered:
        need = max(columns["speaker"], columns["text"]) + 1
        if len(row) < need:
            raise ScriptError(
                f"{name}, line {number}: expected the columns speaker{delimiter}text[{delimiter}instruction] "
                f"but found {len(row)} column{'s' if len(row) != 1 else ''}."
            )
        speaker = row[columns["speaker"]].strip()
        body = " ".join(row[columns["text"]].split())
        instruction = ""
        if "instruction" in columns and columns["instruction"] < len(row):
            instruction = row[columns["instruction"]].strip()
        if not body:
            raise ScriptError(f"{name}, line {number}: the text is empty.")
        if not _speakable(body):
            raise ScriptError(f"{name}, line {number}: the text {body[:40]!r} has nothing to say.")
        chapter.blocks.append(ImportedBlock(body, speaker=speaker, instruction=instruction, line=number))
    return ImportedScript(fmt, "script", [chapter])


def _cue_text(text: str) -> tuple[str, str]:
    """(speaker, text) from a cue's text: `<v Name>` voice spans give the speaker; tags are removed."""
    speaker = ""
    m = re.search(r"<v(?:\.[^ >]*)?\s+([^>]+)>", text)
    if m:
        speaker = m.group(1).strip()
    return speaker, " ".join(_TAG.sub("", text).split())


def _ms(td) -> int:
    return round(td.total_seconds() * 1000)


def _check_cues(blocks: list[ImportedBlock], name: str) -> None:
    for prev, block in itertools.pairwise(blocks):
        if block.cue_start_ms < prev.cue_start_ms:  # type: ignore[operator]
            raise ScriptError(
                f"{name}: cue {block.cue_index} starts at {_clock(block.cue_start_ms)}, before cue "
                f"{prev.cue_index} ({_clock(prev.cue_start_ms)}); sort the cues by time."
            )
        if block.cue_start_ms < prev.cue_end_ms:  # type: ignore[operator]
            raise ScriptError(
                f"{name}: cues {prev.cue_index} and {block.cue_index} overlap (cue {prev.cue_index} ends at "
                f"{_clock(prev.cue_end_ms)}, cue {block.cue_index} starts at {_clock(block.cue_start_ms)}); "
                "a dub needs one cue at a time."
            )


def _clock(ms: int | None) -> str:
    ms = int(ms or 0)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _cue_block(index: int, start_ms: int, end_ms: int, raw: str, name: str) -> ImportedBlock:
    speaker, body = _cue_text(raw)
    if end_ms <= start_ms:
        raise ScriptError(
            f"{name}: cue {index} ends ({_clock(end_ms)}) before it starts ({_clock(start_ms)})."
        )
    if not _speakable(body):
        raise ScriptError(f"{name}: cue {index} has no text to speak; delete the cue or write its words.")
    return ImportedBlock(
        body,
        speaker=speaker,
        line=index,
        pause_ms=0,
        cue_index=index,
        cue_start_ms=start_ms,
        cue_end_ms=end_ms,
    )


def _parse_srt(text: str, name: str) -> ImportedScript:
    import srt

    try:
        cues = list(srt.parse(text))
    except srt.SRTParseError as err:
        at = err.expected_start
        line = text[:at].count("\n") + 1 + (len(text[at:]) - len(text[at:].lstrip("\n")))
        snippet = text[at:].strip().split("\n")[0][:60]
        raise ScriptError(
            f"{name}, line {line}: malformed subtitle cue near {snippet!r}; each cue is a number, a "
            "'00:00:01,000 --> 00:00:02,000' line and its text, separated by a blank line."
        ) from None
    except (ValueError, TypeError) as err:  # bad timestamps inside an otherwise well-formed block
        raise ScriptError(f"{name}: malformed subtitle timing ({err}).") from None
    blocks = [
        _cue_block(number, _ms(cue.start), _ms(cue.end), cue.content, name)
        for number, cue in enumerate(cues, 1)
    ]
    _check_cues(blocks, name)
    timeline = max((b.cue_end_ms or 0) for b in blocks) if blocks else None
    return ImportedScript("srt", "subtitles", [ImportedChapter("", blocks)], timeline_ms=timeline)


_VTT_TIME = re.compile(r"^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$")


def _vtt_ms(stamp: str) -> int:
    m = _VTT_TIME.match(stamp.strip())
    if not m:
        raise ValueError(stamp)
    hours, minutes, seconds, millis = (int(g or 0) for g in m.groups())
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def _parse_vtt(text: str, name: str) -> ImportedScript:
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    try:
        doc = webvtt.from_string(text)
        captions = list(doc.captions)
    except (MalformedFileError, MalformedCaptionError) as err:
        raise ScriptError(f"{name}: malformed WebVTT file ({err}).") from None
    blocks = []
    for number, cue in enumerate(captions, 1):
        try:
            start, end = _vtt_ms(cue.start), _vtt_ms(cue.end)
        except ValueError as err:
            raise ScriptError(f"{name}: cue {number} has a malformed time {err}.") from None
        blocks.append(_cue_block(number, start, end, cue.raw_text, name))
    if not blocks:
        raise ScriptError(f"{name} has no cues.")
    _check_cues(blocks, name)
    timeline = max(b.cue_end_ms or 0 for b in blocks)
    return ImportedScript("vtt", "subtitles", [ImportedChapter("", blocks)], timeline_ms=timeline)
