"""Find, read and write register files: the only module that imports a YAML library.

Reading has two paths that give the same data:

* the fast path parses with ``yaml-rs`` (a Rust YAML 1.2 parser), which
  rejects duplicate keys and bounds alias expansion;
* the round-trip path composes the file with ruamel.yaml, which knows every
  node's line and column. It runs for writing, where ruamel keeps comments
  and layout, and for a position in a file with problems that the quick
  scanner of block style (``partreg.positions``, ten times faster and exact
  where it reads a file) does not read.

Both read YAML by the 1.2 core schema: ``yes``/``no``/``on``/``off`` are
text, ``010`` is ten, ``1:30`` is text, and a date such as ``2025-04-01`` is
text that the models parse. ``<<`` is an ordinary key (1.2 has no merge
keys), and no tag other than the core ones (``!!str``, ``!!int``, ...) is
accepted, so a tag can never construct anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import functools
import io
import itertools
import os
import re
import shutil
import stat
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml_rs

from partreg import advice
from partreg.errors import CannotWrite, RegisterNotFound, UsageError, WriteRefused
from partreg.lint import (
    SAME_PROBLEMS_SHOWN,
    Problem,
    Severity,
    collector_paused,
    internal_error,
    validate_settings,
)
from partreg.models import Arrangement, PartialDate, Settings, shown
from partreg.positions import Positions, Unsupported, scan

SETTINGS_FILE = "partreg.yaml"
REGISTER_DIR = "register"
DEFAULT_MAX_BYTES = 1_000_000
#: Alias expansion beyond this many replayed events is a problem, not a hang.
MAX_ALIAS_EVENTS = 100_000
_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null", "map", "seq")
)
_POSITION = re.compile(r"line (\d+), column (\d+)")

Key = tuple[str | int, ...]


@dataclass
class Document:
    """One YAML file as read: its data, or the problems that kept it from being read."""

    path: Path
    display: str
    text: str | None = None
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    #: Where keys and values start, as the quick scanner of block style read them (``False`` where it
    #: does not read the file, which is then composed by ruamel.yaml: ``_nodes``).
    _fast: Positions | Literal[False] | None = field(default=None, repr=False)
    _nodes: Any = field(default=None, repr=False)
    #: Each mapping's keys as the file writes them, by the id of its node: found once, each key in
    #: one step after that, so locating every key of a mapping takes time that grows with its size.
    _keys: dict[int, dict[str, tuple[Any, Any]]] = field(default_factory=dict, repr=False)

    def fail(self, rule: str, message: str, line: int = 1, column: int = 1) -> Document:
        """Record a problem that keeps the file from being read; returns the document."""
        self.problems.append(Problem(self.display, line, column, rule, Severity.ERROR, message))
        return self

    def locate(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``key`` in the file.

        Where the path runs out (a missing field), the position of the deepest
        part that exists. ``at_key`` points at the key rather than its value.
        """
        if self._fast is None and self.text is not None:
            self._fast = scan(self.text) or False
        if self._fast:
            try:
                return self._fast.locate(key, at_key=at_key)
            except Unsupported:  # a flow collection it reads only now turns out to be beyond it
                self._fast = False
        return self.locate_by_composing(key, at_key=at_key)

    def locate_by_composing(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """:meth:`locate` by way of composing the file with ruamel.yaml: the slow path, which every
        file can take, and against which the fast one is tested."""
        root = self._compose()
        if root is None:
            return (1, 1)
        node, key_node = root, None
        for part in key:
            found = self._child(node, part)
            if found is None:
                target = key_node if key_node is not None else node
                return _mark(target) if target is not root else (1, 1)
            key_node, node = found
        target = key_node if at_key and key_node is not None else node
        return _mark(target)

    def _compose(self) -> Any:
        if self._nodes is None and self.text is not None:
            try:
                self._nodes = compose_for_positions(self.text) or False
            except Exception:
                self._nodes = False
        return self._nodes or None

    def _child(self, node: Any, part: str | int) -> tuple[Any, Any] | None:
        """The key and value nodes of ``part`` in ``node``: the first, where a key is repeated."""
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        if isinstance(node, MappingNode) and isinstance(part, str):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = {}
                for k, v in node.value:
                    if isinstance(value := getattr(k, "value", None), str):
                        keys.setdefault(value, (k, v))
            return keys.get(part)
        if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            item = node.value[part]
            return item, item
        return None


def _mark(node: Any) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def compose_for_positions(text: str) -> Any:
    """The file's node tree with every node's line and column (see :func:`same_length_for_ruamel`).

    ruamel.yaml's C composer (ruamel.yaml.clib) is ten times faster than its
    round-trip one, which matters when many files have problems; where it
    refuses a file that yaml-rs read, the round-trip composer takes over.
    """
    from ruamel.yaml import YAML

    warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
    text = same_length_for_ruamel(text)
    yaml = YAML(typ="safe")
    yaml.Resolver = _untyped()
    with collector_paused():
        try:
            return yaml.compose(text)
        except Exception:
            return _rt().compose(text)


@functools.cache
def _untyped() -> type:
    """A resolver that gives every node its kind's plain tag. Positions need no tags, and ruamel's
    own resolver, which looks every scalar up by the YAML version, took half the time of composing
    a file of many small values (0.5 s of 1 s, for a megabyte)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode
    from ruamel.yaml.resolver import BaseResolver

    class Untyped(BaseResolver):
        def __init__(self, version: Any = None, loadumper: Any = None) -> None:
            super().__init__(loadumper=loadumper)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode:
                return self.DEFAULT_SCALAR_TAG
            return self.DEFAULT_MAPPING_TAG if kind is MappingNode else self.DEFAULT_SEQUENCE_TAG

    return Untyped


def _rt() -> Any:
    from ruamel.yaml import YAML

    # ruamel warns (e.g. of a reused anchor) on stderr; partreg reports problems itself
    warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True  # we report duplicates ourselves, with positions
    return yaml


# --------------------------------------------------------------------------- reading


def read_document(path: Path, display: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one YAML file. Never raises for a user's mistake: problems are recorded instead."""
    doc = Document(path=path, display=display if display is not None else str(path))
    raw = read_bytes(doc, max_bytes)
    return doc if raw is None else parse_document(raw, doc.display, doc=doc)


def read_bytes(doc: Document, max_bytes: int) -> bytes | None:
    """The bytes of ``doc.path`` if it is a register file by lint's rules (a regular file, not a
    link, no larger than ``max_bytes``); otherwise ``None``, with the problem recorded in ``doc``."""
    problem = doc.fail
    try:
        # four system calls a file (open, fstat, read, close): a register may hold 100,000 files
        fd = os.open(doc.path, _OPEN_FLAGS)
    except OSError as e:
        if e.errno == errno.ELOOP:
            problem("unreadable-file", "is a symbolic link; partreg does not follow links: copy the file in")
        else:
            problem(
                "unreadable-file", f"cannot be read ({e.strerror or e}): check it exists and its permissions"
            )
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            problem("unreadable-file", "is a folder, not a file: rename it or move it out of the register")
            return None
        if not stat.S_ISREG(info.st_mode):
            problem(
                "unreadable-file", "is not a regular file (a device or pipe): remove it from the register"
            )
            return None
        if info.st_size > max_bytes:
            _too_large(doc, max_bytes)
            return None
        raw = os.read(fd, info.st_size + 1)
        while len(raw) > info.st_size and len(raw) <= max_bytes:  # grew since fstat: read to the end
            more = os.read(fd, 65536)
            if not more:
                break
            raw += more
    except OSError as e:
        problem("unreadable-file", f"cannot be read ({e.strerror or e}): check its permissions")
        return None
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        _too_large(doc, max_bytes)
        return None
    return raw


_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
)


