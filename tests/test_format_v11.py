"""Format 1.1: every version 1 file still reads and means the same; each new field is valid, is
refused clearly when wrong, survives `partreg review`, and is shown by `show`, the open data and
the page, never where the settings keep it internal."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import textwrap
from pathlib import Path

import jsonschema
import pytest

from partreg.folders import register_files
from partreg.models import Arrangement, PartialDate, arrangement_schema, plain, read_arrangement
from partreg.yaml.reading import load_fast_data
from tests.common import REPO, VALID, lint_text, run_partreg

AS_OF = "2026-01-15"

SETTINGS = """\
council: Test Borough Council
priorities:
  safer-communities: Safer communities
significance:                       # Gravesham's tests: £50,000 or more, or statutory
  tests:
    council-resources: {description: "Council resources of £50,000 or more a year", council_gbp_a_year: 50000}
    statutory: {description: A statutory partnership, statutory: true}
    essential-to-a-priority: {description: Essential to a corporate priority}
  high_when: {at_least: 1}
"""

#: A partnership recording every field format 1.1 adds, with comments that must survive a review.
FULL = """\
# A partnership with every field of format 1.1
id: town-centre-partnership
title: Town Centre Partnership
kind: partnership
form: joint-committee            # a joint committee of the partners
status: active
summary: Businesses, police and the council keep the town centre safe.
lead:
  role: Town Centre Manager
  service: Economic Development
representatives:                 # the council's seats on the board
  - member: Cllr A. Patel
    role: Portfolio Holder for Community Safety
    capacity: voting member
    appointed: 2024-05
  - role: Community Safety Manager
    capacity: adviser
priorities: [safer-communities]
partners:
  - name: Essex Police
    sector: public
  - name: Brentwood BID
    sector: private
agreement:
  type: partnership-agreement
  reference: Town centre partnership agreement
decisions:
  - body: Cabinet
    date: 2024-03-13
    reference: Minute 123
    url: https://democracy.example.gov.uk/minute-123
    summary: Agreed the partnership agreement.
characteristics:
  formal_agreement: true
  shared_objectives: true
  shared_responsibility: true
  independent_partners: true
  agreed_outcomes: true
  discussion_forum: true         # the board also discusses strategy: still a partnership
objectives: [A safer town centre]
outcomes:
  - description: Fewer night-time incidents
    measure: incidents per year
    target: 10% fewer
resources:
  council: {staff: 0.5 FTE coordinator}
  partners: Officer time
contributions:
  - {year: 2023/24, by: council, cash_gbp: 20000}
  - {year: 2024/25, by: council, cash_gbp: 25000, in_kind_gbp: 12000, notes: Officer time at cost}
  - {year: 2024/25, by: Essex Police, in_kind_gbp: 8000}
added_value: Joint tasking.
risks:
  - description: Data not shared
    mitigation: Information sharing agreement
start: 2024-04-01
replaces: [town-centre-forum]
review:
  months: 12
  history:
    - date: 2025-06-30
      outcome: reassess          # look again sooner
      by: Town Centre Manager
      rating: limited
      actions:
        - description: Agree a data sharing protocol
          owner: Community Safety Manager
          due: 2025-12
reporting:
  committee: Audit and Scrutiny Committee
  months: 12
  last_report: 2025-03-12
last_verified: 2025-11-03
rating: limited
significance:
  level: high
  reason: The night-time economy plan depends on it.
  meets: [essential-to-a-priority]
exit_strategy: Six months' notice.
"""

PREDECESSOR = """\
id: town-centre-forum
title: Town Centre Forum
kind: joint-working
status: ended
summary: The forum the partnership replaced.
lead: {role: Town Centre Manager, service: Economic Development}
partners: [{name: Essex Police}]
characteristics: {discussion_forum: true, formal_agreement: false}
start: 2015
end: 2024-03
replaced_by: [town-centre-partnership]
"""

CONTRACT = """\
id: leisure-contract
title: Leisure management contract
kind: contract
status: active
summary: A leisure operator runs the council's centres.
lead: {role: Leisure Manager, service: Leisure}
partners: [{name: Leisure Operator Ltd, sector: private}]
characteristics: {council_sole_procurer: true, provider_profit_motive: true, shared_objectives: false}
contract:
  reference: LEIS-2019
  annual_value_gbp: 6600000      # Epping: £6.6m a year
  whole_life_value_gbp: 66000000
  extensions:                    # 10 + 10 years
    - {years: 10, until: 2039-03-31, status: available}
