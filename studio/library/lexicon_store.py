"""Pronunciation dictionaries kept in the library folder, as CSV files (no Qt, no torch).

`<library>/lexicon/global.csv` applies to every take; `<library>/lexicon/voice-<id>.csv` to takes in
that voice, on top of the global one (its entries win). Rows are `term,replacement` under a
`term,replacement` header, UTF-8, the format `voice-studio synth --lexicon` reads. Writes are atomic
(a temporary file in the same folder, then renamed), so a crash never leaves half a dictionary.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from studio.library.errors import LibraryError

HEADER = ["term", "replacement"]


def lexicon_dir(root: str | Path) -> Path:
    return Path(root) / "lexicon"


def lexicon_path(root: str | Path, voice_id: int | None = None) -> Path:
    """The global dictionary (`voice_id` None) or one voice's."""
    name = "global.csv" if voice_id is None else f"voice-{int(voice_id)}.csv"
    return lexicon_dir(root) / name


def parse_rows(text: str, source: str = "the dictionary") -> list[tuple[str, str]]:
    """`term,replacement` rows from CSV text (header optional); LibraryError names a bad line."""
    rows: list[tuple[str, str]] = []
    for number, row in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"))), start=1):
        if not row or all(not c.strip() for c in row):
            continue
        if number == 1 and [c.strip().lower() for c in row[:2]] == HEADER:
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise LibraryError(
                f"Line {number} of {source} needs a term and a replacement: `term,replacement`."
            )
        if len(row) > 2 and any(c.strip() for c in row[2:]):
            raise LibraryError(
                f"Line {number} of {source} has {len(row)} columns; put a term with commas in double quotes."
            )
        rows.append((row[0].strip(), row[1].strip()))
    return rows


def to_csv(rows: list[tuple[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buf.getvalue()


def read_rows(path: str | Path) -> list[tuple[str, str]]:
    """The rows of a dictionary file; an absent file is an empty dictionary."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise LibraryError(f"The dictionary {path} cannot be read: {exc.strerror or exc}.") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LibraryError(f"The dictionary {path} is not UTF-8 text; save it as UTF-8 CSV.") from None
    return parse_rows(text, str(path))


def write_rows(path: str | Path, rows: list[tuple[str, str]]) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".csv", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(to_csv(rows))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        raise LibraryError(f"The dictionary {path} cannot be written: {exc.strerror or exc}.") from None


def effective_rows(root: str | Path, voice_id: int | None) -> list[tuple[str, str]]:
    """Global rows, then the voice's (a later row for the same term wins)."""
    rows = read_rows(lexicon_path(root))
    if voice_id is not None:
        rows += read_rows(lexicon_path(root, voice_id))
    return rows
