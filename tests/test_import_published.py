"""What `partreg import` may put in a field the register publishes: never a person's name where a
role belongs, a person's email address or a phone number, and never a placeholder ("TBC", "Various",
"See attached list") taken for a value. Each is kept in the entry's internal notes and said at its
row and cell; what else the cell says is still read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml_rs

from partreg.app.importing import Planned, plan_import
from partreg.names import looks_like_a_name
from tests.common import new_register, run_partreg

BRIEF = (
    "Partnership name,Lead Officer,Partner organisations,Start date,Statutory (Y/N),"
    "Annual contribution (£),Review frequency,Type\n"
    'Email Lead Thing,jane.smith@rochford.gov.uk,Various,31/02/2024,Y - see note,"£1,234.56",Quarterly,Partnership\n'
    "Phone Lead,Call 01702 546366,Essex Police,01/04/2019 09:30,N,-£500,3 years,Contract\n"
)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return new_register(tmp_path, "Rochford District Council")


def plan(register: Path, text: str | bytes, name: str = "register.csv") -> tuple[Planned, Path]:
    path = register.parent / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return plan_import(register, path, []), path


def cells(planned: Planned, path: Path) -> list[str]:
    return [line.split(": ", 1)[1] for line in planned.lines if line.startswith(str(path))]


def public(data: dict[str, Any]) -> str:
    """An entry as text, without its internal notes."""
    return json.dumps({k: v for k, v in data.items() if k != "internal"}, default=str)


def notes(data: dict[str, Any]) -> list[str]:
    return str(data.get("internal", {}).get("notes", "")).splitlines()


# ---------------------------------------------------------------- a person's details


def test_an_email_address_or_a_phone_number_as_the_lead_is_kept_in_the_notes(register):
    planned, path = plan(register, BRIEF)
    email, phone = (row.data for row in planned.new)
    assert "lead" not in email and "lead" not in phone, "nothing left of the cell is a role"
    assert "Lead Officer: jane.smith@rochford.gov.uk" in notes(email)
    assert "Lead Officer: Call 01702 546366" in notes(phone)
    assert "jane.smith" not in public(email) and "546366" not in public(phone)
    said = cells(planned, path)
    assert (
        "[warning] 'Lead Officer': 'jane.smith@rochford.gov.uk' kept in internal notes: it reads as a "
        "person's email address, and lead.role is published: lead.role (such as 'Community Safety "
        "Manager') is left for you to record"
    ) in said
    assert any(
        line.startswith(f"{path}:3:B: [warning] 'Lead Officer': 'Call 01702 546366' kept")
        for line in planned.lines
    )
    assert "reads as a phone number" in " ".join(said)


def test_a_name_in_a_windows_1252_sheet_is_kept_in_the_notes(register):
    text = "Partnership name,Lead Officer,Partner organisations\nSafer Streets,Sarah O\u2019Connell,Essex Police\n"
    planned, path = plan(register, text.encode("cp1252"))
    [row] = planned.new
    assert "lead" not in row.data
    assert notes(row.data) == ["Lead Officer: Sarah O\u2019Connell"]
    [said] = cells(planned, path)
    assert said.startswith(
        "[warning] 'Lead Officer': 'Sarah O\u2019Connell' kept in internal notes: it reads as a person's name"
    )
    assert f"{path}:2:B:" in "\n".join(planned.lines)


def test_names_written_with_letters_beyond_ascii_are_kept_in_the_notes(register):
    """A Welsh council's sheet, saved by Excel as "CSV" (Windows-1252): its officers' names are
    written with accents, and a councillor named as who decided."""
    text = (
        "Partnership name,Lead Officer,Partner organisations,Decision maker\r\n"
        "Safer Streets,Si\u00e2n Jones,Dyfed-Powys Police,Cabinet\r\n"
        'Housing Forum,"Zo\u00eb Brown, Head of Housing",Tai Ceredigion,Cllr Si\u00e2n Jones\r\n'
        "Youth Forum,Jos\u00e9 Garc\u00eda,Urdd Gobaith Cymru,Full Council\r\n"
        "Grants Panel,Se\u00e1n O'Brien,Ceredigion Association of Voluntary Organisations,Cabinet\r\n"
        "Arts Forum,Ffion Ap Dafydd,Arts Council of Wales,Chief Executive (delegated)\r\n"
        "Caf\u00e9 Forum,Caf\u00e9 Development Officer,Aberystwyth Arts Centre,Cabinet\r\n"
    )
    planned, path = plan(register, text.encode("cp1252"))
    streets, housing, youth, grants, arts, cafe = (row.data for row in planned.new)
    assert [row.data.get("lead") for row in planned.new] == [
        None,
        {"role": "Head of Housing"},
        None,
        None,
        None,
        {"role": "Caf\u00e9 Development Officer"},
    ], "a role with an accent is a role"
    assert [d["decisions"] for d in (streets, youth, grants, arts, cafe)] == [
        [{"body": "Cabinet"}],
        [{"body": "Full Council"}],
        [{"body": "Cabinet"}],
        [{"body": "Chief Executive (delegated)"}],
        [{"body": "Cabinet"}],
    ]
    assert "decisions" not in housing
    assert notes(streets) == ["Lead Officer: Si\u00e2n Jones"]
    assert notes(housing) == [
        "Lead Officer: Zo\u00eb Brown, Head of Housing",
        "Decision maker: Cllr Si\u00e2n Jones",
    ]
    assert notes(youth) == ["Lead Officer: Jos\u00e9 Garc\u00eda"]
    assert notes(grants) == ["Lead Officer: Se\u00e1n O'Brien"]
    assert notes(arts) == ["Lead Officer: Ffion Ap Dafydd"]
    assert notes(cafe) == []
    published = repr([json.loads(public(d)) for d in (streets, housing, youth, grants, arts)])
    assert not any(name in published for name in ("Si\u00e2n", "Zo\u00eb", "Jos\u00e9", "Se\u00e1n", "Ffion"))
    left = "lead.role (such as 'Community Safety Manager') is left for you to record"
    assert cells(planned, path) == [
        f"[warning] 'Lead Officer': 'Si\u00e2n Jones' kept in internal notes: it reads as a person's name, and "
        f"lead.role is published: {left}",
        "[warning] 'Lead Officer': 'Zo\u00eb Brown, Head of Housing' read as lead.role 'Head of Housing' "
        "('Zo\u00eb Brown' reads as a person's name, not published); the whole text is kept in internal notes",
        "[warning] 'Decision maker': 'Cllr Si\u00e2n Jones' kept in internal notes: it reads as a person's name, "
        "and decisions.body is published: decisions.body (such as 'Cabinet' or 'Chief Executive (delegated)') "
        "is left for you to record",
        f"[warning] 'Lead Officer': 'Jos\u00e9 Garc\u00eda' kept in internal notes: it reads as a person's "
        f"name, and lead.role is published: {left}",
        f"[warning] 'Lead Officer': \"Se\u00e1n O'Brien\" kept in internal notes: it reads as a person's name, "
        f"and lead.role is published: {left}",
        f"[warning] 'Lead Officer': 'Ffion Ap Dafydd' kept in internal notes: it reads as a person's name, and "
        f"lead.role is published: {left}",
    ]
    assert [
        line.split(": [", 1)[0].removeprefix(str(path))
        for line in planned.lines
        if line.startswith(str(path))
    ] == [
        ":2:B",
        ":3:B",
        ":3:D",
        ":4:B",
        ":5:B",
        ":6:B",
    ]


def test_a_name_beside_a_role_leaves_the_role(register):
    planned, path = plan(
        register,
        "Partnership name;Lead Officer;Partner organisations\n"
        "Homelessness Forum;Joe Bloggs, Head of Housing;Shelter\n"
        "Safer Streets;Community Safety Manager (01702 546366);Essex Police\n"
        "Youth Forum;Mary Jones (Youth Officer);Essex County Council\n"
        "Grants Panel;Joe Bloggs, TBC;Essex County Council\n",
    )
    forum, streets, youth, panel = (row.data for row in planned.new)
    assert "lead" not in panel, "what is left beside the name is a placeholder"
    assert forum["lead"] == {"role": "Head of Housing"}
    assert streets["lead"] == {"role": "Community Safety Manager"}
    assert youth["lead"] == {"role": "Youth Officer"}
    assert notes(forum) == ["Lead Officer: Joe Bloggs, Head of Housing"], "the whole cell: nothing is lost"
    assert "[warning] 'Lead Officer': 'Joe Bloggs, Head of Housing' read as lead.role 'Head of Housing' " in (
        "\n".join(cells(planned, path))
    )
    assert "'Joe Bloggs' reads as a person's name, not published" in cells(planned, path)[0]


def test_a_service_mailbox_is_no_persons(register):
    planned, path = plan(
        register,
        "Partnership name,Lead Officer,Partners\nHousing forum,housing@council.gov.uk,Shelter\n",
    )
    [row] = planned.new
    assert row.data["lead"] == {"role": "housing@council.gov.uk"}
    assert cells(planned, path) == []


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Partnership name", "title"),
        ("Aims / purpose", "summary"),
        ("Directorate", "lead"),
        ("Portfolio Holder", "lead"),
        ("Partner organisations", "partners"),
        ("Legislation", "statutory_basis"),
        ("Objectives", "objectives"),
        ("Exit strategy", "exit_strategy"),
        ("Added value", "added_value"),
        ("Contract reference", "contract"),
        ("Council representative", "representatives"),
        ("Decision", "decisions"),
        ("Reports to", "reporting"),
        ("Outcomes", "outcomes"),
        ("Website", "links"),
    ],
)
@pytest.mark.parametrize("said", ["ring jo.bloggs@rochford.gov.uk", "ring 01702 546366"])
def test_no_published_field_import_fills_takes_a_persons_email_or_phone(register, header, field, said):
    detail = said.split(maxsplit=1)[1]
    cell = f"https://example.org/?{detail}" if field == "links" else f"Details: {said}"
    planned, path = plan(
        register,
        f"Partnership name,Type,Partners,{header}\nCSP,Partnership,Essex Police,{cell}\n".replace(
            "Partnership name,Type,Partners,Partnership name", "Ref,Type,Partners,Partnership name"
        ),
    )
    [row] = planned.new
    assert detail not in public(row.data)
    assert f"{header}: {cell}" in notes(row.data)
    assert f"{path}:2:D: [warning] '{header}': " in "\n".join(planned.lines)


@pytest.mark.parametrize(
    "cell", ["Head of Housing Jane Smith", '"Head of Housing\nJane Smith"', '"Jane Smith\nHead of Housing"']
)
def test_a_lead_officer_cell_naming_the_officer_beside_the_role_publishes_the_role_alone(register, cell):
    """A cell of two lines, or a name run on after the role: the name had been published as part
    of the role, and nothing said so."""
    planned, path = plan(register, f"Partnership name,Partners,Lead Officer\nCSP,Essex Police,{cell}\n")
    [row] = planned.new
    assert row.data["lead"]["role"] == "Head of Housing"
    assert "Jane Smith" not in public(row.data)
    assert f"{path}:2:C: [warning] 'Lead Officer': " in "\n".join(planned.lines)
    assert "'Jane Smith' reads as a person's name, not published" in "\n".join(planned.lines)


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("Head of Housing Jane Smith", "Head of Housing", "Jane Smith"),
        ("Jane Smith Head of Housing", "Head of Housing", "Jane Smith"),
        ("Cllr Jane Smith Portfolio Holder", "Portfolio Holder", "Cllr Jane Smith"),
        ("Head of Housing Dr Jane Smith", "Head of Housing", "Dr Jane Smith"),
        ("Community Safety Manager Mrs J Smith", "Community Safety Manager", "Mrs J Smith"),
        ("Lead Member Cllr Bill Smith", "Lead Member", "Cllr Bill Smith"),
        ("Head of Housing\nJane Smith", "Head of Housing", "Jane Smith"),
        ("Bill Payments Officer", "Bill Payments Officer", None),
        ("Victoria Gate Project Manager", "Victoria Gate Project Manager", None),
    ],
)
def test_a_name_run_on_beside_a_role_is_taken_out_whole_and_the_role_kept_whole(text, role, name):
    """The longest name first: "Cllr Jane Smith Portfolio Holder" had kept "Smith Portfolio Holder"
    as the role; and a role's own words are no name ("Bill Payments Officer" had become "Officer")."""
    from partreg.names import without_person

    left, taken = without_person(text)
    assert (left, [t for t, _ in taken]) == (role, [name] if name else [])


