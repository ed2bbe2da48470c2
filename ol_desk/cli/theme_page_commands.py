"""`ol-desk theme CODE [--json] [--pdf FILE] [--xlsx FILE]`: one theme's page from a shell — everything the
force has been told about it, the repeated concerns with what was done each time, what is open, overdue and
stale, the evidence of learning embedded; and the thematic briefing as a PDF and a workbook."""
from __future__ import annotations

import argparse
import json
import os

from ol_desk.core.theme_page.page import ThemePage


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("theme", help="a theme's page: timeline, repeated concerns, open/overdue/stale, embedded",
                       description="Everything the register holds on one theme, across every source and year; "
                                   "--pdf and --xlsx write the thematic briefing (OFFICIAL-SENSITIVE).")
    p.add_argument("code", metavar="CODE", help="the theme's code or name, e.g. custody or 'Mental health'")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--pdf", metavar="FILE", help="write the thematic briefing PDF")
    p.add_argument("--xlsx", metavar="FILE", help="write the thematic briefing workbook")
    p.add_argument("--groups", type=int, default=10, help="repeated concerns to list in the text (default 10)")
    p.set_defaults(func=run)


def _date(d) -> str:
    return f"{d:%d %b %Y}" if d else "undated"


def as_dict(page: ThemePage) -> dict:
    def num(s):
        return {"key": s.key, "label": s.label, "count": s.count}
    r = page.repeated
    return {
        "theme": {"code": page.theme.code, "name": page.theme.name}, "on": page.on.isoformat(),
        "findings": [num(s) for s in page.numbers], "actions": [num(s) for s in page.action_numbers],
        "timeline": [{"year": int(bar.label), "by_source": {s.label: s.count for s in bar.segments},
                      "documents": d.total} for bar, d in zip(page.timeline.findings, page.timeline.documents,
                                                              strict=True)],
        "repeated_concerns": {
            "findings": r.findings, "grouped": r.grouped, "threshold": r.threshold,
            "grouped_since": r.grouped_since.isoformat() if r.grouped_since else None,
            "groups": [{"title": g.title, "summary": g.summary, "times": g.size, "documents": g.documents,
                        "first": g.first.isoformat() if g.first else None,
                        "last": g.last.isoformat() if g.last else None,
                        "by": [k.value for k in g.kinds], "open": g.open.count, "actions": g.actions.count,
                        "delivered": g.delivered.count, "outcome_evidenced": g.evidenced.count,
                        "raised": [{"id": m.id, "reference": m.label, "source": m.kind.value, "body": m.body,
                                    "on": m.opened.isoformat() if m.opened else None, "status": m.status.value,
                                    "actions": m.actions, "delivered": m.delivered,
                                    "outcome_evidenced": m.outcome_evidenced} for m in g.members]}
                       for g in r.groups]},
        "learning_embedded": [{"action_id": e.action_id, "action": e.action, "answers": e.finding,
                               "on": e.on.isoformat() if e.on else None, "note": e.note, "evidence": e.evidence}
                              for e in page.embedded],
    }


def as_text(page: ThemePage, groups: int) -> str:
    out = [f"{page.theme.name} ({page.theme.code}) — theme page on {page.on:%A %d %B %Y}"]
    if page.is_empty:
        out.append("No finding carries this theme yet: tag findings with it (Ctrl+Shift+T suggests themes).")
        return "\n".join(out)
    out.append("Findings: " + "; ".join(f"{s.label.lower()} {s.count:,}" for s in page.numbers))
    out.append("Actions: " + "; ".join(f"{s.label[0].lower() + s.label[1:]} {s.count:,}"
                                       for s in page.action_numbers))
    t = page.timeline
    out.append("\nTimeline (findings by the year raised, and source):")
    out.append("  year  " + "  ".join(f"{k.label[:12]:>12}" for k in t.kinds) + "    all  documents")
    for bar, docs in zip(t.findings, t.documents, strict=True):
        out.append(f"  {bar.label}  " + "  ".join(f"{s.count:>12,}" for s in bar.segments)
                   + f"  {bar.total:>5,}  {docs.total:>9,}")
    r = page.repeated
    scope = f" ({r.scope})" if r.scope else ""
    out.append(f"\nRepeated concerns: {len(r.groups):,}{scope}")
    for n, g in enumerate(r.groups[:groups], 1):
        out.append(f"  {n}. {g.summary}: {g.title}")
        out.append(f"     {g.documents:,} documents, {g.open.count:,} still open; {g.delivered.count:,} of "
                   f"{g.actions.count:,} actions delivered; outcome evidenced for {g.evidenced.count:,}")
        for m in g.members[:6]:
            out.append(f"     - {_date(m.opened)}  {m.kind.label}: {m.label} ({m.status.label}) — {m.done_words()}")
        if g.size > 6:
            out.append(f"     … and {g.size - 6:,} more")
    if len(r.groups) > groups:
        out.append(f"  … and {len(r.groups) - groups:,} more (--groups N lists more)")
    out.append("\nLearning embedded (latest outcomes evidenced):")
    out.extend(f"  {_date(e.on)}  {e.finding}: {e.action} — {e.note}" for e in page.embedded)
    if not page.embedded:
        out.append("  none recorded yet")
    return "\n".join(out)


def run(args, ctx) -> int:
    from ol_desk.core.theme_page.page import theme_page
    with ctx.db().reading() as session:
        page = theme_page(session, args.code)
    if args.xlsx:
        from ol_desk.core.excel.theme_briefing.briefing_workbook import write_theme_briefing
        write_theme_briefing(page, args.xlsx, exported_by=ctx.actor.name)
        print(f"Wrote {args.xlsx} (OFFICIAL-SENSITIVE).")
    if args.pdf:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # charts need Qt, not a screen
        from PySide6.QtWidgets import QApplication

        from ol_desk.gui.report.theme_briefing import write_theme_briefing_pdf
        app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive while drawing
        pages = write_theme_briefing_pdf(page, args.pdf)
        print(f"Wrote {args.pdf}: {pages} pages (OFFICIAL-SENSITIVE).")
    if args.json:
        print(json.dumps(as_dict(page), indent=2))
    elif not (args.pdf or args.xlsx):
        print(as_text(page, args.groups))
    return 0
