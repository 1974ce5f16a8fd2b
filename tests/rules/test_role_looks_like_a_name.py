import pytest

from partreg.names import bare_name, looks_like_a_name
from tests.common import PARTNERSHIP, check, lint_text, replace


def test_a_role_passes():
    check(PARTNERSHIP)


@pytest.mark.parametrize(
    "name",
    [
        "Jane Smith",
        "Mrs J. Smith",
        "J Smith",
        "Cllr Patel",
        "Councillor Jane Patel",
        "Councillor Patel (Leader)",
        "Approved by John Smith",
        "Approved by John Smith, Director",
        "Delegated to J. Smith",
        "Mohammed O'Brien",
        "Smith, Jane",
        "Mary Jones (Housing Manager)",
        "Housing Manager - Jane Smith",
        "Sarah Jones, Head of Housing",
        "Head of Housing, J. Smith",
        "Jane McDonald",
        # a role and a name run on, as a sheet's cell of two lines reads once joined
        "Head of Housing Jane Smith",
        "Jane Smith Head of Housing",
        "Head of Finance J. Smith",
        "Portfolio Holder Cllr Smith",
        "Head of Housing, Environment and Regulation Jane Smith",
        "Cllr Jane Smith Portfolio Holder",
        "Head of Housing Dr Jane Smith",
        "Community Safety Manager Mrs J Smith",
    ],
)
def test_a_person_as_the_lead_role(name):
    check(
        replace(PARTNERSHIP, "role: Community Safety Manager", f"role: {name}"),
        ("role-looks-like-a-name", 7, 9),
    )


@pytest.mark.parametrize(
    "name",
    [
        "Siân Jones",
        "Cllr Siân Jones",
        "Cyng Siân Jones",  # the Welsh for Cllr
        "Zoë Brown, Head of Housing",
        "José García",
        "Seán O'Brien",
        "Ffion Ap Dafydd",
        "Ffion ap Dafydd",
        "Máire Ní Bhriain",
        "García, José",
        "Łukasz Nowak",
        "Sia\u0302n Jones",  # the circumflex typed apart from its letter (decomposed text)
    ],
)
def test_a_name_written_with_letters_beyond_ascii_as_the_lead_role(name):
    """Welsh, Irish and European names are common in councils' registers: each is a person's name,
    read as the same name in ASCII is."""
    text = replace(PARTNERSHIP, "role: Community Safety Manager", f"role: {name}")
    [p] = [p for p in lint_text(text) if p.rule == "role-looks-like-a-name"]
    assert (p.line, p.column, p.key) == (7, 9, "lead.role")
    assert p.message == (
        f"{name!r} looks like a person's name, and the register is published: write the role (for "
        "example `Community Safety Manager`); a councillor goes in `member:` under `lead:`"
    )


def test_a_person_as_the_reviewer():
    reviewed = "  history:\n    - {date: 2026-04-01, outcome: continue, by: Sarah Jones}\n"
    check(PARTNERSHIP + reviewed, ("role-looks-like-a-name", 31, 49))


@pytest.mark.parametrize(
    "role",
    [
        "Head of Housing",
        "Community Safety Manager",
        "Environmental Health",
        "Chief Executive",
        "Leisure operator",
        "Council representatives (two appointed councillors)",
        "Partnerships",
        "Jane",
        "Head of Housing, Environment and Regulation",
        "Basildon, Brentwood and Thurrock Mind",
        "Centre Manager, Victoria Park",
        "Head of Service, Mark Lane Centre",
        "Town Centre Manager, William Hunter Way",
        "Councillor Services",
        "Councillor Representative",
        "Approved by Cabinet",
        "Approved by Full Council",
        "Delegated to Head of Housing",
        "Cabinet Member for Housing",
        "Café Development Officer",
        "Café Manager",
        "Rheolwr Tai",  # Housing Manager
        "Pennaeth Tai",  # Head of Housing
        "Swyddog Datblygu Cymunedol",  # Community Development Officer
        "Tîm Tai",  # the Housing Team
        "Aelod Cabinet dros Dai",  # Cabinet Member for Housing
        "Cyngor Sir Ceredigion",
        "Zoë",
        "Nia Centre",  # a given name starts many bodies' and venues' names
        "Ruby Trust",
        "Amber Hub",
        "Iris Library",
        "Grace Academy",
        "Sir John Moore Foundation",  # a body named after a person
        "Health-Wellbeing Board",
        # a word of office beside words that are no name, or a place's
        "Centre Manager Grace Lane",
        "Housing Manager Victoria Park",
        "Community Development Officer Tenancy Support",
        "Head of Community Safety",
        "Strategic Housing Manager",
        # a given name and a word that starts a role's title, or a place's name after a role
        "Bill Payments Officer",
        "Amber Valley Liaison Officer",
        "Victoria Gate Project Manager",
        "Grace Darling Unit Manager",
        "Dawn Chorus Project Officer",
        "Mark Twain Library Manager",
        "Jane Austen House Manager",
        "Head of Victoria Quarter",
        "Lead Officer Victoria Hospital",
        "Head of Dr Barnardo's",
        "Cyngor Sir Ceredigion",
    ],
)
def test_roles_and_teams_are_not_names(role):
    assert not looks_like_a_name(role)
    assert not bare_name(role), "nor names, in an officer's role, for naming no office"


