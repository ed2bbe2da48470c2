"""ArrayCodec: Whoosh's W3 codec with posting blocks stored as plain arrays instead of one zlib'd pickle.

Whoosh 2.7 writes each block of up to 128 postings as zlib(pickle((delta ids, weights, values))). Reading a block
back unpickles every id, every weight and every position string as Python objects: about 0.65 µs a posting, which
at 200,000 recommendations is 120 ms just to read the 180,000 postings of "custody" (profiled: 44 % pickle.loads,
16 % zlib). Here a block's data is

    header: first id (uint32), id-delta width (1, 2 or 4 bytes), weight code, length of the values part
    ids:    deltas from the previous id, little-endian, the narrowest width that holds them
    weights: nothing (all 1.0), one float32 (all the same), uint8 (small whole numbers) or float32 per posting
    values: zlib(pickle(values)) (positions), only for formats that have values, read only when asked for

so ids and weights are read straight into arrays (numpy for array_search.py, array.array for Whoosh's matchers)
and positions are unpickled only by a phrase query that needs them. The block info (count, last id, max weight,
lengths) is Whoosh's, so its block-max skipping works unchanged. Everything else (terms, columns, stored fields,
segments, merging) is W3's. Bump SCHEMA_VERSION when this format changes: the codec is pickled into each segment.
"""
from __future__ import annotations

import io
import pickle
import struct
import sys
import zlib
from array import array
from itertools import accumulate

from whoosh.codec import whoosh3
from whoosh.system import pack_int, pack_long

_HEADER = struct.Struct("<IBBI")          # first id, delta width, weight code, values length
_WIDTH_CODES = {1: "B", 2: "H", 4: "I"}
_NP_WIDTHS = {1: "<u1", 2: "<u2", 4: "<u4"}
W_ONES, W_CONST, W_UINT8, W_FLOAT = 0, 1, 2, 3
_LITTLE = sys.byteorder == "little"


def _delta_width(largest: int) -> int:
    return 1 if largest < 256 else 2 if largest < 65536 else 4


def _pickled(values) -> bytes:
    """pickle.dumps(values, 2) without its memo: the same bytes whether or not equal values are one object (the
    rebuild's writer shares the encoding of a word's single position), and no memo marks to store."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, 2)
    pickler.fast = True
    pickler.dump(values)
    return buf.getvalue()


def pack_block(ids, weights, values, compression: int) -> bytes:
    """One block's data (see the module docstring)."""
    first = ids[0]
    deltas = [b - a for a, b in zip(ids, ids[1:], strict=False)]
    width = _delta_width(max(deltas, default=0))
    id_part = array(_WIDTH_CODES[width], deltas)
    if not _LITTLE:  # pragma: no cover - every platform we ship to is little-endian
        id_part.byteswap()
    first_weight = weights[0]
    if all(w == 1.0 for w in weights):
        code, w_part = W_ONES, b""
    elif all(w == first_weight for w in weights):
        code, w_part = W_CONST, struct.pack("<f", first_weight)
    elif all(w == int(w) and 0 <= w < 256 for w in weights):
        code, w_part = W_UINT8, bytes(int(w) for w in weights)
    else:
        code, w_part = W_FLOAT, struct.pack(f"<{len(weights)}f", *weights)
    v_part = zlib.compress(_pickled(values), compression) if values else b""
    return _HEADER.pack(first, width, code, len(v_part)) + id_part.tobytes() + w_part + v_part


class BlockData:
    """One block's data, split into its parts without decoding them."""

    __slots__ = ("count", "first", "width", "code", "ids", "weights", "values")

    def __init__(self, buf: bytes, count: int):
        first, width, code, vlen = _HEADER.unpack_from(buf)
        self.count, self.first, self.width, self.code = count, first, width, code
        pos = _HEADER.size
        self.ids = buf[pos:pos + width * (count - 1)]
        pos += width * (count - 1)
        wlen = {W_ONES: 0, W_CONST: 4, W_UINT8: count, W_FLOAT: 4 * count}[code]
        self.weights = buf[pos:pos + wlen]
        self.values = buf[pos + wlen:pos + wlen + vlen]

    def id_tuple(self) -> tuple[int, ...]:
        deltas = array(_WIDTH_CODES[self.width], self.ids)
        if not _LITTLE:  # pragma: no cover
            deltas.byteswap()
        return tuple(accumulate(deltas, initial=self.first))

    def weight_array(self) -> array:
        n = self.count
        if self.code == W_ONES:
            return array("f", [1.0]) * n
        if self.code == W_CONST:
            return array("f", struct.unpack("<f", self.weights)) * n
        if self.code == W_UINT8:
            return array("f", list(self.weights))
        return array("f", struct.unpack(f"<{n}f", self.weights))

    def value_tuple(self):
        return pickle.loads(zlib.decompress(self.values)) if self.values else None

    # numpy views for array_search.py (numpy is imported there only, not by every index reader)
    def np_ids(self, np):
        out = np.empty(self.count, dtype=np.int64)
        out[0] = self.first
        if self.count > 1:
            np.cumsum(np.frombuffer(self.ids, dtype=_NP_WIDTHS[self.width]), out=out[1:])
            out[1:] += self.first
        return out

    def np_weights(self, np):
        n = self.count
        if self.code == W_ONES:
            return np.ones(n)
        if self.code == W_CONST:
            return np.full(n, struct.unpack("<f", self.weights)[0])
        if self.code == W_UINT8:
            return np.frombuffer(self.weights, dtype=np.uint8).astype(np.float64)
        return np.frombuffer(self.weights, dtype="<f4").astype(np.float64)


