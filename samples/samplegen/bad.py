"""Broken inputs for the quarantine paths: a truncated file and an encrypted one."""

from __future__ import annotations

from pathlib import Path

import pikepdf

PASSWORD = "fugi-sample"


def write_truncated(src: Path, dst: Path) -> None:
    """The first half of a good sample's bytes, as an interrupted download leaves it."""
    data = src.read_bytes()
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(data[: len(data) // 2])


def write_encrypted(src: Path, dst: Path) -> None:
    """A good sample behind a user password (RC4-128: no random IV, so deterministic)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    with pikepdf.open(src) as pdf:
        enc = pikepdf.Encryption(user=PASSWORD, owner=PASSWORD + "-owner", R=3, metadata=False, aes=False)
        pdf.save(dst, encryption=enc, static_id=True)
