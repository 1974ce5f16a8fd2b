"""`partreg add` as an officer uses it: in a real terminal, from a draft, and two at once."""

import io
import json
import shutil
import subprocess
import sys
import textwrap

import pexpect
import pytest

from partreg.app.register import open_register
from partreg.yaml.reading import parse_document
from tests.common import (
    REPO,
    holding_the_lock,
    interruptible,
    partreg_waiting_at_the_lock,
    wait_for,
)

pytestmark = pytest.mark.spawns


@pytest.fixture
def register(tmp_path):
    shutil.copy(REPO / "partreg.yaml", tmp_path)
    (tmp_path / "register").mkdir()
    return tmp_path


def spawn(register, *args):
    return pexpect.spawn(
        sys.executable,
        ["-m", "partreg", "add", *args],
        cwd=str(register),
        encoding="utf-8",
        timeout=15,
        dimensions=(40, 200),
        preexec_fn=interruptible,
    )


def answer(child, prompt, text):
    child.expect_exact(prompt)
    child.sendline(text)


def test_a_partnership_through_a_terminal(register):
    child = spawn(register)
    answer(child, "Title of the arrangement: ", "Brentwood Town Centre Partnership")
    for question, reply in [
        ("buying a service", "no"),
        ("funding for a fixed period", "no"),
        ("forum or group", "no"),
        ("formal agreement", "yes"),
        ("share the same objectives", "yes"),
        ("share responsibility", "yes"),
        ("independent bodies", "yes"),
        ("agreed specific outcomes", "yes"),
    ]:
        answer(child, question, reply)
    child.expect_exact("This is a partnership: a formal agreement between independent bodies")
    answer(child, "Record it as partnership? [yes]: ", "")
    answer(child, "Id (the file name) [brentwood-town-centre-partnership]: ", "")
    answer(child, "Status (proposed, active, ended) [active]: ", "")
    answer(child, "What is it for, in a sentence (optional): ", "A safer, busier town centre.")
    answer(child, "Lead officer's role", "Town Centre Manager")
    answer(child, "Lead service", "Economic Development")
    answer(child, "Lead councillor or portfolio holder (optional): ", "Cllr Jan Pound")
    child.expect_exact("What the body is, if one of these:")
    answer(child, "Which (a number; empty if none of these): ", "")
    answer(child, "The council's representatives on it", "Cllr Jan Pound, Town Centre Manager")
    child.expect_exact("1. Growing our economy (growing-our-economy)")
    answer(child, "Which priorities does it serve", "9")  # no priority 9: asked again
    child.expect_exact("Choose a number from 1 to 5")
    answer(child, "Which priorities does it serve", "1, develop")
    answer(child, "Partner 1 name", "Essex Police")
    answer(child, "sector", "pub")
    answer(child, "Partner 2 name (empty to finish)", "Brentwood BID")
    answer(child, "sector", "private")
    answer(child, "Partner 3 name (empty to finish)", "")
    answer(child, "Start date", "1/4/2025")  # a UK date that could be read either way: asked once
    answer(child, "Is 1/4/2025 1 April 2025? [yes]: ", "")
    answer(child, "End date (optional)", "")
    answer(child, "When was it last reviewed (empty if it has not been yet, or is not known): ", "14/10/2026")
    child.expect_exact("Read as 14 October 2026 (2026-10-14).")
    answer(child, "What did it decide (", "")
    answer(child, "Which role reviewed it (optional): ", "")
    answer(child, "statutory", "")
    answer(child, "Shared objective 1", "A safer town centre at night")
    answer(child, "Shared objective 2 (empty to finish)", "")
    answer(child, "Outcome 1", "Fewer night-time incidents")
    answer(child, "How is it measured", "recorded incidents per year")
    answer(child, "Target", "10% fewer than 2024")
    answer(child, "Outcome 2 (empty to finish)", "")
    answer(child, "Council funding in pounds a year (optional)", "£25,000")
    answer(child, "Council staff time", "")
    answer(child, "What the partners commit", "Patrols and BID rangers")
    answer(child, "Added value", "One plan for the night-time economy")
    answer(child, "Risk 1", "BID ballot fails")
    answer(child, "Likelihood", "")
    answer(child, "Impact", "high")
    answer(child, "Mitigation", "Council funding covers one year")
    answer(child, "Risk 2 (empty to finish)", "")
    answer(child, "Months between reviews (optional) [12]: ", "")
    child.expect_exact("The new entry, brentwood-town-centre-partnership:")
    child.expect_exact("Lead councillor: Cllr Jan Pound")
    answer(child, "Write it? yes, a number to change that answer, or cancel [yes]: ", "")
    child.expect_exact("Wrote register/brentwood-town-centre-partnership.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    path = register / "register" / "brentwood-town-centre-partnership.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/arrangement.v1.json\n")
    assert (
        "funding_gbp: 25000\n" in text
        and "priorities: [growing-our-economy, developing-our-communities]" in text
    )
    loaded = open_register(register)
    assert loaded.problems == []
    [entry] = loaded.entries
    assert entry.characteristics is not None and entry.characteristics.independent_partners is True
    # a likelihood left unanswered is not judged: none is recorded, not the middle of the scale
    [risk] = entry.risks
    assert (risk.description, risk.likelihood, risk.impact) == ("BID ballot fails", None, "high")
    assert "likelihood" not in text


CONTRACT_SCRIPT = [
    ("Title of the arrangement: ", "Street cleansing"),
    ("buying a service", "yes"),
    ("Record it as contract?", ""),
    ("Id (the file name)", ""),
    ("Status", ""),
    ("What is it for", ""),
    ("Lead officer's role", "Street Scene Manager"),
    ("Lead service", "Environment"),
    ("Lead councillor", ""),
    ("Which priorities", ""),
    ("Partner 1 name", "BIFFA"),
    ("sector", "private"),
    ("Partner 2 name", ""),
    ("Start date", "2019-04-01"),
    ("End date", ""),
    ("When was it last reviewed", ""),
    ("Contract reference", "ENV-1"),
    ("Contract value in pounds", "£1.2m"),
    ("Is that a year's value, or the whole contract's", "whole"),
    ("company or charity number", ""),
    ("invitation to quote", "quote"),
    ("small or medium-sized", "yes"),
    ("voluntary, community or social enterprise", "no"),
    ("Write it?", ""),
]


@pytest.mark.parametrize("key", ["c", "d"], ids=["ctrl-c", "ctrl-d"])
@pytest.mark.parametrize("stop", [0, 7, 13, 23], ids=["title", "lead-service", "start-date", "summary"])
def test_ctrl_c_or_ctrl_d_at_any_prompt_leaves_nothing_behind(register, stop, key):
    child = spawn(register)
    for prompt, reply in CONTRACT_SCRIPT[:stop]:
        answer(child, prompt, reply)
    prompt = CONTRACT_SCRIPT[stop][0]
    child.expect_exact(prompt)
    if not prompt.endswith(": "):
        child.expect_exact(": ")  # the whole prompt is shown: input() is waiting
    child.sendcontrol(key)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    # on a line of its own, after the ^C the terminal echoes on the prompt's line
    assert child.before.endswith("\r\nNothing was written.\r\n") and "Traceback" not in child.before
    assert list((register / "register").iterdir()) == []


def test_the_contract_script_completes(register):
    """The script above is the whole flow: answering its last question writes the file."""
    child = spawn(register)
    for prompt, reply in CONTRACT_SCRIPT:
        answer(child, prompt, reply)
    child.expect_exact("Wrote register/street-cleansing.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = (register / "register" / "street-cleansing.yaml").read_text()
    assert "  whole_life_value_gbp: 1200000\n" in text and "\n  value_gbp:" not in text
    assert "  procurement_route: invitation-to-quote\n" in text and "  supplier_sme: true\n" in text


def test_without_a_terminal_it_asks_for_a_draft(register):
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "add"],
        cwd=register,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "give --from DRAFT.yaml" in result.stderr


DRAFT = """\
    id: town-centre-forum
    title: {title}
    kind: joint-working
    status: active
    summary: Venues, police and the council discuss the town centre at night.
    lead: {{role: Licensing Manager, service: Licensing}}
    partners: [{{name: Essex Police, sector: public}}]
    characteristics: {{discussion_forum: true, formal_agreement: false}}
    start: 2024-05-01
"""


def test_from_a_draft_dry_run_writes_nothing(register):
    (register / "draft.yaml").write_text(textwrap.dedent(DRAFT.format(title="Town Centre Forum")))
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "add", "--from", "draft.yaml", "--dry-run"],
        cwd=register,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("# yaml-language-server:")
    assert parse_document(result.stdout.encode(), "x").data["id"] == "town-centre-forum"
    assert list((register / "register").iterdir()) == []


