"""What is wrong with a file that is not valid YAML, or uses what a register file may not: the
problem to report, and where the fix goes (read again with ruamel.yaml's C parser, within a budget).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from partreg import yamladvice as advice
from partreg.advice import BULLETS
from partreg.models import NAMED, shown, yaml_lines
from partreg.repeats import SAME_PROBLEMS_SHOWN, more_like_it
from partreg.rules import duplicate_key, yaml_syntax, yaml_tag
from partreg.yaml.library import CORE_TAGS, lf_breaks, quiet, yaml12_lines

_POSITION = re.compile(r"line (\d+), column (\d+)")

#: A problem found: its rule's id, its message, and its 1-based line and column.
Found = tuple[str, str, int, int]


def syntax_problem(text: str, message: str) -> Found:
    """The problem of a file the fast reader refused with ``message``, said in plain words where
    they are known, at the place the fix goes where it can be found."""
    if message.startswith("duplicate mapping key"):
        return repeated_keys(text, message)[0]
    if "alias" in message and "limit" in message:
        return yaml_syntax.ID, "expands aliases (*name) too far: write the values out instead", 1, 1
    if message.startswith("Invalid tag"):
        for line, column, tag in explicit_tags(text, limit=1):
            return yaml_tag.ID, tag_message(tag), line, column
    m = _POSITION.search(message)
    line, column = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
    detail = message.strip().splitlines()[-1].strip() if message.strip() else "invalid YAML"
    if detail == "recursion limit exceeded":
        return yaml_syntax.ID, yaml_syntax.TOO_DEEP, line, column
    pasted = advice.look_alike(text, line)
    if pasted is not None:
        told, line, column = pasted
        return yaml_syntax.ID, f"is not valid YAML: {told} (the parser says: {detail})", line, column
    escaped = advice.unknown_escape(detail, text, line, column)
    if escaped is not None:
        return yaml_syntax.ID, f"is not valid YAML: {escaped} (the parser says: {detail})", line, column
    opened = _unclosed_construct(text)
    if opened is not None:
        what, (line, column) = opened
        rows = yaml_lines(text)
        row = rows[line - 1] if line <= len(rows) else ""
        quote = row[column - 1 : column] if what == "quoted text" else None
        return yaml_syntax.ID, f"is not valid YAML: {advice.unclosed(what, quote)}", line, column
    unindented = advice.unindented_text(detail, text, line)
    if unindented is not None:
        told, line, column = unindented
        return yaml_syntax.ID, f"is not valid YAML: {told} (the parser says: {detail})", line, column
    said = advice.yaml_mistake(detail, text, line)
    if said is not None:  # in plain words, and the parser's own after them for whoever knows YAML
        return yaml_syntax.ID, f"is not valid YAML: {said} (the parser says: {detail})", line, column
    return yaml_syntax.ID, f"is not valid YAML: {detail}", line, column


def tag_message(tag: str, said: str = "") -> str:
    """What is said of a tag written in a file (``said``: what follows the advice, if anything)."""
    if tag == "!":  # `summary: ! important`: meant as text, read as a tag
        return (
            "has a ! and a space where a value starts, which YAML reads as a tag, not as text: "
            f"put the value in quotes ('! ...'), or remove the !{said}"
        )
    return f"uses the tag {tag}: tags are not allowed in register files; remove it{said}"


#: How deep the diagnostics below follow lists and mappings when they read a file again. libyaml's
#: scanner does work for every open bracket at every token, so a file a parser refused for its
#: nesting (10,000 `[`) took seconds; a file nested deeper than this is not written by hand.
_RESCAN_DEPTH = 64
#: A line that opens more lists, explicit keys or values of empty keys in a row than that (`- - - ...`,
#: `? ? ...`, `: : ...`, `- : - : ...`, a tab after a `:`): yaml-rs bounds the nesting of `[` and `{`
#: but not of these, and a file of 20,000 crashed the process.
_DEEP_BLOCK = re.compile(rf"^[ \t]*(?:[-?:][ \t]+){{{_RESCAN_DEPTH + 1}}}", re.M)
#: The file's bytes with the spaces and tabs dropped, each opener made `o` and everything else `x` (a line
#: break stays one): such a line is then that many `o` together. That look takes a few µs where the
#: pattern, which tries every character for a line's start, took 40 µs on a page of text.
_OPENER_OR_NOT = bytes.maketrans(
    bytes(range(256)), b"".join(b"o" if b in b"-?:" else b"\n" if b in b"\r\n" else b"x" for b in range(256))
)
#: How many parse events they read at most: a file that is a page of text has a few hundred, and
#: reading 20,000 takes about 50 ms; a megabyte of small values has a million, which took 0.2-0.6 s.
#: What lies further is not looked for (a position then falls back to the parser's, or 1:1).
_RESCAN_EVENTS = 20_000


#: The most a line may be indented. Nesting over many lines needs a column more for each level, so
#: with the openers a line may hold, and brackets (which yaml-rs stops at 256), no file is nested
#: more than about 800 deep: yaml-rs overflowed its stack at about 10,000, and validating the values
#: ran out of Python's at about 1,000 (a file of 2.6 MB nested 64 a line over 200 lines crashed).
DEEPEST_INDENT = 500
_TOO_INDENTED = " " * (DEEPEST_INDENT + 1)


def deep_block_nesting(text: str) -> tuple[int, int] | None:
    """Where a line opens block lists, explicit keys or empty keys' values more than
    ``_RESCAN_DEPTH`` deep, or is indented more than ``DEEPEST_INDENT`` columns, if one does (yaml-rs
    would overflow its stack on the file, and take the whole run down)."""
    text = lf_breaks(text)  # a CR is a line break to YAML, and not to the pattern's `^`
    squeezed = text.encode("utf-8", "surrogatepass").translate(_OPENER_OR_NOT, b" \t")
    if squeezed.find(b"o" * (_RESCAN_DEPTH + 1)) >= 0:  # (most files: the pattern is not tried)
        found = _DEEP_BLOCK.search(text)
        if found is not None:
            return text.count("\n", 0, found.start()) + 1, 1
    if _TOO_INDENTED not in text:  # (most files: no copy of the text is made)
        return None
    at = ("\n" + text).find("\n" + _TOO_INDENTED)  # where the line starts in ``text``
    return (text.count("\n", 0, at) + 1, 1) if at >= 0 else None


def _events(text: str, *, deep: bool = False) -> Iterator[Any]:
    """The file's parse events from ruamel.yaml's C parser (libyaml), ending early at nesting
    deeper than ``_RESCAN_DEPTH`` (unless ``deep``) and after ``_RESCAN_EVENTS`` events; raises
    ``MarkedYAMLError`` where the file is not valid YAML. Read them inside :func:`quiet`."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    depth = 0
    for count, event in enumerate(YAML(typ="safe").parse(yaml12_lines(text))):
        if count == _RESCAN_EVENTS:
            return
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > _RESCAN_DEPTH and not deep:
                return
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        yield event


