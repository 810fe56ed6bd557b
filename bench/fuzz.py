"""Bounded fuzzing of the whole extraction path: mutated sample PDFs (byte flips,
truncations, splices, deleted / repeated chunks, absurd numbers) go through fugi's own
worker pool (flows/worker.py: timeout, memory limit, crash isolation; open, extract,
segment, map, validate), exactly as `fugi ingest` runs them.

    .venv/bin/python bench/fuzz.py                 # 10 minutes, 2 workers
    .venv/bin/python bench/fuzz.py --minutes 1 --seed 7 --save /tmp/fuzz-finds

A crash is a document quarantined as internal_error (a Python exception fugi did not
expect) or worker_crashed (the PDF library died); a hang is a timeout. Every other
outcome, bad-input quarantine reasons included, is fine. Exit code 1 when anything
crashed or hung; the offending inputs are copied to --save.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SAMPLES = REPO / "samples" / "good"
CRASH_REASONS = {"internal_error", "worker_crashed"}
HANG_REASONS = {"timeout"}
# Seeds: the good samples small enough to go round quickly.
MAX_SEED_BYTES = 400_000
_TOKENS = [b"0", b"-1", b"4294967297", b"99999999999999999999", b"1e308", b"R", b"obj", b"endobj",
           b"stream", b"endstream", b"<<", b">>", b"[", b"]", b"(", b")", b"/Length 0", b"/Count 2147483647",
           b"/Kids [1 0 R]", b"null", b"%%EOF", b"xref", b"trailer", b"/FlateDecode"]


@dataclass
class Tally:
    tried: int = 0
    outcomes: Counter = field(default_factory=Counter)
    crashes: list[tuple[str, str, str]] = field(default_factory=list)  # (mutation, reason, message)
    hangs: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0


# ------------------------------------------------------------------ mutators


def flip(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8) if rng.random() < 0.7 else rng.randrange(256)
    return bytes(b)


def truncate(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    return data[: rng.randrange(1, len(data))]


def splice(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    other = rng.choice(others)
    return data[: rng.randrange(len(data))] + other[rng.randrange(len(other)) :]


def delete_chunk(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, 4096) :]


def repeat_chunk(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    i = rng.randrange(len(data))
    chunk = data[i : i + rng.randint(1, 2048)]
    j = rng.randrange(len(data))
    return data[:j] + chunk * rng.randint(1, 8) + data[j:]


def token(data: bytes, rng: random.Random, _: list[bytes]) -> bytes:
    """Overwrite a syntax token or number near a random place with an absurd one."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(b))
        t = rng.choice(_TOKENS)
        b[i : i + len(t)] = t
    return bytes(b)


MUTATORS: dict[str, Callable[[bytes, random.Random, list[bytes]], bytes]] = {
    "flip": flip, "truncate": truncate, "splice": splice,
    "delete": delete_chunk, "repeat": repeat_chunk, "token": token,
}


def mutate(seeds: dict[str, bytes], rng: random.Random) -> tuple[str, bytes]:
    """One mutant: (description, bytes); sometimes two mutations stacked."""
    name = rng.choice(sorted(seeds))
    data, steps = seeds[name], []
    for _ in range(1 if rng.random() < 0.7 else 2):
        m = rng.choice(sorted(MUTATORS))
        data = MUTATORS[m](data, rng, list(seeds.values())) or b"%PDF-"
        steps.append(m)
    return f"{name}:{'+'.join(steps)}", data


def load_seeds(folder: Path = SAMPLES, max_bytes: int = MAX_SEED_BYTES) -> dict[str, bytes]:
    return {p.stem: p.read_bytes() for p in sorted(folder.glob("*.pdf")) if p.stat().st_size <= max_bytes}


# ------------------------------------------------------------------ the run


def run_fuzz(
    seconds: float,
    *,
    workers: int = 2,
    seed: int = 0,
    ocr: str = "never",
    timeout: float = 60.0,
    memory_limit_mib: int = 2048,
    save: Path | None = None,
    batch: int | None = None,
    log: Callable[[str], None] | None = None,
) -> Tally:
    """Fuzz for about `seconds`; returns the tally (inputs tried, crashes, hangs)."""
    from flows.worker import Job, WorkerPool
    from models.settings import ExtractSettings
    from pipeline.process import file_sha256

    rng = random.Random(seed)
    seeds = load_seeds()
    tally = Tally()
    t0 = time.monotonic()
    batch = batch or max(2, 4 * workers)
    with tempfile.TemporaryDirectory(prefix="fugi-fuzz-") as tmp:
        pool = WorkerPool(workers, ExtractSettings(ocr=ocr), timeout=timeout, memory_limit=memory_limit_mib << 20)
        with pool:
            while time.monotonic() - t0 < seconds:
                made = {}
                for k in range(batch):
                    what, data = mutate(seeds, rng)
                    path = Path(tmp) / f"m{tally.tried + k:06d}.pdf"
                    path.write_bytes(data)
                    made[str(path)] = what
                jobs = [Job(p, *file_sha256(p)) for p in made]
                for result in pool.results(jobs):
                    _count(tally, result, made[result.file], save, log)
                for p in made:
                    Path(p).unlink(missing_ok=True)
    tally.seconds = time.monotonic() - t0
    return tally


def _count(tally: Tally, result, what: str, save: Path | None, log) -> None:  # type: ignore[no-untyped-def]
    tally.tried += 1
    reason = result.reason or result.status
    tally.outcomes[reason] += 1
    bucket = tally.crashes if reason in CRASH_REASONS else tally.hangs if reason in HANG_REASONS else None
    if bucket is None:
        return
    bucket.append((what, reason, result.message or ""))
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        kept = save / f"{reason}-{len(bucket):03d}-{Path(result.file).name}"
        shutil.copyfile(result.file, kept)
        (save / (kept.name + ".txt")).write_text(f"{what}\n{result.message}\n", encoding="utf-8")
    if log:
        log(f"{reason}: {what}: {result.message}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--ocr", choices=["never", "auto"], default="never",
                    help="never (default): parser, layout, segment, map; auto adds rendering + OCR (slow)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per input before it counts as a hang")
    ap.add_argument("--memory-limit", type=int, default=2048, help="MiB per worker")
    ap.add_argument("--save", type=Path, help="copy crashing / hanging inputs here")
    args = ap.parse_args(argv)
    tally = run_fuzz(
        args.minutes * 60, workers=args.workers, seed=args.seed, ocr=args.ocr, timeout=args.timeout,
        memory_limit_mib=args.memory_limit, save=args.save, log=lambda s: print(s, file=sys.stderr, flush=True),
    )
    print(f"inputs tried: {tally.tried} in {tally.seconds:.0f} s ({tally.tried / max(tally.seconds, 1):.1f}/s)")
    print(f"crashes: {len(tally.crashes)}")
    print(f"hangs: {len(tally.hangs)}")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in tally.outcomes.most_common()))
    for what, reason, msg in tally.crashes + tally.hangs:
        print(f"  {reason}: {what}: {msg[:300]}")
    return 1 if tally.crashes or tally.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
