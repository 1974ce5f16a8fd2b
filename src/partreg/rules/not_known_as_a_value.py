DOC = """A word for "no value" (`?`, `unknown`, `TBC`, `N/A`) written as the value.

What it checks:
    That no text the register publishes is only a word officers write where
    they have no value, in any case: `?`, `unknown`, `not known`, `n/k`,
    `dunno`, `don't know` (it is not known); `TBC`, `TBA`, `TBD` (it is to
    be confirmed); `N/A` (it does not apply); an en or em dash; a placeholder
    that stands for a value (`To be agreed`, `See attached list`, `As above`,
    `Various partners`), as `partreg import` sets them aside. And that no
    partner, objective, outcome or funded action is `None`, `none known` or
    `none yet`. Elsewhere `None` is an answer, and is not reported: a risk
    `None identified`, `added_value: None`, `resources: {partners: None}`.
Why it matters:
    The page publishes the word as a fact ("measured by ?", "Partner: N/A"),
    where a field left out is shown as not recorded and lint names the gap
    where one matters. An objective or a partner written as `N/A` counts as
    one, so the gap is not named at all.

    Practice: what is not known is left out, never written as a value (README, partreg add).
Example:
    ```yaml
    partners:
      - name: Essex Police
      - name: N/A
    outcomes:
      - description: Fewer repeat victims
        measure: TBC
    ```
Instead:
    ```yaml
    partners:
      - name: Essex Police
    outcomes:
      - description: Fewer repeat victims
    ```
"""

import functools
import re
from collections.abc import Iterator
from enum import Enum
from typing import Any

from pydantic import BaseModel

from partreg.export import is_published
from partreg.listadvice import item_noun, none_recorded
from partreg.models import NAMED, Arrangement, Status, shown
from partreg.problems import Context, Hit, Key, Rule, Severity, dotted, value_at
from partreg.readers import only_placeholder
from partreg.rules._base import texts

ID = "not-known-as-a-value"

_NOT_KNOWN = ("says only that it is not known", " until it is known")
_TO_CONFIRM = ("says only that it is to be confirmed", " until it is confirmed")
_NOT_APPLICABLE = ("says only that it does not apply", "")
_DASH = ("is a dash, which stands for no value", " until there is one")
_TO_DECIDE = ("says only that it is not settled yet", " until it is")
_ELSEWHERE = ("stands for what is written elsewhere", ", or write here what it stands for")
_SEVERAL = ("says only that there are several, naming none", ", or name each")

#: The words officers write where they have no value, as :func:`_word` gives them (lower case,
#: single spaces, no full stop after), each with what it says and until when to leave the line
#: out. Of the words ``partreg add`` reads as no answer (:data:`partreg.readers.NOT_KNOWN`), those
#: a quick look finds (:data:`_LOOKS`): not `na` or `nk`, which a look cannot tell from `name` or
#: `link`, nor `to be confirmed` or `not applicable`, each a look more for every file. (A
#: hyphen alone is not YAML, and yaml-syntax says so; a hyphen in quotes would be two looks more.)
_SAYS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        (
            "?",
            "unknown",
            "not known",
            "not yet known",
            "n/k",
            "don't know",
            "dont know",
            "do not know",
            "dunno",
        ),
        _NOT_KNOWN,
    ),
    **dict.fromkeys(("tbc", "tba", "tbd"), _TO_CONFIRM),
    **dict.fromkeys(("n/a",), _NOT_APPLICABLE),
    **dict.fromkeys(("\u2013", "\u2014"), _DASH),
    # placeholders, as import reads them (``readers.placeholder``), each by the word that stands for
    # its kind (:func:`_placeholder`): `To be agreed`, `See attached list`, `Various partners`
    "to be confirmed": _TO_CONFIRM,
    "to be decided": _TO_DECIDE,
    "as above": _ELSEWHERE,
    "various": _SEVERAL,
}
#: Words that say there is none. Where a field says something of the arrangement they are an
#: answer (a risk `None identified`, `exit_strategy: None`, `resources: {partners: None}`: it has
#: none), so they are read only as an item of a list, where they stand for no item.
_NONE = frozenset({"none", "none known", "none yet"})
_LONGEST = 40  # characters: a longer text is none of those words, nor a placeholder (however spaced)

