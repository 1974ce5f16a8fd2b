import os

import pytest

from partreg.yaml.reading import read_document


def test_a_regular_file_is_read(tmp_path):
    (tmp_path / "a.yaml").write_text("id: abc\n")
    assert read_document(tmp_path / "a.yaml").problems == []


def test_a_folder_named_like_a_file(tmp_path):
    (tmp_path / "x.yaml").mkdir()
    [p] = read_document(tmp_path / "x.yaml").problems
    assert (p.rule, p.line, p.column) == ("unreadable-file", 1, 1)
    assert "folder" in p.message


def test_a_symlink_is_not_followed(tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: secret\n")
    (tmp_path / "link.yaml").symlink_to(outside)
    doc = read_document(tmp_path / "link.yaml")
    assert [p.rule for p in doc.problems] == ["unreadable-file"]
    assert doc.data is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their permissions")
def test_permission_denied(tmp_path):
    f = tmp_path / "locked.yaml"
    f.write_text("id: abc\n")
    f.chmod(0)
    assert [p.rule for p in read_document(f).problems] == ["unreadable-file"]


def test_permission_error_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    f = tmp_path / "locked.yaml"
    f.write_text("id: abc\n")

    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    [p] = read_document(f).problems
    assert (p.rule, p.line) == ("unreadable-file", 1)
    assert "Permission denied" in p.message


def test_a_pipe_named_like_a_file_is_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    [p] = read_document(fifo).problems
    assert p.rule == "unreadable-file" and "not a regular file" in p.message
