from partreg.lint import run
from partreg.rules import ALL
from partreg.yaml.reading import parse_document
from tests.common import CONTRACT, PARTNERSHIP, SETTINGS


def lint_many(*texts):
    docs = [(parse_document(t.encode(), f"file{i}.yaml"), "test-partnership") for i, t in enumerate(texts)]
    return [p for _, _, found in run(SETTINGS, docs, ALL) for p in found]


def test_distinct_ids():
    assert [p.rule for p in lint_many(PARTNERSHIP, CONTRACT) if p.rule == "duplicate-id"] == []


def test_same_id_twice():
    [p] = [p for p in lint_many(PARTNERSHIP, PARTNERSHIP) if p.rule == "duplicate-id"]
    assert (p.path, p.line, p.column) == ("file1.yaml", 1, 5)
    assert "file0.yaml" in p.message
