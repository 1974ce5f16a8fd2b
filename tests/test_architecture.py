"""The boundaries ARCHITECTURE.md draws, checked: the layers, which module wraps each library, no
import cycles, no hidden inputs in the core, and the sizes that keep a module readable."""

import ast
import functools
import io
import os
import re
import subprocess
import sys
import tokenize

import pytest

from tests.common import REPO

SRC = REPO / "src" / "partreg"
MODULES = sorted(SRC.rglob("*.py"))


def name_of(path):
    """``partreg.yaml.reading`` for ``src/partreg/yaml/reading.py``; a package by its ``__init__``."""
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def top(path):
    """The module or package of ``partreg`` that ``path`` belongs to: ``yaml`` for ``yaml/reading.py``."""
    return path.relative_to(SRC).parts[0].removesuffix(".py")


#: The layers, by top-level module or package of ``partreg``; everything else is the core.
FRONT = {"cli", "entry", "__main__", "report"}  # read the command line, show results
APP = {"app"}  # the use cases
EDGE = {  # files, git, processes, templates: the outside world, each in one place
    "yaml",
    "files",
    "folders",
    "documents",
    "sheets",
    "history",
    "site",
    "runner",
    "rendering",
    "templating",
    "render",
    "scaffold",
}
CORE = [p for p in MODULES if top(p) not in FRONT | APP | EDGE and top(p) != "__init__"]

#: Each library that touches the outside world or the terminal, and the one place that imports it.
WRAPPED = {
    "typer": "cli",
    "click": "cli",
    "rich": "report",
    "ruamel": "yaml",
    "yaml_rs": "yaml",
    "openpyxl": "sheets",
    "subprocess": "history",
}


@functools.cache
def parsed(path):
    return ast.parse(path.read_text())


def imports(path, *, inside_functions=None):
    """The modules ``path`` imports (absolute names; ``from a import b`` gives ``a`` and ``a.b``).
    ``inside_functions``: only those imported in a function's body (True), or only the others."""
    inside, outside = _imports(path)
    return {True: inside, False: outside, None: inside + outside}[inside_functions]


@functools.cache
def _imports(path):
    tree = parsed(path)
    in_function = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
    }
    found = {True: [], False: []}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found[id(node) in in_function] += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found[id(node) in in_function] += [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Call) and ast.unparse(node.func) in (
            "importlib.import_module",
            "import_module",
        ):
            named = ast.unparse(node.args[0]) if node.args else ""  # a module named by a string or f-string
            found[id(node) in in_function].append(named.strip("f'\"").split("{")[0].rstrip("."))
    return tuple(found[True]), tuple(found[False])


@functools.cache
def roots(path):
    return frozenset(name.split(".")[0] for name in imports(path))


def partreg_tops(path):
    return {name.split(".")[1] for name in imports(path) if name.startswith("partreg.")}


def offenders(paths, wrong):
    """``name: what is wrong`` for each of ``paths`` where ``wrong(path)`` finds something."""
    return [f"{name_of(p)}: {sorted(found)}" for p in paths if (found := wrong(p))]


def test_the_core_does_no_input_or_output():
    """The core works on values: it imports no terminal, YAML or spreadsheet library, runs no
    program, touches no file through ``os``, and leans on nothing above it."""
    assert offenders(CORE, lambda p: roots(p) & {*WRAPPED, "os", "jinja2"}) == []
    assert offenders(CORE, lambda p: partreg_tops(p) & (FRONT | APP | EDGE)) == []


def test_the_core_reads_no_clock_or_environment():
    hidden = ("date.today(", "datetime.now(", "os.environ", "Path.cwd(", "getcwd(")
    assert offenders(CORE, lambda p: {h for h in hidden if h in p.read_text()}) == []


def test_the_edges_lean_on_no_use_case_or_front_end():
    edges = [p for p in MODULES if top(p) in EDGE]
    assert offenders(edges, lambda p: partreg_tops(p) & (FRONT | APP)) == []


def test_the_use_cases_print_nothing_and_parse_no_command_line():
    app = [p for p in MODULES if top(p) in APP]
    assert offenders(app, lambda p: roots(p) & {"typer", "click", "rich"}) == []
    assert offenders(app, lambda p: partreg_tops(p) & FRONT) == []


@pytest.mark.parametrize("library", sorted(WRAPPED))
def test_each_library_is_wrapped_once(library):
    users = sorted({top(p) for p in MODULES if library in roots(p)})
    assert users in ([], [WRAPPED[library]])


#: The two modules that load a part of partreg only when it is asked for, by design: the console
#: script (Typer's CLI, or CI's lint without it) and the command group (a command's module, by its
#: name in the catalogue). Anywhere else an import inside a function would hide a cycle or a cost.
LOADS_ON_DEMAND = {"partreg.entry", "partreg.cli"}


def test_partreg_is_imported_at_the_top_of_a_module():
    elsewhere = [p for p in MODULES if name_of(p) not in LOADS_ON_DEMAND]
    inside = lambda p: {n for n in imports(p, inside_functions=True) if n.split(".")[0] == "partreg"}  # noqa: E731
    assert offenders(elsewhere, inside) == []


