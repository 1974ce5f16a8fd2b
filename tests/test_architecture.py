"""The core imports no CLI, terminal or YAML library, and reads no hidden inputs."""

import ast
import os

import pytest

from tests.common import REPO

SRC = REPO / "src" / "partreg"
CORE = [SRC / f"{m}.py" for m in ("lint", "export", "classify", "changes")] + sorted(
    [*(SRC / "models").glob("*.py"), *(SRC / "rules").glob("*.py"), *(SRC / "importer").glob("*.py")]
)
EDGE_ONLY = {
    "typer": "cli",
    "click": "cli",
    "rich": "report.py",
    "ruamel": "store.py",
    "yaml_rs": "store.py",
}


def imported(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_imports_no_edge_library(path):
    assert not set(imported(path)) & set(EDGE_ONLY)


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_imports_no_edge_module(path):
    names = {n for n in imported(path)}
    text = path.read_text()
    assert "partreg.cli" not in text and "partreg.report" not in text and "partreg.store" not in text
    assert not names & {"os", "subprocess"}


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_reads_no_clock_or_environment(path):
    text = path.read_text()
    for hidden in ("date.today(", "datetime.now(", "os.environ", "Path.cwd(", "getcwd("):
        assert hidden not in text, f"{path.name} reads {hidden}"


@pytest.mark.parametrize("library", sorted(EDGE_ONLY))
def test_each_library_is_wrapped_once(library):
    users = sorted({p.relative_to(SRC).parts[0] for p in SRC.rglob("*.py") if library in set(imported(p))})
    assert users in ([], [EDGE_ONLY[library]])


def test_only_history_runs_git():
    """One module runs programs: what git is asked, and what is read of its answer, is in one place."""
    users = sorted(p.name for p in SRC.rglob("*.py") if set(imported(p)) & {"subprocess"})
    assert users == ["history.py"]


def test_start_up_imports_nothing_heavy():
    """`partreg --help` pays for little more than Typer: the heavy libraries load inside the commands."""
    import subprocess
    import sys

    code = "import sys, partreg.cli; print(sorted(m for m in ('pydantic', 'ruamel', 'yaml_rs', 'jinja2', 'icalendar', 'openpyxl') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("output", ["parsable", "json", "sarif", "github"])
@pytest.mark.parametrize("entries", [0, 1], ids=["empty", "one entry"])
def test_lint_for_ci_loads_only_what_it_uses(tmp_path, output, entries):
    """A CI run of `partreg lint` (a machine format) loads neither rich nor Jinja nor the writer."""
    import subprocess
    import sys

    from tests.common import PARTNERSHIP

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    if entries:
        (tmp_path / "register" / "test-partnership.yaml").write_text(PARTNERSHIP + "unknown: key\n")
    heavy = ("rich", "jinja2", "ruamel", "icalendar", "openpyxl")
    code = (
        "import sys, atexit\n"
        f"atexit.register(lambda: sys.stderr.write('LOADED ' + repr(sorted(m for m in {heavy!r} "
        "if m in sys.modules)) + '\\n'))\n"
        f"sys.argv = ['partreg', 'lint', '--format', {output!r}, '--root', sys.argv[1]]\n"
        "from partreg.cli import main\n"
        "main()\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=environment
    )
    assert result.returncode == entries, result.stderr
    assert "LOADED []" in result.stderr


def test_each_rule_module_names_its_id_once():
    """A rule's id is written in one place, its module's ``ID``, which is its file's name."""
    from partreg import rules

    for rule in rules.ALL:
        module = getattr(rules, rule.id.replace("-", "_"))
        assert module.ID == rule.id == module.RULE.id


def test_rule_ids_are_not_written_out_elsewhere():
    """Code outside ``rules/`` takes a rule's id from its module, never from a string of its own."""
    import io
    import tokenize

    from partreg.rules import BY_ID

    # review-due's state for an arrangement ended but not closed is named as the rule that warns of
    # it; review.State defines that name once
    state = next(
        f"review.py:{n}"
        for n, line in enumerate((SRC / "review.py").read_text().splitlines(), 1)
        if "ENDED_NOT_CLOSED =" in line
    )
    written: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        if path.parent.name == "rules":
            continue
        for token in tokenize.generate_tokens(io.StringIO(path.read_text()).readline):
            place = f"{path.name}:{token.start[0]}"
            if token.type == tokenize.STRING and token.string.strip("\"'") in BY_ID and place != state:
                written.append(f"{path.name}:{token.start[0]}: {token.string}")
    assert written == []