start: 2019-04-01
end: 2029-03-31
review: {history: [{date: 2025-04-01, outcome: continue}]}
"""


def write_register(root: Path, settings: str = SETTINGS) -> Path:
    (root / "register").mkdir(parents=True)
    (root / "partreg.yaml").write_text(settings)
    for text in (FULL, PREDECESSOR, CONTRACT):
        (root / "register" / f"{load_fast_data(text)['id']}.yaml").write_text(text)
    return root


@pytest.fixture
def register(tmp_path):
    return write_register(tmp_path / "council")


def settings_object():
    from partreg.lint import validate_settings
    from partreg.yaml.reading import parse_document

    settings, problems = validate_settings(parse_document(SETTINGS.encode(), "partreg.yaml"))
    assert problems == [] and settings is not None
    return settings


# ---------------------------------------------------------------------------- version 1 files


def _v1_files():
    fixtures = REPO / "tests" / "fixtures"  # (the example register in register/ shows format 1.1)
    for folder in sorted(p.parent for p in fixtures.glob("*/partreg.yaml")):
        for path in register_files(folder):
            yield str(path.relative_to(REPO)), path.read_text()
    for name, text in VALID.items():
        yield f"tests/common.py:{name}", text


def _as_read(value):
    """Dates as a file writes them, for comparing data read with data written."""
    if isinstance(value, dict):
        return {k: _as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    if isinstance(value, dt.date | PartialDate):
        return PartialDate.parse(value).iso
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9000:
        return str(value)  # a year
    return value


V1_FILES = list(_v1_files())


@pytest.mark.parametrize(("name", "text"), V1_FILES, ids=[name for name, _ in V1_FILES])
@pytest.mark.slow
def test_every_version_1_file_still_validates_unchanged_and_means_the_same(name, text):
    data = load_fast_data(text)
    entry, errors = read_arrangement(data, Path(name).stem)
    assert errors == [], f"{name}: {errors}"
    jsonschema.validate(data, arrangement_schema())
    assert _as_read(plain(entry.model_dump(exclude_unset=True))) == _as_read(data), (
        "every value kept as written"
    )
    for field in ("form", "representatives", "contributions", "decisions", "reporting", "replaces"):
        assert not getattr(entry, field), f"{name}: a version 1 file has no {field}"


def test_a_version_1_significance_is_written_as_it_was():
    entry = Arrangement.model_validate({"id": "x-y-z", "significance": "high"})
    assert entry.significance is not None and entry.significance.level == "high"
    assert entry.model_dump(mode="json", exclude_none=True)["significance"] == "high"
    detailed = Arrangement.model_validate({"id": "x-y-z", "significance": {"level": "high", "reason": "Why"}})
    assert detailed.model_dump(mode="json", exclude_none=True, exclude_defaults=True)["significance"] == {
        "level": "high",
        "reason": "Why",
    }


# ---------------------------------------------------------------------------- valid


@pytest.mark.spawns
def test_the_full_entry_is_valid_and_clean(register):
    result = run_partreg(register, "lint", "--format", "json", "--as-of", AS_OF)
    found = json.loads(result.stdout)["results"]
    assert found == [] and result.returncode == 0
    jsonschema.validate(load_fast_data(FULL), arrangement_schema())
    classified = run_partreg(register, "classify", "town-centre-partnership")
    assert classified.returncode == 0 and "which agrees" in classified.stdout


# ---------------------------------------------------------------------------- invalid, clearly

#: (what the officer wrote instead, in FULL or CONTRACT, the rule, where, and what the message says)
WRONG = [
    (
        "form: joint-committee ",
        "form: partnership board ",
        "invalid-value",
        "5:7",
        "write form: forum (one of: shared-service",
    ),
    (
        "  - member: Cllr A. Patel\n",
        "  - membr: Cllr A. Patel\n",
        "unknown-key",
        "12:5",
        "did you mean 'member'?",
    ),
    ("    appointed: 2024-05\n", "    appointed: May 2024\n", "wrong-type", "15:16", "write 2024-05 "),
    ("year: 2023/24,", "year: 2023-24,", "wrong-type", "49:12", "(did you mean 2023/24?)"),
    ("cash_gbp: 20000}", 'cash_gbp: "£20,000"}', "wrong-type", "49:44", "should be a number"),
    ("    date: 2024-03-13\n", "    date: 13/03/2024\n", "wrong-type", "29:11", "write 2024-03-13 "),
    (
        "  months: 12\n  last_report",
        "  months: 0\n  last_report",
        "wrong-type",
        "71:11",
        "out of range: it should be greater than or equal to 1",
    ),
    (
        "      outcome: reassess ",
        "      outcome: retain ",
        "invalid-value",
        "62:16",
        "reassess, proposed-for-removal",
    ),
    ("      rating: limited\n", "      rating: poor\n", "invalid-value", "64:15", "use one of: substantial"),
    ("          due: 2025-12\n", "          due: soon\n", "wrong-type", "68:16", "write dates as YYYY-MM-DD"),
    (
        "replaces: [town-centre-forum]",
        "replaces: [town-centre-forums]",
        "unknown-reference",
        "57:12",
        "did you mean 'town-centre-forum'?",
    ),
    (
        "replaces: [town-centre-forum]",
        "replaces: [Town Centre Forum]",
        "wrong-type",
        "57:12",
        "replaces[0]: 'Town Centre Forum' is not an entry's id",
    ),
    (
        "last_verified: 2025-11-03",
        "last_verified: last week",
        "wrong-type",
        "73:16",
        "write dates as YYYY-MM-DD",
    ),
    ("  level: high\n", "  level: huge\n", "invalid-value", "76:10", "use one of: low, medium, high"),
    (
        "  meets: [essential-to-a-priority]",
        "  meets: [essential]",
        "unknown-significance-test",
        "78:11",
        "did you mean 'essential-to-a-priority'?",
    ),
    (
        "  reason: The night-time economy plan depends on it.\n",
        "",
        None,
        None,
        None,
    ),  # no override: no reason needed
]
WRONG_CONTRACT = [
    ("annual_value_gbp: 6600000 ", "annual_value_gbp: £6.6m ", "wrong-type", "11:21", "should be a number"),
    (
        "status: available}",
        "status: maybe}",
        "invalid-value",
        "14:46",
        "use one of: available, taken, declined",
    ),
    ("years: 10,", "years: 0,", "wrong-type", "14:15", "greater than 0"),
]


@pytest.mark.parametrize(
    ("right", "wrong", "rule", "where", "said"), WRONG + WRONG_CONTRACT, ids=lambda v: str(v)[:24]
)
@pytest.mark.spawns
def test_a_wrong_value_is_one_clear_problem_at_its_place(register, right, wrong, rule, where, said):
    name = (
        "leisure-contract"
        if (right, wrong, rule, where, said) in WRONG_CONTRACT
        else "town-centre-partnership"
    )
    path = register / "register" / f"{name}.yaml"
    text = path.read_text()
    assert right in text
    path.write_text(text.replace(right, wrong, 1))
    result = run_partreg(register, "lint", "--format", "parsable", "--as-of", AS_OF)
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    if rule is None:
        assert lines == [] and result.returncode == 0
        return
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith(f"register/{name}.yaml:{where}: "), lines[0]
    assert lines[0].endswith(f"({rule})") and said in lines[0], lines[0]


@pytest.mark.spawns
def test_an_officers_level_that_differs_from_the_tests_needs_its_reason(register):
    path = register / "register" / "town-centre-partnership.yaml"
    text = path.read_text().replace("  meets: [essential-to-a-priority]\n", "")
    path.write_text(text.replace("  reason: The night-time economy plan depends on it.\n", ""))
    result = run_partreg(register, "lint", "--format", "parsable", "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    assert "[warning] recorded as high, but the council's tests give low (none of them met)" in result.stdout


# ---------------------------------------------------------------------------- review keeps them


@pytest.mark.spawns
def test_a_review_keeps_every_new_field_and_comment(register):
    for name, text in (("town-centre-partnership", FULL), ("leisure-contract", CONTRACT)):
        path = register / "register" / f"{name}.yaml"
        result = run_partreg(
            register, "review", name, "--date", "2026-01-10", "--outcome", "continue", "--by", "Manager"
        )
        assert result.returncode == 0, result.stderr
        after = path.read_text()
        if name == "town-centre-partnership":  # (a review written in flow style is written again, as a block)
            for line in text.splitlines():
                assert line in after.splitlines(), f"{name}: lost {line!r}"
        old, new = load_fast_data(text), load_fast_data(after)
        added = new["review"]["history"].pop()
        assert added == {"date": "2026-01-10", "outcome": "continue", "by": "Manager"}
        assert new == old, "nothing else changed"
    text = (register / "register" / "town-centre-partnership.yaml").read_text()
    assert "          due: 2025-12\n    - date: 2026-01-10\n" in text, (
        "the review goes after the last one's actions"
    )


# ---------------------------------------------------------------------------- shown everywhere


@pytest.mark.spawns
def test_show_shows_every_new_field(register):
    text = run_partreg(register, "show", "town-centre-partnership", check=True).stdout
    for said in (
        "form: joint-committee",
        "- member: Cllr A. Patel",
        "capacity: voting member",
        "- year: 2024/25",
        "in_kind_gbp: 12000",
        "reference: Minute 123",
        "committee: Audit and Scrutiny Committee",
        "last_report: 2025-03-12",
        "rating: limited",
        "outcome: reassess",
        "- description: Agree a data sharing protocol",
        "replaces:\n  - town-centre-forum",
        "last_verified: 2025-11-03",
        "reason: The night-time economy plan depends on it.",
    ):
        assert said in text, said
    record = json.loads(
        run_partreg(register, "show", "town-centre-partnership", "--format", "json", check=True).stdout
    )
    assert record["representatives"][0] == {
        "member": "Cllr A. Patel",
        "role": "Portfolio Holder for Community Safety",
        "capacity": "voting member",
        "appointed": "2024-05",
    }
    assert record["decisions"][0]["url"] == "https://democracy.example.gov.uk/minute-123"
    assert record["review"]["history"][0]["actions"][0]["due"] == "2025-12"
    assert record["computed"]["significance"] == {
        "level": "high",
        "by": "by the council's tests: Essential to a corporate priority; the officer: The night-time economy plan depends on it.",
        "council_tests": {"level": "high", "met": ["essential-to-a-priority"]},
    }
    contract = json.loads(
        run_partreg(register, "show", "leisure-contract", "--format", "json", check=True).stdout
    )
    assert contract["contract"]["extensions"] == [{"years": 10, "until": "2039-03-31", "status": "available"}]
    assert contract["computed"]["significance"]["council_tests"] == {
        "level": "high",
        "met": ["council-resources"],
    }


@pytest.mark.spawns
def test_the_open_data_carries_every_new_field(register):
    run_partreg(register, "render", "--out", "site", "--as-of", AS_OF, check=True)
    site = register / "site"
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO((site / "register.csv").read_text(encoding="utf-8-sig")))
    }
    row = rows["town-centre-partnership"]
    assert row["form"] == "joint-committee"
    assert row["representatives"] == (
        "Cllr A. Patel, Portfolio Holder for Community Safety (voting member, appointed May 2024); "
        "Community Safety Manager (adviser)"
    )
    assert row["decisions"] == (
        "13 March 2024, Cabinet (Minute 123): Agreed the partnership agreement. "
        "<https://democracy.example.gov.uk/minute-123>"
    )
    assert (row["reporting_committee"], row["reporting_months"], row["last_report"]) == (
        "Audit and Scrutiny Committee",
        "12",
        "2025-03-12",
    )
    assert (row["contributions_year"], row["council_cash_gbp"], row["council_in_kind_gbp"]) == (
        "2024/25",
        "25000",
        "12000",
    )
    assert row["partners_total_gbp"] == "8000" and row["council_loan_gbp"] == ""
    assert (row["rating"], row["last_review_outcome"]) == ("limited", "reassess")
    assert (row["significance"], row["replaces"], row["last_verified"]) == (
        "high",
        "town-centre-forum",
        "2025-11-03",
    )
    assert row["significance_basis"] == (
        "by the council's tests: Essential to a corporate priority; the officer: The night-time economy plan depends on it."
    )
    assert rows["town-centre-forum"]["replaced_by"] == "town-centre-partnership"
    contract = rows["leisure-contract"]
    assert (contract["contract_annual_value_gbp"], contract["contract_whole_life_value_gbp"]) == (
        "6600000",
        "66000000",
    )
    assert contract["contract_extensions"] == "10 years, to 31 March 2039 (available)"
    assert (
        contract["significance_basis"]
        == "by the council's tests: Council resources of £50,000 or more a year"
    )

    data = {a["id"]: a for a in json.loads((site / "register.json").read_text())["arrangements"]}
    assert json.loads((site / "register.json").read_text())["format"] == "partreg register v1.1"
    record = data["town-centre-partnership"]
    assert record["representatives"][1] == "Community Safety Manager (adviser)"
    assert record["replaces"] == ["town-centre-forum"] and record["contributions_year"] == "2024/25"
    assert record["record"]["contributions"][2] == {
        "year": "2024/25",
        "by": "Essex Police",
        "in_kind_gbp": 8000,
    }
    assert record["record"]["review"]["history"][0]["rating"] == "limited"
    assert data["leisure-contract"]["contract_extensions"] == ["10 years, to 31 March 2039 (available)"]


@pytest.mark.spawns
def test_the_page_shows_every_new_field(register):
    run_partreg(register, "render", "--out", "site", "--as-of", AS_OF, check=True)
    page = (register / "site" / "arrangements" / "town-centre-partnership.html").read_text()
    for said in (
        "<dt>Form</dt><dd>Joint committee of councils</dd>",
        '<h2 id="representatives">The council\'s representatives</h2>',
        "<li>Cllr A. Patel, Portfolio Holder for Community Safety (voting member, appointed May 2024)</li>",
        '<td data-label="Year">2024/25</td><td data-label="From">The council</td><td data-label="Cash">£25,000</td>'
        '<td data-label="In kind">£12,000</td>',
        '<td data-label="From">Essex Police</td>',
        '<li><a href="https://democracy.example.gov.uk/minute-123">13 March 2024, Cabinet (Minute 123): Agreed the '
        "partnership agreement.</a></li>",
        "<dt>Reports to</dt><dd>Audit and Scrutiny Committee, every 12 months; last reported 12 March 2025</dd>",
        '<td data-label="Outcome">Reassess</td><td data-label="Rating">Limited</td>',
        "<li>Agree a data sharing protocol (Community Safety Manager; due December 2025)</li>",
        '<dt>Replaces</dt><dd><a href="town-centre-forum.html">town-centre-forum</a></dd>',
        "<dt>Last verified</dt><dd>3 November 2025</dd>",
        "<dt>Significance</dt><dd>High — by the council&#39;s tests: Essential to a corporate priority; the officer: "
        "The night-time economy plan depends on it.</dd>",
    ):
        assert said in page, said
    contract = (register / "site" / "arrangements" / "leisure-contract.html").read_text()
    assert (
        "<dt>Annual value</dt><dd>£6,600,000 a year</dd><dt>Whole-life value</dt><dd>£66,000,000</dd>"
        in contract
    )
    assert "<li>Extension: 10 years, to 31 March 2039 (available)</li>" in contract
    index = (register / "site" / "index.html").read_text()
    assert "£6,600,000 a year" in index, "a contract's annual value, said to be a year's"
    assert "£37,000 a year (in 2024/25)" in index, (
        "the council's money in the latest year, where no yearly funding is given"
    )
    markdown = (register / "site" / "register.md").read_text()
    for said in (
        "- Form: Joint committee of councils",
        "- Council representatives: Cllr A. Patel",
        "- Money 2024/25, The council: £25,000 cash, £12,000 in kind (Officer time at cost)",
        "- Decision: [13 March 2024, Cabinet (Minute 123): Agreed the partnership agreement.](<https://democracy.example.gov.uk/minute-123>)",
        "- Review 30 June 2025: reassess, rated limited; actions: Agree a data sharing protocol",
        "- Replaces: town-centre-forum",
        "- Last verified: 3 November 2025",
    ):
        assert said in markdown, said


# ---------------------------------------------------------------------------- internal stays internal

HIDDEN = ("representatives", "contributions", "decisions", "reporting", "last_verified", "replaces")


@pytest.mark.spawns
def test_fields_the_settings_keep_internal_reach_no_public_output(tmp_path):
    root = write_register(tmp_path / "council", SETTINGS + f"internal_fields: [{', '.join(HIDDEN)}]\n")
    run_partreg(root, "render", "--out", "site", "--as-of", AS_OF, check=True)
    site = root / "site"
    published = "\n".join(
        p.read_text()
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".md", ".csv", ".json")
    )
    for secret in (
        "Cllr A. Patel",
        "Minute 123",
        "Audit and Scrutiny Committee",
        "Officer time at cost",
        "3 November 2025",
        "2025-11-03",
    ):
        assert secret not in published, secret
    page = (site / "arrangements" / "town-centre-partnership.html").read_text()
    assert "town-centre-forum.html" not in page and "Money by year" not in page
    shown = run_partreg(root, "show", "town-centre-partnership", "--format", "json", check=True).stdout
    assert "Cllr A. Patel" not in shown and "Minute 123" not in shown and "2024/25" not in shown
    assert (
        "Cllr A. Patel"
        in run_partreg(root, "show", "town-centre-partnership", "--internal", check=True).stdout
    )


@pytest.mark.spawns
def test_a_significance_the_tests_read_from_internal_fields_is_not_published(tmp_path):
    """The tests' level would tell of the money the council keeps internal: only the officer's is shown."""
    root = write_register(tmp_path / "council", SETTINGS + "internal_fields: [contract]\n")
    run_partreg(root, "render", "--out", "site", "--as-of", AS_OF, check=True)
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO((root / "site" / "register.csv").read_text(encoding="utf-8-sig")))
    }
    assert (
        rows["leisure-contract"]["significance"] == ""
        and "6600000" not in (root / "site" / "register.csv").read_text()
    )
    shown = json.loads(run_partreg(root, "show", "leisure-contract", "--format", "json", check=True).stdout)
    assert "computed" not in shown and "contract" not in shown
    hidden = write_register(tmp_path / "other", SETTINGS + "internal_fields: [significance]\n")
    run_partreg(hidden, "render", "--out", "site", "--as-of", AS_OF, check=True)
    assert "Significance" not in (hidden / "site" / "arrangements" / "leisure-contract.html").read_text()


@pytest.mark.spawns
def test_html_and_markdown_escape_the_new_fields(register):
    path = register / "register" / "town-centre-partnership.yaml"
    hostile = "<script>alert(1)</script> | *x* [y](javascript:z)"
    text = path.read_text().replace("    capacity: voting member\n", f'    capacity: "{hostile}"\n')
    text = text.replace(
        "    url: https://democracy.example.gov.uk/minute-123\n", "    url: javascript:alert(1)\n"
    )
    path.write_text(text)
    run_partreg(register, "render", "--out", "site", "--as-of", AS_OF, check=True)
    page = (register / "site" / "arrangements" / "town-centre-partnership.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "javascript:" not in page.split("<footer")[0].replace("[y](javascript:z)", "")
    markdown = (register / "site" / "register.md").read_text()
    assert "<script>" not in markdown and "\\<script\\>" in markdown and "\\| \\*x\\*" in markdown
    assert "](<javascript" not in markdown


def test_the_new_fields_are_documented_field_by_field():
    text = (REPO / "docs" / "format.md").read_text()
    for path in (
        "form",
        "representatives[].capacity",
        "contributions[].loan_gbp",
        "contract.annual_value_gbp",
        "contract.whole_life_value_gbp",
        "decisions[].reference",
        "reporting.committee",
        "review.history[].rating",
        "replaced_by",
        "last_verified",
        "significance.meets",
    ):
        assert f"| `{path}` |" in text and "| 1.1 |" in text.split(f"| `{path}` |", 1)[1].split("\n", 1)[0], (
            path
        )


def test_the_settings_tests_are_checked():
    from tests.common import settings_problems

    bad = SETTINGS.replace(
        "high_when: {at_least: 1}", "high_when: {required: [council-resource], at_least: 1}"
    )
    [problem] = settings_problems(bad)
    assert "not one of the tests (did you mean 'council-resources'?)" in problem.message
    assert settings_problems(SETTINGS.replace("at_least: 1", "at_least: 5"))[0].message.endswith(
        "no arrangement could pass"
    )
    assert settings_object().significance is not None


def test_significance_by_the_councils_tests():
    """Gravesham: £50,000 or more, or statutory; Chorley: £100,000 a year and three of five."""
    from partreg.models import Settings, SignificanceSettings, SignificanceTest, SignificanceWhen
    from partreg.significance import assess, council_money_a_year

    entry = Arrangement.model_validate(
        {
            "id": "x-y-z",
            "contributions": [
                {"year": "2023/24", "by": "council", "cash_gbp": 30000, "in_kind_gbp": 25000},
                {"year": "2024/25", "by": "council", "loan_gbp": 40000},
                {"year": "2024/25", "by": "Essex Police", "cash_gbp": 900000},
            ],
        }
    )
    assert council_money_a_year(entry) == 55000, "a year's cash, in kind and loans; the council's only"
    gravesham = settings_object()
    assert assess(entry, gravesham).level == "high" and assess(entry, gravesham).met == ["council-resources"]
    chorley = Settings(
        council="Chorley",
        significance=SignificanceSettings(
            tests={
                "money": SignificanceTest(council_gbp_a_year=100000),
                **{f"criterion-{i}": SignificanceTest() for i in range(1, 6)},
            },
            high_when=SignificanceWhen(required=["money"], at_least=3),
        ),
    )
    rich = Arrangement.model_validate(
        {**plain(entry.model_dump(exclude_unset=True)), "resources": {"council": {"funding_gbp": 150000}}}
    )
    assert assess(rich, chorley).level == "low", "the money alone is not enough"
    three = Arrangement.model_validate(
        {
            **plain(rich.model_dump(exclude_unset=True)),
            "significance": {"meets": ["criterion-1", "criterion-2", "criterion-5"]},
        }
    )
    assert assess(three, chorley).level == "high"
    assert assess(Arrangement(id="x-y-z"), None).level is None


def test_the_example_in_the_format_docs_is_valid():
    text = (REPO / "docs" / "format.md").read_text()
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    data = load_fast_data(textwrap.dedent(block))
    entry, errors = read_arrangement({"id": "example", **data}, "example")
    assert errors == [] and entry.contract is not None and entry.contract.extensions[0].years == 10


def test_lint_text_knows_the_new_fields():
    assert [p.rule for p in lint_text(VALID["contract"] + "form: other\nlast_verified: 2025\n")] == []


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("significance: huge\n", "significance: 'huge' is not allowed; use one of: low, medium, high"),
        (
            "significance: 3\n",
            "significance: should be low, medium or high, or a mapping of `level`, `reason` and `meets`",
        ),
        ("significance: {level: huge}\n", "level: 'huge' is not allowed; use one of: low, medium, high"),
    ],
)
def test_a_wrong_significance_is_one_problem_and_the_entry_is_kept(written, said):
    """A value read as a mapping (format 1.0's `significance: high`) that is wrong is set aside alone."""
    [problem] = lint_text(VALID["partnership"] + written)
    assert problem.message == said and problem.line == 30


def test_a_listing_and_the_page_say_the_same_council_money():
    """One reading of what the council puts in, for `list` and the page: a contract's value a year
    first, its whole-life value where that is all there is, a partnership's latest contributions."""
    from partreg.export import council_money, summary_record
    from partreg.yaml.reading import parse_document
    from tests.common import CONTRACT, PARTNERSHIP, replace

    def entry(text):
        return Arrangement.model_validate(parse_document(text.encode(), "x.yaml").data)

    annual = entry(replace(CONTRACT, "value_gbp: 1000000", "annual_value_gbp: 250000"))
    whole = entry(replace(CONTRACT, "value_gbp: 1000000", "whole_life_value_gbp: 2500000"))
    assert (summary_record(annual)["money_gbp"], summary_record(annual)["money_is"]) == (
        250000,
        "contract value a year",
    )
    assert summary_record(whole)["money_is"] == "contract value whole life"
    given = replace(
        PARTNERSHIP, "resources:\n  council: {funding_gbp: 25000}\n  partners: Officer time\n", ""
    )
    given += "contributions:\n  - {year: 2024/25, by: council, cash_gbp: 10000, in_kind_gbp: 5000}\n"
    assert council_money(entry(given)) == (15000, "contributions", " in 2024/25")
    assert summary_record(entry(given))["money_is"] == "council's contributions in 2024/25"
