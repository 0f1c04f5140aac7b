"""Search and filter: voices by name/language/dialect/tag, takes by voice/text/favourite/date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from studio.library import Library
from tests.library.helpers import SR, tone

AUDIO = tone(0.05)


@pytest.fixture
def voices(lib):
    ann = lib.add_voice("Ann Lee", language="en", dialect="en-GB", tags=["narration", "warm"])
    bo = lib.add_voice("Bo", language="zh", dialect="yue", tags=["news"])
    cy = lib.add_voice("Cy", language="en", dialect="en-US", tags=["Warm"])
    return ann, bo, cy


def test_voices_filter_by_name_language_dialect_and_tag(lib, voices):
    names = lambda vs: [v.name for v in vs]  # noqa: E731
    assert names(lib.list_voices()) == ["Ann Lee", "Bo", "Cy"]
    assert names(lib.list_voices(name="lee")) == ["Ann Lee"]
    assert names(lib.list_voices(language="EN")) == ["Ann Lee", "Cy"]
    assert names(lib.list_voices(dialect="yue")) == ["Bo"]
    assert names(lib.list_voices(tag="warm")) == ["Ann Lee", "Cy"]
    assert names(lib.list_voices(language="en", tag="narration")) == ["Ann Lee"]
    assert names(lib.list_voices(name="%")) == []  # LIKE wildcards are literal


@pytest.fixture
def takes(lib, voices):
    ann, bo, _ = voices
    start = datetime(2025, 1, 1, 12, tzinfo=UTC)
    made = []
    texts = [
        "The quick brown fox",
        "jumps over the lazy dog",
        "你好，世界，今天天气很好",
        "Quick thinking 100%",
    ]
    for i in range(12):
        made.append(
            lib.add_take(
                text=texts[i % 4],
                audio=AUDIO,
                sample_rate=SR,
                voice_id=(ann if i % 2 == 0 else bo).id,
                favourite=i % 3 == 0,
                created_at=start + timedelta(days=i),
            )
        )
    return made


def test_takes_are_listed_newest_first_in_pages(lib, takes):
    page1 = lib.list_takes(limit=5)
    page2 = lib.list_takes(limit=5, offset=5)
    assert [t.id for t in page1 + page2] == [t.id for t in reversed(takes)][:10]
    assert lib.take_ids() == [t.id for t in reversed(takes)]
    assert lib.count_takes() == 12


def test_takes_filter_by_voice_and_favourite(lib, voices, takes):
    ann = voices[0]
    expected = [t.id for t in reversed(takes) if t.voice_id == ann.id and t.favourite]
    assert [t.id for t in lib.list_takes(voice_id=ann.id, favourite=True)] == expected
    assert lib.count_takes(voice_id=ann.id) == 6
    assert len(lib.take_ids(favourite=False)) == 8


@pytest.mark.parametrize("use_fts", [True, False], ids=["fts5", "like"])
def test_takes_search_by_text_substring_in_any_case(tmp_path, use_fts):
    with Library.open(tmp_path / "lib", use_fts=use_fts) as lib:
        assert lib.text_search_uses_fts == use_fts
        for text in [
            "The quick brown fox",
            "jumps over the lazy dog",
            "你好，世界，今天天气很好",
            "Quick 100%",
        ]:
            lib.add_take(text=text, audio=AUDIO, sample_rate=SR)
        found = lambda q: sorted(t.text for t in lib.list_takes(text=q))  # noqa: E731
        assert found("QUICK") == ["Quick 100%", "The quick brown fox"]
        assert found("uick br") == ["The quick brown fox"]
        assert found("世界") == ["你好，世界，今天天气很好"]  # two characters: LIKE path
        assert found("今天天气") == ["你好，世界，今天天气很好"]
        assert found("0%") == ["Quick 100%"]
        assert found('"lazy') == []
        assert found("zz") == []


def test_the_search_index_follows_deletes_and_is_rebuilt_after_a_session_without_it(tmp_path):
    with Library.open(tmp_path / "lib") as lib:
        a = lib.add_take(text="alpha bravo", audio=AUDIO, sample_rate=SR)
        lib.add_take(text="charlie delta", audio=AUDIO, sample_rate=SR)
        lib.delete_take(a.id)
        assert lib.list_takes(text="bravo") == []
    with Library.open(tmp_path / "lib", use_fts=False) as lib:  # e.g. an SQLite without FTS5
        lib.add_take(text="echo foxtrot", audio=AUDIO, sample_rate=SR)
    with Library.open(tmp_path / "lib") as lib:
        assert lib.text_search_uses_fts
        assert [t.text for t in lib.list_takes(text="foxtrot")] == ["echo foxtrot"]


def test_takes_filter_by_date_range(lib, takes):
    # Dates are whole local days; compare against the same local dates the takes fall on.
    days = [t.created_at.astimezone().date() for t in takes]
    got = lib.list_takes(since=days[2], until=days[4], limit=None)
    assert sorted(t.id for t in got) == [t.id for t in takes[2:5]]
    exact = lib.list_takes(since=takes[3].created_at, until=takes[5].created_at, limit=None)
    assert sorted(t.id for t in exact) == [takes[3].id, takes[4].id]  # [since, until)
    assert lib.count_takes(since=date(2030, 1, 1)) == 0
    assert len(lib.list_takes(since=days[10].isoformat(), limit=None)) == 2


def test_filters_combine(lib, voices, takes):
    bo = voices[1]
    got = lib.list_takes(voice_id=bo.id, text="lazy", favourite=True)
    assert all(t.voice_id == bo.id and t.favourite and "lazy" in t.text for t in got)
    assert [t.id for t in got] == [
        t.id for t in reversed(takes) if t.voice_id == bo.id and t.favourite and "lazy" in t.text
    ]


def test_listings_carry_the_consent_status_of_the_voice(lib, takes):
    assert all(t.consent_status == "NO CONSENT RECORDED" for t in lib.list_takes())


def test_take_queries_use_indexes(lib, takes):
    conn = lib._db.conn
    plan = lambda sql, *p: " ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, p))  # noqa: E731
    assert "takes_by_created" in plan("SELECT id FROM takes t ORDER BY created_at DESC, id DESC LIMIT 100")
    assert "takes_by_voice" in plan(
        "SELECT id FROM takes t WHERE voice_id = ? AND favourite = 1 ORDER BY created_at DESC", 1
    )
    assert "takes_by_created" in plan(
        "SELECT id FROM takes t WHERE created_at >= ? AND created_at < ?", "a", "b"
    )
    assert "voice_tags_by_tag" in plan("SELECT voice_id FROM voice_tags WHERE tag = ?", "x")
