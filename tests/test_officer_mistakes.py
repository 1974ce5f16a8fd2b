"""The mistakes officers make in register files, each with the exact message lint gives, and proof
that doing what the message says fixes the file.

Each case takes a clean entry, breaks it as officers do (a colon in a summary, a tab, "£4,200,000",
"31/03/2024", `notes:`), and checks the message word for word. Then the fix is made *from the
message*: the text it says to write is taken out of the message itself and put in the file, and
lint must then find nothing wrong of that kind (and no error at all).
"""

import datetime as dt
import re

import pytest

from tests.common import lint_text

TODAY = dt.date(2026, 11, 24)

FORUM = """\
id: town-centre-forum
title: Town Centre Forum
kind: joint-working
status: active
summary: Venues, police and the council discuss the town centre at night.
lead:
  role: Licensing Manager
  service: Licensing
partners:
  - name: Essex Police
    sector: public
start: 2024-05-01
review:
  history:
    - {date: 2026-05-01, outcome: continue}
"""

CONTRACT = """\
id: street-cleansing
title: Street cleansing contract
kind: contract
status: active
lead: {role: Street Scene Manager, service: Environment}
partners: [{name: BIFFA, sector: private}]
contract:
  reference: ENV-1
  value_gbp: 1000000
start: 2026-04-01
"""

GRANT = """\
id: scout-hut-grant
title: Scout hut grant
kind: community-funding
status: active
summary: A small grant.
lead: {role: Community Services Manager, service: Community Services}
partners: [{name: Scout Group, sector: voluntary}]
funding:
  amount_gbp: 3500
  period_start: 2026-04-01
  period_end: 2027-03-31
  actions: [Refurbish the scout hut]
start: 2026-04-01
"""


def written(message, after="write "):
    """The text a message says to write: from ``after`` to the first `` (`` or ``;`` or the end."""
    start = message.index(after) + len(after)
    return re.split(r" \(|; |, and ", message[start:])[0].rstrip(".")


def replace_line(text, starting, new):
    """``text`` with the line that starts with ``starting`` (after its indentation) made ``new``,
    indented as it was."""
    lines = text.split("\n")
    [n] = [i for i, line in enumerate(lines) if line.lstrip(" \t-").startswith(starting)]
    indent = re.match(r"[ \t-]*", lines[n]).group()
    lines[n] = indent + new
    return "\n".join(lines)


def by_write(key):
    return lambda text, message: replace_line(text, key, written(message))


def remove_line(starting):
    return lambda text, message: replace_line(text, starting, "").replace("\n\n", "\n")


def as_mapping(starting):
    """The list item that starts with ``starting`` made the mapping the message says to write
    (its ``- `` is the item's own, kept)."""
    return lambda text, message: replace_line(text, starting, written(message).removeprefix("- "))


def indent_the_line(text, message):
    """The line the message names indented two spaces further, as it says."""
    n = int(re.search(r"line (\d+) is more of the text", message).group(1))
    lines = text.split("\n")
    lines[n - 1] = "  " + lines[n - 1]
    return "\n".join(lines)


def spaces(text, message):
    """What the message says: each character pasted for a space replaced with a space."""
    assert "replace it with a space" in message
    return text.replace("\u00a0", " ")


