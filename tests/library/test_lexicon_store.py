"""Pronunciation dictionaries in the library folder."""

from __future__ import annotations

import pytest

from studio.library.errors import LibraryError
from studio.library.lexicon_store import effective_rows, lexicon_path, parse_rows, read_rows, write_rows


def test_global_and_voice_dictionaries_round_trip(tmp_path):
    assert read_rows(lexicon_path(tmp_path)) == []
    write_rows(lexicon_path(tmp_path), [("nginx", "engine x"), ("a, b", 'say "ab"')])
    write_rows(lexicon_path(tmp_path, 7), [("nginx", "en-jin-ex")])
    assert read_rows(lexicon_path(tmp_path)) == [("nginx", "engine x"), ("a, b", 'say "ab"')]
    assert effective_rows(tmp_path, 7) == [
        ("nginx", "engine x"),
        ("a, b", 'say "ab"'),
        ("nginx", "en-jin-ex"),
    ]
    assert effective_rows(tmp_path, None) == read_rows(lexicon_path(tmp_path))
    assert lexicon_path(tmp_path, 7).read_text(encoding="utf-8").startswith("term,replacement\n")


def test_bad_rows_name_the_line(tmp_path):
    with pytest.raises(LibraryError, match="Line 3 of x.csv needs a term and a replacement"):
        parse_rows("term,replacement\nok,fine\nbroken\n", "x.csv")
    bad = tmp_path / "bad.csv"
    bad.write_bytes("é,e\n".encode("latin-1"))
    with pytest.raises(LibraryError, match="not UTF-8"):
        read_rows(bad)
