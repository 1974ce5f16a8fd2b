"""Serial and parallel lint give the same problems, file by file, in the same order."""

import datetime as dt
import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from partreg.folders import listed_files, read_settings, register_files
from partreg.runner import PARALLEL_FROM, jobs_for, lint_files
from tests.common import REPO


def load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    root = tmp_path_factory.mktemp("messy")
    load_generator().generate(root, 1200, broken=0.1, seed=7)
    files = register_files(root)
    # the same id in far-apart files, so that different workers see them: copies beside the files
    # named by their ids, and one id in two files named by neither (a duplicate-id)
    shutil.copy(files[5], root / "register" / "zz-copy-of-an-early-file.yaml")
    shutil.copy(files[900], root / "register" / "aa-copy-of-a-late-file.yaml")
    for name in ("aa-shared", "zz-shared"):
        (root / "register" / f"{name}.yaml").write_text(
            files[7].read_text().replace(f"id: {files[7].stem}", "id: shared-by-two")
        )
    return root


@pytest.mark.spawns
def test_parallel_and_serial_report_identical_problems(messy):
    files = register_files(messy)
    settings, _ = read_settings(messy)
    today = dt.date(2026, 1, 1)
    serial = list(lint_files(files, messy, settings, today, jobs=1))
    parallel = list(lint_files(files, messy, settings, today, jobs=2))
    assert len(serial) == len(files)
    assert parallel == serial
    # as lint hands them out: the files by their names, made paths in the workers (and here, only
    # the file of a duplicate id, read again for its position)
    assert list(lint_files(listed_files(messy), messy, settings, today, jobs=2)) == serial
    rules = {p.rule for found in serial for p in found}
    assert {
        "yaml-syntax",
        "unknown-key",
        "wrong-type",
        "duplicate-key",
        "duplicate-id",
        "id-mismatch",
    } <= rules
    broken = sum(bool(found) for found in serial)
    assert 0.07 * len(files) < broken < 0.15 * len(files)


def test_a_problem_comes_back_from_a_worker_as_it_was_sent():
    import pickle

    from partreg.problems import Problem, Severity

    for problem in (
        Problem(
            "register/a.yaml",
            3,
            5,
            "wrong-type",
            Severity.ERROR,
            "months: should be a whole number",
            "review.months",
        ),
        Problem("b.yaml", 1, 1, "start-not-recorded", Severity.WARNING, "when it began is not recorded"),
    ):
        back = pickle.loads(pickle.dumps(problem, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == problem and type(back) is Problem
        assert back.severity is problem.severity  # the member itself, which reports compare by identity


def test_the_collector_is_paused_for_a_files_work_and_left_as_it_was():
    import gc

    from partreg.collector import collector_paused

    assert gc.isenabled()
    try:
        with collector_paused():
            assert not gc.isenabled()
            with collector_paused():  # reading inside a check
                assert not gc.isenabled()
            assert not gc.isenabled()
            raise ValueError("a fault in the work")
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()  # paused by someone else already: not enabled behind their back
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_how_many_processes():
    assert jobs_for(10, None) == 1
    assert jobs_for(PARALLEL_FROM - 1, None) == 1
    assert jobs_for(PARALLEL_FROM, None) == len(os.sched_getaffinity(0))
    cpus = len(os.sched_getaffinity(0))
    assert jobs_for(10, 3) == min(3, cpus)
    assert jobs_for(10_000, 300) == cpus, "--jobs 300 starts no more processes than there are CPUs"
    assert jobs_for(1, 4) == 1, "nor more than there are files"


def publish(root, out, jobs):
    from partreg.folders import package_templates
    from partreg.render import publication
    from partreg.rendering import publish, render_files
    from partreg.site import open_site
    from partreg.templating import template_dirs

    settings, _ = read_settings(root)
    pub = publication(settings, dt.date(2026, 1, 1), template_dirs(root, package_templates()))
    rendered = render_files(register_files(root), root, pub, out, jobs=jobs)
    publish(rendered, pub, open_site(out), left_out=len(rendered.left_out))
    assert (
        rendered.staging is None
        and [p.name for p in out.iterdir() if p.name.startswith(".partreg-pages")] == []
    )
    return rendered, {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.spawns
def test_parallel_and_serial_render_identical_sites(tmp_path):
    root = tmp_path / "register-root"
    load_generator().generate(root, 700, broken=0.1, seed=11)
    files = register_files(root)
    early, late = files[3], files[650]  # far apart: rendered in different chunks, by different workers
    early_id, late_id = early.stem, late.stem
    # a later file repeating an early id, and an earlier file repeating a late one: the file named by
    # the id wins, whichever is read first
    (root / "register" / "zz-repeat.yaml").write_text(
        early.read_text().replace("title: ", "title: Repeated ", 1)
    )
    (root / "register" / "aa-repeat.yaml").write_text(late.read_text().replace("title: ", "title: First ", 1))

    serial, serial_site = publish(root, tmp_path / "serial", jobs=1)
    parallel, parallel_site = publish(root, tmp_path / "parallel", jobs=2)

    assert parallel_site == serial_site
    assert parallel.unreadable == serial.unreadable and parallel.duplicates == serial.duplicates
    # only files that cannot be read at all are left out; entries with wrong or missing fields are published
    assert 0.02 * len(files) < len(serial.unreadable) < 0.1 * len(files)
    assert {p.rule for p in serial.unreadable} <= {
        "yaml-syntax",
        "duplicate-key",
        "not-a-mapping",
        "file-encoding",
    }
    assert {Path(p.path).name for p in serial.duplicates} == {"zz-repeat.yaml", "aa-repeat.yaml"}
    pages = tmp_path / "parallel" / "arrangements"
    assert "Repeated " not in (pages / f"{early_id}.html").read_text()
    assert "<h1>First " not in (pages / f"{late_id}.html").read_text(), "the copy read first is left out"
    assert len(list(pages.iterdir())) == len(serial.parts) == len(files) + 2 - len(serial.unreadable) - 2


def test_a_listing_is_the_register_files_made_paths_only_where_asked_for(tmp_path):
    (tmp_path / "register").mkdir()
    for name in ("csp.yaml", "b.yml", "a.YAML", "notes.txt", "c.yaml"):
        (tmp_path / "register" / name).write_text("id: x\n")
    listed = listed_files(tmp_path)
    assert list(listed) == register_files(tmp_path)
    assert [listed[i] for i in range(len(listed))] == register_files(tmp_path)
    assert list(listed[1:3]) == register_files(tmp_path)[1:3]
    assert listed[-1] == tmp_path / "register" / "csp.yaml"
    assert listed.ids() == {p.stem for p in register_files(tmp_path)} == {"a", "b", "c", "csp"}
    assert len(listed_files(tmp_path / "nowhere")) == 0


def test_a_link_to_a_folder_inside_the_register_is_a_folder_whose_files_are_named(tmp_path):
    (tmp_path / "register").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "old.yaml").write_text("id: old\n")
    (tmp_path / "register" / "linked").symlink_to(tmp_path / "elsewhere")
    assert listed_files(tmp_path).nested() == [tmp_path / "register" / "linked" / "old.yaml"]
    assert listed_files(tmp_path).nested(["register/linked/*"]) == []