def test_no_module_imports_itself_round_a_cycle():
    """Modules import each other one way: the graph of top-of-module imports has no cycle (a
    package's own ``__init__`` gathering its modules is not a cycle)."""
    known = {name_of(p): p for p in MODULES}
    graph = {}
    for name, path in known.items():
        ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        graph[name] = {n for n in imports(path, inside_functions=False) if n in known} - ancestors - {name}
    done, on_path, cycles = set(), [], []

    def visit(node):
        if node in on_path:
            cycles.append([*on_path[on_path.index(node) :], node])
            return
        if node in done:
            return
        on_path.append(node)
        for nxt in sorted(graph[node]):
            visit(nxt)
        on_path.pop()
        done.add(node)

    for node in sorted(graph):
        visit(node)
    assert cycles == []


def longer_modules():
    """The modules ARCHITECTURE.md lets run past 400 lines, each with its reason there."""
    text = (REPO / "ARCHITECTURE.md").read_text()
    section = (
        text.split("## Longer modules", 1)[1].split("\n## ", 1)[0] if "## Longer modules" in text else ""
    )
    return set(re.findall(r"`src/partreg/([\w/]+\.py)`", section))


def test_a_module_fits_in_a_reading():
    allowed = longer_modules()

    def too_long(path):
        lines = len(path.read_text().splitlines())
        return (
            {f"{lines} lines"} if lines > 400 and path.relative_to(SRC).as_posix() not in allowed else set()
        )

    assert offenders(MODULES, too_long) == []


def test_use_cases_and_commands_are_short():
    def long_functions(path):
        return {
            f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
            for node in ast.walk(parsed(path))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > 60
        }

    assert offenders([p for p in MODULES if top(p) in {"app", "cli"}], long_functions) == []


def test_architecture_md_names_modules_that_exist():
    """Every ``src/partreg/...`` ARCHITECTURE.md names is there, and every module and package of
    partreg is on its map."""
    text = (REPO / "ARCHITECTURE.md").read_text()
    named = set(re.findall(r"`src/partreg/([\w/.]+)`", text))
    assert named, "ARCHITECTURE.md names no module"
    missing = sorted(n for n in named if not (SRC / n.rstrip("/")).exists())
    assert missing == []
    tops = {top(p) for p in MODULES} - {"__init__", "__main__"}
    mapped = {n.split("/")[0].removesuffix(".py") for n in named}
    assert sorted(tops - mapped) == []


@pytest.mark.spawns
def test_start_up_imports_nothing_heavy():
    """`partreg --help` pays for little more than Typer: the heavy libraries load inside the commands."""
    code = "import sys, partreg.cli; print(sorted(m for m in ('pydantic', 'ruamel', 'yaml_rs', 'jinja2', 'icalendar', 'openpyxl') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.spawns
@pytest.mark.parametrize("output", ["parsable", "json", "sarif", "github"])
@pytest.mark.parametrize("entries", [0, 1], ids=["empty", "one entry"])
def test_lint_for_ci_loads_only_what_it_uses(tmp_path, output, entries):
    """A CI run of `partreg lint` (a machine format) loads neither rich nor Jinja nor the writer."""
    from tests.common import PARTNERSHIP

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    if entries:
        (tmp_path / "register" / "test-partnership.yaml").write_text(PARTNERSHIP + "unknown: key\n")
    heavy = ("rich", "jinja2", "ruamel", "icalendar", "openpyxl")
    code = (  # (a lint ends with os._exit, at once: what it loaded is said as it ends)
        "import os, sys\n"
        "end = os._exit\n"
        f"os._exit = lambda code: (sys.stderr.write('LOADED ' + repr(sorted(m for m in {heavy!r} "
        "if m in sys.modules)) + '\\n'), sys.stderr.flush(), end(code))\n"
        f"sys.argv = ['partreg', 'lint', '--format', {output!r}, '--root', sys.argv[1]]\n"
        "from partreg.entry import main\n"
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
    from partreg.rules import BY_ID

    # review-due's state for an arrangement ended but not closed is named as the rule that warns of
    # it; review.State defines that name once
    state = next(
        f"review.py:{n}"
        for n, line in enumerate((SRC / "review.py").read_text().splitlines(), 1)
        if "ENDED_NOT_CLOSED =" in line
    )
    written = []
    for path in MODULES:
        if path.parent.name == "rules":
            continue
        for token in tokenize.generate_tokens(io.StringIO(path.read_text()).readline):
            place = f"{path.name}:{token.start[0]}"
            if token.type == tokenize.STRING and token.string.strip("\"'") in BY_ID and place != state:
                written.append(f"{place}: {token.string}")
    assert written == []


def test_each_module_opens_by_saying_its_job():
    """A module's docstring says its one job; a rule module opens with its rule's documentation."""

    def silent(path):
        tree = parsed(path)
        first = tree.body[0] if tree.body else None
        is_doc = isinstance(first, ast.Assign) and [getattr(t, "id", "") for t in first.targets] == ["DOC"]
        opening = ast.get_docstring(tree) or (first.value.value if is_doc else None)
        return set() if opening and opening.strip() else {"no opening docstring"}

    assert offenders(MODULES, silent) == []