# (case, base, (old, new) that breaks it, rule, exact message, how to apply the message)
CASES = [
    (
        "a quoted start with a # in it, and words after its closing quote",
        FORUM,
        (
            "summary: Venues, police and the council discuss the town centre at night.",
            'summary: "Ref #12 agreed" by Cabinet',
        ),
        "yaml-syntax",
        "is not valid YAML: the text after `summary:` goes on after its closing quote: put the text in quotes: "
        "summary: '\"Ref #12 agreed\" by Cabinet' (the parser says: invalid trailing content after double-quoted "
        "scalar)",
        lambda text, m: replace_line(text, "summary:", written(m, "put the text in quotes: ")),
    ),
    (
        "a key of the lead indented one space less than the one above",
        FORUM,
        ("  service: Licensing", " service: Licensing"),
        "yaml-syntax",
        "is not valid YAML: this line does not line up with the key above it: the keys of one mapping start at "
        "the same column: start `service:` with 2 spaces, as `role:` starts (the parser says: while parsing a "
        "block mapping, did not find expected key)",
        lambda text, message: text.replace(
            "\n service:", "\n" + " " * int(re.search(r"with (\d+) spaces", message).group(1)) + "service:"
        ),
    ),
    (
        "a Windows path in double quotes",
        FORUM,
        (
            "summary: Venues, police and the council discuss the town centre at night.",
            'summary: "Papers at S:\\Shared\\Forum"',
        ),
        "yaml-syntax",
        "is not valid YAML: a \\ inside double quotes starts an escape (\\n, \\t, ...), and not every \\ here "
        "does: write the text in single quotes, in which \\ is itself: summary: 'Papers at S:\\Shared\\Forum' "
        "(the parser says: while parsing a quoted scalar, found unknown escape character)",
        lambda text, message: replace_line(text, "summary:", written(message, "is itself: ")),
    ),
    (
        "a non-breaking space after a key's colon, pasted from a web page",
        FORUM,
        ("title: Town Centre Forum", "title:\u00a0Town Centre Forum"),
        "yaml-syntax",
        "is not valid YAML: a non-breaking space follows `title:` (pasted from a word processor or a web page): "
        "YAML takes an ordinary space after a key's colon: replace it with a space (the parser says: simple key "
        "expect ':')",
        spaces,
    ),
    (
        "keys indented with non-breaking spaces",
        FORUM,
        ("  role: Licensing Manager", "\u00a0\u00a0role: Licensing Manager"),
        "yaml-syntax",
        "is not valid YAML: line 7 is indented with a non-breaking space (pasted from a word processor or a web "
        "page): YAML indents with ordinary spaces only: replace it with a space (the parser says: mapping values "
        "are not allowed in this context)",
        spaces,
    ),
    (
        "a partner listed with a bullet from a word processor",
        FORUM,
        ("  - name: Essex Police", "  • name: Essex Police"),
        "yaml-syntax",
        "is not valid YAML: line 10 starts with •, a bullet or dash from a word processor: YAML starts a list's "
        "item with - and a space: write - in its place (the parser says: mapping values are not allowed in this "
        "context)",
        lambda text, message: text.replace("•", "-"),
    ),
    (
        "a summary wrapped onto a line of its own",
        FORUM,
        ("discuss the town centre at night.", "discuss the town centre\nat night."),
        "yaml-syntax",
        "is not valid YAML: line 6 is more of the text of `summary:`, but it is not indented under `summary:`, so "
        "YAML reads it as a new key: indent it further than `summary:`, as the text's other lines are (the parser "
        "says: simple key expect ':')",
        indent_the_line,
    ),
    (
        "a colon left out after a field's name",
        FORUM,
        ("  service: Licensing", "  service Licensing"),
        "yaml-syntax",
        "is not valid YAML: line 8 starts with `service`, a field's name, without a colon after it: write "
        "`service: Licensing`; or, if the line is more of the text of `role:`, indent it further than `role:`, "
        "as the text's other lines are (the parser says: simple key expect ':')",
        lambda text, message: text.replace("  service Licensing", "  " + message.split("`")[3]),
    ),
    (
        "a paragraph pasted under a folded summary",
        FORUM,
        (
            "summary: Venues, police and the council discuss the town centre at night.",
            "summary: >-\n  Venues, police and the council discuss the town centre at night.\nThey meet monthly.",
        ),
        "yaml-syntax",
        "is not valid YAML: line 7 is more of the text of `summary:`, but it is not indented under `summary:`, so "
        "YAML reads it as a new key: indent it further than `summary:`, as the text's other lines are (the parser "
        "says: simple key expect ':')",
        indent_the_line,
    ),
    (
        "a partner written as plain text",
        FORUM,
        ("    sector: public\n", "    sector: public\n  - Wessex Fire and Rescue\n"),
        "wrong-type",
        "partners[1]: should be a mapping, not 'Wessex Fire and Rescue': write - name: Wessex Fire and Rescue "
        "(each item of partners is a mapping of its fields)",
        as_mapping("Wessex Fire and Rescue"),
    ),
    (
        "a risk written as plain text, with a colon in it",
        FORUM,
        ("start: 2024-05-01\n", "start: 2024-05-01\nrisks:\n  - 'Venues: closures at night'\n"),
        "wrong-type",
        "risks[0]: should be a mapping, not 'Venues: closures at night': write - description: 'Venues: closures "
        "at night' (each item of risks is a mapping of its fields)",
        as_mapping("'Venues: closures"),
    ),
    (
        "colon in a summary",
        FORUM,
        ("summary: Venues", "summary: Note: venues"),
        "yaml-syntax",
        "is not valid YAML: the text after `summary:` has a colon and a space in it, which YAML reads as a new "
        "key: put the text in quotes: summary: 'Note: venues, police and the council discuss the town centre at "
        "night.' (the parser says: mapping values are not allowed in this context)",
        lambda text, m: replace_line(text, "summary:", written(m, "put the text in quotes: ")),
    ),
    (
        "a colon and a Windows path in a summary",
        FORUM,
        ("summary: Venues", "summary: Files at S:\\new\\tenders: see them. Venues"),
        "yaml-syntax",
        "is not valid YAML: the text after `summary:` has a colon and a space in it, which YAML reads as a new "
        "key: put the text in quotes: summary: 'Files at S:\\new\\tenders: see them. Venues, police and the council discuss the town "
        "centre at night.' (the parser says: mapping values are not allowed in this context)",
        lambda text, m: replace_line(text, "summary:", written(m, "put the text in quotes: ")),
    ),
    (
        "a colon in a summary with a comment after it",
        FORUM,
        (
            "summary: Venues, police and the council discuss the town centre at night.",
            "summary: Weekly: all wards  # ask",
        ),
        "yaml-syntax",
        "is not valid YAML: the text after `summary:` has a colon and a space in it, which YAML reads as a new "
        "key: put the text in quotes: summary: 'Weekly: all wards'  # ask (the parser says: mapping values are not allowed in this "
        "context)",
        lambda text, m: replace_line(text, "summary:", written(m, "put the text in quotes: ")),
    ),
    (
        "a summary that starts with a character YAML reads as its own",
        FORUM,
        ("summary: Venues", "summary: @Venues"),
        "yaml-syntax",
        "is not valid YAML: the text after `summary:` starts with @, which YAML reads as its own: put the text "
        "in quotes: summary: '@Venues, police and the council discuss the town centre at night.' (the parser says: "
        "unexpected character: `@')",
        lambda text, m: replace_line(text, "summary:", written(m, "put the text in quotes: ")),
    ),
    (
        "an apostrophe inside single quotes",
        FORUM,
        ("title: Town Centre Forum", "title: 'Council's Town Centre Forum'"),
        "yaml-syntax",
        "is not valid YAML: the text after `title:` goes on after its closing quote: put the text in quotes: "
        "title: 'Council''s Town Centre Forum' (the parser says: invalid trailing content after double-quoted "
        "scalar)",
        lambda text, m: replace_line(text, "title:", written(m, "put the text in quotes: ")),
    ),
    (
        "no space after a list item's dash",
        FORUM,
        ("  - name: Essex Police", "  -name: Essex Police"),
        "yaml-syntax",
        "is not valid YAML: a list item needs a space after its dash: write - name: Essex Police (the parser "
        "says: mapping values are not allowed in this context)",
        lambda text, m: text.replace("  -name: Essex Police", "  " + written(m)),
    ),
    (
        "no space after a key's colon",
        FORUM,
        ("title: Town Centre Forum", "title:Town Centre Forum"),
        "yaml-syntax",
        "is not valid YAML: a key needs a colon and a space after it: write title: Town Centre Forum (the parser "
        "says: simple key expect ':')",
        by_write("title:"),
    ),
    (
        "a tab to indent",
        FORUM,
        ("  role: Licensing", "\trole: Licensing"),
        "yaml-syntax",
        "is not valid YAML: a tab is used to indent or to space a line here: YAML takes spaces only; replace the "
        "tab with spaces (the parser says: tabs disallowed within this context (block indentation))",
        lambda text, m: text.replace("\t", "  "),
    ),
    (
        "a tab after a key's colon, to line values up",
        FORUM,
        ("title: Town Centre Forum", "title:\tTown Centre Forum"),
        "yaml-syntax",
        "is not valid YAML: a tab after the colon of `title:`: partreg reads a key's value after spaces only; "
        "write title: Town Centre Forum (the parser says: ':' must be followed by a valid YAML whitespace)",
        by_write("title:"),
    ),
    (
        "a quote not closed",
        FORUM,
        ("title: Town Centre Forum", 'title: "Town Centre Forum'),
        "yaml-syntax",
        'is not valid YAML: the quoted text that starts here is not closed: add " at its end',
        lambda text, m: replace_line(
            text, "title:", 'title: "Town Centre Forum' + written(m, "add ").split()[0]
        ),
    ),
    (
        "a key indented under the one above",
        FORUM,
        ("  service: Licensing", "    service: Licensing"),
        "yaml-syntax",
        "is not valid YAML: this line is indented more than the line above: start `service:` with 2 spaces, as "
        "`role:` starts (the parser says: mapping values are not allowed in this context)",
        lambda text, m: text.replace(
            "    service:", " " * int(re.search(r"with (\d+) spaces", m).group(1)) + "service:"
        ),
    ),
    (
        "a list item among keys",
        FORUM,
        ("  - name: Essex Police\n    sector: public", "  name: Essex Police\n  - sector: public"),
        "yaml-syntax",
        "is not valid YAML: this line does not line up with the lines around it: in a list each item starts with "
        "`- `, and the keys of one item line up under its first key (- name: ... then   sector: ...) (the parser "
        "says: while parsing a block mapping, did not find expected key)",
        lambda text, m: text.replace(
            "  name: Essex Police\n  - sector: public", "  - name: Essex Police\n    sector: public"
        ),
    ),
    (
        "notes: for internal notes",
        FORUM,
        ("start: 2024-05-01", "notes: Ask the police for figures\nstart: 2024-05-01"),
        "unknown-key",
        "unknown key 'notes': notes that are not published go under `internal:`; write internal: {notes: ...}",
        lambda text, m: replace_line(text, "notes:", written(m).replace("...", "Ask the police for figures")),
    ),
    (
        "end_date: for end",
        FORUM,
        ("start: 2024-05-01", "start: 2024-05-01\nend_date: 2027-03-31"),
        "unknown-key",
        "unknown key 'end_date': the format calls it `end`; write end: instead",
        lambda text, m: text.replace("end_date:", written(m).split()[0]),
    ),
    (
        "start_date: for start",
        FORUM,
        ("start: 2024-05-01", "start_date: 2024-05-01"),
        "unknown-key",
        "unknown key 'start_date': the format calls it `start`; write start: instead",
        lambda text, m: text.replace("start_date:", written(m).split()[0]),
    ),
    (
        "value: for value_gbp",
        CONTRACT,
        ("  value_gbp: 1000000", "  value: 1000000"),
        "unknown-key",
        "unknown key 'value': the format calls it `value_gbp`; write value_gbp: instead",
        lambda text, m: text.replace("value:", written(m).split()[0]),
    ),
    (
        "an amount with £ and commas",
        CONTRACT,
        ("value_gbp: 1000000", 'value_gbp: "£4,200,000"'),
        "wrong-type",
        "value_gbp: should be a number, not '£4,200,000': write value_gbp: 4200000 (an amount is a plain number "
        "of pounds, without £ or commas)",
        by_write("value_gbp:"),
    ),
    (
        "an amount in thousands",
        CONTRACT,
        ("value_gbp: 1000000", "value_gbp: 25k"),
        "wrong-type",
        "value_gbp: should be a number, not '25k': write value_gbp: 25000 (an amount is a plain number of pounds, "
        "without £ or commas)",
        by_write("value_gbp:"),
    ),
    (
        "an amount with what it covers",
        GRANT,
        ("amount_gbp: 3500", "amount_gbp: £3,500 per year"),
        "wrong-type",
        "amount_gbp: should be a number, not '£3,500 per year': write amount_gbp: 3500, and what the amount "
        "covers in `internal: {notes: ...}`",
        by_write("amount_gbp:"),
    ),
    (
        "a date the UK way",
        FORUM,
        ("start: 2024-05-01", "start: 31/03/2024"),
        "wrong-type",
        "start: '31/03/2024' is written the UK way: write 2024-03-31 (files keep dates as YYYY-MM-DD)",
        lambda text, m: replace_line(text, "start:", "start: " + written(m)),
    ),
    (
        "a date in words",
        FORUM,
        ("start: 2024-05-01", "start: 1 April 2024"),
        "wrong-type",
        "start: '1 April 2024' is written the UK way: write 2024-04-01 (files keep dates as YYYY-MM-DD)",
        lambda text, m: replace_line(text, "start:", "start: " + written(m)),
    ),
    (
        "a date that reads either way",
        FORUM,
        ("start: 2024-05-01", "start: 01/04/2024"),
        "wrong-type",
        "start: '01/04/2024' could be read either way: if it is 1 April 2024, write 2024-04-01 (files keep dates "
        "as YYYY-MM-DD)",
        lambda text, m: replace_line(text, "start:", "start: " + written(m)),
    ),
    (
        "no end written as ongoing",
        FORUM,
        ("start: 2024-05-01", "start: 2024-05-01\nend: ongoing"),
        "wrong-type",
        "end: 'ongoing' is not a date: an arrangement with no end date has no `end`; remove the line",
        remove_line("end:"),
    ),
    (
        "a kind in words",
        FORUM,
        ("kind: joint-working", "kind: Joint working"),
        "invalid-value",
        "kind: 'Joint working' is not allowed: write kind: joint-working (one of: partnership, contract, "
        "joint-working, community-funding)",
        by_write("kind:"),
    ),
    (
        "a grant called a grant",
        GRANT,
        ("kind: community-funding", "kind: grant"),
        "invalid-value",
        "kind: 'grant' is not allowed: write kind: community-funding (one of: partnership, contract, "
        "joint-working, community-funding)",
        by_write("kind:"),
    ),
    (
        "a status with a capital",
        FORUM,
        ("status: active", "status: Active"),
        "invalid-value",
        "status: 'Active' is not allowed: write status: active (one of: proposed, active, ended)",
        by_write("status:"),
    ),
    (
        "a status in a spreadsheet's words",
        FORUM,
        ("status: active", "status: current"),
        "invalid-value",
        "status: 'current' is not allowed: write status: active (one of: proposed, active, ended)",
        by_write("status:"),
    ),
    (
        "a sector in words",
        FORUM,
        ("sector: public", "sector: Public sector"),
        "invalid-value",
        "sector: 'Public sector' is not allowed: write sector: public (one of: public, private, voluntary, "
        "community, academic, other)",
        by_write("sector:"),
    ),
    (
        "a review outcome with a capital",
        FORUM,
        ("outcome: continue}", "outcome: Continue}"),
        "invalid-value",
        "outcome: 'Continue' is not allowed: write outcome: continue (one of: continue, amend, exit, reassess, "
        "proposed-for-removal)",
        lambda text, m: text.replace("outcome: Continue", written(m)),
    ),
    (
        "yes for true",
        FORUM,
        ("start: 2024-05-01", "characteristics:\n  discussion_forum: 'Yes'\nstart: 2024-05-01"),
        "wrong-type",
        "discussion_forum: should be true or false, not 'Yes': write discussion_forum: true (YAML 1.2 reads yes, "
        "no, on and off as text)",
        by_write("discussion_forum:"),
    ),
    (
        "priorities as a sentence",
        FORUM,
        ("start: 2024-05-01", "priorities: Developing our communities\nstart: 2024-05-01"),
        "wrong-type",
        "priorities: should be a list, not 'Developing our communities': write a list of priority ids: "
        "priorities: [developing-our-communities]",
        lambda text, m: replace_line(text, "priorities:", written(m, "priority ids: ")),
    ),
    (
        "a partner's name for the list",
        FORUM,
        ("partners:\n  - name: Essex Police\n    sector: public", "partners: Essex Police"),
        "wrong-type",
        "partners: should be a list, not 'Essex Police': write partners: [{name: Essex Police}] (a list, even of "
        "one)",
        by_write("partners:"),
    ),
    (
        "a role for the lead",
        FORUM,
        ("lead:\n  role: Licensing Manager\n  service: Licensing", "lead: Licensing Manager"),
        "wrong-type",
        "lead: should be a mapping, not 'Licensing Manager': write lead: {role: Licensing Manager, service: ...} "
        "(the lead service in place of ...)",
        lambda text, m: replace_line(text, "lead:", written(m).replace("...", "Licensing")),
    ),
    (
        "review months as a number",
        FORUM,
        ("review:\n  history:\n    - {date: 2026-05-01, outcome: continue}", "review: 12"),
        "wrong-type",
        "review: should be a mapping, not 12: write review: {months: 12}",
        by_write("review:"),
    ),
    (
        "review months in words",
        FORUM,
        ("review:\n", "review:\n  months: 12 months\n"),
        "wrong-type",
        "months: should be a whole number, not '12 months': write months: 12 (a whole number of months)",
        by_write("months:"),
    ),
    (
        "an id that is not the file's name",
        FORUM,
        ("id: town-centre-forum", "id: forum"),
        "id-mismatch",
        "the id 'forum' does not match the file name 'town-centre-forum.yaml': write id: town-centre-forum; or, "
        "to keep the id, rename the file with `git mv register/town-centre-forum.yaml register/forum.yaml`, which "
        "never replaces a file",
        by_write("id:"),
    ),
    (
        "a key written twice",
        FORUM,
        ("start: 2024-05-01", "start: 2024-05-01\nsummary: The town centre at night."),
        "duplicate-key",
        "repeats the key 'summary' of line 5: keep one of them",
        remove_line("summary: The town"),
    ),
    (
        "no title",
        FORUM,
        ("title: Town Centre Forum\n", ""),
        "missing-field",
        "'title' is not recorded: add `title:`, the arrangement's public name",
        lambda text, m: text.replace(
            "kind:", re.search(r"add `(\w+:)`", m).group(1) + " Town Centre Forum\nkind:"
        ),
    ),
    (
        "a person's name for the lead's role",
        FORUM,
        ("role: Licensing Manager", "role: Jane Smith"),
        "role-looks-like-a-name",
        "'Jane Smith' looks like a person's name, and the register is published: write the role (for example "
        "`Community Safety Manager`); a councillor goes in `member:` under `lead:`",
        lambda text, m: replace_line(text, "role:", "role: Licensing Manager"),
    ),
]


