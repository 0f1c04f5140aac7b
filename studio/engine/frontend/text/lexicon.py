"""Pronunciation dictionary: word or phrase -> what to say instead, applied before normalization.

A replacement is plain text (both model families) or pronunciation units (Fun-CosyVoice 3:
pinyin `[j][ǐ]`, CMU `[R][IY1][D]`); units the model does not know are refused by the engine with
the message it gives for units typed in the script.

Matching: a term written in a script with word boundaries (Latin, Cyrillic, Hangul, digits) matches
whole words only; a term containing Han or Kana matches as an exact substring (Chinese and Japanese
have no spaces between words). A term written all in lower case matches any case (`nginx` matches
`Nginx`); a term with capitals matches exactly (`US` does not match `us`). Longer terms win over
shorter ones that start at the same place; replacements are not scanned again.

CSV: UTF-8, two columns `term,replacement`, an optional header row with exactly those names.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from studio.engine.errors import TextInputError

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
MAX_TERM = 200


class LexiconError(TextInputError):
    """A dictionary file or entry that cannot be used; the message names the line or the entry."""


class Lexicon:
    """An ordered mapping term -> replacement; later entries (e.g. a voice's) override earlier ones."""

    def __init__(self, entries: Iterable[tuple[str, str]] = ()):
        self._entries: dict[str, str] = {}
        for term, replacement in entries:
            self.add(term, replacement)
        self._pattern: re.Pattern | None = None

    def add(self, term: str, replacement: str) -> None:
        term = (term or "").strip()
        replacement = (replacement or "").strip()
        if not term:
            raise LexiconError("A dictionary entry needs a word or phrase to replace.")
        if len(term) > MAX_TERM:
            raise LexiconError(f"The dictionary term {term[:30]!r}... is longer than {MAX_TERM} characters.")
        if not replacement:
            raise LexiconError(f"The dictionary entry {term!r} has no replacement.")
        self._entries[term] = replacement
        self._pattern = None

    def remove(self, term: str) -> None:
        self._entries.pop(term.strip(), None)
        self._pattern = None

    def entries(self) -> list[tuple[str, str]]:
        return list(self._entries.items())

    def __len__(self) -> int:
        return len(self._entries)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def merged(self, other: Lexicon | None) -> Lexicon:
        """This dictionary with `other`'s entries added on top (a voice's dictionary over the global one)."""
        out = Lexicon(self.entries())
        if other is not None:
            for term, replacement in other.entries():
                out.add(term, replacement)
        return out

    # -- applying --------------------------------------------------------------------------------

    def _compile(self) -> re.Pattern | None:
        if not self._entries:
            return None
        alternatives = []
        for term in sorted(self._entries, key=len, reverse=True):
            body = re.escape(term)
            if term == term.lower():
                body = f"(?i:{body})"
            if _CJK.search(term):
                alternatives.append(body)
            else:
                left = r"(?<![\w])" if re.match(r"\w", term) else ""
                right = r"(?![\w])" if re.search(r"\w$", term) else ""
                alternatives.append(f"{left}{body}{right}")
        return re.compile("|".join(alternatives))

    def apply(self, text: str) -> str:
        """`text` with every dictionary term replaced (see the module docstring for matching)."""
        if not self._entries or not text:
            return text
        if self._pattern is None:
            self._pattern = self._compile()
        lowered = {k.lower(): v for k, v in self._entries.items() if k == k.lower()}

        def replace(m: re.Match) -> str:
            found = m.group()
            return self._entries.get(found) or lowered.get(found.lower(), found)

        return self._pattern.sub(replace, text)

    # -- CSV -------------------------------------------------------------------------------------

    @classmethod
    def from_csv_text(cls, text: str, source: str = "the dictionary") -> Lexicon:
        lexicon = cls()
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
        for number, row in enumerate(reader, start=1):
            if not row or all(not cell.strip() for cell in row):
                continue
            if number == 1 and [c.strip().lower() for c in row[:2]] == ["term", "replacement"]:
                continue
            if len(row) < 2:
                raise LexiconError(
                    f"Line {number} of {source} has one column; write `term,replacement` (quote a term with commas)."
                )
            if len(row) > 2 and any(c.strip() for c in row[2:]):
                raise LexiconError(
                    f"Line {number} of {source} has {len(row)} columns; write `term,replacement` "
                    "(put a term or replacement with commas in double quotes)."
                )
            try:
                lexicon.add(row[0], row[1])
            except LexiconError as exc:
                raise LexiconError(f"Line {number} of {source}: {exc}") from None
        return lexicon

    @classmethod
    def load_csv(cls, path: str | Path) -> Lexicon:
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise LexiconError(f"The dictionary file {path} does not exist.") from None
        except OSError as exc:
            raise LexiconError(f"The dictionary file {path} cannot be read: {exc.strerror or exc}.") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise LexiconError(
                f"The dictionary file {path} is not UTF-8 text; save it as UTF-8 CSV."
            ) from None
        return cls.from_csv_text(text, source=str(path))

    def to_csv_text(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["term", "replacement"])
        writer.writerows(self.entries())
        return buf.getvalue()

    def save_csv(self, path: str | Path) -> None:
        """Write the dictionary (atomically: a temporary file in the same folder, then renamed)."""
        import os
        import tempfile

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".csv", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(self.to_csv_text())
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