def _unclosed_construct(text: str) -> tuple[str, tuple[int, int]] | None:
    """Where an unclosed bracket or quote starts, which is where the fix goes."""
    from ruamel.yaml.error import MarkedYAMLError

    try:
        with quiet():
            for _ in _events(text):
                pass
    except MarkedYAMLError as e:
        context = e.context or ""
        for what in ("flow sequence", "flow mapping", "quoted scalar"):
            if what == "quoted scalar" and "unexpected" not in (e.problem or ""):
                continue  # quoted text the parser read to its end, and found wrong inside (an escape)
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
    #: Each key written so far, with the line it was first written on.
    keys: dict[str, int] = field(default_factory=dict)
    key_next: bool = True


def _key_written_again(text: str, key: str) -> tuple[int, int] | None:
    """Where ``key`` is written a second time in one block mapping, read from the lines (the walk of
    the parser's events stops after ``_RESCAN_EVENTS``, and a key written again after 3,000 partners
    lies further): a line ``key:`` at an indent where the mapping above it already has one, with no
    line less indented, nor a list's item that starts another mapping, in between."""
    seen: set[int] = set()  # the indents of the mappings open, which have the key already
    for number, row in enumerate(yaml_lines(text), 1):
        content = row.lstrip(" ")
        if not content or content.startswith("#"):
            continue
        indent = len(row) - len(content)
        seen = {i for i in seen if i <= indent}  # (a list at its key's own indent is that key's value)
        while content.startswith("- "):  # a list's item: a new mapping starts after its dash
            rest = content[2:].lstrip(" ")
            indent += len(content) - len(rest)
            content = rest
            seen = {i for i in seen if i < indent}
        if content.startswith(key + ":") and content[len(key) + 1 : len(key) + 2] in ("", " "):
            if indent in seen:
                return number, indent + 1
            seen.add(indent)
    return None


