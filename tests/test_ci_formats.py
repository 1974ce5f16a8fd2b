"""Lint output for CI: GitHub workflow commands, SARIF 2.1.0, --format auto, and rule configuration."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from partreg.rules import ALL
from tests.common import PARTNERSHIP, REPO, check, lint_text, replace
from tests.test_cli import QUIET_DAY


@pytest.fixture
def register(tmp_path):
    shutil.copy(REPO / "partreg.yaml", tmp_path)
    (tmp_path / "register").mkdir()
    text = replace(PARTNERSHIP, "test-partnership", "bad-one").replace(
        "statutory_basis: Crime and Disorder Act 1998\n", ""
    )
    text = (
        text.replace("added_value: Joint tasking.", "added_value: '50%, then: more\\nlines'") + "sumary: x\n"
    )
    (tmp_path / "register" / "bad-one.yaml").write_text(text)
    (tmp_path / "register" / "weird, name: here.yaml").write_text("- not a mapping\n")
    return tmp_path


def lint(cwd, *args, env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "partreg", "lint", "--as-of", QUIET_DAY, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
    )


@pytest.mark.spawns
def test_github_annotations_grouped_per_file_and_escaped(register, tmp_path):
    summary = tmp_path / "summary.md"
    result = lint(register, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "::group::register/bad-one.yaml"
    assert (
        "::error file=register/bad-one.yaml,line=29,col=1,title=unknown-key::unknown key 'sumary' (did you mean 'summary'?)"
        in lines
    )
    assert "::group::register/weird, name: here.yaml" in lines
    assert any(
        line.startswith("::error file=register/weird%2C name%3A here.yaml,line=1,col=1,title=not-a-mapping::")
        for line in lines
    )
    assert lines.count("::endgroup::") == 2
    text = summary.read_text()
    assert text.startswith("### partreg lint: 3 errors, 0 warnings")
    assert "| register/bad-one.yaml | 29:1 | error | `unknown-key` |" in text


def test_github_data_escaping():
    from partreg.report.machine import _gh_data, _gh_property

    assert _gh_data("50%\r\nnext: a, b") == "50%25%0D%0Anext: a, b"
    assert _gh_property("a: b, c%") == "a%3A b%2C c%25"


@pytest.mark.spawns
def test_auto_is_github_under_actions_and_parsable_elsewhere(register):
    under_actions, elsewhere = lint(register, env={"GITHUB_ACTIONS": "true"}), lint(register)
    assert under_actions.returncode == elsewhere.returncode == 1
    assert under_actions.stdout.startswith("::group::")
    assert elsewhere.stdout.startswith("register/bad-one.yaml:13:12: [error] statutory is true")


@pytest.mark.spawns
def test_sarif_has_the_rule_catalogue_and_a_result_per_problem(register):
    result = lint(register, "--format", "sarif")
    sarif = json.loads(result.stdout)
    assert result.returncode == 1
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    [run] = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "partreg" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == [r.id for r in ALL]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and "Why it matters:" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    results = run["results"]
    assert len(results) == 3  # every problem in one run: the rules check what the unknown key did not spoil
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in ("error", "warning", "note", "none") and r["message"]["text"]
        location = r["locations"][0]["physicalLocation"]
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert " " not in location["artifactLocation"]["uri"], "a URI, percent-encoded"
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "register/bad-one.yaml",
        "register/weird%2C%20name%3A%20here.yaml",
    }


# --------------------------------------------------------------------------- configuration


@pytest.mark.spawns
def test_rule_levels_from_the_settings(register):
    settings = register / "partreg.yaml"
    levels = "  unknown-key: warning\n  not-a-mapping: 'off'\n  statutory-without-basis: warning\n"
    settings.write_text(settings.read_text() + "rules:\n" + levels)
    result = lint(register, "--format", "json")
    results = json.loads(result.stdout)["results"]
    # a file that is not a mapping is not read, so it stays an error whatever the level: it is left out
    # of every command, and lint must not pass it over unsaid
    assert sorted((r["rule"], r["severity"]) for r in results) == [
        ("not-a-mapping", "error"),
        ("statutory-without-basis", "warning"),
        ("unknown-key", "warning"),
    ]
    assert result.returncode == 1


@pytest.mark.spawns
def test_a_misspelt_rule_in_the_settings_is_a_problem(register):
    settings = register / "partreg.yaml"
    settings.write_text(settings.read_text() + "rules:\n  unknown-keys: warning\n")
    result = lint(register)
    assert result.returncode == 1
    assert "'unknown-keys' is not a rule (did you mean 'unknown-key'?)" in result.stdout


@pytest.mark.spawns
def test_ignored_files_are_not_checked(register):
    settings = register / "partreg.yaml"
    settings.write_text(settings.read_text() + "ignore: ['register/weird*']\n")
    result = lint(register, "--format", "json")
    assert result.returncode == 1, result.stderr
    assert {r["path"] for r in json.loads(result.stdout)["results"]} == {"register/bad-one.yaml"}
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_inline_disable_with_a_reason():
    text = replace(PARTNERSHIP, "statutory_basis: Crime and Disorder Act 1998\n", "")
    check(text, ("statutory-without-basis", 13, 12))
    disabled = replace(
        text,
        "statutory: true\n",
        "statutory: true   # partreg: disable=statutory-without-basis the basis is being confirmed\n",
    )
    check(disabled)


def test_inline_disable_without_a_reason_or_with_an_unknown_rule():
    text = replace(PARTNERSHIP, "statutory_basis: Crime and Disorder Act 1998\n", "")
    bare = replace(text, "statutory: true\n", "statutory: true  # partreg: disable=statutory-without-basis\n")
    check(bare, ("disable-without-reason", 13, 18))
    wrong = replace(
        text, "statutory: true\n", "statutory: true  # partreg: disable=statutory-without-basi oops\n"
    )
    found = {p.rule: p for p in lint_text(wrong)}
    assert set(found) == {"disable-unknown-rule", "statutory-without-basis"}, "a misspelt id disables nothing"
    unknown = found["disable-unknown-rule"]
    assert "did you mean 'statutory-without-basis'" in unknown.message


def test_github_annotations_name_files_from_the_repositorys_root(tmp_path, monkeypatch):
    import io

    from partreg.entry import _from_workspace
    from partreg.problems import Problem, Severity
    from partreg.report import problems_github

    (tmp_path / "register").mkdir()
    monkeypatch.chdir(tmp_path / "register")  # lint run in register/, as a step may
    here = _from_workspace({"GITHUB_WORKSPACE": str(tmp_path)})
    assert here == "register" and _from_workspace({}) == ""
    assert _from_workspace({"GITHUB_WORKSPACE": str(tmp_path / "register" / "deeper")}) == ""  # not below it
    out = io.StringIO()
    problem = Problem("x.yaml", 3, 5, "wrong-type", Severity.ERROR, "months: write 12")
    problems_github([problem], 1, out, None, here)
    assert "::error file=register/x.yaml,line=3,col=5,title=wrong-type::months: write 12" in out.getvalue()


def test_every_wrong_rule_level_in_the_settings_is_reported_at_once_each_where_it_is():
    # a misspelt rule was reported only once a wrong level beside it was mended, and only the first
    from tests.common import settings_problems

    found = settings_problems(
        "council: Test\nrules:\n  unknown-keys: warning\n  review-overdue: warn\n  persnal-data: off\n  1: off\n"
    )
    assert [(p.line, p.column, p.rule) for p in found] == [
        (3, 3, "wrong-type"),
        (4, 19, "invalid-value"),
        (5, 3, "wrong-type"),
        (6, 3, "wrong-type"),
    ]
    assert found[0].message == "rules: 'unknown-keys' is not a rule (did you mean 'unknown-key'?)"
    assert found[2].message == "rules: 'persnal-data' is not a rule (did you mean 'personal-data'?)"
    assert found[3].message.startswith("rules: should be text")
    assert settings_problems("council: Test\nrules: {review-overdue: off, personal-data: warning}\n") == []
