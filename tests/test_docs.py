"""Docs are tested: every rule is documented, every command has help with an example and is in the README."""

import inspect
import re

import pytest
from typer.main import get_command

from partreg.cli import app
from partreg.models import DEFAULT_COLUMNS, IndexColumn
from partreg.problems import _sections, rules_markdown
from partreg.rules import ALL
from tests.common import REPO

SECTIONS = ("What it checks:", "Why it matters:", "Example:", "Instead:")
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.id)
def test_rule_has_full_docs(rule):
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.id)
    assert rule.summary.endswith("."), "the first line is a one-sentence summary"
    sections = list(_sections(rule.doc))
    assert [h + ":" for h, _ in sections] == list(SECTIONS), f"{rule.id} needs the sections {SECTIONS}"
    assert all(body for _, body in sections), f"{rule.id} has an empty section"


def test_docs_rules_md_is_current():
    assert (REPO / "docs" / "rules.md").read_text() == rules_markdown(ALL), "run `make docs`"


def test_docs_format_md_is_current_and_documents_every_field():
    from partreg.formatdoc import format_markdown
    from partreg.models import Arrangement

    text = (REPO / "docs" / "format.md").read_text()
    assert text == format_markdown(), "run `make docs`"
    for name in Arrangement.model_fields:
        assert f"| `{name}` |" in text
    for path in (
        "representatives[].member",
        "contributions[].in_kind_gbp",
        "contract.extensions[].until",
        "decisions[].url",
        "reporting.last_report",
        "review.history[].actions[].due",
        "significance.reason",
    ):
        assert f"| `{path}` |" in text, path
    assert "docs/format.md" in (REPO / "README.md").read_text(), "the README points to it"


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.id)
def test_rule_has_a_test_file(rule):
    assert (REPO / "tests" / "rules" / f"test_{rule.id.replace('-', '_')}.py").is_file()


def test_rule_ids_are_unique():
    ids = [r.id for r in ALL]
    assert len(ids) == len(set(ids))


def test_every_rule_module_is_registered():
    modules = {
        p.stem for p in (REPO / "src" / "partreg" / "rules").glob("*.py") if not p.stem.startswith("_")
    }
    assert modules == {r.id.replace("-", "_") for r in ALL}


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_an_example(name):
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help.strip()) > 20
    assert "Example: partreg " + name in command.help
    for param in command.params:
        if param.name not in ("help",):
            assert getattr(param, "help", None), f"{name}: {param.name} has no help"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_readme(name):
    assert f"partreg {name}" in (REPO / "README.md").read_text()


def test_readme_gives_the_two_first_commands():
    text = (REPO / "README.md").read_text()
    assert text.index("make run") < text.index("make test")


def _words(path):
    return " ".join(path.read_text().split()).lower() if path.exists() else None


POLICY = _words(REPO.parent / "shared" / "seed" / "partnerships-policy.txt")
#: The register format as documented: the shared design and the repository's README and format docs.
FORMAT = " ".join(
    t
    for t in (
        _words(REPO.parent / "shared" / "DESIGN.md"),
        _words(REPO / "README.md"),
        _words(REPO / "docs" / "format.md"),
    )
    if t
)
#: Where a council practice a rule rests on is documented: the councils whose registers show it, or
#: this repository's documents.
PRACTICE_SOURCES = (
    "Gravesham",
    "Chorley",
    "Darlington",
    "Manchester",
    "Brentwood",
    "README",
    "DESIGN.md",
    "Transparency Code 2015",
    "360Giving Data Standard",
)


def _fragments(quote):
    return [f for f in re.split(r" \.\.\. |\. ", quote.rstrip(".")) if f]


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.id)
def test_rule_names_the_policy_sentence_format_rule_or_practice_it_enforces(rule):
    """Every rule traces back to a sentence of the policy, a rule of the register format, or a
    council practice and where it is documented (DESIGN.md: "every rule in partreg must trace back")."""
    basis = rule.basis
    assert basis, (
        f"{rule.id}: the last paragraph of 'Why it matters' should start Policy:, Format: or Practice:"
    )
    label = basis.split(":", 1)[0]
    quotes = re.findall(r'"([^"]+)"', basis)
    if label == "Policy":
        if POLICY is None:
            pytest.skip("the policy text is not there")
        assert quotes, f"{rule.id}: quote the policy's sentence"
        for quote in quotes:
            for fragment in _fragments(quote):
                assert fragment.lower() in POLICY, f"{rule.id}: not in the policy: {fragment!r}"
    elif label == "Format":
        assert quotes, f"{rule.id}: quote the format's rule"
        for quote in quotes:
            for fragment in _fragments(quote):
                assert fragment.lower() in FORMAT, f"{rule.id}: not in the format's documents: {fragment!r}"
    else:
        assert any(source in basis for source in PRACTICE_SOURCES), (
            f"{rule.id}: say where the practice is documented"
        )
        for quote in quotes:  # a practice may quote the policy too
            assert POLICY is None or all(f.lower() in POLICY for f in _fragments(quote)), quote


def test_every_column_of_the_index_is_in_the_readme():
    text = (REPO / "README.md").read_text()
    for column in IndexColumn:
        assert f"`{column.value}`" in text, f"the README's table of the index's columns lacks {column.value}"
    assert ", ".join(c.value for c in DEFAULT_COLUMNS) in text.replace("\n", " "), (
        "the README names the defaults"
    )


def test_the_readme_and_the_bench_name_every_rule_that_depends_on_the_day():
    """A rule that reads the day (``ctx.today``) gives another answer tomorrow: the README says which
    they are (a scheduled CI job runs lint for them), and the benchmark's cache runs them again."""
    reads_the_day = {r.id for r in ALL if r.check is not None and "ctx.today" in inspect.getsource(r.check)}
    assert reads_the_day >= {"review-overdue", "ended-not-closed"}
    said = re.search(
        r"- (\w+) rules depend on the day \(([^)]*)\)", " ".join((REPO / "README.md").read_text().split())
    )
    assert said is not None, "the README says which rules depend on the day"
    assert set(re.findall(r"`([a-z-]+)`", said.group(2))) == reads_the_day
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    assert said.group(1).lower() == words[len(reads_the_day)]
    bench = re.search(r"_DAY_AND_REGISTER_RULES = \(([^)]*)\)", (REPO / "bench" / "run.py").read_text())
    assert bench is not None and reads_the_day <= set(re.findall(r'"([a-z-]+)"', bench.group(1)))
