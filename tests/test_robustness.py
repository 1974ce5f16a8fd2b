"""Any input gets a clear answer, nothing is lost mid-write, nothing private leaks.

The property-based tests use a fixed seed and a fixed number of examples, so
they take the same bounded time on every run.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
import yaml_rs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partreg.files import write_atomic
from partreg.lint import run
from partreg.rules import ALL, BY_ID
from partreg.yaml.reading import load_fast_data, parse_document
from tests.common import PARTNERSHIP, REPO, SETTINGS, paths_in

EXAMPLES = 300
FUZZ = settings(
    max_examples=EXAMPLES, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck)
)


def lint_bytes(raw):
    doc = parse_document(raw, "fuzz.yaml")
    return [p for _, _, found in run(SETTINGS, [(doc, "fuzz")], ALL) for p in found]


def assert_answered(problems):
    for p in problems:
        assert p.path == "fuzz.yaml" and p.line >= 1 and p.column >= 1 and p.message
        assert p.rule in BY_ID, p.rule


@FUZZ
@given(st.binary(max_size=2000))
@pytest.mark.slow
def test_arbitrary_bytes(raw):
    assert_answered(lint_bytes(raw))


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{},#&*!|>'\"\n\t ?%@`0123456789")), max_size=300))
@pytest.mark.slow
def test_arbitrary_yaml_like_text(text):
    assert_answered(lint_bytes(text.encode()))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
BASE = load_fast_data(PARTNERSHIP)


ALL_PATHS = [p for p in paths_in(BASE) if p]


@FUZZ
@given(st.sampled_from(ALL_PATHS), json_values)
@pytest.mark.slow
def test_valid_entries_with_mutated_values(path, value):
    data = json.loads(json.dumps(BASE))
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    problems = lint_bytes(yaml_rs.dumps(data).encode())
    assert_answered(problems)


BAD_FILES = {
    "empty": b"",
    "bom-only": b"\xef\xbb\xbf",
    "utf16": "id: x\n".encode("utf-16"),
    "invalid-utf8": b"id: caf\xc3(\n",
    "nul": b"id: a\x00b\n",
    "binary": bytes(range(256)) * 4,
    "ten-megabytes": b"# " + b"x" * 10_000_000 + b"\n",
    "deep-nesting": b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
    "deep-mappings": b"".join(b"  " * i + b"k:\n" for i in range(3_000)),
    "alias-bomb": b"a: &a [x,x,x,x,x,x,x,x,x,x]\n"
    + b"".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n".encode()
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "tabs": b"id: tabs\nlead:\n\trole: x\n",
    "two-documents": b"id: a\n---\nid: b\n",
    "top-level-list": b"- id: a\n",
    "python-tag": b"id: t\ntitle: !!python/object/apply:os.system ['touch /tmp/partreg-pwned']\n",
    "custom-tag": b"id: t\ntitle: !include secrets.yaml\n",
}


def _hostile(old: str, new: str) -> bytes:
    return PARTNERSHIP.replace("id: test-partnership", "id: ID").replace(old, new, 1).encode()


#: Entries that are valid but for one hostile value, each with the one problem it must get.
HOSTILE_ENTRIES = {
    "huge-amount": (_hostile("funding_gbp: 25000", "funding_gbp: " + "9" * 5_000), "wrong-type"),
    "infinite-amount": (_hostile("funding_gbp: 25000", "funding_gbp: 1e400"), "wrong-type"),
    "not-a-number": (_hostile("funding_gbp: 25000", "funding_gbp: .nan"), "wrong-type"),
    "placeholder-year": (
        _hostile("  months: 12\n", "  months: 12\n  history: [{date: 9999-12-31, outcome: continue}]\n"),
        "wrong-type",
    ),
    "huge-key": (_hostile("statutory: true", "statutory: true\n" + "9" * 5_000 + ": x"), "yaml-syntax"),
    "escape-sequences": (
        _hostile(
            "title: Test Community Safety Partnership", 'title: "Test \\e]0;owned\\a\\e[2J Partnership"'
        ),
        "control-character",
    ),
    "raw-control": (_hostile("summary: Tackle", "summary: Tackle\x01"), "control-character"),
    "megabyte-of-brackets": (b"a: " + b"[" * 20_000 + b"\n", "yaml-syntax"),
    "mixed-brackets": (b"a: " + b"[{" * 5_000 + b"\n", "yaml-syntax"),
    "unknown-keys": (
        _hostile("statutory: true", "statutory: true\n" + "".join(f"k{n}: {n}\n" for n in range(40_000))),
        "unknown-key",
    ),
}


#: Valid entries holding what once stalled a rule for minutes, with nothing to report.
QUIET_ENTRIES = {
    "e-mail-run": _hostile("summary: Tackle", "summary: a@" + "a." * 100_000 + "a Tackle"),
    "phone-run": _hostile("summary: Tackle", "summary: " + "0 (1) -" * 30_000 + " Tackle"),
}


@pytest.mark.spawns
def test_every_hostile_file_with_valid_ones_in_one_lint_run(tmp_path):
    """Every hostile input there is, in one register with a valid file and one with a gap: one
    problem for each hostile file (40,000 unknown keys: twenty, and one counting the rest), every
    problem of the others, exit 1, no traceback, nothing constructed or read through a link, in 10 s."""
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text(
        "council: Test\npriorities: {developing-our-communities: Communities}\n"
    )
    chosen = {"ten-megabytes": "file-too-large", "python-tag": "yaml-tag"}
    files = {**{n: (raw, chosen.get(n)) for n, raw in BAD_FILES.items()}, **HOSTILE_ENTRIES}
    register = tmp_path / "register"
    for name, raw in [*((n, raw) for n, (raw, _) in files.items()), *QUIET_ENTRIES.items()]:
        (register / f"{name}.yaml").write_bytes(raw.replace(b"id: ID", f"id: {name}".encode()))
    (register / "a-folder.yaml").mkdir()
    os.mkfifo(register / "a-pipe.yaml")
    outside = tmp_path / "outside-secret.yaml"
    outside.write_text("id: secret\n")
    (register / "a-link.yaml").symlink_to(outside)
    (register / "Not An Id.yaml").write_text(PARTNERSHIP.replace("test-partnership", "not-an-id"))
    files.update({n: (b"", "unreadable-file") for n in ("a-folder", "a-pipe", "a-link")})
    files["Not An Id"] = (b"", "id-mismatch")
    (register / "good.yaml").write_text(PARTNERSHIP.replace("test-partnership", "good"))
    gap = PARTNERSHIP.replace("test-partnership", "with-a-gap").replace("added_value: Joint tasking.\n", "")
    (register / "with-a-gap.yaml").write_text(gap)
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "lint", "-f", "json", "--as-of", "2021-05-01"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    took = time.monotonic() - start
    assert (result.returncode, result.stderr) == (1, "")
    by_file: dict[str, list[str]] = {}
    for r in json.loads(result.stdout)["results"]:
        by_file.setdefault(r["path"].removeprefix("register/").removesuffix(".yaml"), []).append(r["rule"])
    for name, (_, rule) in files.items():
        if name == "unknown-keys":  # twenty named, then one that counts the other 39,980
            assert by_file[name] == ["unknown-key"] * 21
            continue
        assert len(by_file.get(name, [])) == 1, (name, by_file.get(name))
        assert rule is None or by_file[name] == [rule], (name, by_file[name])
    assert set(by_file) == {*files, "with-a-gap"}, set(by_file) ^ {*files, "with-a-gap"}
    assert "internal-error" not in str(by_file)
    assert not os.path.exists("/tmp/partreg-pwned"), "a tag constructed something"
    assert "secret" not in result.stdout
    assert by_file["with-a-gap"] == ["partnership-missing-added-value"]
    assert took < 10, f"{took:.1f} s"


@pytest.mark.spawns
def test_the_size_limit_is_a_setting(tmp_path):
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\nmax_file_bytes: 2000\n")
    (tmp_path / "register" / "big.yaml").write_text("id: big\n# " + "x" * 3000 + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "lint", "-f", "parsable"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert "larger than 2,000 bytes" in result.stdout and "(file-too-large)" in result.stdout


# --------------------------------------------------------------------------- writes that cannot lose data

OLD = ("old " * 50_000).encode()
NEW = ("new " * 60_000).encode()


@pytest.mark.spawns
def test_a_writer_killed_at_any_moment_leaves_the_old_file_or_the_new_one_whole(tmp_path):
    """SIGKILL a writer 200 times at random moments; the file is always one whole version."""
    target = tmp_path / "entry.yaml"
    rng = random.Random(1)
    kills = 0
    seen = {OLD: 0, NEW: 0}
    while kills < 200:
        target.write_bytes(OLD)
        pid = os.fork()
        if pid == 0:  # the writer: replace the file again and again until killed
            try:
                content = [NEW.decode(), OLD.decode()]
                i = 0
                while True:
                    write_atomic(target, content[i % 2])
                    i += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, 0.004))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills += 1
        now = target.read_bytes()
        assert now in (OLD, NEW), f"kill {kills}: a partial file of {len(now)} bytes"
        seen[now] += 1
        for leftover in tmp_path.glob(".entry.yaml.*.tmp"):  # a killed writer's temporary file
            leftover.unlink()
    assert kills == 200
    assert seen[NEW] > 0, "the writer got to replace the file at least once"


# --------------------------------------------------------------------------- nothing leaks from any command

SENTINEL = "SENTINEL-b4d1"


@pytest.fixture
def planted(tmp_path):
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text(
        "council: Test\npriorities: {developing-our-communities: Communities}\ninternal_fields: [exit_strategy]\n"
    )
    text = (
        PARTNERSHIP.replace("test-partnership", "planted")
        .replace(
            "  service: Community Safety\n",
            f"  service: Community Safety\n  email: {SENTINEL}@example.invalid\n  phone: '0{SENTINEL}'\n",
        )
        .replace("    mitigation: Information sharing agreement\n", f"    mitigation: {SENTINEL} risk\n")
    )
    text += f"exit_strategy: {SENTINEL} exit\ninternal:\n  notes: {SENTINEL} note\n  nested: {{deep: [{SENTINEL}]}}\n"
    (tmp_path / "register" / "planted.yaml").write_text(text)
    return tmp_path


@pytest.mark.spawns
def test_no_public_output_of_any_command_contains_a_private_field(planted):
    commands = [
        ["render", "--out", "site"],
        ["list", "--format", "json"],
        ["list", "--format", "csv"],
        ["list"],
        ["show", "planted"],
        ["show", "planted", "--format", "json"],
        ["review-due", "--as-of", "2030-01-01", "--format", "json"],
        ["review-due", "--as-of", "2030-01-01", "--format", "csv"],
        ["review-due", "--as-of", "2030-01-01", "--format", "ics"],
        ["review-due", "--as-of", "2030-01-01"],
    ]
    for command in commands:
        result = subprocess.run([sys.executable, "-m", "partreg", *command], cwd=planted, capture_output=True)
        assert result.returncode == 0, result.stderr
        assert SENTINEL.encode() not in result.stdout + result.stderr, command
    written = [p for p in (planted / "site").rglob("*") if p.is_file()]
    assert len(written) >= 6
    for path in written:
        assert SENTINEL.encode() not in path.read_bytes(), path
    shown = subprocess.run(
        [sys.executable, "-m", "partreg", "show", "planted", "--internal"], cwd=planted, capture_output=True
    )
    assert shown.returncode == 0, shown.stderr
    assert SENTINEL.encode() in shown.stdout, "an officer who asks sees the internal notes"


@pytest.mark.spawns
def test_the_example_register_publishes_no_personal_data():
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "lint", "-f", "json", "--as-of", "2015-06-01"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert not [r for r in json.loads(result.stdout)["results"] if r["rule"] == "personal-data"]


@pytest.mark.spawns
def test_a_placeholder_year_is_a_problem_not_a_crash(tmp_path):
    """Spreadsheets write 31/12/9999 for "no end": a date that far out is one problem, and every
    command that adds years to dates (reviews, the calendar, the page) still runs."""
    from tests.common import run_partreg

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    (tmp_path / "register" / "placeholder.yaml").write_text(
        PARTNERSHIP.replace("id: test-partnership", "id: placeholder").replace(
            "start: 2021-04-01", "start: 9999-12-31"
        )
        + "end: 9999\n"
    )
    lint = run_partreg(tmp_path, "lint", "--format", "json")
    assert lint.returncode == 1 and "Traceback" not in lint.stderr
    found = json.loads(lint.stdout)["results"]
    placeholders = [p for p in found if "the year 9999 is a placeholder" in p["message"]]
    assert [(p["key"], p["line"]) for p in placeholders] == [("start", 27), ("end", 30)]
    for command in (
        ["review-due"],
        ["review-due", "--format", "ics"],
        ["render", "--out", "site"],
        ["list"],
    ):
        result = run_partreg(tmp_path, *command)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, command


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("review-due", "--within", "999999999"), "less than or equal to 36525"),
        (("review-due", "--as-of", "9999-12-31"), "is too far ahead"),
        (("lint", "--as-of", "9999-12-31"), "is too far ahead"),
        (("render", "--out", "site", "--as-of", "9999-12-31"), "is too far ahead"),
    ],
)
@pytest.mark.spawns
def test_a_day_or_window_past_the_calendar_is_a_usage_mistake(args, said):
    """`review-due --within 999999999` and `--as-of 9999-12-31` overflowed Python's dates."""
    from tests.common import REPO, run_partreg

    result = run_partreg(REPO, *args)
    assert result.returncode == 2 and said in result.stderr


