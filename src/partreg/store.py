"""Find, read and write register files: the only module that imports a YAML library.

Reading has two paths that give the same data:

* the fast path parses with ``yaml-rs`` (a Rust YAML 1.2 parser), which
  rejects duplicate keys and bounds alias expansion;
* the round-trip path composes the file with ruamel.yaml, which knows every
  node's line and column. It runs only where a position is needed (a file
  with problems) and for writing, where ruamel keeps comments and layout.

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
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml_rs

from partreg.errors import CannotWrite, RegisterNotFound, UsageError, WriteRefused
from partreg.lint import Problem, Severity, collector_paused, run, validate_settings
from partreg.models import Arrangement, PartialDate, Settings

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
    """The file's node tree with every node's line and column.

    ruamel.yaml's C composer (ruamel.yaml.clib) is ten times faster than its
    round-trip one, which matters when many files have problems; where it
    refuses a file that yaml-rs read, the round-trip composer takes over.
    """
    from ruamel.yaml import YAML

    warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
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
    problem = doc.fail
    try:
        # four system calls a file (open, fstat, read, close): a register may hold 100,000 files
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return problem(
                "unreadable-file", "is a symbolic link; partreg does not follow links: copy the file in"
            )
        return problem(
            "unreadable-file", f"cannot be read ({e.strerror or e}): check it exists and its permissions"
        )
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return problem(
                "unreadable-file", "is a folder, not a file: rename it or move it out of the register"
            )
        if not stat.S_ISREG(info.st_mode):
            return problem(
                "unreadable-file", "is not a regular file (a device or pipe): remove it from the register"
            )
        if info.st_size > max_bytes:
            return _too_large(doc, max_bytes)
        raw = os.read(fd, info.st_size + 1)
        while len(raw) > info.st_size and len(raw) <= max_bytes:  # grew since fstat: read to the end
            more = os.read(fd, 65536)
            if not more:
                break
            raw += more
    except OSError as e:
        return problem("unreadable-file", f"cannot be read ({e.strerror or e}): check its permissions")
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        return _too_large(doc, max_bytes)
    return parse_document(raw, doc.display, doc=doc)


_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
)


def _too_large(doc: Document, max_bytes: int) -> Document:
    return doc.fail(
        "file-too-large",
        f"is larger than {max_bytes:,} bytes: an arrangement file is a page of text, not a data dump",
    )


def parse_document(raw: bytes, display: str, *, doc: Document | None = None) -> Document:
    """Parse the bytes of one YAML file (see :func:`read_document`)."""
    with collector_paused():
        return _parse_document(raw, display, doc)


def _parse_document(raw: bytes, display: str, doc: Document | None) -> Document:
    if doc is None:
        doc = Document(path=Path(display), display=display)
    problem = doc.fail
    text = _decode(raw, doc)
    if text is None:
        return doc
    doc.text = text
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return problem("empty-file", "is empty: fill it in (see `partreg add`) or delete it")

    try:
        data = _parse(text)
    except yaml_rs.YAMLDecodeError as e:
        return _syntax_problem(doc, str(e))
    except (RecursionError, MemoryError, ValueError, TypeError) as e:
        return problem("yaml-syntax", f"cannot be read as YAML ({type(e).__name__}): simplify the file")

    if "!" in text:
        for line, column, tag in _explicit_tags(text):
            problem(
                "yaml-tag",
                f"uses the tag {tag}: tags are not allowed in register files; remove it",
                line,
                column,
            )
        if doc.problems:
            return doc
    if isinstance(data, list) and _document_count(text) > 1:
        return problem(
            "multiple-documents",
            "holds more than one YAML document (---): keep one arrangement per file",
        )
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        return problem("not-a-mapping", f"is {what}, not a mapping of keys to values: start with `id: ...`")
    if not all(type(k) is str for k in data):
        bad = next(k for k in data if not isinstance(k, str))
        line, column = doc.locate((bad,), at_key=True) if isinstance(bad, int | str) else (1, 1)
        return problem(
            "yaml-syntax",
            f"has the key {bad!r}, which is not text: keys are field names",
            line,
            column,
        )
    doc.data = data
    return doc


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
        detail = f"{detail} (the {what} that starts here is not closed)"
    return problem("yaml-syntax", f"is not valid YAML: {detail}", line, column)


#: How deep the diagnostics below follow lists and mappings when they read a file again. libyaml's
#: scanner does work for every open bracket at every token, so a file a parser refused for its
#: nesting (10,000 `[`) took seconds; a file nested deeper than this is not written by hand.
_RESCAN_DEPTH = 64


def _events(text: str) -> Iterator[Any]:
    """The file's parse events from ruamel.yaml's C parser (libyaml), ending early at nesting
    deeper than ``_RESCAN_DEPTH``; raises ``MarkedYAMLError`` where the file is not valid YAML."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    warnings.filterwarnings("ignore", module=r"ruamel\.yaml.*")
    depth = 0
    for event in YAML(typ="safe").parse(text):
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


