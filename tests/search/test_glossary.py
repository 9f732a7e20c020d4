import pytest
from whoosh import index
from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser

from panel_papers.search.glossary import BUILT_IN, USER, Glossary, GlossaryError, expand_query, form_key

DOCS = {
    "sgo-long": "Three children left care under special guardianship orders this quarter.",
    "sgo-short": "SGO numbers rose to 15.6% of children ceasing to be looked after.",
    "uasc-long": "Health needs of unaccompanied asylum seeking children: TB screening.",
    "uasc-short": "The number of CLA who are UASC has remained stable at 28.",
    "neet": "27.3% of care leavers were not in education, employment or training.",
    "send": "Please send the forms to the clinic before Friday.",
    "send-needs": "Support for children with special educational needs and disabilities.",
    "cp": "Children subject to a child protection plan were reviewed.",
}


@pytest.fixture(scope="module")
def glossary():
    return Glossary.load()


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    schema = Schema(id=ID(stored=True), content=TEXT(analyzer=StemmingAnalyzer(), phrase=True))
    ix = index.create_in(str(tmp_path_factory.mktemp("whoosh")), schema)
    writer = ix.writer()
    for doc_id, text in DOCS.items():
        writer.add_document(id=doc_id, content=text)
    writer.commit()
    with ix.searcher() as s:
        yield s, QueryParser("content", schema)


def found(searcher, query, glossary):
    s, parser = searcher
    return {hit["id"] for hit in s.search(parser.parse(expand_query(query, glossary)), limit=None)}


# -- the shipped file ------------------------------------------------------------
def test_every_shipped_line_is_its_own_concept(glossary):
    # Two lines sharing a form would silently merge into one concept.
    lines = [line for line in _shipped_lines() if not line.startswith("concept\t")]
    assert len(glossary) == len(lines) >= 90


def _shipped_lines():
    from importlib import resources
    text = resources.files("panel_papers.search").joinpath("data", "glossary.tsv").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("term, expected", [
    ("SGO", "special guardianship order"),
    ("sgos", "special guardianship order"),
    ("Special Guardianship Orders", "SGO"),
    ("looked-after children", "CLA"),
    ("LAC", "children in care"),
    ("uasc", "unaccompanied asylum seeking children"),
    ("NEETs", "not in employment, education or training"),
    ("PEP", "personal education plan"),
    ("IHA", "initial health assessment"),
    ("rha", "review health assessment"),
    ("IROs", "independent reviewing officer"),
    ("CAMHS", "child and adolescent mental health services"),
    ("EHCP", "education, health and care plan"),
    ("CSE", "child sexual exploitation"),
    ("CCE", "child criminal exploitation"),
    ("MASH", "multi-agency safeguarding hub"),
    ("YOT", "youth offending team"),
    ("SDQ", "strengths and difficulties questionnaire"),
    ("DfE", "Department for Education"),
    ("CCG", "clinical commissioning group"),
    ("ICB", "integrated care board"),
    ("SN", "statistical neighbours"),
    ("LSCP", "LSCB"),
    ("SEND", "special educational needs and disabilities"),
    ("CIN", "child in need"),
    ("CP", "child protection"),
    ("RAG", "red, amber, green"),
    ("KPIs", "key performance indicator"),
    ("Ofsted", "Office for Standards in Education"),
    ("EET", "education, employment or training"),
])
def test_variants_cover_the_domain_vocabulary(glossary, term, expected):
    assert expected in glossary.variants(term)


def test_variants_of_an_unknown_term_are_empty(glossary):
    assert glossary.variants("zebra crossing") == []


def test_form_key_ignores_case_hyphens_commas_and_plurals():
    assert form_key("Looked-After Children") == form_key("looked after child")
    assert form_key("Not in Education, Employment or Training") == form_key("not in education employment or training")
    assert form_key("SGOs") == form_key("SGO") == form_key("sgo's")


# -- expansion -------------------------------------------------------------------
def test_acronym_and_long_form_find_each_other(searcher, glossary):
    assert found(searcher, "SGO", glossary) == {"sgo-long", "sgo-short"}
    assert found(searcher, "special guardianship order", glossary) == {"sgo-long", "sgo-short"}
    assert found(searcher, '"special guardianship"', glossary) == {"sgo-long", "sgo-short"}
    assert found(searcher, "UASC health", glossary) == {"uasc-long"}
    assert found(searcher, "unaccompanied asylum seeking children", glossary) == {"uasc-long", "uasc-short"}
    assert found(searcher, "NEET", glossary) == {"neet"}


def test_without_the_glossary_the_forms_do_not_meet(searcher):
    s, parser = searcher
    assert {h["id"] for h in s.search(parser.parse("SGO"))} == {"sgo-short"}


