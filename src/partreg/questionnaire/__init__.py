"""The guided questionnaire behind ``partreg add``: questions, forgiving answers, a draft entry.

The questions come from the policy: first what the arrangement is (the
classification facts, asked only while they can still change the answer),
then the fields that kind needs. Every answer is checked as it is given and
asked again if it cannot be used. Input and output are passed in (``ask``
and ``say``), so the same flow runs in a terminal and in tests.

The parts, each with one job: ``answers`` reads a typed answer, ``asking``
asks one question until it can be used, ``questions`` holds the questions
that take more than a line, ``steps`` the form's questions in order,
``draft`` makes the entry (and proposes its id), and ``form`` runs it all.
The names used elsewhere in partreg are re-exported here.
"""

from partreg.questionnaire.answers import NO, YES, Invalid, choice, parse_date, parse_pounds
from partreg.questionnaire.draft import canonical, free_id, org_id_of, propose_id
from partreg.questionnaire.form import Cancelled, Finding, Questionnaire

__all__ = [
    "NO",
    "YES",
    "Cancelled",
    "Finding",
    "Invalid",
    "Questionnaire",
    "canonical",
    "choice",
    "free_id",
    "org_id_of",
    "parse_date",
    "parse_pounds",
    "propose_id",
]
