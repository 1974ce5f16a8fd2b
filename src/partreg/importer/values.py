"""Cell values as councils write them: yes and no, lists one a line, partners' names, a kind or a
form of body in a council's words, extension options, priorities; and a cell as text or as blank.

Each reader returns what it read or raises :class:`partreg.readers.Unplaced` saying why not;
money and review intervals are read by :mod:`partreg.readers`, dates by :mod:`.dates`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from enum import StrEnum
from typing import Any

from partreg import questionnaire
from partreg.importer.headers import field_at
from partreg.importer.synonyms import MONEY, NOTES, Key, normal, words_of
from partreg.models import Kind, PartialDate, Settings, shown
from partreg.questionnaire import propose_id
from partreg.readers import BLANK, FORMS, OUTCOMES, Unplaced, read_money, read_months, split_list, word_table
from partreg.sheetdates import read_date

#: The questionnaire's answers, and what sheets write: 1/0 and ticks.
YES = questionnaire.YES | {"1", "✓", "✔", "☑"}
NO = questionnaire.NO | {"0", "✗", "✘", "☐"}


LEVELS = word_table("""
high: high | h
medium: medium | med | m
low: low | l
""")
RATINGS = {"substantial", "reasonable", "limited", "weak"}
AGREEMENTS = word_table("""
terms-of-reference: terms of reference | tor
memorandum-of-understanding: memorandum understanding | mou
partnership-agreement: partnership agreement
contract: contract
funding-agreement: funding agreement | grant agreement
none: none
""")


#: ``Yes``/``No``, what separates it from the words after it, and those words (one line); or
#: ``Yes``/``No`` and separators only (``Yes.``). The separators are possessive (``++``): given back
#: one at a time to look for a line end, they made a cell of 30,000 commas take three seconds.
_YES_NO = re.compile(
    r"^(yes|no|y|n)\b(?:([\s,:;.\-\u2013\u2014(]++)(.+)|[\s,:;.\-\u2013\u2014(]+)$", re.IGNORECASE
)


def yes_no(text: str) -> tuple[bool, str] | None:
    """``Yes``/``No`` and the words after it: ``Yes - Crime and Disorder Act 1998``."""
    low = text.strip().lower()
    if low in YES:
        return True, ""
    if low in NO:
        return False, ""
    m = _YES_NO.match(text.strip())
    if m:
        rest = (m.group(3) or "").strip()
        if "(" in (m.group(2) or "") and rest.endswith(")") and rest.count(")") > rest.count("("):
            rest = rest[:-1].strip()
        return m.group(1).lower().startswith("y"), rest
    return None


#: A review's outcome, then more words after a dash, a bracket, a colon, a comma or a semicolon.
_OUTCOME_THEN_WORDS = re.compile(r"\s*(.+?)\s*(?:\s[-\u2013\u2014]|[(:,;]).*\S", re.DOTALL)


def read_outcome(text: str) -> tuple[str, bool]:
    """The review outcome ``text`` says, and whether it says more after it ("Exit - end March 2026",
    "Continue (annual review)"), which is then to be kept; ``Unplaced`` where it says none."""
    outcome = OUTCOMES.get(" ".join(words_of(text)))
    if outcome is not None:
        return outcome, False
    head = _OUTCOME_THEN_WORDS.match(text)
    outcome = OUTCOMES.get(" ".join(words_of(head[1]))) if head else None
    after = words_of(text[head.end(1) :]) if head else []
    # not where the words after it take it back for another ("Exit: no, continue"); they may say "no"
    # of something else ("Exit - no longer required"), or name an end ("Continue - until end of contract")
    taken_back = after[:1] in (["no"], ["not"]) and any(
        w in _OUTCOME_NAMES and OUTCOMES.get(w) != outcome for w in after
    )
    if outcome is None or taken_back:
        raise Unplaced("not a review outcome (continue, amend, exit, reassess or proposed for removal)")
    return outcome, True


#: The outcomes' own names: after "no", another's takes the first back ("Exit: no, continue").
_OUTCOME_NAMES = frozenset({"continue", "amend", "exit", "reassess", "remove"})


def read_boolean(raw: Any) -> tuple[bool, str]:
    if isinstance(raw, bool):
        return raw, ""
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw), ""
    said = yes_no(str(raw))
    if said is None:
        raise Unplaced("not yes or no")
    return said


def kind_from_label(label: str) -> tuple[Kind | None, dict[str, Any]]:
    """A council's own label for the kind, as the policy's kind where its words decide it:
    "Contractual arrangement", "Significant partnership" (also high significance), "Statutory
    partnership" (also statutory), "Shared working arrangement", "Grant"; ``None`` where they
    do not ("Alliance", "Shared service") or point two ways."""
    words = set(words_of(label))
    said = {
        Kind.CONTRACT: bool(words & {"contract", "contractual", "commissioned", "procured", "procurement"}),
        Kind.COMMUNITY_FUNDING: bool(
            words & {"grant"} or {"community", "funding"} <= words or {"funding", "agreement"} <= words
        ),
        Kind.JOINT_WORKING: bool(
            words & {"forum", "network"}
            or ("working" in words and words & {"joint", "collaborative", "shared"})
            or {"working", "group"} <= words
        ),
        Kind.PARTNERSHIP: bool(words & {"partnership", "partner"}),
    }
    kinds = [k for k, yes in said.items() if yes]
    if len(kinds) != 1:
        return None, {}
    extra: dict[str, Any] = {}
    if kinds[0] is Kind.PARTNERSHIP and "significant" in words:
        extra["significance"] = "high"
    if "statutory" in words and "non" not in words:
        extra["statutory"] = True
    return kinds[0], extra


#: A kind's cell that ends with a status, set off by a dash or in brackets: `Partnership - Proposed`,
#: `Grant (ended)`. Only so: a word of a status elsewhere in the cell says something else ("Closed
#: forum", "Partnership - not yet ended", "Planned Maintenance Contract", "formerly proposed").
_KIND_THEN_STATUS = re.compile(
    r"^(.*?\w)\s*(?:[-\u2013\u2014:]\s*|\(\s*|\[\s*)(proposed|planned|pending|ended|expired|terminated|ceased|"
    r"dissolved|inactive)\s*[)\]]?\s*$",
    re.IGNORECASE,
)


def status_in_kind(label: str) -> tuple[str, str] | None:
    """The status a kind's cell ends with, and the rest of the cell (which gives the kind), or
    ``None``: `Partnership - Proposed` is ("proposed", "Partnership")."""
    found = _KIND_THEN_STATUS.match(label.strip())
    if found is None:
        return None
    word = found.group(2).lower()
    return ("proposed" if word in ("proposed", "planned", "pending") else "ended"), found.group(1)


def form_from_words(text: str) -> str | None:
    """What the body is, from a council's words for it: "Shared service", "Wholly-owned company",
    "Joint venture (LLP)"; ``None`` where they name no form partreg knows."""
    words = " ".join(words_of(text.replace("-", " ").replace("'", "")))
    if words in FORMS:
        return FORMS[words]
    found = {
        form for said, form in FORMS.items() if len(said) > 3 and re.search(rf"\b{re.escape(said)}\b", words)
    }
    return found.pop() if len(found) == 1 else None


_EXTENSION_PLUS = re.compile(
    r"^(\d+(?:\.\d+)?)((?:\s*\+\s*\d+(?:\.\d+)?)+)\s*(years?|yrs?|months?|mths?)?$", re.IGNORECASE
)
_EXTENSION_LENGTH = re.compile(r"(\d+(?:\.\d+)?)\s*(years?|yrs?|months?|mths?)\b", re.IGNORECASE)
_EXTENSION_UNTIL = re.compile(r"\b(?:to|until|till)\s+", re.IGNORECASE)
_EXTENSION_STATUS = re.compile(r"\s*\((available|taken|declined)\)\s*$", re.IGNORECASE)


def read_extensions(text: str) -> list[dict[str, Any]]:
    """A contract's extension options as registers write them: ``3 + 3 years`` (a term of 3 years
    and one extension of 3), ``10 + 10``, ``2 + 1 + 1 years``, ``option to extend to 2039``,
    ``10 years, to 31 March 2039 (available)`` (as partreg writes them), several separated by ``;``."""
    out: list[dict[str, Any]] = []
    for part in split_list(text):
        said = " ".join(part.split())
        if m := _EXTENSION_PLUS.match(said):
            unit = (m.group(3) or "years").lower()
            lengths = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", m.group(2))]
            out += [{"years": _whole(n / 12 if unit.startswith("m") else n)} for n in lengths]
            continue
        extension: dict[str, Any] = {}
        if m := _EXTENSION_LENGTH.search(said):
            n = float(m.group(1))
            extension["years"] = _whole(n / 12 if m.group(2).lower().startswith("m") else n)
        status = _EXTENSION_STATUS.search(said)
        if status:
            extension["status"] = status.group(1).lower()
            said = said[: status.start()].strip()
        for m in _EXTENSION_UNTIL.finditer(said):  # "option to extend to 2039": the "to" a date follows
            with contextlib.suppress(Unplaced):
                extension["until"] = read_date(said[m.end() :].strip(" ,."))[0].yaml_value()
                break
        if not extension:
            raise Unplaced("not an extension option (such as '3 + 3 years' or 'to 31 March 2039')")
        out.append(extension)
    return out


def _whole(years: float) -> float | int:
    return int(years) if float(years).is_integer() else round(years, 2)


def quoted(value: Any) -> str:
    """A cell as a message quotes it (:func:`partreg.models.shown`, with room for a sentence)."""
    return shown(value.strip() if isinstance(value, str) else value, 60)


def cell_text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def is_blank(raw: Any, key: Key | None = None) -> bool:
    """An empty cell, or, for a field, one that says only "no value" ("N/A", "-"); for money, "Nil"
    is £0. A cell bound for the notes is kept as the sheet has it."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return True
    if key is None or key == NOTES:
        return False  # to the notes as the sheet has it
    said = str(raw).strip().lower() if isinstance(raw, str) else None
    if said in ("nil", "none") and (key == MONEY or str(key[-1]).endswith("_gbp")):
        return False
    return said in BLANK


