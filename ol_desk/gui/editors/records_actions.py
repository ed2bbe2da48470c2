"""Progress updates and evidence for recommendation and action editors: post an update; attach a file (copied
into the database's evidence store and hashed), add a link, open one (a stored file is checked against its SHA-256
first). The list's Text column says whether search finds a file's words ("No text found (scanned?)")."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices

from ol_desk.core.model import Evidence
from ol_desk.core.model.enums import Entity
from ol_desk.core.services import records
from ol_desk.gui.ops import readable

from .host import EditorHost
from .records_panels import EvidencePanel, ProgressTimeline

# Evidence is opened with the desktop's own program. Links are typed by one user and opened by others, so a link
# never starts a program or script, and only ordinary schemes are handed over (not e.g. ms-msdt: or search-ms:).
OPENABLE_SCHEMES = {"http", "https", "mailto", "file", "smb"}
RUNNABLE_SUFFIXES = {".exe", ".com", ".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh",
                     ".msi", ".msp", ".scr", ".hta", ".lnk", ".pif", ".cpl", ".jar", ".reg", ".sh", ".app"}


def refusal(url: QUrl) -> str | None:
    """Why ol-desk will not open this address itself (None: it may)."""
    if url.scheme().lower() not in OPENABLE_SCHEMES:
        return f"ol-desk opens web, e-mail and file addresses only, not '{url.scheme()}:' ones."
    if Path(url.path()).suffix.lower() in RUNNABLE_SUFFIXES:
        return "ol-desk does not start programs or scripts from evidence."
    return None


TEXT_POLLS, TEXT_POLL_MS = 20, 3000   # while the index worker reads a new file: ask again every 3 s, for a minute


def _text_status(_session, index, ids: list[int]):
    """({id: (words, tooltip)}, whether any file is still waiting to be read)."""
    from ol_desk.core.search.evidence_source import LINK, PENDING, status_words
    found = index.evidence_status(ids)
    words = {}
    for i in ids:
        status, reason = found.get(i, (None, ""))
        tip = {None: "Search has not taken this file in yet.", PENDING: "The search index is reading its words.",
               LINK: "The address and description are found by search."}.get(status, reason or
                                                                             "Its words are found by search.")
        words[i] = (status_words(status, reason), tip)
    return words, any(found.get(i, (None, ""))[0] in (None, PENDING) for i in ids)


def _stored_file(session, store_dir: Path, evidence_id: int) -> Path:
    return records.evidence_path(store_dir, session.get(Evidence, evidence_id))


class RecordsMixin(EditorHost):
    """Needs `self.ctx`, `self.entity`, `self.item_id`, `self.snap`, `self.tabs` and ItemEditor.write. The Progress
    and Evidence tabs come right after the first linked-items tab."""

    _text_polls = 0   # times the evidence list has asked again for files still being read

    def _parent_kw(self) -> dict:
        key = "recommendation_id" if self.entity is Entity.RECOMMENDATION else "action_id"
        return {key: self.item_id}

    def record_tabs(self) -> list:
        self.timeline = ProgressTimeline(self)
        self.timeline.post.connect(self._post_update)
        self.evidence_panel = panel = EvidencePanel(self)
        panel.attach_file.connect(self._attach_file)
        panel.add_link.connect(self._add_link)
        panel.open_item.connect(self._open_evidence)
        return [("&Progress", self.timeline), ("&Evidence", panel)]

    def show_records(self, snap) -> None:
        self.timeline.show_updates(snap.updates if snap else ())
        self.evidence_panel.show_evidence(snap.evidence if snap else ())
        self._text_polls = 0
        self._ask_text_status()
        for button in (self.timeline.button, self.evidence_panel.file_button, self.evidence_panel.link_button):
            button.setEnabled(snap is not None)
        self.tabs.setTabText(2, f"&Progress ({len(snap.updates) if snap else 0})")
        self.tabs.setTabText(3, f"&Evidence ({len(snap.evidence) if snap else 0})")

    def _ask_text_status(self) -> None:
        """Fill the evidence list's Text column from the search index (on the operation thread); while a file is
        still being read by the index worker, ask again a few times."""
        rows = self.evidence_panel.rows
        if not rows:
            return
        index = self.ctx.search_index
        if index is None:
            self.evidence_panel.show_text_status({e.id: ("Search is not available", "") for e in rows})
            return
        self.read(_text_status, index, [e.id for e in rows], on_done=self._show_text_status,
                  on_error=lambda exc: self.evidence_panel.show_text_status(
                      {e.id: ("Search index not ready", readable(exc)) for e in self.evidence_panel.rows}))

    def _show_text_status(self, answer) -> None:
        words, waiting = answer
        self.evidence_panel.show_text_status(words)
        if waiting and self._text_polls < TEXT_POLLS:
            self._text_polls += 1
            QTimer.singleShot(TEXT_POLL_MS, self, self._ask_text_status)  # type: ignore[call-overload]

    def _post_update(self, text, written_on) -> None:
        assert self.snap is not None  # the Post button is enabled only for a saved item (show_records)
        self.write(records.add_update, self.ctx.actor, text=text, written_on=written_on, **self._parent_kw(),
                   label=f"post an update on {self.snap.label}", done=lambda _r: self.timeline.posted(),
                   failed=self._post_failed)

    def _post_failed(self, exc) -> bool:
        self.timeline.message.setText(readable(exc))
        return True

    def _failed(self, exc) -> bool:
        self.evidence_panel.say(readable(exc), error=True)
        return True

    def _attach_file(self, path: str, description: str) -> None:
        self.evidence_panel.say(f"Copying {Path(path).name} into the evidence store…")
        self.write(records.add_evidence_file, self.ctx.actor, self.ctx.db.evidence_dir, Path(path),
                   description=description, **self._parent_kw(), label=f"attach {Path(path).name}",
                   done=lambda _r: self._added(f"Attached {Path(path).name} (copied and fingerprinted)."),
                   failed=self._failed)

    def _add_link(self, url: str, description: str) -> None:
        self.write(records.add_evidence_link, self.ctx.actor, url, description=description, **self._parent_kw(),
                   label="add an evidence link", done=lambda _r: self._added("Link added."), failed=self._failed)

    def _added(self, text: str) -> None:
        self.evidence_panel.added()
        self.evidence_panel.say(text)

    def _open_evidence(self, row) -> None:
        if row.kind == "link":
            url = QUrl.fromUserInput(row.url)
            why_not = refusal(url)
            if why_not:
                self.evidence_panel.say(f"{why_not} The address is {row.url}", error=True)
            elif not QDesktopServices.openUrl(url):
                self.evidence_panel.say(f"Could not open {row.url}; copy the address instead.", error=True)
            return
        self.read(_stored_file, self.ctx.db.evidence_dir, row.id, label="open evidence",
                          on_done=lambda path: self._open_path(path), on_error=self._failed)

    def _open_path(self, path: Path) -> None:
        why_not = refusal(QUrl.fromLocalFile(str(path)))
        if why_not:
            self.evidence_panel.say(f"{why_not} It is stored at {path}.", error=True)
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.evidence_panel.say(f"No program is set up to open {path.name}; it is stored at {path}.",
                                    error=True)