def test_a_field_the_council_keeps_internal_keeps_what_the_sheet_says(register):
    (register / "partreg.yaml").write_text(
        "council: Rochford District Council\ninternal_fields: [exit_strategy]\n", encoding="utf-8"
    )
    planned, path = plan(
        register, "Partnership name,Partners,Exit strategy\nCSP,Essex Police,Ring 01702 546366\n"
    )
    [row] = planned.new
    assert row.data["exit_strategy"] == "Ring 01702 546366", "never published: nothing to keep out"
    assert cells(planned, path) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sarah Jones",
        "Sarah Jones, Head of Housing",
        "Head of Housing (Sarah Jones)",
        "Housing Manager - Jane Smith",
        "J. Smith",
        "Mrs J Smith",
        "Smith, Jane",
        "Centre Manager, Victoria Park",
        "Head of Housing",
        "Grace Lane",
        "Si\u00e2n Jones",
        "Zo\u00eb Brown, Head of Housing",
        "Rheolwr Tai - Se\u00e1n O'Brien",
        "Garc\u00eda, Jos\u00e9",
        "Caf\u00e9 Development Officer",
        "Ruby Trust (contact: Sarah Jones)",
        "Ruby Trust c/o Sarah Jones",
        "Ruby Trust (c/o Sarah Jones)",
        "contact:Sarah Jones",
        "Housing/Health Manager",
        "Contact name: Sarah Jones",
        "Housing Manager: Sarah Jones",
        "Main contact: Housing Team",
        "Sarah Jones MBE",
        "Sarah-Jane Smith",
        "Sir John Moore Foundation",
        "Mrs Ruby Trust",
        "Nia Centre",
        "Head of Housing Jane Smith",
        "Jane Smith Head of Housing",
        "Head of Housing\nJane Smith",
        "Jane Smith\nHead of Housing",
        "Centre Manager Grace Lane",
    ],
)
def test_import_takes_out_a_name_wherever_lint_finds_one(text):
    from partreg.names import without_person

    left, taken = without_person(text)
    assert bool(taken) == looks_like_a_name(text)
    assert not looks_like_a_name(left)


