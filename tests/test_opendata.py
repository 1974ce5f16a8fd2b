"""`partreg export`: the Transparency Code's contracts and grants, and 360Giving, from a register
with contracts above and below the threshold, a contract called a partnership, grants to a charity,
a company and a community group, a grant scheme with awards, and ended ones in and out of the period."""

import csv
import io
import json
import subprocess
from datetime import date

import pytest
from typer.testing import CliRunner

from partreg.cli import app
from tests.common import SHARED, run_partreg

#: The day the exports of tests that make them in this process are made on.
DAY = date(2026, 1, 1)

runner = CliRunner()
STANDARD = SHARED / "standards" / "360giving"
QUARTER = ("--from", "2025-04-01", "--to", "2025-06-30")

SETTINGS = """\
council: Test Borough Council
exports:
  org_id: GB-LAE-TST
  giving_prefix: 360G-testborough
"""

ENTRIES = {
    "waste-contract": """\
id: waste-contract
title: Waste collection contract (£1.2m)
kind: contract
status: active
summary: Weekly collection of household waste and recycling.
lead: {role: Waste Manager, service: Environment}
partners: [{name: Clean Co Ltd, sector: private}]
contract:
  reference: C-2022-01
  whole_life_value_gbp: 1200000
  annual_value_gbp: 240000
  irrecoverable_vat_gbp: 0
  procurement_route: invitation-to-tender
  supplier_registration: '01234567'
  supplier_sme: false
  supplier_vcse: false
start: 2022-04-01
end: 2027-03-31
review:
  months: 12
  history:
    - {date: 2025-01-15, outcome: continue}
internal:
  notes: Supplier's bank details are in the finance system.
""",
    "small-contract": """\
id: small-contract
title: Window cleaning
kind: contract
status: active
lead: {role: Facilities Manager, service: Facilities}
partners: [{name: Shiny Windows}]
contract: {reference: C-9, whole_life_value_gbp: 5000}
start: 2024-01-01
""",
    "parking-partnership": """\
id: parking-partnership
title: Parking Enforcement Partnership
kind: partnership
status: active
summary: '=HYPERLINK("http://evil.example","click")'
lead: {role: Parking Manager, service: Parking}
partners: [{name: Park Right plc, sector: private}]
characteristics: {council_sole_procurer: true, provider_profit_motive: true}
contract: {reference: '+PK-1', value_gbp: 90000, procurement_route: invitation-to-quote, supplier_sme: true}
start: 2023-06-01
""",
    "ended-contract-in": """\
id: ended-contract-in
title: Print services
kind: contract
status: ended
summary: Printing of council publications.
lead: {role: Communications Manager, service: Communications}
partners: [{name: Printers Ltd, sector: private}]
contract: {reference: C-7, annual_value_gbp: 20000}
start: 2021-06-01
end: 2025-05-31
""",
    "ended-contract-out": """\
id: ended-contract-out
title: Old grounds maintenance
kind: contract
status: ended
lead: {role: Parks Manager, service: Parks}
partners: [{name: Mowers Ltd, sector: private}]
contract: {reference: C-3, annual_value_gbp: 50000}
start: 2019-04-01
end: 2023-03-31
""",
    "youth-trust-grant": """\
id: youth-trust-grant
title: Youth club grant 2025/26
kind: community-funding
status: active
summary: Weekly youth club sessions in Shenfield.
lead: {role: Community Development Officer, service: Communities}
partners: [{name: Shenfield Youth Trust, sector: voluntary}]
funding:
  amount_gbp: 2500
  award_date: 2025-03-10
  period_start: 2025-04-01
  period_end: 2026-03-31
  recipient_org_id: GB-CHC-1164883
start: 2025-04-01
""",
    "bikes-cic-grant": """\
id: bikes-cic-grant
title: Community bike repair grant
kind: community-funding
status: active
summary: Free bike repair workshops.
lead: {role: Community Development Officer, service: Communities}
partners: [{name: Brentwood Bikes CIC, sector: private}]
funding:
  amount_gbp: 10000
  award_date: 2025-04-20
  period_start: 2025-05-01
  period_end: 2026-04-30
  recipient_org_id: GB-COH-09506232
start: 2025-05-01
""",
    "residents-group-grant": """\
id: residents-group-grant
title: Warley residents' summer fair
kind: community-funding
status: active
summary: A summer fair for Warley residents.
lead: {role: Community Development Officer, service: Communities}
partners: [{name: Warley Residents Group, sector: community}]
funding: {amount_gbp: 500, award_date: 2025-05-01, period_start: 2025-06-01, period_end: 2025-08-31}
start: 2025-06-01
""",
    "community-grants-scheme": """\
id: community-grants-scheme
title: Community Grants Scheme 2025/26
kind: community-funding
status: active
summary: Small grants for local projects.
lead: {role: Grants Officer, service: Communities}
partners: [{name: Voluntary and community groups, sector: community}]
funding:
  period_start: 2025-04-01
  period_end: 2026-03-31
  awards:
    - reference: A1
      recipient: Hutton Food Bank
      recipient_org_id: GB-CHC-1170001
      amount_gbp: 1500
      award_date: 2025-06-01
      purpose: Food parcels for families.
    - reference: A2
      recipient: Ingatestone Scouts
      amount_gbp: 800
      award_date: 2025-06-15
start: 2025-04-01
""",
    "old-grant": """\
id: old-grant
title: Old lunch club grant
kind: community-funding
status: ended
summary: Lunch club for older residents.
lead: {role: Community Development Officer, service: Communities}
partners: [{name: Lunch Club, sector: community}]
funding: {amount_gbp: 900, award_date: 2022-03-01, period_start: 2022-04-01, period_end: 2023-03-31}
start: 2022-04-01
end: 2023-03-31
""",
}


