"""Serial and parallel lint give the same problems, file by file, in the same order."""

import datetime as dt
import importlib.util
import os
import shutil

import pytest

from partreg.runner import PARALLEL_FROM, jobs_for, lint_files
from partreg.store import read_settings, register_files
from tests.common import REPO


def load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    root = tmp_path_factory.mktemp("messy")
    load_generator().generate(root, 1200, broken=0.1, seed=7)
    files = register_files(root)
    # the same id in far-apart files, so that different workers see them
    shutil.copy(files[5], root / "register" / "zz-copy-of-an-early-file.yaml")
    shutil.copy(files[900], root / "register" / "aa-copy-of-a-late-file.yaml")
    return root


def test_parallel_and_serial_report_identical_problems(messy):
    files = register_files(messy)
    settings, _ = read_settings(messy)
    today = dt.date(2026, 1, 1)
    serial = list(lint_files(files, messy, settings, today, jobs=1))
    parallel = list(lint_files(files, messy, settings, today, jobs=2))
    assert len(serial) == len(files)
    assert parallel == serial
    rules = {p.rule for found in serial for p in found}
    assert {
        "yaml-syntax",
        "unknown-key",
        "wrong-type",
        "duplicate-key",
        "duplicate-id",
        "id-mismatch",
    } <= rules
    broken = sum(bool(found) for found in serial)
    assert 0.07 * len(files) < broken < 0.15 * len(files)


def test_how_many_processes():
    assert jobs_for(10, None) == 1
    assert jobs_for(PARALLEL_FROM - 1, None) == 1
    assert jobs_for(PARALLEL_FROM, None) == len(os.sched_getaffinity(0))
    assert jobs_for(10, 3) == 3