@pytest.mark.parametrize(
    "role",
    [
        "Street Scene",
        "Open Spaces",
        "Grounds Maintenance",
        "Armed Forces Champion",
        "Essex Police",
        "Town Clerk",
    ],
)
def test_a_role_of_a_service_or_a_body_s_words_is_no_bare_name(role):
    assert not bare_name(role)
    check(replace(PARTNERSHIP, "role: Community Safety Manager", f"role: {role}"))


@pytest.mark.parametrize("name", ["Wei Zhang", "Raj Patel", "Li Na", "Olumide Adebayo", "Chukwuemeka Obi"])
def test_a_name_whose_given_name_no_list_holds_as_an_officers_role(name):
    """ "Wei Zhang" and "Raj Patel" as the lead's role had been published: no list of given names holds
    every name, so in an officer's role, words of which none names an office or a service are one."""
    text = replace(PARTNERSHIP, "role: Community Safety Manager", f"role: {name}")
    [p] = [p for p in lint_text(text) if p.rule == "role-looks-like-a-name"]
    assert (p.line, p.column, p.key) == (7, 9, "lead.role")
    assert p.message.startswith(f"{name!r} names no office or service, and reads as a person's name, and the")


@pytest.mark.parametrize(
    "name",
    [
        "Jane Hall",
        "Tom Green",
        "Mary Lane",
        "John Park",
        "Nia Jones (Nia Centre)",
        "Mrs Ruby Trust",  # a title makes a person of whatever follows
        "Cllr Amy Forum",
        "Contact: Sarah Jones",  # a contact named beside a body or a role
        "Ruby Trust (contact: Sarah Jones)",
        "Housing Manager (contact: Sarah Jones)",
        "Ruby Trust c/o Sarah Jones",
        "Ruby Trust (c/o Sarah Jones)",
        "contact:Sarah Jones",
        "Contact name: Sarah Jones",
        "Lead contact: Sarah Jones",
        "Ruby Trust (FAO Sarah Jones)",
        "Housing Manager: Sarah Jones",
        "Sarah Jones MBE",  # letters after a name
        "J. Smith JP",
        "Sarah-Jane Smith",  # a given name of two
    ],
)
def test_a_surname_that_is_also_a_places_word_is_still_a_name(name):
    """A venue, "Nia Centre", is not a name; "Jane Hall" may be a person's: the places that are
    surnames too stay names, as does a body's word after a title, and a body's contact's name."""
    assert looks_like_a_name(name)


def test_a_representatives_role_that_is_a_name():
    """A councillor is named in `member`; an officer who represents the council by their role."""
    from tests.common import PARTNERSHIP, lint_text, replace

    text = replace(
        PARTNERSHIP,
        "added_value: Joint tasking.",
        "added_value: Joint tasking.\nrepresentatives:\n  - {member: Cllr A. Patel}\n  - {role: Jane Smith}",
    )
    [p] = [p for p in lint_text(text) if p.rule == "role-looks-like-a-name"]
    assert p.key == "representatives[1].role" and "'Jane Smith' looks like a person's name" in p.message