@pytest.fixture
def reg(tmp_path):
    (tmp_path / "partreg.yaml").write_text(SETTINGS)
    (tmp_path / "register").mkdir()
    for name, text in ENTRIES.items():
        (tmp_path / "register" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def export(root, *args):
    result = runner.invoke(app, ["export", *args, "--root", str(root)], catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr


def rows(data: bytes):
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, so Excel shows £"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


# --------------------------------------------------------------------------- contracts


def test_contracts_in_the_quarter_with_the_codes_columns(reg):
    code, out, err = export(reg, "transparency-contracts", *QUARTER)
    assert code == 0
    header = out.decode("utf-8-sig").splitlines()[0]
    assert header == (
        '"Reference Number","Title of Agreement","Department Responsible",'
        '"Description of Goods and/or Services","Supplier Name","Supplier Registration Number",'
        '"Total Contract Value","Estimated Annual Value","Irrecoverable VAT","Start Date","End Date",'
        '"Review Date","Invitation to Quote or Tender","SME Supplier","VCSE Supplier"'
    )
    found = {r["Title of Agreement"]: r for r in rows(out)}
    # below the threshold (5000 does not exceed £5,000) and ended before the quarter: not listed
    assert sorted(found) == [
        "Parking Enforcement Partnership",
        "Print services",
        "Waste collection contract (£1.2m)",
    ]
    assert found["Waste collection contract (£1.2m)"] == {
        "Reference Number": "C-2022-01",
        "Title of Agreement": "Waste collection contract (£1.2m)",
        "Department Responsible": "Environment",
        "Description of Goods and/or Services": "Weekly collection of household waste and recycling.",
        "Supplier Name": "Clean Co Ltd",
        "Supplier Registration Number": "01234567",
        "Total Contract Value": "1200000",
        "Estimated Annual Value": "240000",
        "Irrecoverable VAT": "0",
        "Start Date": "2022-04-01",
        "End Date": "2027-03-31",
        "Review Date": "2026-01-15",
        "Invitation to Quote or Tender": "Invitation to tender",
        "SME Supplier": "No",
        "VCSE Supplier": "No",
    }
    # recorded as a partnership, but the council is the sole buyer from a profit-making provider
    parking = found["Parking Enforcement Partnership"]
    assert parking["Invitation to Quote or Tender"] == "Invitation to quote"
    assert parking["SME Supplier"] == "Yes" and parking["VCSE Supplier"] == ""
    # value_gbp does not say whether it is a year's or the whole life's: neither column claims it
    assert parking["Total Contract Value"] == parking["Estimated Annual Value"] == ""
    ended = found["Print services"]
    assert (ended["End Date"], ended["Review Date"], ended["Estimated Annual Value"]) == (
        "2025-05-31",
        "",
        "20000",
    )
    # the waste contract records every fact; each of the others lacks its registration number and VAT
    assert "3 contracts; 2 incomplete" in err
    assert "Missing most: contract.supplier_registration (2 of 3)" in err


def test_without_a_period_every_contract_over_the_threshold(reg):
    code, out, _ = export(reg, "transparency-contracts")
    assert code == 0
    assert [r["Reference Number"] for r in rows(out)] == ["C-7", "C-3", "'+PK-1", "C-2022-01"]


def test_the_threshold_is_set_in_the_settings(reg):
    (reg / "partreg.yaml").write_text(SETTINGS + "  contracts_over_gbp: 100000\n")
    code, out, _ = export(reg, "transparency-contracts", *QUARTER)
    assert code == 0
    assert [r["Reference Number"] for r in rows(out)] == ["C-2022-01"]


def test_csv_cells_cannot_run_as_formulas(reg):
    _, out, _ = export(reg, "transparency-contracts", *QUARTER)
    parking = next(r for r in rows(out) if r["Supplier Name"] == "Park Right plc")
    assert parking["Description of Goods and/or Services"] == '\'=HYPERLINK("http://evil.example","click")'
    assert parking["Reference Number"] == "'+PK-1"
    text = out.decode("utf-8")
    assert "£1.2m" in text and "\r\n" in text  # UTF-8, lines as Excel writes them


def test_json_has_the_same_rows(reg):
    code, out, _ = export(reg, "transparency-contracts", *QUARTER, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == 3 and data[1]["Title of Agreement"] == "Parking Enforcement Partnership"
    assert data[1]["Total Contract Value"] is None and data[0]["Estimated Annual Value"] == 20000


def test_nothing_internal_is_exported(reg):
    (reg / "partreg.yaml").write_text(SETTINGS + "internal_fields: [contract, summary]\n")
    _, out, _ = export(reg, "transparency-contracts", *QUARTER)
    assert b"bank details" not in out
    for row in rows(out):
        assert (
            row["Reference Number"]
            == row["Irrecoverable VAT"]
            == row["Description of Goods and/or Services"]
            == ""
        )
    _, out, _ = export(reg, "transparency-grants", *QUARTER)
    assert all(
        r["Purpose of Grant"] == "" or r["Purpose of Grant"] == "Food parcels for families."
        for r in rows(out)
    )


def test_written_to_a_file(reg, tmp_path):
    target = tmp_path / "contracts.csv"
    code, out, _ = export(reg, "transparency-contracts", *QUARTER, "--out", str(target))
    assert code == 0 and out == b""
    assert len(rows(target.read_bytes())) == 3


def test_a_period_the_wrong_way_round_is_a_usage_mistake(reg):
    code, _, err = export(reg, "transparency-contracts", "--from", "2025-06-30", "--to", "2025-04-01")
    assert code == 2 and "is after --to" in err and "Traceback" not in err
    code, _, err = export(reg, "transparency-grants", "--from", "June 2025")
    assert code == 2 and "YYYY-MM-DD" in err


# --------------------------------------------------------------------------- grants


def test_grants_in_the_quarter(reg):
    code, out, err = export(reg, "transparency-grants", *QUARTER)
    assert code == 0
    got = rows(out)
    assert list(got[0]) == [
        "Date Awarded",
        "Time Period for Grant",
        "Department",
        "Beneficiary",
        "Beneficiary Registration Number",
        "Purpose of Grant",
        "Amount",
    ]
    by = {r["Beneficiary"]: r for r in got}
    # the ended grant of 2022/23 is not in the quarter; the scheme gives one row per award
    assert sorted(by) == [
        "Brentwood Bikes CIC",
        "Hutton Food Bank",
        "Ingatestone Scouts",
        "Shenfield Youth Trust",
        "Warley Residents Group",
    ]
    assert by["Shenfield Youth Trust"] == {
        "Date Awarded": "2025-03-10",
        "Time Period for Grant": "2025-04-01 to 2026-03-31",
        "Department": "Communities",
        "Beneficiary": "Shenfield Youth Trust",
        "Beneficiary Registration Number": "1164883",
        "Purpose of Grant": "Weekly youth club sessions in Shenfield.",
        "Amount": "2500",
    }
    assert by["Brentwood Bikes CIC"]["Beneficiary Registration Number"] == "09506232"
    assert by["Warley Residents Group"]["Beneficiary Registration Number"] == ""
    assert by["Hutton Food Bank"]["Purpose of Grant"] == "Food parcels for families."
    # an award without its own purpose or period takes the scheme's
    assert by["Ingatestone Scouts"]["Purpose of Grant"] == "Small grants for local projects."
    assert by["Ingatestone Scouts"]["Time Period for Grant"] == "2025-04-01 to 2026-03-31"
    assert "5 grants; 2 incomplete" in err
    assert "registration" in err


def test_the_ended_grant_is_there_for_its_own_year(reg):
    _, out, _ = export(reg, "transparency-grants", "--from", "2022-04-01", "--to", "2023-03-31")
    assert [r["Beneficiary"] for r in rows(out)] == ["Lunch Club"]


# --------------------------------------------------------------------------- 360Giving


def validator():
    if not (STANDARD / "360-giving-package-schema.json").exists():
        pytest.skip(f"the 360Giving schema is not at {STANDARD} (see the shared standards README)")
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    grant = json.loads((STANDARD / "360-giving-schema.json").read_text())
    package = json.loads((STANDARD / "360-giving-package-schema.json").read_text())
    url = package["properties"]["grants"]["items"]["$ref"]  # names 1.4.2: served from the local file
    registry = Registry().with_resource(url, Resource.from_contents(grant, default_specification=DRAFT202012))
    checker = Draft202012Validator.FORMAT_CHECKER
    assert "date-time" in checker.checkers, "rfc3339-validator is needed to check dates (test extras)"
    return Draft202012Validator(package, registry=registry, format_checker=checker)


def errors(package):
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(package)]


@pytest.mark.spawns
def test_the_package_validates_against_the_official_schema(reg):
    subprocess.run(["git", "init", "-q", str(reg)], check=True)
    env = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "-C", str(reg), "add", "."], check=True)
    subprocess.run(["git", "-C", str(reg), *env, "commit", "-qm", "register"], check=True)
    code, out, err = export(reg, "360giving", *QUARTER)
    assert code == 0, err
    package = json.loads(out)
    assert errors(package) == []
    assert package["version"] == "1.4"
    assert package["publisher"] == {"identifier": "GB-LAE-TST", "name": "Test Borough Council"}
    by = {g["id"]: g for g in package["grants"]}
    assert sorted(by) == [
        "360G-testborough-bikes-cic-grant",
        "360G-testborough-community-grants-scheme-A1",
        "360G-testborough-community-grants-scheme-A2",
        "360G-testborough-residents-group-grant",
        "360G-testborough-youth-trust-grant",
    ]
    youth = by["360G-testborough-youth-trust-grant"]
    assert {k: v for k, v in youth.items() if k != "dateModified"} == {
        "id": "360G-testborough-youth-trust-grant",
        "title": "Youth club grant 2025/26",
        "description": "Weekly youth club sessions in Shenfield.",
        "currency": "GBP",
        "amountAwarded": 2500,
        "awardDate": "2025-03-10",
        "recipientOrganization": [
            {"id": "GB-CHC-1164883", "name": "Shenfield Youth Trust", "charityNumber": "1164883"}
        ],
        "fundingOrganization": [
            {"id": "GB-LAE-TST", "name": "Test Borough Council", "department": "Communities"}
        ],
        "plannedDates": [{"startDate": "2025-04-01", "endDate": "2026-03-31"}],
    }
    assert youth["dateModified"].startswith(("20", "19")) and "T" in youth["dateModified"]
    bikes = by["360G-testborough-bikes-cic-grant"]["recipientOrganization"][0]
    assert bikes == {"id": "GB-COH-09506232", "name": "Brentwood Bikes CIC", "companyNumber": "09506232"}
    # a group with no registered number: identified by the council's prefix, as 360Giving advises
    group = by["360G-testborough-residents-group-grant"]["recipientOrganization"][0]
    assert group["id"] == "360G-testborough-residents-group-grant"
    award = by["360G-testborough-community-grants-scheme-A1"]
    assert award["title"] == "Community Grants Scheme 2025/26: Hutton Food Bank"
    assert award["grantProgramme"] == [
        {"code": "community-grants-scheme", "title": "Community Grants Scheme 2025/26"}
    ]
    # what 360Giving's data quality tool checks: one funder, ids under the prefix, amounts over 0
    for g in package["grants"]:
        assert g["id"].startswith("360G-testborough-") and "\n" not in g["id"]
        assert len(g["fundingOrganization"]) == 1 and g["amountAwarded"] > 0
        assert len(g["title"]) <= 140 and g["title"] != g["description"]
    # the residents' group and the scouts have no org-id
    assert "5 grants; 2 incomplete" in err


