"""Follow-ups across meetings: links from a request, recommendation or action to the later
records that answer it, and each traced record's status. Derived from the whole store.

A link runs from the record that answers (or states the reference) to the record it answers
(`from_id` later, `to_id` earlier), with a kind, a confidence and its evidence (document, page,
meeting, quote). Links are recomputed per council after each ingest, only for councils whose
documents came or went (`traced_documents` remembers what the last trace saw), so one new
meeting re-traces one council. The cues in single texts are extract/followup_cues.py's.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, timedelta

import sqlite_utils

from ..extract.dates import find_dates, parse_date
from ..extract.followup_cues import (
    asks_for_table, cited_records, is_matters_arising, lead_phrase, points_to_agenda, progress, refers_to_minutes,
    subject_overlap, subject_similarity, subject_words,
)
from ..extract.ids import record_id

PAIR_SCORE = 0.5  # an agenda item and a minute are the same business from here
SCHEDULED_OVERLAP = 0.5  # a due meeting's item shares this much of the request's subject
REQUESTED_SIMILARITY = 0.8  # a later item whose title says what the requested report was about
RESPONSE_SIMILARITY = 0.5  # an action-plan row restating an inspection recommendation
REPORT_SIMILARITY = 0.5  # a report of the meeting whose title is the item's
STANDING_MEETINGS = 2  # an item of the same subject at this many other meetings is a standing item
CONTENT_WORDS, CONTENT_SHARE = 2, 0.6  # a later title sharing this many of its subject words with a request
# "Next meeting" and a later report are told only within this many days: further on, the store
# likely lacks the meetings between, so which one answered cannot be said.
NEXT_WITHIN_DAYS = 120
# Kinds that show a record was taken up; a content match alone never does.
ADDRESSING = {"agenda_minutes_pair", "scheduled", "requested_report", "response", "reference", "matters_arising"}
TRACED = ("requests", "actions", "recommendations")
REPORTS = ("report", "presentation")  # the kinds of paper a minute or agenda item may be about
MINUTE_HEAD = 500  # the characters of a minute the pairing and citing rules read


@dataclass
class Link:
    KEY = ("from_id", "to_id", "kind")
    from_id: str  # the later record: the answer, or the one stating the reference
    from_table: str
    to_id: str  # the earlier record it answers or names ("document" rows: a document id)
    to_table: str
    kind: str  # agenda_minutes_pair, action_update, reference, matters_arising, requested_report, scheduled, response
    confidence: float
    quote: str  # the evidence, as printed
    document_id: str  # where the evidence is printed
    page: int | None
    meeting_id: str | None
    council: str  # the group it was traced in ("" when the papers name no council)

    @property
    def id(self) -> str:
        return record_id(self)


@dataclass
class Followup:
    record_id: str
    record_table: str
    status: str  # open, addressed, overdue, superseded, unknown
    due: str | None
    due_meeting_id: str | None
    evidence: str | None  # the id of the link that decided it
    council: str


def create_tables(db: sqlite_utils.Database) -> None:
    columns = {f: (float if f == "confidence" else int if f == "page" else str) for f in Link.__dataclass_fields__}
    db["links"].create({"id": str, **columns}, pk="id", if_not_exists=True)
    db["links"].create_index(["to_id"], if_not_exists=True)
    db["links"].create_index(["from_id"], if_not_exists=True)
    db["followups"].create({f: str for f in Followup.__dataclass_fields__}, pk="record_id", if_not_exists=True)
    db["traced_documents"].create({"document_id": str, "council": str}, pk="document_id", if_not_exists=True)


def refresh_followups(db: sqlite_utils.Database) -> set[str]:
    """Re-trace the councils whose documents changed since the last trace; returns those councils."""
    create_tables(db)
    # Compared in the database: an archive's document ids are not held for it.
    changed = {row[0] for row in db.execute(
        "select coalesce(d.council, '') from documents d left join traced_documents t on t.document_id = d.id "
        "where t.document_id is null or t.council <> coalesce(d.council, '') "
        "union select t.council from traced_documents t left join documents d on d.id = t.document_id "
        "where d.id is null or t.council <> coalesce(d.council, '')")}
    with db.atomic():
        for council in changed:
            _retrace(db, council)
        db.execute("delete from traced_documents")
        db.execute("insert into traced_documents (document_id, council) select id, coalesce(council, '') from documents")
    return changed


def retrace_all(db: sqlite_utils.Database) -> None:
    create_tables(db)
    db.execute("delete from traced_documents")
    refresh_followups(db)


def _retrace(db: sqlite_utils.Database, council: str) -> None:
    db.execute("delete from links where council = ?", [council])
    db.execute("delete from followups where council = ?", [council])
    group = _Group.load(db, council)
    links = group.links()
    if links:
        db["links"].insert_all(({"id": link.id, **asdict(link)} for link in links), pk="id", replace=True)
    db["followups"].insert_all((asdict(s) for s in group.statuses(links)), pk="record_id", replace=True)


# The council's documents, as the rules' queries select them: a list of their ids as parameters
# would make each statement hold thousands of values (megabytes in SQLite for a large council).
_OF_COUNCIL = "select id from documents where coalesce(council, '') = ?"


class _Group:
    """One council's records, as the linking rules read them. Requests and recommendations are read
    again by each rule that walks them rather than held: a council's archive has thousands."""

    def __init__(self, db: sqlite_utils.Database, council: str):
        self.db, self.council = db, council
        values: dict[str, str] = {}
        read = lambda sql: _shared(db.execute_returning_dicts(sql.format(docs=_OF_COUNCIL), [council]), values)  # noqa: E731
        docs = _shared(db.execute_returning_dicts(
            "select id, kind, committee, meeting_date, title from documents where coalesce(council, '') = ?", [council]),
            values)
        self.documents = {d["id"]: d for d in docs}
        self.meetings = {m["id"]: m for m in read(
            "select distinct m.* from meetings m join meeting_documents md on md.meeting_id = m.id "
            "where md.document_id in ({docs})")}
        self.agenda = read("select id, document_id, meeting_id, number, title, pages_from, pages_to, page, meeting_date "
                           "from agenda_items where document_id in ({docs}) order by document_id, page, rowid")
        # A minute's opening only: its whole text is read again where a rule needs it (_item_texts),
        # so one council's thousands of minutes are not all held at once.
        self.minutes = read(f"select id, document_id, meeting_id, number, title, substr(text, 1, {MINUTE_HEAD}) as head, "
                            "meeting_date, page from minute_items where document_id in ({docs}) order by document_id, page, rowid")
        self.actions = read("select a.*, m.date as meeting_date, m.committee from actions a left join meetings m "
                            "on m.id = a.meeting_id where a.document_id in ({docs}) order by a.document_id, a.page, a.rowid")
        self.table_pages = {(r["document_id"], r["page"]) for r in read(
            "select distinct document_id, page from observations where document_id in ({docs})")}
        self.minute_by_id = {m["id"]: m for m in self.minutes}
        self._index()

    def _index(self) -> None:
        """Lookups by meeting, committee, date and subject: the rules would otherwise compare every
        record with every other, which a council's archive of thousands of papers makes hours."""
        self.agenda_of_meeting = defaultdict(list)
        by_committee = defaultdict(list)
        for position, item in enumerate(self.agenda):
            self.agenda_of_meeting[item["meeting_id"]].append(item)
            by_committee[self._committee(item)].append((item["meeting_date"] or "", position, item))
        self.agenda_by_date = {c: sorted(rows, key=lambda row: row[:2]) for c, rows in by_committee.items()}
        self.meetings_titled = defaultdict(set)
        for row in [*self.agenda, *self.minutes]:
            self.meetings_titled[subject_words(row["title"])].add(row["meeting_id"])
        self.first_part_title = {}  # of the reports, the only papers whose parts a rule reads
        for row in self._stream("select document_id, title from parts where document_id in ({docs}) and title <> '' "
                                "order by rowid"):
            if self.documents[row["document_id"]]["kind"] in REPORTS:
                self.first_part_title.setdefault(row["document_id"], row["title"])
        self.meeting_on = {}
        dates = defaultdict(set)
        for meeting in self.meetings.values():
            self.meeting_on.setdefault((meeting["date"], meeting["committee"]), meeting["id"])
            if meeting["date"]:
                dates[meeting["committee"]].add(meeting["date"])
        self.meeting_dates = {c: sorted(d) for c, d in dates.items()}
        self.action_by_id = {a["id"]: a for a in self.actions}

    def _requests(self) -> Iterable[dict]:
        return self._stream("select id, document_id, minute_id, text, what, due, page from requests "
                            "where document_id in ({docs})")

    def _recommendations(self, kind: str | None = None) -> Iterable[dict]:
        rows = self._stream("select id, document_id, kind, number, text, page from recommendations "
                            "where document_id in ({docs})")
        return (r for r in rows if kind is None or r["kind"] == kind)

    def _stream(self, sql: str) -> Iterable[dict]:
        """The rows of a query on the council's documents, one at a time."""
        cursor = self.db.execute(sql.format(docs=_OF_COUNCIL), [self.council])
        names = [column[0] for column in cursor.description]
        return (dict(zip(names, row)) for row in cursor)

    @classmethod
    def load(cls, db: sqlite_utils.Database, council: str) -> "_Group":
        return cls(db, council)

    # -- links -------------------------------------------------------------------
    def links(self) -> list[Link]:
        found = [*self._pairs(), *self._action_updates(), *self._actions_on_agenda(), *self._requested(),
                 *self._responses(), *self._minutes_references(), *self._matters_arising(), *self._reports_of_meeting(), *self._decisions_cited(), *self._minutes_cited()]
        found += self._content_matches({link.to_id for link in found})
        unique: dict[str, Link] = {}
        for link in found:
            unique.setdefault(link.id, link)
        return list(unique.values())

    def _content_matches(self, answered: set[str]) -> list[Link]:
        """Later agenda items on the subject of a request nothing else answers: a lead for a reader,
        scored, never evidence that it was addressed (ADDRESSING leaves the kind out)."""
        found = []
        for request in (r for r in self._requests() if r["id"] not in answered):
            minute = self.minute_by_id.get(request["minute_id"]) or {}
            origin_date, committee = minute.get("meeting_date"), self._committee(minute)
            for item in self._agenda_between(committee, origin_date):
                if len(self._meetings_titled(item["title"]) - {minute.get("meeting_id")}) >= STANDING_MEETINGS:
                    continue  # a standing item ("Reports from councillors") is on every agenda, about nothing asked
                shared = subject_words(item["title"]) & subject_words(f"{minute.get('title') or ''} {request['text']}")
                score = len(shared) / max(len(subject_words(item["title"])), 1)
                if len(shared) >= CONTENT_WORDS and score >= CONTENT_SHARE:
                    found.append(self._link(item, "agenda_items", request, "requests", "content_match", score / 2,
                                            _heading(item)))
        return found

    def _link(self, from_row: dict, from_table: str, to_row: dict, to_table: str, kind: str, confidence: float,
              quote: str, page=None, meeting_id=None) -> Link:
        return Link(from_row["id"], from_table, to_row["id"], to_table, kind, round(min(confidence, 1.0), 2), quote[:300],
                    from_row.get("document_id") or from_row["id"], page if page is not None else from_row.get("page"),
                    meeting_id or from_row.get("meeting_id"), self.council)

    def _pairs(self) -> Iterable[Link]:
        """Each minute with the agenda item of the same meeting that it records (order kept)."""
        agenda, minutes = defaultdict(list), defaultdict(list)
        for item in self.agenda:
            agenda[item["meeting_id"]].append(item)
        for item in self.minutes:
            minutes[item["meeting_id"]].append(item)
        for meeting_id in agenda.keys() & minutes.keys():
            if not (self.meetings.get(meeting_id) or {}).get("date"):
                continue
            for item, minute, score in _align(agenda[meeting_id], minutes[meeting_id]):
                if item["document_id"] != minute["document_id"]:
                    yield self._link(minute, "minute_items", item, "agenda_items", "agenda_minutes_pair", score,
                                     _heading(minute))

    def _action_updates(self) -> Iterable[Link]:
        """The same action-log ref printed again in a later paper: its update there."""
        earlier: dict[str, dict] = {}
        seen: set[tuple[str, str]] = set()
        for action in sorted(self.actions, key=self._paper_order):
            ref = _ref(action["ref"])
            if not ref:
                continue
            previous = earlier.get(ref)
            if previous and previous["document_id"] != action["document_id"] and (action["document_id"], ref) not in seen:
                seen.add((action["document_id"], ref))
                yield self._link(action, "actions", previous, "actions", "action_update", 0.95,
                                 " ... ".join(x for x in (action["ref"], action["status"] or "") if x))
            if not previous or previous["document_id"] != action["document_id"]:
                earlier[ref] = action

    def _actions_on_agenda(self) -> Iterable[Link]:
        """A status saying "Agenda item": the item of that meeting's agenda on the action's subject
        answers the action; the evidence is the status, where the log prints it."""
        for action in self.actions:
            if not points_to_agenda(action["status"]):
                continue
            subject = lead_phrase(action["text"]) or action["text"]
            items = self.agenda_of_meeting.get(action["meeting_id"], [])
            best = max(items, key=lambda a: subject_similarity(subject, a["title"]), default=None)
            score = subject_similarity(subject, best["title"]) if best else 0.0
            if score >= REPORT_SIMILARITY:
                yield Link(best["id"], "agenda_items", action["id"], "actions", "reference", round(min(score, 1.0), 2),
                           action["status"], action["document_id"], action["page"], action["meeting_id"], self.council)

    def _requested(self) -> Iterable[Link]:
        """A request answered at a later meeting: by an item of the meeting it was due at, or by a
        later item whose title is the requested report's subject."""
        for request in self._requests():
            minute = self.minute_by_id.get(request["minute_id"]) or {}
            origin_date, committee = minute.get("meeting_date"), self._committee(minute)
            subject = minute.get("title") or request["text"]
            later = self._agenda_between(committee, origin_date, NEXT_WITHIN_DAYS)
            due = self._due_date(request, origin_date, committee)
            scheduled = [a for a in later if a["meeting_date"] == due]
            best = max(scheduled, key=lambda a: subject_overlap(subject, a["title"]), default=None)
            if best and subject_overlap(subject, best["title"]) >= SCHEDULED_OVERLAP:
                yield self._answer(best, request, "scheduled", subject_overlap(subject, best["title"]))
                continue
            answers = sorted((a for a in later if subject_similarity(subject, a["title"], False) >= REQUESTED_SIMILARITY),
                             key=lambda a: a["meeting_date"])
            if answers:
                yield self._answer(answers[0], request, "requested_report", subject_similarity(subject, answers[0]["title"]))

    def _answer(self, item: dict, request: dict, kind: str, confidence: float) -> Link:
        """The item's own pages: a table page when the request asked for figures."""
        first, last = item.get("pages_from"), item.get("pages_to")
        page, quote = first or item["page"], _heading(item)
        if first and asks_for_table(request["text"]):
            tables = [p for p in range(first, (last or first) + 1) if (item["document_id"], p) in self.table_pages]
            if tables:
                page, quote = tables[0], f"{quote} (a table on page {tables[0]})"
        return self._link(item, "agenda_items", request, "requests", kind, confidence, quote, page=page)

    def _responses(self) -> Iterable[Link]:
        """Action-plan rows answering an inspection's recommendations: the same number, the same subject."""
        plans = list(self._recommendations("action_plan"))
        for recommendation in self._recommendations("inspection"):
            for row in plans:
                same_number = _ref(row["number"]) == _ref(recommendation["number"])
                similarity = subject_similarity(row["text"], recommendation["text"])
                if same_number and similarity >= RESPONSE_SIMILARITY:
                    yield self._link(row, "recommendations", recommendation, "recommendations", "response", similarity,
                                     row["text"])

    def _minutes_references(self) -> Iterable[Link]:
        """"The minutes of the X meetings held on <date>": those meetings' minutes in the store."""
        minutes_on: dict[str, list[dict]] = defaultdict(list)
        for doc in self.documents.values():
            if doc["kind"] == "minutes" and doc["meeting_date"]:
                minutes_on[doc["meeting_date"]].append(doc)
        for item, table, text in self._item_texts():
            if not refers_to_minutes(text):
                continue
            for _, date in find_dates(text):
                for doc in minutes_on.get(date, []):
                    if doc["id"] != item["document_id"]:
                        yield self._link(item, table, doc, "documents", "reference", 0.9, _sentence_with(text, "minutes"))

    def _matters_arising(self) -> Iterable[Link]:
        """An agenda's "Matters arising": the minutes of the same body's previous meeting."""
        for item in self.agenda:
            if not is_matters_arising(item["title"]):
                continue
            previous = self._previous_minutes(item)
            if previous:
                yield self._link(item, "agenda_items", previous, "documents", "matters_arising", 0.9, _heading(item))

    def _reports_of_meeting(self) -> Iterable[Link]:
        """A minute (or agenda item) and the separate report of the same meeting it is about."""
        reports_on = defaultdict(list)
        for doc in self.documents.values():
            if doc["kind"] in REPORTS and doc["meeting_date"]:
                reports_on[doc["meeting_date"]].append((doc, self._report_title(doc)))
        for item, table in [*((m, "minute_items") for m in self.minutes), *((a, "agenda_items") for a in self.agenda)]:
            for report, title in reports_on.get(item["meeting_date"], []):
                if report["id"] != item["document_id"] and subject_similarity(item["title"], title) >= REPORT_SIMILARITY:
                    yield self._link(item, table, report, "documents", "reference",
                                     subject_similarity(item["title"], title), _heading(item))

    def _decisions_cited(self) -> Iterable[Link]:
        """A minute deciding a numbered decision ("Review of Decision 24/00093") answers the
        recommendations asking for a decision on it, and is the business of that day's agenda items on it."""
        asking = ((r, "recommendations", (self.documents.get(r["document_id"]) or {}).get("meeting_date"), r["text"])
                  for r in self._recommendations())
        listed = ((a, "agenda_items", a["meeting_date"], a["title"]) for a in self.agenda)
        citing = defaultdict(list)  # a cited number: the positions of the rows naming it
        rows = []  # only those naming a number, in their order
        for row in itertools.chain(asking, listed):
            numbers = cited_records(row[3])
            for number in numbers:
                citing[number].append(len(rows))
            if numbers:
                rows.append(row)
        for minute in self.minutes:
            cited = cited_records(f"{minute['title'] or ''} {minute['head'] or ''}")
            if not cited or not minute["meeting_date"]:
                continue
            for row, table, day, text in (rows[p] for p in sorted({p for n in cited for p in citing.get(n, [])})):
                if row["document_id"] == minute["document_id"] or not day:
                    continue
                if (table == "recommendations" and day <= minute["meeting_date"]) or day == minute["meeting_date"]:
                    yield self._link(minute, "minute_items", row, table, "reference", 0.9, _heading(minute))

    def _minutes_cited(self) -> Iterable[Link]:
        """"Further to minute 142": the earlier minute of that number, of the same body, in another paper."""
        by_number = defaultdict(list)
        for minute in self.minutes:
            if minute["number"] and minute["meeting_date"]:
                by_number[minute["number"].upper()].append(minute)
        for item, table, text in self._item_texts():
            day = item.get("meeting_date")
            for number in cited_records(re.sub(r"(?i)\bdecisions?\b", "", text)) if day else ():
                for earlier in by_number.get(number, []):
                    if earlier["document_id"] != item["document_id"] and earlier["meeting_date"] < day and \
                            self._committee(earlier) == self._committee(item):
                        yield self._link(item, table, earlier, "minute_items", "reference", 0.9, _sentence_with(text, number.lower()))

    # -- status ------------------------------------------------------------------
    def statuses(self, links: list[Link]) -> Iterable[Followup]:
        answered: dict[str, list[Link]] = defaultdict(list)
        for link in links:
            answered[link.to_id].append(link)
        traced = itertools.chain((("requests", r) for r in self._requests()), (("actions", a) for a in self.actions),
                                 (("recommendations", r) for r in self._recommendations("inspection")))
        return (self._status(table, row, answered) for table, row in traced)

    def _status(self, table: str, row: dict, answered: dict[str, list[Link]]) -> Followup:
        links = sorted(answered.get(row["id"], []), key=lambda link: -link.confidence)
        updates = [link for link in links if link.kind == "action_update"]
        said = progress(row.get("status"))
        due_date = self._due_of(table, row)
        due_meeting = self._meeting_on(due_date, self._committee(row))
        evidence = next((link.id for link in links if link.kind in ADDRESSING), None)
        if said == "superseded":
            status = "superseded"
        elif evidence or said == "done":
            status = "addressed"
        elif updates:  # what the latest printing of the same action says
            latest = self._status(table, self._action(updates[0].from_id), answered)
            status = latest.status if latest.status != "unknown" else "open"
            evidence = latest.evidence or updates[0].id
        elif due_meeting:
            status = "overdue"
        elif said == "open" or not self._later_meetings(row):
            status = "open"
        else:
            status = "unknown"
        return Followup(row["id"], table, status, due_date, due_meeting, evidence, self.council)

    def _meetings_titled(self, title: str | None) -> set[str]:
        """Meetings whose agenda or minutes carry an item of the same subject."""
        words = subject_words(title)
        return self.meetings_titled.get(words, set()) if words else set()

    # -- helpers -----------------------------------------------------------------
    def _action(self, action_id: str) -> dict:
        return self.action_by_id[action_id]

    def _paper_order(self, row: dict):
        doc = self.documents.get(row["document_id"]) or {}
        return (row.get("meeting_date") or doc.get("meeting_date") or "", doc.get("kind") != "agenda", row["page"] or 0)

    def _committee(self, row: dict) -> str | None:
        meeting = self.meetings.get(row.get("meeting_id") or "")
        if meeting:
            return meeting["committee"]
        return (self.documents.get(row.get("document_id") or "") or {}).get("committee")

    def _date_of(self, table: str, row: dict) -> str | None:
        if table == "requests":
            return (self.minute_by_id.get(row["minute_id"]) or {}).get("meeting_date")
        if row.get("meeting_date"):
            return row["meeting_date"]
        return (self.documents.get(row["document_id"]) or {}).get("meeting_date")

    def _meeting_dates(self, committee: str | None) -> list[str]:
        return self.meeting_dates.get(committee, [])

    def _due_date(self, request: dict, origin_date: str | None, committee: str | None) -> str | None:
        due = request.get("due") or ""
        if re.fullmatch(r"\d{4}-\d\d-\d\d", due):
            return due
        if due == "next meeting" and origin_date:
            following = next((d for d in self._meeting_dates(committee) if d > origin_date), None)
            return following if following and _days(origin_date, following) <= NEXT_WITHIN_DAYS else None
        return None

    def _due_of(self, table: str, row: dict) -> str | None:
        if table == "requests":
            minute = self.minute_by_id.get(row["minute_id"]) or {}
            return self._due_date(row, minute.get("meeting_date"), self._committee(minute))
        return parse_date(row["due"]) if row.get("due") else None  # an action log's Due column

    def _meeting_on(self, date: str | None, committee: str | None) -> str | None:
        if not date:
            return None
        return self.meeting_on.get((date, committee))

    def _later_meetings(self, row: dict) -> list[str]:
        table = "requests" if "minute_id" in row and "what" in row else "other"
        date = self._date_of(table, row)
        dates = self._meeting_dates(self._committee(row))
        return dates[bisect_right(dates, date):] if date else []

    def _previous_minutes(self, item: dict) -> dict | None:
        committee = self._committee(item)
        earlier = [d for d in self.documents.values() if d["kind"] == "minutes" and d["committee"] == committee
                   and d["meeting_date"] and item["meeting_date"] and d["meeting_date"] < item["meeting_date"]
                   and _days(d["meeting_date"], item["meeting_date"]) <= NEXT_WITHIN_DAYS]
        return max(earlier, key=lambda d: d["meeting_date"], default=None)

    def _item_texts(self) -> Iterable[tuple[dict, str, str]]:
        texts = self._stream("select id, text from minute_items where document_id in ({docs}) "
                             "order by document_id, page, rowid")
        for row in texts:
            item, text = self.minute_by_id[row["id"]], row["text"]
            yield item, "minute_items", f"{item['title'] or ''}. {text or ''}"
        for item in self.agenda:
            yield item, "agenda_items", item["title"] or ""

    def _report_title(self, report: dict) -> str:
        part = self.first_part_title.get(report["id"])
        return " ".join([report.get("title") or "", *([part] if part else [])])

    def _agenda_between(self, committee: str | None, after: str | None, within_days: int | None = None) -> list[dict]:
        """The committee's agenda items of meetings after a date (and within so many days), in agenda order."""
        if not after:
            return []
        rows = self.agenda_by_date.get(committee, [])
        start = bisect_right(rows, (after, len(self.agenda)))
        end = len(rows)
        if within_days is not None:
            until = (date.fromisoformat(after[:10]) + timedelta(days=within_days)).isoformat()
            end = bisect_right(rows, (until + "\uffff",), lo=start)
        return [item for _, _, item in sorted(rows[start:end], key=lambda row: row[1])]


