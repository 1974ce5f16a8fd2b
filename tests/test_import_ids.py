"""An entry's id, made from its row's title with each accented letter read without its accent
("Café Forum" is `cafe-forum`); and a register imported while ids dropped those letters
(`caf-forum.yaml`), whose rows an import run again finds in their files as it did, writing
nothing beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from partreg.app.importing import plan_import, write_import
from tests.common import new_register
from tests.test_import_formulas import VALUES_CSV, formulas_csv

SHEET = (
    "Partnership name,Type,Lead officer,Partners\r\n"
    "Café Forum,Forum,Community Development Officer,Conwy Voluntary Services Council\r\n"
    "Rhôs-on-Sea Community Partnership,Partnership,Regeneration Manager,Rhôs Residents Association\r\n"
    "Łódź Twinning Forum,Forum,Policy Officer,Miasto Łódź\r\n"
    ",Partnership,Head of Housing,Shelter Cymru\r\n"
)
#: Two titles alike but for an accent.
ALIKE = (
    "Partnership name,Type,Lead officer,Partners\r\n"
    "Café Forum,Forum,Community Development Officer,Conwy Voluntary Services Council\r\n"
    "Cafe Forum,Forum,Policy Officer,Conwy Business Forum\r\n"
)
#: The ids partreg gave SHEET's rows while ids dropped accented letters (each id now, or the start
#: of one, and what it was), the sheet being `Côte register.csv`, whose last row has no title.
BEFORE = {
    "cafe-forum": "caf-forum",
    "rhos-on-sea-community-partnership": "rh-s-on-sea-community-partnership",
    "lodz-twinning-forum": "d-twinning-forum",
    "cote-register-untitled-": "c-te-register-untitled-",
}


@pytest.fixture
def register(tmp_path: Path) -> Path:
    return new_register(tmp_path, "Conwy County Borough Council")


def sheet(folder: Path, text: str = SHEET, name: str = "Côte register.csv") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def found_again(register: Path, path: Path) -> list[str]:
    """The files an import of the two-row sheet at ``path``, run again, finds its rows in (rows 2
    and 3, in order), having nothing to write."""
    again = plan_import(register, path, [])
    assert again.new == []
    assert again.lines[-3] == "2 rows: 0 to write, 2 already in the register (not written again)."
    said = [line.removeprefix(f"  row {n}: register/") for n, line in enumerate(again.lines[-2:], 2)]
    assert all(line.endswith(" exists already") for line in said), said
    return [line.removesuffix(" exists already") for line in said]


def files(register: Path) -> list[str]:
    return sorted(p.name for p in (register / "register").iterdir())


def imported_before(register: Path, path: Path, renamed: dict[str, str] = BEFORE) -> None:
    """The register as an import of ``path`` wrote it while ids dropped accented letters: each
    file named, and its `id:`, as that import made them (``renamed``: each id now, or the start of
    one, and what it was)."""
    write_import(register, plan_import(register, path, []))
    texts = {}
    for file in (register / "register").iterdir():
        now = file.stem
        was = next(
            (
                old + now[len(new) :]
                for new, old in renamed.items()
                if now == new or (new.endswith("-") and now.startswith(new))
            ),
            now,
        )
        texts[was] = file.read_text("utf-8").replace(f"id: {now}\n", f"id: {was}\n")
        file.unlink()
    for was, text in texts.items():
        (register / "register" / f"{was}.yaml").write_text(text, "utf-8")


def test_an_imported_row_is_written_under_its_title_read_without_accents(register, tmp_path):
    planned = plan_import(register, sheet(tmp_path / "sheet"), [])
    write_import(register, planned)
    [untitled] = [row.id for row in planned.new if row.id.startswith("cote-register-untitled-")]
    assert files(register) == [
        "cafe-forum.yaml",
        f"{untitled}.yaml",
        "lodz-twinning-forum.yaml",
        "rhos-on-sea-community-partnership.yaml",
    ]
    assert (register / "register" / "cafe-forum.yaml").read_text("utf-8").count("id: cafe-forum\n") == 1


def test_a_register_imported_while_ids_dropped_accented_letters_is_found_again(register, tmp_path):
    path = sheet(tmp_path / "sheet")
    imported_before(register, path)
    before = files(register)
    assert "caf-forum.yaml" in before and any(f.startswith("c-te-register-untitled-") for f in before)
    again = plan_import(register, path, [])
    assert again.new == [], "each row is found in the file written for it"
    untitled = next(f for f in before if f.startswith("c-te-register-untitled-"))
    assert again.lines[-5:] == [
        "4 rows: 0 to write, 4 already in the register (not written again).",
        "  row 2: register/caf-forum.yaml exists already",
        "  row 3: register/rh-s-on-sea-community-partnership.yaml exists already",
        "  row 4: register/d-twinning-forum.yaml exists already",
        f"  row 5: register/{untitled} exists already",
    ]
    assert write_import(register, again).created == 0
    assert files(register) == before


def test_a_new_row_beside_rows_imported_before_is_written_under_its_title_read_without_accents(
    register, tmp_path
):
    imported_before(register, sheet(tmp_path / "sheet"))
    grown = sheet(
        tmp_path / "sheet", SHEET + "Côte Brasserie Contract,Contract,Catering Manager,Côte Ltd\r\n"
    )
    again = plan_import(register, grown, [])
    assert [row.id for row in again.new] == ["cote-brasserie-contract"]
    assert "5 rows: 1 to write, 4 already in the register (not written again)." in again.lines


def test_titles_alike_but_for_an_accent_each_find_their_own_file(register, tmp_path):
    """The rows "Café Forum" and "Cafe Forum" were `caf-forum` and `cafe-forum`: now the first is
    `cafe-forum`, but that file is the second row's, which is found in it, as the first is in
    `caf-forum.yaml`."""
    path = sheet(
        tmp_path / "sheet",
        ALIKE,
        "register.csv",
    )
    imported_before(register, path, {"cafe-forum": "caf-forum", "cafe-forum-2": "cafe-forum"})
    assert files(register) == ["caf-forum.yaml", "cafe-forum.yaml"]
    assert found_again(register, path) == ["caf-forum.yaml", "cafe-forum.yaml"]


def test_a_title_saved_since_is_found_in_the_file_written_without_it_under_the_id_it_had(register, tmp_path):
    """A row whose title was a formula with no saved result has its id from what the row says, and
    the sheet's name: `c-te-register-untitled-...` for `Côte register.csv`, as it was written."""
    first = plan_import(register, formulas_csv(tmp_path / "sheet" / "Côte register.csv"), [])
    [untitled] = [row.id for row in first.new if "title" not in row.data]
    assert untitled.startswith("cote-register-untitled-")
    imported_before(register, tmp_path / "sheet" / "Côte register.csv")
    was = untitled.replace("cote-", "c-te-")
    before = files(register)
    assert f"{was}.yaml" in before
    again = plan_import(register, formulas_csv(tmp_path / "again" / "Côte register.csv", VALUES_CSV), [])
    assert again.new == [], "each row is found in the file written for it"
    assert (
        f"the formula '=Titles!B2' had no saved result when register/{was}.yaml was written; the sheet now "
        f"holds its value, which the file does not record: add `title: Homelessness Forum` to register/{was}.yaml"
    ) in "\n".join(again.lines)
    write_import(register, again)
    assert files(register) == before