@pytest.mark.spawns
def test_an_invalid_grant_fails_the_schema(reg):
    _, out, _ = export(reg, "360giving", *QUARTER)
    package = json.loads(out)
    assert errors(package) == []
    bad = json.loads(out)
    bad["grants"][0]["amountAwarded"] = "2500"
    del bad["grants"][1]["recipientOrganization"]
    bad["grants"][2]["awardDate"] = "01/05/2025"
    found = errors(bad)
    assert any(e.startswith("['grants', 0, 'amountAwarded']") for e in found)
    assert any(e.startswith("['grants', 1]") for e in found)
    assert any(e.startswith("['grants', 2, 'awardDate']") for e in found)
    assert errors({**package, "version": "1.4.3"}) != []


@pytest.mark.spawns
def test_the_spreadsheet_form_has_360givings_titles(reg):
    code, out, _ = export(reg, "360giving", *QUARTER, "--format", "csv")
    assert code == 0
    got = {r["Identifier"]: r for r in rows(out)}
    row = got["360G-testborough-community-grants-scheme-A2"]
    assert row["Recipient Org:Name"] == "Ingatestone Scouts"
    assert row["Recipient Org:Identifier"] == "360G-testborough-community-grants-scheme-A2"
    assert row["Funding Org:Identifier"] == "GB-LAE-TST"
    assert row["Grant Programme:Code"] == "community-grants-scheme"
    assert (row["Amount Awarded"], row["Award Date"], row["Currency"]) == ("800", "2025-06-15", "GBP")
    assert row["Last Modified"] == ""  # not in git


