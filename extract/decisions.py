"""Resolutions: the decisions of each minute item, one record per numbered part.

Minutes record decisions in three registers, and a document keeps to one:
- formal: a decision verb in capitals wherever a sentence or numbered paragraph
  starts ("RESOLVED that", "(4) RESOLVED:", "FURTHER RESOLVED:", "It was
  AGREED that", "the Council RESOLVED:"); there, lower-case verbs count only
  after the deciding body ("The Council agreed to"), since "it was agreed
  that ..." in a discussion paragraph reports a shared view;
- prose: "Committee resolved to ...", "It was agreed that ..." with no capitals;
- motions: "Moved by / Seconded by ... Carried" (extract/motions.py);
and parish minutes that use none of these state outcomes ("– approved",
"proposed by X, seconded by Y"), read by extract/outcomes.py.
"""
from __future__ import annotations

import re
from statistics import quantiles

from .motions import motions, seconded_proposals
from .outcomes import outcomes
from .pagelines import Line
from .records import Resolution
from .resolution_records import numbered_repeats, records

_BODY = (
    r"(?:(?:the|The|All|all)\s+)?(?:(?!This\b|That\b)[A-Z][a-z]+\s+)?(?:Committee|Council|Panel|Board|Cabinet|Sub-Committee|Forum|"
    r"Executive|Commission|Meeting|Authority|Members|Councillors|Cllrs|PC)(?:\s+present)?"
)
_ADVERB = r"(?:\s+(?:also|further|then|unanimously|therefore|accordingly))*"
_CAPITAL_VERB = r"RESOLVED|RESOLVES|AGREED|AGREES|DECIDED|DECISION|RECOMMENDED"
_PROSE_VERB = r"[Rr]esolved|[Rr]esolves|[Aa]greed|[Aa]grees|[Dd]ecided|Decision"
# What may stand before the verb on its line: nothing, a paragraph number, a
# finished sentence, "... seconded by B and", "FURTHER", "It was", or the deciding body.
_BEFORE = rf"(?:^|(?<=[.;:]\s)|(?<=\sand\s)|(?<=^\d\.\s)|(?<=^\d\d\.\s)|(?<=^\d\)\s)|(?<=^\d\d\)\s)|(?<=^\(\d\)\s)|(?<=^\(\d\d\)\s)|(?<=^[a-z][.)]\s))"
_OPENING = rf"(?P<opening>(?:FURTHER\s+|ALSO\s+|BE\s+IT\s+|It\s+was{_ADVERB}\s+|IT\s+WAS\s+|(?P<body>{_BODY}){_ADVERB}\s+)?(?:unanimously\s+|UNANIMOUSLY\s+)?)"
_CONNECTOR = r"(?:\s+(?:UNANIMOUSLY|unanimously|nem\.?\s*con\.?))?\s*(?:\((?:unanimously|by\s+[^)]{1,40}|nem\.?\s*con\.?)\)\s*)?(?P<connector>[:–—\-]+|(?=\s+(?:that|That|THAT|to|To|TO)\b)|(?<=resolves)(?=\s)|(?<=RESOLVES)(?=\s)|$)"
FORMAL_MARKER = re.compile(rf"{_BEFORE}{_OPENING}(?P<verb>{_CAPITAL_VERB}){_CONNECTOR}")
PROSE_MARKER = re.compile(rf"{_BEFORE}{_OPENING}(?P<verb>{_PROSE_VERB}){_CONNECTOR}")
# "... after debate the Members resolved to support ...": a deciding body that resolved
# decides wherever the sentence names it, not only where a sentence starts.
# "On the proposal of Cllr A, seconded by Cllr B it was agreed to ...", "... and it was agreed that":
# in minutes written in prose a lower-case "it was agreed" decides after a seconder or "and" too.
IT_WAS_DECIDED = re.compile(
    rf"(?:^|(?<=\sand\s)|\bseconded\s+by\b[^.;:]{{0,60}}?\s)(?P<opening>it\s+was{_ADVERB}\s+)(?P<verb>agreed|resolved)"
    r"(?P<connector>(?=\s+(?:that|to)\b))"
)
BODY_RESOLVED = re.compile(rf"(?<=\s)(?P<opening>(?P<body>{_BODY}){_ADVERB}\s+)(?P<verb>resolved|resolves)(?P<connector>(?=\s+(?:that|to)\b))")
# "All agreed this was a true record", "The Councillors resolved this was acceptable": in prose
# minutes the body's verb runs straight into the clause decided; "..., agreed to pay £65" leaves the body out.
BODY_CLAUSE = re.compile(
    rf"(?:^|(?<=[.;:]\s))(?P<opening>(?:(?P<body>{_BODY})|All|It\s+was){_ADVERB}\s+)(?P<verb>agreed|resolved)(?P<connector>)"
    r"(?=\s+(?!(?:that|to|with|on|upon|by|at|in|and|or|but|as|for|from|not)\b)[a-z£])"
)
AGREED_AFTER_COMMA = re.compile(r"(?<=,\s)(?P<opening>)(?P<verb>agreed|resolved)(?P<connector>(?=\s+to\s+[a-z]))")
# Kept for extract/requests.py: a request worded as a decision is read after the verb.
DECISION_MARKER = re.compile(
    rf"^{_OPENING}(?P<verb>{_CAPITAL_VERB}|{_PROSE_VERB}){_CONNECTOR}\s*(?:that\b|to\b)?", re.I
)
_PART_START = re.compile(r"^(?:\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[•▪●◦\uf0b7\uf0a7])\s")
_NUMBERED_PARAGRAPH = re.compile(r"^\(?\d{1,4}[.)]\s")
_NUMBERED_HEADING = re.compile(r"^\d{1,4}(?:[./]\d{1,4})*\.?\s+[A-Z][^.;:]*$")
_OPEN_END = re.compile(r"(?:[,;:–—\-(]|\b(?:and|or|of|the|to|that|be|for|with|by|in|on|at|a|an))\s*$", re.I)
_CLOSING = re.compile(r"^(?:The\s+meeting\s+(?:closed|ended)|Meeting\s+closed|There\s+being\s+no\s+further|Signed\b|Chair(?:man)?\s*:?\s*\.{3,}|Date\s+of\s+(?:the\s+)?next)", re.I)


