"""Read-only queries over the stored records; every row carries file and page."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..extract.records import DocumentMeta, Meeting, Extraction
from .records import RECORD_TABLES, record_of
from .store import Store

_FILE = "(select file from documents d where d.id = t.document_id) as file"


def _words_filter(query: str | None, column: str) -> tuple[str, list]:
    """All words of query must appear in column (case-insensitive)."""
    words = re.findall(r"\w+", query or "")
    if not words:
        return "1", []
    # '_' and '%' are LIKE wildcards: a word is matched as typed, never as a pattern.
    literal = [re.sub(r"([\\%_])", r"\\\1", w) for w in words]
    return " and ".join(f"{column} like ? escape '\\'" for _ in words), [f"%{w}%" for w in literal]


@dataclass(frozen=True)
class MeetingScope:
    """--council --committee --meeting --since --until, the same on every listing.

    Names match when they hold every word given; meeting is a date (YYYY-MM-DD)
    or a meeting id; since and until are ISO dates, inclusive.
    """

    council: str | None = None
    committee: str | None = None
    meeting: str | None = None
    since: str | None = None
    until: str | None = None

    def active(self) -> list[str]:
        return [name for name in ("council", "committee", "meeting", "since", "until") if getattr(self, name)]

    def where(self, council: str, committee: str, day: str, meeting_id: str | None = None) -> tuple[str, list]:
        """SQL over the given columns (council, committee, date, meeting id) and its parameters."""
        clauses, params = [], []
        for value, column in ((self.council, council), (self.committee, committee)):
            if value:
                clause, words = _words_filter(value, column)
                clauses.append(clause)
                params += words
        if self.meeting:
            is_id = self.meeting.startswith("meeting:") and meeting_id
            clauses.append(f"{meeting_id if is_id else day} = ?")
            params.append(self.meeting)
        if self.since:
            clauses.append(f"{day} >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{day} <= ?")
            params.append(self.until)
        return " and ".join(clauses) or "1", params


_MEETING_COLUMNS = ("m.council", "m.committee", "m.date", "m.id")


def meetings(store: Store, scope: MeetingScope = MeetingScope()) -> list[dict]:
    where, params = scope.where(*_MEETING_COLUMNS)
    return store.db.execute_returning_dicts(
        f"""select m.date, m.council, m.committee, m.name, m.time, m.venue,
                  (select count(*) from agenda_items a where a.meeting_id = m.id) as agenda_items,
                  (select count(*) from minute_items i where i.meeting_id = m.id) as minute_items,
                  (select group_concat(d.file, '; ') from meeting_documents md
                     join documents d on d.id = md.document_id where md.meeting_id = m.id) as files,
                  m.id
           from meetings m where {where} order by m.date is null, m.date desc""",
        params,
    )


def items(store: Store, scope: MeetingScope = MeetingScope(), kind: str | None = None) -> list[dict]:
    selects = []
    if kind in (None, "agenda"):
        selects.append(
            f"""select 'agenda' as kind, m.date as meeting_date, m.council, m.committee, t.number, t.title,
                       t.report_of as detail, {_FILE}, coalesce(t.pages_from, t.page) as page, t.id, m.id as meeting_id,
                       t.document_id
                from agenda_items t join meetings m on m.id = t.meeting_id"""
        )
    if kind in (None, "minute"):
        selects.append(
            f"""select 'minute' as kind, m.date as meeting_date, m.council, m.committee, t.number, t.title,
                       substr(t.text, 1, 200) as detail, {_FILE}, t.page, t.id, m.id as meeting_id, t.document_id
                from minute_items t join meetings m on m.id = t.meeting_id"""
        )
    sql = " union all ".join(selects)
    where, params = scope.where("council", "committee", "meeting_date", "meeting_id")
    return store.db.execute_returning_dicts(
        f"select * from ({sql}) where {where} order by meeting_date is null, meeting_date desc, kind, "
        "cast(number as integer), number, id",  # id last: ties list alike whatever the save order
        params,
    )


def resolutions(store: Store, query: str | None = None, scope: MeetingScope = MeetingScope()) -> list[dict]:
    where, params = _words_filter(query, "t.text")
    scoped, more = scope.where(*_MEETING_COLUMNS)
    return store.db.execute_returning_dicts(
        f"""select m.date as meeting_date, m.committee, t.minute_number as minute, i.title as item, t.part, t.text,
                   {_FILE}, t.page, t.id, t.document_id
            from resolutions t join minute_items i on i.id = t.minute_id
            left join meetings m on m.id = i.meeting_id
            where {where} and {scoped}
            order by m.date is null, m.date desc, cast(t.minute_number as integer), t.part""",
        params + more,
    )


def recommendations(store: Store, query: str | None = None, kinds: tuple[str, ...] | None = None,
                    scope: MeetingScope = MeetingScope()) -> list[dict]:
    """Recommendations, scoped by the meeting their paper is for (its council, committee and date)."""
    where, params = _words_filter(query, "t.text")
    if kinds:
        where += f" and t.kind in ({','.join('?' * len(kinds))})"
        params += list(kinds)
    scoped, more = scope.where("d.council", "d.committee", "d.meeting_date")
    return store.db.execute_returning_dicts(
        f"""select d.meeting_date, d.committee, t.kind, t.source, t.number, t.text, d.file, t.page, t.id
            from recommendations t join documents d on d.id = t.document_id
            where {where} and {scoped} order by d.file, t.page, t.id""",
        params + more,
    )


def requests(store: Store, query: str | None = None, scope: MeetingScope = MeetingScope()) -> list[dict]:
    where, params = _words_filter(query, "t.text")
    scoped, more = scope.where(*_MEETING_COLUMNS)
    return store.db.execute_returning_dicts(
        f"""select m.date as meeting_date, m.committee, t.minute_number as minute, t.who, t.what, t.due, t.text,
                   {_FILE}, t.page, t.id, t.document_id
            from requests t left join minute_items i on i.id = t.minute_id
            left join meetings m on m.id = i.meeting_id
            where {where} and {scoped} order by m.date is null, m.date desc, t.page""",
        params + more,
    )


def document_records(store: Store, table: str, document_id: str) -> list[dict]:
    return store.db.execute_returning_dicts(
        f"select * from [{table}] where document_id = ? order by rowid", [document_id]
    )


def stored_structure(store: Store, document: dict) -> Extraction:
    """A document's structure as stored, rebuilt into extract/'s dataclasses."""
    meta = DocumentMeta(
        kind=document["kind"],
        council=document["council"],
        committee=document["committee"],
        meeting_date=document["meeting_date"],
        kind_confidence=document["kind_confidence"],
        convention=document.get("convention"),
    )
    structure = Extraction(file_name=document["file"], meta=meta, page_count=document["pages"])
    structure.meetings = [
        Meeting(**row)
        for row in store.db.execute_returning_dicts(
            """select m.council, m.committee, m.name, m.date, m.time, m.venue, m.undated_in, md.page from meetings m
               join meeting_documents md on md.meeting_id = m.id where md.document_id = ? order by m.date""",
            [document["id"]],
        )
    ]
    for table, (record_type, attribute) in RECORD_TABLES.items():
        rows = document_records(store, table, document["id"])
        setattr(structure, attribute, [record_of(record_type, row) for row in rows])
    return structure


def indicators(store: Store) -> list[dict]:
    return store.db.execute_returning_dicts(
        """select i.id, i.label, i.aliases, i.unit, count(o.id) as observations,
                  min(o.period_start) as first_period_start, max(o.period_end) as last_period_end
           from indicators i left join observations o on o.indicator_id = i.id
           group by i.id order by i.label"""
    )


def indicator_observations(store: Store, indicator_id: str) -> list[dict]:
    """Every observation of an indicator with its provenance and the paper's publication order."""
    return store.db.execute_returning_dicts(
        """select o.period, o.period_start, o.period_end, o.series, o.value, o.raw, o.note, o.unit,
                  o.indicator, o.ref, d.file, o.page, o.[table], o.[row], o.[column], o.id, o.document_id,
                  d.meeting_date, coalesce(d.meeting_date, d.creation_date, d.ingested_at) as published
           from observations o join documents d on d.id = o.document_id
           where o.indicator_id = ?
           order by o.period_end, o.period_start desc, o.series, published""",
        [indicator_id],
    )


