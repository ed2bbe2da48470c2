"""A small PDF writer for tests: pages of positioned text in the standard Helvetica fonts (what pdfminer reads
with its built-in metrics), image-only pages (a scan), and an encrypted file. No Qt, no extra library: PFD
report PDFs are built here in the layout coroners really send, and read back by the code under test."""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

WIDTH, HEIGHT = 595, 842        # A4 in points


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


@dataclass
class Page:
    ops: list[bytes] = field(default_factory=list)
    image: bool = False          # a scanned page: one picture, no text

    def text(self, x: float, y: float, text: str, size: float = 11, bold: bool = False) -> None:
        """`y` from the top of the page, as a reader thinks of it."""
        font = b"/F2" if bold else b"/F1"
        self.ops.append(b"BT %s %g Tf %g %g Td (%s) Tj ET" % (font, size, x, HEIGHT - y, _escape(text)))


class PdfWriter:
    def __init__(self) -> None:
        self.pages: list[Page] = []

    def page(self, *, image: bool = False) -> Page:
        page = Page(image=image)
        self.pages.append(page)
        return page

    def write(self, path: Path, *, encrypted: bool = False) -> Path:
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        catalog = add(b"")                     # filled in once the page tree's number is known
        pages_obj = add(b"")
        f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        f2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        kids = []
        for page in self.pages:
            resources = b"<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>" % (f1, f2)
            content = b"\n".join(page.ops)
            if page.image:
                pixels = zlib.compress(bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(48)))
                img = add(b"<< /Type /XObject /Subtype /Image /Width 48 /Height 64 /ColorSpace /DeviceGray "
                          b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                          % (len(pixels), pixels))
                resources = b"<< /XObject << /Im1 %d 0 R >> >>" % img
                content = b"q %d 0 0 %d 0 0 cm /Im1 Do Q" % (WIDTH, HEIGHT)
            stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
            kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>"
                            % (pages_obj, WIDTH, HEIGHT, resources, stream)))
        objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
        objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in kids), len(kids))
        encrypt = None
        if encrypted:   # the standard security handler with a user password nobody here knows
            encrypt = add(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>"
                          % (b"ab" * 32, b"cd" * 32))
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for n, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
        if encrypt is not None:
            trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt, b"01" * 16, b"01" * 16)
        out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        path.write_bytes(bytes(out))
        return path
