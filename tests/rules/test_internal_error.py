"""A fault in partreg on one file is that file's one problem; every other file is still checked."""

import dataclasses
import json

from partreg import runner
from partreg.lint import Linter
from partreg.rules import ALL, BY_ID
from partreg.yaml import reading
from tests.common import CONTRACT, PARTNERSHIP, SETTINGS, replace
from tests.test_cli import partreg


def _two_files(register):
    (register / "register" / "broken-by-a-fault.yaml").write_text(
        replace(PARTNERSHIP, "id: test-partnership", "id: broken-by-a-fault")
    )
    (register / "register" / "test-contract.yaml").write_text(
        replace(CONTRACT, "status: active", "status: nope")
    )


def _results(register):
    code, out, err = partreg("lint", "--format", "json", "--jobs", "1", cwd=register)
    return code, [(r["path"], r["rule"]) for r in json.loads(out)["results"]], out, err


def test_a_rule_that_fails_on_one_file_is_that_files_problem(register, monkeypatch):
    rule = BY_ID["statutory-without-basis"]

    def failing(entry, ctx):
        if entry.id == "broken-by-a-fault":
            raise ValueError("Exceeds the limit (4300 digits) " + "9" * 5000)
        return rule.check(entry, ctx)

    monkeypatch.setattr(
        runner, "ALL", tuple(dataclasses.replace(r, check=failing) if r is rule else r for r in ALL)
    )
    _two_files(register)
    code, results, out, err = _results(register)
    assert code == 1 and "Traceback" not in err
    assert ("register/broken-by-a-fault.yaml", "internal-error") in results
    assert [r for r in results if r[0] == "register/broken-by-a-fault.yaml"] == [
        ("register/broken-by-a-fault.yaml", "internal-error")
    ]
    assert ("register/test-contract.yaml", "invalid-value") in results  # the other file, fully checked
    [message] = [r["message"] for r in json.loads(out)["results"] if r["rule"] == "internal-error"]
    assert "ValueError" in message and "report it" in message and len(message) < 300


def test_reading_that_fails_on_one_file_is_that_files_problem(register, monkeypatch):
    real = reading._parse

    def failing(text):
        if "broken-by-a-fault" in text:
            raise KeyError("a fault")
        return real(text)

    monkeypatch.setattr(reading, "_parse", failing)
    _two_files(register)
    code, results, _, err = _results(register)
    assert code == 1 and "Traceback" not in err
    assert [r for r in results if r[0] == "register/broken-by-a-fault.yaml"] == [
        ("register/broken-by-a-fault.yaml", "internal-error")
    ]
    assert ("register/test-contract.yaml", "invalid-value") in results
    code, out, err = partreg("list", "--format", "json", cwd=register)
    assert "broken-by-a-fault.yaml:1:1: partreg failed while checking this file" in err
    assert "(internal-error); so it is left out here" in err
    assert code == 0 and "brentwood-community-fund" in {e["id"] for e in json.loads(out)}  # the rest listed


def test_the_linter_itself_turns_a_failure_into_one_problem():
    class Exploding:
        display = "x.yaml"
        problems = ()
        text = None

        @property
        def data(self):
            raise RuntimeError("boom")

    entry, problems = Linter(SETTINGS, ALL).check(Exploding(), "x")  # type: ignore[arg-type]
    assert entry is None and [(p.path, p.rule) for p in problems] == [("x.yaml", "internal-error")]
