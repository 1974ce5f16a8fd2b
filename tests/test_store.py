"""The loader: positions, the two readers' agreement, finding the register, atomic writes."""

import pytest

from partreg.app.register import open_register
from partreg.errors import RegisterNotFound, UsageError, WriteRefused
from partreg.files import write_atomic
from partreg.folders import expand_paths, find_root, register_files, resolve_root
from partreg.models import PartialDate
from partreg.yaml.reading import load_fast_data, load_roundtrip_data, parse_document, read_document
from tests.common import PARTNERSHIP, REPO, run_partreg


def test_positions_of_keys_and_values():
    doc = parse_document(PARTNERSHIP.encode(), "p.yaml")
    assert doc.locate(("kind",)) == (3, 7)
    assert doc.locate(("kind",), at_key=True) == (3, 1)
    assert doc.locate(("partners", 0, "sector")) == (12, 13)
    assert doc.locate(("lead", "nothing-here")) == (6, 1)  # the deepest part that exists
    assert doc.locate(("nothing-here",)) == (1, 1)


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("a: yes\nb: off\nc: y\n", {"a": "yes", "b": "off", "c": "y"}),
        ("a: 010\nb: 0o10\nc: 0x10\n", {"a": 10, "b": 8, "c": 16}),
        ("a: 1:30\n", {"a": "1:30"}),
        (
            "a: 2025-04-01\nb: '2025-04-01'\nc: 2025-04-01T10:00:00Z\n",
            {"a": "2025-04-01", "b": "2025-04-01", "c": "2025-04-01T10:00:00Z"},
        ),
        ("a: ~\nb: null\nc:\n", {"a": None, "b": None, "c": None}),
        ("a: true\nb: False\n", {"a": True, "b": False}),
        ("x: &x {a: 1}\ny:\n  <<: *x\n", {"x": {"a": 1}, "y": {"<<": {"a": 1}}}),
        ("a: !!str 010\n", {"a": "010"}),
        ("a: >\n  folded\n  text\nb: |\n  kept\n", {"a": "folded text\n", "b": "kept\n"}),
    ],
    ids=[
        "yaml-1.1-booleans",
        "octal-looking",
        "sexagesimal",
        "dates",
        "nulls",
        "booleans",
        "merge-key",
        "core-tag",
        "block-scalars",
    ],
)
def test_both_readers_give_the_yaml_1_2_core_meaning(text, meaning):
    assert load_fast_data(text) == meaning
    assert load_roundtrip_data(text) == meaning


def test_both_readers_refuse_duplicates_and_foreign_tags():
    for text in ("a: 1\na: 2\n", "a: !foo x\n", "a: !!set {x}\n"):
        with pytest.raises(ValueError):
            load_fast_data(text)
        with pytest.raises(ValueError):
            load_roundtrip_data(text)


@pytest.mark.slow
def test_both_readers_agree_on_the_example_register():
    for path in register_files(REPO):
        text = path.read_text()
        assert load_fast_data(text) == load_roundtrip_data(text), path.name


def test_dates_become_dates_in_the_model():
    register = open_register(REPO)
    assert register.problems == []
    assert all(
        isinstance(e.start, PartialDate)
        for e in register.entries
        if e.id != "joint-leisure-services-contract"
    )
    assert next(e for e in register.entries if e.id == "joint-leisure-services-contract").start is None, (
        "a contract still being procured: no start yet"
    )


def test_find_root_searches_upward(tmp_path):
    (tmp_path / "partreg.yaml").write_text("council: X\n")
    deep = tmp_path / "register" / "a" / "b"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path.resolve()
    assert resolve_root(None, deep) == tmp_path.resolve()
    assert resolve_root(tmp_path, deep) == tmp_path


def test_no_register_is_a_clear_usage_error(tmp_path):
    with pytest.raises(RegisterNotFound) as e:
        find_root(tmp_path)
    assert "partreg.yaml" in str(e.value) and e.value.exit_code == 2
    with pytest.raises(UsageError):
        resolve_root(tmp_path / "missing", tmp_path)


