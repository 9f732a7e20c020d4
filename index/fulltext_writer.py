"""Whoosh's segment writer, made cheaper where a commit spends its time; part of the engine behind
fulltext.py. Every change gives the postings, lengths and stored fields Whoosh's own code gives
(tests/index/test_fulltext_writer.py compares them): only the work per posting is less.
"""
from __future__ import annotations

import copy
import pickle
from array import array
from itertools import islice

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import TEXT
from whoosh.formats import Characters, Positions
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import PostingPool, SegmentWriter


def cheap_writer(ix, limitmb: int) -> SegmentWriter:
    writer = ix.writer(limitmb=limitmb)
    writer.pool = _BlockPool(writer._tempstorage, writer.newsegment, limitmb=limitmb)
    _index_words_cheaply(writer)
    plain = writer.per_document_reader
    writer.per_document_reader = lambda: _KeptLengths(plain())
    _hold_merges_compactly(writer)
    _count_lengths_as_stored(writer)
    return writer


def _hold_merges_compactly(writer: SegmentWriter) -> None:
    """What a commit holds for every term and every record of the segments it merges, as arrays
    rather than an object each: these grow with the index, and the largest merge (the collection
    pass's optimize) merges all of it. The terms table's hash buckets hold a (hash, position) pair per
    term; a merged segment with deletions maps each of its record numbers to the new segment's."""
    writer.fieldwriter._tindex.buckets = [_Pairs() for _ in range(256)]
    plain = writer.write_per_doc

    def write_per_doc(fieldnames, reader):
        if not reader.has_deletions():
            return plain(fieldnames, reader)
        docmap = array("q", [-1]) * reader.doc_count_all()
        for new, docnum in enumerate(reader.all_doc_ids(), writer.docnum):
            docmap[docnum] = new
        plain(fieldnames, _Undeleted(reader))  # which would map them in a dictionary
        return docmap

    writer.write_per_doc = write_per_doc


class _Pairs:
    """A bucket of (hash, position) pairs, as HashWriter appends and reads them, in one array."""

    def __init__(self):
        self._values = array("Q")

    def append(self, pair: tuple[int, int]) -> None:
        self._values.extend(pair)

    def __len__(self) -> int:
        return len(self._values) // 2

    def __iter__(self):
        values = iter(self._values)
        return zip(values, values)


class _Undeleted:
    """A segment reader that says it has no deletions (its live records are iterated all the same)."""

    def __init__(self, reader):
        self._reader = reader

    def has_deletions(self) -> bool:
        return False

    def __getattr__(self, name):
        return getattr(self._reader, name)


def _index_words_cheaply(writer: SegmentWriter) -> None:
    """Documents are added with a copy of the schema whose text fields index words by _WordPostings;
    the writer keeps its own schema, which it saves with the index."""
    cheap = copy.copy(writer.schema)
    cheap._fields = dict(cheap._fields)
    for name, field in cheap._fields.items():
        words = _WordPostings.of(field)
        if words is not None:
            cheap._fields[name] = copy.copy(field)
            cheap._fields[name].index = words.index
    plain = writer.add_document

    def add_document(**fields):
        schema, writer.schema = writer.schema, cheap
        try:
            plain(**fields)
        finally:
            writer.schema = schema

    writer.add_document = add_document


def _count_lengths_as_stored(writer: SegmentWriter) -> None:
    """Count each field length in the segment's totals rounded to the byte it is stored as, which is
    what a merge reads back and sums. A segment then ranks the same whether its records were written
    into it or merged in, so answers do not depend on when commits and merges happened: records can be
    written as they come, in any order, and segments merged whenever the policy likes."""
    docs = writer.perdocwriter
    plain = docs.add_field

    def add_field(fieldname, fieldobj, value, length):
        plain(fieldname, fieldobj, value, length)
        if length:
            docs._fieldlengths[fieldname] += byte_to_length(length_to_byte(length)) - length

    docs.add_field = add_field