SHARED = ("document_id", "meeting_id", "committee", "meeting_date", "date", "kind")  # values many rows repeat


def _shared(rows: list[dict], values: dict[str, str]) -> list[dict]:
    """The rows, each repeated value (a paper's id, a meeting's, a date, a committee) held once: the first
    met of those equal to it, kept in values."""
    for row in rows:
        for name in SHARED:
            value = row.get(name)
            if value is not None:
                row[name] = values.setdefault(value, value)
    return rows


def _align(agenda: list[dict], minutes: list[dict]) -> list[tuple[dict, dict, float]]:
    """Each minute with its agenda item, best pairs first (minutes may take business out of order)."""
    scored = sorted(((_pair_score(a, m), i, j) for i, a in enumerate(agenda) for j, m in enumerate(minutes)),
                    key=lambda t: (-t[0], t[1], t[2]))
    used_items, used_minutes, pairs = set(), set(), []
    for score, i, j in scored:
        if score < PAIR_SCORE:
            break
        if i not in used_items and j not in used_minutes:
            used_items.add(i)
            used_minutes.add(j)
            pairs.append((agenda[i], minutes[j], min(score, 1.0)))
    return pairs


def _pair_score(item: dict, minute: dict) -> float:
    title = subject_similarity(item["title"], minute["title"])
    if _ref(item["number"]) and _ref(item["number"]) == _ref(minute["number"]):
        return 1.0 + title
    words = subject_overlap(item["title"], minute["title"] or "")
    if not minute["title"] or minute["title"] == minute["number"]:
        words = subject_overlap(item["title"], (minute["head"] or "")[:200])
    return max(title, words * 0.9)


def _days(earlier: str, later: str) -> int:
    return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days


def _ref(value) -> str:
    return re.sub(r"[^a-z0-9]+", "", str(value or "").lower())


def _heading(row: dict) -> str:
    return " ".join(str(x) for x in (row.get("number"), row.get("title")) if x)


def _sentence_with(text: str, word: str) -> str:
    return next((s.strip() for s in re.split(r"(?<=[.;])\s+", text) if word in s.lower()), text)[:300]
