"""`.voicepack` archives: round trip, name clashes, and hostile or damaged packs refused whole."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest

from studio.library import Library, VoicepackError, VoicepackLimits
from studio.library import voicepack as voicepack_module
from tests.library.helpers import library_files, noise, tone


@pytest.fixture
def source_lib(tmp_path, consent):
    with Library.open(tmp_path / "source") as lib:
        alice = lib.add_voice(
            "Alice", speaker_name="Alice Example", language="en", dialect="en-GB", gender="female",
            age_band="30-39", consent=consent, notes="close mic", tags=["narration", "warm"],
        )  # fmt: skip
        lib.add_clip(alice.id, noise(1.0, 24000, seed=1), 24000, transcript="one", quality={"snr_db": 30})
        lib.add_clip(
            alice.id,
            (noise(0.5, 16000, seed=2) * 30000).astype(np.int16),
            16000,
            transcript="two",
            trim=(0.1, 0.4),
        )
        prompt = tmp_path / "alice.safetensors"
        prompt.write_bytes(b"\x00opaque engine bytes\xff" * 100)
        lib.set_prepared_prompt(alice.id, "cosyvoice2", prompt)
        bob = lib.add_voice("Bob", language="zh")  # no consent
        lib.add_clip(bob.id, tone(0.3), 24000)
        yield lib


@pytest.fixture
def pack(source_lib, tmp_path) -> Path:
    voices = [v.id for v in source_lib.list_voices()]
    return source_lib.export_voicepack(voices, tmp_path / "voices")


def test_a_voicepack_is_a_zip_with_a_versioned_manifest_flac_clips_and_prompts(pack):
    assert pack.suffix == ".voicepack"
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = archive.namelist()
    assert manifest["format"] == "voice-studio.voicepack" and manifest["format_version"] == 1
    assert [v["name"] for v in manifest["voices"]] == ["Alice", "Bob"]
    assert manifest["voices"][1]["consent_status"] == "NO CONSENT RECORDED"
    assert sum(n.endswith(".flac") for n in names) == 3
    assert sum(n.endswith(".safetensors") for n in names) == 1


def test_import_round_trips_voices_clips_consent_tags_trims_and_prompts(source_lib, pack, tmp_path):
    with Library.open(tmp_path / "dest") as dest:
        result = dest.import_voicepack(pack)
        assert result.renamed == {}
        alice, bob = result.voices
        original = source_lib.find_voice("Alice")
        for field in (
            "uid",
            "name",
            "speaker_name",
            "language",
            "dialect",
            "gender",
            "age_band",
            "consent",
            "notes",
            "tags",
        ):
            assert getattr(alice, field) == getattr(original, field), field
        assert alice.created_at == original.created_at
        assert bob.consent_status == "NO CONSENT RECORDED"
        clips, originals = dest.list_clips(alice.id), source_lib.list_clips(original.id)
        assert [
            (c.transcript, c.sample_rate, c.frames, c.trim_start, c.trim_end, c.quality) for c in clips
        ] == [(c.transcript, c.sample_rate, c.frames, c.trim_start, c.trim_end, c.quality) for c in originals]
        assert all(c.path.read_bytes() == o.path.read_bytes() for c, o in zip(clips, originals))
        prompt = dest.prepared_prompt(alice.id, "cosyvoice2")
        assert (
            prompt.path.read_bytes()
            == source_lib.prepared_prompt(original.id, "cosyvoice2").path.read_bytes()
        )
        assert dest.check().clean


def test_a_name_clash_imports_a_new_voice_with_a_suffix_and_never_overwrites(source_lib, pack):
    alice = source_lib.find_voice("Alice")
    before = source_lib.list_clips(alice.id)
    result = source_lib.import_voicepack(pack)
    assert result.renamed == {"Alice": "Alice (2)", "Bob": "Bob (2)"}
    assert source_lib.list_clips(alice.id) == before
    copy = source_lib.find_voice("Alice (2)")
    assert copy.uid != alice.uid and copy.clip_count == 2
    assert source_lib.import_voicepack(pack).renamed["Alice"] == "Alice (3)"


# -- hostile and damaged packs -------------------------------------------------------------------


def _rewrite(pack: Path, out: Path, *, manifest=None, drop=(), add=(), edit=None) -> Path:
    """Copy a pack, optionally replacing the manifest, dropping or adding members."""
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(out, "w") as dst:
        data = json.loads(src.read("manifest.json"))
        if edit:
            edit(data)
        for info in src.infolist():
            if info.filename in drop or info.filename == "manifest.json":
                continue
            dst.writestr(info, src.read(info))
        if "manifest.json" not in drop:
            text = manifest if manifest is not None else json.dumps(data)
            dst.writestr("manifest.json", text)
        for name, payload in add:
            dst.writestr(name, payload)
    return out


def _assert_refused(lib: Library, pack: Path, match: str, **kwargs) -> None:
    voices_before = lib.list_voices()
    files_before = library_files(lib.root)
    with pytest.raises(VoicepackError, match=match) as err:
        lib.import_voicepack(pack, **kwargs)
    assert "nothing was imported" in str(err.value) or "does not exist" in str(err.value)
    assert lib.list_voices() == voices_before
    assert library_files(lib.root) == files_before  # no staging leftovers, no half import
    assert lib.check().clean


@pytest.fixture
def dest(tmp_path):
    with Library.open(tmp_path / "dest") as lib:
        lib.add_voice("Existing")
        yield lib


@pytest.mark.parametrize(
    "evil", ["../evil.flac", "voices/../../evil.flac", "/etc/evil.flac", "C:/evil.flac", "a\\..\\b"]
)
def test_zip_slip_and_absolute_member_paths_are_refused(dest, pack, tmp_path, evil):
    bad = _rewrite(pack, tmp_path / "bad.voicepack", add=[(evil, b"x")])
    _assert_refused(dest, bad, "unsafe path")
    assert not (tmp_path / "evil.flac").exists()


def test_a_manifest_pointing_outside_the_pack_is_refused(dest, pack, tmp_path):
    def edit(data):
        data["voices"][0]["clips"][0]["file"] = "../../outside.flac"

    _assert_refused(dest, _rewrite(pack, tmp_path / "bad.voicepack", edit=edit), "unsafe")


def _patch_declared_size(pack: Path, member: str, size: int) -> None:
    """Overwrite the uncompressed size a member declares in the central directory."""
    data = bytearray(pack.read_bytes())
    with zipfile.ZipFile(pack) as archive:
        info = archive.getinfo(member)
    start = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02"))
    while start != -1:
        name_len = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_len].decode() == member:
            struct.pack_into("<I", data, start + 24, size)
            break
        start = data.find(b"PK\x01\x02", start + 4)
    else:  # pragma: no cover
        raise AssertionError(info)
    pack.write_bytes(bytes(data))


def test_a_member_declaring_a_huge_size_is_refused(dest, pack, tmp_path):
    bad = _rewrite(pack, tmp_path / "bad.voicepack", add=[("voices/extra.bin", b"x" * 100)])
    _patch_declared_size(bad, "voices/extra.bin", 0xFFFF0000)
    _assert_refused(dest, bad, "declares")


def test_a_zip_bomb_is_refused_by_its_compression_ratio(dest, pack, tmp_path):
    bad = tmp_path / "bomb.voicepack"
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("voices/bomb.bin", b"\0" * (4 << 20))
    _assert_refused(dest, bad, "compression ratio")


def test_the_total_size_cap_is_enforced(dest, pack):
    _assert_refused(dest, pack, "add up to more", limits=VoicepackLimits(max_total_bytes=1000))


def test_a_member_that_holds_more_than_it_declares_is_refused(dest, pack, tmp_path):
    with zipfile.ZipFile(pack) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".flac"))
    bad = tmp_path / "liar.voicepack"
    bad.write_bytes(pack.read_bytes())
    _patch_declared_size(bad, member, 10)
    _assert_refused(dest, bad, "more data than it declares|damaged")


def test_a_file_missing_from_the_pack_is_refused(dest, pack, tmp_path):
    with zipfile.ZipFile(pack) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".flac"))
    _assert_refused(dest, _rewrite(pack, tmp_path / "bad.voicepack", drop=[member]), "missing from the pack")


def test_damaged_content_is_refused_by_its_checksum(dest, pack, tmp_path):
    with zipfile.ZipFile(pack) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".safetensors"))
    bad = tmp_path / "bad.voicepack"
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            payload = src.read(info)
            dst.writestr(info, payload[:-1] + b"!" if info.filename == member else payload)
    _assert_refused(dest, bad, "checksum")


def test_bit_rot_inside_the_zip_is_refused(dest, pack, tmp_path):
    data = bytearray(pack.read_bytes())
    offset = data.find(b"fLaC") + 200  # inside the first stored FLAC member
    data[offset] ^= 0xFF
    bad = tmp_path / "rotten.voicepack"
    bad.write_bytes(bytes(data))
    _assert_refused(dest, bad, "damaged|checksum")


@pytest.mark.parametrize(
    ("manifest", "match"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"format": "something-else", "format_version": 1, "voices": []}), "does not describe"),
        (
            json.dumps({"format": "voice-studio.voicepack", "format_version": 0, "voices": [{}]}),
            "format version 0",
        ),
        (
            json.dumps({"format": "voice-studio.voicepack", "format_version": "1", "voices": [{}]}),
            "format version",
        ),
        (json.dumps({"format": "voice-studio.voicepack", "format_version": 99, "voices": [{}]}), "newer"),
        (json.dumps({"format": "voice-studio.voicepack", "format_version": 1, "voices": []}), "no voices"),
        (
            json.dumps({"format": "voice-studio.voicepack", "format_version": 1, "voices": [{"clips": []}]}),
            "name",
        ),
        (json.dumps([1, 2, 3]), "does not describe"),
    ],
)
def test_a_bad_manifest_is_refused(dest, pack, tmp_path, manifest, match):
    _assert_refused(dest, _rewrite(pack, tmp_path / "bad.voicepack", manifest=manifest), match)


def test_a_pack_without_a_manifest_is_refused(dest, pack, tmp_path):
    _assert_refused(
        dest, _rewrite(pack, tmp_path / "bad.voicepack", drop=["manifest.json"]), "no manifest.json"
    )


def test_incomplete_consent_in_a_manifest_is_refused(dest, pack, tmp_path):
    def edit(data):
        data["voices"][0]["consent"]["given_by"] = ""

    _assert_refused(dest, _rewrite(pack, tmp_path / "bad.voicepack", edit=edit), "consent")


def test_a_file_that_is_not_a_zip_is_refused(dest, tmp_path):
    bad = tmp_path / "fake.voicepack"
    bad.write_bytes(b"RIFF....WAVE this is not a zip")
    _assert_refused(dest, bad, "not a zip archive")
    _assert_refused(dest, tmp_path / "absent.voicepack", "does not exist")


def test_symbolic_links_in_the_pack_are_refused(dest, pack, tmp_path):
    link = zipfile.ZipInfo("voices/link")
    link.external_attr = 0o120777 << 16
    bad = tmp_path / "bad.voicepack"
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(link, "/etc/passwd")
    _assert_refused(dest, bad, "symbolic link")


def test_a_failure_half_way_through_placing_files_rolls_everything_back(dest, pack, monkeypatch):
    real_move = voicepack_module.durable_move
    calls = {"n": 0}

    def failing_move(src, dst, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real_move(src, dst, **kwargs)

    monkeypatch.setattr(voicepack_module, "durable_move", failing_move)
    voices_before, files_before = dest.list_voices(), library_files(dest.root)
    with pytest.raises(OSError, match="disk full"):
        dest.import_voicepack(pack)
    assert dest.list_voices() == voices_before
    assert library_files(dest.root) == files_before
    assert dest.check().clean


def test_a_catalog_failure_during_import_rolls_everything_back(dest, pack, monkeypatch):
    calls = {"n": 0}
    real_insert = type(dest)._insert_clip

    def failing_insert(self, conn, **columns):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("catalog write failed")
        return real_insert(self, conn, **columns)

    monkeypatch.setattr(type(dest), "_insert_clip", failing_insert)
    voices_before, files_before = dest.list_voices(), library_files(dest.root)
    with pytest.raises(RuntimeError):
        dest.import_voicepack(pack)
    assert dest.list_voices() == voices_before
    assert library_files(dest.root) == files_before


def test_exporting_no_voices_is_refused(lib, tmp_path):
    from studio.library import LibraryError

    with pytest.raises(LibraryError, match="at least one voice"):
        lib.export_voicepack([], tmp_path / "x.voicepack")


def test_a_voices_pronunciation_dictionary_travels_with_it(source_lib, tmp_path):
    from studio.library.lexicon_store import lexicon_path, read_rows, write_rows

    alice = source_lib.find_voice("Alice")
    rows = [("nginx", "engine x"), ("Grüß, Euch", "[g][r][y][s]"), ("行长", "[h][áng]长")]
    write_rows(lexicon_path(source_lib.root, alice.id), rows)
    write_rows(lexicon_path(source_lib.root), [("global", "not carried")])
    pack = source_lib.export_voicepack([alice.id, source_lib.find_voice("Bob").id], tmp_path / "two")
    with Library.open(tmp_path / "other") as other:
        stale = other.add_voice("Gone")  # its dictionary file outlives it: the imported Bob must not get it
        write_rows(lexicon_path(other.root, stale.id), [("stale", "entry")])
        other.delete_voice(stale.id)
        assert not lexicon_path(other.root, stale.id).exists()
        write_rows(lexicon_path(other.root, stale.id), [("stale", "entry")])
        copy_alice, copy_bob = other.import_voicepack(pack).voices
        assert read_rows(lexicon_path(other.root, copy_alice.id)) == rows
        assert read_rows(lexicon_path(other.root, copy_bob.id)) == []
        assert read_rows(lexicon_path(other.root)) == []  # the global dictionary is not the voice's
        assert other.check().clean


def test_a_pack_without_dictionaries_imports_and_a_malformed_one_is_refused(dest, pack, tmp_path):
    def older(manifest):  # as written before dictionaries travelled
        for voice in manifest["voices"]:
            voice.pop("lexicon", None)

    def malformed(manifest):
        manifest["voices"][0]["lexicon"] = [["term only"]]

    assert len(dest.import_voicepack(_rewrite(pack, tmp_path / "older.voicepack", edit=older)).voices) == 2
    bad = _rewrite(pack, tmp_path / "bad.voicepack", edit=malformed)
    _assert_refused(dest, bad, "pronunciation dictionary of 'Alice'")
