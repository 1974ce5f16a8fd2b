"""Reviews kept internal (``internal_fields: [review]``): no public output says when one was held,
when one is due, or that one is overdue. Worked out from the public entry, which has no reviews,
the next review would count from the start, and a partnership reviewed last month would be
published as years overdue."""

import csv
import datetime as dt
import io

import pytest

from partreg.columns import chosen
from partreg.folders import package_templates
from partreg.models import Arrangement, IndexColumn, Settings
from partreg.opendata import transparency_contracts
from partreg.render import render_site
from partreg.templating import template_dirs

AS_OF = dt.date(2026, 12, 7)

#: Reviewed in June 2026, started in 2020: counted from its start it would be due in January 2021.
REVIEWED = {
    "id": "csp",
    "title": "Community Safety Partnership",
    "kind": "partnership",
    "status": "active",
    "start": "2020-01-01",
    "lead": {"role": "Community Safety Manager"},
    "partners": [{"name": "Essex Police"}],
    "review": {"months": 12, "history": [{"date": "2026-06-01", "outcome": "continue"}]},
}
CONTRACT = {
    "id": "waste",
    "title": "Waste collection",
    "kind": "contract",
    "status": "active",
    "start": "2020-01-01",
    "end": "2030-03-31",
    "lead": {"role": "Waste Manager", "service": "Environment"},
    "partners": [{"name": "Clean Co Ltd"}],
    "contract": {"reference": "C-1", "value_gbp": 900000},
    "review": {"months": 12, "history": [{"date": "2026-06-01", "outcome": "continue"}]},
}


def site(settings, *entries):
    models = [Arrangement.model_validate(e) for e in entries]
    dirs = template_dirs(None, package_templates())
    return dict(render_site(models, settings, AS_OF, dirs, formats=("html", "markdown", "data")))


def test_the_page_says_nothing_of_reviews_kept_internal():
    kept = site(Settings(council="Test", internal_fields=["review"]), REVIEWED)
    shown = site(Settings(council="Test"), REVIEWED)
    # published, the review is there: the control for each assertion below
    assert "Next review" in shown["index.html"] and "1 June 2027" in shown["index.html"]
    assert 'id="reviews"' in shown["arrangements/csp.html"]
    for name in ("index.html", "register.md", "arrangements/csp.html"):
        page = kept[name]
        for said in ("Overdue", "overdue", "Next review", "Last review", "2021", "2027"):
            assert said not in page, f"{name} says {said!r} of reviews kept internal"
    page = kept["arrangements/csp.html"]
    assert 'id="reviews"' not in page and "No review recorded yet" not in page
    assert "The council does not publish its reviews on this register" in page
    assert "The council does not publish its reviews on this register" in kept["register.md"]
    row = next(csv.DictReader(io.StringIO(kept["register.csv"].lstrip("\ufeff"))))
    assert (row["last_review"], row["next_review"]) == ("", "")


def test_review_columns_chosen_by_the_council_are_left_out_where_reviews_are_internal():
    columns = [IndexColumn.LEAD, IndexColumn.LAST_REVIEW, IndexColumn.NEXT_REVIEW]
    open_settings = Settings(council="Test", publish={"columns": columns})
    kept = Settings(council="Test", publish={"columns": columns}, internal_fields=["review"])
    assert chosen(open_settings) == columns
    assert chosen(kept) == [IndexColumn.LEAD]
    assert IndexColumn.NEXT_REVIEW not in chosen(Settings(council="Test", internal_fields=["review"]))


def test_the_transparency_review_date_is_left_empty_and_said_to_be_withheld():
    contract = Arrangement.model_validate(CONTRACT)
    shown = transparency_contracts([contract], Settings(council="Test"), today=dt.date(2026, 1, 1))
    assert shown.rows[0]["Review Date"] == "2027-06-01"
    kept = transparency_contracts(
        [contract], Settings(council="Test", internal_fields=["review"]), today=dt.date(2026, 1, 1)
    )
    assert kept.rows[0]["Review Date"] is None
    assert "start" not in kept.missing[0], "the start is recorded: the date is withheld, not missing"
    assert "Review Date is left empty: partreg.yaml keeps reviews internal." in kept.summary("contract")


@pytest.mark.spawns
def test_render_says_the_review_columns_the_council_chose_are_left_out(tmp_path):
    from tests.test_cli import partreg

    (tmp_path / "register").mkdir()
    settings = "council: Test\npublish:\n  columns: [partners, next-review]\n"
    (tmp_path / "partreg.yaml").write_text(settings + "internal_fields: [review]\n")
    code, out, err = partreg("render", "--out", str(tmp_path / "site"), "--root", str(tmp_path), cwd=tmp_path)
    assert code == 0, err
    said = "The review columns named in publish.columns are left out: internal_fields keeps review internal"
    assert said in out
    (tmp_path / "partreg.yaml").write_text(settings)
    code, out, err = partreg("render", "--out", str(tmp_path / "site"), "--root", str(tmp_path), cwd=tmp_path)
    assert code == 0 and said not in out, err


def test_the_calendar_does_not_say_no_review_is_recorded_where_the_reviews_are_kept_internal():
    """review-due decides on every field and shows none kept internal: its calendar had said "No
    review is recorded yet" of a partnership whose review, kept internal, set its due date."""
    from icalendar import Calendar

    from partreg.duecalendar import due_calendar
    from partreg.export import public_items
    from partreg.review import due

    entry = Arrangement.model_validate(REVIEWED)
    for settings, said in (
        (Settings(council="Test", internal_fields=["review"]), None),
        (Settings(council="Test"), "Last reviewed on 1 June 2026."),
    ):
        items = public_items(due([entry], settings.review, dt.date(2027, 7, 1), 30), settings)
        [event] = Calendar.from_ical(due_calendar(items, "Test", dt.datetime(2027, 7, 1))).walk("VEVENT")
        description = str(event["DESCRIPTION"])
        assert "The review fell due on 1 June 2027" in description
        assert "No review is recorded" not in description
        assert (said in description) if said else ("Last reviewed" not in description)


def test_an_arrangement_a_review_kept_internal_went_on_with_after_its_end_is_not_published_as_ended():
    """Its end passed in 2023 and a review in 2024, kept internal, continued it: the index, its page
    and the open data had published it as ended. Now it is published as the file has it, its end as
    passed, and nothing of the review."""
    extended = {
        **REVIEWED,
        "end": "2023-03-31",
        "review": {"history": [{"date": "2024-05-20", "outcome": "continue"}]},
    }
    kept = Settings(council="Test", internal_fields=["review"])
    files = site(kept, extended)
    said = "Its end, 31 March 2023, has passed, but the council has recorded that it goes on"
    assert said in files["index.html"]
    assert (
        "<dt>End</dt><dd>31 March 2023, which has passed; the council has recorded that it goes on</dd>"
        in files["arrangements/csp.html"]
    )
    assert [r["status"] for r in csv.DictReader(io.StringIO(files["register.csv"].lstrip("\ufeff")))] == [
        "active"
    ]
    everything = "".join(files.values())
    assert "2024" not in everything and "20 May" not in everything, "nothing of the review"
    # an exit, or no review after the end: ended, as before
    for history in (
        [{"date": "2024-05-20", "outcome": "exit"}],
        [{"date": "2022-05-20", "outcome": "continue"}],
    ):
        ended = site(kept, {**extended, "review": {"history": history}})
        assert "Ended 31 March 2023" in ended["index.html"]
