"""The common YAML mistakes in plain words: what a parser's refusal means for the line an officer
wrote, and the line as it should be written (a colon in text, a tab, a character pasted from a word
processor, a line of text not indented under its key, a key too long)."""

from __future__ import annotations

import functools
import re
from typing import get_args

from pydantic import BaseModel

from partreg.advice import BULLETS, single_quoted
from partreg.models import NAMED, Arrangement, Settings, shown, yaml_lines

#: Characters pasted from a word processor or a web page that look like YAML's own and are not.
_LOOK_ALIKE_SPACES = {
    "\u00a0": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u2007": "a figure space",
    "\u2009": "a thin space",
    "\u3000": "an ideographic space",
    "\u200b": "a zero-width space",
    "\ufeff": "a zero-width no-break space",
}
_SPACE_LIKE = " " + "".join(_LOOK_ALIKE_SPACES)
_AFTER_COLON = re.compile(f"^ *(?:- +)?([^\\s:#][^:#]*?):([{''.join(_LOOK_ALIKE_SPACES)}])")


def look_alike(text: str, line: int) -> tuple[str, int, int] | None:
    """A character that looks like a space or a list's dash where YAML needs its own, on the line a
    parser refused, else on the two above it (it may notice only on the line after), outside a block
    of text (``summary: >``, where a bullet is text): what it is and what to write, and its line and
    column; ``None`` where there is none."""
    rows = yaml_lines(text)
    for k in (line - 1, line - 2, line - 3):
        if not 0 <= k < len(rows) or (k < line - 1 and _in_block_text(rows, k)):
            continue
        row = rows[k]
        lead = row[: len(row) - len(row.lstrip(_SPACE_LIKE))]
        odd = next((i for i, c in enumerate(lead) if c != " "), None)
        if odd is not None:
            what = _LOOK_ALIKE_SPACES[lead[odd]]
            return (
                f"line {k + 1} is indented with {what} (pasted from a word processor or a web page): "
                "YAML indents with ordinary spaces only: replace it with a space",
                k + 1,
                odd + 1,
            )
        rest = row[len(lead) :]
        if rest[:1] in tuple(BULLETS) and rest[1:2] in (" ", "\u00a0"):
            return (
                f"line {k + 1} starts with {rest[0]}, a bullet or dash from a word processor: YAML starts a "
                "list's item with - and a space: write - in its place",
                k + 1,
                len(lead) + 1,
            )
        wide = row.find("\uff1a")  # a full-width colon, typed with a keyboard set for Chinese or Japanese
        if wide >= 0 and ":" not in row[:wide] and "#" not in row[:wide]:
            written = (row[:wide] + ": " + row[wide + 1 :].lstrip(" ")).strip(" ")
            return (
                f"line {k + 1} has \uff1a, a full-width colon, where YAML needs : and a space: write "
                f"{shown(written, NAMED)}",
                k + 1,
                wide + 1,
            )
        after = _AFTER_COLON.match(row)
        if after is not None:
            return (
                f"{_LOOK_ALIKE_SPACES[after.group(2)]} follows `{after.group(1).strip()}:` (pasted from a word "
                "processor or a web page): YAML takes an ordinary space after a key's colon: replace it with "
                "a space",
                k + 1,
                after.start(2) + 1,
            )
    return None


#: A key whose value is a block of text on the lines below it (``summary: >``, ``notes: |-``).
_BLOCK_TEXT = re.compile(r":[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")


def _in_block_text(rows: list[str], k: int) -> bool:
    """Whether line ``k`` is a line of a block of text: the nearest line above it less indented is a
    key whose value is such a block."""
    indent = len(rows[k]) - len(rows[k].lstrip(_SPACE_LIKE))
    for j in range(k - 1, -1, -1):
        above = rows[j]
        if above.strip(_SPACE_LIKE) and len(above) - len(above.lstrip(_SPACE_LIKE)) < indent:
            return _BLOCK_TEXT.search(above) is not None
    return False


_KEY_LINE = re.compile(r"( *)(?:- +)?([A-Za-z_][\w-]*):(?: |$)")