@pytest.mark.parametrize(
    ("amount", "said"),
    [("9" * 5000, "a number of about 5,000 digits is too large"), ("1e400", "inf is not a finite number"),
     (".nan", "nan is not a finite number")],
)  # fmt: skip
@pytest.mark.spawns
def test_an_amount_no_council_has_is_one_problem_and_every_command_runs(tmp_path, amount, said):
    """A number too long to write out, or not finite, once crashed every command that quoted it."""
    from tests.common import run_partreg

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    (tmp_path / "register" / "big.yaml").write_text(
        f"id: big\ntitle: Big\nresources:\n  council:\n    funding_gbp: {amount}\n"
    )
    lint = run_partreg(tmp_path, "lint", "--format", "json")
    assert lint.returncode == 1 and "Traceback" not in lint.stderr
    [problem] = [p for p in json.loads(lint.stdout)["results"] if p["key"] == "resources.council.funding_gbp"]
    assert said in problem["message"] and problem["line"] == 5
    for command in (["list"], ["show", "big"], ["review-due"], ["render", "--out", "site"]):
        result = run_partreg(tmp_path, *command)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, command
    json.loads((tmp_path / "site" / "register.json").read_text(), parse_constant=lambda c: pytest.fail(c))


@pytest.mark.spawns
def test_yml_files_are_entries_never_passed_over(tmp_path):
    """`.yml` and `.YAML` files in register/ were skipped in silence: lint said all was well."""
    from tests.common import run_partreg

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    (tmp_path / "register" / "short.yml").write_text("id: short\ntitle: Short\nkind: partnerhip\n")
    (tmp_path / "register" / "upper.YAML").write_text("id: upper\ntitle: Upper\n")
    lint = run_partreg(tmp_path, "lint", "--format", "parsable")
    assert lint.returncode == 1
    assert "register/short.yml:3:7: [error] kind: 'partnerhip' is not allowed" in lint.stdout
    assert "register/upper.YAML:" in lint.stdout
    listed = json.loads(run_partreg(tmp_path, "list", "--format", "json", check=True).stdout)
    assert sorted(e["id"] for e in listed) == ["short", "upper"]
    run_partreg(tmp_path, "review", "short", "--date", "2025-01-01", "--outcome", "continue", check=True)
    assert "date: 2025-01-01" in (tmp_path / "register" / "short.yml").read_text()
    from tests.common import JOINT_WORKING

    (tmp_path / "draft.yaml").write_text(JOINT_WORKING.replace("id: test-joint-working", "id: short"))
    again = run_partreg(tmp_path, "add", "--from", str(tmp_path / "draft.yaml"))
    assert again.returncode == 1 and "register/short.yml already exists" in again.stderr
    dry = run_partreg(tmp_path, "add", "--from", str(tmp_path / "draft.yaml"), "--dry-run")
    assert dry.returncode == 1 and "id: short" in dry.stdout and "already exists" in dry.stderr, (
        "a dry run says the write would be refused"
    )
    assert not (tmp_path / "register" / "short.yaml").exists()
    (tmp_path / "sheet.csv").write_text("Partnership name,Type\nShort,Partnership\n")
    imported = run_partreg(tmp_path, "import", str(tmp_path / "sheet.csv"), "--write")
    assert imported.returncode == 0, imported.stderr
    assert (
        "1 already in the register" in imported.stdout and not (tmp_path / "register" / "short.yaml").exists()
    )


