"""What `partreg init` puts in a new council's register repository: file name -> text."""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, StrictUndefined

from partreg.models import Settings, arrangement_schema
from partreg.questionnaire import propose_id

#: Template file (in templates/init/) -> where it goes in the new repository.
TEMPLATES = {
    "README.md": "README.md",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "workflow.yml": ".github/workflows/partreg.yml",
    "gitignore": ".gitignore",
}


def settings_text(council: str, priorities: list[str]) -> str:
    """``partreg.yaml`` for a new register, checked against the settings model."""
    if not council.strip():
        raise ValueError("the council's name is empty: give it, e.g. --council 'Brentwood Borough Council'")
    ids: dict[str, str] = {}
    for number, name in enumerate(priorities, 1):
        if not name.strip():
            raise ValueError(f"priority {number} is empty: give each priority its name")
        if clash := same_id(name, priorities[: number - 1]):
            raise ValueError(clash)
        ids[priority_id(name, number)] = name
    Settings.model_validate({"council": council, "priorities": ids})  # refuse what would not load
    if ids:
        priority_lines = [
            "priorities:                 # referenced by id from each arrangement's `priorities:`",
            *(f"  {pid}: {json.dumps(name, ensure_ascii=False)}" for pid, name in ids.items()),
        ]
    else:
        priority_lines = [
            "priorities: {}             # add them as id: name, e.g. growing-our-economy: Growing our economy"
        ]
    return "\n".join(
        [
            "# partreg settings: the council, its corporate priorities, reviews, and what is published.",
            f"council: {json.dumps(council, ensure_ascii=False)}",
            "title: Partnership Register",
            *priority_lines,
            "review:",
            "  default_months: 12        # the register is reviewed annually",
            "publish:",
            "  risks: false              # set true to publish each partnership's risks",
            "  contacts: false           # set true to publish lead officers' email and phone",
            "",
        ]
    )


def priority_id(name: str, number: int) -> str:
    """The id ``partreg.yaml`` gives the ``number``-th priority (from 1): from its name, or
    ``priority-N`` for a name with no Latin letters or digits ("经济"), never a shared one."""
    return (
        propose_id(name, of="priority")
        if any(c.isascii() and c.isalnum() for c in name)
        else f"priority-{number}"
    )


def same_id(name: str, before: list[str]) -> str | None:
    """Why ``name`` cannot follow the priorities ``before``: the id it would have is one of theirs;
    ``None`` where it can."""
    pid = priority_id(name, len(before) + 1)
    for number, other in enumerate(before, 1):
        if priority_id(other, number) == pid:
            return (
                f"the priorities {other!r} and {name!r} would both have the id {pid!r}: "
                "give them names that differ by more than case or punctuation"
            )
    return None


#: How the templates install partreg, which ``scaffold`` replaces with where this partreg came from.
INSTALL = "pip install partreg"


def scaffold(
    council: str, priorities: list[str], templates: dict[str, str], install: str = "partreg"
) -> dict[str, str]:
    """Every file of a new register repository, from ``templates`` (name -> text of templates/init/);
    ``install`` is what ``pip install`` is given for partreg (a pinned version, or a git URL)."""
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    context: dict[str, Any] = {"council": council, "title": "Partnership Register"}
    files = {"partreg.yaml": settings_text(council, priorities), "register/.gitkeep": ""}
    for name, target in TEMPLATES.items():
        text = templates[name].replace(INSTALL, f"pip install {install}")
        files[target] = env.from_string(text).render(context) if name == "README.md" else text
    files["schema/arrangement.v1.json"] = (
        json.dumps(arrangement_schema(), indent=2, ensure_ascii=False) + "\n"
    )
    return files