def test_expand_paths(tmp_path):
    (tmp_path / "a.yaml").write_text("")
    (tmp_path / "b.txt").write_text("")
    assert expand_paths([tmp_path]) == [tmp_path / "a.yaml"]
    assert expand_paths([REPO]) == register_files(REPO)
    with pytest.raises(UsageError):
        expand_paths([tmp_path / "nope.yaml"])


def test_read_document_on_a_missing_file_is_a_problem(tmp_path):
    [p] = read_document(tmp_path / "gone.yaml").problems
    assert p.rule == "unreadable-file"


def test_write_atomic_replaces_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("old\n")
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_write_atomic_exclusive_never_replaces(tmp_path):
    target = tmp_path / "a.yaml"
    write_atomic(target, "first\n", exclusive=True)
    with pytest.raises(WriteRefused):
        write_atomic(target, "second\n", exclusive=True)
    assert target.read_text() == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_write_atomic_refuses_a_file_changed_since_it_was_read(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("as read\n")
    before = target.read_bytes()
    target.write_text("someone else's edit\n")
    with pytest.raises(WriteRefused):
        write_atomic(target, "mine\n", expect=before)
    assert target.read_text() == "someone else's edit\n"
    write_atomic(target, "mine\n", expect=target.read_bytes())
    assert target.read_text() == "mine\n"


def test_a_write_that_cannot_happen_is_one_clear_error(tmp_path):
    """No folder, or a file where the folder should be: CannotWrite naming the path, nothing left behind."""
    from partreg.errors import CannotWrite, PartregError
    from partreg.files import make_folder, write_atomic

    (tmp_path / "a-file").write_text("x")
    for target in (tmp_path / "missing" / "entry.yaml", tmp_path / "a-file" / "entry.yaml"):
        with pytest.raises(
            CannotWrite, match=r"entry\.yaml: cannot be written \(.+\): check the folder exists"
        ):
            write_atomic(target, "id: x\n")
    with pytest.raises(CannotWrite, match="a-file/site: cannot be written"):
        make_folder(tmp_path / "a-file" / "site")
    assert issubclass(CannotWrite, PartregError)  # so the command line reports it in one line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.spawns
def test_commands_that_cannot_write_say_so_in_one_line(tmp_path, register):
    (tmp_path / "a-file").write_text("x")
    for command, cwd in (
        (["render", "--out", str(tmp_path / "a-file" / "site")], register),
        (["init", str(tmp_path / "a-file" / "new"), "--council", "Test", "--priority", "Growth"], tmp_path),
    ):
        result = run_partreg(cwd, *command)  # which also checks there is no traceback
        assert result.returncode == 1, (command, result.stderr)
        [line] = result.stderr.strip().splitlines()
        assert "a-file/" in line and "cannot be written (Not a directory)" in line, line


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85", "\x01"])
def test_a_line_separator_or_control_character_in_a_comment_does_not_shift_later_positions(odd):
    """YAML 1.2 (and the fast reader) has only LF and CR as line breaks; positions must agree."""
    from tests.common import CONTRACT, check, replace

    text = replace(CONTRACT, "kind: contract", f"kind: contract  # a{odd}b")
    text = replace(text, "status: active", "status: nonsense")
    line = text.split("\n").index("status: nonsense") + 1
    check(text, ("invalid-value", line, 9))


def test_diagnostics_that_read_a_file_again_stop_within_their_budget(monkeypatch):
    """Beyond the events the diagnostics may read, a repeated key or an unclosed bracket is still the
    file's one problem; the finer position of a bracket is not looked for, and a repeated key's is
    read from the lines (in one pass, which takes time that grows with the file)."""
    from partreg.yaml import diagnostics

    monkeypatch.setattr(diagnostics, "_RESCAN_EVENTS", 50)
    many = "".join(f"key_{i}: {i}\n" for i in range(100))
    [repeated] = parse_document((many + "key_1: again\n").encode(), "f.yaml").problems
    assert (repeated.rule, repeated.line, repeated.column) == ("duplicate-key", 101, 1)
    [unclosed] = parse_document((many + "last: [1, 2\n").encode(), "f.yaml").problems
    assert unclosed.rule == "yaml-syntax" and "not closed" not in unclosed.message
    assert unclosed.line == 101  # the parser's own position
    within = parse_document(b"a: 1\na: 2\n", "f.yaml").problems
    assert [(p.rule, p.line) for p in within] == [("duplicate-key", 2)]
    # a second document is looked for within the budget too (a megabyte of a list in 60 brackets
    # and a `---` took 2.8 s); a first document longer than that is a list, as yaml-rs read it
    items = "".join(f"- {i}\n" for i in range(10))
    documents = parse_document((items + "---\n- x\n").encode(), "f.yaml")
    assert [p.rule for p in documents.problems] == ["multiple-documents"]
    items = "".join(f"- {i}\n" for i in range(100))
    documents = parse_document((items + "---\n- x\n").encode(), "f.yaml")
    assert [p.rule for p in documents.problems] == ["not-a-mapping"]


def _open_descriptors() -> int:
    import os

    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(
    not __import__("os").path.isdir("/proc/self/fd"), reason="needs /proc to count open files"
)
def test_reading_many_files_opens_each_once_and_leaves_none_open_when_stopped_early(tmp_path, monkeypatch):
    import os

    from partreg import documents

    register = tmp_path / "register"
    register.mkdir()
    paths = []
    for i in range(150):  # more than two read-ahead windows
        path = register / f"entry-{i:03d}.yaml"
        path.write_text(f"id: entry-{i:03d}\ntitle: Entry {i}\n", encoding="utf-8")
        paths.append(path)
    (register / "link.yaml").symlink_to(paths[0])  # refused by the look ahead and by the reading
    paths.insert(70, register / "link.yaml")
    (register / "gone.yaml").write_text("id: gone\n")
    paths.insert(3, register / "gone.yaml")
    (register / "gone.yaml").unlink()  # named, then deleted before it is read

    opened: list[str] = []
    real_open = os.open

    def counting_open(path, *args, **kwargs):
        opened.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting_open)
    before = _open_descriptors()
    read = list(documents.iter_documents(paths, tmp_path))
    assert _open_descriptors() == before
    assert [doc.data["id"] for doc, _ in read if doc.data] == [f"entry-{i:03d}" for i in range(150)]
    assert [(doc.display, doc.problems[0].rule) for doc, _ in read if doc.problems] == [
        ("register/gone.yaml", "unreadable-file"),
        ("register/link.yaml", "unreadable-file"),
    ]
    # each readable file opened once; those that could not be opened were tried again by the reading
    assert sorted(opened) == sorted(map(str, [*paths, register / "gone.yaml", register / "link.yaml"]))

    reader = documents.iter_documents(paths, tmp_path)
    assert next(reader)[0].data["id"] == "entry-000"
    assert _open_descriptors() > before  # the next files are open, read ahead
    reader.close()  # a reader that stops early (the first problem of `--fail-fast`, say)
    assert _open_descriptors() == before


def test_a_write_never_puts_a_file_in_the_place_of_a_link_a_pipe_or_a_device(tmp_path):
    """`export --out /dev/stdout` (a link), a named pipe, a device: the rename that makes a write
    whole had put a file in its place (run as root, over /dev/full)."""
    import os

    target = tmp_path / "real.csv"
    target.write_text("kept\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for path, said in ((link, "is a link"), (pipe, "is not a file")):
        with pytest.raises(WriteRefused, match=said):
            write_atomic(path, "new\n")
    assert link.is_symlink() and target.read_text() == "kept\n"
    assert not pipe.is_file() and pipe.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "pipe", "real.csv"], "no file left over"
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
