"""Vocabulary and spaCy token patterns for entity extraction in council papers.

Everything here describes the genre (how English council committee papers
name people, posts, bodies and places), never one council: no person, place
or council names. extract/entities.py compiles these into matchers.
"""
from __future__ import annotations

import re

# --- People -----------------------------------------------------------------

# Words that introduce an elected member; they are dropped from the name.
MEMBER_TITLES = ["councillor", "councillors", "cllr", "cllrs", "cllr.", "alderman", "mayor"]
# Honorifics; "Dr." and "Prof." keep their dot as one token.
HONORIFICS = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
    "lord", "lady", "rev", "rev.", "revd", "reverend", "mr.", "mrs.", "ms.",
]
TITLE_WORDS = frozenset(MEMBER_TITLES + HONORIFICS)

# A name word as printed: "Okafor", "Ali-Khan", "McDermott", "O'Brien", "D’Souza".
NAME_WORD = re.compile(
    r"^(?:(?:Mc|Mac|O['’]|D['’]|De|Van|Le)?[A-Z][a-z]+(?:['’][a-z]+)?)(?:-(?:(?:Mc|Mac|O['’])?[A-Z][a-z]+))*$"
)
# "J." or "J" as an initial inside a name.
INITIAL = re.compile(r"^[A-Z]\.?$")
# Names printed in capitals ("(Signed) COUNCILLOR JANE DOE"); accepted only after a title.
UPPER_NAME_WORD = re.compile(r"^[A-Z][A-Z'’\-]{1,}$")

# Capitalised words that start sentences, headings and posts but are not names.
NOT_NAME = frozenset("""
the this that these those there then thus also and or but if in on at of for to from by with
as a an it its we our us they their them he she his her him i you your all any each every some
no not yes none both either neither other another such same new old more most less least
page pages agenda item items minute minutes report reports appendix annex section part date
time venue name contact contacts tel telephone email e-mail fax mobile web website address
subject key decision exempt wards ward enclosures enclosure recommendation recommendations reason
note notes resolved agreed action actions summary background introduction options implications
risk legal financial equalities priorities clearance signed present apologies attendance
council councils councillor councillors cllr panel board committee trust service services team
teams unit directorate department division office group forum partnership charity agency
authority government ministry commission association alliance network hub centre center clinic
children child young people person persons schools school families family adults adult parents
parent carers carer health care social education housing looked after leavers leaver leaving
corporate parenting director directors head heads chair chairs vice-chair chairman chairperson
officer officers manager managers member members nurse doctor designated divisional assistant
executive chief deputy senior lead portfolio holder leader cabinet mayor mayors borough london
england wales scotland britain uk city county district north south east west central greater
royal local national regional strategy plan policy update information performance data
quality safeguarding protection virtual independent reviewing inspection inspector inspectors
statutory annual quarterly monthly weekly total average target actual january february march
april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday spring summer autumn winter q1 q2 q3 q4 ofsted nhs ccg
mental disabilities disability special needs support early help intervention employment
training work business intelligence partner partners advisory non-voting voting reserve
reserves membership quorum chair's yours sincerely dear regards via re welcome thanks
questions question year years stage key
""".split())

# Verbs with which minutes report what a named person said or did ("Jane Doe advised that ...").
REPORTING_VERBS = frozenset("""
introduced presented advised reported explained confirmed informed outlined stated thanked
responded replied said commented queried asked added mentioned noted highlighted emphasised
emphasized underlined clarified undertook agreed welcomed appointed attended joined declared
""".split())
REPORTING_ADVERBS = frozenset({"also", "further", "then", "additionally", "subsequently", "kindly"})

# Words kept out of names above that are also common surnames; after a title
# ("Cllr Liz Ward", "Mrs May") they are names.
SURNAME_WORDS = frozenset("""
ward young may green hall page day north south west east head price bond law king street
english london wood hill chambers child parent mayor lord holder parker
""".split())