#: What a placeholder that lint reads has in it (lower-cased): of those import reads
#: (``readers.placeholder``), `To be agreed`, `See attached list`, `As above`, `Various partners`,
#: and not `Ditto`, `Refer to the minutes` or `To follow`, each a look more for every file (a look
#: for `refer` finds `referral` in many a file, at 3 µs more a file).
_PLACEHOLDER_LOOKS = ("to be", "see ", "above", "various")
#: What a quick look at the file's text, lower-cased, looks for: each word above has one of these
#: in it, whatever its capitals (a test holds them to that), and most files have none of them.
#: (Each look is a pass of C over the text, about 0.6 µs a page; a pattern tried at every
#: character took ten times as long. `?` is in many a web address, and `know` in prose: the line
#: a look finds is read before the entry is walked.)
_LOOKS = ("?", "\u2013", "\u2014", "n/", "tb", "know", "dunno", "none", *_PLACEHOLDER_LOOKS)
#: What YAML puts around a value on its line: a key's colon, a flow list's or mapping's marks, a
#: comment, double quotes. (Not single quotes: `don't know`; a value's own are stripped.)
_AROUND = re.compile(r"[:,\[\]{}#\"]")

#: Values another rule reads, and says what to write for, by their keys without the items'
#: numbers: an entry's id and its references, a priority's id, a contributor (a partner's name),
#: a significance test's id; and a web address anywhere.
_CHECKED_ELSEWHERE = frozenset(
    {
        ("id",),
        ("priorities",),
        ("replaces",),
        ("replaced_by",),
        ("contributions", "by"),
        ("significance", "meets"),
    }
)

#: The field that is what an item of the list is: a partner without its name is no partner,
#: whatever else it says (a sector, a role).
_ITEM_IS = {"partners": "name"}


def _word(text: str) -> str | None:
    """The word for "no value" that ``text`` is, as :data:`_SAYS` and :data:`_NONE` hold them, or ``None``."""
    return None if len(text) > _LONGEST else _short_word(text)


@functools.lru_cache(maxsize=1024)  # a file that writes N/A once writes it many times
def _short_word(text: str) -> str | None:
    said = " ".join(text.lower().replace("\u2019", "'").replace("''", "'").split()).rstrip(".!")
    if said and not said.strip("?"):
        said = "?"  # `??`, `???`
    if said in _SAYS or said in _NONE:
        return said
    if any(look in said for look in _LOOKS) and only_placeholder(said):  # (found by a look, as the rest)
        return _placeholder(said)
    return None


def _placeholder(said: str) -> str:
    """The word of :data:`_SAYS` for the kind of placeholder ``said`` is (``to be agreed``, ``tbc -
    see notes``: to be confirmed; ``various partners``: several; ``see attached list``, ``ditto``:
    written elsewhere)."""
    start = said.lstrip(" -.(*")
    if start.startswith("to be confirmed") or (start.startswith("tb") and "to be" not in start):
        return "to be confirmed"
    if start.startswith(("to ", "tb")):  # to be agreed, decided, advised, ...
        return "to be decided"
    return "various" if start.startswith("various") else "as above"


