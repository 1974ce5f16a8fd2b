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