# ---------------------------------------------------------------- placeholders


def test_a_list_cell_whose_line_ends_with_and_reads_each_line_as_a_partner_without_it(register):
    """A cell typed as prose over lines: "NHS Southend CCG and" had been written, and published, as
    a partner's name, without a word."""
    planned, path = plan(
        register,
        "Partnership name,Partner Organisations,Objectives\n"
        '"Children\'s Partnership","Essex Police\nNHS Southend CCG and\nSouthend Association of Voluntary '
        'Services","Fewer exclusions, and\nbetter attendance"\n',
    )
    [row] = planned.new
    assert [p["name"] for p in row.data["partners"]] == [
        "Essex Police",
        "NHS Southend CCG",
        "Southend Association of Voluntary Services",
    ]
    assert row.data["objectives"] == ["Fewer exclusions", "better attendance"]
    assert cells(planned, path) == [
        "[warning] 'Partner Organisations': 'NHS Southend CCG and' ends with 'and': each line is read as one "
        "item, without it; if an item goes on over two lines, join them",
        "[warning] 'Objectives': 'Fewer exclusions, and' ends with 'and': each line is read as one item, "
        "without it; if an item goes on over two lines, join them",
    ]


def test_placeholders_are_no_values(register):
    planned, path = plan(
        register,
        "Partnership name,Partner organisations,Statutory (Y/N),Legislation,Objectives\n"
        "A,Various,Y - see note,,TBC\n"
        "B,See attached list,Yes (see notes),,\n"
        "C,TBC,Y,To be confirmed,\n"
        "D,N/A,N,,\n"
        "E,Various partners,,,\n"
        "F,Essex Police; N/A; various,,,\n"
        "G,Various Voices Choir and Community Theatre Group,,,\n"
        "H,See Hear Trust,,,\n",
    )
    data = {row.data["title"]: row.data for row in planned.new}
    for title in "ABCDE":
        assert "partners" not in data[title], title
    assert data["F"]["partners"] == [{"name": "Essex Police"}]
    assert data["G"]["partners"] == [{"name": "Various Voices Choir and Community Theatre Group"}]
    assert data["H"]["partners"] == [{"name": "See Hear Trust"}], "a name that starts as a placeholder does"
    assert data["A"]["statutory"] is True and "statutory_basis" not in data["A"]
    assert data["B"]["statutory"] is True and "statutory_basis" not in data["B"]
    assert "statutory_basis" not in data["C"] and "objectives" not in data["A"]
    assert notes(data["A"]) == [
        "Partner organisations: Various",
        "Statutory (Y/N): Y - see note",
        "Objectives: TBC",
    ]
    said = cells(planned, path)
    assert (
        "[warning] 'Partner organisations': 'Various' kept in internal notes: a placeholder, not a value: "
        "partners is left for you to record"
    ) in said
    assert (
        "[warning] 'Statutory (Y/N)': 'Y - see note' read as yes ('see note': a placeholder, not a value); "
        "the whole text is kept in internal notes"
    ) in said
    assert (
        "[warning] 'Partner organisations': 'Essex Police; N/A; various' read as partners 'Essex Police' "
        "('N/A', 'various': placeholders, not partners); the whole text is kept in internal notes"
    ) in said
    assert not any(line.startswith(f"{path}:5:") for line in planned.lines), "N/A alone says there is none"


