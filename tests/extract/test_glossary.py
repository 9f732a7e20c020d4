import pytest

from panel_papers.extract.glossary import defined_terms, definitions_in, spells
from panel_papers.extract.records import DefinedTerm, PageText


def pairs(text):
    return definitions_in(text)


@pytest.mark.parametrize("text, expected", [
    # Harrow's wording
    ("subject to Special Guardianship Orders (SGO) this year", ("Special Guardianship Orders", "SGO")),
    ("the health needs of UASC (Unaccompanied Asylum Seeking Children), blood screening",
     ("Unaccompanied Asylum Seeking Children", "UASC")),
    ("reviewed at the monthly MACE (Multiagency Child Exploitation Panel) and are referred",
     ("Multiagency Child Exploitation Panel", "MACE")),
    ("a guardianship order (SGOs) made during 2015-16", None),
    ("special guardianship orders (SGOs) made during 2015-16", ("special guardianship orders", "SGO")),
    ("The multi-agency safeguarding hub (MASH) provides", ("multi-agency safeguarding hub", "MASH")),
    ("the Local Safeguarding Children Board's (LSCB's) annual report", ("Local Safeguarding Children Board", "LSCB")),
    ("Not in employment, education or training [NEETs] Care Leavers",
     ("Not in employment, education or training", "NEET")),
    ("Harrow's Children Looked After⁵(CLA). The Virtual School", ("Children Looked After", "CLA")),
    ("Support Service (Cafcass), schools", None),
    ("the Children and Family Court Advisory and Support Service (Cafcass), schools",
     ("Children and Family Court Advisory and Support Service", "Cafcass")),
    # other councils' wording
    ("(MACE) Multi-Agency Child Exploitation meetings are held weekly",
     ("Multi-Agency Child Exploitation", "MACE")),
    ("MACE (Multi-agency Child Exploitation) oversees", ("Multi-agency Child Exploitation", "MACE")),
    ("The Department for Education (DfE) publishes", ("Department for Education", "DfE")),
    ("referred to Child and Adolescent Mental Health Services (CAMHS) within 4 weeks",
     ("Child and Adolescent Mental Health Services", "CAMHS")),
    ("an Education, Health and Care Plan (EHCP) was issued", ("Education, Health and Care Plan", "EHCP")),
    ("ICB (Integrated Care Board) commissioning", ("Integrated Care Board", "ICB")),
    ("the Youth Justice Service [YJS] caseload", ("Youth Justice Service", "YJS")),
])
def test_definitions_are_found_in_each_style(text, expected):
    found = pairs(text)
    if expected is None:
        assert found == []
    else:
        assert expected in found, found


@pytest.mark.parametrize("text", [
    "Children in Need (CLA) attendance",  # letters do not match the words before
    "a visit (Carer) was helpful",
    "Safeguarding Children Boards (Review) Regulations 2013",
    "(Signed) COUNCILLOR CHRISTINE BEDNELL",
    "Measured Quarterly (YTD).",
    "as the table shows (see page 4) and",
    "Ofsted (the regulator) said",
    "partnered with local authorities across West London (WLA) as part",
    "Children (CLA) and care leavers",  # one word cannot spell three letters
])
def test_brackets_that_are_not_definitions_are_ignored(text):
    assert pairs(text) == []


def test_spells_allows_skipped_small_words_hyphens_and_one_inner_letter():
    assert spells("PALS", ["Patient", "Advice", "and", "Liaison", "Service"])
    assert spells("MARAC", ["multi-agency", "risk", "assessment", "conferences"])
    assert spells("MACE", ["Multiagency", "Child", "Exploitation"])  # "Multiagency" gives M and A
    assert spells("DfE", ["Department", "for", "Education"])  # a small word may give a letter
    assert not spells("MACES", ["Multiagency", "Child", "Exploitation"])
    assert not spells("CE", ["of", "Child", "Exploitation"])  # a long form does not start on "of"


def test_defined_terms_keep_the_first_page_of_each_definition():
    pages = [
        PageText(1, "Agenda\nCorporate Parenting Panel"),
        PageText(2, "Unaccompanied Asylum Seeking\nChildren (UASC) arriving in the borough."),
        PageText(5, "The number of Unaccompanied Asylum Seeking Children (UASC) rose; Personal\n"
                    "Education Plans (PEPs) are audited by the Independent Reviewing Officer (IRO)."),
    ]
    assert defined_terms(pages) == [
        DefinedTerm("Unaccompanied Asylum Seeking Children", "UASC", 2),
        DefinedTerm("Independent Reviewing Officer", "IRO", 5),
        DefinedTerm("Personal Education Plans", "PEP", 5),
    ]


def test_no_definitions_in_plain_text():
    assert defined_terms([PageText(1, "The Panel noted the report (attached).")]) == []
