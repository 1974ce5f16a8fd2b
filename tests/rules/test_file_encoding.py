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