def test_a_bad_draft_is_not_written_and_points_into_the_draft(register):
    (register / "draft.yaml").write_text(
        textwrap.dedent(DRAFT.format(title="Forum")).replace("start: 2024-05-01", "start: May 2024")
    )
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "add", "--from", "draft.yaml"],
        cwd=register,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "draft.yaml:9:8: [error] start: 'May 2024' is written the UK way: write 2024-05 " in result.stderr
    assert "not written" in result.stderr
    assert list((register / "register").iterdir()) == []


def test_two_officers_adding_the_same_id_at_once(register, tmp_path_factory):
    """Both wait at the register's lock together; exactly one file results, complete and valid, and
    the other is refused."""
    for n in range(2):
        (register / f"draft{n}.yaml").write_text(
            textwrap.dedent(DRAFT.format(title=f"Forum from officer {n}"))
        )
    for round_ in range(5):
        for f in (register / "register").iterdir():
            f.unlink()
        marks = [tmp_path_factory.mktemp(f"round{round_}") / f"officer{n}-waiting" for n in range(2)]
        with holding_the_lock(register / "register"):  # neither can add until both wait for it
            runs = [
                partreg_waiting_at_the_lock(register, marks[n], "add", "--from", f"draft{n}.yaml")
                for n in range(2)
            ]
            wait_for(*marks)
        results = [(p.wait(timeout=30), p.stderr.read()) for p in runs]
        assert sorted(code for code, _ in results) == [0, 1]
        assert any("already exists" in err for code, err in results if code == 1)
        assert [f.name for f in (register / "register").iterdir()] == ["town-centre-forum.yaml"]
        loaded = open_register(register)
        assert loaded.problems == []
        assert loaded.entries[0].title in {"Forum from officer 0", "Forum from officer 1"}