def repeated_keys(text: str, message: str) -> list[Found]:
    """Each key written again in its mapping (the fast reader refused the file with ``message``,
    which names the first), at the place it is written again, with the line of its first writing:
    every one in a file, so that fixing one never reveals the next."""
    found = _find_duplicates(text)
    if not found:  # beyond the parser's walk: the one the reader named, found from the lines
        key = message.split(":", 1)[1].strip()
        line, column = _key_written_again(text, key.strip("'\"")) or (1, 1)
        return [(duplicate_key.ID, f"repeats the key {key}: keep one of them", line, column)]
    said = [
        (
            duplicate_key.ID,
            f"starts with {key[0]}, a bullet from a word processor, which YAML reads as part of the key "
            f"{shown(key, NAMED)}, as on line {first}: YAML starts a list's item with - and a space: write - "
            "in its place"
            if key[:1] in BULLETS
            else f"repeats the key {shown(key, NAMED)} "
            f"{'written before on this line' if first == line else f'of line {first}'}: keep one of them",
            line,
            column,
        )
        for key, first, line, column in found[: SAME_PROBLEMS_SHOWN + 1]
    ]
    more = len(found) - SAME_PROBLEMS_SHOWN - 1  # as for every rule: 20 shown, one standing for the rest
    if more > 0:
        rule, message, line, column = said[-1]
        said[-1] = (rule, message + more_like_it(more), line, column)
    return said


def _find_duplicate(text: str) -> tuple[int, int] | None:
    """Where the first key written again in its mapping is, in the order of the file."""
    found = _find_duplicates(text)
    return (found[0][2], found[0][3]) if found else None


def _find_duplicates(text: str) -> list[tuple[str, int, int, int]]:
    """Each key written again in its mapping, in the order of the file: the key, the line it was
    first written on, and the line and column where it is written again."""
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        MappingStartEvent,
        ScalarEvent,
    )

    open_: list[_OpenMapping | None] = []  # each list (None) and mapping the event is in
    found: list[tuple[str, int, int, int]] = []
    try:
        with quiet():
            for event in _events(text):
                if isinstance(event, CollectionEndEvent):
                    open_.pop()
                    continue
                if not isinstance(event, ScalarEvent | AliasEvent | CollectionStartEvent):
                    continue
                mapping = open_[-1] if open_ else None
                if mapping is not None:
                    if mapping.key_next and isinstance(event, ScalarEvent):
                        line, column = event.start_mark.line + 1, event.start_mark.column + 1
                        if event.value in mapping.keys:
                            found.append((event.value, mapping.keys[event.value], line, column))
                        else:
                            mapping.keys[event.value] = line
                    mapping.key_next = not mapping.key_next
                if isinstance(event, CollectionStartEvent):
                    open_.append(_OpenMapping() if isinstance(event, MappingStartEvent) else None)
    except Exception:  # what was found before the walk failed is kept; only positions are lost
        return found
    return found


#: Where a tag can start: a node's properties follow a line's start, a space or a flow indicator. A
#: file with no such `!` (most files with one: "Welcome!") has no tag, and is not scanned for one.
_TAG_START = re.compile(r"(?:^|[\s\[{,:])!")


#: How many tokens the look for tags reads with libyaml's scanner: a file that is a page of text has
#: a few hundred; where brackets are open, each token costs more (a megabyte of them inside 254
#: brackets took 5 s). After that, a `!` where a node can start is taken for a tag.
_TAG_TOKENS = 5_000