@pytest.mark.parametrize(
    ("base", "broken", "rule", "message", "fix"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_message_says_what_to_do_and_doing_it_fixes_the_file(base, broken, rule, message, fix):
    assert lint_text(base, today=TODAY) == [], "the clean entry is clean"
    old, new = broken
    assert old in base
    text = base.replace(old, new, 1)
    found = [p for p in lint_text(text, today=TODAY, file_id=_file_id(base)) if p.rule == rule]
    assert [p.message for p in found] == [message]
    fixed = fix(text, found[0].message)
    after = lint_text(fixed, today=TODAY, file_id=_file_id(base))
    assert [p for p in after if p.rule == rule or p.severity == "error"] == [], fixed


def _file_id(text):
    return re.search(r"^id: (\S+)", text, re.MULTILINE).group(1)


def test_there_are_at_least_25_mistakes():
    assert len(CASES) >= 25


def test_word_processor_punctuation_is_named():
    """A full-width colon, and bullets where a list's dashes belong: each named, with the fix."""
    [p] = lint_text("id: forum\ntitle\uff1a Town Centre Forum\n")
    assert (p.rule, p.line, p.column) == ("yaml-syntax", 2, 6)
    assert (
        "line 2 has \uff1a, a full-width colon, where YAML needs : and a space: write 'title: Town Centre"
        in p.message
    )
    one = lint_text("id: forum\ntitle: Forum\npartners:\n  \u2022 name: Essex Police\n")
    [wrong] = [p for p in one if p.rule == "wrong-type"]
    assert "the lines under partners start with \u2022, a bullet from a word processor" in wrong.message
    [twice] = lint_text(
        "id: forum\ntitle: Forum\npartners:\n  \u2022 name: Essex Police\n  \u2022 name: Sport England\n"
    )
    assert (twice.rule, twice.line, twice.column) == ("duplicate-key", 5, 3)
    assert twice.message.startswith("starts with \u2022, a bullet from a word processor")
    assert twice.message.endswith("YAML starts a list's item with - and a space: write - in its place")


def test_yes_for_statutory_is_told_the_law_to_name_too():
    """Following the fix for `statutory: yes` does not then reveal `statutory-without-basis`."""
    from tests.common import PARTNERSHIP

    law = "statutory: true\nstatutory_basis: Crime and Disorder Act 1998\n"
    text = PARTNERSHIP.replace(law, "statutory: yes\n")
    [p] = [p for p in lint_text(text, today=TODAY) if p.rule == "wrong-type"]
    assert p.message == (
        "statutory: should be true or false, not 'yes': write statutory: true (YAML 1.2 reads yes, no, on and "
        "off as text); and name the law that requires it: statutory_basis: the Act and section"
    )
    fixed = text.replace("statutory: yes\n", law)
    assert fixed == PARTNERSHIP and not [
        p for p in lint_text(fixed, today=TODAY) if p.rule.startswith("statutory")
    ]
    named = PARTNERSHIP.replace("statutory: true", "statutory: yes")
    [p] = [p for p in lint_text(named, today=TODAY) if p.rule == "wrong-type"]
    assert p.message.endswith("(YAML 1.2 reads yes, no, on and off as text)")
