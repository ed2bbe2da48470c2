"""The rebuild's writers: Whoosh's SegmentWriter and MpWriter with postings kept by term (term_pool.py).

A rebuild writes a new generation from nothing, one document after another, so its writer never merges existing
segments into its pool and never meets boosts, term vectors or separate spelling fields (our schema has none; the
writer refuses them rather than write them wrongly). That lets it keep each term's postings in arrays and write
each posting list in one go (codec.write_term) with the same bytes Whoosh's per-posting path writes. Everything
else, the per-document writer, columns, stored fields, segment files, the table of contents and the lock, is
Whoosh's. Catch-ups and merges use Whoosh's own writer (indexer._writer).
"""
from __future__ import annotations

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.system import pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from ol_desk.core.errors import OlDeskError

from .codec import write_term
from .field_indexer import field_indexer
from .term_pool import TermPool


class NewGenerationWriter(SegmentWriter):
    """A SegmentWriter for a rebuild: documents in, one segment out, postings pooled by term."""

    def __init__(self, ix, limitmb: int = 128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        unsupported = [name for name, field in self.schema.items() if field.vector or field.separate_spelling()]
        if unsupported:
            raise ValueError(f"fields with term vectors or separate spelling are not supported: {unsupported}")
        if getattr(self.codec, "_inlinelimit", 1) > 1:
            raise ValueError("a codec that inlines posting lists is not supported by the rebuild writer")
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
        fieldwriter, codec = self.fieldwriter, self.codec
        current = None
        lengths = None
        for fieldname, tbytes, ids, weights, values in self.pool.terms():
            if fieldname != current:
                if current is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, self.schema[fieldname])
                current, lengths = fieldname, self._lengths.get(fieldname)
            # W3FieldWriter keeps its files and the field's number private; the codec is ArrayCodec.
            write_term(fieldwriter._postfile, fieldwriter._tindex, pack_ushort(fieldwriter._fieldid) + tbytes,
                       fieldwriter._format, ids, weights, values, lengths, codec._blocklimit, codec._compression)
        if current is not None:
            fieldwriter.finish_field()
        fieldwriter.close()


_CANCEL = "cancel"


class IndexIncomplete(OlDeskError):
    """A writer process of the rebuild did not deliver its segment; the live index is unchanged."""


class _NewGenerationTask(SubWriterTask):
    """One writer process of NewGenerationMpWriter: Whoosh's task with a NewGenerationWriter, one segment each."""

    def run(self):
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = NewGenerationWriter(ix, _lk=False, **self.kwargs)
        while True:
            job = self.jobqueue.get()
            if job is None:
                break
            if job == _CANCEL:
                # Close this process's files only: the temporary folder is shared with the other processes (the
                # parent removes it), and the whole new generation is discarded by the rebuild.
                writer._close_segment()
                return
            self._process_file(*job)
        segment = writer._finalize_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)


class NewGenerationMpWriter(MpWriter):
    """Whoosh's MpWriter (documents sent to `procs` writer processes in batches), each process writing its own
    segment with a NewGenerationWriter. Two things Whoosh's MpWriter does not do: cancel() stops the processes
    (Whoosh's only flags its own copies of them, so they waited for work for ever and kept the process alive), and
    a commit refuses to publish a generation that lacks documents because a process failed (Whoosh's waits a
    second for each result and goes on without the missing ones)."""

    def __init__(self, ix, procs: int, **kwargs):
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)
        self._sent = 0

    def _new_task(self):
        task = _NewGenerationTask(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True)
        self.tasks.append(task)
        task.start()
        return task

    def add_document(self, **fields):
        super().add_document(**fields)
        self._sent += 1

    def _commit_toc(self, segments):
        written = sum(segment.doc_count_all() for segment in segments)
        if written != self._sent:
            raise IndexIncomplete(f"The index build lost {self._sent - written:,} of {self._sent:,} items (a writer "
                                  "process failed); the search index was left as it was.")
        super()._commit_toc(segments)

    def cancel(self):
        self.docbuffer = []
        for _task in self.tasks:
            self.jobqueue.put(_CANCEL)
        for task in self.tasks:
            task.join()
        SegmentWriter.cancel(self)