def _too_large(doc: Document, max_bytes: int) -> Document:
    return doc.fail(
        "file-too-large",
        f"is larger than {max_bytes:,} bytes: an arrangement file is a page of text, not a data dump",
    )


def parse_document(raw: bytes, display: str, *, doc: Document | None = None) -> Document:
    """Parse the bytes of one YAML file (see :func:`read_document`); whatever fails is its problem."""
    if doc is None:
        doc = Document(path=Path(display), display=display)
    try:
        with collector_paused():
            return _parse_document(raw, doc)
    except Exception as error:  # a fault in partreg: the file's one problem, never the whole run's
        doc.data, doc.problems = None, [internal_error(doc.display, error)]
        return doc


def _parse_document(raw: bytes, doc: Document) -> Document:
    problem = doc.fail
    text = _decode(raw, doc)
    if text is None:
        return doc
    doc.text = text
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return problem("empty-file", "is empty: fill it in (see `partreg add`) or delete it")

    deep = _deep_block_nesting(text)
    if deep is not None:  # yaml-rs would overflow its stack on it, and take the whole run down
        return problem("yaml-syntax", "nests lists or mappings too deeply to be read: flatten them", *deep)
    try:
        data = _parse(text)
    except yaml_rs.YAMLDecodeError as e:
        return _syntax_problem(doc, str(e))
    except (RecursionError, MemoryError, ValueError, TypeError) as e:
        return problem("yaml-syntax", f"cannot be read as YAML ({type(e).__name__}): simplify the file")

    if "!" in text:
        tags = list(_explicit_tags(text))
        for n, (line, column, tag) in enumerate(tags[: SAME_PROBLEMS_SHOWN + 1], 1):
            more = len(tags) - n if n > SAME_PROBLEMS_SHOWN else 0
            said = f" (and {more:,} more tags, not shown one by one)" if more else ""
            problem(
                "yaml-tag",
                f"uses the tag {tag}: tags are not allowed in register files; remove it{said}",
                line,
                column,
            )
        if doc.problems:
            return doc
    if isinstance(data, list) and _several_documents(text):
        return problem(
            "multiple-documents",
            "holds more than one YAML document (---): keep one arrangement per file",
        )
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        return problem("not-a-mapping", f"is {what}, not a mapping of keys to values: start with `id: ...`")
    if not all(type(k) is str for k in data):  # (one inside a field is the schema's: `invalid_key`)
        bad = next(k for k in data if not isinstance(k, str))
        line, column = doc.locate((bad,), at_key=True) if isinstance(bad, int | str) else (1, 1)
        return problem(
            "yaml-syntax",
            f"has the key {shown(bad)}, which is not text: keys are field names; "
            "write the key as a name (quote it if it looks like a number)",
            line,
            column,
        )
    doc.data = data
    return doc


