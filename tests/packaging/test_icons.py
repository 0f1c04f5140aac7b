"""The committed app icons: every size present and the ICO / ICNS containers well-formed."""

from __future__ import annotations

import struct

from .conftest import REPO

ICONS = REPO / "resources" / "icons"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_pngs():
    assert png_size((ICONS / "voice-studio.png").read_bytes()) == (256, 256)
    for n in (16, 32, 48, 64, 128, 256, 512):
        assert png_size((ICONS / "hicolor" / f"{n}x{n}" / "apps" / "voice-studio.png").read_bytes()) == (n, n)


def test_ico():
    data = (ICONS / "voice-studio.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, _h, _c, _r, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        size = w or 256
        image = data[offset : offset + length]
        assert len(image) == length and bits == 32
        if image[:8] == b"\x89PNG\r\n\x1a\n":
            assert png_size(image) == (size, size)
        else:  # BITMAPINFOHEADER: width, double height (XOR + AND mask), 32 bpp
            assert struct.unpack("<IiiHH", image[:16]) == (40, size, 2 * size, 1, 32)
        sizes.append(size)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns():
    data = (ICONS / "voice-studio.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, found = 8, {}
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        found[kind] = png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert pos == len(data)
    assert found == {
        b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512,
        b"ic10": 1024, b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512,
    }  # fmt: skip


def test_svg_is_the_source():
    svg = (ICONS / "voice-studio.svg").read_text()
    assert 'viewBox="0 0 512 512"' in svg and "make_icons.py" in svg