def unindented_text(detail: str, text: str, line: int) -> tuple[str, int, int] | None:
    """Where a line of a key's text (wrapped, or pasted) is not indented under the key, so that YAML
    reads it as a key of its own: what to do, and the line and column of that line; ``None`` where the
    parser's complaint at ``line`` is another."""
    lines = yaml_lines(text)
    if "multiline quoted scalar" in detail:
        k = line - 1  # the line itself
    elif "expect ':'" in detail:
        k = line - 2  # the nearest line above with something on it
        while k >= 0 and (not lines[k].strip(" ") or lines[k].lstrip(" ").startswith("#")):
            k -= 1
    else:
        return None
    if not 0 <= k < len(lines):
        return None
    content = lines[k].lstrip(" ")
    indent = len(lines[k]) - len(content)
    if not content or ": " in content or content.rstrip(" ").endswith(":") or content[0] in "-#[{?|>":
        return None
    if re.match(r"[A-Za-z_][\w-]*\s*[:=]", content):  # `title:Town`: a key without its space
        return None
    for j in range(k - 1, -1, -1):  # the key whose text it goes on: no other key in between
        owner = _KEY_LINE.match(lines[j])
        if owner is not None:
            break
    else:
        return None
    key = owner.group(2)
    if owner.start(2) < indent:  # indented further than the key: not this mistake
        return None
    indent_it = f"indent it further than `{key}:`, as the text's other lines are"
    word, _, rest = content.rstrip(" ").partition(" ")
    if rest and word in _field_names() and len(content) <= _LONGEST_FIX:  # `title Town Hall`
        return (
            f"line {k + 1} starts with `{word}`, a field's name, without a colon after it: write "
            f"`{word}: {rest.strip()}`; or, if the line is more of the text of `{key}:`, {indent_it}",
            k + 1,
            indent + len(word) + 1,
        )
    return (
        f"line {k + 1} is more of the text of `{key}:`, but it is not indented under `{key}:`, so YAML "
        f"reads it as a new key: {indent_it}",
        k + 1,
        indent + 1,
    )