def _deep_block_nesting(text: str) -> tuple[int, int] | None:
    """Where a line opens block lists or explicit keys more than ``_RESCAN_DEPTH`` deep, if one does."""
    if "- - " not in text and "? " not in text and "- ? " not in text:
        return None
    found = _DEEP_BLOCK.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    return line, found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1


def _parse(text: str) -> Any:
    return yaml_rs.loads(
        text,
        parse_datetime=False,
        alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=MAX_ALIAS_EVENTS),
    )


def _decode(raw: bytes, doc: Document) -> str | None:
    problem = doc.fail
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem("file-encoding", "is UTF-16 or UTF-32: save it as UTF-8")
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        column = e.start - (before.rfind(b"\n") + 1) + 1
        problem(
            "file-encoding",
            f"is not UTF-8 (byte 0x{raw[e.start]:02x}): save it as UTF-8",
            line,
            column,
        )
        return None
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        problem(
            "file-encoding",
            "contains a NUL byte: it is not a text file",
            line,
            at - (text.rfind("\n", 0, at) + 1) + 1,
        )
        return None
    return text


def _syntax_problem(doc: Document, message: str) -> Document:
    problem = doc.fail
    text = doc.text or ""
    if message.startswith("duplicate mapping key"):
        key = message.split(":", 1)[1].strip()
        line, column = _find_duplicate(text) or (1, 1)
        return problem("duplicate-key", f"repeats the key {key}: keep one of them", line, column)
    if "alias" in message and "limit" in message:
        return problem("yaml-syntax", "expands aliases (*name) too far: write the values out instead")
    if message.startswith("Invalid tag"):
        for line, column, tag in _explicit_tags(text):
            return problem(
                "yaml-tag",
                f"uses the tag {tag}: tags are not allowed in register files; remove it",
                line,
                column,
            )
    m = _POSITION.search(message)
    line, column = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
    detail = message.strip().splitlines()[-1].strip() if message.strip() else "invalid YAML"
    if detail == "recursion limit exceeded":
        return problem(
            "yaml-syntax", "nests lists or mappings too deeply to be read: flatten them", line, column
        )
    opened = _unclosed_construct(text)
    if opened is not None:
        what, (line, column) = opened
        row = text.splitlines()[line - 1] if line <= text.count("\n") + 1 else ""
        quote = row[column - 1 : column] if what == "quoted text" else None
        return problem("yaml-syntax", f"is not valid YAML: {advice.unclosed(what, quote)}", line, column)
    said = advice.yaml_mistake(detail, text, line)
    if said is not None:  # in plain words, and the parser's own after them for whoever knows YAML
        return problem("yaml-syntax", f"is not valid YAML: {said} (the parser says: {detail})", line, column)
    return problem("yaml-syntax", f"is not valid YAML: {detail}", line, column)


#: How deep the diagnostics below follow lists and mappings when they read a file again. libyaml's
#: scanner does work for every open bracket at every token, so a file a parser refused for its
#: nesting (10,000 `[`) took seconds; a file nested deeper than this is not written by hand.
_RESCAN_DEPTH = 64
#: A line that opens more lists or explicit keys in a row than that (`- - - ...`, `? ? ...`): yaml-rs
#: bounds the nesting of `[` and `{` but not of these, and a file of 20,000 crashed the process.
_DEEP_BLOCK = re.compile(rf"^[ ]*(?:[-?][ ]+){{{_RESCAN_DEPTH + 1}}}", re.M)
#: How many parse events they read at most: a file that is a page of text has a few hundred, and
#: reading 20,000 takes about 50 ms; a megabyte of small values has a million, which took 0.2-0.6 s.
#: What lies further is not looked for (a position then falls back to the parser's, or 1:1).
_RESCAN_EVENTS = 20_000