def test_words_that_say_only_that_nothing_is_known_are_no_values(register):
    """'dunno' or "don't know" in a cell was published as the lead's role, or as a partner, which
    lint then told the officer to remove: import keeps it in the notes, as it keeps 'TBC'."""
    planned, path = plan(
        register,
        "Partnership name,Lead Officer,Partner organisations\n"
        "A,dunno,Dunno\n"
        "B,Don\u2019t know,Essex Police; dunno\n",
    )
    data = {row.data["title"]: row.data for row in planned.new}
    assert "lead" not in data["A"] and "partners" not in data["A"]
    assert "lead" not in data["B"] and data["B"]["partners"] == [{"name": "Essex Police"}]
    assert notes(data["A"]) == ["Lead Officer: dunno", "Partner organisations: Dunno"]
    said = cells(planned, path)
    assert (
        "[warning] 'Lead Officer': 'dunno' kept in internal notes: a placeholder, not a value: lead.role "
        "(such as 'Community Safety Manager') is left for you to record"
    ) in said


# ---------------------------------------------------------------- as an officer runs it


@pytest.mark.spawns
def test_nothing_private_or_a_placeholder_reaches_the_published_site(tmp_path):
    run_partreg(tmp_path, "init", "reg", "--council", "Rochford District Council", check=True)
    base = tmp_path / "reg"
    (tmp_path / "a.csv").write_text(BRIEF, encoding="utf-8")
    (tmp_path / "w.csv").write_bytes(
        "Partnership name,Lead Officer,Partner organisations\nSafer Streets,Sarah O\u2019Connell,Essex Police\n".encode(
            "cp1252"
        )
    )
    (tmp_path / "s.csv").write_text(
        "Partnership name;Lead Officer;Partner organisations\nHomelessness Forum;Joe Bloggs, Head of Housing;Shelter\n",
        encoding="utf-8",
    )
    for name in ("a.csv", "w.csv", "s.csv"):
        done = run_partreg(base, "import", str(tmp_path / name), "--write")
        assert done.returncode == 1 and "Wrote" in done.stdout, done.stderr
    linted = run_partreg(base, "lint")
    assert "personal-data" not in linted.stdout and "role-looks-like-a-name" not in linted.stdout
    listed = run_partreg(base, "list", "--format", "json", check=True).stdout
    run_partreg(base, "render", "--out", str(tmp_path / "site"), check=True)
    site = "".join(p.read_text("utf-8") for p in (tmp_path / "site").rglob("*") if p.is_file())
    for private in ("jane.smith", "546366", "O\u2019Connell", "Bloggs", "see note", "Various"):
        assert private not in site and private not in listed, private
    assert "Head of Housing" in site
    forum = yaml_rs.loads((base / "register" / "homelessness-forum.yaml").read_text("utf-8"))
    assert forum["internal"]["notes"] == "Lead Officer: Joe Bloggs, Head of Housing"


