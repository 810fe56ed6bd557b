"""Typed data that passes between fugi's stages (no I/O here)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fugi")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+src"