def read_as_field(key: Key, raw: Any) -> Any:
    """A cell for a field the table has no rule for (one named with --map), read by the field's type."""
    found = field_at(key)
    assert found is not None  # can_map let it through
    annotation, model = found
    if model is bool:
        value, rest = read_boolean(raw)
        if rest:
            raise Unplaced("not yes or no")
        return value
    if model is PartialDate or "PartialDate" in str(annotation):
        return read_date(raw)[0].yaml_value()
    if model is int:
        return read_months(raw)
    if model is float:
        amount, qualified = read_money(raw)
        if qualified:
            raise Unplaced("an amount with words around it")
        return amount
    if "list[" in str(annotation):
        return split_list(cell_text(raw))
    if isinstance(model, type) and issubclass(model, StrEnum):
        word = "-".join(words_of(cell_text(raw)))
        if word not in {m.value for m in model}:
            raise Unplaced(f"not one of: {', '.join(m.value for m in model)}")
        return word
    return cell_text(raw)


def date_text(raw: Any) -> str:
    try:
        return read_date(raw)[0].display() if not isinstance(raw, str) else raw.strip()
    except Unplaced:
        return cell_text(raw)


def priority_ids(names: list[str], settings: Settings | None) -> list[str]:
    if settings is None:
        return [propose_id(n, of="priority") for n in names]
    exact = {" ".join(v.casefold().split()): k for k, v in settings.priorities.items()}
    by_words = {normal(v): k for k, v in settings.priorities.items() if normal(v)}
    return [
        n
        if n in settings.priorities
        else exact.get(" ".join(n.casefold().split()))
        or by_words.get(normal(n))
        or propose_id(n, of="priority")
        for n in names
    ]