def test_a_placeholder_among_a_lists_items_is_judged_as_an_item(register):
    """'TBC; Essex Police' had been taken whole for a placeholder, losing Essex Police; 'Essex Police,
    Sport England, TBC' and 'NHS Mid Essex, see attached list' had become one partner each."""
    planned, path = plan(
        register,
        "Partnership name,Partner organisations,Objectives\n"
        'A,"TBC; Essex Police; Sport England","TBC; Reduce crime"\n'
        'B,"Essex Police, Sport England, TBC",\n'
        'C,"NHS Mid Essex, see attached list",\n',
    )
    data = {row.data["title"]: row.data for row in planned.new}
    assert data["A"]["partners"] == [{"name": "Essex Police"}, {"name": "Sport England"}]
    assert data["A"]["objectives"] == ["Reduce crime"]
    assert data["B"]["partners"] == [{"name": "Essex Police"}, {"name": "Sport England"}]
    assert data["C"]["partners"] == [{"name": "NHS Mid Essex"}]
    for title in "ABC":
        assert "TBC" not in public(data[title]) and "attached" not in public(data[title]), title
    said = cells(planned, path)
    assert (
        "[warning] 'Partner organisations': 'NHS Mid Essex, see attached list' read as partners 'NHS Mid Essex' "
        "('see attached list': a placeholder, not partners); the whole text is kept in internal notes"
    ) in said
    assert "[note] 'Partner organisations': read as 2 partners, separated by commas" in said