@pytest.mark.spawns
def test_a_grant_lacking_what_360giving_requires_is_left_out_and_named(reg):
    path = reg / "register" / "residents-group-grant.yaml"
    path.write_text(path.read_text().replace("award_date: 2025-05-01, ", "award_date: 2025-05, "))
    code, out, err = export(reg, "360giving", *QUARTER)
    assert code == 1
    assert (
        "residents-group-grant: left out of the 360Giving package: it lacks funding.award_date (a day)" in err
    )
    package = json.loads(out)
    assert len(package["grants"]) == 4 and errors(package) == []


UNKNOWN_KIND = """\
id: leisure-centre
title: Leisure Centre Management
status: active
lead: {role: Head of Leisure, service: Leisure}
partners: [{name: Active Places Ltd, sector: private}]
start: 2016-04-01
"""


@pytest.mark.parametrize(
    ("command", "what"),
    [
        ("transparency-contracts", "contracts"),
        ("transparency-grants", "grants"),
        pytest.param("360giving", "grants", marks=pytest.mark.spawns),  # each grant's last commit, from git
    ],
)
def test_an_arrangement_whose_kind_is_not_known_is_named_and_the_export_does_not_claim_success(
    reg, command, what
):
    # imported from a sheet with no kind column: it may be a contract or a grant, and no export can say
    (reg / "register" / "leisure-centre.yaml").write_text(UNKNOWN_KIND)
    (reg / "register" / "undecided.yaml").write_text(
        UNKNOWN_KIND.replace("leisure-centre", "undecided").replace("status: active", "status: proposed")
    )
    code, out, err = export(reg, command)
    assert code == 1
    assert (
        f"Not in it: 1 arrangement with no kind recorded, which may be {what}: record the kind of leisure-centre."
        in err
    )
    assert "undecided" not in err  # proposed: not let or given, in no export whatever its kind
    assert out  # what is known is still written
    # its facts decide its kind: then it is placed by them, and the export is whole
    (reg / "register" / "leisure-centre.yaml").write_text(
        UNKNOWN_KIND + "characteristics: {council_sole_procurer: true, formal_agreement: true}\n"
    )
    code, _, err = export(reg, command)
    assert code == 0 and "Not in it" not in err


