"""Voices: identity, consent, tags, and prepared prompts stored as opaque files per model family."""

from __future__ import annotations

import os

import pytest

from studio.library import NO_CONSENT_TEXT, Consent, LibraryError, NameClashError, NotFoundError
from tests.library.helpers import tone


def test_a_voice_keeps_everything_that_describes_the_speaker(lib, consent):
    voice = lib.add_voice(
        "Alice",
        speaker_name="Alice Example",
        language="en",
        dialect="en-GB",
        gender="female",
        age_band="30-39",
        consent=consent,
        notes="warm, close mic",
        tags=["narration", "Warm", "warm"],
    )
    again = lib.get_voice(voice.id)
    assert again == voice
    assert (again.speaker_name, again.language, again.dialect) == ("Alice Example", "en", "en-GB")
    assert (again.gender, again.age_band, again.notes) == ("female", "30-39", "warm, close mic")
    assert again.tags == ("narration", "Warm")  # duplicates differing only in case are merged
    assert again.consent == consent
    assert again.created_at is not None and again.updated_at is not None


def test_a_voice_without_consent_says_so(lib):
    voice = lib.add_voice("Bob")
    assert voice.consent is None
    assert not voice.has_consent
    assert voice.consent_status == NO_CONSENT_TEXT == "NO CONSENT RECORDED"


def test_a_voice_with_consent_reports_it(lib, consent):
    voice = lib.add_voice("Alice", consent=consent)
    assert voice.has_consent
    assert voice.consent_status == "consent recorded"
    assert "Alice Example" in voice.consent.describe() and "audiobook narration" in voice.consent.describe()


def test_consent_needs_who_when_and_what_for():
    with pytest.raises(LibraryError, match="given by"):
        Consent(given_by="", given_at="2025-01-01", use="demo")
    with pytest.raises(LibraryError, match="use"):
        Consent(given_by="Ann", given_at="2025-01-01", use=" ")


def test_consent_can_be_added_and_withdrawn_later(lib, consent):
    voice = lib.add_voice("Carol")
    assert lib.update_voice(voice.id, consent=consent).consent == consent
    assert lib.update_voice(voice.id, consent=None).consent_status == NO_CONSENT_TEXT


def test_updating_a_voice_changes_only_what_is_given(lib):
    voice = lib.add_voice("Dan", language="de", tags=["a"])
    updated = lib.update_voice(voice.id, name="Daniel", tags=["b", "c"])
    assert (updated.name, updated.language, updated.tags) == ("Daniel", "de", ("b", "c"))
    assert updated.updated_at >= voice.updated_at
    with pytest.raises(LibraryError, match="no field"):
        lib.update_voice(voice.id, colour="red")


def test_voice_names_are_unique_regardless_of_case(lib):
    lib.add_voice("Eve")
    with pytest.raises(NameClashError, match="already exists"):
        lib.add_voice("eve")
    other = lib.add_voice("Frank")
    with pytest.raises(NameClashError):
        lib.update_voice(other.id, name="EVE")


def test_a_voice_needs_a_name(lib):
    with pytest.raises(LibraryError, match="needs a name"):
        lib.add_voice("   ")


def test_find_voice_accepts_a_name_or_an_id(lib):
    voice = lib.add_voice("Grace")
    assert lib.find_voice("grace") == voice
    assert lib.find_voice(str(voice.id)) == voice
    with pytest.raises(NotFoundError, match="no voice called"):
        lib.find_voice("nobody")


def test_prepared_prompts_are_copied_in_as_opaque_files_per_family(lib, tmp_path):
    voice = lib.add_voice("Heidi")
    engine_file = tmp_path / "voice.safetensors"
    payload = os.urandom(5000)  # not a real safetensors file: the library must not look inside
    engine_file.write_bytes(payload)
    prompt = lib.set_prepared_prompt(voice.id, "cosyvoice2", engine_file)
    assert prompt.path.read_bytes() == payload
    assert prompt.path.suffix == ".safetensors"
    assert prompt.path.is_relative_to(lib.root)
    assert prompt.size == 5000
    lib.set_prepared_prompt(voice.id, "cosyvoice3", engine_file)
    assert [p.family for p in lib.prepared_prompts(voice.id)] == ["cosyvoice2", "cosyvoice3"]
    assert lib.get_voice(voice.id).prompt_families == ("cosyvoice2", "cosyvoice3")
    engine_file.unlink()
    assert prompt.path.exists(), "the library keeps its own copy"


def test_replacing_a_prepared_prompt_removes_the_superseded_copy(lib, tmp_path):
    voice = lib.add_voice("Ivan")
    source = tmp_path / "v.safetensors"
    source.write_bytes(b"first")
    first = lib.set_prepared_prompt(voice.id, "cosyvoice2", source)
    source.write_bytes(b"second")
    second = lib.set_prepared_prompt(voice.id, "cosyvoice2", source)
    assert lib.prepared_prompt(voice.id, "cosyvoice2").path.read_bytes() == b"second"
    assert not first.path.exists()
    assert second.path != first.path
    lib.remove_prepared_prompt(voice.id, "cosyvoice2")
    assert lib.prepared_prompt(voice.id, "cosyvoice2") is None


def test_a_model_family_must_be_a_short_plain_name(lib, tmp_path):
    voice = lib.add_voice("Judy")
    source = tmp_path / "v.safetensors"
    source.write_bytes(b"x")
    for family in ("../evil", "", "Cosy Voice", "a/b"):
        with pytest.raises(LibraryError, match="model family"):
            lib.set_prepared_prompt(voice.id, family, source)


def test_a_voice_with_takes_cannot_be_deleted_but_one_without_can(lib, tmp_path):
    voice = lib.add_voice("Karl")
    clip = lib.add_clip(voice.id, tone(), 24000)
    take = lib.add_take(text="hi", audio=tone(), sample_rate=24000, voice_id=voice.id)
    with pytest.raises(LibraryError, match="still has 1 takes"):
        lib.delete_voice(voice.id)
    lib.delete_take(take.id)
    lib.delete_voice(voice.id)
    assert lib.list_voices() == []
    assert not clip.path.exists()
    with pytest.raises(NotFoundError):
        lib.get_voice(voice.id)


def test_detached_takes_outlive_their_voice_and_remember_its_name(lib):
    voice = lib.add_voice("Lena")
    take = lib.add_take(text="hi", audio=tone(), sample_rate=24000, voice_id=voice.id, timings={"rtf": 0.5})
    other = lib.add_voice("Max")
    kept = lib.add_take(text="yo", audio=tone(), sample_rate=24000, voice_id=other.id)
    assert lib.detach_takes(voice.id) == [take.id]
    lib.delete_voice(voice.id)
    after = lib.get_take(take.id)
    assert after.voice_id is None and after.voice_name is None
    assert after.timings == {"rtf": 0.5, "deleted_voice": "Lena"}
    assert lib.get_take(kept.id).voice_id == other.id  # another voice's takes are untouched
    with pytest.raises(NotFoundError):
        lib.detach_takes(voice.id)
