"""PDF text with pdfminer.six, page by page, at most MAX_PDF_PAGES pages and MAX_CHARS characters.

A PDF whose pages have no text layer (a scan) gives no text; the reason says so, as it does for an encrypted one.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path

from .limits import MAX_PDF_PAGES, Collected, FileText

NO_TEXT = "no text layer — scanned?"
ENCRYPTED = "encrypted (password protected)"

# pdfminer logs every odd construct it meets at WARNING; a damaged PDF is reported by the reason instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def read(path: Path) -> FileText:
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFSyntaxError

    collected = Collected()
    manager = PDFResourceManager(caching=True)
    params = LAParams(line_margin=0.5, char_margin=2.0, word_margin=0.1, detect_vertical=False, all_texts=False)
    out = io.StringIO()
    try:
        with path.open("rb") as fh, TextConverter(manager, out, laparams=params) as device:
            interpreter = PDFPageInterpreter(manager, device)
            for page in PDFPage.get_pages(fh, maxpages=MAX_PDF_PAGES, caching=True, check_extractable=False):
                interpreter.process_page(page)
                collected.add(out.getvalue())
                out.seek(0)
                out.truncate()
                if collected.full:
                    break
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return FileText("", ENCRYPTED)
    except PDFSyntaxError:
        return FileText("", "not a readable PDF")
    text = collected.text()
    return FileText(text, "" if text.strip() else NO_TEXT)
