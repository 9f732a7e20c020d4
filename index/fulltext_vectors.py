"""Every record a query matches, scored at once over whole posting lists, as Whoosh scores them one by one.

Whoosh walks each matching record through a tree of Python matchers. A
question of common words matches most of an archive: on 30,000 pages that
was tens of thousands of records at tens of microseconds each, whatever the
number of results shown. Here each word's postings are read a block at a
time and the same BM25F sums, unions, intersections, boosts and coordination
bonus are taken over arrays, one segment at a time as Whoosh builds its
matchers, so the scores are Whoosh's own (the same arithmetic; sums may be
taken in another order, a difference far below the 6 decimals ties are
compared at).

Only the query parts the project's searches build are scored here: words,
phrases, AND, OR, NOT, ANDMAYBE and ANDNOT. A query with any other part (ranges, wildcards)
gets None, and Whoosh's matchers score it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25FScorer, WeightScorer
from whoosh.util.numeric import _length_byte_cache

_LENGTHS = np.array(_length_byte_cache, dtype=np.float64)
_KEPT_POSTINGS = 2_000_000  # word scores kept per search: 16 bytes a record, 32 MB at most


class _Unsupported(Exception):
    """A query part only Whoosh's matchers score."""


@dataclass
class _Scored:
    """One segment's records a query part matches: which, their scores, and how many of the
    part's words each matched (Whoosh's coordination bonus counts them)."""

    hit: np.ndarray  # bool, one per record of the segment
    score: np.ndarray  # float64
    words: np.ndarray  # int32
    word_count: int  # the part's words in this segment, as Whoosh's term_matchers() counts them


class KeptRecords:
    """Per-record arrays kept while a searcher lives, the least recently used dropped once they
    hold more than `budget` records."""

    def __init__(self, budget: int):
        self.budget, self.held, self.values = budget, 0, {}

    def get(self, key, compute):
        """compute() gives a tuple of equally long arrays, kept under key."""
        if key in self.values:
            self.values[key] = self.values.pop(key)  # the most recently used last
            return self.values[key]
        value = self.values[key] = compute()
        self.held += len(value[0])
        while self.held > self.budget and len(self.values) > 1:
            self.held -= len(self.values.pop(next(iter(self.values)))[0])
        return value


def kept_records(searcher, name: str, budget: int) -> KeptRecords:
    """One budget per search: a segment's searcher keeps its arrays in its parent's."""
    top = searcher.get_parent()
    if name not in top.__dict__:
        top.__dict__[name] = KeptRecords(budget)
    return top.__dict__[name]


def scored(searcher, q: wq.Query, known_parts) -> tuple[np.ndarray, np.ndarray] | None:
    """(record numbers in index order, their scores) of every record q matches, or None when q
    has a part only Whoosh scores. known_parts: the engine's union and phrase classes (a phrase
    gives its records, scores and word count through scored(searcher))."""
    numbers, scores = [], []
    try:
        for sub, offset in searcher.subsearchers or [(searcher, 0)]:
            part = _Segment(sub, known_parts).score(q)
            found = np.flatnonzero(part.hit)
            numbers.append(found + offset)
            scores.append(part.score[found])
    except _Unsupported:
        return None
    if not numbers:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(numbers), np.concatenate(scores)


def matched_terms(searcher, q: wq.Query, known_parts, docnums: list[int]) -> dict[int, list[tuple]] | None:
    """The (field, word) terms q matched on each of docnums, as Whoosh's search(terms=True) records
    them for highlighting, or None when q has a part only Whoosh scores."""
    found: dict[int, list[tuple]] = {}
    wanted = np.asarray(sorted(set(docnums)), dtype=np.int64)
    try:
        for sub, offset in searcher.subsearchers or [(searcher, 0)]:
            here = wanted[(wanted >= offset) & (wanted < offset + sub.reader().doc_count_all())] - offset
            if len(here):
                segment = _Segment(sub, known_parts)
                for local, terms in segment.terms_on(q, here, np.ones(len(here), bool)).items():
                    found[local + offset] = terms
    except _Unsupported:
        return None
    return found


