"""The quick scanner gives every line and column exactly as composing the file with ruamel.yaml does.

``Document.locate`` finds a position with ``scanner.scan`` where that
scanner reads the file, and composes the file with ruamel.yaml otherwise (the
slow path, ``Document.locate_by_composing``). These tests hold the two to the
same answer: for every data path in every file (each key and value, each list
item, and paths that run out), and for every problem lint reports, on the YAML
test suite, on each of its files indented under a key, and on every register
file and fixture of the repository.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partreg.lint import Linter
from partreg.rules import ALL
from partreg.yaml import later, positions, scanner
from partreg.yaml.flow import Flow
from partreg.yaml.marks import Unsupported
from partreg.yaml.reading import Document, parse_document
from partreg.yaml.scanner import scan
from tests import common
from tests.common import REPO, SETTINGS, SHARED

CORPUS = SHARED / "corpora" / "yaml-test-suite"
CORPUS_CASES = sorted(p.parent for p in CORPUS.rglob("in.yaml")) if CORPUS.is_dir() else []
REPOSITORY_FILES = sorted(
    [
        *(REPO / "register").glob("*.yaml"),
        *(REPO / "tests" / "fixtures").rglob("*.yaml"),
        REPO / "partreg.yaml",
    ]
)


def paths(data: Any, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every path into ``data``, and paths that run out below each of them."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str | int) and not isinstance(key, bool):
                yield from paths(value, (*prefix, key))
        yield (*prefix, "no-such-key")
        yield (*prefix, 0)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, (*prefix, index))
        yield (*prefix, len(data))
        yield (*prefix, "no-such-key")
    else:
        yield (*prefix, "no-such-key")


def compare_every_path(text: str) -> str:
    """Whether the scanner read ``text`` (``"scanned"``), or left it to the slow path at once
    (``"composed"``) or part-way (``"composed later"``), or ``"not read"`` as YAML, or ruamel.yaml
    does not compose it (``"not composed"``); fails where a position differs."""
    doc = parse_document(text.encode("utf-8", "surrogatepass"), "file.yaml")
    if doc.data is None:
        return "not read"
    if composes(text):  # lint's way, which knows the data's keys as well as the scanner's answers
        words = sorted(set(re.findall(r"[A-Za-z_][\w-]*", text)))[:40]  # top-level keys or not
        for key in [*paths(doc.data), *((word,) for word in words)]:
            for at_key in (False, True):
                assert doc.locate(key, at_key=at_key) == doc.locate_by_composing(key, at_key=at_key), (
                    key,
                    at_key,
                    text,
                )
    fast = scan(text)
    if fast is None:
        return "composed"
    if not composes(text):
        return "not composed"
    for key in paths(doc.data):
        for at_key in (False, True):
            try:
                quick = fast.locate(key, at_key=at_key)
            except Unsupported:
                return "composed later"  # the document composes the file from here on
            assert quick == doc.locate_by_composing(key, at_key=at_key), (key, at_key, text)
    return "scanned"


def composes(text: str) -> bool:
    """Whether ruamel.yaml composes ``text``: where it does not, the slow path has no position but
    1:1 to give, and the scanner's are the only ones there are."""
    try:
        return positions.compose_for_positions(text) is not None
    except Exception:
        return False