def _explicit_tags(text: str) -> Iterator[tuple[int, int, str]]:
    """Tags written in the file that are not YAML 1.2 core tags."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import TagToken

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


def _document_count(text: str) -> int:
    from ruamel.yaml.events import DocumentStartEvent

    if _DOCUMENT_MARKER.search(text) is None:
        return 1
    count = 0
    try:
        for event in _events(text):
            count += isinstance(event, DocumentStartEvent)
    except Exception:
        pass
    return max(count, 1)


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
    """The nearest folder at or above ``start`` that holds ``partreg.yaml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file():
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
    if not (root / SETTINGS_FILE).is_file():
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
SITE_MANIFEST = ".partreg-site.json"


def package_templates() -> Path:
    """partreg's own templates: inside the installed package, or beside the source in a checkout."""
    from importlib.resources import files

    installed = Path(str(files("partreg"))) / "templates"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / "templates"


def write_site(out: Path, files: Iterable[tuple[str, str | None]]) -> list[str]:
    """Write a rendered site into ``out``, each file atomically; returns the files written.

    A file given without content (``None``) was written already, by a worker
    process (``runner.render_files``): it is part of the site, and flushed here.

    Files partreg wrote there before and no longer renders (an arrangement
    removed, or made internal) are deleted; nothing else in ``out`` is touched.
    """
    import json

    make_folder(out)
    manifest = out / SITE_MANIFEST
    try:
        previous = set(json.loads(manifest.read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        previous = set()
    written = []
    folders: set[Path] = set()
    for name, content in files:
        if content is not None:
            target = out / name
            if target.parent not in folders:
                make_folder(target.parent)
                folders.add(target.parent)
            write_atomic(target, content, durable=False)  # each page whole; all flushed to disk below
        written.append(name)
    for name in sorted(previous - set(written)):
        stale = out / name
        if ".." not in Path(name).parts and stale.is_file() and not stale.is_symlink():
            try:
                stale.unlink()
            except OSError as e:
                raise CannotWrite(f"{stale}: an old page cannot be removed ({e.strerror or e})") from None
    os.sync()  # one flush for the whole site, rather than one per page
    write_atomic(manifest, json.dumps(sorted(written), indent=0) + "\n")
    return written


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


def make_staging(out: Path) -> Path:
    """A new hidden folder inside ``out`` where files wait until :func:`move_into` publishes them."""
    make_folder(out)
    try:
        return Path(tempfile.mkdtemp(prefix=".partreg-pages-", dir=out))
    except OSError as e:
        raise CannotWrite(f"{out}: {_cannot_write(e)}") from None


def move_into(staging: Path, names: Iterable[str], folder: Path) -> None:
    """Move the files ``names`` from ``staging`` into ``folder``, each replacing its old self in one step."""
    make_folder(folder)
    for name in names:
        try:
            os.replace(staging / name, folder / name)
        except OSError as e:
            raise CannotWrite(f"{folder / name}: {_cannot_write(e)}") from None


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


@dataclass
class Register:
    """A register as read from disk: settings, every entry that could be read, and all problems."""

    root: Path
    settings: Settings | None
    entries: list[Arrangement]
    problems: list[Problem]
    #: Files left out, each with the problem that put it out: it could not be read at all (syntax,
    #: not a mapping, encoding, size), or it repeats the id of an earlier file.
    left_out: list[Problem] = field(default_factory=list)


def read_settings(root: Path, display: str = SETTINGS_FILE) -> tuple[Settings | None, list[Problem]]:
    """The settings in ``root/partreg.yaml``, or the problems that stop them being read."""
    return validate_settings(read_document(root / SETTINGS_FILE, display))


def shown_as(path: Path, base: Path) -> str:
    """How a file is named in reports: relative to ``base`` where it lies below it, else as given."""
    prefix = os.path.join(os.path.abspath(base), "")
    absolute = os.path.abspath(path)  # no symlink resolution: a string operation, fast for many files
    return absolute[len(prefix) :] if absolute.startswith(prefix) else str(path)


def iter_documents(
    paths: Iterable[Path], base: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[Document, str]]:
    """Read each file in turn, with the id its name gives it.

    The kernel is asked to start reading the next files while this one is
    parsed: on a cold disk that makes reading 10,000 files about 8 times
    faster than asking for them one by one (measured by ``make bench``).
    """
    paths = list(paths)
    _prefetch(paths[:_READAHEAD], max_bytes)
    for start in range(0, len(paths), _READAHEAD):
        _prefetch(paths[start + _READAHEAD : start + 2 * _READAHEAD], max_bytes)
        for path in paths[start : start + _READAHEAD]:
            yield (
                read_document(path, shown_as(path, base), max_bytes=max_bytes),
                entry_stem(path.name),
            )


#: How many files ahead of the reader the kernel is asked to read.
_READAHEAD = 64


def _prefetch(paths: Sequence[Path], max_bytes: int) -> None:
    """Hint that ``paths`` will be read soon (at most ``max_bytes`` of each); only a hint, so errors pass."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in paths:
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except OSError:
            continue  # read_document will say what is wrong with it
        try:
            os.posix_fadvise(fd, 0, max_bytes + 1, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass  # a pipe or a device: nothing to read ahead
        finally:
            os.close(fd)


def open_register(root: Path, today: dt.date | None = None, *, rules: bool = True) -> Register:
    """Read every arrangement of the register at ``root``. The lint rules run unless ``rules`` is
    false (then only what stops a file being read is a problem); date rules need ``today``."""
    from partreg.rules import ALL

    settings, problems = read_settings(root)
    files = register_files(root)
    register = Register(root, settings, [], problems)
    limit = settings.max_file_bytes if settings else DEFAULT_MAX_BYTES
    for _, entry, found in run(settings, iter_documents(files, root, limit), ALL if rules else (), today):
        problems.extend(found)
        repeated = next((p for p in found if p.rule == "duplicate-id"), None)
        if entry is not None and repeated is None:
            register.entries.append(entry)
        else:
            register.left_out.append(repeated or found[0])
    return register


# --------------------------------------------------------------------------- editing in place


def add_review(
    text: str, record: dict[str, Any], *, status: str | None = None, end: PartialDate | None = None
) -> str:
    """``text`` with ``record`` appended to ``review.history`` and nothing else changed.

    The new lines go right after the last line of the existing history (or of
    ``review``, or where ``review`` belongs), indented as the file indents;
    ``status`` and ``end``, when given, replace only their values. Where the
    structure is written in flow style (``review: {...}``) there is no line
    to add after, and the file is rewritten by ruamel.yaml's round trip,
    which keeps comments, key order and quoting. Either way the result is
    read back and must hold exactly the old data plus the change.
    """
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    root = _rt().compose(text)
    if not isinstance(root, MappingNode):
        raise ValueError("the file is not a mapping")
    top = {k.value: (k, v) for k, v in root.value}
    review = top.get("review")
    history = _entry(review[1], "history") if review and isinstance(review[1], MappingNode) else None

    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    edits: list[tuple[int, str]] = []  # (insert before this 0-based line, text)
    try:
        if review is None:
            at = _line_of_first_key_after(root, "review")
            at = len(lines) if at is None else at
            indent = _child_indent(root)
            edits.append(
                (at, f"review:\n{' ' * indent}history:\n" + _items(record, indent * 2, indent * 2 + 2))
            )
        elif not isinstance(review[1], MappingNode) or review[1].flow_style:
            raise _Flow
        elif history is None:
            column = review[1].value[0][0].start_mark.column
            edits.append(
                (
                    _last_line(review[1]) + 1,
                    f"{' ' * column}history:\n" + _items(record, column + 2, column + 4),
                )
            )
        elif isinstance(history[1], SequenceNode) and not history[1].flow_style and history[1].value:
            seq = history[1]
            edits.append(
                (_last_line(seq) + 1, _items(record, seq.start_mark.column, seq.value[0].start_mark.column))
            )
        elif _is_empty(history[1]):
            key = history[0]
            line = key.start_mark.line
            if history[1].start_mark.line == line:  # `history: []` (a bare `history:` has nothing to remove)
                lines[line] = _replace_span(lines[line], history[1], "")
            column = key.start_mark.column
            edits.append((line + 1, _items(record, column + 2, column + 4)))
        else:
            raise _Flow
        for name, value in (("status", status), ("end", end.iso if end else None)):
            if value is None:
                continue
            if name in top:
                node = top[name][1]
                if node.start_mark.line != node.end_mark.line and node.end_mark.column != 0:
                    raise _Flow
                lines[node.start_mark.line] = _replace_span(lines[node.start_mark.line], node, value)
            else:
                after = _last_line(top["start"][1]) + 1 if "start" in top else len(lines)
                edits.append((after, f"{name}: {value}\n"))
    except _Flow:
        new_text = _roundtrip_edit(text, record, status, end)
    else:
        for at, block in sorted(edits, key=lambda e: e[0], reverse=True):
            lines.insert(at, block)
        new_text = "".join(lines)
    _check_edit(text, new_text, record, status, end)
    return new_text


class _Flow(Exception):
    """The structure is in flow style (or otherwise has no line to add after)."""


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

    for _, v in root.value:
        if isinstance(v, MappingNode) and not v.flow_style and v.value:
            return int(v.value[0][0].start_mark.column)
    return 2


def _is_empty(node: Any) -> bool:
    from ruamel.yaml.nodes import ScalarNode, SequenceNode

    if isinstance(node, ScalarNode):
        return node.tag == "tag:yaml.org,2002:null"
    return isinstance(node, SequenceNode) and node.flow_style and not node.value


def _replace_span(line: str, node: Any, value: str) -> str:
    """``line`` with the scalar ``node``'s text replaced by ``value`` (comments after it kept)."""
    start = node.start_mark.column
    stop = node.end_mark.column if node.end_mark.line == node.start_mark.line else len(line.rstrip("\r\n"))
    before, after = line[:start], line[stop:]
    if value and before and not before.endswith((" ", "\t")):
        value = " " + value
    if not value:
        before = before.rstrip(" ")
    return before + value + after


def _items(record: dict[str, Any], dash: int, content: int) -> str:
    """``record`` as one block sequence item: the dash at column ``dash``, its keys at ``content``."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=content - dash, offset=0)
    buffer = io.StringIO()
    yaml.dump([record], buffer)
    return "".join(" " * dash + line for line in buffer.getvalue().splitlines(keepends=True))


def _roundtrip_edit(text: str, record: dict[str, Any], status: str | None, end: PartialDate | None) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, block_seq_indent = load_yaml_guess_indent(text)
    indent, offset = indent or 2, block_seq_indent or 0  # nothing to guess from: the usual style
    yaml = _rt()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=indent, sequence=indent + offset, offset=offset)
    data = yaml.load(text)
    review = data.setdefault("review", CommentedMap())
    history = review.get("history")
    if not isinstance(history, list):
        history = review["history"] = CommentedSeq()
    history.append(record)
    if status is not None:
        data["status"] = status
    if end is not None:
        data["end"] = end.yaml_value()
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


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
    if load_fast_data(new) != expected:
        raise WriteRefused(
            "the review could not be added without changing other parts of the file; nothing was written"
        )


# --------------------------------------------------------------------------- spreadsheets
