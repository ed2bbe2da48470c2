"""The rebuild's writers: Whoosh's SegmentWriter and MpWriter with postings kept by term (term_pool.py).

A rebuild writes a new generation from nothing, one document after another, so its writer never merges existing
segments into its pool and never meets boosts, term vectors or separate spelling fields (our schema has none; the
writer refuses them rather than write them wrongly). That lets it keep each term's postings in arrays and write
each posting list in one go (ArrayPostingsWriter.add_term_postings) with the same blocks and statistics Whoosh's
per-posting path writes. Everything else, the per-document writer, columns, stored fields, segment files, the
table of contents and the lock, is Whoosh's. Catch-ups and merges use Whoosh's own writer (indexer._writer).
"""
from __future__ import annotations

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from .field_indexer import field_indexer
from .term_pool import TermPool


class NewGenerationWriter(SegmentWriter):
    """A SegmentWriter for a rebuild: documents in, one segment out, postings pooled by term."""

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        unsupported = [name for name, field in self.schema.items() if field.vector or field.separate_spelling()]
        if unsupported:
            raise ValueError(f"fields with term vectors or separate spelling are not supported: {unsupported}")
        self.pool = TermPool(self._tempstorage, limitmb)
        # Each scorable field's length byte per document (what the length column holds), for block statistics.
        self._lengths: dict[str, bytearray] = {}
        self._index = {name: field_indexer(field) for name, field in self.schema.items() if field.indexed}

    def add_document(self, **fields):
        self._check_state()
        if any(name.startswith("_") for name in fields):
            raise ValueError("boosts and custom stored values are not supported by the rebuild writer")
        schema, perdoc, pool, docnum = self.schema, self.perdocwriter, self.pool, self.docnum
        perdoc.start_doc(docnum)
        try:
            for name in sorted(fields):
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    length = pool.add(name, docnum, self._index[name](value))
                    if field.scorable and length:
                        self._note_length(name, docnum, length)
                    else:
                        length = 0
                perdoc.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1
        if pool.full():
            pool.spill()

    def _note_length(self, name: str, docnum: int, length: int) -> None:
        lengths = self._lengths.setdefault(name, bytearray())
        gap = docnum - len(lengths)
        if gap > 0:
            lengths.extend(bytes(gap))
        lengths.append(length_to_byte(length))

    def add_reader(self, reader):
        raise NotImplementedError("a rebuild writer writes a new generation; it merges no segments")

    def _flush_segment(self):
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        current = None
        lengths = None
        for fieldname, tbytes, ids, weights, values in self.pool.terms():
            if fieldname != current:
                if current is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, self.schema[fieldname])
                current, lengths = fieldname, self._lengths.get(fieldname)
            fieldwriter.start_term(tbytes)
            # W3FieldWriter keeps its postings writer (an ArrayPostingsWriter: the codec is ArrayCodec) private.
            fieldwriter._postwriter.add_term_postings(ids, weights, values, lengths)
            fieldwriter.finish_term()
        if current is not None:
            fieldwriter.finish_field()
        fieldwriter.close()


class _NewGenerationTask(SubWriterTask):
    """One writer process of NewGenerationMpWriter: Whoosh's task with a NewGenerationWriter, one segment each."""

    def run(self):
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = NewGenerationWriter(ix, _lk=False, **self.kwargs)
        while True:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        segment = writer._finalize_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)


class NewGenerationMpWriter(MpWriter):
    """Whoosh's MpWriter (documents sent to `procs` writer processes in batches), each process writing its own
    segment with a NewGenerationWriter."""

    def __init__(self, ix, procs: int, **kwargs):
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)

    def _new_task(self):
        task = _NewGenerationTask(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True)
        self.tasks.append(task)
        task.start()
        return task