class _Segment:
    def __init__(self, searcher, known_parts):
        self.searcher, self.reader = searcher, searcher.reader()
        self.size = self.reader.doc_count_all()
        self.union, self.phrase = known_parts

    def none(self) -> _Scored:
        return _Scored(np.zeros(self.size, bool), np.zeros(self.size), np.zeros(self.size, np.int32), 0)

    def score(self, q: wq.Query) -> _Scored:
        if q is wq.NullQuery:
            return self.none()
        if type(q) is wq.Term:
            return self._term(q)
        if type(q) is self.phrase:
            return self._phrase(q)
        if type(q) is self.union or type(q) is wq.And:
            return self._compound(q)
        if type(q) in (wq.AndMaybe, wq.AndNot):
            return _maybe(self.score(q.a), self.score(q.b), type(q) is wq.AndNot)
        if type(q) is wq.Not:  # every record but the child's, scored 1 (Whoosh's InverseMatcher)
            child = self.score(q.query)
            hit = ~child.hit & ~self._deleted()
            return _Scored(hit, hit.astype(np.float64), np.zeros(self.size, np.int32), child.word_count)
        raise _Unsupported(type(q).__name__)

    def on(self, q: wq.Query, docs: np.ndarray) -> np.ndarray:
        """Which of the segment's docs q matches."""
        if q is wq.NullQuery:
            return np.zeros(len(docs), bool)
        if type(q) is wq.Term or type(q) is self.phrase:
            return np.isin(docs, self._records_of(q))
        if type(q) is self.union:
            return np.logical_or.reduce([self.on(sub, docs) for sub in q.subqueries]) if q.subqueries else \
                np.zeros(len(docs), bool)
        if type(q) is wq.And:
            return np.logical_and.reduce([self.on(sub, docs) for sub in q.subqueries]) if q.subqueries else \
                np.zeros(len(docs), bool)
        if type(q) is wq.AndMaybe:
            return self.on(q.a, docs)
        if type(q) is wq.AndNot:
            return self.on(q.a, docs) & ~self.on(q.b, docs)
        if type(q) is wq.Not:
            return ~self.on(q.query, docs) & ~self._deleted()[docs]
        raise _Unsupported(type(q).__name__)

    def terms_on(self, q: wq.Query, docs: np.ndarray, where: np.ndarray) -> dict[int, list[tuple]]:
        """The terms q's matching parts have on each of docs (where: the docs q is asked about)."""
        found: dict[int, list[tuple]] = {}
        if type(q) is wq.Term or type(q) is self.phrase:
            terms = self._terms_of(q)
            for doc in docs[where & self.on(q, docs)].tolist():
                found.setdefault(doc, []).extend(terms)
            return found
        if type(q) in (self.union, wq.And):
            parts = [(sub, where & self.on(sub, docs)) for sub in q.subqueries]
        elif type(q) in (wq.AndMaybe, wq.AndNot):
            parts = [(q.a, where)] + ([(q.b, where & self.on(q.b, docs))] if type(q) is wq.AndMaybe else [])
        else:  # a NOT matches where its child does not: no terms to mark
            self.on(q, docs)
            return found
        for sub, here in parts:
            if here.any():
                for doc, terms in self.terms_on(sub, docs, here).items():
                    found.setdefault(doc, []).extend(terms)
        return found

    def _records_of(self, q) -> np.ndarray:
        if type(q) is self.phrase:
            found = q.scored(self.searcher)
            return np.asarray(found[0] if found else [], dtype=np.int64)
        field = self.searcher.schema[q.fieldname] if q.fieldname in self.searcher.schema else None
        try:
            text = field.to_bytes(q.text) if field is not None else None
        except ValueError:
            text = None
        if text is None or (q.fieldname, text) not in self.reader:
            return np.zeros(0, dtype=np.int64)
        return self._word_scores(q.fieldname, text)[0]

    def _terms_of(self, q) -> list[tuple]:
        field = self.searcher.schema[q.fieldname]
        words = q.words if type(q) is self.phrase else [q.text]
        return [(q.fieldname, field.to_bytes(word)) for word in words]

    def _compound(self, q) -> _Scored:
        subs = q.subqueries
        if not subs:
            return self.none()
        if len(subs) == 1:  # Whoosh passes a single part through, boost and bonus unused
            return self.score(subs[0])
        if type(q) is self.union and all(type(sub) is wq.Term for sub in subs):
            whole = self._words_union(subs)
        else:
            parts = [self.score(sub) for sub in subs]
            whole = _either(parts) if type(q) is self.union else _all(parts)
        if q.boost != 1.0:
            whole.score = whole.score * q.boost
        if type(q) is self.union and q.scale and whole.word_count:
            whole.score = np.where(whole.hit, _coordinated(whole, q.scale), 0.0)
        return whole

    def _term(self, q: wq.Term) -> _Scored:
        listed = self._listing(q)
        return self.none() if listed is None else self._listed(*listed, 1)

    def _listing(self, q: wq.Term) -> tuple[np.ndarray, np.ndarray] | None:
        """A word's records and scores, or None where this segment does not hold it."""
        field = self.searcher.schema[q.fieldname] if q.fieldname in self.searcher.schema else None
        if field is None:
            return None
        try:
            text = field.to_bytes(q.text)
        except ValueError:
            return None
        if (q.fieldname, text) not in self.reader:
            return None
        numbers, values = self._word_scores(q.fieldname, text)
        return numbers, values * q.boost if q.boost != 1.0 else values

    def _words_union(self, terms: list[wq.Term]) -> _Scored:
        """_either of the words' parts, summed in one pass rather than through an array the segment's
        size per word: a filter's union of document ids has thousands (each record's sum is taken
        in the same order, so the scores are the same)."""
        listings = [found for found in map(self._listing, terms) if found is not None]
        whole = self.none()
        whole.word_count = len(listings)
        if listings:
            numbers = np.concatenate([numbers for numbers, _ in listings])
            whole.hit[numbers] = True
            whole.score = np.bincount(numbers, np.concatenate([values for _, values in listings]), minlength=self.size)
            whole.words = np.bincount(numbers, minlength=self.size).astype(np.int32)
        return whole

    def _word_scores(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        """A word's records and BM25F scores, kept while the searcher lives (its statistics are
        fixed until then): reading a posting list means unpickling it a block at a time."""
        kept = kept_records(self.searcher, "_panel_word_scores", _KEPT_POSTINGS)
        return kept.get((id(self.searcher), fieldname, text), lambda: self._read_word_scores(fieldname, text))

    def _read_word_scores(self, fieldname: str, text: bytes) -> tuple[np.ndarray, np.ndarray]:
        matcher = self.searcher.postings(fieldname, text)
        numbers, weights = _postings(matcher.child if isinstance(matcher, FilterMatcher) else matcher)
        if self.reader.has_deletions():  # Whoosh filters them from its matchers; so must this
            kept = ~self._deleted()[numbers]
            numbers, weights = numbers[kept], weights[kept]
        scorer = self.searcher.weighting.scorer(self.searcher, fieldname, text)
        if isinstance(scorer, BM25FScorer):
            lengths = self._lengths(fieldname)[numbers]
            return numbers, scorer.idf * ((weights * (scorer.K1 + 1)) /
                                          (weights + scorer.K1 * ((1 - scorer.B) + scorer.B * lengths / scorer.avgfl)))
        if isinstance(scorer, WeightScorer):
            return numbers, weights
        raise _Unsupported(type(scorer).__name__)

    def _phrase(self, q) -> _Scored:
        found = q.scored(self.searcher)
        if found is None:
            return self.none()
        numbers, values, words = found
        return self._listed(np.asarray(numbers, dtype=np.int64), np.asarray(values) * q.boost, words)

    def _listed(self, numbers: np.ndarray, values: np.ndarray, words: int) -> _Scored:
        part = self.none()
        part.hit[numbers] = True
        part.score[numbers] = values
        part.words[numbers] = words
        part.word_count = words
        return part

    def _deleted(self) -> np.ndarray:
        kept = self.searcher.__dict__
        if "_panel_deleted" not in kept:
            deleted = np.zeros(self.size, dtype=bool)
            if self.reader.has_deletions():
                deleted[list(self.reader.deleted_docs_set)] = True
            kept["_panel_deleted"] = deleted
        return kept["_panel_deleted"]

    def _lengths(self, fieldname: str) -> np.ndarray:
        """Each record's length of the field as Whoosh's doc_field_length(docnum, field, 1) reads it."""
        kept = self.searcher.__dict__.setdefault("_panel_lengths", {})
        if fieldname not in kept:
            column = self.reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            codes = np.zeros(self.size, dtype=np.uint8)
            if column is not None and column._count:
                stored = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
                codes[: len(stored)] = stored[: self.size]
            kept[fieldname] = np.where(codes > 0, _LENGTHS[codes], 1.0)
        return kept[fieldname]


def numeric_column(searcher, name: str) -> np.ndarray:
    """A numeric column's values for every record, read in bulk, as its column reader translates them."""
    parts = []
    for sub, _ in searcher.subsearchers or [(searcher, 0)]:
        reader, size = sub.reader(), sub.reader().doc_count_all()
        raw, column = reader.column_reader(name, translate=False), reader.column_reader(name)
        if not hasattr(raw, "_dbfile"):  # a segment no record of which has the field
            parts.append(np.array([column[d] for d in range(size)], dtype=np.int64))
            continue
        stored = np.frombuffer(raw._dbfile.get(raw._basepos, raw._count * raw._fixedlen), dtype=">" + raw._typecode)
        values = np.full(size, raw._default, dtype=np.int64)
        values[: min(size, len(stored))] = stored[:size]
        translate = column._translate
        distinct, where = np.unique(values, return_inverse=True)
        parts.append(np.array([translate(int(v)) for v in distinct], dtype=np.int64)[where])
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _postings(matcher) -> tuple[np.ndarray, np.ndarray]:
    """A term's record numbers and weights, a block at a time."""
    numbers, weights = [], []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        numbers.append(np.asarray(matcher._ids, dtype=np.int64))
        weights.append(np.asarray(matcher._weights, dtype=np.float64))
        matcher._next_block()
    if not numbers:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(numbers), np.concatenate(weights)


def _either(parts: list[_Scored]) -> _Scored:
    """A union: a record's score is the sum of the parts it matches."""
    whole = _Scored(parts[0].hit.copy(), parts[0].score.copy(), parts[0].words.copy(), parts[0].word_count)
    for part in parts[1:]:
        whole.hit |= part.hit
        whole.score += part.score
        whole.words += part.words
        whole.word_count += part.word_count
    return whole


def _all(parts: list[_Scored]) -> _Scored:
    """An intersection: records every part matches, scored by the sum."""
    whole = _either(parts)
    for part in parts:
        whole.hit &= part.hit
    whole.score = np.where(whole.hit, whole.score, 0.0)
    whole.words = np.where(whole.hit, whole.words, 0)
    return whole


def _maybe(first: _Scored, second: _Scored, excluded: bool) -> _Scored:
    """a ANDMAYBE b: a's records, b's score added where b matches too; a ANDNOT b: a's records b misses."""
    if excluded:
        keep = first.hit & ~second.hit
        return _Scored(keep, np.where(keep, first.score, 0.0), np.where(keep, first.words, 0),
                       first.word_count + second.word_count)
    whole = _either([first, second])
    whole.hit = first.hit.copy()
    whole.score = np.where(whole.hit, whole.score, 0.0)
    whole.words = np.where(whole.hit, whole.words, 0)
    return whole


def _coordinated(whole: _Scored, scale: float) -> np.ndarray:
    """Whoosh's CoordMatcher bonus (its "SQR" function) for the words each record matched."""
    n = whole.word_count
    if n == 0 or n == scale:
        return np.zeros_like(whole.score)
    return (whole.score + ((whole.words - 1) / (n - scale) ** 2)) * ((n - 1) / n)
