"""Regenerate the raster app icons from resources/icons/voice-studio.svg.

    python packaging/make_icons.py

Writes, next to the SVG:
    voice-studio.png                      256 px (the window icon, and the Linux desktop entry's)
    hicolor/<N>x<N>/apps/voice-studio.png 16 ... 512 px (the freedesktop icon theme layout)
    voice-studio.ico                      Windows: 16 ... 256 px (BMP entries, PNG for 256)
    voice-studio.icns                     macOS: 16 ... 1024 px (PNG entries)

Only PySide6 (already a dependency) is needed: Qt renders the SVG at every size, and the ICO and
ICNS containers are written here (both are a small header plus one image per size).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "voice-studio.svg"

HICOLOR_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, and the pixel size of each.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512 @2x
    (b"ic11", 32),  # 16 @2x
    (b"ic12", 64),  # 32 @2x
    (b"ic13", 256),  # 128 @2x
    (b"ic14", 512),  # 256 @2x
)


class Renderer:
    """Renders the SVG to a straight-alpha ARGB32 QImage of any size (Qt's SVG renderer)."""

    def __init__(self, svg: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        self._app = QGuiApplication.instance() or QGuiApplication([])
        from PySide6.QtSvg import QSvgRenderer

        self._svg = QSvgRenderer(str(svg))
        if not self._svg.isValid():
            raise SystemExit(f"make_icons: cannot read {svg}")
        self._cache = {}

    def image(self, size: int):
        if size not in self._cache:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QImage, QPainter

            img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
            img.fill(Qt.GlobalColor.transparent)
            painter = QPainter(img)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            self._svg.render(painter)
            painter.end()
            self._cache[size] = img.convertToFormat(QImage.Format.Format_ARGB32)
        return self._cache[size]

    def png(self, size: int) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.image(size).save(buf, "PNG"):
            raise SystemExit(f"make_icons: cannot encode a {size} px PNG")
        buf.close()
        return bytes(data.data())

    def bgra_rows(self, size: int) -> list[bytes]:
        """Top-down rows of B, G, R, A bytes (QImage ARGB32 in little-endian memory order)."""
        img = self.image(size)
        raw = bytes(img.constBits())
        stride = img.bytesPerLine()
        rows = [raw[y * stride : y * stride + size * 4] for y in range(size)]
        if sys.byteorder == "big":  # ARGB32 is one native 32-bit word per pixel
            rows = [b"".join(row[i : i + 4][::-1] for i in range(0, len(row), 4)) for row in rows]
        return rows


def ico_bitmap(rows: list[bytes], size: int) -> bytes:
    """One ICO image as a DIB: BITMAPINFOHEADER, bottom-up 32-bit BGRA, 1-bit AND mask."""
    mask_stride = ((size + 31) // 32) * 4
    xor = b"".join(reversed(rows))
    mask_rows = []
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:  # fully transparent: set in the AND mask
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    mask = b"".join(mask_rows)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(xor) + len(mask), 0, 0, 0, 0)
    return header + xor + mask


def make_ico(renderer: Renderer, sizes: tuple[int, ...]) -> bytes:
    images = [renderer.png(s) if s >= 256 else ico_bitmap(renderer.bgra_rows(s), s) for s in sizes]
    offset = 6 + 16 * len(sizes)
    out = [struct.pack("<HHH", 0, 1, len(sizes))]
    for size, data in zip(sizes, images):
        dim = 0 if size >= 256 else size  # 0 means 256 in ICONDIRENTRY
        out.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
    return b"".join(out + images)


def make_icns(renderer: Renderer) -> bytes:
    elements = b"".join(
        kind + struct.pack(">I", 8 + len(png)) + png
        for kind, png in ((kind, renderer.png(size)) for kind, size in ICNS_TYPES)
    )
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")


def main() -> int:
    renderer = Renderer(SVG)
    write(ICONS / "voice-studio.png", renderer.png(256))
    for size in HICOLOR_SIZES:
        write(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "voice-studio.png", renderer.png(size))
    write(ICONS / "voice-studio.ico", make_ico(renderer, ICO_SIZES))
    write(ICONS / "voice-studio.icns", make_icns(renderer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
