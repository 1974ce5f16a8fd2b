"""history on whatever a repository holds: links, files that are not arrangements, odd commits and
past versions that cannot be read. A clear answer every time, never a traceback; real git repositories."""

import json

import pytest

from tests.test_cli import partreg
from tests.test_reviews_cli import git

pytestmark = pytest.mark.spawns

FUND = "brentwood-community-fund"


@pytest.fixture
def repo(register):
    """The example register, committed to a new git repository."""
    git(register, "init", "-q")
    git(register, "add", "-A")
    git(register, "commit", "-qm", "Add the register")
    return register


def change(repo, old, new, subject, author="Register Owner"):
    """Commit ``old`` replaced by ``new`` in the fund's file."""
    fund = repo / "register" / f"{FUND}.yaml"
    fund.write_bytes(fund.read_bytes().replace(old, new))
    git(repo, "commit", "-qam", subject, author=author)


def history(repo, *args):
    code, out, err = partreg("history", FUND, *args, cwd=repo)
    assert (code, err) == (0, "")
    return json.loads(out) if "json" in args else out


def refused(result, *words):
    code, out, err = result
    assert code == 2, err
    assert out == ""
    assert err.startswith("partreg: ") and err.count("\n") == 1, err
    assert all(w in err for w in words), err


# --------------------------------------------------------------------------- which file


def test_a_linked_entry_is_refused_as_lint_refuses_it(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.yaml"
    outside.write_text("id: secret\n")
    (repo / "register" / "secret.yaml").symlink_to(outside)
    (repo / "register" / "fund-again.yaml").symlink_to(f"{FUND}.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Link two files in")

    for target in ("secret", "fund-again", "register/fund-again.yaml"):
        refused(partreg("history", target, cwd=repo), "is a symbolic link")


@pytest.mark.parametrize(
    "target",
    ["../partreg", "../partreg.yaml", "partreg.yaml", "register/notes.txt", "/etc/passwd", "register/"],
)
def test_only_an_arrangement_file_of_the_register_has_a_history(repo, target):
    (repo / "register" / "notes.txt").write_text("not an arrangement\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Notes")
    cwd = repo / "register" if target.startswith("..") else repo

    refused(partreg("history", target, cwd=cwd), target)


def test_a_file_larger_than_the_limit_is_refused(repo):
    settings = repo / "partreg.yaml"
    settings.write_text(settings.read_text() + "max_file_bytes: 1000\n")
    refused(partreg("history", FUND, cwd=repo), f"register/{FUND}.yaml is larger than 1,000 bytes")


def test_an_arrangement_is_named_by_its_id_or_its_file(repo):
    by_id = partreg("history", FUND, "-f", "json", cwd=repo)
    assert by_id[0] == 0
    assert partreg("history", f"register/{FUND}.yaml", "-f", "json", cwd=repo) == by_id
    assert partreg("history", f"{FUND}.yaml", "-f", "json", cwd=repo / "register") == by_id


def test_review_writes_only_to_an_arrangement_of_the_register(repo):
    settings = (repo / "partreg.yaml").read_bytes()
    (repo / "register" / "fund-again.yaml").symlink_to(f"{FUND}.yaml")
    fund = (repo / "register" / f"{FUND}.yaml").read_bytes()

    for target, words in (("../partreg", "is not an arrangement id"), ("fund-again", "is a symbolic link")):
        refused(partreg("review", target, "--date", "2025-01-01", "--outcome", "continue", cwd=repo), words)
    assert (repo / "partreg.yaml").read_bytes() == settings
    assert (repo / "register" / "fund-again.yaml").is_symlink()
    assert (repo / "register" / f"{FUND}.yaml").read_bytes() == fund


def test_a_register_folder_linked_from_outside_the_repository_has_no_history_here(repo, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "register"
    (repo / "register").rename(elsewhere)
    (repo / "register").symlink_to(elsewhere)

    code, out, err = partreg("history", FUND, cwd=repo)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "is not inside the git repository" in err


# --------------------------------------------------------------------------- the commits


@pytest.mark.parametrize("mark", ["\x1f", "\x1e", "\x1f\x1e"])
def test_the_separators_git_log_could_use_are_only_text_in_a_name_or_a_subject(repo, mark):
    change(repo, b"title: Brentwood", b"title: The Brentwood", f"Rename{mark} the fund{mark}", f"Ev{mark}e")

    [changed, created] = history(repo, "-f", "json")
    assert (changed["author"], changed["subject"]) == (f"Ev{mark}e", f"Rename{mark} the fund{mark}")
    assert changed["fields"] == ["title"]
    assert (created["subject"], created["fields"]) == ("Add the register", ["(created)"])


# --------------------------------------------------------------------------- past versions

BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)
)