def test_a_comma_list_that_starts_with_a_placeholder_keeps_the_rest(register):
    planned, path = plan(
        register,
        'Partnership name,Partner organisations\nA,"TBC, Essex Police, Essex County Council"\nB,"Essex Police, TBC"\n',
    )
    data = {row.data["title"]: row.data for row in planned.new}
    assert data["A"]["partners"] == [{"name": "Essex Police"}, {"name": "Essex County Council"}]
    assert data["B"]["partners"] == [{"name": "Essex Police"}]
    said = cells(planned, path)
    assert not any("read as 1 partner" in line for line in said)


def test_a_representatives_name_is_kept_in_the_notes_and_a_councillor_is_named(register):
    """A councillor holds a public office and is named; an officer is named by the role, as the lead."""
    planned, _ = plan(
        register,
        "Partnership name,Council representative\n"
        'Housing forum,"Jane Smith; Cllr A. Patel; John Brown (Housing Officer)"\n',
    )
    [row] = planned.new
    assert row.data["representatives"] == [{"member": "Cllr A. Patel"}, {"role": "Housing Officer"}]
    assert "Jane Smith" not in public(row.data) and "John Brown" not in public(row.data)
    assert any("Jane Smith" in line for line in notes(row.data))


def test_a_cell_that_gives_no_item_writes_no_empty_list(register):
    """A representatives cell holding only a person's name had written `representatives: []`."""
    planned, _ = plan(register, "Partnership name,Council representative\nB,Jane Smith\n")
    [row] = planned.new
    assert "representatives" not in row.data


# ---------------------------------------------------------------- who decided

#: A council's sheet as Excel saves it as CSV (Windows-1252): who decided, in the council's words.
DECIDED = (
    "Partnership name,Lead Officer,Partner organisations,Decision,Decision date,Approved by\n"
    "Safer Streets,Community Safety Manager,Essex Police,Agreed to join,12/03/2024,Cllr J Smith\n"
    'Leisure contract,Leisure Manager,Everyone Active,Contract awarded,01/04/2016,"Approved by John Smith, Director"\n'
    "Grants panel,Head of Communities,Rochford CVS,Agreed,01/04/2020,Councillor Siobhan O\u2019Connell\n"
    "Youth forum,Youth Officer,Essex County Council,Approved - Cllr A Patel,01/05/2021,Cabinet\n"
    "Waste partnership,Waste Manager,Essex County Council,Agreed,01/06/2019,Full Council\n"
    'Economic partnership,Head of Economy,South Essex Councils,Agreed,01/07/2022,"Policy, Resources and '
    'Economic Development Committee"\n'
    "Health board,Head of Health,Mid and South Essex NHS,Agreed,01/08/2023,Chief Executive (delegated)\n"
    "Housing board,Head of Housing,Sanctuary Housing,Agreed,01/09/2023,j.smith@rochford.gov.uk\n"
    "Tourism forum,Tourism Officer,Visit Essex,Agreed,01/10/2023,Cabinet Member for Housing (Cllr J Smith)\n"
)