GRANT_SCRIPT = [
    ("Title of the arrangement: ", "Youth Club Grant 2026"),
    ("buying a service", "no"),
    ("funding for a fixed period", "yes"),
    ("Record it as community-funding? [yes]: ", ""),
    ("Id (the file name) [youth-club-grant-2026]: ", ""),
    ("Status (proposed, active, ended) [active]: ", ""),
    ("What is it for, in a sentence (optional): ", "Weekly youth club sessions in Shenfield."),
    ("Lead officer's role", "Community Services Manager"),
    ("Lead service", "Community Services"),
    ("Lead councillor", ""),
    ("Which priorities", "3"),
    ("Partner 1 name", "Shenfield Youth Trust"),
    ("sector", "voluntary"),
    ("Partner 2 name", ""),
    ("Start date", "1 April 2026"),
    ("End date (optional): ", "31/03/2027"),
    ("When was it last reviewed", ""),
    ("Amount of funding in pounds (optional): ", "£4.5k"),
    ("Funded period starts (optional) [2026-04-01]: ", ""),
    ("Funded period ends (optional) [2027-03-31]: ", ""),
    ("When was it awarded (optional): ", "14/03/2026"),
    ("The recipient's charity or company number (optional): ", "1164883"),
    ("Action agreed in return 1 (optional): ", "Forty sessions a year"),
    ("Action agreed in return 2 (empty to finish): ", ""),
]


def run_script(child, script):
    for prompt, reply in script:
        answer(child, prompt, reply)