# Post words that end a role: "... Director", "... Officer", "... Nurse".
ROLE_HEADS = frozenset("""
director officer manager nurse doctor inspector analyst adviser advisor coordinator
co-ordinator partner lead head headteacher executive chair vice-chair chairman chairperson
holder leader member clerk commissioner consultant worker practitioner teacher secretary
registrar paediatrician psychologist therapist visitor champion mayor solicitor lawyer
accountant treasurer controller supervisor administrator deputy principal governor
""".split())
# Words that may qualify a post before its head word ("Corporate Director").
ROLE_MODIFIER_EXCLUDE = frozenset({"the", "a", "an", "this", "our", "their", "and", "of", "for", "denotes"})
# Posts that read as a post on their own, without "of ..." ("Chair", "Chief Executive").
STANDALONE_ROLES = [
    "chair", "vice-chair", "vice chair", "deputy chair", "chairman", "vice-chairman", "chairperson",
    "chief executive", "monitoring officer", "chief financial officer", "section 151 officer",
    "independent reviewing officer", "virtual school head", "virtual school headteacher",
    "virtual head", "virtual headteacher", "leader of the council", "deputy leader of the council",
    "deputy leader", "lead member", "designated nurse", "designated doctor", "named nurse",
    "named doctor", "medical adviser", "medical advisor", "independent visitor",
    "democratic services officer", "senior democratic services officer", "scrutiny officer",
    "lead inspector", "deputy lead inspector", "team inspectors", "social worker",
    "personal adviser", "personal advisor",
]
# Posts that must be followed by "of"/"for" to be a post ("Head of ...").
ROLE_OF_HEADS = frozenset({"head", "director", "holder", "member", "leader", "lead", "nurse", "doctor", "officer"})

# --- Organisations ----------------------------------------------------------

# Final words that make a capitalised phrase a body: "... Trust", "... Board".
ORG_SUFFIXES = frozenset("""
trust board panel partnership forum charity alliance association agency commission committee
society university college council foundation institute hospital clinic ccg icb office
federation consortium network collaborative
""".split())
# Suffixes too generic to stand on their own with only generic words in front ("Council Committee").
GENERIC_ORG_WORDS = frozenset("""
the this that council councils committee committees panel panels board boards trust trusts
local our their its each every all any a an new joint sub sub-group area regional national
""".split())
# Words allowed inside a body's name between capitalised words.
ORG_CONNECTORS = frozenset({"of", "for", "and", "&", "in", "on", "the"})
# Words a body's name never starts with.
ORG_LEADING_JUNK = frozenset({
    "the", "this", "that", "these", "our", "their", "its", "a", "an", "each", "every", "all", "any",
    "both", "report", "agenda", "item", "minutes", "page", "pages", "appendix", "section", "subject",
    "contact", "enclosures", "dear", "whilst", "while", "when", "where", "if", "as", "at", "by",
})

# National bodies every English council's papers cite: regulators, departments,
# NHS structures and national children's charities. Case matters for acronyms.
NATIONAL_BODIES = {
    "Ofsted": ["Ofsted", "OFSTED", "Office for Standards in Education, Children's Services and Skills"],
    "Care Quality Commission": ["Care Quality Commission", "CQC"],
    "Department for Education": ["Department for Education", "DfE", "DFE", "Dfe"],
    "Department for Education and Skills": ["Department for Education and Skills", "DfES"],
    "Department of Health and Social Care": ["Department of Health and Social Care", "DHSC"],
    "Department of Health": ["Department of Health", "DoH"],
    "Department for Work and Pensions": ["Department for Work and Pensions", "DWP"],
    "Home Office": ["Home Office"],
    "Ministry of Justice": ["Ministry of Justice", "MoJ"],
    "Youth Justice Board": ["Youth Justice Board", "YJB"],
    "Local Government Association": ["Local Government Association", "LGA"],
    "Children and Family Court Advisory and Support Service": [
        "Children and Family Court Advisory and Support Service", "Cafcass", "CAFCASS",
    ],
    "NHS": ["NHS"],
    "NHS England": ["NHS England", "NHSE"],
    "CCG": ["CCG", "Clinical Commissioning Group"],
    "ICB": ["ICB", "Integrated Care Board"],
    "CAMHS": ["CAMHS", "Child and Adolescent Mental Health Services", "Child and Adolescent Mental Health Service"],
    "NSPCC": ["NSPCC"],
    "Barnardo's": ["Barnardo's", "Barnardo’s", "Barnardos"],
    "Action for Children": ["Action for Children"],
    "The Children's Society": ["The Children's Society", "The Children’s Society"],
    "Children's Commissioner": ["Children's Commissioner for England", "Office of the Children's Commissioner"],
    "Association of Directors of Children's Services": ["Association of Directors of Children's Services", "ADCS"],
    "Metropolitan Police": ["Metropolitan Police", "Metropolitan Police Service", "Met Police"],
    "The National Archives": ["The National Archives", "National Archives"],
    "Citizens Advice": ["Citizens Advice"],
    "Prince's Trust": ["Prince's Trust", "The Prince's Trust"],
}
# A council's executive, named by one capitalised word.
EXECUTIVE_BODIES = frozenset({"Cabinet"})
# "X Police", "X Fire and Rescue Service", "X Football Club": bodies named by a suffix the general rule avoids.
ORG_EXTRA_SUFFIXES = [
    ["police"], ["police", "service"], ["constabulary"], ["fire", "and", "rescue", "service"],
    ["football", "club"], ["rugby", "club"], ["cricket", "club"],
]
# "the Labour Group": a political group on the council.
PARTY_GROUP_WORDS = frozenset({
    "labour", "conservative", "liberal", "democrat", "democrats", "green", "independent", "reform",
})