def document_observations(store: Store, document_id: str) -> list[dict]:
    return store.db.execute_returning_dicts(
        """select o.indicator, o.indicator_id as canonical, o.ref, o.period, o.series, o.value, o.raw,
                  o.note, o.unit, o.page, o.[table], o.[row], o.[column]
           from observations o where o.document_id = ? order by o.page, o.[table], o.[row], o.[column], o.part""",
        [document_id],
    )


def meeting_lookup(store: Store, meeting_ids: set[str]) -> dict[str, dict]:
    if not meeting_ids:
        return {}
    marks = ",".join("?" * len(meeting_ids))
    rows = store.db.execute_returning_dicts(f"select * from meetings where id in ({marks})", list(meeting_ids))
    return {row["id"]: row for row in rows}


def harvested_terms(store: Store) -> list[tuple[str, str, str]]:
    """Terms the papers define, as (long form, acronym, "file p.N") for the glossary."""
    rows = store.db.execute(
        """select t.term, t.acronym, d.file || ' p.' || t.page from defined_terms t
           join documents d on d.id = t.document_id order by d.file, t.page"""
    )
    return [tuple(row) for row in rows]


def agenda_item_pages(store: Store, meeting_id: str, number: str, document_id: str) -> tuple[int, int] | None:
    row = store.db.execute(
        """select pages_from, pages_to from agenda_items
           where meeting_id = ? and number = ? and document_id = ? and pages_from is not null""",
        [meeting_id, number, document_id],
    ).fetchone()
    return tuple(row) if row else None