class _WordPostings:
    """TEXT.index() for the analyzers of this schema (a regex tokenizer, lower case, stop words, and
    perhaps stemming), without building a token object per word and passing it through each filter:
    the same words, positions (stop words leave no gap), character spans, weights and encoded values."""

    @classmethod
    def of(cls, field) -> "_WordPostings | None":
        if type(field) is not TEXT or type(field.format) not in (Positions, Characters):
            return None
        parts = getattr(field.analyzer, "items", ())
        kinds = [type(p) for p in parts]
        if kinds not in ([RegexTokenizer, LowercaseFilter, StopFilter], [RegexTokenizer, LowercaseFilter, StopFilter, StemFilter]):
            return None
        tokenizer, _, stops, *stemmer = parts
        if tokenizer.gaps or stops.max is not None or not stops.renumber or (stemmer and stemmer[0].ignore):
            return None
        return cls(field, tokenizer, stops, stemmer[0] if stemmer else None)

    def __init__(self, field, tokenizer, stops, stemmer):
        self.format = field.format
        self.chars = type(field.format) is Characters
        self.finditer = tokenizer.expression.finditer
        self.stops, self.minsize = stops.stops, stops.min
        self.stem = _kept_stems(stemmer) if stemmer else None

    def index(self, value, **kwargs):
        if not isinstance(value, str) or kwargs:
            raise ValueError(f"{value!r}: only text is indexed this way")
        seen: dict[str, list] = {}
        pos = None
        stops, minsize, stem, chars = self.stops, self.minsize, self.stem, self.chars
        for i, match in enumerate(self.finditer(value)):
            word = match.group().lower()
            if len(word) < minsize or word in stops:
                continue
            pos = i if pos is None else pos + 1  # the first word keeps its place; the rest follow it
            if stem is not None:
                word = stem(word)
            seen.setdefault(word, []).append((pos, match.start(), match.end()) if chars else pos)
        boost, encode = self.format.field_boost, self.format.encode
        for word, places in seen.items():
            yield word.encode("utf-8"), len(places), float(len(places)) * boost, encode(places)


def _kept_stems(stemmer: StemFilter):
    """The stemmer's function with a plain dictionary of the words met, kept across writers (a Porter stem
    costs tens of microseconds, Whoosh's own cache a few) and emptied at the size of Whoosh's."""
    if stemmer.lang or not isinstance(stemmer.cachesize, int) or stemmer.cachesize <= 1:
        return stemmer._stem
    kept = _STEMS.setdefault(stemmer.stemfn, {})
    stem, limit = stemmer.stemfn, stemmer.cachesize

    def stemmed(word: str) -> str:
        found = kept.get(word)
        if found is None:
            if len(kept) >= limit:
                kept.clear()
            found = kept[word] = stem(word)
        return found

    return stemmed


_STEMS: dict = {}


class _BlockPool(PostingPool):
    """Whoosh's posting pool, spilling its sorted runs as pickled blocks of postings rather than
    one pickle call per posting."""

    # A merge reads one block of every run at once, and a merge of the index's large segments has
    # many runs: blocks of 4,096 made the writer's memory grow with the archive (+30 MB at 3,600 files).
    _BLOCK = 256

    def add(self, item):
        # PostingPool.add's size estimate (its constants summed), without its type checks: postings
        # come from our own fields, and this runs once per word of every record.
        fieldname, text, _, _, value = item
        self.fieldnames.add(fieldname)
        self.currentsize += 150 + len(fieldname) + 2 * len(text) + (len(value) if value else 0)
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f, items):
        items = iter(items)
        while block := list(islice(items, self._BLOCK)):
            pickle.dump(block, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    block = pickle.load(f)
                except EOFError:
                    return
                yield from block
        finally:
            f.close()
            self._remove_run(path)


class _KeptLengths:
    """The new segment's per-document reader, its field lengths read once per field rather than once
    per posting (the postings writer asks the length of a record for every word in it)."""

    def __init__(self, reader):
        self._reader = reader
        self._lengths: dict[str, list[int]] = {}

    def doc_field_length(self, docnum, fieldname, default=0):
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = self._lengths[fieldname] = [read(d, fieldname) for d in range(self._reader.doc_count_all())]
        return lengths[docnum] or self._reader.doc_field_length(docnum, fieldname, default)

    def __getattr__(self, name):
        return getattr(self._reader, name)
