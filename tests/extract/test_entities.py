"""Entity extraction on strings in the styles of other councils' papers (names invented)."""
from __future__ import annotations

import pytest

from panel_papers.extract.entities import EntityExtractor, normalise_org, normalise_person
from panel_papers.extract.records import Mention, PageText


@pytest.fixture(scope="module")
def extractor() -> EntityExtractor:
    return EntityExtractor()


def _mentions(extractor, *texts: str, items=None) -> list[Mention]:
    return extractor.mentions([PageText(n, t) for n, t in enumerate(texts, start=1)], items)


def _names(mentions: list[Mention], kind: str) -> set[str]:
    return {m.name for m in mentions if m.kind == kind}


@pytest.mark.parametrize("raw, expected", [
    ("Councillor Mrs Helen ROWLEY", "Helen Rowley"),
    ("Cllr  J.  Smith", "J. Smith"),
    ("Jo Marsh Marsh.....", "Jo Marsh"),
    ("Name: Jo Marsh X", "Name Jo Marsh"),  # labels are the caller's business, signature marks are not
    ("COUNCILLOR ROSE-MARIE O'NEILL", "Rose-Marie O'Neill"),
    ("Dr. Ravi Shah", "Ravi Shah"),
    ("Ms Ciara McDermott", "Ciara McDermott"),
])
def test_normalise_person(raw, expected):
    assert normalise_person(raw) == expected


def test_normalise_org_folds_case_article_and_national_spellings():
    assert normalise_org("the  CORPORATE PARENTING PANEL") == "Corporate Parenting Panel"
    assert normalise_org("OFSTED") == "Ofsted"
    assert normalise_org("DfE") == "Department for Education"


def test_entity_id_is_kind_and_slug():
    mention = Mention("Sarah Okafor", "PERSON", "Ms Okafor", 2, 0, 9)
    assert mention.entity_id == "person:sarah-okafor"


def test_titled_members_and_honorific_resolved_to_full_name(extractor):
    found = _mentions(
        extractor,
        "Sarah Okafor, Director of Children's Services, introduced the report.",
        "Councillor Mrs Angela Price asked about placements. Ms Okafor explained the position. "
        "Cllr J. Smith and Cllr Liz Ward agreed.",
    )
    assert _names(found, "PERSON") == {"Sarah Okafor", "Angela Price", "J. Smith", "Liz Ward"}
    okafor = [m for m in found if m.name == "Sarah Okafor"]
    assert [m.text for m in okafor] == ["Sarah Okafor", "Ms Okafor"]
    assert all(m.role == "Director of Children's Services" for m in okafor)


def test_surname_alone_stays_a_surname_when_the_document_never_names_it_in_full(extractor):
    found = _mentions(extractor, "Mr Kowalski reported that the audit was complete.")
    assert _names(found, "PERSON") == {"Kowalski"}


def test_asterisked_attendance_and_numbered_reserve_lists(extractor):
    found = _mentions(extractor, (
        "Chair: Councillor Fiona Hart\n"
        "Councillors: * Ravi Shah * Mary Jones\n"
        "* Tom Hill Ann Lee\n"
        "* Denotes Member present\n"
        "Reserve Members:\n"
        "1. Sam Roe 1. Kate Lowe\n"
        "2. Jan Novak\n"
        "Contact: Omar Said, Democratic Services Officer\n"
    ))
    assert _names(found, "PERSON") == {
        "Fiona Hart", "Ravi Shah", "Mary Jones", "Tom Hill", "Ann Lee", "Sam Roe", "Kate Lowe", "Jan Novak", "Omar Said",
    }
    roles = {m.name: m.role for m in found if m.kind == "PERSON"}
    assert roles["Fiona Hart"] == "Chair"
    assert roles["Omar Said"] == "Democratic Services Officer"


def test_roles_around_names(extractor):
    found = _mentions(extractor, (
        "The Leader of the Council, Councillor Tom Baines, opened the meeting. "
        "Dr Amir Khan, Designated Doctor for Looked After Children, presented the annual report, "
        "and Grace Eze (Virtual School Head) added that the Independent Reviewing Officer had met.\n"
        "Portfolio Holder: Cllr Dee Marsh, Portfolio Holder for Children and Families\n"
        "Report author: Lee Chan\n"
        "Neil Burr\n"
        "Head of Commissioning\n"
    ))
    roles = {m.name: m.role for m in found if m.kind == "PERSON"}
    assert roles == {
        "Tom Baines": "Leader of the Council",
        "Amir Khan": "Designated Doctor for Looked After Children",
        "Grace Eze": "Virtual School Head",
        "Dee Marsh": "Portfolio Holder for Children and Families",
        "Lee Chan": "Report author",
        "Neil Burr": "Head of Commissioning",
    }
    assert {"Independent Reviewing Officer", "Leader of the Council"} <= _names(found, "ROLE")


