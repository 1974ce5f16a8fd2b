from tests.common import PARTNERSHIP, check


def test_id_matches_file_name():
    check(PARTNERSHIP, file_id="test-partnership")


def test_id_differs_from_file_name():
    check(PARTNERSHIP, ("id-mismatch", 1, 5), file_id="community-safety")


def test_the_fix_offered_is_one_that_works():
    import shlex

    from tests.common import lint_text

    [p] = lint_text(PARTNERSHIP, file_id="community-safety")
    assert "write id: community-safety; or, to keep the id, rename the file with" in p.message
    # a name that is not an id (spaces, capitals, brackets) cannot be written as the id: the file is renamed,
    # with a command a shell runs as it is
    for name in ("Community Safety Partnership", "test-partnership (copy)", "it's-mine"):
        [p] = lint_text(PARTNERSHIP, file_id=name)
        assert "write id:" not in p.message and "the file's name is not an id" in p.message
        command = p.message.split("`")[1]
        assert shlex.split(command) == [
            "git",
            "mv",
            f"register/{name}.yaml",
            "register/test-partnership.yaml",
        ]


def test_the_rename_names_the_file_as_it_is_with_its_ending_and_folder(tmp_path):
    import shlex

    from partreg.runner import lint_files
    from tests.common import SETTINGS

    (tmp_path / "register").mkdir()
    files = [tmp_path / "register" / "Town Forum.yml", tmp_path / "register" / "forum.YAML"]
    for path in files:
        path.write_text(PARTNERSHIP)
    found = {
        p.path: p.message
        for ps in lint_files(files, tmp_path, SETTINGS, None, jobs=1)
        for p in ps
        if p.rule == "id-mismatch"
    }
    commands = {f: shlex.split(m.split("`")[1]) for f, m in found.items()}
    assert commands == {
        "register/Town Forum.yml": ["git", "mv", "register/Town Forum.yml", "register/test-partnership.yml"],
        "register/forum.YAML": ["git", "mv", "register/forum.YAML", "register/test-partnership.YAML"],
    }
    assert "does not match the file name 'Town Forum.yml'" in found["register/Town Forum.yml"]


def test_a_copy_beside_the_file_it_copies_is_not_told_to_take_its_name(tmp_path):
    """`clean-one copy.yaml` was told `git mv 'register/clean-one copy.yaml' register/clean-one.yaml`,
    a name taken, and the original (an error, though it is right) that the copy's id is already used
    by it: the copy's own problem says what to do, and the original has none."""
    from partreg.runner import lint_files
    from tests.common import SETTINGS

    (tmp_path / "register").mkdir()
    files = [
        tmp_path / "register" / "test-partnership copy.yaml",
        tmp_path / "register" / "test-partnership.yaml",
    ]
    for path in files:
        path.write_text(PARTNERSHIP)
    known = frozenset({"test-partnership copy", "test-partnership"})
    found = [p for ps in lint_files(files, tmp_path, SETTINGS, None, jobs=1, known=known) for p in ps]
    said = {(p.path, p.rule): p.message for p in found if p.rule in ("id-mismatch", "duplicate-id")}
    assert said == {
        ("register/test-partnership copy.yaml", "id-mismatch"): (
            "the id 'test-partnership' does not match the file name 'test-partnership copy.yaml': another file of "
            "the register is named test-partnership: if this one is a copy of it, delete one of the two; if it "
            "records another arrangement, give it its own id, and name the file after it"
        ),
    }


def test_an_id_that_is_no_id_in_a_file_named_by_it_is_told_both_changes_at_once(tmp_path):
    """`id: Policy-Forum` in `Policy-Forum.yaml` was told the id's form; once written `policy-forum`,
    that the file's name did not match it."""
    from partreg.runner import lint_files
    from tests.common import SETTINGS, replace

    (tmp_path / "register").mkdir()
    text = replace(PARTNERSHIP, "id: test-partnership", "id: Test-Partnership")
    named, well = (
        tmp_path / "register" / "Test-Partnership.yaml",
        tmp_path / "register" / "test-partnership.yml",
    )
    for path in (named, well):
        path.write_text(text)
    said = {
        p.path: p.message
        for path in (named, well)
        for ps in lint_files([path], tmp_path, SETTINGS, None, jobs=1)
        for p in ps
        if p.key == "id"
    }
    assert said["register/Test-Partnership.yaml"].endswith(
        "; write id: test-partnership, and rename the file to match with "
        "`git mv register/Test-Partnership.yaml register/test-partnership.yaml`"
    )
    assert said["register/test-partnership.yml"].endswith("; write id: test-partnership"), (
        "named well: the id"
    )


def test_an_id_that_is_no_id_is_not_told_to_take_a_name_another_file_has_and_keeps_its_accents(tmp_path):
    """`CSP.yaml` beside `csp.yaml` was told `git mv register/CSP.yaml register/csp.yaml` (a name
    taken); `Café-Forum` was told `caf-forum`, where `add` and import write `cafe-forum`."""
    from partreg.runner import lint_files
    from tests.common import SETTINGS, replace

    (tmp_path / "register").mkdir()
    files = {
        "csp": PARTNERSHIP.replace("id: test-partnership", "id: csp"),
        "CSP": PARTNERSHIP.replace("id: test-partnership", "id: CSP"),
        "Café-Forum": replace(PARTNERSHIP, "id: test-partnership", "id: Café-Forum"),
    }
    paths = []
    for name, text in files.items():
        paths.append(tmp_path / "register" / f"{name}.yaml")
        paths[-1].write_text(text)
    known = frozenset(files)
    said = {
        (p.path, p.rule): p.message
        for ps in lint_files(sorted(paths), tmp_path, SETTINGS, None, jobs=1, known=known)
        for p in ps
        if p.key == "id"
    }
    assert said[("register/CSP.yaml", "wrong-type")].endswith(
        "; another file of the register is named csp: if this one is a copy of it, delete one of the two; if "
        "it records another arrangement, give it its own id, and name the file after it"
    )
    assert ("register/csp.yaml", "duplicate-id") not in said, "named by the id: CSP.yaml's problem says which"
    assert said[("register/Café-Forum.yaml", "wrong-type")].endswith(
        "; write id: cafe-forum, and rename the file to match with "
        "`git mv 'register/Café-Forum.yaml' register/cafe-forum.yaml`"
    )