def _may_hold_one(text: str) -> bool:
    """Whether a line of ``text`` may have a word for "no value" as a whole value: a look for each
    of :data:`_LOOKS`, and, where one is found, its line split at what YAML puts around values."""
    low = text.lower()
    for look in _LOOKS:
        at = low.find(look)
        while at != -1:
            end = low.find("\n", at)
            end = len(low) if end == -1 else end
            line = low[low.rfind("\n", 0, at) + 1 : end].strip()
            while line[:2] == "- ":  # a list's item
                line = line[2:].lstrip()
            if any(_word(part.strip().strip("'")) for part in _AROUND.split(line)):
                return True
            at = low.find(look, end)
    return False


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.text is not None and not _may_hold_one(ctx.text):
        return  # (most files: eight looks in C, about 5 µs a page)
    data = entry.model_dump(exclude={"internal"}, exclude_none=True)
    told: set[Key] = set()  # the items and lists told to go: nothing more is said inside them
    lists: dict[
        Key, tuple[list[bool], bool]
    ] = {}  # each list's items that are only such words, and if all are
    read: dict[tuple[str, ...], bool] = {}  # whether each field (by its names) is read here
    for key, value in texts(data):
        word = None if isinstance(value, Enum) else _word(value)
        if word is None or key[-1] == "url" or (told and any(key[:n] in told for n in range(1, len(key)))):
            continue
        names = tuple(k for k in key if isinstance(k, str))
        if names not in read:  # (a file of many items asks once for their field, not for each)
            read[names] = names not in _CHECKED_ELSEWHERE and is_published(list(names), ctx.settings)
        if not read[names]:
            continue  # (risks unless published, contacts unless published, fields kept internal)
        # the last item's place in the path (an item of a list of text: the path's end)
        at = (
            len(key) - 1
            if type(key[-1]) is int
            else next((i for i in range(len(key) - 2, -1, -1) if type(key[i]) is int), None)
        )
        listed, name, only, whole = key, "", False, False
        if at is not None:
            listed, name = key[:at], str(key[at - 1])
            if (
                listed not in lists
            ):  # once a list: which of its items are only such words, and whether all are
                flags = [_no_item(item, name) for item in value_at(data, listed)]
                lists[listed] = (flags, all(flags))
            flags, whole = lists[listed]
            only = flags[int(key[at])]  # (its place in the list, a number)
        if at is None or not only:
            if word not in _NONE:  # (`None` in a field is an answer: it has none)
                says, until = _SAYS[word]
                yield Hit(
                    key,
                    f"{dotted(key)}: {shown(value, NAMED)} {says}, and the page would publish it as the value: "
                    f"leave the line out{until} (lint then names the gap where the field is needed)",
                )
            continue
        if whole:
            told.add(listed)
            needs = entry.kind if entry.status is not Status.ENDED else None  # (an ended one needs no more)
            yield Hit(key, f"{dotted(key)}: {none_recorded(name, value, listed, needs)}")
            continue
        told.add(key[: at + 1])
        says, until = _SAYS.get(word, ("says there is none", ""))
        yield Hit(key, f"{dotted(key)}: {_item_told(value, says, name, until)}")


@functools.lru_cache(maxsize=256)  # the same words, in item after item
def _item_told(value: str, says: str, name: str, until: str) -> str:
    return f"{shown(value, NAMED)} {says}, and the page would publish it as {_a(item_noun(name))}: remove the item{until}"


def _no_item(item: Any, name: str) -> bool:
    """Whether ``item``, of the list ``name``, is only a word for "no value": text that is one, a
    partner whose name is one, or a mapping whose every value is one (a date, an amount or a choice
    is a value: the item is kept, and its word told to go). A risk `None` is a risk assessed and
    none found: an answer, and an item."""
    if isinstance(item, dict):
        if name in _ITEM_IS and isinstance(item.get(_ITEM_IS[name]), str):
            return _no_item(item[_ITEM_IS[name]], name)
        said = [v for v in item.values() if v != [] and v != {}]  # (a list the model gives as empty)
        return bool(said) and all(_no_item(v, name) for v in said)
    word = _word(item) if isinstance(item, str) and not isinstance(item, Enum) else None
    return word is not None and not (word in _NONE and name == "risks")


def tells_to_go(item: BaseModel, name: str, ctx: Context) -> bool:
    """Whether this rule tells ``item``, of the list ``name``, to go, as only a word for "no value"
    (`- description: N/A`): a gap in it (no measure, no mitigation) is not said as well."""
    if not any(isinstance(v, str) and _word(v) for v in item.__dict__.values()):
        return False  # (most items: a look at each field, no copy of the item)
    return (
        ctx.level(ID) != "off"
        and is_published([name], ctx.settings)
        and _no_item(item.model_dump(exclude_none=True), name)
    )


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