def test_a_grant_with_uk_dates_and_money_a_changed_answer_and_defaults_passes_lint(register):
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    run_script(child, GRANT_SCRIPT)
    child.expect_exact("Funding: £4,500")
    child.expect_exact("Write it? yes, a number to change that answer, or cancel [yes]: ")
    summary = screen.getvalue().rpartition("The new entry, ")[2]
    [number] = [line.split(".")[0].strip() for line in summary.splitlines() if "Partners:" in line]
    child.sendline(number)  # a second partner was forgotten
    answer(child, "Keep it as before, or give them again (no) [yes]: ", "no")
    answer(child, "Partner 1 name", "Shenfield Youth Trust")
    answer(child, "sector", "voluntary")
    answer(child, "Partner 2 name", "Essex Youth Service")
    answer(child, "sector", "pub")
    answer(child, "Partner 3 name", "")
    answer(child, "Write it? yes, a number to change that answer, or cancel [yes]: ", "yes")
    summary = screen.getvalue().rpartition("The new entry, ")[2]
    assert "Partners: Shenfield Youth Trust (voluntary); Essex Youth Service (public)" in summary
    assert "Title: Youth Club Grant 2026" in summary and "Funding: £4,500" in summary  # the others kept
    child.expect_exact("Wrote register/youth-club-grant-2026.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "Read as 1 April 2026 (2026-04-01)." in screen.getvalue()
    assert "Read as 31 March 2027 (2027-03-31)." in screen.getvalue()

    text = (register / "register" / "youth-club-grant-2026.yaml").read_text()
    assert "amount_gbp: 4500\n" in text and "period_end: 2027-03-31\n" in text
    assert "award_date: 2026-03-14\n" in text and "recipient_org_id: GB-CHC-1164883\n" in text
    assert "start: 2026-04-01\n" in text and "end: 2027-03-31\n" in text
    lint = subprocess.run(
        [sys.executable, "-m", "partreg", "lint", "--format", "parsable"],
        cwd=register,
        capture_output=True,
        text=True,
    )
    assert (lint.returncode, lint.stdout) == (0, ""), "not one warning the entry's facts do not justify"
    classify = subprocess.run(
        [sys.executable, "-m", "partreg", "classify", "youth-club-grant-2026"],
        cwd=register,
        capture_output=True,
        text=True,
    )
    assert classify.returncode == 0, classify.stdout


def test_cancel_at_the_summary_writes_nothing(register):
    child = spawn(register)
    run_script(child, GRANT_SCRIPT)
    answer(child, "Write it? yes, a number to change that answer, or cancel [yes]: ", "cancel")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert child.before.endswith("Cancelled. Nothing was written.\r\n")
    assert list((register / "register").iterdir()) == []


def test_a_draft_without_an_id_is_given_the_one_add_proposes(register):
    (register / "register" / "town-centre-forum.yaml").write_text("taken")
    draft = textwrap.dedent(DRAFT.format(title="Town Centre Forum")).replace("id: town-centre-forum\n", "")
    (register / "draft.yaml").write_text(draft)
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "add", "--from", "draft.yaml"],
        cwd=register,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "The draft has no id: it is town-centre-forum-2, from its title." in result.stderr
    assert (register / "register" / "town-centre-forum-2.yaml").read_text().count(
        "id: town-centre-forum-2\n"
    ) == 1


def test_a_title_with_accents_gives_an_id_of_its_letters_without_them(register):
    """The id of "Café Forum" was `caf-forum`: the é was dropped, not read as e."""
    draft = textwrap.dedent(DRAFT.format(title="Rhôs-on-Sea Café Forum")).replace(
        "id: town-centre-forum\n", ""
    )
    (register / "draft.yaml").write_text(draft, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "add", "--from", "draft.yaml"],
        cwd=register,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert "The draft has no id: it is rhos-on-sea-cafe-forum, from its title." in result.stderr
    assert [p.name for p in (register / "register").iterdir()] == ["rhos-on-sea-cafe-forum.yaml"]


