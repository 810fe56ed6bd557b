"""Deterministic generator of the fugi sample corpus (see samples/NOTES.md)."""