@functools.cache
def _field_names() -> frozenset[str]:
    """The name of every field an arrangement file or partreg.yaml may hold, at any depth."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    models: list[type[BaseModel]] = [Arrangement, Settings]
    while models:
        model = models.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            kinds: list[object] = [info.annotation]
            while kinds:  # the models inside its type: `list[Partner]`, `Lead | None`
                kind = kinds.pop()
                if isinstance(kind, type) and issubclass(kind, BaseModel):
                    models.append(kind)
                kinds.extend(get_args(kind))
    return frozenset(names)


#: The longest line a message writes out as the fix: a longer one is said, not written out.
_LONGEST_FIX = 200
#: A key, a colon and a tab before its value (the key maybe a list item's, after its dash).
_TAB_AFTER_COLON = re.compile(r"^([ ]*(?:-[ ]+)?[^\s:#\-][^:#\t]*):[ ]*\t[ \t]*(\S.*)$")


def yaml_mistake(detail: str, text: str, line: int) -> str | None:
    """The common YAML mistakes in plain words, with the line as it should be written; ``None`` for
    the rare ones, which keep the parser's own words."""
    lines = yaml_lines(text)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    above = _line_above(lines, line)
    near = [row for row in (here, above or "", lines[line] if line < len(lines) else "")]
    indents = [row[: len(row) - len(row.lstrip(" \t"))] for row in near]
    after_colon = _TAB_AFTER_COLON.match(here)
    if after_colon is not None and "\t" not in indents[0] and ("tab" in detail or "whitespace" in detail):
        # `title:<tab>Youth club`, a value lined up with a tab: YAML 1.2 allows it, partreg's readers do not
        key, value = after_colon.group(1).strip(), after_colon.group(2)
        others = sum(1 for row in lines if _TAB_AFTER_COLON.match(row)) - 1
        fix = f"write {key}: {value}" if len(key) + len(value) < _LONGEST_FIX else "put a space instead"
        more = f"; {others} more line{'s have' if others > 1 else ' has'} a tab after a key: put a space there too"
        return (
            f"a tab after the colon of `{key.removeprefix('-').strip()}:`: partreg reads a key's value after "
            f"spaces only; {fix}" + (more if others else "")
        )
    if any("\t" in i for i in indents) or (
        any("\t" in row for row in near) and ("tab" in detail or "whitespace" in detail)
    ):
        return "a tab is used to indent or to space a line here: YAML takes spaces only; replace the tab with spaces"
    long_key = _too_long_a_key(here)
    if long_key is not None and ("expect ':'" in detail or "mapping values are not allowed" in detail):
        return (
            f"this line reads as a key, for the colon and space after its first {long_key:,} characters, "
            f"and YAML takes a key of at most {LONGEST_IMPLICIT_KEY:,}: where it is text, put it in quotes, "
            "or write the key above it with > (summary: >) and the text on the lines below; "
            "where it is a key, shorten it"
        )
    for row in (here, above or ""):
        if re.match(r"^\s*-[^\s-]", row):  # `-name: x`: a list item needs a space after its dash
            return f"a list item needs a space after its dash: write {row.strip().replace('-', '- ', 1)}"
    if "expect ':'" in detail or "could not find expected ':'" in detail:
        for row in (here, above or ""):
            if m := re.match(r"^\s*([A-Za-z_][\w-]*)\s*(?::(?=\S)|=)\s*(.*)$", row):
                return f"a key needs a colon and a space after it: write {m.group(1)}: {m.group(2)}"
    key, sep, value = here.partition(": ")
    name = key.strip()
    text_part, comment = _without_comment(value.strip())
    first = text_part[:1]
    colon_inside = "mapping values are not allowed" in detail and (
        ": " in value or value.rstrip().endswith(":")
    )
    trailing = "trailing content after" in detail
    special_start = first in tuple("@`*|>!%&-?") or (
        first in ("[", "{") and not text_part.endswith(("]", "}"))
    )
    if sep and re.fullmatch(r"(?:-\s*)?[A-Za-z_][\w-]*", name) and text_part in ("-", "?"):
        # `measure: -`: in quotes, the page would publish it as the value
        return (
            f"the value of `{name.lstrip('- ')}:` is only {text_part}, which stands for no value: leave the line "
            "out until there is one"
        )
    if (
        sep
        and re.fullmatch(r"(?:-\s*)?[A-Za-z_][\w-]*", name)
        and (colon_inside or trailing or special_start)
    ):
        if trailing and len(text_part) > 1 and text_part[0] in "'\"" and text_part.endswith(text_part[0]):
            text_part = text_part[
                1:-1
            ]  # 'Council's Street Cleansing': the outer quotes were meant to hold it
        fixed = f"{name}: {single_quoted(text_part)}" + (f"  {comment}" if comment else "")
        if len(fixed) > _LONGEST_FIX:  # a paragraph is not written out again: how to quote it is said
            fixed = (
                f"{name}: '...', with a ' before the text and one after it, and each ' in it written twice"
            )
        why = (
            "has a colon and a space in it, which YAML reads as a new key"
            if colon_inside
            else "goes on after its closing quote"
            if trailing
            else f"starts with {first}, which YAML reads as its own"
        )
        return f"the text after `{name}:` {why}: put the text in quotes: {fixed}"
    if "mapping values are not allowed" in detail and above is not None:
        wanted = len(above) - len(above.lstrip(" -"))
        return (
            f"this line is indented more than the line above: start `{here.strip().split(':')[0]}:` "
            f"with {wanted} spaces, as `{above.strip().split(':')[0]}:` starts"
        )
    if "did not find expected key" in detail or "expected <block end>" in detail or "expected '-'" in detail:
        mine, theirs = _KEY_LINE.match(here), _key_it_lines_up_with(lines, line)
        if mine and theirs and "- " not in mine.group() + theirs.group():  # two keys of a mapping, no list
            return (
                f"this line does not line up with the key above it: the keys of one mapping start at the "
                f"same column: start `{mine.group(2)}:` with {len(theirs.group(1))} spaces, as "
                f"`{theirs.group(2)}:` starts"
            )
        return (
            "this line does not line up with the lines around it: in a list each item starts with `- `, "
            "and the keys of one item line up under its first key (- name: ... then   sector: ...)"
        )
    return None