class ArrayPostingsWriter(whoosh3.W3PostingsWriter):
    def _write_block(self, last=False):
        if self._byteids:   # term vectors (no field of ours keeps them): W3's own format
            return super()._write_block(last)
        if not self._blockcount:
            self._postfile.write(whoosh3.WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        fixed = self._format.fixed_value_size()
        values = tuple(self._values) if (fixed is None or fixed < 0) else \
            (b"".join(self._values) if fixed else None)
        databytes = pack_block(self._ids, self._weights, values, self._compression)
        ids = self._ids
        infobytes = pickle.dumps((len(ids), ids[-1], self._maxweight, 0, whoosh3.length_to_byte(self._minlength),
                                  whoosh3.length_to_byte(self._maxlength)), 2)
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


def write_term(postfile, tindex, keybytes: bytes, fmt, ids: array, weights: array, values: list,
               lbytes: bytearray | None, blocklimit: int, compression: int) -> None:
    """Write one term's whole posting list and its row in the term table, in one go (segment_writer.py).

    The bytes are the ones ArrayPostingsWriter writes when it is given the postings one add_posting() at a time:
    the same blocks, block infos, term statistics (summed per block, as W3TermInfo.add_block sums them) and term
    info (tests/core/search/test_segment_writer.py compares the files). `lbytes` holds each document's field
    length byte (0: none), what the length column holds.
    """
    fixed = fmt.fixed_value_size()
    as_tuple, joined = fixed is None or fixed < 0, bool(fixed)
    n, nlen = len(ids), (len(lbytes) if lbytes is not None else 0)
    parts = [whoosh3.WHOOSH3_HEADER_MAGIC]
    total_weight, top_weight = 0, 0
    term_min = None
    term_max = 0
    for start in range(0, n, blocklimit):
        end = min(start + blocklimit, n)
        bids, bweights = ids[start:end], weights[start:end]
        total_weight += sum(bweights)
        block_max = max(0, max(bweights))
        top_weight = max(top_weight, block_max)
        minlength, maxlength = None, 0
        if nlen:
            assert lbytes is not None
            found = [b for b in (lbytes[d] if d < nlen else 0 for d in bids) if b]
            if found:
                minlength, maxlength = whoosh3.byte_to_length(min(found)), whoosh3.byte_to_length(max(found))
        term_min = minlength if term_min is None else min(term_min, minlength)
        term_max = max(term_max, maxlength)
        bvalues = values[start:end] if values else []
        vpart = tuple(bvalues) if as_tuple else (b"".join(bvalues) if joined else None)
        databytes = pack_block(bids, bweights, vpart, compression)
        infobytes = pickle.dumps((end - start, bids[-1], block_max, 0, whoosh3.length_to_byte(minlength),
                                  whoosh3.length_to_byte(maxlength)), 2)
        blocklength = len(infobytes) + len(databytes)
        parts += (pack_int(-blocklength if end == n else blocklength), infobytes, databytes)
    offset = postfile.tell()
    data = b"".join(parts)
    postfile.write(data)
    info = whoosh3.W3TermInfo._struct.pack(
        False, total_weight, n, 0 if term_min is None else whoosh3.length_to_byte(term_min),
        whoosh3.length_to_byte(term_max), top_weight, ids[0], ids[-1]) + pack_long(offset) + pack_int(len(data))
    tindex.add(keybytes, info)


class ArrayLeafMatcher(whoosh3.W3LeafMatcher):
    """W3's matcher, reading ArrayCodec blocks: the same interface and block statistics."""

    _data: BlockData | None       # the current block's data, read when first asked for (W3 resets it per block)

    def block_data(self) -> BlockData:
        if self._data is None:
            datalen = self._nextoffset - self._dataoffset
            self._data = BlockData(self._postfile.get(self._dataoffset, datalen), self._blocklength)
        return self._data

    def _read_data(self):
        self.block_data()

    def _read_ids(self):
        self._ids = self.block_data().id_tuple()

    def _read_weights(self):
        self._weights = self.block_data().weight_array()

    def _read_values(self):
        vs = self.block_data().value_tuple()
        fixed = self._fixedsize
        if fixed is None or fixed < 0:
            self._values = vs
        elif fixed == 0:
            self._values = (None,) * self._blocklength
        else:
            self._values = tuple(vs[i:i + fixed] for i in range(0, len(vs), fixed))


class ArrayCodec(whoosh3.W3Codec):
    def postings_writer(self, dbfile, byteids=False):
        return ArrayPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                   compression=self._compression, inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return ArrayLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
