from tests.common import PARTNERSHIP, check


def test_utf8_with_and_without_bom():
    check(PARTNERSHIP)
    check(b"\xef\xbb\xbf" + PARTNERSHIP.encode())


def test_latin1_byte_is_located():
    check(b"id: abc\ntitle: Caf\xe9\n", ("file-encoding", 2, 11))


def test_utf16():
    check("id: abc\n".encode("utf-16"), ("file-encoding", 1, 1))


def test_nul_byte():
    check(b"id: abc\ntitle: a\x00b\n", ("file-encoding", 2, 9))


def test_utf16_without_its_mark_is_said_to_be_utf16():
    from tests.common import lint_text

    for encoding in ("utf-16-le", "utf-16-be"):
        [p] = lint_text("id: abc\ntitle: Café, the Council\u2019s \u20ac5 forum\n".encode(encoding))
        assert (p.rule, p.line, p.column) == ("file-encoding", 1, 1)
        assert p.message == (
            "is UTF-16 (what Excel and Notepad call Unicode), without the mark that says so: save it as UTF-8"
        )


def test_a_windows_1252_byte_after_utf8_text_is_placed_by_characters_and_named():
    """A column counts characters, as SARIF's `unicodeCodePoints` says; the byte is named as the
    character Word and Notepad saved it for, with how to save the file right."""
    from tests.common import lint_text

    [p] = lint_text("id: abc\ntitle: Café \u2013 ".encode() + b"\x92s grant\n")
    assert (p.rule, p.line, p.column) == ("file-encoding", 2, 15)
    assert p.message == (
        "is not UTF-8: the byte 0x92 here is '\u2019' (right single quotation mark), as Windows-1252 (ANSI) writes "
        "it: save the file as UTF-8 (in Notepad: File, Save As, Encoding: UTF-8)"
    )
    [p] = lint_text(b"id: abc\ntitle: Grant \x81\n")  # a byte Windows-1252 does not use
    assert p.message.startswith("is not UTF-8: the byte 0x81 here is a character in another encoding: save")