@pytest.mark.spawns
def test_no_csv_partreg_writes_carries_a_formula(tmp_path):
    """`list` and `review-due` wrote `=HYPERLINK(...)` as it was; register.csv already guarded it."""
    import csv
    import io

    from tests.common import run_partreg

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    hostile = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]
    for n, title in enumerate(hostile):
        (tmp_path / "register" / f"f{n}-x.yaml").write_text(
            f"id: f{n}-x\ntitle: {json.dumps(title)}\nkind: contract\nstatus: active\nstart: 2020-01-01\n"
            f"lead: {{role: {json.dumps(title)}, service: {json.dumps(title)}}}\n"
        )
    run_partreg(tmp_path, "render", "--out", "site", check=True)
    outputs = {
        "list": run_partreg(tmp_path, "list", "--format", "csv", check=True).stdout,
        "review-due": run_partreg(
            tmp_path, "review-due", "--format", "csv", "--within", "9999", check=True
        ).stdout,
        "register.csv": (tmp_path / "site" / "register.csv").read_text(),
    }
    for name, text in outputs.items():
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        assert any(c.startswith("'=HYPERLINK") for c in cells), name
        numbers = {c for c in cells if c.lstrip("-").isdigit()}  # a day count before today stays a number
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@") and c not in numbers], name