def test_multi_word_form_is_matched_before_single_words(glossary):
    expanded = expand_query("special guardianship orders performance", glossary)
    assert expanded.startswith('("special guardianship order" OR ')
    assert expanded.endswith(" OR SGO) performance")


def test_operators_fields_parentheses_and_unknown_words_stay(glossary):
    expanded = expand_query('content:SGO AND (dental OR NOT UASC) kind:minutes "return home"~2', glossary)
    assert expanded.startswith("content:SGO AND (dental OR NOT (")
    assert expanded.endswith(' OR UASC)) kind:minutes "return home"~2')
    assert expand_query("school attendance AND exclusions", glossary) == "school attendance AND exclusions"
    assert expand_query('committee:"corporate parenting" SGO*', glossary) == 'committee:"corporate parenting" SGO*'
    assert expand_query("content:(SGO OR (UASC)) page:[1 TO 9} IHA", glossary).startswith(
        "content:(SGO OR (UASC)) page:[1 TO 9} (")


def test_ambiguous_short_acronyms_expand_only_in_capitals(searcher, glossary):
    assert expand_query("cp sn send it", glossary) == "cp sn send it"
    assert found(searcher, "send forms", glossary) == {"send"}
    assert found(searcher, "SEND support", glossary) == {"send-needs"}
    assert "child protection" in expand_query("CP plan", glossary)


def test_acronyms_match_only_whole_words(glossary):
    assert expand_query("SGOX CLAIM", glossary) == "SGOX CLAIM"


def test_expanded_queries_parse(searcher, glossary):
    _, parser = searcher
    for query in ["SGO", "LAC AND dental", "(UASC OR NEET) NOT CP", '"children in care" placements',
                  "IT systems", "Ofsted action plan", "EHCP, CAMHS; SDQ."]:
        parsed = parser.parse(expand_query(query, glossary))
        assert "NullQuery" not in repr(parsed) or query == "IT systems", query


# -- user file and harvested definitions -------------------------------------------
def test_user_file_adds_variants_and_concepts(tmp_path):
    (tmp_path / "glossary.tsv").write_text(
        "# local terms\nconcept\tvariants\nSGO\tSG order\nBeyond Limits\tchildren in care council\tCiCC\n",
        encoding="utf-8")
    glossary = Glossary.load(tmp_path)
    assert "SG order" in glossary.variants("special guardianship")
    assert glossary.variants("CiCC") == ["Beyond Limits", "children in care council", "CiCC"]
    [entry] = glossary.entries("SGO")
    assert entry.concept == "special guardianship order" and entry.sources == [BUILT_IN, USER]


def test_unreadable_user_file_is_named(tmp_path):
    (tmp_path / "glossary.tsv").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(GlossaryError, match="glossary.tsv"):
        Glossary.load(tmp_path)


def test_harvested_definitions_merge_or_add_with_their_source():
    glossary = Glossary.load(harvested=[
        ("Multiagency Child Exploitation Panel", "MACE", "minutes.pdf p.1"),  # known long form
        ("Multi Agency Sexual Exploitation", "MASE", "other.pdf p.4"),  # new concept
        ("Missing and Child Exploitation meeting", "MACE", "third.pdf p.9"),  # known acronym, shared words
        ("Children & Young Adults with Disabilities Service", "CYADS", "minutes.pdf p.1"),
        ("Corporate Parenting", "CP", "other.pdf p.3"),  # a paper using CP for something else
    ])
    [mace] = glossary.entries("MACE")
    assert mace.sources == [BUILT_IN, "minutes.pdf p.1", "third.pdf p.9"]
    assert "Missing and Child Exploitation meeting" in mace.variants
    assert glossary.variants("mase") == ["Multi Agency Sexual Exploitation", "MASE"]
    [cyads] = glossary.entries("cyads")
    assert cyads.concept == "Children & Young Adults with Disabilities Service"
    assert [e.concept for e in glossary.entries("CP")] == ["child protection", "Corporate Parenting"]


def test_harvested_acronyms_expand_only_as_printed():
    glossary = Glossary.load(harvested=[("Supporting Adolescents to Feel Empowered", "SAFE", "a.pdf p.2")])
    assert "Supporting Adolescents" in expand_query("SAFE referrals", glossary)
    assert expand_query("safe referrals", glossary) == "safe referrals"


def test_entries_fall_back_to_substring_search(glossary):
    names = [e.concept for e in glossary.entries("guardianship")]
    assert "special guardianship order" in names and len(names) >= 2
    assert len(glossary.entries()) == len(glossary)
