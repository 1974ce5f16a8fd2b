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