def explicit_tags(text: str, *, limit: int | None = None) -> list[tuple[int, int, str]]:
    """Tags written in the file that are not YAML 1.2 core tags, each with its line and column: the
    first ``limit`` of them, if given."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import TagToken

    found: list[tuple[int, int, str]] = []
    if _TAG_START.search(text) is None:
        return found
    try:
        with quiet():
            tokens = YAML(typ="safe").scan(yaml12_lines(text))  # libyaml's scanner: tags are tokens
            for count, token in enumerate(tokens):
                if count == _TAG_TOKENS:
                    return found + _tags_after(text, token.start_mark.index, limit, len(found))
                if isinstance(token, TagToken):
                    handle, suffix = token.value
                    tag = (handle or "") + (suffix or "")
                    if _not_core(tag):
                        found.append((token.start_mark.line + 1, token.start_mark.column + 1, tag))
                        if len(found) == limit:
                            break
    except Exception:
        pass
    return found


def _not_core(tag: str) -> bool:
    return ("tag:yaml.org,2002:" + tag[2:] if tag.startswith("!!") else tag) not in CORE_TAGS


def _tags_after(text: str, start: int, limit: int | None, have: int) -> list[tuple[int, int, str]]:
    """The tags after ``start`` as a pattern finds them, past the scanner's budget: a `!` where a node
    can start (a line's start or a list's dash, after a `: `, a bracket or a comma, and an anchor),
    not in a comment. Quoted text and a block of text are not told apart: a file that long is not a
    register's page, and a tag is never let through. One pass: lines are counted as it goes."""
    found: list[tuple[int, int, str]] = []
    start -= text.count("\r\n", 0, start)  # where it is once each line break is one LF
    text = lf_breaks(text)
    line_start = text.rfind("\n", 0, start) + 1
    line, comment = text.count("\n", 0, line_start) + 1, _comment_start(text, line_start)
    for where in _TAG_AT_NODE.finditer(text, line_start):
        at = where.start(1)
        if at >= comment:  # on a later line, or in this one's comment
            breaks = text.count("\n", line_start, at)
            if breaks:
                line += breaks
                line_start = text.rfind("\n", 0, at) + 1
                comment = _comment_start(text, line_start)
            if at >= comment:
                continue
        if at < start or not _not_core(where.group(1)):
            continue
        found.append((line, at - line_start + 1, where.group(1)))
        if limit is not None and have + len(found) >= limit:
            break
    return found


def _comment_start(text: str, line_start: int) -> int:
    """Where the comment on the line from ``line_start`` starts; where the line ends, if it has none."""
    end = text.find("\n", line_start)
    end = len(text) if end < 0 else end
    if text.startswith("#", line_start):
        return line_start
    found = _COMMENT.search(text, line_start, end)
    return found.start() + 1 if found else end


#: A tag where a node can start (after an anchor, too), and a comment's start after a space (for
#: :func:`_tags_after`).
_TAG_AT_NODE = re.compile(
    r"(?:^(?:---[ \t]+)?[ \t]*(?:[-?:][ \t]+)*|:[ \t]+|[\[{,][ \t]*)(?:&[^\s,\[\]{}]*[ \t]+)?(![^\s,\[\]{}]*)",
    re.M,
)
_COMMENT = re.compile(r"[ \t]#")


#: A line that starts or ends a document: a file of several documents has one.
_DOCUMENT_MARKER = re.compile(r"^(?:---|\.\.\.)(?:[ \t\r\n]|$)", re.M)


def second_document(text: str) -> tuple[int, int] | None:
    """Where the second YAML document of ``text`` starts (its ``---``), if it holds more than one (read
    up to the second one's start, within ``_RESCAN_EVENTS``: a file of many documents has its second
    one early, and a first document longer than that, which yaml-rs read as a list, is said to be
    one)."""
    from ruamel.yaml.events import DocumentStartEvent

    if _DOCUMENT_MARKER.search(text) is None:
        return None
    count = 0
    try:
        with quiet():
            for event in _events(text, deep=True):  # a second document starts early, if there is one
                count += isinstance(event, DocumentStartEvent)
                if count > 1:
                    return event.start_mark.line + 1, event.start_mark.column + 1
    except Exception:
        pass
    return _after_end_marker(text)


#: A line that ends a document (``...``), after which YAML 1.2 lets another start without ``---``.
_END_MARKER = re.compile(r"\.\.\.(?:[ \t]|$)")


def _after_end_marker(text: str) -> tuple[int, int] | None:
    """Where a document starts after a ``...`` line without its own ``---`` (libyaml, a YAML 1.1
    parser, refuses what yaml-rs reads as a second document): the next line with anything in it."""
    ended = False
    for number, line in enumerate(yaml_lines(text), 1):
        content = line.lstrip(" \t")
        if ended and content and not content.startswith("#"):
            return number, len(line) - len(content) + 1
        ended = ended or _END_MARKER.match(line) is not None
    return None