def _events(text: str, *, bounded: bool = True) -> Iterator[Any]:
    """The file's parse events from ruamel.yaml's C parser (libyaml), ending early at nesting
    deeper than ``_RESCAN_DEPTH`` and, if ``bounded``, after ``_RESCAN_EVENTS`` events; raises
    ``MarkedYAMLError`` where the file is not valid YAML."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
    depth, limit = 0, _RESCAN_EVENTS if bounded else -1
    for count, event in enumerate(YAML(typ="safe").parse(text)):
        if count == limit:
            return
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > _RESCAN_DEPTH:
                return
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        yield event


def _unclosed_construct(text: str) -> tuple[str, tuple[int, int]] | None:
    """Where an unclosed bracket or quote starts, which is where the fix goes."""
    from ruamel.yaml.error import MarkedYAMLError

    try:
        for _ in _events(text):
            pass
    except MarkedYAMLError as e:
        context = e.context or ""
        for what in ("flow sequence", "flow mapping", "quoted scalar"):
            if what in context and e.context_mark is not None:
                names = {
                    "flow sequence": "[ list",
                    "flow mapping": "{ mapping",
                    "quoted scalar": "quoted text",
                }
                return names[what], (e.context_mark.line + 1, e.context_mark.column + 1)
    except Exception:
        return None
    return None


@dataclass
class _OpenMapping:
    keys: set[str] = field(default_factory=set)
    key_next: bool = True


def _find_duplicate(text: str) -> tuple[int, int] | None:
    """Where the first key written again in its mapping is, in the order of the file."""
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        MappingStartEvent,
        ScalarEvent,
    )

    open_: list[_OpenMapping | None] = []  # each list (None) and mapping the event is in
    try:
        for event in _events(text):
            if isinstance(event, CollectionEndEvent):
                open_.pop()
                continue
            if not isinstance(event, ScalarEvent | AliasEvent | CollectionStartEvent):
                continue
            mapping = open_[-1] if open_ else None
            if mapping is not None:
                if mapping.key_next and isinstance(event, ScalarEvent):
                    if event.value in mapping.keys:
                        return (event.start_mark.line + 1, event.start_mark.column + 1)
                    mapping.keys.add(event.value)
                mapping.key_next = not mapping.key_next
            if isinstance(event, CollectionStartEvent):
                open_.append(_OpenMapping() if isinstance(event, MappingStartEvent) else None)
    except Exception:  # only a position is lost
        return None
    return None


#: Where a tag can start: a node's properties follow a line's start, a space or a flow indicator. A
#: file with no such `!` (most files with one: "Welcome!") has no tag, and is not scanned for one.
_TAG_START = re.compile(r"(?:^|[\s\[{,:])!")


def _explicit_tags(text: str) -> Iterator[tuple[int, int, str]]:
    """Tags written in the file that are not YAML 1.2 core tags."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import TagToken

    if _TAG_START.search(text) is None:
        return
    warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
    try:
        for token in YAML(typ="safe").scan(text):  # libyaml's scanner: tags are tokens
            if isinstance(token, TagToken):
                handle, suffix = token.value
                tag = (handle or "") + (suffix or "")
                full = "tag:yaml.org,2002:" + suffix if handle == "!!" else tag
                if full not in _CORE_TAGS:
                    yield token.start_mark.line + 1, token.start_mark.column + 1, tag
    except Exception:
        return


#: A line that starts or ends a document: a file of several documents has one.
_DOCUMENT_MARKER = re.compile(r"^(?:---|\.\.\.)(?:[ \t\r\n]|$)", re.M)


def _several_documents(text: str) -> bool:
    """Whether ``text`` holds more than one YAML document (read up to the second one's start, however
    far: a file of many documents has its second one early, and said otherwise would be "a list")."""
    from ruamel.yaml.events import DocumentStartEvent

    if _DOCUMENT_MARKER.search(text) is None:
        return False
    count = 0
    try:
        for event in _events(text, bounded=False):
            count += isinstance(event, DocumentStartEvent)
            if count > 1:
                return True
    except Exception:
        pass
    return False


def load_roundtrip_data(text: str, *, max_nodes: int = 1_000_000) -> Any:
    """The file's data by way of ruamel.yaml, with the same meaning as the fast path.

    Used to check that the two readers agree; raises ``ValueError`` where the
    fast path reports a problem (duplicate keys, tags, too many nodes).
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    constructor = YAML(typ="safe", pure=True).constructor
    budget = [max_nodes]

    def build(node: Any) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise ValueError("too many nodes")
        if isinstance(node, ScalarNode):
            if node.style == ">":
                # ruamel's round-trip scanner marks folds with BEL; its own constructor drops them
                node = ScalarNode(node.tag, node.value.replace("\a", ""), style=node.style)
            if node.tag == "tag:yaml.org,2002:timestamp":
                return node.value
            if node.tag not in _CORE_TAGS:
                raise ValueError(f"tag {node.tag}")
            return constructor.construct_object(node, deep=True)
        if node.tag not in _CORE_TAGS:
            raise ValueError(f"tag {node.tag}")
        if isinstance(node, SequenceNode):
            return [build(item) for item in node.value]
        if isinstance(node, MappingNode):
            out: dict[Any, Any] = {}
            for k, v in node.value:
                key = "<<" if k.tag == "tag:yaml.org,2002:merge" else build(k)
                key = tuple(key) if isinstance(key, list) else key
                if key in out:
                    raise ValueError(f"duplicate key {key!r}")
                out[key] = build(v)
            return out
        raise ValueError(f"unexpected node {node!r}")

    return build(_rt().compose(text))


def load_fast_data(text: str) -> Any:
    """The file's data by way of the fast path; raises ``ValueError`` where lint reports a problem."""
    data = _parse(text)
    if "!" in text and any(True for _ in _explicit_tags(text)):
        raise ValueError("the text uses a tag other than the YAML 1.2 core tags")
    return data


