"""What councils call each field: the table of header synonyms, and a header's words as compared.

Headers are matched as councils write them ("Partnership name", "Lead Officer", "Annual
contribution (£)", "Statutory (Y/N)"), by their words: :func:`normal` drops case, units,
punctuation and plurals, and :data:`HEADERS` maps what is left to a field's key.
"""

from __future__ import annotations

import re

Key = tuple[str | int, ...]
NOTES: Key = ("internal", "notes")
#: A money column whose field follows the row's kind: a contract's value, a grant's amount,
#: otherwise the council's contribution.
MONEY: Key = ("money",)
#: The next review date: format v1 works it out (last review, or start, plus review.months).
NEXT_REVIEW: Key = ("next-review",)
#: The outcome of the last review: with the "Last review" column's date, its `review.history` item.
REVIEW_OUTCOME: Key = ("review-outcome",)
#: The arrangement's life in one cell, "April 2016 - March 2019": its start and its end.
TERM: Key = ("term",)


def words_of(text: str) -> list[str]:
    """A header's words, as compared: lower case, units and punctuation dropped, singular."""
    text = str(text).lower().replace("&", " and ").replace("organization", "organisation")
    text = re.sub(
        r"\((?:£|gbp|y/n|yes/no|yes or no|y or n|dd/mm/yy(?:yy)?|if any|if applicable|optional|s)\)",
        " ",
        text,
    )
    # "Council contribution 2023/24", "(£pa)", "per annum": the year and the unit do not change the field
    text = re.sub(r"\b(19|20)\d\d(\s*[/-]\s*\d{2,4})?\b|\bper annum\b|\bp\.?a\.?(?=\W|$)|£pa", " ", text)
    text = re.sub(r"\by\s*/\s*n\b", " ", text)
    words = re.findall(r"[a-z0-9]+", text.replace("£", " "))
    out = []
    for word in words:
        if word in ("the", "a", "an", "of", "gbp", "yn"):
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        out.append(word)
    return out


def normal(header: str) -> str:
    return " ".join(words_of(header))