def full_width(lines: list[Line]) -> float:
    lengths = [len(line.text) for line in lines]
    if len(lengths) < 4:
        return max(lengths, default=80)
    # The longest lines are the text block's width; table cells and headings are shorter.
    return quantiles(lengths, n=20)[-1]


def register(lines: list[Line]) -> str:
    """How this document marks decisions: 'formal' (capitalised verb), 'prose' ("Committee
    resolved to ...") or 'informal' (neither: outcomes are stated, see extract/outcomes.py)."""
    if any(_marker_in(line.text, "formal") for line in lines):
        return "formal"
    resolved = (_marker_in(line.text, "prose") for line in lines)
    return "prose" if any(m and m.group("verb").lower().startswith("resolv") for m in resolved) else "informal"


def _marker_in(text: str, style: str) -> re.Match | None:
    for match in FORMAL_MARKER.finditer(text):
        if _acceptable(match, text, formal=True):
            return match
    if style == "formal":
        return None
    for match in PROSE_MARKER.finditer(text):
        if _acceptable(match, text, formal=False):
            return match
    return BODY_RESOLVED.search(text) or IT_WAS_DECIDED.search(text) or BODY_CLAUSE.search(text) or AGREED_AFTER_COMMA.search(text)


def _acceptable(match: re.Match, text: str, formal: bool) -> bool:
    """A capitalised verb stands alone; a lower-case one needs its body (or 'It was') and 'that'/'to'."""
    if match.group("verb") == "DECISION" and match.group("opening"):
        return False
    if formal:
        return match.group("verb") != "DECISION" or bool(match.group("connector"))
    verb = match.group("verb")
    if verb[0].islower() and not match.group("opening").strip():
        return False
    if verb == "Decision":
        return ":" in match.group("connector")  # "Decision: ..." labels one; "Decision" alone is a word
    labelled = bool(re.search(r"[:–—\-]", match.group("connector")))
    return labelled or verb.lower().startswith("resolve") or bool(re.match(r"\s+(?:that|to)\b", text[match.end() :], re.I))


def _starts_decision(text: str, style: str) -> re.Match | None:
    """A marker in a line; in the formal register lower-case verbs need their deciding body."""
    match = _marker_in(text, "formal")
    if match or style != "formal":
        return match or _marker_in(text, style)
    capitalised = PROSE_MARKER.search(text)  # "Resolved that ..." opening a line
    if capitalised and capitalised.start() == 0 and capitalised.group("verb")[0].isupper() and _acceptable(capitalised, text, False):
        return capitalised
    for found in PROSE_MARKER.finditer(text):
        # "It was resolved that" and "The Council agreed to ..." decide; "The Panel agreed that it
        # would be helpful ..." asks, and "it was agreed that" in a discussion reports a view.
        resolved = found.group("verb").lower().startswith("resolve") and found.group("opening").strip()
        if resolved or (found.group("body") and re.match(r"\s+to\b", text[found.end() :])):
            return found
    return None


