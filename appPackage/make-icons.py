#!/usr/bin/env python3
"""Draws color.png (192x192) and outline.png (32x32) for the Teams app package.

Standard library only (zlib + struct). Rerun from the repository root:
    python3 appPackage/make-icons.py
The glyph is a simplified spine: five vertebrae (rounded bars) on a gentle S-curve.
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BLUE = (46, 110, 168)  # calm blue background of color.png
SS = 4  # supersampling per axis, for smooth edges


def rounded_rect_cover(x, y, cx, cy, hw, hh, r):
    """True if (x, y) is inside the rounded rectangle centred at (cx, cy) with half sizes hw, hh."""
    dx = max(abs(x - cx) - (hw - r), 0.0)
    dy = max(abs(y - cy) - (hh - r), 0.0)
    return dx * dx + dy * dy <= r * r


def vertebrae(size, box):
    """Rounded bars of the spine glyph, in pixel units, inside a square of side `box` centred in `size`."""
    off = (size - box) / 2.0
    bars = []
    n = 5
    for i in range(n):
        t = (i + 0.5) / n
        cy = off + box * (0.08 + 0.84 * t)
        cx = off + box * (0.5 + 0.07 * math.sin(t * 2 * math.pi))  # a gentle S-curve
        hw = box * (0.17 + 0.05 * t)  # lower vertebrae are a little wider
        hh = box * 0.07
        bars.append((cx, cy, hw, hh, hh))
    return bars


def coverage(size, shapes_fn, px, py):
    hits = 0
    for sy in range(SS):
        for sx in range(SS):
            x = px + (sx + 0.5) / SS
            y = py + (sy + 0.5) / SS
            if shapes_fn(x, y):
                hits += 1
    return hits / (SS * SS)


def write_png(path, size, rgba_rows):
    raw = b"".join(b"\x00" + bytes(row) for row in rgba_rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def color_icon(size=192):
    bars = vertebrae(size, size * 0.6)
    radius = size * 0.2

    def in_glyph(x, y):
        return any(rounded_rect_cover(x, y, *b) for b in bars)

    def in_tile(x, y):
        return rounded_rect_cover(x, y, size / 2, size / 2, size / 2, size / 2, radius)

    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            tile = coverage(size, in_tile, px, py)
            glyph = coverage(size, in_glyph, px, py)
            r, g, b = (round(c + (255 - c) * glyph) for c in BLUE)
            row += [r, g, b, round(255 * tile)]
        rows.append(row)
    write_png(os.path.join(HERE, "color.png"), size, rows)


def outline_icon(size=32):
    bars = vertebrae(size, size * 0.9)

    def in_glyph(x, y):
        return any(rounded_rect_cover(x, y, *b) for b in bars)

    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            a = round(255 * coverage(size, in_glyph, px, py))
            row += [255, 255, 255, a]  # white everywhere; only alpha varies
        rows.append(row)
    write_png(os.path.join(HERE, "outline.png"), size, rows)


if __name__ == "__main__":
    color_icon()
    outline_icon()
    print("wrote", os.path.join(HERE, "color.png"), "and", os.path.join(HERE, "outline.png"))
