"""Helpers that let tests read like the spec: an input, and the problems expected."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

from partreg.lint import run, validate_settings
from partreg.models import Settings
from partreg.problems import Problem
from partreg.rules import ALL
from partreg.yaml.reading import parse_document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

SETTINGS = Settings(
    council="Test Borough Council",
    priorities={
        "growing-our-economy": "Growing our economy",
        "developing-our-communities": "Developing our communities",
    },
)

PARTNERSHIP = """\
id: test-partnership
title: Test Community Safety Partnership
kind: partnership
status: active
summary: Tackle crime and disorder together.
lead:
  role: Community Safety Manager
  service: Community Safety
priorities: [developing-our-communities]
partners:
  - name: Essex Police
    sector: public
statutory: true
statutory_basis: Crime and Disorder Act 1998
objectives: [Reduce crime and disorder]
outcomes:
  - description: Fewer repeat victims
    measure: repeat victims per year
    target: 10% fewer
resources:
  council: {funding_gbp: 25000}
  partners: Officer time
added_value: Joint tasking.
risks:
  - description: Data not shared
    mitigation: Information sharing agreement
start: 2021-04-01
review:
  months: 12
"""

CONTRACT = """\
id: test-contract
title: Street cleansing contract
kind: contract
status: active
lead: {role: Street Scene Manager, service: Environment}
partners: [{name: BIFFA, sector: private}]
contract: {reference: ENV-1, value_gbp: 1000000}
start: 2019-04-01
"""

JOINT_WORKING = """\
id: test-joint-working
title: Health and Wellbeing Board
kind: joint-working
status: active
summary: Councillors represent the council on the board.
lead: {role: Democratic Services Manager, service: Democratic Services}
partners: [{name: Health and Wellbeing Board}]
start: 2014-01-01
"""

COMMUNITY_FUNDING = """\
id: test-community-funding
title: Community Fund award
kind: community-funding
status: active
summary: A small grant.
lead: {role: Community Services Manager, service: Community Services}
partners: [{name: Scout Group, sector: voluntary}]
funding:
  amount_gbp: 3500
  period_start: 2025-04-01
  period_end: 2026-03-31
  actions: [Refurbish the scout hut]
start: 2025-04-01
"""

VALID = {
    "partnership": PARTNERSHIP,
    "contract": CONTRACT,
    "joint-working": JOINT_WORKING,
    "community-funding": COMMUNITY_FUNDING,
}


def lint_text(
    text: str | bytes,
    *,
    file_id: str | None = None,
    settings: Settings | None = SETTINGS,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every problem partreg finds in one file's text (``file_id`` defaults to the text's own id)."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    raw = textwrap.dedent(raw.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
    doc = parse_document(raw, "entry.yaml")
    if file_id is None:
        file_id = doc.data.get("id", "entry") if isinstance(doc.data, dict) else "entry"
    found: list[Problem] = []
    for _, _, problems in run(settings, [(doc, str(file_id))], ALL, today):
        found.extend(problems)
    return found


def check(text: str | bytes, *expected: tuple[str, int, int] | tuple[str, int], **kwargs: object) -> None:
    """Assert the problems in ``text`` are exactly ``expected``: (rule, line[, column]) each."""
    found = lint_text(text, **kwargs)  # type: ignore[arg-type]
    got = [
        (p.rule, p.line, p.column) if len(e) == 3 else (p.rule, p.line)
        for p, e in zip(found, expected, strict=False)
    ]
    assert len(found) == len(expected) and got == list(expected), "\n".join(
        [f"expected {list(expected)}", "got:"]
        + [f"  {p.line}:{p.column} {p.rule} {p.message}" for p in found]
    )


def replace(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails loudly if ``old`` is not there."""
    assert old in text, f"{old!r} not in the fixture"
    return text.replace(old, new, 1)


def settings_problems(text: str) -> list[Problem]:
    return validate_settings(parse_document(text.encode(), "partreg.yaml"))[1]


def paths_in(value, prefix=()):
    """Every path into nested data (keys and list indexes), the data itself (``()``) first."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths_in(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths_in(v, (*prefix, i))


def value_at(data, path):
    """The value at ``path`` (from :func:`paths_in`) in ``data``."""
    for step in path:
        data = data[step]
    return data


def interruptible() -> None:
    """In a child about to run: Ctrl-C interrupts it, whatever the test runner was started with.

    A shell or CI runner that starts pytest with SIGINT ignored passes that on to every child, and a
    Python started with SIGINT ignored never raises KeyboardInterrupt: a test that presses Ctrl-C
    would wait for a prompt that never comes. Pass as ``preexec_fn``.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def new_register(tmp_path: Path, council: str = "Brentwood Borough Council") -> Path:
    """An empty register, its settings naming ``council``, in ``tmp_path/reg``."""
    base = tmp_path / "reg"
    (base / "register").mkdir(parents=True)
    (base / "partreg.yaml").write_text(f"council: {council}\n", encoding="utf-8")
    return base


def run_partreg(cwd: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """``partreg ARGS`` as a user runs it, in its own process in ``cwd``; never a traceback."""
    result = subprocess.run([sys.executable, "-m", "partreg", *args], cwd=cwd, capture_output=True, text=True)
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@contextlib.contextmanager
def holding_the_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s edit lock (the ``flock`` partreg's writers take on it) until the block ends."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)  # released even where a forked child still has the descriptor
        os.close(fd)


#: ``python -m partreg`` that first touches the file named by its first argument once it has found
#: the register's lock held: the sign that it is waiting at the lock.
WAITING_AT_THE_LOCK = """\
import fcntl, pathlib, runpy, sys

flock, mark = fcntl.flock, pathlib.Path(sys.argv.pop(1))


def waiting_flock(fd, operation):
    try:
        return flock(fd, operation)
    except BlockingIOError:
        mark.touch()
        raise


fcntl.flock = waiting_flock
runpy.run_module("partreg", run_name="__main__", alter_sys=True)
"""


def partreg_waiting_at_the_lock(cwd: Path, mark: Path, *args: str) -> subprocess.Popen[str]:
    """``partreg ARGS`` in its own process, touching ``mark`` when it finds the register's lock held."""
    return subprocess.Popen(
        [sys.executable, "-c", WAITING_AT_THE_LOCK, str(mark), *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(*marks: Path, timeout: float = 60) -> None:
    """Wait until every file in ``marks`` exists; fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not all(m.exists() for m in marks):
        assert time.monotonic() < deadline, f"never there: {[str(m) for m in marks if not m.exists()]}"
        time.sleep(0.01)
