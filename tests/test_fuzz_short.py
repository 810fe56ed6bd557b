"""A short, seeded fuzz run (bench/fuzz.py) in `make test`: mutated sample PDFs through
process_document in the worker pool; none may crash fugi, kill a worker or hang."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[1] / "bench" / "fuzz.py"


def _fuzz_module():
    spec = importlib.util.spec_from_file_location("fugi_bench_fuzz", BENCH)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_mutators_change_the_bytes_deterministically():
    import random

    fuzz = _fuzz_module()
    seeds = fuzz.load_seeds()
    assert seeds, "no seed PDFs under samples/good"
    a = [fuzz.mutate(seeds, random.Random(3)) for _ in range(5)]
    b = [fuzz.mutate(seeds, random.Random(3)) for _ in range(5)]
    assert a == b
    assert all(data not in seeds.values() for _, data in a)


@pytest.mark.fuzz
@pytest.mark.slow
def test_short_fuzz_run_finds_no_crash_or_hang():
    fuzz = _fuzz_module()
    tally = fuzz.run_fuzz(20, workers=1, seed=20251125, timeout=60, batch=4)
    assert tally.tried >= 4
    assert tally.crashes == [], tally.crashes
    assert tally.hangs == [], tally.hangs