def lint(text: str, *, slow: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    with monkeypatch.context() as patch:
        if slow:
            patch.setattr(positions, "scan", lambda text: None)
        doc = parse_document(text.encode("utf-8", "surrogatepass"), "file.yaml")
        _, problems = Linter(SETTINGS, ALL, dt.date(2026, 1, 1)).check(doc, "file")
    return [(p.line, p.column, p.rule, p.key, p.message) for p in problems]


def compare_problems(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if not composes(text):
        return
    assert lint(text, slow=False, monkeypatch=monkeypatch) == lint(text, slow=True, monkeypatch=monkeypatch)


def indented(text: str) -> str:
    """``text`` as the value of a key: every line indented two spaces."""
    return "key:\n" + "".join("  " + line if line.strip() else line for line in text.splitlines(True))


def corpus_texts() -> Iterator[str]:
    for case in CORPUS_CASES:
        text = (case / "in.yaml").read_bytes().decode("utf-8", "replace")
        yield text
        yield indented(text)
        yield "id: x\n" + text if not text.startswith(("%", "---")) else text


@pytest.mark.skipif(not CORPUS_CASES, reason=f"the YAML test suite is not at {CORPUS}")
@pytest.mark.slow
def test_every_position_in_the_yaml_test_suite_is_the_slow_paths(monkeypatch):
    outcomes: dict[str, int] = {}
    for text in corpus_texts():
        outcome = compare_every_path(text)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        compare_problems(text, monkeypatch)
    print(outcomes)
    assert outcomes.get("scanned", 0) >= 150
    # files yaml-rs reads and ruamel.yaml does not compose (such as `[ : empty key ]`): few, and named
    assert outcomes.get("not composed", 0) <= 10  # the scanner reads a good part of it, not only what is easy


@pytest.mark.slow
def test_every_position_in_the_repositorys_registers_and_fixtures_is_the_slow_paths(monkeypatch):
    for path in REPOSITORY_FILES:
        text = path.read_text(encoding="utf-8")
        assert compare_every_path(text) == "scanned", path
        compare_problems(text, monkeypatch)


@pytest.mark.parametrize("name", ["PARTNERSHIP", "CONTRACT", "JOINT_WORKING"])
def test_the_test_entries_are_scanned(name, monkeypatch):
    text = getattr(common, name)
    assert compare_every_path(text) == "scanned"
    compare_problems(text, monkeypatch)


def bench_files() -> Iterator[str]:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    rng = random.Random(7)
    for i in range(60):
        _, text = generate.entry(rng, i)
        yield text
        yield generate.with_problems(text, rng)
        yield rng.choice(generate.FAULTS)(text)


@pytest.mark.slow
def test_the_benchmarks_files_with_and_without_problems(monkeypatch):
    for text in bench_files():
        outcome = compare_every_path(text)
        assert outcome in ("scanned", "not read"), text
        compare_problems(text, monkeypatch)


@pytest.mark.slow
def test_the_linear_time_cases(monkeypatch):
    from tests.test_linear import CASES

    for make in CASES.values():
        text = make(3_000)
        compare_every_path(text)
        compare_problems(text, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an alias is the anchored node
        "a: !!str 1\n",
        "? a\n: 1\n",
        "a:\tb\n",
        "a: b\u2028c\n",
        "a: 1\n---\nb: 2\n",
        "a: |2\n   x\n",
        "x: 1\na: &x 1\nb: *x\n",
        "x: 1\n? a\n: 1\n",
        "x:\n  y: 1\n\t\nz:\n  w: 2\n",
    ],
    ids=[
        "alias",
        "tag",
        "complex-key",
        "tab",
        "line-separator",
        "two-documents",
        "indentation-indicator",
        "alias-after-a-key",
        "complex-key-after-a-key",
        "tab-line-between-keys",
    ],
)
def test_what_the_scanner_does_not_read_is_composed(text, monkeypatch):
    """The scanner gives no answer for a part it does not read (the top-level keys are found as
    paths lead to them, so a part after the first key is met only then), and every answer it gives
    before it meets one is composing's."""
    assert compare_every_path(text) in {"composed", "composed later", "not read"}
    compare_problems(text, monkeypatch)


def test_a_register_file_is_scanned_not_composed(monkeypatch):
    """Where the scanner reads the file, ruamel.yaml is never asked to compose it."""

    def refuse(text: str) -> Any:
        raise AssertionError("composed")

    text = common.replace(common.PARTNERSHIP, "start: 2021-04-01\n", "") + "partners_note: x\n"
    monkeypatch.setattr(positions, "compose_for_positions", refuse)
    doc = parse_document(text.encode(), "p.yaml")
    _, problems = Linter(SETTINGS, ALL, dt.date(2026, 1, 1)).check(doc, "test-partnership")
    last = text.count("\n")
    assert {(p.rule, p.line, p.column) for p in problems} >= {("unknown-key", last, 1)}
    assert doc.locate(("partners", 0, "sector")) == (12, 13)


def test_a_part_read_later_that_the_scanner_cannot_read_is_composed():
    text = "a:\n  b: &x [1]\n  c: *x\nd: 1\n"
    doc = parse_document(text.encode(), "f.yaml")
    assert doc.locate(("d",)) == (4, 4)  # read at once, from the top-level keys
    assert doc.locate(("a", "c", 0)) == (2, 10)  # the alias is the anchored list, by way of ruamel.yaml
    assert doc.locate(("d",)) == (4, 4)


# --------------------------------------------------------------------------- generated files

_words = st.text(alphabet="abcdefgh xyz-_.019", min_size=1, max_size=12).map(str.strip).filter(bool)
_scalars = st.one_of(
    _words,
    st.integers(-5, 10**6),
    st.booleans(),
    st.none(),
    st.sampled_from(
        ["2025-04-01", "a: b", "# not a comment", "it's", 'say "hi"', "x #y", "[a]", "- a", "?", ""]
    ),
)
_data = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(_words.filter(lambda w: w[0] not in "-?"), inner, max_size=5),
    ),
    max_leaves=25,
)