def entities(store: Store, kinds: tuple[str, ...] = ("PERSON", "ORG")) -> list[dict]:
    """Each entity with its mention and document counts and the council of its papers (the commonest)."""
    marks = ",".join("?" * len(kinds))
    return store.db.execute_returning_dicts(
        # name and kind as the entity's first mention spells them
        f"""with first as (select entity_id, min(rowid) as first from mentions where kind in ({marks}) group by entity_id)
            select m.entity_id, f.name, f.kind, count(*) as mentions, count(distinct m.document_id) as documents,
                   (select d.council from mentions x join documents d on d.id = x.document_id
                    where x.entity_id = m.entity_id group by d.council order by count(*) desc limit 1) as council
            from mentions m join first on first.entity_id = m.entity_id join mentions f on f.rowid = first.first
            where m.kind in ({marks}) group by m.entity_id, f.name, f.kind order by mentions desc""",
        list(kinds) * 2,
    )


def entity_mentions(store: Store, entity_id: str) -> list[dict]:
    return store.db.execute_returning_dicts(
        """select m.document_id, d.file, m.page, m.text, m.role, m.item_id
           from mentions m join documents d on d.id = m.document_id
           where m.entity_id = ? order by d.file, m.page, m.start""",
        [entity_id],
    )


def item_labels(store: Store, item_ids: set[str]) -> dict[str, str]:
    """'minute 141: Health Report ...' / 'item 9: Ofsted ...' for minute-item and part ids."""
    if not item_ids:
        return {}
    marks = ",".join("?" * len(item_ids))
    labels = {}
    for row in store.db.execute_returning_dicts(
        f"select id, number, title from minute_items where id in ({marks})", list(item_ids)
    ):
        labels[row["id"]] = f"minute {row['number']}: {row['title']}" if row["number"] else row["title"]
    for row in store.db.execute_returning_dicts(
        f"""select p.id, p.agenda_item, coalesce(a.title, p.title) as title from parts p
            left join agenda_items a on a.document_id = p.document_id and a.number = p.agenda_item
            where p.id in ({marks})""",
        list(item_ids),
    ):
        labels[row["id"]] = f"item {row['agenda_item']}: {row['title']}" if row["agenda_item"] else row["title"]
    return labels


