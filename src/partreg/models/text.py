"""Text as partreg's messages and outputs show it: the characters that never reach a page or a
terminal as they are, and a value quoted in a message."""

from __future__ import annotations

import re

#: Characters that act on a terminal or a program rather than show: the C0 and C1 controls (but
#: tab and line breaks) and DEL.
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROLS}]")
#: The bidirectional embeddings, overrides and isolates, which reorder the text around them on screen
#: (what "Trojan Source" uses): no published output carries them, and lint warns of them.
REORDERING = "\u202a-\u202e\u2066-\u2069"
#: Those and the controls: what every published output leaves out.
UNPUBLISHED = re.compile(f"[{CONTROLS}{REORDERING}]")
#: Those, and the marks that set the direction of the characters beside them (Arabic letter mark,
#: left-to-right and right-to-left marks), which a terminal shows written out. A published page keeps
#: the marks: a name in Arabic or Hebrew needs them, and they move no strong letter.
UNSHOWN = re.compile(f"[{CONTROLS}\u061c\u200e\u200f{REORDERING}]")


def ascii_matching(character: re.Pattern[str]) -> bytes:
    """The ASCII characters a one-character pattern matches, as bytes: for ``bytes.translate``, which
    sorts a file's ASCII text in one pass of C, where a search tries the pattern at every character."""
    return bytes(b for b in range(128) if character.fullmatch(chr(b)))


_NOT_CONTROL = bytes(sorted(set(range(128)) - set(ascii_matching(CONTROL))))


def has_control(text: str) -> bool:
    """Whether ``text`` holds a :data:`CONTROL` character: ``CONTROL.search``, but ASCII text (most
    files) is sorted by ``bytes.translate``, 3-6 times as fast as the search on a page of it."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _NOT_CONTROL))
    return CONTROL.search(text) is not None


def key_as_written(key: object) -> str | None:
    """A key that is not text as a file may write it, to find it by: a number as its digits; ``None``
    for another (``true``, ``~``, a list), which is written otherwise than it is read."""
    return str(key) if isinstance(key, int | float) and not isinstance(key, bool) else None


def without_unshown(text: str) -> str:
    """``text`` without the :data:`UNPUBLISHED` characters, as every published output gives it."""
    return text if text.isascii() and text.isprintable() else UNPUBLISHED.sub("", text)


def visible(text: str) -> str:
    """``text`` with each :data:`UNSHOWN` character written out (``\\x1b``), for a terminal: a title
    cannot clear the screen, retitle the window or reorder what is printed after it."""
    if text.isascii() and text.isprintable():
        return text
    return UNSHOWN.sub(lambda m: repr(m.group())[1:-1], text)


#: The most of a text a message quotes where an officer must find it in the file (an outcome, a
#: contributor, an unknown key): enough for a sentence, never a pasted page.
NAMED = 100


def shown(value: object, limit: int = 40) -> str:
    """A value as a message quotes it, at most ``limit`` characters; total for any value (Python
    refuses to write out an integer of over 4,300 digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        digits = int(value.bit_length() * 0.30103) + 1
        return f"a number of about {round(digits, 2 - len(str(digits))):,} digits"
    if isinstance(value, str) and len(value) > limit * 2:
        value = value[: limit * 2]  # repr of the start only: a megabyte of text is not copied twice
    text = repr(value)
    if len(text) <= limit:
        return text
    if isinstance(value, str) and text[-1:] in ("'", '"'):  # the quote closed after the cut: 'Essex Pol...'
        return text[: limit - 4] + "..." + text[-1]
    return text[: limit - 3] + "..."


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, which takes an s unless ``n`` is one: ``1 day``, ``3 days``, ``0 reviews``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def every(n: int, word: str) -> str:
    """How often, in words: ``every month``, ``every 12 months``."""
    return f"every {word}" if n == 1 else f"every {n} {word}s"


def yaml_lines(text: str) -> list[str]:
    """``text``'s lines as YAML counts them, so as a problem's line numbers count them: broken at LF,
    CRLF and a CR alone, and nowhere else (``str.splitlines`` also breaks at a vertical tab, a form
    feed, NEL, LS and PS, which may be inside a value)."""
    return (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text).split("\n")
