"""The public YAML test suite as a corpus: no traceback, one problem per invalid file, readers agree."""

import json
import math
import warnings

import pytest

from partreg.lint import run
from partreg.rules import ALL
from partreg.yaml.reading import load_fast_data, load_roundtrip_data, parse_document
from tests.common import SHARED

CORPUS = SHARED / "corpora" / "yaml-test-suite"
CASES = sorted(p.parent for p in CORPUS.rglob("in.yaml")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(
    not CASES, reason=f"the YAML test suite is not at {CORPUS} (CI has it beside the repository)"
)
# ruamel.yaml departs from the YAML spec on these; yaml-rs follows it (checked below).
RUAMEL_DEVIATIONS = {"4ABK", "652Z", "FRK4", "HM87/01", "JEF9/02", "L24T/01"}


def name(case):
    return str(case.relative_to(CORPUS))


def lint(case):
    doc = parse_document((case / "in.yaml").read_bytes(), name(case))
    return [p for _, _, found in run(None, [(doc, "case")], ALL) for p in found]


def normal(value):
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {k if isinstance(k, str) else repr(normal(k)): normal(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normal(v) for v in value]
    return value


def test_the_corpus_is_complete():
    assert len(CASES) >= 400
    assert sum((c / "error").exists() for c in CASES) >= 90


@pytest.mark.parametrize("case", [c for c in CASES if (c / "error").exists()], ids=name)
def test_invalid_yaml_gives_exactly_one_problem(case):
    [problem] = lint(case)
    assert problem.rule in {"yaml-syntax", "duplicate-key", "yaml-tag", "file-encoding", "empty-file"}
    assert problem.line >= 1 and problem.column >= 1


@pytest.mark.parametrize("case", [c for c in CASES if not (c / "error").exists()], ids=name)
def test_valid_yaml_lints_without_a_traceback(case):
    for problem in lint(case):
        assert problem.path == name(case)
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message


def test_the_readers_agree_wherever_both_read_the_file():
    agreed, deviations = 0, set()
    for case in CASES:
        if (case / "error").exists():
            continue
        text = (case / "in.yaml").read_text("utf-8", "replace")
        try:
            fast = load_fast_data(text)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                slow = load_roundtrip_data(text)
        except Exception:
            continue
        if normal(fast) == normal(slow):
            agreed += 1
        else:
            deviations.add(name(case))
    assert deviations == RUAMEL_DEVIATIONS
    assert agreed >= 200


@pytest.mark.parametrize("case", sorted(RUAMEL_DEVIATIONS))
def test_where_they_differ_the_fast_reader_follows_the_spec(case):
    folder = CORPUS / case
    fast = load_fast_data((folder / "in.yaml").read_text())
    if (folder / "in.json").exists():
        assert normal(fast) == json.loads((folder / "in.json").read_text())
    elif case == "4ABK":  # a flow mapping whose last key is "omitted value", with no value
        assert fast == {"unquoted": "separate", "http://foo.com": None, "omitted value": None}
    else:  # FRK4, spec example 7.3: `? foo :` is the key "foo"; `: bar` has an empty key
        assert case == "FRK4"
        assert fast == {"foo": None, None: "bar"}