#: What councils' registers call each field: ``field: header | header | ...``. Compared by
#: :func:`normal`, so case, punctuation, units such as "(£)" and "(Y/N)", and plurals do not
#: matter. "(money)" follows the row's kind; "(next review)" and "(notes)" go to the notes.
SYNONYMS_TABLE = """
id: id | partreg id
title: title | name | partnership | partnership name | name of partnership | partnership title |
    arrangement | arrangement name | name of arrangement | partnership or arrangement |
    partnership arrangement | partnership arrangement name | partnership and arrangement |
    partnership body | name of body | body | organisation | organisation name | contract title | contract name |
    grant name | scheme | project | project name | group | group name
kind: kind | type | category | partnership type | type of partnership | arrangement type |
    type of arrangement | classification | partnership category | nature of arrangement
status: status | current status | partnership status | active | live | state
summary: summary | aim | aims | purpose | description | aim and objective | aims and objectives |
    purpose of partnership | aim of partnership | brief description | remit | overview | what it doe |
    description of service | description of goods or service | aim purpose
lead.role: lead role | lead officer | responsible officer | officer | lead officer role |
    council lead | lead contact | contact officer | officer lead | lead officer title |
    senior responsible officer | council officer | council lead officer | officer representative |
    accountable officer
lead.service: lead service | service | department | directorate | service area | team |
    lead department | responsible service | division | lead directorate | council service |
    department responsible | service responsible | business unit
lead.member: lead member | portfolio holder | lead councillor | cabinet member | councillor |
    council member |
    member lead | lead portfolio holder | elected member | lead cabinet member | responsible member |
    member representative | councillor representative | lead member portfolio holder
lead.email: email | lead email | contact email | email address | officer email | lead officer email
lead.phone: phone | telephone | lead phone | contact number | telephone number | phone number
partners: partners | partner | partner organisation | other partner | partner body | partner agency |
    member organisation | membership | organisation involved | key partner |
    partners involved | other organisation | partner name | supplier | supplier name |
    provider | contractor | recipient | beneficiary | grant recipient | organisation funded
priorities: priority | corporate priority | council priority | strategic priority |
    corporate plan priority | corporate objective | corporate plan | link to corporate priority |
    corporate plan theme
statutory: statutory | statutory partnership | is it statutory | statutory requirement |
    statutory non statutory | statutory or non statutory
statutory_basis: statutory basis | legislation | legal basis | statute | legislative basis |
    statutory duty | relevant legislation | act | statutory power
agreement.type: agreement type | type of agreement | governance document | agreement
agreement.date: agreement date | date of agreement | date agreed | date signed | signed
characteristics.formal_agreement: formal agreement | formal agreement in place | signed agreement
objectives: objective | objectives | shared objective | key objective | strategic objective
outcomes.description: outcome | outcomes | measurable outcome | expected outcome | intended outcome |
    key outcome | outcomes achieved | deliverable
outcomes.measure: measure | measures | performance measure | kpi | performance indicator |
    outcome measure
outcomes.target: target | targets | outcome target
risks.description: risk | risks | key risk | main risk | risk description
risks.mitigation: mitigation | mitigations | risk mitigation | control | controls |
    mitigating action
resources.council.funding_gbp: council contribution | annual contribution | contribution |
    council funding | financial contribution | council financial contribution | council resources |
    annual council contribution | council budget | council funding gbp | council cost |
    council investment | financial commitment | cost to council | annual cost to council
resources.council.staff: staff time | officer time | staff resource | staffing | council staff
resources.partners: partner contribution | partners contribution | partner resource |
    other contribution | contribution from partner
(money): value | amount | annual value | total value | cost | annual cost | funding
contract.reference: contract reference | contract ref | contract number | contract no
contract.value_gbp: contract value | value of contract | contract sum | contract value gbp
contract.annual_value_gbp: annual contract value | annual value of contract | yearly contract value |
    contract annual value gbp | annual contract sum
contract.whole_life_value_gbp: whole life value | whole life contract value | total contract value |
    lifetime value | total value of contract | contract whole life value gbp | whole life cost
contract.extensions: extension | extension option | option to extend | extension period |
    contract extension | possible extension | contract extensions
contract.procurement_route: procurement route | procurement method | route to market | how procured
contract.supplier_registration: supplier registration | company number | charity number |
    registration number | company registration | charity registration number |
    companies house number
funding.amount_gbp: funding amount | grant amount | amount awarded | award amount | grant awarded |
    grant value | value of grant | funding amount gbp | amount of grant | grant
funding.period: funding period | grant period | period funded | period of funding
funding.period_start: funding start | grant start | funding period start | grant start date
funding.period_end: funding end | grant end | funding period end | grant end date
funding.actions: agreed action | actions | grant condition | conditions of funding |
    what funding is for
funding.award_date: date awarded | award date | date of award | date grant awarded | grant award date
funding.recipient_org_id: recipient org id | recipient org identifier | org id | organisation identifier
funding.recipient_registration: beneficiary registration number | recipient registration number |
    beneficiary registration | beneficiary charity number
contract.irrecoverable_vat_gbp: irrecoverable vat | vat that cannot be recovered | non recoverable vat |
    irrecoverable vat gbp
contract.supplier_sme: sme | sme supplier | small or medium enterprise | supplier sme
contract.supplier_vcse: vcse | vcse supplier | voluntary or community sector | supplier vcse
added_value: added value | value added | benefit | benefits | benefit to council
exit_strategy: exit strategy | exit plan | exit arrangement
form: form | legal form | form of body | type of body | body type | organisation type | structure |
    legal status | legal structure | governance structure | delivery model | delivery vehicle
representatives: council representative | representative | appointed representative |
    outside body representative | appointed member | nominated member | council nominee | nominee |
    council appointee
contributions.cash_gbp: cash contribution | council cash contribution | council cash
contributions.in_kind_gbp: in kind contribution | council in kind contribution | in kind |
    value in kind | in kind support | council in kind
contributions.loan_gbp: loan | council loan | loan amount | loan facility | loan from council
decisions.summary: decision | key decision | decision taken | decision made
decisions.date: decision date | date of decision | date approved | approved on | approval date
decisions.reference: decision reference | minute reference | minute | minute number |
    decision ref | report reference | decision number
decisions.body: decision maker | approved by | decided by | decision body | authorised by |
    approving body
decisions.url: decision link | minutes link | link to decision | link to minute | decision url
reporting.committee: reports to | reporting to | reporting route | reporting line |
    scrutiny committee | governance route | accountable to | monitored by | reported to | scrutiny
reporting.months: reporting frequency | frequency of reporting | how often reported | report frequency
reporting.last_report: last reported | last report | date last reported | last report date |
    last reported to committee
replaced_by: replaced by | successor | superseded by | succeeded by | successor body
replaces: replaces | predecessor | supersedes | predecessor body | formerly
last_verified: last verified | date verified | verified | last checked | date checked |
    information correct at | correct as at | last confirmed | date confirmed
significance.reason: significance reason | reason for significance | why significant |
    significance rationale | justification for significance
(review outcome): review outcome | outcome of review | recommendation | review recommendation |
    review decision | last review outcome
rating: rating | assurance | assurance rating | assurance level | level of assurance
significance: significance | significant | significant partnership | is it significant |
    significance level
start: start | start date | date created | commenced | date commenced | from | date started |
    started | established | date established | commencement date | created | date formed | formed |
    date set up | contract start | contract start date | start of arrangement | date joined | joined
end: end | end date | expiry | expiry date | to | date end | ends | expires | termination date |
    contract end | contract end date | end of arrangement | date ended | ended | until | exit date
(term): term | duration | term of agreement | length of agreement | dates | life of arrangement |
    agreement period | contract period | contract term | period of agreement | timescale
(next review): review date | next review | next review date | date of next review | review due |
    due for review
review.history: last review | last reviewed | date last reviewed | last review date |
    date of last review | reviewed | review date last
review.months: review frequency | review period | frequency of review | review cycle | review month |
    reviewed every | how often reviewed
links: website | web link | link | url | web page | web address | more information
(notes): note | notes | comment | comments | remark | additional information | other information |
    officer note | internal note | further information
"""
SPECIAL = {
    "(money)": MONEY,
    "(next review)": NEXT_REVIEW,
    "(notes)": NOTES,
    "(review outcome)": REVIEW_OUTCOME,
    "(term)": TERM,
}
SYNONYMS: dict[Key, tuple[str, ...]] = {
    SPECIAL.get(name, tuple(name.split("."))): tuple(s.strip() for s in said.split("|"))
    for name, _, said in (
        line.partition(": ") for line in SYNONYMS_TABLE.strip().replace(" |\n    ", " | ").splitlines()
    )
}
HEADERS: dict[str, Key] = {normal(s): key for key, said in SYNONYMS.items() for s in said}
#: Words that frame a header without changing what it holds: "Partnership start date" is a start.
FRAMING = {"partnership", "arrangement", "council", "date"}
#: Columns of partreg's own ``register.csv``: what it writes, read back.
OWN_COLUMNS: dict[str, Key] = {
    "lead role": ("lead", "role"),
    "lead service": ("lead", "service"),
    "lead member": ("lead", "member"),
    "council funding gbp": ("resources", "council", "funding_gbp"),
    "contract value gbp": ("contract", "value_gbp"),
    "funding amount gbp": ("funding", "amount_gbp"),
    "last review": ("review", "history"),
    "next review": NEXT_REVIEW,
    # format 1.1
    "reporting committee": ("reporting", "committee"),
    "reporting month": ("reporting", "months"),
    "contract extension": ("contract", "extensions"),
    "last review outcome": REVIEW_OUTCOME,
    "contribution year": ("contributions", "year"),
}
#: Columns of partreg's own export that are computed from the rest, not recorded (the year and the
#: partners' total of the latest contributions, and how the significance was reached, go to the notes).
COMPUTED = {"page", "partner total", "significance basis"}
NUMBERED = ("outcomes", "risks")
#: Fields that are lists of text: several columns may add to them ("Partner 1", "Partner 2").
LISTS: set[Key] = {
    ("partners",),
    ("priorities",),
    ("objectives",),
    ("funding", "actions"),
    ("representatives",),
    ("replaces",),
    ("replaced_by",),
}