def test_an_arrangement_of_unknown_kind_outside_the_period_is_not_named(reg):
    # ended before the quarter: whatever it was, it is in no export of the quarter
    (reg / "register" / "leisure-centre.yaml").write_text(UNKNOWN_KIND + "end: 2019-03-31\n")
    code, _, err = export(reg, "transparency-contracts", *QUARTER)
    assert code == 0 and "Not in it" not in err
    code, _, err = export(reg, "transparency-contracts")  # the register as it stands: named
    assert code == 1 and "record the kind of leisure-centre" in err


def test_the_summary_names_at_most_five_arrangements_whose_kind_is_not_known():
    from partreg.opendata.tables import Table

    table = Table(("A",), kind_not_known=[f"entry-{n}" for n in range(8)])
    assert table.summary("contract").endswith(
        "Not in it: 8 arrangements with no kind recorded, which may be contracts: "
        "record the kind of entry-0, entry-1, entry-2, entry-3, entry-4 and 3 more."
    )


def test_360giving_needs_the_councils_identifiers(reg):
    (reg / "partreg.yaml").write_text("council: Test Borough Council\n")
    code, out, err = export(reg, "360giving")
    assert code == 1 and out == b""
    assert "exports.org_id and exports.giving_prefix" in err and len(err.strip().splitlines()) == 1


