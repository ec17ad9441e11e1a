#!/usr/bin/env python3
"""Draws the PNG app icons of public/icons from the same shapes as icon.svg.

A compass ring with a needle pointing north-east: "koers" is a heading.
Run it after changing the design; the PNGs are committed.
Pure standard library, 4x4 supersampling for smooth edges.
"""
import struct
import zlib
from pathlib import Path

BRAND = (0x1D, 0x4E, 0x89)
WHITE = (0xFF, 0xFF, 0xFF)
LIGHT = (0x9C, 0xC3, 0xEE)


def inside_triangle(px, py, a, b, c):
    def side(p, q, r):
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])
    d1, d2, d3 = side((px, py), a, b), side((px, py), b, c), side((px, py), c, a)
    has_neg = d1 < 0 or d2 < 0 or d3 < 0
    has_pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (has_neg and has_pos)


def colour_at(x, y, maskable):
    """Colour at a point of the 512-unit design, or None for transparent."""
    if maskable:
        # Full bleed; the design shrinks into the 80 % safe zone.
        x, y = 256 + (x - 256) / 0.8, 256 + (y - 256) / 0.8
    else:
        r = 96
        cx = min(max(x, r), 512 - r)
        cy = min(max(y, r), 512 - r)
        if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
            return None
    distance = ((x - 256) ** 2 + (y - 256) ** 2) ** 0.5
    if 154 <= distance <= 182:
        return WHITE
    if inside_triangle(x, y, (352, 160), (220, 220), (292, 292)):
        return WHITE
    if inside_triangle(x, y, (160, 352), (220, 220), (292, 292)):
        return LIGHT
    return BRAND


def render(size, maskable):
    samples = 4
    scale = 512 / size
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            total = [0, 0, 0, 0]
            for sj in range(samples):
                for si in range(samples):
                    x = (i + (si + 0.5) / samples) * scale
                    y = (j + (sj + 0.5) / samples) * scale
                    colour = colour_at(x, y, maskable)
                    if colour:
                        total[0] += colour[0]
                        total[1] += colour[1]
                        total[2] += colour[2]
                        total[3] += 255
            n = samples * samples
            alpha = total[3] // n
            if alpha:
                row += bytes([total[0] * 255 // total[3], total[1] * 255 // total[3], total[2] * 255 // total[3], alpha])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "public" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    (out / "icon-192.png").write_bytes(render(192, False))
    (out / "icon-512.png").write_bytes(render(512, False))
    (out / "icon-maskable-512.png").write_bytes(render(512, True))
