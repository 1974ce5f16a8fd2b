"""Reading a register file: its bytes (a regular file of bounded size), its text (UTF-8), and its
data (YAML 1.2 by the core schema), or the problems that kept it from being read.

Reading has two paths that give the same data:

* the fast path parses with ``yaml-rs`` (a Rust YAML 1.2 parser), which
  rejects duplicate keys and bounds alias expansion;
* the round-trip path composes the file with ruamel.yaml, which knows every
  node's line and column. It runs for writing, where ruamel keeps comments
  and layout, and for a position in a file with problems that the quick
  scanner of block style (``partreg.yaml.scanner``, ten times faster and
  exact where it reads a file) does not read (``partreg.yaml.positions``).

Both read YAML by the 1.2 core schema: ``yes``/``no``/``on``/``off`` are
text, ``010`` is ten, ``1:30`` is text, and a date such as ``2025-04-01`` is
text that the models parse. ``<<`` is an ordinary key (1.2 has no merge
keys), and no tag other than the core ones (``!!str``, ``!!int``, ...) is
accepted, so a tag can never construct anything.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml_rs

from partreg.collector import collector_paused
from partreg.models import key_as_written, shown, yaml_lines
from partreg.problems import Problem, Severity
from partreg.repeats import SAME_PROBLEMS_SHOWN, more_like_it
from partreg.rules import (
    empty_file,
    file_encoding,
    file_too_large,
    internal_error,
    multiple_documents,
    not_a_mapping,
    unreadable_file,
    yaml_syntax,
    yaml_tag,
)
from partreg.yaml.diagnostics import (
    deep_block_nesting,
    explicit_tags,
    repeated_keys,
    second_document,
    syntax_problem,
    tag_message,
)
from partreg.yaml.library import CORE_TAGS, quiet, round_trip
from partreg.yaml.marks import Key
from partreg.yaml.positions import Locator

DEFAULT_MAX_BYTES = 1_000_000
#: Alias expansion beyond this many replayed events is a problem, not a hang.
MAX_ALIAS_EVENTS = 100_000


@dataclass
class Document:
    """One YAML file as read: its data, or the problems that kept it from being read."""

    path: Path
    display: str
    text: str | None = None
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    #: Where keys and values start in ``text``, found when first asked for.
    _where: Locator | None = field(default=None, repr=False)

    def fail(self, rule: str, message: str, line: int = 1, column: int = 1) -> Document:
        """Record a problem that keeps the file from being read; returns the document."""
        self.problems.append(Problem(self.display, line, column, rule, Severity.ERROR, message))
        return self

    def locate(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """The 1-based line and column of ``key`` in the file.

        Where the path runs out (a missing field), the position of the deepest
        part that exists. ``at_key`` points at the key rather than its value.
        """
        return self._locator().locate(key, at_key=at_key)

    def locate_by_composing(self, key: Key, *, at_key: bool = False) -> tuple[int, int]:
        """:meth:`locate` by way of composing the file with ruamel.yaml: the slow path, which every
        file can take, and against which the fast one is tested."""
        return self._locator().locate_by_composing(key, at_key=at_key)

    def _locator(self) -> Locator:
        if self._where is None or self._where.text is not self.text:
            self._where = Locator(self.text, self.data)
        return self._where


def read_document(
    path: Path, display: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, fd: int | None = None
) -> Document:
    """Read one YAML file (from ``fd``, which it closes, where the file is open already). Never
    raises for a user's mistake: problems are recorded instead."""
    doc = Document(path=path, display=display if display is not None else str(path))
    raw = read_bytes(doc, max_bytes, fd)
    return doc if raw is None else parse_document(raw, doc.display, doc=doc)