# --------------------------------------------------------------------------- finding


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds ``partreg.yaml``: whatever it is there (a
    folder, a link, a pipe), reading the settings then says what is wrong with it, rather than a
    register further up being used instead."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if os.path.lexists(folder / SETTINGS_FILE):
            return folder
    raise RegisterNotFound(
        f"no {SETTINGS_FILE} found in {start} or any folder above it: "
        "run partreg inside a register, or give --root DIR"
    )


def resolve_root(root: Path | None, cwd: Path) -> Path:
    """The register root: ``root`` if given (it must hold partreg.yaml), else searched from ``cwd``."""
    if root is None:
        return find_root(cwd)
    if not root.is_dir():
        raise UsageError(f"{root}: no such folder (given as --root)")
    if not os.path.lexists(root / SETTINGS_FILE):
        raise RegisterNotFound(f"{root}: has no {SETTINGS_FILE} (given as --root)")
    return root


def register_files(root: Path) -> list[Path]:
    """The arrangement files of the register at ``root``, in name order."""
    folder = root / REGISTER_DIR
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:  # names sorted as text: sorting Path objects is slow at 100,000
        names = sorted(e.name for e in entries if is_entry_name(e.name))
    return [folder / name for name in names]


def entry_stem(name: str) -> str:
    """The id a file's name gives: ``csp.yaml`` and ``csp.yml`` are both ``csp``."""
    for suffix in (".yaml", ".yml"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def is_entry_name(name: str) -> bool:
    """An arrangement file's name: ``.yaml``, and the ``.yml`` and ``.YAML`` that editors and other
    systems write (read and checked like the rest, never silently passed over)."""
    return name.endswith(".yaml") or name.lower().endswith((".yaml", ".yml"))


def register_file_problem(root: Path, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Why ``path`` is not one of the arrangement files of the register at ``root``, or ``None`` when it
    is: a file named as an entry (:func:`is_entry_name`) in the register folder that lint would read
    (not a link, a folder, a device or a pipe, and no larger than ``max_bytes``)."""
    if not is_entry_name(path.name):
        return f"is not an arrangement file: give an arrangement's id, or its file in {REGISTER_DIR}/"
    if os.path.realpath(path.parent) != os.path.realpath(root / REGISTER_DIR):
        return f"is not in the register's folder: give an arrangement's id, or its file in {REGISTER_DIR}/"
    doc = Document(path=path, display=str(path))
    return doc.problems[0].message if read_bytes(doc, max_bytes) is None else None


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files named, and the ``.yaml`` files of folders named; a register root means its register."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir() and not p.name.endswith(".yaml"):
            if (p / SETTINGS_FILE).is_file() and (p / REGISTER_DIR).is_dir():
                out.extend(register_files(p))
            else:
                out.extend(sorted(q for q in p.iterdir() if is_entry_name(q.name)))
        elif p.exists() or p.is_symlink():
            out.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return out


# --------------------------------------------------------------------------- writing

SCHEMA_PATH = "schema/arrangement.v1.json"


def package_templates() -> Path:
    """partreg's own templates: inside the installed package, or beside the source in a checkout."""
    from importlib.resources import files

    installed = Path(str(files("partreg"))) / "templates"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "templates"


def dump_entry(data: dict[str, Any]) -> str:
    """A new arrangement file: the schema line for editors, then the entry in block style.

    Short lists of plain words (``priorities``) are written inline, as people write them;
    text of several lines (notes carried over from a spreadsheet) as a block, a line each.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString

    def build(value: Any) -> Any:
        if isinstance(value, dict):
            out = CommentedMap()
            for k, v in value.items():
                out[k] = build(v)
            return out
        if isinstance(value, list):
            seq = CommentedSeq(build(v) for v in value)
            if value and all(isinstance(v, str) and re.fullmatch(r"[a-z0-9-]+", v) for v in value):
                seq.fa.set_flow_style()
            return seq
        if isinstance(value, str) and "\n" in value.strip("\n") and _as_block(value):
            return LiteralScalarString(value)
        return value

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # folding long plain text leaves trailing spaces
    buffer = io.StringIO()
    yaml.dump(build(data), buffer)
    return f"# yaml-language-server: $schema=../{SCHEMA_PATH}\n{buffer.getvalue()}"


def _as_block(text: str) -> bool:
    """Whether a literal block reads back as exactly ``text``: no trailing spaces or tabs on a
    line (YAML keeps them, editors drop them), no carriage returns, no line break at either end."""
    return (
        text == text.strip("\n")
        and "\r" not in text
        and not any(line != line.rstrip() or line[:1] in (" ", "\t") for line in text.split("\n"))
        and all(ch.isprintable() or ch == "\n" for ch in text)
    )


def write_atomic(
    path: Path, text: str, *, exclusive: bool = False, expect: bytes | None = None, durable: bool = True
) -> None:
    """Write ``text`` to ``path`` whole or not at all.

    The text goes to a temporary file in the same folder, is flushed to disk,
    and then takes the target's name in one step. With ``exclusive`` the
    target must not exist (two writers of one name: one wins, one is refused).
    With ``expect``, the target must still hold exactly those bytes (it was
    not changed by someone else since it was read). ``durable=False`` skips
    the flush to disk, for a caller that writes many files and then flushes
    them all at once (``write_site``); each file is still replaced whole.
    """
    try:
        _write_atomic(path, text, exclusive=exclusive, expect=expect, durable=durable)
    except OSError as e:
        raise CannotWrite(f"{path}: {_cannot_write(e)}") from None


def make_folder(folder: Path) -> None:
    """``folder`` and its parents, made if missing; ``CannotWrite`` says why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CannotWrite(f"{folder}: {_cannot_write(e)}") from None


STAGING_PREFIX = ".partreg-pages-"


def make_staging(out: Path) -> Path:
    """A new hidden folder inside ``out`` where files wait until :func:`move_into` publishes them.

    Staging folders a killed run left there are removed first: the caller holds the folder's
    lock (:func:`one_writer`), so no other run is using one.
    """
    make_folder(out)
    for stale in out.glob(f"{STAGING_PREFIX}*"):
        if stale.is_dir() and not stale.is_symlink():
            remove_staging(stale)
    try:
        return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    except OSError as e:
        raise CannotWrite(f"{out}: {_cannot_write(e)}") from None


def move(source: Path, target: Path) -> None:
    """Move the file ``source`` to ``target``, replacing its old self in one step."""
    try:
        os.replace(source, target)
    except OSError as e:
        raise CannotWrite(f"{target}: {_cannot_write(e)}") from None


def remove_staging(staging: Path) -> None:
    """Remove a staging folder and whatever is left in it."""
    shutil.rmtree(staging, ignore_errors=True)


def _cannot_write(e: OSError) -> str:
    return f"cannot be written ({e.strerror or e}): check the folder exists, and that you may write to it"


def _write_atomic(path: Path, text: str, *, exclusive: bool, expect: bytes | None, durable: bool) -> None:
    folder = path.parent
    fd, tmp = _temporary(folder, path.name)
    try:
        try:
            with contextlib.suppress(FileNotFoundError):  # a new file keeps the usual mode (umask)
                os.fchmod(fd, stat.S_IMODE(path.stat().st_mode))  # a replaced one, its own
            data = memoryview(text.encode("utf-8"))
            while data:
                data = data[os.write(fd, data) :]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        if exclusive:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise WriteRefused(f"{path}: already exists; partreg never replaces it") from None
            os.unlink(tmp)
        else:
            if expect is not None:
                try:
                    current = path.read_bytes()
                except FileNotFoundError:
                    current = None
                if current != expect:
                    raise WriteRefused(
                        f"{path}: changed on disk since partreg read it; run the command again"
                    )
            os.replace(tmp, path)
        if durable:
            _fsync_dir(folder)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


_temporaries = itertools.count()


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new, empty, hidden file in ``folder`` for the text of ``name``: made by this call alone."""
    while True:
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{next(_temporaries)}.tmp")
        try:
            return os.open(tmp, _CREATE_FLAGS, 0o666), tmp
        except FileExistsError:  # left by an earlier process of the same number: take the next
            continue


_CREATE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --------------------------------------------------------------------------- a register


def read_settings(root: Path, display: str = SETTINGS_FILE) -> tuple[Settings | None, list[Problem]]:
    """The settings in ``root/partreg.yaml``, or the problems that stop them being read."""
    return validate_settings(read_document(root / SETTINGS_FILE, display))


def shown_as(path: Path, base: Path) -> str:
    """How a file is named in reports: relative to ``base`` where it lies below it, else as given."""
    return _shown_below(_folder_prefix(base), path)


def _folder_prefix(base: Path) -> str:
    return os.path.join(os.path.abspath(base), "")


def _shown_below(prefix: str, path: Path) -> str:
    absolute = os.path.abspath(path)  # no symlink resolution: a string operation, fast for many files
    return absolute[len(prefix) :] if absolute.startswith(prefix) else str(path)


# --------------------------------------------------------------------------- editing in place


#: How long a command that edits a file waits for another that is editing the register.
LOCK_WAIT_SECONDS = 10.0


@contextlib.contextmanager
def one_writer(folder: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the register folder's edit lock: one command edits its files at a time.

    The lock is the operating system's (``flock`` on the folder), so it is
    released however the holder ends, killed included; no lock file is left
    behind. A second writer waits up to ``wait`` seconds, then is refused
    with one line. Temporary files that killed writers left in the folder are
    removed once the lock is held (readers never take them for entries).
    Where the system or the file system has no ``flock`` (Windows, some
    network shares), the check that a file did not change since it was read
    is the only guard, and temporary files are left for a locked run.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the platforms CI runs
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise CannotWrite(f"{folder}: {_cannot_write(e)}") from None
    try:
        deadline, locked = time.monotonic() + wait, True
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WriteRefused(
                        f"{folder}: another partreg command has been editing the register for "
                        f"{wait:g} s; nothing was written: run this command again when it has finished"
                    ) from None
                time.sleep(0.02)
            except OSError:  # a file system without locks (some network shares): as on Windows, below
                locked = False
                break
        if locked:
            _remove_stale_temporaries(folder)
        yield
    finally:
        os.close(fd)  # releases the lock


_TEMPORARY = re.compile(r"\..+\.\d+\.\d+\.tmp")


def _remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files writers left: every writer in ``folder`` holds its lock, so one
    found while the lock is held belongs to a writer that was killed (whatever its process number,
    which the system may have given to another process since)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def add_review(
    text: str, record: dict[str, Any], *, status: str | None = None, end: PartialDate | None = None
) -> str:
    """``text`` with ``record`` appended to ``review.history`` and nothing else changed.

    The new lines go right after the last line of the existing history (or of
    ``review``, or where ``review`` belongs), indented as the file indents and
    ending as its lines end (LF or CRLF); ``status`` and ``end``, when given,
    replace only their own lines, keeping a comment after the value. Where
    ``review`` (or its history) is written in flow style
    (``review: {months: 12}``) or is empty, only its own lines are written
    again, in block style. The result is read back and must hold exactly the
    old data plus the change: otherwise ``WriteRefused`` says why, and the
    caller writes nothing.
    """
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    positions = same_length_for_ruamel(text)
    try:
        root = _rt().compose(positions)
    except Exception as e:
        raise WriteRefused(f"partreg cannot read the file's layout ({_first_line(e)})") from None
    if not isinstance(root, MappingNode):
        raise WriteRefused("the file is not a mapping of fields (`partreg lint` says how to fix it)")
    lines = text.split("\n")
    newline = "\r\n" if lines[0].endswith("\r") else "\n"
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1] + newline] if lines[-1] else [])
    indent = _child_indent(root)
    left = root.value[0][0].start_mark.column if root.value else 0  # the column of the file's keys
    closing = _end_of_mapping(lines)
    top = {k.value: (k, v) for k, v in root.value}
    edits: list[tuple[int, int, str]] = []  # (first line, the line after the last, what takes their place)
    review = top.get("review")
    if review is None:
        at = _line_of_first_key_after(root, "review")
        at = closing if at is None else at
        edits.append((at, at, _block({"review": {"history": [record]}}, indent, left)))
    else:
        node = review[1]
        if not (isinstance(node, MappingNode) or _is_null(node)):
            raise WriteRefused("`review` is not a mapping (`partreg lint` says how to fix it)")
        block = isinstance(node, MappingNode) and not node.flow_style and bool(node.value)
        history = _entry(node, "history") if block else None
        if history is not None and not (isinstance(history[1], SequenceNode) or _is_null(history[1])):
            raise WriteRefused("`review.history` is not a list (`partreg lint` says how to fix it)")
        if block and history is None:
            after = _last_line(node) + 1
            column = node.value[0][0].start_mark.column
            edits.append((after, after, _block({"history": [record]}, indent, column)))
        elif (
            history
            and isinstance(history[1], SequenceNode)
            and not history[1].flow_style
            and history[1].value
        ):
            seq = history[1]
            after = _last_line(seq) + 1
            if after <= seq.value[-1].start_mark.line:  # the last item ends with an alias (*name)
                raise WriteRefused(
                    "the review history ends with an alias (`*name`), so partreg cannot tell where it "
                    "ends: add the review by hand"
                )
            edits.append(
                (after, after, _items(record, seq.start_mark.column, seq.value[0].start_mark.column))
            )
        else:  # `review` or its `history` in flow style, or empty: those lines are written again, as blocks
            data = _rt().load(positions)["review"]
            if history is not None:
                edits.append(_rewrite(lines, *history, [*(data["history"] or []), record], indent))
            else:
                data = dict(data or {})
                data["history"] = [*(data.get("history") or []), record]
                edits.append(_rewrite(lines, *review, data, indent))
    for name, value in (("status", status), ("end", end.yaml_value() if end else None)):
        if value is None:
            continue
        if name in top:
            edits.append(_rewrite(lines, *top[name], value, indent))
        else:  # where the format puts it, as for `review` (which, at the same line, goes after it)
            at = _line_of_first_key_after(root, name)
            at = closing if at is None else at
            edits.append((at, at, _block({name: value}, indent, left)))
    for first, stop, replacement in sorted(edits, key=lambda e: e[0], reverse=True):
        lines[first:stop] = [replacement.replace("\n", newline)]
    new_text = "".join(lines)
    _check_edit(text, new_text, record, status, end)
    return new_text


def _end_of_mapping(lines: list[str]) -> int:
    """Where a key added at the end of the file goes: before a closing ``...`` (and what follows it)."""
    for number, line in enumerate(lines):
        if line.startswith("...") and line[3:].strip()[:1] in ("", "#"):
            return number
    return len(lines)


def same_length_for_ruamel(text: str) -> str:
    """``text`` as ruamel.yaml reads it the way YAML 1.2 (and the fast reader) does, at the same length.

    ruamel.yaml follows YAML 1.1 in places: it counts NEL, LS and PS as line
    breaks (so every line after one is numbered wrongly), and refuses a tab
    before a comment and a raw control character. Each of those becomes a
    space, one character for one, so every line and column still points into
    the file as it is. For positions and layout only, never for values.
    """
    return text.translate(_FOR_RUAMEL)


_FOR_RUAMEL = {c: " " for c in (*range(0x0A), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x2028, 0x2029)}


def _first_line(error: Exception) -> str:
    return str(error).strip().split("\n", 1)[0] or type(error).__name__


def _is_null(node: Any) -> bool:
    from ruamel.yaml.nodes import ScalarNode

    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _rewrite(lines: list[str], key: Any, node: Any, value: Any, indent: int) -> tuple[int, int, str]:
    """The edit that writes ``key: value`` in block style over the lines ``key`` and ``node`` hold.

    A comment after the value on its last line is kept; a comment inside the
    value would be lost, so the edit is refused.
    """
    first = key.start_mark.line
    column = key.start_mark.column
    if _is_null(node) and node.value == "":  # `key:` with nothing after it
        last, tail = first, lines[first][key.end_mark.column :].split(":", 1)[1]
    else:
        last = node.end_mark.line if node.end_mark.column > 0 else node.end_mark.line - 1
        tail = lines[last][node.end_mark.column :] if node.end_mark.line == last else ""
    inside = "".join(lines[first:last])[column:] + lines[last][: len(lines[last]) - len(tail)]
    if _COMMENT.search(inside):
        raise WriteRefused(
            f"line {first + 1} holds a comment inside `{key.value}` that rewriting it would lose: "
            f"write `{key.value}` in block style (one item a line), or add the review by hand"
        )
    comment = tail.strip()
    block = _block({key.value: value}, indent, column)
    if comment:
        head, _, rest = block.partition("\n")
        block = f"{head}  {comment}\n{rest}"
    return first, last + 1, block


_COMMENT = re.compile(r"(^|\s)#", re.MULTILINE)


def _block(data: dict[str, Any], indent: int, column: int = 0) -> str:
    """``data`` in block style, its keys at ``column``, nested keys ``indent`` further in, a list's dashes 2."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=indent, sequence=4, offset=2)
    yaml.default_flow_style = False
    buffer = io.StringIO()
    yaml.dump(_as_blocks(data), buffer)
    return "".join(" " * column + line for line in buffer.getvalue().splitlines(keepends=True))


def _as_blocks(value: Any) -> Any:
    """``value`` with every mapping and list (as read from the file, perhaps in flow style) in block style."""
    if isinstance(value, dict):
        return {k: _as_blocks(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_blocks(v) for v in value]
    return value


def _entry(mapping: Any, name: str) -> tuple[Any, Any] | None:
    return next(((k, v) for k, v in mapping.value if k.value == name), None)


def _last_line(node: Any) -> int:
    """The 0-based last line holding ``node``'s content (not the comments after it)."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        return _last_line(last[1] if isinstance(node, MappingNode) else last)
    end = node.end_mark
    return int(end.line if end.column > 0 else end.line - 1)


def _line_of_first_key_after(root: Any, name: str) -> int | None:
    """Where a new top-level ``name`` belongs: before the first key the format puts after it."""
    order = list(Arrangement.model_fields)
    later = set(order[order.index(name) + 1 :])
    return next((k.start_mark.line for k, _ in root.value if k.value in later), None)


def _child_indent(root: Any) -> int:
    from ruamel.yaml.nodes import MappingNode

    for k, v in root.value:
        if isinstance(v, MappingNode) and not v.flow_style and v.value:
            return int(v.value[0][0].start_mark.column - k.start_mark.column)
    return 2


def _items(record: dict[str, Any], dash: int, content: int) -> str:
    """``record`` as one block sequence item: the dash at column ``dash``, its keys at ``content``."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=content - dash, offset=0)
    buffer = io.StringIO()
    yaml.dump([record], buffer)
    return "".join(" " * dash + line for line in buffer.getvalue().splitlines(keepends=True))


def _as_read(value: Any) -> Any:
    """A value as the fast reader reads it back from a file (which leaves dates as text)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _check_edit(
    old: str, new: str, record: dict[str, Any], status: str | None, end: PartialDate | None
) -> None:
    """The edited text must hold the old data plus exactly the change, or nothing is written."""
    expected = load_fast_data(old)
    review = expected.setdefault("review", {}) or {}
    expected["review"] = review
    history = review.get("history") or []
    history.append({k: _as_read(v) for k, v in record.items()})
    review["history"] = history
    if status is not None:
        expected["status"] = status
    if end is not None:
        expected["end"] = _as_read(end.yaml_value())
    try:
        same = load_fast_data(new) == expected
    except ValueError:
        same = False
    if not same:
        raise WriteRefused(
            "the review could not be added without changing other parts of the file; nothing was written"
        )


# --------------------------------------------------------------------------- spreadsheets