def _scalar(value: Any, rng: random.Random, flow: bool = False) -> str:
    if value is None:
        return rng.choice(["null", "~", ""]) if not flow else "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    plain_ok = (
        value.strip() == value
        and value
        and value[0] not in "-?:#&*!|>'\"%@`[]{},"
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and not (flow and any(c in value for c in ",[]{}"))
        and value not in ("null", "true", "false", "~")
        and not value.lstrip("-").isdigit()
    )
    style = (
        rng.choice(["plain", "plain", "single", "double"]) if plain_ok else rng.choice(["single", "double"])
    )
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(value: Any, rng: random.Random) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k, rng, True)}: {_flow(v, rng)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v, rng) for v in value) + "]"
    return _scalar(value, rng, True)


def _comment(rng: random.Random) -> str:
    return rng.choice(["", "", "", "  # note", " # x: y"])


def _block(value: Any, indent: int, rng: random.Random, step: int) -> list[str]:
    """Lines for ``value`` as the value of a key (or list item) at ``indent``."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict) and value:
        for k, v in value.items():
            key = _scalar(k, rng)
            if key == "" or key.startswith(("-", "?")):
                key = "'" + k + "'"
            out.extend(_entry(f"{pad}{key}:", v, indent, rng, step))
            if rng.random() < 0.1:
                out.append(rng.choice(["", pad + "# a comment", "# at the margin"]))
    elif isinstance(value, list) and value:
        dash_indent = indent
        for v in value:
            out.extend(_entry(" " * dash_indent + "-", v, dash_indent, rng, step, item=True))
    return out


def _entry(
    head: str, value: Any, indent: int, rng: random.Random, step: int, item: bool = False
) -> list[str]:
    pad = " " * indent
    choice = rng.random()
    if isinstance(value, dict | list) and value:
        if choice < 0.3:
            return [f"{head} {_flow(value, rng)}{_comment(rng)}"]
        if item and isinstance(value, dict) and choice < 0.7:  # - key: value, the rest under it
            lines = _block(value, indent + 2, rng, step)
            return [f"{head} {lines[0].lstrip(' ')}", *lines[1:]]
        inner = indent + step
        if not item and isinstance(value, list) and choice < 0.5:
            inner = indent  # a list at its key's indent
        return [head + _comment(rng), *_block(value, inner, rng, step)]
    if isinstance(value, dict | list):
        return [f"{head} {'{}' if isinstance(value, dict) else '[]'}"]
    if isinstance(value, str) and value and "\n" not in value and choice < 0.15 and value.strip() == value:
        return [f"{head} {rng.choice(['|', '>', '|-', '>+'])}", f"{pad}{' ' * step}{value}", ""]
    if isinstance(value, str) and " " in value.strip() and choice < 0.25 and _scalar(value, rng) == value:
        first, rest = value.split(" ", 1)
        if rest.strip() and rest.strip() == rest and not any(c in rest for c in "#:"):
            return [f"{head} {first}", f"{pad}{' ' * step}{rest}"]  # plain text over two lines
    scalar = _scalar(value, rng)
    if scalar == "" and rng.random() < 0.5:
        return [head + _comment(rng)]
    return [f"{head} {scalar}".rstrip() + _comment(rng)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.dictionaries(_words, _data, min_size=1, max_size=8),
    seed=st.integers(0, 2**32),
    step=st.sampled_from([2, 4]),
)
@pytest.mark.slow
def test_generated_files_in_block_style(data, seed, step):
    rng = random.Random(seed)
    lines = _block(data, 0, rng, step)
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.1:
        text = "---\n" + text
    compare_every_path(text)


@pytest.mark.slow
def test_scanned_and_composed_agree_whatever_path_lint_takes(monkeypatch, tmp_path: Path):
    """The same problems, with the same positions, from a whole lint run either way."""
    from partreg.runner import lint_files

    files = []
    for i, text in enumerate(bench_files()):
        path = tmp_path / f"f{i}.yaml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    quick = list(lint_files(files, tmp_path, SETTINGS, dt.date(2026, 1, 1)))
    monkeypatch.setattr(positions, "scan", lambda text: None)
    slow = list(lint_files(files, tmp_path, SETTINGS, dt.date(2026, 1, 1)))
    assert quick == slow
    assert sum(len(found) for found in quick) > 100


def test_composing_is_the_fallback_for_a_document(monkeypatch):
    doc = Document(path=Path("x.yaml"), display="x.yaml", text="a: &x 1\n", data={"a": 1})
    assert doc.locate(("a",)) == (1, 4)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n!!null title: 2\n",
        "a: 1\ntrue: 2\n",
        "a: 1\n_1: 2\n",
        "a: 1\nnull: 2\n",
        "a: 1\n!!str 12: 2\n",
        "a: 1\n'title': 2\n",
        "a: 1\n? title\n: 2\n",
        "a:\n  b: 1\ntitle: 2\n",
        "# c\ntitle:x: 1\ntitle: 2\n",
        "a: 1\ntitle\x85: 2\n",  # ruamel.yaml is given a NEL as a space: to it, this is `title`
        "a: 1\ntitle\u2028: 2\n",
        "a: 1\ntitle\t: 2\n",
        "a: 1\ntitle\x7f: 2\n",
        "{ ?title: x }\n",  # ruamel.yaml reads `?` as the mark of a key in flow style: `title`
        "{id: x, ?title: y}\n",
    ],
)
def test_a_top_level_key_is_placed_as_composing_places_it_however_it_is_written(text):
    """The top-level keys are found one at a time, by a search of the text, and a plain name the
    data does not have is placed at the file's start without a look at the text: whatever reads a
    key otherwise than its name (a tag, quotes, a ``?``, a name YAML reads as another value) gets
    composing's answer."""
    doc = parse_document(text.encode(), "file.yaml")
    for name in ("title", "true", "_1", "null", "12", "a", "b"):
        for at_key in (False, True):
            assert doc.locate((name,), at_key=at_key) == doc.locate_by_composing((name,), at_key=at_key), name