def read_bytes(doc: Document, max_bytes: int, fd: int | None = None) -> bytes | None:
    """The bytes of ``doc.path`` (read from ``fd``, which it closes, where given) if it is a register
    file by lint's rules (a regular file, not a link, no larger than ``max_bytes``); otherwise
    ``None``, with the problem recorded in ``doc``."""
    problem = doc.fail
    try:
        # four system calls a file (open, fstat, read, close): a register may hold 100,000 files
        fd = os.open(doc.path, OPEN_FLAGS) if fd is None else fd
    except OSError as e:
        if e.errno == errno.ELOOP:
            problem(unreadable_file.ID, "is a symbolic link; partreg does not follow links: copy the file in")
        else:
            problem(
                unreadable_file.ID, f"cannot be read ({e.strerror or e}): check it exists and its permissions"
            )
        return None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            problem(unreadable_file.ID, "is a folder, not a file: rename it or move it out of the register")
            return None
        if not stat.S_ISREG(info.st_mode):
            problem(
                unreadable_file.ID, "is not a regular file (a device or pipe): remove it from the register"
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
        problem(unreadable_file.ID, f"cannot be read ({e.strerror or e}): check its permissions")
        return None
    finally:
        os.close(fd)
    if len(raw) > max_bytes:
        _too_large(doc, max_bytes)
        return None
    return raw


OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
)


def _empty(doc: Document) -> Document:
    return doc.fail(empty_file.ID, "is empty: fill it in (see `partreg add`) or delete it")