@pytest.mark.spawns
def test_control_characters_reach_no_output_raw_and_every_csv_cell_is_quoted(tmp_path):
    """A title holding `ESC ] 0;... BEL ESC [2J` was printed raw by show, list and review-due, and
    reached the calendar, the pages and register.csv; a cell holding `;` was left unquoted."""

    from partreg.models import UNPUBLISHED, UNSHOWN
    from tests.common import run_partreg

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text('council: "Test \\e]0;council\\a"\n')
    (tmp_path / "register" / "town-fund.yaml").write_text(
        'id: town-fund\ntitle: "Town \\e]0;pwned\\a fund\\e[2J; grants"\nkind: community-funding\n'
        'status: active\nsummary: "Small\\x0b grants \\x9b31m"\nstart: 2020-01-01\n'
        'lead: {role: "Grants\\x1b[8m Officer", service: "Communities\\e[2J"}\n'
        'partners: [{name: "Town\\x7f Trust \\u202e \\u061c"}]\n'
    )
    lint = run_partreg(tmp_path, "lint")
    assert lint.returncode == 1, lint.stderr
    assert lint.stdout.count("control-character") == 5, lint.stdout
    assert "'\\x1b' (U+001B), which act on a terminal" in lint.stdout
    rendered = run_partreg(tmp_path, "render", "--out", "site\x1b]0;x\x07", check=True)
    (tmp_path / "site\x1b]0;x\x07").rename(tmp_path / "site")
    runs = {
        " ".join(args): run_partreg(tmp_path, *args)
        for args in [
            ("show", "town-fund"),
            ("show", "town-fund", "--format", "json"),
            ("list",),
            ("list", "--format", "csv"),
            ("review-due", "--within", "9999"),
            ("review-due", "--within", "9999", "--format", "csv"),
            ("review-due", "--within", "9999", "--format", "ics"),
            ("lint",),
            ("lint", "--format", "github"),
        ]
    }
    assert {name: run.returncode for name, run in runs.items()} == {
        name: 1 if name.startswith("lint") else 0 for name in runs
    }
    printed = {name: run.stdout for name, run in runs.items()}
    printed["render"] = rendered.stdout
    published = {p.name: p.read_text() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    for name, text in {**printed, **published}.items():
        raw = {c for c in text if UNPUBLISHED.match(c)}
        assert not raw, f"{name} holds {raw}"
    for name in ("show town-fund", "list", "review-due --within 9999", "lint"):  # a terminal's text
        assert not {c for c in printed[name] if UNSHOWN.match(c)}, name
    # the Arabic letter mark, which a name in Arabic needs, is kept where data is published
    assert "\u061c" in published["register.csv"] and "\u061c" in printed["list --format csv"]
    assert "Town \\x1b]0;pwned\\x07 fund\\x1b[2J; grants" in printed["show town-fund"]
    assert "Town ]0;pwned fund[2J; grants" in published["index.html"]
    for name in ("list --format csv", "review-due --within 9999 --format csv", "register.csv"):
        text = {**printed, **published}[name]
        assert '"Town ]0;pwned fund[2J; grants"' in text, name
        lines = text.removeprefix("\ufeff").splitlines()  # (register.csv starts with a byte-order mark)
        assert all(line.startswith('"') and line.endswith('"') for line in lines), name


@pytest.mark.spawns
def test_fields_the_council_keeps_internal_are_in_no_listing(tmp_path):
    """With `internal_fields: [end, priorities, review]`, `list` and `review-due` printed them."""
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text(
        "council: Test\npriorities: {developing-our-communities: Communities}\n"
        "internal_fields: [end, priorities, review]\n"
    )
    text = PARTNERSHIP.replace("test-partnership", "kept").replace(
        "start: 2021-04-01", "start: 2021-04-01\nend: 2031-07-13"
    )
    text = text.replace(
        "review:\n  months: 12\n",
        "review:\n  months: 12\n  history: [{date: 2022-09-17, outcome: continue}]\n",
    )
    (tmp_path / "register" / "kept.yaml").write_text(text)
    secrets = ["2031-07-13", "developing-our-communities", "2022-09-17"]
    for command in (
        ["list", "--format", "json"],
        ["list", "--format", "csv"],
        ["list"],
        ["review-due", "--as-of", "2031-06-01", "--format", "json"],
        ["review-due", "--as-of", "2031-06-01", "--format", "csv"],
        ["review-due", "--as-of", "2031-06-01"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "partreg", *command], cwd=tmp_path, capture_output=True, text=True
        )
        assert result.returncode == 0 and "kept" in result.stdout, command
        assert not [s for s in secrets if s in result.stdout], command
    due = subprocess.run(
        [sys.executable, "-m", "partreg", "review-due", "--as-of", "2031-06-01", "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(due.stdout)[0]["state"] == "overdue", "what is due is still decided on every field"


@pytest.mark.parametrize(
    ("template", "said"),
    [
        ('{{ "".__class__.__mro__[1].__subclasses__() }}', "SecurityError: access to attribute '__class__'"),
        ("{{ cycler.__init__.__globals__.os.system('touch pwned') }}", "SecurityError"),
        ('{% extends "base.html" %}{{ broken', "TemplateSyntaxError"),
        ('{% extends "base.html" %}{% block main %}\n{{ 1 / 0 }}{% endblock %}', ":2: ZeroDivisionError"),
        ("{{ no_such_value }}", "UndefinedError: 'no_such_value' is undefined"),
    ],
)
@pytest.mark.spawns
def test_a_registers_own_template_runs_sandboxed_and_fails_in_one_line(register, template, said):
    """A register's templates ran in an unsandboxed Jinja: a pull request changing one ran Python
    in CI. A failing template was a traceback, and left staged pages in the site folder."""
    from tests.common import run_partreg

    own = register / "templates" / "html"
    own.mkdir(parents=True)
    (own / "arrangement.html").write_text(template)
    result = run_partreg(register, "render", "--out", "site")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.startswith("partreg: templates/html/arrangement.html:") and said in result.stderr
    assert result.stderr.count("\n") == 1 and "nothing was published" in result.stderr
    assert not (register / "pwned").exists()
    assert not (register / "site").exists() or not any((register / "site").iterdir())


@pytest.mark.spawns
def test_a_registers_own_template_that_only_reads_its_values_is_used(register):
    from partreg.folders import package_templates
    from tests.common import run_partreg

    own = register / "templates" / "html"
    own.mkdir(parents=True)
    page = (package_templates() / "html" / "arrangement.html").read_text()
    (own / "arrangement.html").write_text(
        page.replace("{% block main %}", "{% block main %}<p>Our own page</p>", 1)
    )
    run_partreg(register, "render", "--out", "site", check=True)
    assert (
        "<p>Our own page</p>"
        in (register / "site" / "arrangements" / "brentwood-community-fund.html").read_text()
    )


@pytest.mark.spawns
def test_the_pages_a_killed_render_staged_are_removed_by_the_next(register):
    """A killed render left `.partreg-pages-*/` in the site, which a host serving dot-folders publishes."""
    from tests.common import run_partreg

    run_partreg(register, "render", "--out", "site", check=True)
    stale = register / "site" / ".partreg-pages-killed"
    stale.mkdir()
    (stale / "an-arrangement-since-made-internal.html").write_text("<p>old</p>")
    run_partreg(register, "render", "--out", "site", check=True)
    assert not stale.exists()
    assert not list((register / "site").glob(".partreg-pages-*"))


@pytest.mark.spawns
def test_a_template_reached_through_a_link_or_not_utf8_is_refused(register, tmp_path_factory):
    """Jinja's loader followed links: a link in a register's templates/ published any file on the
    machine (`/proc/self/environ`, CI's secrets); a template not in UTF-8 was a traceback."""
    from tests.common import run_partreg

    secret = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    secret.write_text("CI_SECRET=abc123")
    own = register / "templates" / "html"
    own.mkdir(parents=True)
    (own / "secret.html").symlink_to(secret)
    (own / "arrangement.html").write_text('{% include "secret.html" %}')
    result = run_partreg(register, "render", "--out", "site")
    assert result.returncode == 1 and "symbolic link" in result.stderr and result.stderr.count("\n") == 1
    assert not (register / "site").exists() or "abc123" not in "".join(
        p.read_text() for p in (register / "site").rglob("*.html")
    )
    (own / "arrangement.html").write_bytes(b"caf\xe9")
    result = run_partreg(register, "render", "--out", "site")
    assert result.returncode == 1 and "must be saved as UTF-8" in result.stderr


@pytest.mark.parametrize(
    ("template", "jobs"),
    [("html/index.html", "1"), ("markdown/register.md", "1"), ("html/arrangement.html", "2")],
)
@pytest.mark.spawns
def test_a_failing_template_publishes_nothing_even_from_workers(register, template, jobs):
    """The pages were moved into the site before the index was rendered, so a failing index left a
    half site ("nothing was published" was false); from a worker process the failure was a traceback."""
    from partreg.rendering import RENDER_PARALLEL_FROM
    from tests.common import run_partreg

    fund = (register / "register" / "brentwood-community-fund.yaml").read_text()
    for n in range(RENDER_PARALLEL_FROM if jobs == "2" else 0):
        (register / "register" / f"copy-{n}.yaml").write_text(
            fund.replace("id: brentwood-community-fund", f"id: copy-{n}")
        )
    path = register / "templates" / template
    path.parent.mkdir(parents=True)
    path.write_text('{% if true %}\n{{ "x" ~ (1 / 0) }}{% endif %}\n')
    result = run_partreg(register, "render", "--out", "site", "--format", "all", "--jobs", jobs)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"partreg: templates/{template}:2: ZeroDivisionError") or (
        jobs == "2" and f"templates/{template}:2: ZeroDivisionError" in result.stderr
    ), result.stderr
    assert "nothing was published" in result.stderr and result.stderr.count("\n") == 1
    assert not (register / "site").exists() or not any((register / "site").iterdir())


@pytest.mark.spawns
def test_a_settings_file_that_is_a_link_is_not_passed_over_for_a_register_above(tmp_path):
    """`find_root` looked for a regular file: a partreg.yaml that was a link, a folder or a pipe was
    passed over, and the commands ran on a register further up, exit 0."""
    from tests.common import run_partreg

    (tmp_path / "partreg.yaml").write_text("council: The register above\n")
    (tmp_path / "register").mkdir()
    inner = tmp_path / "inner"
    (inner / "register").mkdir(parents=True)
    (inner / "partreg.yaml").symlink_to(tmp_path / "partreg.yaml")
    for command in (("list",), ("lint",), ("render", "--out", "site")):
        result = run_partreg(inner, *command)
        assert result.returncode == 1 and "symbolic link" in result.stdout + result.stderr, command
    assert not (inner / "site").exists()


@pytest.mark.spawns
def test_a_formula_after_a_separator_inside_a_cell_is_guarded_and_numbers_stay_numbers(tmp_path):
    """A spreadsheet set to split on `;` saw `=2+3` in `Community forum;=2+3;x` as a cell of its
    own; negative day counts were written `'-2154`, as text."""
    import csv
    import io

    from tests.common import run_partreg

    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text("council: Test\n")
    (tmp_path / "register" / "forum.yaml").write_text(
        "id: forum\ntitle: 'Community forum;=2+3, @SUM(A1);x'\nkind: contract\nstatus: active\n"
        "start: 2020-01-01\nlead: {role: Officer, service: Communities}\n"
    )
    run_partreg(tmp_path, "render", "--out", "site", check=True)
    outputs = {
        "list": run_partreg(tmp_path, "list", "--format", "csv", check=True).stdout,
        "review-due": run_partreg(
            tmp_path, "review-due", "--format", "csv", "--as-of", "2026-11-24", check=True
        ).stdout,
        "register.csv": (tmp_path / "site" / "register.csv").read_text(),
    }
    for name, text in outputs.items():
        for delimiter in (",", ";"):
            cells = [c.strip(' "') for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row]
            assert not [c for c in cells if c[:1] in ("=", "@")], (name, delimiter)
        assert "Community forum;'=2+3, '@SUM(A1);x" in text, name
    (tmp_path / "register" / "forum.yaml").write_text(
        'id: forum\ntitle: "EVIL TITLE\\rSafe"\nkind: contract\nstatus: active\nstart: 2020-01-01\n'
    )
    listed = run_partreg(tmp_path, "list", "--format", "csv", check=True).stdout
    assert "\r" not in listed.replace("\r\n", "") and "EVIL TITLE\nSafe" in listed  # no line overwritten
    rows = list(csv.DictReader(io.StringIO(outputs["review-due"])))
    assert rows and all(r["days"].lstrip("-").isdigit() for r in rows if r["days"])


@pytest.mark.spawns
@pytest.mark.parametrize("command", ["lint", "init new-register", "list"])
def test_a_command_run_in_a_folder_since_deleted_says_so(tmp_path, command):
    """`partreg init` run in a folder deleted under it had ended in a traceback."""
    gone = tmp_path / "gone"
    gone.mkdir()
    script = f'cd "{gone}" && rmdir "{gone}" && exec "{sys.executable}" -m partreg {command}'
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True)
    assert result.returncode == 2
    assert (
        result.stderr
        == "partreg: the current folder no longer exists (deleted or moved): cd to one that does\n"
    )
    assert result.stdout == ""