DECIDED = "decisions:\n  - {body: Cabinet, date: 2021-03-10}\n  - body: Cllr J Smith\n    date: 2024-03-12\n"
DECIDED_SAID = (
    "looks like a person's name, and the register is published: record the body or office that decided "
    "(for example `Cabinet`, `Chief Executive (delegated)`, `Cabinet Member for Housing`), not a "
    "councillor's name: keep a name in `internal: notes:`"
)


@pytest.mark.parametrize(
    "name", ["Cllr J Smith", "Councillor Jane Patel", "Siân Jones", "John Smith (Leader)"]
)
def test_a_person_as_who_decided(name):
    """Import keeps a councillor's name out of who decided; one typed in by hand is found too."""
    text = PARTNERSHIP + DECIDED.replace("Cllr J Smith", name)
    [p] = [p for p in lint_text(text) if p.rule == "role-looks-like-a-name"]
    assert (p.line, p.column, p.key, p.severity.value) == (32, 11, "decisions[1].body", "warning")
    assert p.message == f"{name!r} {DECIDED_SAID}"


@pytest.mark.parametrize(
    "body",
    [
        "Cabinet",
        "Full Council",
        "Chief Executive (delegated)",
        "Cabinet Member for Housing",
        "Councillor Services",
        "Approved by Full Council",
        "Y Cabinet",
        "Community Committee",
    ],
)
def test_a_body_or_an_office_as_who_decided_passes(body):
    check(PARTNERSHIP + DECIDED.replace("Cllr J Smith", body))


def test_who_decided_is_not_checked_where_the_settings_keep_decisions_internal():
    check(PARTNERSHIP + DECIDED, settings=internal("decisions"))


def internal(*fields: str):
    from partreg.models import Settings
    from tests.common import SETTINGS

    return Settings.model_validate({**SETTINGS.model_dump(), "internal_fields": list(fields)})


REPRESENTED = "representatives:\n  - {role: Siân Jones}\n"
REVIEWED = "  history:\n    - {date: 2026-04-01, outcome: continue, by: Sarah Jones}\n"


def test_a_representatives_role_and_a_reviewer_are_not_checked_where_the_settings_keep_them_internal():
    """A name in a field the register never publishes is no published name (the register's own
    internal notes hold names, and the council may keep who represents it and who reviewed so)."""
    text = PARTNERSHIP.replace("review:\n", REPRESENTED + "review:\n") + REVIEWED
    check(text, ("role-looks-like-a-name", 29, 12), ("role-looks-like-a-name", 33, 49))
    check(text, ("role-looks-like-a-name", 33, 49), settings=internal("representatives"))
    check(text, ("role-looks-like-a-name", 29, 12), settings=internal("review"))
    check(text, settings=internal("representatives", "review"))


DECIDED_WHAT = "decisions:\n  - body: Cabinet\n    date: 2024-03-12\n    summary: {said}\n"


@pytest.mark.parametrize("name", ["Cllr J Smith", "Approved by John Smith", "Siân Jones"])
def test_a_person_as_what_was_decided(name):
    """Import keeps a person's name out of a decision's summary, as out of who decided; one typed in
    by hand is found too."""
    [p] = [
        p
        for p in lint_text(PARTNERSHIP + DECIDED_WHAT.format(said=name))
        if p.rule == "role-looks-like-a-name"
    ]
    assert (p.line, p.column, p.key) == (33, 14, "decisions[0].summary")
    assert p.message == (
        f"{name!r} looks like a person's name, and the register is published: record what was decided "
        "(for example `Renewed for three years`), with the body or office that decided in `body`, not a "
        "councillor's name: keep a name in `internal: notes:`"
    )


@pytest.mark.parametrize(
    "said",
    ["Renewed for three years", "Agreed by Full Council", "Approved by Cabinet", "Leave the partnership"],
)
def test_what_was_decided_passes(said):
    check(PARTNERSHIP + DECIDED_WHAT.format(said=said))


def test_what_was_decided_is_not_checked_where_the_settings_keep_decisions_internal():
    check(PARTNERSHIP + DECIDED_WHAT.format(said="Cllr J Smith"), settings=internal("decisions"))