def _too_large(doc: Document, max_bytes: int) -> Document:
    return doc.fail(
        file_too_large.ID,
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
        doc.data, doc.problems = None, [internal_error.problem(doc.display, error)]
        return doc


def _parse_document(raw: bytes, doc: Document) -> Document:
    problem = doc.fail
    text = _decode(raw, doc)
    if text is None:
        return doc
    doc.text = text
    # a file that is blank or only comments is said to be empty, whatever else a look or the parser
    # says of it; it is looked for only where the parse gives nothing or fails (most files it does not)
    deep = deep_block_nesting(text)
    if deep is not None:  # yaml-rs would overflow its stack on it, and take the whole run down
        return _empty(doc) if not has_content(text) else problem(yaml_syntax.ID, yaml_syntax.TOO_DEEP, *deep)
    try:
        data = _parse(text)
    except yaml_rs.YAMLDecodeError as e:
        if not has_content(text):
            return _empty(doc)
        if str(e).startswith("duplicate mapping key"):  # every key written again, not the first alone
            for found in repeated_keys(text, str(e)):
                problem(*found)
            return doc
        return problem(*syntax_problem(text, str(e)))
    except (RecursionError, MemoryError, ValueError, TypeError) as e:
        if not has_content(text):
            return _empty(doc)
        return problem(yaml_syntax.ID, f"cannot be read as YAML ({type(e).__name__}): simplify the file")
    if not isinstance(data, dict) and not has_content(text):  # (a form feed alone is read as text)
        return _empty(doc)

    if "!" in text:
        tags = explicit_tags(text)
        for n, (line, column, tag) in enumerate(tags[: SAME_PROBLEMS_SHOWN + 1], 1):
            more = len(tags) - n if n > SAME_PROBLEMS_SHOWN else 0
            said = more_like_it(more, what="tags")
            problem(yaml_tag.ID, tag_message(tag, said), line, column)
        if doc.problems:
            return doc
    second = second_document(text) if isinstance(data, list) else None
    if second is not None:
        if all(d is None for d in data[1:]):  # `---` after the entry, and nothing (or comments) after it
            return problem(
                multiple_documents.ID,
                "has a --- line after the arrangement, which starts a second, empty YAML document: "
                "remove that line",
                *second,
            )
        marked = yaml_lines(text)[second[0] - 1][second[1] - 1 :].startswith("---")
        where = "at this ---" if marked else "here, after the ... line that ends the first"
        return problem(
            multiple_documents.ID,
            f"holds more than one YAML document (the second starts {where}): keep one arrangement per file",
            *second,
        )
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        return problem(not_a_mapping.ID, f"is {what}, not a mapping of keys to values: start with `id: ...`")
    if not set(map(type, data)) <= {str}:  # (one inside a field is the schema's: `invalid_key`)
        bad = next(k for k in data if not isinstance(k, str))
        written = key_as_written(bad)
        line, column = doc.locate((written,), at_key=True) if written else (1, 1)
        return problem(
            yaml_syntax.ID,
            f"has the key {shown(bad)}, which is not text: keys are field names; "
            "write the key as a name (quote it if it looks like a number)",
            line,
            column,
        )
    doc.data = data
    return doc


#: A line break and the first character of the line after it, past its indentation, that starts
#: neither a comment nor nothing: what a file with anything in it has. (The indentation is white
#: space that does not end a line, so that each line is looked at once: white space that crossed
#: lines was looked at again from every line break, and a file of 40,000 of them took 13 s.)
_CONTENT = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029][^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*[^\s#]")


def has_content(text: str) -> bool:
    """Whether a line of ``text`` is neither blank nor a comment."""
    # a line break first: the pattern then starts with a class, which the search finds fast
    return _CONTENT.search("\n" + text) is not None


def _parse(text: str) -> Any:
    if "*" not in text:  # no alias (most files): nothing to replay, and the limit costs a tenth of the parse
        return yaml_rs.loads(text, parse_datetime=False)
    return yaml_rs.loads(text, parse_datetime=False, alias_limits=_ALIAS_LIMITS)


_ALIAS_LIMITS = yaml_rs.AliasLimits(max_total_replayed_events=MAX_ALIAS_EVENTS)


def _utf16_shaped(sample: bytes) -> bool:
    """Whether ``sample`` reads as UTF-16 text: a NUL in half or more of the bytes at one parity (the
    high byte of each Latin letter) and in few at the other (a curly apostrophe or a euro sign has no NUL in either)."""
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0), odd.count(0)
    return (nul_odd * 2 >= len(odd) and nul_even * 10 <= len(even)) or (
        nul_even * 2 >= len(even) and nul_odd * 10 <= len(odd)
    )


def _decode(raw: bytes, doc: Document) -> str | None:
    problem = doc.fail
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem(file_encoding.ID, "is UTF-16 or UTF-32: save it as UTF-8")
        return None
    sample = raw[:200]
    if len(sample) >= 4 and 0 in sample and _utf16_shaped(sample):
        # text saved as UTF-16 (Excel's and Notepad's "Unicode") without the mark that says so
        problem(
            file_encoding.ID,
            "is UTF-16 (what Excel and Notepad call Unicode), without the mark that says so: save it as UTF-8",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        # a column counts characters, as every other position does: what comes before it on its line
        # is UTF-8 (the first byte that is not is this one)
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        problem(file_encoding.ID, _not_utf8(raw[e.start]), line, column)
        return None
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        problem(
            file_encoding.ID,
            "contains a NUL byte: it is not a text file",
            line,
            at - (text.rfind("\n", 0, at) + 1) + 1,
        )
        return None
    return text


def _not_utf8(byte: int) -> str:
    """What a file not in UTF-8 is told, naming the character its byte is where it is one that
    Windows-1252 ("ANSI", which Notepad and Excel save in) writes that way: a curly apostrophe pasted from Word."""
    try:
        character = bytes([byte]).decode("cp1252")
        named = f"{character!r} ({unicodedata.name(character).lower()}), as Windows-1252 (ANSI) writes it"
    except (UnicodeDecodeError, ValueError):  # a byte Windows-1252 does not use, or a control
        named = "a character in another encoding"
    return (
        f"is not UTF-8: the byte 0x{byte:02x} here is {named}: save the file as UTF-8 "
        "(in Notepad: File, Save As, Encoding: UTF-8)"
    )


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
            if node.tag not in CORE_TAGS:
                raise ValueError(f"tag {node.tag}")
            return constructor.construct_object(node, deep=True)
        if node.tag not in CORE_TAGS:
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

    with quiet():
        return build(round_trip().compose(text))


def load_fast_data(text: str) -> Any:
    """The file's data by way of the fast path; raises ``ValueError`` where lint reports a problem."""
    data = _parse(text)
    if "!" in text and explicit_tags(text, limit=1):
        raise ValueError("the text uses a tag other than the YAML 1.2 core tags")
    return data