def test_settings_identifiers_are_checked(reg):
    (reg / "partreg.yaml").write_text(SETTINGS.replace("360G-testborough", "testborough"))
    code, _, err = export(reg, "360giving")
    assert code == 1 and "giving_prefix" in err and "Traceback" not in err


@pytest.mark.spawns
def test_no_grant_in_the_period_writes_nothing(reg):
    code, out, err = export(reg, "360giving", "--from", "2010-01-01", "--to", "2010-12-31")
    assert code == 1 and out == b"" and "no grant to publish" in err


# --------------------------------------------------------------------------- the published site


@pytest.mark.spawns
def test_render_carries_the_exports_and_links_them(reg):
    result = run_partreg(reg, "render", "--out", "site", "--as-of", "2026-11-24")
    assert result.returncode == 0, result.stdout + result.stderr
    site = reg / "site"
    code, contracts, _ = export(reg, "transparency-contracts")
    assert code == 0 and (site / "transparency-contracts.csv").read_bytes() == contracts
    code, grants, _ = export(reg, "transparency-grants")
    assert code == 0 and (site / "transparency-grants.csv").read_bytes() == grants
    package = json.loads((site / "360giving.json").read_text())
    assert errors(package) == [], "the published package validates against 360Giving's schema"
    assert package["grants"], "with the grants that have what 360Giving requires"
    for page in ("index.html", "arrangements/waste-contract.html"):
        text = (site / page).read_text()
        root = "../" if "/" in page else ""
        for name in ("transparency-contracts.csv", "transparency-grants.csv", "360giving.json"):
            assert f'<a href="{root}{name}" download>{name}</a>' in text, f"{page} links {name}"
    assert "transparency-contracts.csv: " in result.stderr and "incomplete" in result.stderr
    assert "360giving.json: " in result.stderr


@pytest.mark.spawns
def test_render_without_an_exports_section_publishes_no_export(reg):
    (reg / "partreg.yaml").write_text(SETTINGS.split("exports:")[0])
    result = run_partreg(reg, "render", "--out", "site", "--as-of", "2026-11-24")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list((reg / "site").glob("transparency-*")) and not (reg / "site" / "360giving.json").exists()
    assert "transparency" not in (reg / "site" / "index.html").read_text()


@pytest.mark.spawns
def test_render_says_why_360giving_is_not_published(reg):
    (reg / "partreg.yaml").write_text(SETTINGS.replace("  giving_prefix:", "  # giving_prefix:"))
    result = run_partreg(reg, "render", "--out", "site", "--as-of", "2026-11-24")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "360giving.json is not published: it needs exports.giving_prefix in partreg.yaml" in result.stderr
    assert (reg / "site" / "transparency-grants.csv").exists()
    assert not (reg / "site" / "360giving.json").exists()


def test_a_grant_whose_end_is_not_recorded_is_not_said_to_be_open_ended():
    """A grant is for a set time: where the register records no end, the Code's time period says it
    is not recorded, not that the grant has none."""
    from partreg.models import Arrangement, Settings
    from partreg.opendata.transparency import transparency_grants

    entry = Arrangement.model_validate(
        {
            "id": "town-grant",
            "title": "Town grant",
            "kind": "community-funding",
            "status": "active",
            "start": "2024",
            "partners": [{"name": "Town Scouts"}],
            "funding": {"amount_gbp": 500},
        }
    )
    [row] = transparency_grants([entry], Settings(council="Test", exports={})).rows
    assert row["Time Period for Grant"] == "2024 to not recorded"


def test_a_grant_to_several_partners_is_said_to_publish_the_first_as_its_beneficiary():
    from partreg.models import Arrangement, Settings
    from partreg.opendata import transparency_grants

    grant = Arrangement.model_validate(
        {
            "id": "warm-spaces",
            "kind": "community-funding",
            "status": "active",
            "partners": [{"name": "Brentwood Foodbank"}, {"name": "St Thomas' Church"}],
            "funding": {"amount_gbp": 5000, "award_date": "2026-09-15"},
        }
    )
    table = transparency_grants([grant], Settings(council="Test"))
    assert [r["Beneficiary"] for r in table.rows] == [None], "not guessed: one charity given all of it"
    assert "Beneficiary is left empty for 1 grant that names several (warm-spaces)" in table.summary("grant")
    alone = grant.model_copy(update={"partners": grant.partners[:1]})
    assert "Beneficiary is" not in transparency_grants([alone], Settings(council="Test")).summary("grant")


