"""The rebuild's writer (segment_writer.py) writes the very segment Whoosh's own writer writes from the same
documents: the same term table, posting blocks and columns byte for byte, whether its pool stays in memory or is
written out to run files after every document; and an index it wrote answers searches."""
from __future__ import annotations

import faulthandler
import random

import pytest
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage

import ol_desk.core.search  # noqa: F401 - applies whoosh_fixes
from ol_desk.core.search.codec import ArrayCodec
from ol_desk.core.search.schema import build_schema
from ol_desk.core.search.segment_writer import IndexIncomplete, NewGenerationMpWriter, NewGenerationWriter

WORDS = ("custody detainee breathing prone position mental health pursuit taser referral domestic abuse training "
         "safeguarding officer cell check rousing video body worn Ünïcode naïve 2025-0241 NW-001").split()
FILLER = "the of a review found that and was in".split()


def _docs(n: int, seed: int = 5) -> list[dict]:
    rnd = random.Random(seed)

    def text(k):
        return " ".join(rnd.choice(WORDS) if rnd.random() < 0.7 else rnd.choice(FILLER) for _ in range(k))
    docs = []
    for i in range(n):
        doc = dict(key=f"action:{i}", kind="action", eid=i, ref=f"2025-{i:04d}", title=text(rnd.randint(1, 8)),
                   status=rnd.choice(("new", "closed")),
                   hub=",".join(rnd.sample(("nw", "md", "ce"), rnd.randint(0, 2))),
                   owner=rnd.choice(("Sgt A Khan", "DI B Obi", None)), due=20250101 + rnd.randint(0, 300))
        if rnd.random() < 0.8:   # some documents have no body, some a long one (lengths past one byte's exactness)
            doc["body"] = text(rnd.choice((3, 40, 400)))
        if rnd.random() < 0.5:
            doc["context"] = text(rnd.randint(1, 6))
        docs.append({k: v for k, v in doc.items() if v not in (None, "")})
    docs.append({"key": "_meta", "kind": "_meta", "meta": {"seq": 1}})
    return docs


def _segment_files(path) -> dict[str, bytes]:
    """The segment's files by what follows the segment's name: ".trm", ".pst", "._body_len.col" … (not compound)."""
    return {f.name.split(".", 1)[1]: f.read_bytes() for f in path.iterdir()
            if f.suffix in (".trm", ".pst", ".col", ".vps")}


def _write(path, writer_factory, docs):
    ix = FileStorage(str(path)).create().create_index(build_schema())
    w = writer_factory(ix)
    for doc in docs:
        w.add_document(**doc)
    w.commit(merge=False)
    return ix


@pytest.mark.parametrize("limitmb", [0, 64], ids=["run-file-per-document", "in-memory"])
def test_same_segment_bytes_as_whooshs_writer(tmp_path, limitmb):
    docs = _docs(700)
    (tmp_path / "whoosh").mkdir()
    (tmp_path / "ours").mkdir()
    _write(tmp_path / "whoosh", lambda ix: ix.writer(codec=ArrayCodec(), compound=False), docs)
    _write(tmp_path / "ours", lambda ix: NewGenerationWriter(ix, codec=ArrayCodec(), compound=False,
                                                              limitmb=limitmb), docs)
    theirs, ours = _segment_files(tmp_path / "whoosh"), _segment_files(tmp_path / "ours")
    assert set(ours) == set(theirs) >= {"trm", "pst", "_stored.col", "_body_len.col", "due.col"}
    for ext in theirs:
        assert ours[ext] == theirs[ext], f"{ext} differs"
    assert not [f for f in (tmp_path / "ours").rglob("*.terms")], "run files were left behind"


def test_processes_write_a_searchable_generation(tmp_path):
    docs = _docs(900, seed=9)
    ix = _write(tmp_path, lambda ix: NewGenerationMpWriter(ix, 2, codec=ArrayCodec(), limitmb=1, batchsize=50), docs)
    assert len(ix._segments()) == 2
    with ix.searcher() as s:
        assert s.doc_count() == len(docs)
        schema = ix.schema
        for field, word in (("body", "custody"), ("body", "naïve"), ("ref", "2025"), ("title", "rousing")):
            term = next(schema[field].process_text(word))     # the analysed word ("custodi")
            expected = {d["key"] for d in docs if term in set(schema[field].process_text(d.get(field, "")))}
            found = {hit["key"] for hit in s.search(wq.Term(field, term), limit=None)}
            assert found == expected and expected
        phrase = {hit["key"] for hit in s.search(wq.Phrase("body", ["mental", "health"]), limit=None)}
        def has_phrase(text):   # stop words are dropped before positions are counted
            words = list(schema["body"].process_text(text))
            return ("mental", "health") in set(zip(words, words[1:], strict=False))
        assert phrase == {d["key"] for d in docs if has_phrase(d.get("body", ""))} and phrase


def test_refuses_what_it_cannot_write_rightly(tmp_path):
    ix = FileStorage(str(tmp_path)).create().create_index(build_schema())
    w = NewGenerationWriter(ix, codec=ArrayCodec())
    try:
        with pytest.raises(ValueError, match="boosts"):
            w.add_document(key="x", _boost=2.0)
    finally:
        w.cancel()


def test_cancel_stops_the_writer_processes(tmp_path):
    faulthandler.dump_traceback_later(120, exit=True)   # a writer process left waiting would hang here
    try:
        ix = FileStorage(str(tmp_path)).create().create_index(build_schema())
        w = NewGenerationMpWriter(ix, 2, codec=ArrayCodec(), batchsize=50)
        for doc in _docs(400):
            w.add_document(**doc)
        w.cancel()
        assert not any(task.is_alive() for task in w.tasks) and len(w.tasks) == 2
        assert ix.doc_count_all() == 0
        assert not (tmp_path / "MAIN.tmp").exists()
    finally:
        faulthandler.cancel_dump_traceback_later()


def test_a_failed_writer_process_fails_the_commit(tmp_path):
    ix = FileStorage(str(tmp_path)).create().create_index(build_schema())
    w = NewGenerationMpWriter(ix, 2, codec=ArrayCodec(), batchsize=20)
    docs = _docs(200)
    for i, doc in enumerate(docs):
        w.add_document(**(doc if i != 30 else {**doc, "no_such_field": "x"}))   # kills the process that gets it
    with pytest.raises(IndexIncomplete, match="lost"):
        w.commit()
    w.cancel()      # what rebuild() does next
    assert FileStorage(str(tmp_path)).open_index().doc_count_all() == 0
    assert not (tmp_path / "MAIN.tmp").exists()