def _decision_lines(lines: list[Line], start: int, width: float, style: str, bare: bool) -> int:
    """Index after the decision's last line.

    Paragraph ends are not marked in PDF text, but the last line of a paragraph
    ends with a full stop well short of the right margin. A decision goes on past
    one when a list of parts continues, or when it opened with a bare lead-in
    ("RESOLVED that:") over paragraphs, up to a numbered paragraph or a heading.
    """
    index = start + 1
    labelled = False
    while index < len(lines):
        text, previous = lines[index].text, lines[index - 1].text
        if _starts_decision(text, style) or _CLOSING.match(text):
            return index
        part = bool(_PART_START.match(text))
        if _NUMBERED_PARAGRAPH.match(text) and not (part and (labelled or previous.rstrip().endswith((":", ";", "and")))):
            return index
        labelled = labelled or part
        ended = previous.rstrip().endswith((".", ".”", '."')) and (len(previous) < 0.8 * width or text[:1].isupper())
        # "Councillors resolved to pay" / "A cheque has been received ...": a short line without a
        # full stop ends its paragraph too when a new sentence starts under it.
        ended = ended or (len(previous) < 0.7 * width and text[:1].isupper() and not _OPEN_END.search(previous))
        if ended and not (part and labelled) and not (bare and _paragraph_like(text)):
            return index
        if _NUMBERED_HEADING.match(text) and len(text) < 0.75 * width:
            return index
        index += 1
    return index


def _paragraph_like(text: str) -> bool:
    return text[:1].isupper() and not _NUMBERED_PARAGRAPH.match(text)


def with_run_in(title: str, page: int, body: list[Line]) -> list[Line]:
    """The body with the text run into its heading ("Approval of minutes: Approved & signed").

    Small councils write the decision on the heading's line after a colon.
    """
    rest = title.partition(": ")[2].strip() if ": " in title else ""
    if not rest or (body and body[0].text.startswith(rest[:20])):
        return body
    return [Line(page, rest)] + body


def resolutions(
    body: list[Line], minute_id: str, minute_number: str | None, width: float | None = None, style: str | None = None
) -> list[Resolution]:
    """Every decision in one minute item's text, each its own record even where the words repeat."""
    found = _decisions(body, minute_id, minute_number, width, style) + seconded_proposals(body, minute_id, minute_number)
    return numbered_repeats(sorted(found, key=lambda r: r.page))


def _decisions(body: list[Line], minute_id: str, minute_number: str | None, width: float | None, style: str | None
               ) -> list[Resolution]:
    width = width or full_width(body)
    style = style or register(body)
    moved = motions(body, minute_id, minute_number)
    # A moved resolution owns the "BE IT RESOLVED" inside it; a proposal counts only where no decision is marked.
    inside = {i for m in moved if not m.proposal for i in range(m.start, m.end + 1)}
    marked = _marked_decisions(body, minute_id, minute_number, width, style, inside) if style != "informal" else []
    found = [r for m in moved if not m.proposal for r in m.records]
    if marked or found:
        return sorted(marked + found, key=lambda r: r.page) if marked and found else marked or found
    proposals = [r for m in moved if m.proposal for r in m.records]
    if proposals or style != "informal":
        return proposals
    return outcomes(body, minute_id, minute_number, width)


def _marked_decisions(body, minute_id, minute_number, width, style, skip=frozenset()) -> list[Resolution]:
    out: list[Resolution] = []
    index = 0
    while index < len(body):
        marker = None if index in skip else _starts_decision(body[index].text, style)
        if not marker:
            index += 1
            continue
        first = _after_connector(body[index].text[marker.end() :], marker.group("connector"))
        bare = not first.strip()
        end = _decision_lines(body, index, width, style, bare)
        text = _joined(first, body[index + 1 : end], width, bare)
        verb = marker.group("verb").upper().replace("RESOLVES", "RESOLVED").replace("AGREES", "AGREED")
        out.extend(records(text, verb, body[index].page, minute_id, minute_number))
        index = end
    return out


def _after_connector(rest: str, connector: str) -> str:
    """'RESOLVED that X' -> 'X'; after a colon the words are kept ('RESOLVED: That X')."""
    if connector and ":" in connector:
        return rest.strip()
    return re.sub(r"^\s*(?:that|to)\b\s*:?", "", rest, count=1, flags=re.I).strip()


def _joined(first: str, lines: list[Line], width: float, bare: bool) -> str:
    """Lines joined with '\n', and '\n\n' after a line that ends a paragraph."""
    text = ("\n\n" if bare else "") + first
    previous = first
    for line in lines:
        ended = previous.rstrip().endswith(".") and len(previous) < 0.8 * width
        text += ("\n\n" if ended else "\n") + line.text
        previous = line.text
    return text
