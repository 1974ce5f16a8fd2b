"""Whether a field meant for a role holds a person's name instead.

The register is published, and the policy's register names roles, not
people: "Community Safety Manager", not "Jane Smith". A role almost always
has a word of office in it (manager, officer, head, director...); a name is
two or three capitalised words, and starts with a title (Mrs, Cllr) or an
initial, or with a common given name. The test is a warning, never a
refusal: "Grace Lane" can be a team.
"""

from __future__ import annotations

import functools
import re

from partreg.namewords import GIVEN_NAMES, ROLE_WORDS, TITLES

_WORD = re.compile(r"^[A-Z](?:[a-z]+|(?=['\u2019]))(?:[-'\u2019][A-Z]?[a-z]+)*$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_SURNAME_FIRST = re.compile(r"\s*([A-Z][a-z'\u2019-]+),\s*([A-Z][a-z]+)\s*")
#: What parts a name from a role beside it: a dash between spaces, brackets, a slash, a comma
#: ("Sarah Jones, Head of Housing", the commonest form in councils' sheets).
_BESIDE = re.compile(r"\s+[-\u2013\u2014]\s+|[()/]|,\s+")


@functools.lru_cache(maxsize=4096)  # a register names the same few roles in file after file
def looks_like_a_name(text: str) -> bool:
    """``Jane Smith``, ``Mrs J Smith``, ``J. Smith``, ``Cllr Patel``, ``Smith, Jane``, ``Mary Jones
    (Housing Manager)``, ``Housing Manager - Jane Smith``, ``Sarah Jones, Head of Housing``: yes. ``Head of Housing``, ``Community
    Safety Manager``, ``Environmental Health``: no."""
    surname_first = _SURNAME_FIRST.fullmatch(text)
    if surname_first and surname_first.group(2).lower() in GIVEN_NAMES:
        return True
    parts = [p for p in _BESIDE.split(text) if p.strip()]
    if len(parts) > 1:  # a name beside a role: "Mary Jones (Housing Manager)"
        # after a comma, a given name may start a place's ("Centre Manager, Victoria Park")
        return any(_one_name(p) and not _PLACE.search(p) for p in parts)
    return _one_name(text)


#: A last word that makes a place's name, not a person's: "Victoria Park", "Mark Lane Centre".
_PLACE = re.compile(
    r"\b(?:park|lane|way|road|street|centre|center|house|hall|court|square|gardens?|green|close|avenue|drive|"
    r"place|library|school|college|estate|ward|village|town|hub)\s*$",
    re.IGNORECASE,
)


def _one_name(text: str) -> bool:
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".") in ROLE_WORDS for w in words):
        return False
    first, rest = words[0], words[1:]
    if first.lower().strip(".") in TITLES:
        return all(_WORD.match(w) or _INITIAL.match(w) for w in rest)
    if len(words) > 3 or not all(_WORD.match(w) for w in rest):
        return False
    return bool(_INITIAL.match(first) or (_WORD.match(first) and first.lower() in GIVEN_NAMES))