def test_organisations_by_suffix_national_name_and_context(extractor):
    found = _mentions(extractor, (
        "The NHS North West London Integrated Care Board and Central and North West London NHS Foundation Trust "
        "reported to the Health and Wellbeing Board. Ofsted and the Department for Education (DfE) were told; "
        "the DfE replied. The London Borough of Barnet and the Royal Borough of Kingston upon Thames joined "
        "the Safeguarding Children Partnership (SCP), and the SCP agreed. Services are funded by St Mungo's, "
        "and a contract was awarded to Brightpath. Kestrel, a national fostering charity, and agencies such as "
        "the Open Door Clinic, Harbour Point and Youth Hub. The Labour Group asked for a report to Cabinet."
    ))
    orgs = _names(found, "ORG")
    assert orgs >= {
        "NHS North West London Integrated Care Board", "Central and North West London NHS Foundation Trust",
        "Health and Wellbeing Board", "Ofsted", "Department for Education", "London Borough of Barnet",
        "Royal Borough of Kingston upon Thames", "Safeguarding Children Partnership", "St Mungo's",
        "Brightpath", "Kestrel", "Open Door Clinic", "Harbour Point", "Youth Hub", "Labour Group", "Cabinet",
    }
    assert "the Council" not in orgs and "Council" not in orgs
    scp = [m for m in found if m.text == "SCP"]
    assert len(scp) == 2 and all(m.name == "Safeguarding Children Partnership" for m in scp)


def test_generic_mentions_are_not_organisations(extractor):
    found = _mentions(extractor, (
        "The Council Committee met. Members of the Panel noted that a new Regional Adoption Agency is planned. "
        "Training for Council, NHS and schools continues. The police and health partners attended."
    ))
    assert _names(found, "ORG") == {"NHS"}


def test_places_not_postcodes(extractor):
    found = _mentions(extractor, (
        "Children placed in Kent and across Greater Manchester. Town Hall, High Street, London SW1A 2AA. "
        "In January the panel met in Committee Room 2."
    ))
    places = _names(found, "PLACE")
    assert places == {"Kent", "Greater Manchester"}


def test_topics_default_and_from_glossary():
    default = EntityExtractor()
    found = _mentions(default, "Two UASC and several care leavers were NEET; special guardianship orders rose.")
    assert _names(found, "TOPIC") == {"unaccompanied asylum seeking children", "care leavers", "NEET",
                                       "special guardianship"}
    custom = EntityExtractor(topics={"kinship care": ["kinship care", "family and friends care"]})
    found = _mentions(custom, "Family and friends care is growing.")
    assert _names(found, "TOPIC") == {"kinship care"}


def test_mentions_carry_page_offsets_and_smallest_item(extractor):
    text = "Intro.\nNina Stone, Head of Finance, spoke."
    found = _mentions(extractor, "Cover page", "Nothing", text, items=[("pack", 1, 10), ("item-5", 2, 4)])
    person = next(m for m in found if m.kind == "PERSON")
    assert (person.page, text[person.start:person.end], person.item_id) == (3, "Nina Stone", "item-5")
    assert all(m.item_id == "item-5" for m in found)


def test_extractor_reuses_one_pipeline_per_process():
    assert EntityExtractor().nlp is EntityExtractor().nlp


def test_named_pipeline_gets_the_rules_before_its_ner(tmp_path):
    """A trained pipeline keeps the rule spans: they are set before "ner", which respects them."""
    import spacy

    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("PERSON")
    nlp.initialize()
    nlp.to_disk(tmp_path / "tiny")
    extractor = EntityExtractor(str(tmp_path / "tiny"))
    assert extractor.nlp.pipe_names == ["council_entity_rules", "ner"]
    found = _mentions(extractor, "Councillor Mrs Angela Price chaired the Health and Wellbeing Board.")
    assert {"Angela Price"} <= _names(found, "PERSON")
    assert {"Health and Wellbeing Board"} <= _names(found, "ORG")