def _without_comment(value: str) -> tuple[str, str]:
    """A value and the comment after it (`` # ...``), which YAML never makes part of the value; a
    `` #`` inside a quoted start (``"Ref #12 agreed" by Cabinet``) is the text's, not a comment."""
    start = 0
    if value[:1] in ("'", '"'):
        k = 1
        while k < len(value):
            if (value[0] == "'" and value.startswith("''", k)) or (value[0] == '"' and value[k] == "\\"):
                k += 2  # a quote written twice, or an escape: inside the text
                continue
            if value[k] == value[0]:
                start = k + 1
                break
            k += 1
    at = value.find(" #", start)
    return (value, "") if at < 0 else (value[:at].rstrip(), value[at:].strip())


def unclosed(what: str, quote: str | None) -> str:
    """The fix for a quote or bracket opened and not closed."""
    if what == "quoted text" and quote:
        return f"the quoted text that starts here is not closed: add {quote} at its end"
    closing = {"[ list": "]", "{ mapping": "}"}.get(what, "")
    return f"the {what} that starts here is not closed" + (f": add {closing} at its end" if closing else "")


#: The longest key YAML takes where it is written without ``?``, in characters.
LONGEST_IMPLICIT_KEY = 1024


def _too_long_a_key(row: str) -> int | None:
    """How long the key of ``row`` (``key: value`` or ``key:``, after any list dashes) is, where it is
    longer than YAML takes a key to be; ``None`` otherwise."""
    content = row.lstrip(" ")
    while content.startswith("- "):
        content = content[2:].lstrip(" ")
    colon = content.find(": ")
    if colon < 0 and content.rstrip(" ").endswith(":"):
        colon = len(content.rstrip(" ")) - 1
    return colon if colon > LONGEST_IMPLICIT_KEY else None


def _key_it_lines_up_with(lines: list[str], line: int) -> re.Match[str] | None:
    """The key line above line ``line`` whose mapping that line fell out of: of the keys above it,
    back to a line less indented than it, the nearest of the least indent deeper than its own."""
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = len(here) - len(here.lstrip(" "))
    found: re.Match[str] | None = None
    for j in range(line - 2, -1, -1):
        row = lines[j]
        content = row.lstrip(" ")
        if not content or content.startswith("#"):
            continue
        if len(row) - len(content) < indent:
            break
        key = _KEY_LINE.match(row)
        if (
            key is not None
            and len(key.group(1)) > indent
            and (found is None or len(key.group(1)) < len(found.group(1)))
        ):
            found = key
    return found


def _line_above(lines: list[str], line: int) -> str | None:
    for above in reversed(lines[: line - 1]):
        if above.strip() and not above.lstrip().startswith("#"):
            return above
    return None


def unknown_escape(detail: str, text: str, line: int, column: int) -> str | None:
    """What to write where double-quoted text holds a \\ that starts no escape (a Windows path,
    ``"S:\\Shared"``): where the text is on the line, the line with the text in single quotes, in
    which each \\ is itself (a path's ``\\new`` or ``\\Partnerships`` is meant as written, though YAML
    has such escapes); else how to; ``None`` where the parser's complaint is another."""
    if "escape" not in detail and "hexadecimal" not in detail:
        return None
    said = "a \\ inside double quotes starts an escape (\\n, \\t, ...), and not every \\ here does: "
    how = (
        said
        + "write the text in single quotes, in which \\ is itself (each ' in it written twice), or each \\ as \\\\"
    )
    rows = yaml_lines(text)
    row = rows[line - 1] if 0 < line <= len(rows) else ""
    at = row.find('"', column - 1)
    if at < 0:
        return how
    inside, k = [], at + 1
    while k < len(row) and row[k] != '"':
        if row[k] == "\\" and k + 1 < len(row) and row[k + 1] in ('"', "\\"):
            inside.append(row[k + 1])  # a \\ or a quote written as an escape: the character itself
            k += 2
            continue
        inside.append(row[k])
        k += 1
    if k >= len(row):
        return how  # the text goes on over lines
    fixed = row[:at].lstrip(" -") + single_quoted("".join(inside)) + row[k + 1 :]  # `summary: '...'`
    if len(fixed) > _LONGEST_FIX:
        return how
    return said + f"write the text in single quotes, in which \\ is itself: {fixed.rstrip(' ')}"
