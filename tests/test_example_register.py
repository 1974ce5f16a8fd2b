"""The example register: Brentwood's public facts, every kind, and clean."""

import re

from partreg.models import Kind, Status
from partreg.store import open_register, register_files
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