def test_who_decided_is_a_body_or_an_office_never_a_persons_name(register):
    """'Approved by' holding 'Cllr J Smith' had put the name in decisions[].body, which the page
    publishes; a councillor's name is a person's there as in the lead's role (their office is kept)."""
    planned, path = plan(register, DECIDED.encode("cp1252"))
    data = {row.data["title"]: row.data for row in planned.new}
    decided = {title: entry["decisions"][0] for title, entry in data.items()}
    for title in ("Safer Streets", "Grants panel", "Housing board"):
        assert "body" not in decided[title], title
    assert decided["Leisure contract"]["body"] == "Director"
    assert decided["Youth forum"] == {"summary": "Approved", "date": dt.date(2021, 5, 1), "body": "Cabinet"}
    assert decided["Waste partnership"]["body"] == "Full Council"
    assert decided["Economic partnership"]["body"] == "Policy, Resources and Economic Development Committee"
    assert decided["Health board"]["body"] == "Chief Executive (delegated)"
    assert decided["Tourism forum"]["body"] == "Cabinet Member for Housing"
    assert decided["Safer Streets"] == {"summary": "Agreed to join", "date": dt.date(2024, 3, 12)}
    for title, entry in data.items():
        for private in ("Smith", "O\u2019Connell", "Patel", "j.smith"):
            assert private not in public(entry), (title, private)
    assert notes(data["Safer Streets"]) == ["Approved by: Cllr J Smith"]
    assert notes(data["Leisure contract"]) == ["Approved by: Approved by John Smith, Director"]
    assert notes(data["Youth forum"]) == ["Decision: Approved - Cllr A Patel"]
    said = "\n".join(planned.lines)
    assert (
        f"{path}:2:F: [warning] 'Approved by': 'Cllr J Smith' kept in internal notes: it reads as a person's "
        "name, and decisions.body is published: decisions.body (such as 'Cabinet' or 'Chief Executive "
        "(delegated)') is left for you to record"
    ) in said
    assert (
        f"{path}:3:F: [warning] 'Approved by': 'Approved by John Smith, Director' read as decisions.body "
        "'Director' ('Approved by John Smith' reads as a person's name, not published); the whole text is "
        "kept in internal notes"
    ) in said
    assert (
        f"{path}:4:F: [warning] 'Approved by': 'Councillor Siobhan O\u2019Connell' kept in internal notes"
        in said
    )
    assert (
        f"{path}:5:D: [warning] 'Decision': 'Approved - Cllr A Patel' read as decisions.summary 'Approved'"
        in said
    )
    assert f"{path}:9:F: [warning] 'Approved by': 'j.smith@rochford.gov.uk' kept in internal notes" in said
    assert not any(line.startswith(f"{path}:{row}:") for row in (6, 7, 8) for line in planned.lines), (
        "a body is kept, and nothing said of it"
    )


@pytest.mark.spawns
def test_a_decision_makers_name_never_reaches_the_published_site(tmp_path):
    run_partreg(tmp_path, "init", "reg", "--council", "Rochford District Council", check=True)
    base = tmp_path / "reg"
    (tmp_path / "decisions.csv").write_bytes(DECIDED.encode("cp1252"))
    done = run_partreg(base, "import", str(tmp_path / "decisions.csv"), "--write")
    assert done.returncode == 1 and "Wrote 9 files" in done.stdout, done.stdout + done.stderr
    run_partreg(base, "render", "--out", str(tmp_path / "site"), check=True)
    site = "".join(p.read_text("utf-8") for p in (tmp_path / "site").rglob("*") if p.is_file())
    for private in ("J Smith", "John Smith", "O\u2019Connell", "Patel", "j.smith@"):
        assert private not in site, private
    for body in (
        "Full Council",
        "Policy, Resources and Economic Development Committee",
        "Chief Executive (delegated)",
    ):
        assert body in site, body
    safer = yaml_rs.loads((base / "register" / "safer-streets.yaml").read_text("utf-8"))
    assert safer["internal"]["notes"] == "Approved by: Cllr J Smith"


def test_a_partner_that_may_be_two_bodies_joined_by_and_is_asked_about(register):
    """ "Home Office and Essex PFCC" was kept as one partner without a word; it is still kept (some
    one body reads so), and the officer is asked to check; "Mid and South Essex NHS" is not asked."""
    planned, path = plan(
        register,
        "Partnership name,Partner organisations\n"
        "Safer Streets,Home Office and Essex PFCC\n"
        "Health board,Mid and South Essex NHS\n",
    )
    data = {row.data["title"]: row.data for row in planned.new}
    assert data["Safer Streets"]["partners"] == [{"name": "Home Office and Essex PFCC"}]
    said = cells(planned, path)
    assert (
        "[note] 'Partner organisations': 'Home Office and Essex PFCC' kept as one partner: if it names "
        "several, separate them with ';'"
    ) in said
    assert not any("Mid and South Essex NHS" in line for line in said)