def test_titles_alike_but_for_an_accent_imported_now_each_find_their_own_file(register, tmp_path):
    """The id "Café Forum" had, `caf-forum`, is now the id of "Caf Forum": a register imported since
    has both files, each its row's."""
    path = sheet(
        tmp_path / "sheet",
        "Partnership name,Type,Lead officer,Partners\r\n"
        "Café Forum,Forum,Community Development Officer,Conwy Voluntary Services Council\r\n"
        "Caf Forum,Forum,Policy Officer,Conwy Business Forum\r\n",
        "register.csv",
    )
    write_import(register, plan_import(register, path, []))
    assert files(register) == ["caf-forum.yaml", "cafe-forum.yaml"]
    assert found_again(register, path) == ["cafe-forum.yaml", "caf-forum.yaml"]


def test_a_new_row_whose_id_is_now_an_older_rows_file_is_written_under_its_own(register, tmp_path):
    """ "Cafe Forum" was imported as `cafe-forum`; a new row "Café Forum" above it reads as
    `cafe-forum` now. The file is found for the row it was written for, and the new row is written
    under an id of its own: it had been passed over as "exists already", and lost."""
    before = sheet(
        tmp_path / "before",
        "Partnership name,Type,Lead officer,Partners\r\nCafe Forum,Forum,Policy Officer,Conwy Business Forum\r\n",
        "register.csv",
    )
    write_import(register, plan_import(register, before, []))
    assert files(register) == ["cafe-forum.yaml"]
    path = sheet(
        tmp_path / "sheet",
        ALIKE,
        "register.csv",
    )
    again = plan_import(register, path, [])
    assert [(row.id, row.data["title"]) for row in again.new] == [("cafe-forum-2", "Café Forum")]
    write_import(register, again)
    assert files(register) == ["cafe-forum-2.yaml", "cafe-forum.yaml"]
    assert "title: Cafe Forum" in (register / "register" / "cafe-forum.yaml").read_text(encoding="utf-8")


def test_a_row_given_an_id_of_its_own_keeps_within_the_64_characters_an_id_has():
    """kept_apart numbers a row's id as a sheet's repeated title is numbered (ids.unique): a long id
    is cut to make room for its number, never made longer than an id may be."""
    from partreg.importer.ids import kept_apart

    long = "a" * 64
    older, newer = {"id": long}, {"id": long}
    kept_apart([older, newer], {long: older}, {long, "a" * 62 + "-2"})
    assert older["id"] == long
    assert newer["id"] == "a" * 62 + "-3" and len(newer["id"]) == 64


def test_a_reference_to_an_entry_imported_under_its_former_id_names_that_file(register, tmp_path):
    """A new row that replaces "Café Forum", whose file an earlier import wrote as `caf-forum.yaml`:
    its `replaces` had named `cafe-forum`, no entry, and lint said so (`unknown-reference`)."""
    imported_before(register, sheet(tmp_path / "sheet"))
    grown = sheet(
        tmp_path / "sheet",
        SHEET.replace(
            "Partnership name,Type,Lead officer,Partners",
            "Partnership name,Type,Lead officer,Partners,Replaces",
        )
        + "Conwy Community Hub,Partnership,Community Development Officer,Conwy Voluntary Services Council,Café Forum\r\n",
    )
    again = plan_import(register, grown, [])
    [new] = again.new
    assert new.data["replaces"] == ["caf-forum"]
    # a title imported now, never under a former id, keeps the id made now
    fresh = sheet(
        tmp_path / "fresh",
        "Partnership name,Type,Lead officer,Partners,Replaces\r\n"
        "Crêpe Club,Forum,Policy Officer,Conwy Voluntary Services Council,\r\n"
        "Crêpe Hub,Forum,Policy Officer,Conwy Voluntary Services Council,Crêpe Club\r\n",
        "fresh.csv",
    )
    planned = plan_import(register, fresh, [])
    assert [r.data.get("replaces") for r in planned.new] == [None, ["crepe-club"]]
