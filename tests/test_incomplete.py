"""Real registers are incomplete: every entry that can be read is kept, shown and checked in one pass.

The register in tests/fixtures/incomplete-register holds 27 arrangements written the way councils'
published registers record them: no start, a month or a year for a date, a councillor but no
officer, no partners, a statutory partnership with no agreement, an expired contract still active.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil

import jsonschema
import pytest

from partreg.models import arrangement_schema
from partreg.yaml.reading import load_fast_data
from tests.common import (
    COMMUNITY_FUNDING,
    CONTRACT,
    JOINT_WORKING,
    PARTNERSHIP,
    REPO,
    lint_text,
    replace,
    run_partreg,
)

INCOMPLETE = REPO / "tests" / "fixtures" / "incomplete-register"
AS_OF = "2026-11-25"


@pytest.fixture
def incomplete(tmp_path):
    root = tmp_path / "council"
    shutil.copytree(INCOMPLETE, root)
    return root


def ids_of(root):
    return sorted(p.stem for p in (root / "register").glob("*.yaml"))


def test_the_test_register_is_incomplete_in_the_ways_real_ones_are():
    entries = [load_fast_data(p.read_text()) for p in sorted((INCOMPLETE / "register").glob("*.yaml"))]
    assert len(entries) >= 20
    assert sum("start" not in e for e in entries) >= 8
    assert sum(isinstance(e.get("start"), int) or len(str(e.get("start", ""))) == 7 for e in entries) >= 3
    assert sum(set(e.get("lead", {})) == {"member"} for e in entries) >= 4
    assert sum("partners" not in e for e in entries) >= 4
    assert any(e.get("statutory") and "agreement" not in e for e in entries)
    assert any(e.get("status") == "active" and str(e.get("end", "9999")) < "2024" for e in entries)


@pytest.mark.spawns
def test_list_render_and_review_due_show_every_entry(incomplete):
    ids = ids_of(incomplete)
    listed = run_partreg(incomplete, "list", "--format", "json", check=True)
    assert sorted(r["id"] for r in json.loads(listed.stdout)) == ids
    assert listed.stderr == "", "nothing is left out, so nothing is said"

    run_partreg(incomplete, "render", "--out", "site", "--as-of", AS_OF, check=True)
    site = incomplete / "site"
    assert sorted(p.stem for p in (site / "arrangements").iterdir()) == ids
    data = json.loads((site / "register.json").read_text())
    assert sorted(a["id"] for a in data["arrangements"]) == ids and data["files_left_out"] == 0
    rows = list(csv.DictReader(io.StringIO((site / "register.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == ids
    no_start = next(a for a in data["arrangements"] if a["id"] == "kent-chief-executives-group")
    assert no_start["start"] is None and no_start["lead_role"] is None and no_start["partners"] == []
    page = (site / "arrangements" / "kent-chief-executives-group.html").read_text()
    assert (
        "<dt>Started</dt><dd>Not recorded</dd>" in page
        and "<dt>Lead officer</dt><dd>Not recorded</dd>" in page
    )
    assert (
        "<dt>Started</dt><dd>April 2017</dd>"
        in (site / "arrangements" / "leisure-management-contract.html").read_text()
    )
    assert "- Started: 1998" in (site / "register.md").read_text()

    due = run_partreg(
        incomplete, "review-due", "--format", "json", "--as-of", AS_OF, "--within", "3660", check=True
    )
    states = {i["id"]: i["state"] for i in json.loads(due.stdout)}
    ended = {
        e
        for e in ids
        if load_fast_data((incomplete / "register" / f"{e}.yaml").read_text())["status"] == "ended"
    }
    assert set(states) == set(ids) - ended, "every arrangement not closed needs something, and is listed"
    assert states["kent-chief-executives-group"] == "no-review-date"
    assert states["street-cleansing-contract"] == "ended-not-closed"


@pytest.mark.spawns
def test_an_expired_contract_is_published_as_ended_with_no_next_review(incomplete):
    run_partreg(incomplete, "render", "--out", "site", "--as-of", AS_OF, check=True)
    page = (incomplete / "site" / "arrangements" / "street-cleansing-contract.html").read_text()
    assert "<dt>Status</dt><dd>Ended</dd>" in page and "<dt>Ended</dt><dd>31 January 2023</dd>" in page
    assert "Next review" not in page and "Active" not in page
    [record] = [
        a
        for a in json.loads((incomplete / "site" / "register.json").read_text())["arrangements"]
        if a["id"] == "street-cleansing-contract"
    ]
    assert record["status"] == "ended" and record["next_review"] is None
    assert record["record"]["status"] == "active", "the file as written is kept beside it"


@pytest.mark.spawns
def test_lint_reports_every_problem_of_every_entry_in_one_run(incomplete):
    result = run_partreg(incomplete, "lint", "--format", "json", "--as-of", AS_OF)
    assert result.returncode == 1
    results = json.loads(result.stdout)["results"]
    files = {r["path"] for r in results}
    assert len(files) == len(ids_of(incomplete)), "even the most complete entry lacks its added value"
    by_file: dict[str, list[tuple[int, int]]] = {}
    for r in results:
        by_file.setdefault(r["path"], []).append((r["line"], r["column"]))
    assert all(places == sorted(places) for places in by_file.values()), "in line order"
    rules = {r["rule"] for r in results}
    assert {
        "missing-field",
        "start-not-recorded",
        "ended-not-closed",
        "partnership-missing-elements",
    } <= rules
    # a partnership lacking several of the six agreed elements: one problem listing them, not six
    [grouped] = [
        r
        for r in results
        if r["path"].endswith("/cctv-monitoring-partnership.yaml")
        and r["rule"].startswith("partnership-missing")
    ]
    assert grouped["message"].startswith("lacks 6 of the 6 things every partnership must agree")
    # a councillor is a lead: no error for those that name only one, a warning for the service
    by_file = {}
    for r in results:
        by_file.setdefault(r["path"].rsplit("/", 1)[-1], set()).add((r["rule"], r["key"], r["severity"]))
    assert ("lead-service-not-recorded", "lead.service", "warning") in by_file[
        "community-safety-partnership.yaml"
    ]
    assert not any(
        rule == "missing-field" and key.startswith("lead")
        for rule, key, _ in by_file["community-safety-partnership.yaml"]
    )


# ---------------------------------------------------------------------------- one pass

TODAY = dt.date(2026, 11, 25)
REVIEWED = "review:\n  history: [{date: 2026-06-01, outcome: continue}]\n"
CLEAN = {
    "partnership": replace(
        PARTNERSHIP,
        "review:\n  months: 12\n",
        "review:\n  months: 12\n  history: [{date: 2026-06-01, outcome: continue}]\n",
    ),
    "contract": CONTRACT + REVIEWED,
    "joint-working": JOINT_WORKING + REVIEWED,
    "community-funding": COMMUNITY_FUNDING + REVIEWED,
}
#: (file, what the officer wrote, instead of what, the problem it must give (rule, key), the fix)
FAULTS = [
    ("partnership", "sumary:", "summary:", ("unknown-key", "sumary"), None),
    ("partnership", "start: April 2021", "start: 2021-04-01", ("wrong-type", "start"), None),
    (
        "partnership",
        "[developing-communities]",
        "[developing-our-communities]",
        ("unknown-priority", "priorities[0]"),
        None,
    ),
    (
        "partnership",
        "    sector: government",
        "    sector: public",
        ("invalid-value", "partners[0].sector"),
        None,
    ),
    ("partnership", "statutory: yes", "statutory: true", ("wrong-type", "statutory"), None),
    (
        "partnership",
        "# no risks recorded\n",
        "risks:\n  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        ("partnership-missing-risks", "kind"),
        None,
    ),
    ("contract", "status: live", "status: active", ("invalid-value", "status"), None),
    ("contract", "value_gbp: £1m", "value_gbp: 1000000", ("wrong-type", "contract.value_gbp"), None),
    (
        "contract",
        "{role: Street Scene Manager}",
        "{role: Street Scene Manager, service: Environment}",
        ("lead-service-not-recorded", "lead.service"),
        None,
    ),
    (
        "joint-working",
        "# no title\n",
        "title: Health and Wellbeing Board\n",
        ("missing-field", "title"),
        None,
    ),
    (
        "joint-working",
        "# no partners\n",
        "partners: [{name: Health and Wellbeing Board}]\n",
        ("missing-field", "partners"),
        None,
    ),
    # the end has passed, and a review after it went on: the fix is the new end (as the advice's
    # first choice says), not `status: ended`, which the review after that end would contradict
    (
        "joint-working",
        "start: 2014-01-01\nend: 2023-01-31\n",
        "start: 2014-01-01\n",
        ("ended-not-closed", "status"),
        ("end: 2023-01-31", "end: 2028-03-31"),
    ),
    (
        "community-funding",
        "period_end: 31/03/2026",
        "period_end: 2026-03-31",
        ("wrong-type", "funding.period_end"),
        None,
    ),
    (
        "community-funding",
        "  # no actions\n",
        "  actions: [Refurbish the scout hut]\n",
        ("funding-missing-details", "funding"),
        None,
    ),
    ("community-funding", "\n# no start\n", "\nstart: 2025-04-01\n", ("start-not-recorded", "start"), None),
]


def test_fixing_exactly_what_lint_reports_leaves_nothing_to_fix():
    files = dict(CLEAN)
    for name, text in files.items():
        assert lint_text(text, today=TODAY) == [], f"{name} starts clean"
    for name, wrong, right, _, _ in FAULTS:
        files[name] = replace(files[name], right, wrong)

    reported = {name: lint_text(text, today=TODAY) for name, text in files.items()}
    found = {(name, p.rule, p.key) for name, problems in reported.items() for p in problems}
    assert sum(len(p) for p in reported.values()) == len(FAULTS), "one problem for each fault"
    assert found == {(name, *problem) for name, _, _, problem, _ in FAULTS}, "every fault in the one run"

    fixes = {(name, *problem): (fix or (wrong, right)) for name, wrong, right, problem, fix in FAULTS}
    for name, problems in reported.items():
        for p in problems:
            old, new = fixes[(name, p.rule, p.key)]
            files[name] = replace(files[name], old, new)
    assert {name: lint_text(text, today=TODAY) for name, text in files.items()} == {
        name: [] for name in files
    }


def test_four_unrelated_faults_in_one_file_come_together_in_line_order():
    text = replace(PARTNERSHIP, "summary:", "sumary:")
    text = replace(text, "start: 2021-04-01", "start: 01/04/2021")
    text = replace(text, "[developing-our-communities]", "[developing-communities]")
    text = replace(
        text, "risks:\n  - description: Data not shared\n    mitigation: Information sharing agreement\n", ""
    )
    problems = lint_text(text)
    assert [(p.rule, p.line) for p in problems] == [
        ("partnership-missing-risks", 3),
        ("unknown-key", 5),
        ("unknown-priority", 9),
        ("wrong-type", 24),
    ]
    assert "if it is 1 April 2021, write 2021-04-01" in problems[-1].message


# ---------------------------------------------------------------------------- partial dates


@pytest.mark.spawns
def test_partial_dates_round_trip_through_review_add_import_and_every_output(incomplete):
    register = incomplete / "register"
    run_partreg(
        incomplete, "review", "kent-housing-group", "--date", "2025-03", "--outcome", "continue", check=True
    )
    assert (
        (register / "kent-housing-group.yaml")
        .read_text()
        .endswith("review:\n  history:\n    - date: 2025-03\n      outcome: continue\n")
    )
    closed = run_partreg(
        incomplete, "review", "street-cleansing-contract", "--outcome", "exit", "--end", "2023-01", check=True
    )
    assert "it ended in 2023-01, and its status is now ended." in closed.stdout, "a month is not a day"
    text = (register / "street-cleansing-contract.yaml").read_text()
    assert "status: ended" in text and "end: 2023-01\n" in text

    draft = incomplete / "draft.yaml"
    draft.write_text(
        replace(CONTRACT, "test-contract", "a-new-contract").replace("start: 2019-04-01", "start: 2019")
    )
    run_partreg(incomplete, "add", "--from", str(draft), check=True)
    assert "start: 2019\n" in (register / "a-new-contract.yaml").read_text()

    sheet = incomplete / "old.csv"
    sheet.write_text(
        "Title,Type,Purpose,Lead role,Lead service,Partners,Start date\n"
        "Town forum,joint working,Talk,Policy Officer,Policy,Police,April 2016\n"
    )
    assert run_partreg(incomplete, "import", str(sheet), "--write").returncode == 0
    assert "start: 2016-04\n" in (register / "town-forum.yaml").read_text()

    schema = arrangement_schema()
    for path in register.glob("*.yaml"):
        jsonschema.validate(load_fast_data(path.read_text()), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x-y-z", "start": "April 2016"}, schema)

    run_partreg(incomplete, "render", "--out", "site", "--as-of", AS_OF, check=True)
    page = (incomplete / "site" / "arrangements" / "town-forum.html").read_text()
    assert "<dt>Started</dt><dd>April 2016</dd>" in page
    records = {
        a["id"]: a for a in json.loads((incomplete / "site" / "register.json").read_text())["arrangements"]
    }
    assert records["town-forum"]["start"] == "2016-04" and records["a-new-contract"]["start"] == "2019"
    assert records["kent-housing-group"]["last_review"] == "2025-03"
    assert ',"2016-04",' in (incomplete / "site" / "register.csv").read_text()


# ---------------------------------------------------------------------------- files that cannot be read


@pytest.mark.spawns
def test_review_due_cannot_vouch_for_files_it_did_not_read(incomplete):
    (incomplete / "register" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    result = run_partreg(
        incomplete, "review-due", "--fail-on-overdue", "--as-of", "2000-01-01", "--format", "json"
    )
    assert result.returncode == 1
    assert "register/broken.yaml:2:8: is not valid YAML" in result.stderr
    assert "cannot say that nothing is overdue" in result.stderr
    for command in (["list"], ["show", "kent-housing-group"], ["classify", "kent-housing-group"]):
        result = run_partreg(incomplete, *command)
        assert result.returncode == 0, command
        assert "register/broken.yaml:2:8: is not valid YAML" in result.stderr, command
        assert result.stderr.count("so it is left out here") == 1, command


@pytest.mark.spawns
def test_classify_an_entry_with_problems_still_classifies_it(incomplete):
    path = incomplete / "register" / "voluntary-sector-infrastructure-grant.yaml"
    # a grant with no start, no partners and only a councillor as lead, whose facts say what it is
    path.write_text(path.read_text() + "characteristics: {council_funds_fixed_period: true}\n")
    assert run_partreg(incomplete, "lint", str(path), "--as-of", AS_OF).returncode == 1
    result = run_partreg(incomplete, "classify", path.stem, "--format", "json")
    document = json.loads(result.stdout)
    assert result.returncode == 0, result.stderr
    assert (document["recorded"], document["kind"]) == ("community-funding", "community-funding")


@pytest.mark.spawns
def test_a_lead_that_is_only_a_councillor_is_shown_in_review_due(tmp_path):
    """Registers often name the lead councillor and nothing else: review-due shows them, in every format."""
    import shutil

    from tests.common import REPO, run_partreg

    shutil.copy(REPO / "partreg.yaml", tmp_path)
    (tmp_path / "register").mkdir()
    (tmp_path / "register" / "estuary.yaml").write_text(
        "id: estuary\ntitle: Thames Estuary Partnership\nkind: joint-working\nstatus: active\n"
        "summary: Councils along the estuary discuss flood risk.\nlead: {member: Cllr A. Patel}\n"
        "partners: [{name: Thurrock Council}]\nstart: 2016-04\n"
    )
    table = run_partreg(tmp_path, "review-due", "--as-of", "2026-11-24")
    assert table.returncode == 0, table.stderr
    assert "Cllr A. Patel" in table.stdout and "not recorded" not in table.stdout
    csv_out = run_partreg(
        tmp_path, "review-due", "--as-of", "2026-11-24", "--format", "csv", check=True
    ).stdout
    assert '"lead_member"' in csv_out.splitlines()[0] and '"Cllr A. Patel"' in csv_out
    ics = run_partreg(tmp_path, "review-due", "--as-of", "2026-11-24", "--format", "ics", check=True).stdout
    assert "Cllr A. Patel" in ics.replace("\n ", "")  # lines unfolded