# Verbs and phrases that take an organisation as their object in this genre.
ORG_CONTEXT_BEFORE = [
    ["partnership", "with"], ["partnered", "with"], ["partner", "with"], ["partnering", "with"],
    ["commissioned"], ["awarded", "to"], ["contract", "with"], ["funded", "by"], ["delivered", "by"],
    ["provided", "by"], ["run", "by"], ["working", "with"],
]
# Appositives that say the previous name is a body: "X, a voluntary adoption agency".
ORG_APPOSITIVE_NOUNS = frozenset({
    "charity", "agency", "organisation", "organization", "provider", "company", "trust",
    "consultancy", "enterprise", "organisations", "charities", "agencies",
})
# "agencies such as A, B and C": a list of bodies.
ORG_LIST_INTRO = frozenset({"agencies", "organisations", "organizations", "providers", "charities", "partners"})

# --- Places -----------------------------------------------------------------

# Prepositions after which a capitalised word in running text is usually a place.
PLACE_PREPOSITIONS = frozenset({"in", "within", "across", "outside", "throughout", "around", "near"})
PLACE_SUFFIXES = frozenset({"borough", "county", "city", "town", "district"})

# --- Labels -----------------------------------------------------------------

# "Chair:", "Councillors:", "Lead inspector:", "Contact:", "Name:": a label whose
# last word is one of these introduces people.
PERSON_LABEL_HEADS = frozenset("""
chair chairman chairperson vice-chair councillor councillors cllr cllrs member members present
apologies attendance officer officers inspector inspectors analyst manager contact contacts
name author authors clerk holder director nurse doctor mayor leader lead adviser advisor
coordinator co-ordinator reserves reserve substitutes substitute signed by
""".split())
# Labels whose list may run on over the following lines ("Councillors:\nRavi Shah\n...").
LIST_LABEL_HEADS = frozenset("""
councillors cllrs members present apologies attendance officers inspectors reserves reserve
substitutes member councillor
""".split())

# --- Topics -----------------------------------------------------------------

# Domain terms of children's social care papers: canonical term -> variants.
# The glossary (search/glossary) can pass a larger dict to EntityExtractor.
DEFAULT_TOPICS: dict[str, list[str]] = {
    "children looked after": [
        "children looked after", "looked after children", "child looked after", "looked-after children",
        "CLA", "LAC", "children in care", "child in care",
    ],
    "care leavers": ["care leaver", "care leavers", "leaving care", "care experienced young people"],
    "special guardianship": ["special guardianship", "special guardianship order", "SGO", "special guardian"],
    "unaccompanied asylum seeking children": [
        "unaccompanied asylum seeking children", "unaccompanied asylum-seeking children",
        "unaccompanied asylum seeking child", "UASC", "unaccompanied minors",
    ],
    "NEET": [
        "NEET", "not in education, employment or training", "not in employment, education or training",
    ],
    "CAMHS": ["CAMHS", "child and adolescent mental health services"],
    "child sexual exploitation": ["child sexual exploitation", "CSE", "sexual exploitation"],
    "missing children": ["missing from home", "missing from care", "missing episode", "return home interview"],
    "adoption": ["adoption", "adopters", "placement order", "regional adoption agency"],
    "fostering": ["fostering", "foster carer", "foster care", "foster placement"],
    "placement stability": ["placement stability", "placement moves", "placement move"],
    "personal education plan": ["personal education plan", "PEP", "PEPs"],
    "virtual school": ["virtual school", "virtual head", "virtual school head"],
    "health assessments": [
        "initial health assessment", "review health assessment", "health assessment", "IHA", "RHA",
    ],
    "education health and care plan": ["education health and care plan", "EHCP", "EHC plan"],
    "strengths and difficulties questionnaire": ["strengths and difficulties questionnaire", "SDQ", "SDQs"],
    "staying put": ["staying put"],
    "corporate parenting": ["corporate parenting", "corporate parent", "corporate parents"],
    "independent reviewing officer": ["independent reviewing officer", "IRO", "IROs"],
    "child protection": ["child protection", "child protection plan", "CP plan"],
}