def test_many_top_level_keys_are_found_as_composing_finds_them():
    """The first few top-level keys a path leads to are each found by a search of the text; after
    those, all are read at once (so a file of many keys is not searched once for each)."""
    many = 3 * scanner.FOUND_ONE_AT_A_TIME
    text = "# keys\n" + "".join(f"key{i}:\n  inner{i}: {i}\n" for i in range(many))
    doc = parse_document(text.encode(), "file.yaml")
    for i in reversed(range(many)):
        assert doc.locate((f"key{i}",), at_key=True) == (2 * i + 2, 1)
        assert doc.locate((f"key{i}", f"inner{i}")) == (2 * i + 3, 10 + len(str(i)))
        for key in ((f"key{i}",), (f"key{i}", f"inner{i}"), (f"key{i}", "missing"), ("missing",)):
            assert doc.locate(key) == doc.locate_by_composing(key), key
    assert isinstance(doc._locator()._fast, scanner.Positions)  # the scanner answered throughout


@pytest.mark.parametrize(
    "text",
    [
        "list:\n  - a:\n      b: 1\n    c: 2\n",
        "list:\n  - a:\n      - x\n      - y\n    c: 2\n",
        "list:\n  - a:\n    - x\n    c: 2\n",
        "list:\n  - a:\n      text\n    c: 2\n",
        "list:\n  - a: |\n      text\n    c: 2\n",
        "list:\n  - a:\n      b: 1\n  - c: 2\n",
        'list:\n  - a: "x\n      y"\n    c: 2\n',
        "list:\n- a:\n    b: 1\n  c: 2\nz: 1\n",
        "k:\n  a:\n    b:\n      c: 1\n    d: 2\n  e: 3\n",
        "k:\n  # c\n  a: 1\n# x\n  b: 2\n",
        "k:\n  a: 1\n\n  b:\n  c: 2\n",
        "k:\n  a:\n  - 1\n  - 2\n  b: 3\n",
        "k:\n  a: 'x\n    y'\n  b: 3\n",
        "k:\n  a: >-\n    x\n    y\n  b: 3\n",
        "k:\n  a: 1 # c\n  b: # c\n    c: 1\n",
        "k:\n  a b: 1\n  c:d: 2\n  e : 3\n  f  :\n    g: 1\n",
        "k:\n  a:\n    b\n  c: 1\n",
        "k: # c\n\n  # d\n  a: 1\n  b: 2\n",
        "k:\n  a:\n  # only a comment\n  b: 1\n",
        "partners:\n  -   name: X\n      sector: public\n    # c\n  - name: Y\n    notes: 'a: b'\n",
    ],
)
def test_parts_read_key_by_key_are_placed_as_composing_places_them(text, monkeypatch):
    """A mapping under a key or in a list's item is read key by key as a path leads into it, the
    lines under each key left unread until a path leads there."""
    assert compare_every_path(text) == "scanned"
    compare_problems(text, monkeypatch)


