"""Checking one file takes time linear in its size, whatever the file holds.

Each input below is generated at about 10 KB and at about 1 MB (just under
the size limit) and checked by the real lint run, every rule of
``partreg.rules.ALL`` on one file. Time that grows linearly is about 100
times longer for the larger file; time that grows with the square of the
size, about 10,000 times. The test allows 1,000; and the smaller file must
be checked within ``SMALL_CAP`` seconds, the larger within ``CAP``. The
smaller file's time is the least of several runs (a loaded machine only ever
adds time); the larger one is run again once before the test fails. The
cells ``partreg import`` reads from a spreadsheet are held to the same.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from partreg.importer import map_columns, read_rows
from partreg.runner import lint_files
from partreg.yaml.reading import DEFAULT_MAX_BYTES
from tests.common import PARTNERSHIP, SETTINGS, replace

pytestmark = pytest.mark.slow

SMALL = 10_000
LARGE = DEFAULT_MAX_BYTES - 10_000
#: Seconds the larger file may take. The slowest case takes about 2 s on a 2-core machine, and
#: nearly 5 s with twice as much work as the machine has cores; a quadratic one takes hours.
CAP = 10.0
#: Seconds the smaller file may take; the slowest case takes about 15 ms.
SMALL_CAP = 0.5
#: The most the larger file may take against the smaller: linear is about 100.
RATIO = 1_000
#: Below this, the smaller file's time is taken as this, so the ratio is not of timer noise.
FLOOR = 0.001

#: A complete partnership but for its start: one warning, whose position is looked up in every file.
BASE = replace(PARTNERSHIP, "start: 2021-04-01\n", "")


def fill(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode()))


def lines(line: Callable[[int], str], size: int) -> str:
    """Lines ``line(0)``, ``line(1)``, ... to about ``size`` bytes."""
    out, total, i = [], 0, 0
    while total < size:
        out.append(line(i))
        total += len(out[-1].encode())
        i += 1
    return "".join(out)


def summary(unit: str, before: str = "", after: str = "", quoted: bool = False) -> Callable[[int], str]:
    """The entry with a summary of ``unit`` repeated (in single quotes if ``quoted``)."""

    def make(size: int) -> str:
        text = before + fill(unit, size - len(BASE) - len(before) - len(after) - 3) + after
        value = "'" + text.replace("'", "''") + "'" if quoted else text
        return replace(BASE, "summary: Tackle crime and disorder together.", f"summary: {value}")

    return make


def appended(part: Callable[[int], str]) -> Callable[[int], str]:
    """The entry followed by ``part(size)``."""
    return lambda size: BASE + part(size - len(BASE))


def replacing(old: str, part: Callable[[int], str]) -> Callable[[int], str]:
    """The entry with ``old`` replaced by ``part(size)``."""
    return lambda size: replace(BASE, old, part(size - len(BASE)))


#: More tokens than the look for tags reads with libyaml's scanner (about 9 KB).
PAST_TAG_BUDGET = "items: [" + "a, " * 3_000 + "a]\n"

CASES: dict[str, Callable[[int], str]] = {
    # what looks like an e-mail address: personal-data tries each run of address characters
    "email a@a.a.a...": summary("a.", before="a@"),
    "email a.a.a...@": summary("a.", after="a@b"),
    "email @@@@": summary("@", quoted=True),
    "email a@a@a@...": summary("a@"),
    "email long local part": summary("a-", before="Write to partnerships@brentwood.gov.uk. "),
    "long word, an address elsewhere": summary("a", before="Write to partnerships@brentwood.gov.uk. "),
    "many addresses": summary("jo.bloggs@example.org "),
    # what looks like a phone number: the first look at the file, then the fields
    "digits and spaces": summary("0 "),
    "digits and dashes": summary("0-"),
    "brackets": summary("(", quoted=True),
    "a digit then brackets": summary("(", before="0", quoted=True),
    "+44 (0) ...": summary("+44 (0) ", quoted=True),
    "many phone numbers": summary("07700 900123 "),
    # size in every other shape
    "long line of words": summary("word "),
    "unicode": summary("é€😀 "),
    "many lines": replacing(
        "added_value: Joint tasking.\n", lambda size: "added_value: |\n" + fill("  one line of text\n", size)
    ),
    "quoted text over two lines, many times, in a mapping read whole": lambda size: replace(
        BASE,
        "lead:\n",
        "lead:\n  'area': Housing\n"
        + lines(lambda i: f"  note_{i}: 'some text\n    more text'\n", size - len(BASE) - 20),
    ),
    "many comments": appended(lambda size: fill("# a comment about the arrangement\n", size)),
    "many unknown keys": appended(lambda size: lines(lambda i: f"column_{i}: a value\n", size)),
    "many list items": replacing(
        "priorities: [developing-our-communities]\n",
        lambda size: "priorities:\n" + fill("  - developing-our-communities\n", size),
    ),
    "many items in flow style": replacing(
        "objectives: [Reduce crime and disorder]",
        lambda size: "objectives: [" + fill("Reduce crime, ", size) + "Reduce disorder]",
    ),
    "many objectives that are N/A, then one that is not": replacing(
        "objectives: [Reduce crime and disorder]\n",
        lambda size: "objectives:\n" + fill("  - N/A\n", size) + "  - Reduce crime\n",
    ),
    "many lines each with a web address with ? in it": appended(
        lambda size: "links:\n" + fill("  - {title: Minutes, url: 'https://example.org/a.aspx?ID=1'}\n", size)
    ),
    "many wrong items": lambda size: replace(
        BASE, "  - name: Essex Police\n    sector: public\n", fill("  - name: [Essex Police]\n", size)
    ),
    "many risks without mitigation": lambda size: replace(
        BASE,
        "  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        fill("  - description: Data not shared\n", size),
    ),
    "many partners, each contribution by a name misspelt": lambda size: (
        replace(
            BASE,
            "  - name: Essex Police\n    sector: public\n",
            lines(lambda i: f"  - name: Partner Organisation {i}\n", (size - len(BASE)) // 2),
        )
        + "contributions:\n"
        + lines(
            lambda i: f"  - {{year: 2024/25, by: Partner Organsation {i}, cash_gbp: 100}}\n",
            (size - len(BASE)) // 2,
        )
    ),
    "many disable comments": appended(lambda size: fill("# partreg: disable=no-such-rule\n", size)),
    "deep mappings": appended(
        lambda size: lines(lambda i: "".join("  " * d + f"level_{i}_{d}:\n" for d in range(40)), size)
    ),
    # nesting: refused beyond the parser's depth, read again by the diagnostics within it
    "brackets opened, never closed": lambda size: "a: " + fill("[", size) + "\n",
    "mixed brackets, never closed": lambda size: "a: " + fill("{[", size) + "\n",
    "nested lists": appended(
        lambda size: lines(lambda i: f"deep_{i}: " + "[" * 200 + "]" * 200 + "\n", size)
    ),
    "nested and unclosed": appended(lambda size: "deep: " + "[" * 60 + fill("x, ", size) + "\n"),
    # what only a second reading of the file reports
    "syntax error at the end": appended(lambda size: "extras:\n" + fill("  - x\n", size) + "bad: [\n"),
    "repeated key at the end": appended(lambda size: "extras:\n" + fill("  - x\n", size) + "title: Again\n"),
    "tag at the end": appended(lambda size: "extras:\n" + fill("  - x\n", size) + "other: !custom x\n"),
    "many documents": lambda size: fill("---\n- x\n", size),
    "aliases": replacing(
        "objectives: [Reduce crime and disorder]",
        lambda size: "objectives: [&a Reduce crime, " + fill("*a, ", size) + "*a]",
    ),
    # a file of nothing but line breaks is empty: the look for content once went back over them all
    # from every one (40,000 took 13 s)
    "blank lines": lambda size: fill("\n", size),
    "blank lines and spaces, a comment at each end": lambda size: "# a\n" + fill(" \r\n", size) + "# b\n",
    # yaml-rs reads `[b, :c]` and libyaml refuses it: positions were then found by ruamel's composer
    # written in Python (an anchor keeps the quick scanner off), 16 s for a megabyte
    "a list only yaml-rs reads, and an anchor": lambda size: "&a x: [b, :c]\ny:\n" + fill("- a\n", size),
    # a tag anywhere sends the file to libyaml's scanner, a document marker to its parser
    "a core tag, then many items in brackets": lambda size: (
        "!!seq " + "[" * 60 + fill("a,", size) + "a" + "]" * 60
    ),
    "a tag after many items in brackets": lambda size: "[" * 60 + fill("a,", size) + "!foo a" + "]" * 60,
    "many tags after many items": lambda size: PAST_TAG_BUDGET + "list:\n" + fill("- !x a\n", size - 9_100),
    "many tags on a line after many items": lambda size: (
        PAST_TAG_BUDGET + "more: [" + fill("!x a, ", size - 9_100) + "a]\n"
    ),
    "a document marker, then many items in brackets": lambda size: (
        "---\n" + "[" * 60 + fill("a,", size) + "a" + "]" * 60
    ),
}


class TooSlow(BaseException):
    pass


@contextlib.contextmanager
def at_most(seconds: float) -> Iterator[None]:
    """Stop what runs inside after ``seconds``: a quadratic case would otherwise run for hours."""

    def stop(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def seconds(work: Callable[[], object]) -> float:
    """Seconds ``work`` takes; infinite where it takes longer than ``CAP`` (it is stopped)."""
    start = time.perf_counter()
    try:
        with at_most(CAP + 0.5):
            work()
    except TooSlow:
        return float("inf")
    return time.perf_counter() - start


def lint_time(path: Path) -> float:
    """Seconds to lint ``path`` (see :func:`seconds`)."""
    return seconds(lambda: list(lint_files([path], path.parent, SETTINGS, dt.date(2026, 1, 1))))


def assert_linear(name: str, small: Callable[[], float], large: Callable[[], float]) -> None:
    """The times ``small`` and ``large`` measure grow linearly, and are within the caps."""
    small_time = min(small() for _ in range(5))
    large_time = large()
    if large_time >= CAP or large_time / max(small_time, FLOOR) >= RATIO:
        large_time = min(large_time, large())  # a busy moment is not a failure
    ratio = large_time / max(small_time, FLOOR)
    said = f"{name}: {small_time * 1000:.1f} ms for 10 KB, {large_time:.2f} s for 1 MB (x{ratio:.0f})"
    print(said)
    assert small_time < SMALL_CAP, said
    assert large_time < CAP, said
    assert ratio < RATIO, said


def test_the_inputs_are_the_sizes_they_claim(tmp_path):
    for name, make in CASES.items():
        for size in (SMALL, LARGE):
            n = len(make(size).encode())
            assert 0.9 * size <= n <= min(1.1 * size, DEFAULT_MAX_BYTES), (name, size, n)


@pytest.mark.parametrize("name", CASES)
def test_time_grows_linearly(name, tmp_path):
    small, large = tmp_path / "small.yaml", tmp_path / "large.yaml"
    small.write_text(CASES[name](SMALL), encoding="utf-8")
    large.write_text(CASES[name](LARGE), encoding="utf-8")
    assert_linear(name, lambda: lint_time(small), lambda: lint_time(large))


#: Spreadsheet cells for `partreg import`: (the column's header, the cell at about ``size`` bytes).
CELLS: dict[str, tuple[str, Callable[[int], str]]] = {
    "yes, commas, then two lines": ("Statutory", lambda size: "Yes" + fill(",", size) + "a\n\nb"),
    "a period of line breaks": ("Funding period", lambda size: "2025" + fill("\n", size) + "x"),
    "a period of spaces": ("Funding period", lambda size: "2025" + fill(" ", size) + "x"),
    "a long date": ("Start date", lambda size: fill("1", size) + " April 2025"),
    "a long amount": ("Council funding", lambda size: "£" + fill("1,000", size) + " pa"),
    "a long name": ("Lead officer", lambda size: "Jo" + fill(" ", size) + "B!"),
    "a role among many names": ("Lead officer", lambda size: fill("Jo Bloggs, ", size) + "Head of Housing"),
    "a long placeholder": ("Partners", lambda size: "Various" + fill(" partners", size) + "!"),
    "many partners": ("Partners", lambda size: fill("Essex Police, ", size)),
    "a partner with a long run of spaces": ("Partners", lambda size: "Jo" + fill(" ", size) + "B and"),
    "a status ended with a long run of spaces": ("Status", lambda size: "Ended" + fill(" ", size) + "x"),
    "a status ended with many numbers": ("Status", lambda size: "Ended " + fill("1 ", size) + "("),
    "a term of spaces": ("Term", lambda size: "2016" + fill(" ", size) + "- x"),
    "money by the quarter of many numbers": (
        "Council contribution",
        lambda size: "£" + fill("1 ", size) + "per quarter",
    ),
    "a footnote's bracket after spaces": ("Summary", lambda size: "Jo" + fill(" ", size) + "(see note"),
    "many items": ("Objectives", lambda size: fill("- Reduce crime; ", size)),
    "escape sequences": ("Description", lambda size: fill("\x1b[0", size)),
}


@pytest.mark.parametrize("name", CELLS)
def test_import_time_grows_linearly_with_a_cell(name):
    header, make = CELLS[name]
    mapping = map_columns(["Title", header], {})
    assert mapping.columns[-1].key is not None, "the column is read into a field"

    def read(size: int) -> Callable[[], float]:
        rows = [(2, ["A partnership", make(size)])]
        return lambda: seconds(lambda: read_rows("register.csv", "register", rows, mapping, SETTINGS))

    assert_linear(name, read(SMALL), read(LARGE))