def test_a_grants_beneficiary_is_the_partner_with_no_role_not_a_co_funder_listed_first():
    from partreg.models import Arrangement, Settings
    from partreg.opendata import transparency_grants

    grant = Arrangement.model_validate(
        {
            "id": "youth",
            "kind": "community-funding",
            "status": "active",
            "partners": [
                {"name": "Essex County Council", "role": "Co-funder"},
                {"name": "Shenfield Youth Trust"},
            ],
            "funding": {"amount_gbp": 2500, "award_date": "2026-09-15"},
        }
    )
    table = transparency_grants([grant], Settings(council="Test"))
    assert [r["Beneficiary"] for r in table.rows] == ["Shenfield Youth Trust"]
    assert "Beneficiary is" not in table.summary("grant")


def test_an_export_says_lint_names_what_entries_lack_only_where_lint_checks_it():
    """`partreg lint` runs the transparency rules only where partreg.yaml has `exports:`; the export's
    summary said lint names what each entry lacks, and lint, run as told, named nothing."""
    from partreg.models import Arrangement, Settings
    from partreg.opendata import transparency_contracts

    contract = Arrangement.model_validate(
        {"id": "waste", "kind": "contract", "status": "active", "partners": [{"name": "Biffa"}]}
    )
    bare = transparency_contracts([contract], Settings(council="Test"), today=DAY).summary("contract")
    assert bare.endswith(
        "`partreg lint` names what each entry lacks, once partreg.yaml has an `exports:` section (`exports: {}` will do)."
    )
    set_up = transparency_contracts([contract], Settings(council="Test", exports={}), today=DAY).summary(
        "contract"
    )
    assert set_up.endswith("`partreg lint` names what each entry lacks.")
    off = Settings(council="Test", exports={}, rules={"transparency-contract-incomplete": "off"})
    assert (
        transparency_contracts([contract], off, today=DAY)
        .summary("contract")
        .endswith(
            "`partreg lint` names what each entry lacks, once its rule transparency-contract-incomplete is on "
            "(partreg.yaml sets it off)."
        )
    )


def test_the_recipient_is_the_partner_whose_role_says_so_as_a_word():
    from partreg.export import grant_recipient
    from partreg.models import Arrangement

    def recipient(*partners):
        return grant_recipient(Arrangement.model_validate({"id": "grant-x", "partners": list(partners)}))

    assert recipient({"name": "A", "role": "Non-recipient"}, {"name": "B"}) == "B"
    assert recipient({"name": "A", "role": "Lead partner"}, {"name": "B", "role": "Delivery partner"}) is None
    assert (
        recipient({"name": "A", "role": "Lead partner"}, {"name": "B", "role": "Recipient and lead"}) == "B"
    )


def test_a_grant_whose_recipient_is_not_known_is_left_out_of_360giving_saying_so():
    from partreg.models import Arrangement, Settings
    from partreg.opendata import giving_package

    grant = Arrangement.model_validate(
        {
            "id": "grant-3",
            "kind": "community-funding",
            "status": "active",
            "summary": "Warm spaces.",
            "partners": [{"name": "A", "role": "Lead partner"}, {"name": "B", "role": "Delivery partner"}],
            "funding": {"amount_gbp": 500, "award_date": "2026-09-15"},
        }
    )
    settings = Settings(council="Test", exports={"org_id": "GB-LAE-TST", "giving_prefix": "360G-test"})
    package = giving_package([grant], settings, None)
    assert package.left_out == [("grant-3", ["which partner received it (give it `role: recipient`)"])]