def document_page_meetings(store: Store, document_id: str) -> dict[int, str | None]:
    from .search_records import page_meetings

    return page_meetings(store.db, document_id)


def entities_by_file(store: Store) -> dict[str, dict[str, set[str]]]:
    found: dict[str, dict[str, set[str]]] = {}
    for file, kind, name in store.db.execute(
        "select distinct d.file, m.kind, m.name from mentions m join documents d on d.id = m.document_id"
    ):
        found.setdefault(file, {}).setdefault(kind, set()).add(name)
    return found


def undated_documents(store: Store) -> list[dict]:
    """Documents tied to no meeting date, with their title and the head of their first page."""
    return store.db.execute_returning_dicts(
        """select d.id, d.file, d.title, substr(p.text, 1, 400) as head from documents d
           left join pages p on p.document_id = d.id and p.number = 1
           where d.meeting_date is null and d.indexed = 1"""
    )


def committee_names(store: Store) -> list[str]:
    rows = store.db.execute(
        "select committee from meetings where committee is not null union "
        "select committee from documents where committee is not null"
    )
    return sorted({r[0] for r in rows if r[0] and r[0].strip()})


def council_names(store: Store) -> list[str]:
    rows = store.db.execute(
        "select council from meetings where council is not null union "
        "select council from documents where council is not null"
    )
    return sorted({r[0] for r in rows if r[0] and r[0].strip()})


def council_document_ids(store: Store, council: str) -> set[str]:
    """Documents of the councils whose name holds every word given (or whose meetings are theirs)."""
    where, params = _words_filter(council, "c")
    return {
        row[0]
        for row in store.db.execute(
            f"""select id from (select id, council as c from documents
                  union select md.document_id, m.council from meeting_documents md
                  join meetings m on m.id = md.meeting_id) where c is not null and {where}""",
            params,
        )
    }


def document_kinds(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("select distinct kind from documents where kind is not null order by kind")]


def indicators_by_page(store: Store) -> dict[tuple[str, int], list[str]]:
    """Indicator rows of the scorecard tables on each page, in table order, by (document id, page)."""
    found: dict[tuple[str, int], list[str]] = {}
    for document_id, page, indicator in store.db.execute(
        """select document_id, page, indicator from observations where indicator is not null and indicator != ''
           group by document_id, page, indicator order by document_id, page, min([table]), min([row])"""
    ):
        found.setdefault((document_id, page), []).append(indicator)
    return found


def attendance(store: Store, meeting_id: str) -> list[dict]:
    """Who the papers record at a meeting, with role and whether present, citing file and page."""
    return store.db.execute_returning_dicts(
        f"""select t.person, t.role, t.present, {_FILE}, t.page, t.document_id from attendance t
            where t.meeting_id = ? order by t.present desc, t.rowid""",
        [meeting_id],
    )


def meeting_papers(store: Store, meeting_id: str) -> list[dict]:
    """The documents of a meeting: kind, title, pages and the page the meeting starts on."""
    return store.db.execute_returning_dicts(
        """select d.id, d.file, d.kind, d.title, d.pages, md.page from meeting_documents md
           join documents d on d.id = md.document_id where md.meeting_id = ? order by d.kind, d.file""",
        [meeting_id],
    )


def agenda_minutes(store: Store, meeting_id: str) -> dict[str, str]:
    """Agenda item id -> the id of the minute recording it, as the follow-ups pair them (index/followups.py)."""
    return dict(store.db.execute(
        "select to_id, from_id from links where kind = 'agenda_minutes_pair' and meeting_id = ?", [meeting_id]))