_line_parts = st.sampled_from(
    [
        "key",
        "k_2",
        "a-b",
        "true",
        "x",
        "é",
        "-",
        "'",
        '"',
        "[",
        "]",
        "|",
        "&",
        ":",
        "#",
        "\t",
        "\u2028",
        " ",
        "  ",
        ": ",
        " #",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.lists(_line_parts, max_size=8).map("".join), min_size=1, max_size=6), st.sampled_from([0, 2])
)
def test_a_simply_written_line_reads_as_the_general_path_reads_it(lines, indent):
    """The one look that reads most lines (``key: text``, ``key:``) gives what the general path
    gives for the same lines, or leaves the line to it."""

    def plain(value: Any) -> Any:
        if isinstance(value, later.Later):
            return ("later", value.name, value.start, value.end, value.empty, value.item)
        if isinstance(value, Flow):
            return ("flow", value.line, value.column, value.text)
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        return value

    def read(lines: list[str]) -> Any:
        try:
            return {k: plain(v) for k, v in later.block_keys(lines, 0, len(lines), indent).items()}
        except (Unsupported, IndexError):
            return "unsupported"

    lines = ["  " * (indent // 2) + "first: 1"] + [" " * indent + line for line in lines]
    quick = read(lines)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(later, "SIMPLE_LINE", re.compile("(?!)"))  # a pattern that matches nothing
        assert quick == read(lines)