@pytest.mark.parametrize(
    "raw",
    [
        "title: Caf\u00e9 Fund\n".encode("cp1252"),
        "id: brentwood-community-fund\n".encode("utf-16"),
        "id: brentwood-community-fund\n".encode("utf-16-be"),
        bytes(range(256)) * 4,
        b"id: brentwood-community-fund\x00\n",
        b"",
        b"- a list\n- not an entry\n",
        BOMB.encode(),
        b"id: " + b"[" * 300 + b"]" * 300 + b"\n",
        b"id: !!python/object:os.system x\n",
    ],
    ids=["cp1252", "utf-16", "utf-16-be", "binary", "nul", "empty", "list", "alias-bomb", "deep", "tag"],
)
def test_a_version_lint_cannot_read_is_an_unreadable_version(repo, raw):
    fund = repo / "register" / f"{FUND}.yaml"
    good = fund.read_bytes()
    fund.write_bytes(raw)
    git(repo, "commit", "-qam", "Save it wrongly")
    fund.write_bytes(good)
    git(repo, "commit", "-qam", "Save it again")

    changes = history(repo, "-f", "json")
    assert [(c["subject"], c["fields"]) for c in changes] == [
        ("Save it again", ["(whole file)"]),
        ("Save it wrongly", ["(unreadable version)"]),
        ("Add the register", ["(created)"]),
    ]


def test_a_version_larger_than_the_limit_is_not_read(repo):
    fund = repo / "register" / f"{FUND}.yaml"
    assert fund.stat().st_size > 1000
    fund.write_text("id: brentwood-community-fund\ntitle: Brentwood Community Fund\n")
    git(repo, "commit", "-qam", "Shorten it")
    settings = repo / "partreg.yaml"
    settings.write_text(settings.read_text() + "max_file_bytes: 1000\n")

    changes = history(repo, "-f", "json")
    assert [c["fields"] for c in changes] == [["(whole file)"], ["(created)", "(unreadable version)"]]


def test_a_version_that_was_a_link_is_not_followed(repo):
    fund = repo / "register" / f"{FUND}.yaml"
    good = fund.read_bytes()
    fund.unlink()
    fund.symlink_to("brentwood-leisure-trust.yaml")
    git(repo, "commit", "-qam", "Link it")
    fund.unlink()
    fund.write_bytes(good)
    git(repo, "commit", "-qam", "Unlink it")

    changes = history(repo, "-f", "json")
    assert [c["fields"] for c in changes] == [["(whole file)"], ["(unreadable version)"], ["(created)"]]


# --------------------------------------------------------------------------- the terminal


def test_escape_sequences_in_a_commit_are_shown_never_sent_to_the_terminal(repo, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # one line a commit, so each escape is whole
    fund = repo / "register" / f"{FUND}.yaml"
    fund.write_text(fund.read_text() + "\x1b[8m: hidden\n")
    git(repo, "commit", "-qam", "Retitle \x1b]0;pwned\x07 and \u202edone", author="Ev\x1b[2Je")

    out = history(repo)
    assert not {"\x1b", "\x07", "\u202e"} & set(out)
    assert "Ev\\x1b[2Je" in out
    assert "Retitle \\x1b]0;pwned\\x07 and \\u202edone" in out
    assert "\\x1b[8m" in out
    [changed, _] = history(repo, "-f", "json")  # JSON escapes them itself, and keeps the values
    assert (changed["author"], changed["fields"]) == ("Ev\x1b[2Je", ["\x1b[8m"])
