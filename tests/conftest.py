"""Fixtures shared by the test modules, and the guard that keeps ``make test-fast`` in one process."""

import multiprocessing.process
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.common import REPO

# jsonschema imports rfc3987_syntax, when it is installed, only to check the "iri" format, which
# no schema the tests use has; building that library's grammar takes over two seconds of every run.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

# Hypothesis keeps its examples and caches in .hypothesis/ under the working directory, inside the
# repository; tests write only to temporary folders.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "partreg-hypothesis"))

SPAWNS, SLOW = "spawns", "slow"

WHOLE_MODULE = re.compile(rf"^pytestmark = .*\bpytest\.mark\.({SPAWNS}|{SLOW})\b", re.MULTILINE)


@pytest.fixture
def register(tmp_path):
    """A copy of the example register, to change without touching the real one."""
    shutil.copy(REPO / "partreg.yaml", tmp_path)
    shutil.copytree(REPO / "register", tmp_path / "register")
    return tmp_path


def in_process_only(config) -> bool:
    """Whether this run leaves out the tests that start processes (``make test-fast``)."""
    return f"not {SPAWNS}" in (config.option.markexpr or "")


def pytest_configure(config):
    if in_process_only(config):
        config.pluginmanager.register(InProcessGuard(), "partreg-in-process-guard")


def pytest_ignore_collect(collection_path, config):
    """In the fast run, a module marked whole as spawning or slow is not even imported."""
    if not (in_process_only(config) and collection_path.match("test_*.py")):
        return None
    match = WHOLE_MODULE.search(collection_path.read_text())
    if match and f"not {match[1]}" in config.option.markexpr:
        return True
    return None  # pytest's own rules decide


class InProcessGuard:
    """While the fast set runs (``-m "not spawns"``), a test that starts a process fails and says
    to mark it, so the fast set cannot fill up with slow tests unnoticed."""

    def __init__(self) -> None:
        self.item: pytest.Item | None = None
        self.spawned: list[str] = []
        self.patched: list[tuple[object, str, object]] = []

    def pytest_sessionstart(self, session):
        for owner, name in (
            (subprocess.Popen, "__init__"),
            (multiprocessing.process.BaseProcess, "start"),
            (os, "fork"),
            (os, "forkpty"),
            (os, "posix_spawn"),
            (os, "posix_spawnp"),
            (os, "system"),
        ):
            original = getattr(owner, name)
            self.patched.append((owner, name, original))
            setattr(owner, name, self.refusing(original, f"{getattr(owner, '__name__', owner)}.{name}"))

    def pytest_sessionfinish(self, session):
        for owner, name, original in reversed(self.patched):
            setattr(owner, name, original)

    def refusing(self, original, what):
        def refuse(*args, **kwargs):
            if self.item is None or self.item.get_closest_marker(SPAWNS):
                return original(*args, **kwargs)
            self.spawned.append(what)
            pytest.fail(
                f"{self.item.nodeid} starts a process ({what}), here or in a fixture it uses: "
                f"mark it @pytest.mark.{SPAWNS} (make test-fast runs in-process tests only)",
                pytrace=False,
            )

        return refuse

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        self.item, self.spawned = item, []
        yield
        self.item = None

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        if self.spawned:
            if report.passed:  # the refusal was caught and swallowed: fail anyway
                report.outcome = "failed"
                report.longrepr = (
                    f"{item.nodeid} starts a process ({self.spawned[0]}): mark it @pytest.mark.{SPAWNS}"
                )
            self.spawned = []