@pytest.mark.parametrize(
    ("today", "history", "review_date"),
    [
        ("2026-12-07", [], ""),  # its end passed, and nothing after it: over, as the page says
        ("2022-06-01", [], "2017-04"),  # still running that day: its review, counted from the start
        ("2026-12-07", [{"date": "2023-06-01", "outcome": "continue"}], "2024-06-01"),  # went on after it
    ],
)
def test_a_contract_past_its_end_has_no_review_date_unless_a_review_went_on(today, history, review_date):
    """The Code's review date of a contract recorded as active whose end has passed had been given,
    where the page, the open data and review-due all say it ended."""
    from partreg.models import Arrangement, Settings
    from partreg.opendata import transparency_contracts

    contract = Arrangement.model_validate(
        {
            "id": "old-contract",
            "title": "Grounds maintenance contract",
            "kind": "contract",
            "status": "active",
            "partners": [{"name": "idverde Limited"}],
            "contract": {"reference": "GM-1", "whole_life_value_gbp": 900000},
            "start": "2016-04",
            "end": "2022-12-31",
            "review": {"history": history},
        }
    )
    table = transparency_contracts([contract], Settings(council="Test"), today=date.fromisoformat(today))
    [row] = table.rows
    assert (row["End Date"], row["Review Date"] or "") == ("2022-12-31", review_date)


ADVICE_GRANT = {
    "id": "advice-grant",
    "title": "Advice grant",
    "kind": "community-funding",
    "status": "active",
    "summary": "Core grant.",
    "lead": {"role": "Grants Officer", "service": "Communities"},
    "partners": [{"name": "Advice Trust", "sector": "voluntary"}],
    "funding": {
        "amount_gbp": 9000,
        "period_start": "2024-04-01",
        "period_end": "2027-03-31",
        "award_date": "2024-03-01",
        "actions": ["advice"],
    },
    "start": "2020-04-01",
}


def test_a_grant_whose_funding_is_kept_internal_has_its_money_columns_withheld_not_made_up():
    """The grant's period had been given as the arrangement's start 'to not recorded', and its
    award date counted as missing, where partreg.yaml keeps funding internal."""
    from partreg.models import Arrangement, Settings
    from partreg.opendata import transparency_grants

    grant = Arrangement.model_validate(ADVICE_GRANT)
    kept = Settings(council="Test", internal_fields=["funding"])
    [row] = transparency_grants([grant], kept).rows
    assert row == {
        "Date Awarded": None,
        "Time Period for Grant": None,
        "Department": "Communities",
        "Beneficiary": "Advice Trust",
        "Beneficiary Registration Number": None,
        "Purpose of Grant": "Core grant.",
        "Amount": None,
    }
    said = transparency_grants([grant], kept).summary("grant")
    assert said == (
        "1 grant, none incomplete. Date Awarded, Time Period for Grant, Beneficiary Registration Number "
        "and Amount are left empty: partreg.yaml keeps funding internal."
    )
    [shown] = transparency_grants([grant], Settings(council="Test")).rows
    assert (shown["Time Period for Grant"], shown["Amount"]) == ("2024-04-01 to 2027-03-31", 9000)


def test_a_contract_whose_details_are_kept_internal_has_them_withheld_not_missing():
    from partreg.models import Arrangement, Settings
    from partreg.opendata import transparency_contracts

    contract = Arrangement.model_validate(
        {
            "id": "waste",
            "title": "Waste collection",
            "summary": "Weekly collection of household waste.",
            "kind": "contract",
            "status": "active",
            "lead": {"role": "Waste Manager", "service": "Environment"},
            "partners": [{"name": "Biffa"}],
            "contract": {"reference": "W-1", "annual_value_gbp": 250000, "supplier_registration": "1"},
            "start": "2022-04-01",
            "end": "2029-03-31",
        }
    )
    table = transparency_contracts(
        [contract], Settings(council="Test", internal_fields=["contract"]), today=DAY
    )
    [row] = table.rows
    assert (
        row["Reference Number"]
        is row["Estimated Annual Value"]
        is row["Supplier Registration Number"]
        is None
    )
    assert table.missing == [[]], "withheld, not gaps in the register"
    assert "partreg.yaml keeps contract internal." in table.summary("contract")


@pytest.mark.spawns
def test_no_360giving_package_is_made_where_funding_is_kept_internal(tmp_path):
    (tmp_path / "register").mkdir()
    (tmp_path / "partreg.yaml").write_text(
        "council: Test\ninternal_fields: [funding]\nexports: {org_id: GB-LAE-EXB, giving_prefix: 360G-example}\n"
    )
    (tmp_path / "register" / "advice-grant.yaml").write_text(json.dumps(ADVICE_GRANT))
    result = run_partreg(tmp_path, "export", "360giving")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "partreg: no 360Giving package: partreg.yaml keeps funding internal, and 360Giving needs each "
        "grant's amount and award date; nothing was written\n"
    )
