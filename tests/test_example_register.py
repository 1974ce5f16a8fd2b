"""The example register: Brentwood's public facts, every kind, and clean."""

import re

import pytest

from partreg.app.register import open_register
from partreg.folders import register_files
from partreg.models import Kind, Status
from tests.common import REPO


def test_it_is_clean_and_complete():
    register = open_register(REPO)
    assert register.problems == []
    assert len(register.entries) >= 10
    assert {e.kind for e in register.entries} == set(Kind)
    assert any(e.status is Status.ENDED for e in register.entries)


def test_the_council_and_its_five_priorities():
    register = open_register(REPO)
    assert register.settings is not None
    assert register.settings.council == "Brentwood Borough Council"
    assert list(register.settings.priorities.values()) == [
        "Growing our economy",
        "Protecting our environment",
        "Developing our communities",
        "Improving housing",
        "Delivering an efficient and effective council",
    ]


def test_every_file_names_its_source_and_marks_illustrative_values():
    for path in register_files(REPO):
        text = path.read_text()
        assert re.search(r"^# Sources?: ", text, re.M), f"{path.name} does not name its source"
        assert "illustrative" in text.lower(), f"{path.name} does not mark what is illustrative"


@pytest.mark.spawns
def test_partreg_classify_agrees_with_every_recorded_kind_and_exits_0():
    from tests.common import run_partreg

    for path in register_files(REPO):
        result = run_partreg(REPO, "classify", path.stem)
        assert result.returncode == 0, (path.stem, result.stdout)
        assert "which agrees" in result.stdout, (path.stem, result.stdout)
        assert "✖" not in result.stdout


def test_it_shows_format_1_1_where_the_public_record_gives_it():
    register = open_register(REPO)
    by_id = {e.id: e for e in register.entries}
    csp = by_id["brentwood-community-safety-partnership"]
    assert csp.form == "statutory-partnership" and csp.reporting is not None
    assert csp.reporting.committee == "Audit and Scrutiny Committee"
    assert by_id["health-and-wellbeing-board"].representatives
    trust = by_id["brentwood-leisure-trust"]
    assert (
        trust.replaced_by == ["brentwood-centre-everyone-active"]
        and trust.contributions[0].loan_gbp == 180000
    )
    assert by_id["brentwood-centre-everyone-active"].replaces == ["brentwood-leisure-trust"]
