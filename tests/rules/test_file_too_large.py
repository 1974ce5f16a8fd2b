from partreg.yaml.reading import read_document


def test_under_the_limit(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("id: abc\n" + "# padding\n" * 10)
    assert read_document(f, max_bytes=1000).problems == []


def test_over_the_limit(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("id: abc\n" + "# padding\n" * 200)
    [p] = read_document(f, max_bytes=1000).problems
    assert p.rule == "file-too-large"
    assert "1,000 bytes" in p.message