def test_a_draft_whose_facts_contradict_each_other_is_not_written(register):
    draft = textwrap.dedent(DRAFT.format(title="Town Centre Forum")).replace(
        "characteristics: {discussion_forum: true, formal_agreement: false}",
        "characteristics: {discussion_forum: true, council_sole_procurer: true}",
    )
    (register / "draft.yaml").write_text(draft)
    result = subprocess.run(
        [sys.executable, "-m", "partreg", "add", "--from", "draft.yaml"],
        cwd=register,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "(characteristics-conflict)" in result.stderr and "not written" in result.stderr
    assert list((register / "register").iterdir()) == []
    classify = subprocess.run(
        [sys.executable, "-m", "partreg", "classify", "draft.yaml"],
        cwd=register,
        capture_output=True,
        text=True,
    )
    assert classify.returncode == 1, "the same draft is one classify rejects"


def test_questions_are_wrapped_at_word_boundaries_in_a_narrow_terminal(register):
    child = pexpect.spawn(
        sys.executable,
        ["-m", "partreg", "add"],
        cwd=str(register),
        encoding="utf-8",
        timeout=15,
        dimensions=(40, 80),
        preexec_fn=interruptible,
    )
    child.logfile_read = screen = io.StringIO()
    answer(child, "Title of the arrangement: ", "Street cleansing")
    child.expect_exact("counts as yes.): ")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    lines = screen.getvalue().replace("\r\n", "\n").split("\n")
    assert max(map(len, lines)) < 80, "no line the terminal must break for itself"
    question = " ".join(line.strip() for line in lines if line and not line.startswith(("Title", "First")))
    assert "Is the council buying a service that another organisation delivers on its behalf?" in question


def test_a_yes_to_the_forum_question_is_joint_working_without_asking_its_agreement_again(register):
    """The forum question asks the policy's key difference, so a yes decides joint working: its formal
    agreement is not asked again, and no partnership is offered."""
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    answer(child, "Title of the arrangement: ", "Town Centre Forum")
    answer(child, "buying a service", "no")
    answer(child, "funding for a fixed period", "no")
    answer(child, "forum or group", "yes")
    child.expect_exact("This is joint working: a forum for discussion with no formal agreement")
    answer(child, "Record it as joint-working? [yes]: ", "")
    child.expect_exact("Id (the file name) [town-centre-forum]: ")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    asked = screen.getvalue()
    assert "Have all the parties signed" not in asked, "the formal agreement is not asked again"
    assert "Which kind is it" not in asked and "1. partnership" not in asked, "no partnership offered"


def stop_at(child, prompt):
    """Wait for ``prompt`` (whole: the terminal is waiting for an answer), then Ctrl-C."""
    child.expect_exact(prompt)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def replaced(script, **answers):
    """``script`` with the answers to the prompts that start with each key changed (underscores for
    spaces); a list of answers gives several in turn, for a prompt asked again (none: not asked)."""
    out = []
    for prompt, reply in script:
        key = next((k for k in answers if prompt.startswith(k.replace("_", " "))), None)
        replies = answers[key] if key else reply
        if isinstance(replies, list):  # a (prompt, reply) pair asks another prompt in its place
            out += [r if isinstance(r, tuple) else (prompt, r) for r in replies]
        else:
            out.append((prompt, replies))
    return out


def test_the_summary_lists_priorities_so_that_a_name_with_a_comma_reads_as_one(register):
    settings = register / "partreg.yaml"
    settings.write_text(
        settings.read_text().replace(
            "  growing-our-economy: Growing our economy\n",
            "  early-intervention: Early intervention & prevention, Environment\n"
            "  growing-our-economy: Growing our economy\n",
        )
    )
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    run_script(child, replaced(CONTRACT_SCRIPT, Which_priorities="1, 2")[:-1])
    stop_at(child, "Write it? yes, a number to change that answer, or cancel [yes]: ")
    summary = " ".join(screen.getvalue().rpartition("The new entry, ")[2].split())  # as wrapped
    assert "Priorities: Early intervention & prevention, Environment; Growing our economy" in summary


def add_from(register, draft, *args):
    (register / "draft.yaml").write_text(textwrap.dedent(draft))
    return subprocess.run(
        [sys.executable, "-m", "partreg", "add", "--from", "draft.yaml", *args],
        cwd=register,
        capture_output=True,
        text=True,
    )


def test_an_honest_draft_with_gaps_is_written_with_its_problems_listed(register):
    """A grant whose funded period is not known is written, as `import --write` writes it, and lint's
    errors for what is missing are listed; a draft that is no entry at all is still refused."""
    grant = """\
        id: youth-club-grant
        title: Youth Club Grant
        kind: community-funding
        status: active
        lead: {role: Community Services Manager, service: Community Services}
        partners: [{name: Shenfield Youth Trust, sector: voluntary}]
        characteristics: {council_funds_fixed_period: true}
        funding: {amount_gbp: 4500, actions: [Forty sessions a year]}
        start: 2019
    """
    result = add_from(register, grant)
    assert result.returncode == 0, result.stderr
    assert "Wrote register/youth-club-grant.yaml." in result.stdout
    assert (
        "[error] community funding needs its period's first day: add `period_start:` under the file's "
        "`funding:` (funding-missing-details)" in result.stderr
    )
    assert (
        "The entry has 2 gaps (the errors above): lint reports them until what is missing is recorded."
        in result.stderr
    )
    assert (register / "register" / "youth-club-grant.yaml").read_text().count("amount_gbp: 4500") == 1

    for not_an_entry in ("- just a list\n", "title: [unclosed\n"):
        refused = add_from(register, not_an_entry)
        assert refused.returncode == 1 and "not written" in refused.stderr
    assert [f.name for f in (register / "register").iterdir()] == ["youth-club-grant.yaml"]


def lint_rules(register):
    """The rule ids lint reports for the register, in order."""
    lint = subprocess.run(
        [sys.executable, "-m", "partreg", "lint", "--format", "json"],
        cwd=register,
        capture_output=True,
        text=True,
    )
    return [p["rule"] for p in json.loads(lint.stdout)["results"]]


def test_what_is_not_known_is_left_out_and_never_written_as_a_value(register):
    """'?', 'not known' and 'TBC' leave an optional answer out, and lint reports the gap; nothing
    publishes "?" or "not known" as the lead service or the contract's reference."""
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    script = replaced(
        CONTRACT_SCRIPT,
        Lead_service="?",
        Contract_reference="not known",
        Contract_value_in_pounds="TBC",
        **{"Is that a year's value": []},  # no value: what it covers is not asked
    )
    run_script(child, script)
    child.expect_exact("Wrote register/street-cleansing.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    said = " ".join(screen.getvalue().split())
    assert "Lead service: (not recorded)" in said and "Contract reference: (not recorded)" in said
    assert "The entry has 2 gaps (the errors above)" in said
    text = (register / "register" / "street-cleansing.yaml").read_text()
    assert "?" not in text and "not known" not in text.lower() and "tbc" not in text.lower()
    assert "reference" not in text and "service" not in text
    found = lint_rules(register)
    assert found.count("contract-missing-details") == 2 and "lead-service-not-recorded" in found


def test_no_partner_known_yet_is_written_as_a_gap_that_lint_names(register):
    """An officer with no partner list had no way past `Partner 1 name` but to invent a partner."""
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    run_script(child, replaced(CONTRACT_SCRIPT, Partner_1_name="not known", sector=[], Partner_2_name=[]))
    child.expect_exact("Wrote register/street-cleansing.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    said = " ".join(screen.getvalue().split())
    assert "Partners: none recorded" in said and "Error: no partner is recorded" in said
    assert "partners" not in (register / "register" / "street-cleansing.yaml").read_text()
    assert "missing-field" in lint_rules(register)


def test_a_required_answer_says_why_it_is_required(register):
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    answer(child, "Title of the arrangement: ", "?")
    answer(child, "Title of the arrangement: ", "Street cleansing")
    answer(child, "buying a service", "dunno")
    answer(child, "funding for a fixed period", "yes")
    answer(child, "Record it as community-funding? [yes]: ", "")
    for prompt in (
        "Id",
        "Status",
        "What is it for",
        "Lead officer's role",
        "Lead service",
        "Lead councillor",
    ):
        answer(child, prompt, "")
    answer(child, "Which priorities", "")
    answer(child, "Partner 1 name (? if not known yet)", "not known")  # a gap: asked on
    stop_at(child, "Start date")
    said = " ".join(screen.getvalue().split())
    assert (
        "An answer is needed here: the title names it on the register, and its id (the file's name) is made from it."
    ) in said


PARTNERSHIP_SCRIPT = [
    ("Title of the arrangement: ", "Brentwood Town Centre Partnership"),
    ("buying a service", "no"),
    ("funding for a fixed period", "no"),
    ("forum or group", "no"),
    ("formal agreement", "yes"),
    ("share the same objectives", "yes"),
    ("share responsibility", "yes"),
    ("independent bodies", "yes"),
    ("agreed specific outcomes", "yes"),
    ("Record it as partnership? [yes]: ", ""),
    ("Id (the file name)", ""),
    ("Status", ""),
    ("What is it for", "A safer, busier town centre."),
    ("Lead officer's role", "Town Centre Manager"),
    ("Lead service", "Economic Development"),
    ("Lead councillor", ""),
    ("Which (a number; empty if none of these): ", ""),
    ("The council's representatives on it", ""),
    ("Which priorities does it serve", "1"),
    ("Partner 1 name", "Essex Police"),
    ("sector", "public"),
    ("Partner 2 name", ""),
    ("Start date", "2025-04-01"),
    ("End date", ""),
    ("When was it last reviewed", "2026-04-01"),
    ("What did it decide", ""),
    ("Which role reviewed it", ""),
    ("Is it required by law", "yes"),
    ("Which law", "Crime and Disorder Act 1998"),
    ("Shared objective 1", "A safer town centre at night"),
    ("Shared objective 2", ""),
    ("Outcome 1", "Fewer night-time incidents"),
    ("How is it measured", "incidents per year"),
    ("Target", "10% fewer than 2024"),
    ("Outcome 2", ""),
    ("Council funding in pounds a year", "£25,000"),
    ("Council staff time", ""),
    ("What the partners commit", "Patrols"),
    ("Added value", "One plan for the night-time economy"),
    ("Risk 1", "Funding ends"),
    ("Likelihood", ""),
    ("Impact", "high"),
    ("Mitigation", "Council funding covers one year"),
    ("Risk 2", ""),
    ("Months between reviews", ""),
    ("Write it?", ""),
]


def test_a_partnership_whose_details_are_not_known_is_written_with_its_gaps(register):
    """How an outcome is measured, what the partners commit, a risk's mitigation, and whether the law
    requires it: not known, left out, and not assumed (no 'Statutory: No' for a '?')."""
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    script = replaced(
        PARTNERSHIP_SCRIPT,
        How_is_it_measured="?",
        What_the_partners_commit="n/a",
        Mitigation="dunno",
        Likelihood="?",
        Is_it_required_by_law="?",
        Which_law=[],
    )
    run_script(child, script)
    child.expect_exact("Wrote register/brentwood-town-centre-partnership.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    prompts = screen.getvalue()
    assert "Is it required by law, statutory (yes, no, or ? if not known): " in prompts, "no answer assumed"
    text = (register / "register" / "brentwood-town-centre-partnership.yaml").read_text()
    assert "statutory" not in text and "measure" not in text and "mitigation" not in text
    assert "likelihood" not in text and "impact: high" in text
    assert "resources:\n  council:\n    funding_gbp: 25000\nadded_value" in text, "no partners' commitment"
    assert not any(word in text for word in ("?", "n/a", "dunno"))
    assert sorted(lint_rules(register)) == ["outcome-not-measurable", "risk-without-mitigation"]
    summary = " ".join(prompts.rpartition("The new entry, ")[2].split())
    assert "Required by law: not known" in summary and "What the partners commit: (not recorded)" in summary


def test_a_start_not_known_is_left_out_and_the_last_review_is_asked(register):
    """No start is assumed: Enter leaves it out (lint warns of the gap), and since the arrangement may
    have run for years, when it was last reviewed is asked, so one years overdue is not hidden."""
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    script = replaced(CONTRACT_SCRIPT, Start_date="", When_was_it_last_reviewed="2021-06-30")
    at = script.index(("When was it last reviewed", "2021-06-30")) + 1
    script[at:at] = [("What did it decide", ""), ("Which role reviewed it", "")]
    run_script(child, script)
    child.expect_exact("Wrote register/street-cleansing.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "Start date (empty if not known): " in screen.getvalue(), "no date offered: not today"
    text = (register / "register" / "street-cleansing.yaml").read_text()
    assert "\nstart:" not in text and "    - date: 2021-06-30\n      outcome: continue\n" in text
    found = lint_rules(register)
    assert "start-not-recorded" in found and "review-overdue" in found, "the gap, and the review overdue"


def test_a_proposed_arrangement_is_given_no_start_and_no_review(register):
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    script = replaced(
        CONTRACT_SCRIPT,
        Status="proposed",
        Start_date=[("When is it to start (empty if not known yet): ", "")],
        When_was_it_last_reviewed=[],
    )
    run_script(child, script)
    child.expect_exact("Wrote register/street-cleansing.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "last reviewed" not in screen.getvalue(), "a proposed arrangement has not been reviewed"
    text = (register / "register" / "street-cleansing.yaml").read_text()
    assert "status: proposed\n" in text and "\nstart:" not in text and "review" not in text


def test_answers_are_read_as_import_reads_cells(register):
    """'ongoing' is no end, '£12,500 pa' a year's value (said back, and kept as typed in the notes,
    so what it covers is not asked), '1 and 2' two priorities, 'dunno' not known."""
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    script = replaced(
        CONTRACT_SCRIPT,
        Which_priorities="1 and 2",
        End_date="ongoing",
        Contract_value_in_pounds="£12,500 pa",
        **{"Is that a year's value": []},
        small_or_medium="dunno",
    )
    run_script(child, script)
    child.expect_exact("Wrote register/street-cleansing.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    said = " ".join(screen.getvalue().split())
    assert "Read as no end date." in said
    assert "Read as £12,500 a year; the whole answer is kept in the internal notes." in said
    assert "Contract value: £12,500 a year, as given: £12,500 pa" in said
    text = (register / "register" / "street-cleansing.yaml").read_text()
    assert "priorities: [growing-our-economy, protecting-our-environment]\n" in text
    assert "  annual_value_gbp: 12500\n" in text and "supplier_sme" not in text and "\nend:" not in text
    assert "internal:\n  notes: 'Contract value: £12,500 pa'\n" in text


def test_an_amount_is_said_back_and_what_it_covers_is_read_as_import_reads_it(register):
    child = spawn(register)
    child.logfile_read = screen = io.StringIO()
    script = replaced(
        CONTRACT_SCRIPT, Contract_value_in_pounds="£1.2m", **{"Is that a year's value": "per year"}
    )
    run_script(child, script)
    child.expect_exact("Wrote register/street-cleansing.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "Read as £1,200,000." in screen.getvalue()
    text = (register / "register" / "street-cleansing.yaml").read_text()
    assert "  annual_value_gbp: 1200000\n" in text and "internal" not in text


def test_every_rule_that_reports_a_gap_lets_add_write_the_entry():
    """A rule of the form "... is not recorded" (or "needs ...") is a gap; one that says a value is
    wrong is not: add writes an entry with gaps, and refuses one with a wrong value."""
    from partreg.app.adding import GAPS
    from partreg.rules import ALL

    # every rule that is a gap, named: a rule added, or made a gap, is decided here, not by default
    assert {
        "contract-missing-details",
        "decision-date-not-recorded",
        "ended-without-end",
        "ending-without-exit-plan",
        "exit-strategy-missing",
        "funding-missing-details",
        "joint-working-missing-purpose",
        "lead-service-not-recorded",
        "missing-field",
        "no-review-history",
        "outcome-not-measurable",
        "partnership-missing-added-value",
        "partnership-missing-elements",
        "partnership-missing-objectives",
        "partnership-missing-outcomes",
        "partnership-missing-resources",
        "partnership-missing-risks",
        "partnership-missing-timescale",
        "partnership-without-priority",
        "risk-without-mitigation",
        "start-not-recorded",
        "statutory-without-basis",
        "transparency-contract-incomplete",
        "transparency-grant-incomplete",
    } == GAPS
    gaps = {r.id for r in ALL if r.gap}
    assert not gaps & {"wrong-type", "unknown-key", "invalid-value", "kind-mismatch", "end-before-start"}


def test_a_draft_is_written_with_its_comments_and_layout(register):
    """`add --from` had written the draft again in the format's order, without its comments."""
    draft = (
        "# Draft from the Cabinet report of 3 March\n"
        + textwrap.dedent(DRAFT.format(title="Town Centre Forum")).replace("id: town-centre-forum\n", "")
    ).replace("status: active\n", "status: active   # from April\n")
    result = add_from(register, draft)
    assert result.returncode == 0, result.stderr
    written = (register / "register" / "town-centre-forum.yaml").read_text()
    assert written == (
        "# yaml-language-server: $schema=../schema/arrangement.v1.json\n"
        + draft.replace(
            "# Draft from the Cabinet report of 3 March\n",
            "# Draft from the Cabinet report of 3 March\nid: town-centre-forum\n",
        )
    )


def test_a_taken_id_is_told_the_first_free_one(register):
    """It had suggested `-2` where `-2` was taken too."""
    for name in ("town-centre-forum", "town-centre-forum-2"):
        (register / "register" / f"{name}.yaml").write_text(f"id: {name}\n")
    result = add_from(register, DRAFT.format(title="Town Centre Forum"))
    assert result.returncode != 0 and "choose another id, e.g. town-centre-forum-3" in result.stderr


def test_a_draft_whose_title_an_entry_has_is_said_to_be_it_perhaps(register):
    """`add --from` the same draft twice had written a second entry, `-2`, without a word."""
    draft = DRAFT.format(title="Town Centre Forum").replace("    id: town-centre-forum\n", "")
    assert add_from(register, draft).returncode == 0
    again = add_from(register, draft)
    assert again.returncode == 0
    assert (
        "register/town-centre-forum.yaml records 'Town Centre Forum': if it is this arrangement, change that "
        "file instead of adding this one"
    ) in again.stderr


def test_a_draft_whose_lines_end_in_a_cr_alone_keeps_them(register):
    draft = textwrap.dedent(DRAFT.format(title="Town Centre Forum")).replace("id: town-centre-forum\n", "")
    result = add_from(register, draft.replace("\n", "\r"))  # (written as it is: CRs stay CRs)
    assert result.returncode == 0, result.stderr
    written = (register / "register" / "town-centre-forum.yaml").read_bytes()
    assert b"\n" not in written and written.count(b"\r") == draft.count("\n") + 2  # (the schema line and id)
