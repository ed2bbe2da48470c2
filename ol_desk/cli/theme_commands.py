"""`ol-desk themes suggest`: theme suggestions for untagged findings (or one report's), and `--accept` to tag them
in one audited, undoable change; themes the findings may need that the force has not made yet are listed."""
from __future__ import annotations

import argparse

from .context import CliContext
from .progress import ProgressBar


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("themes", help="suggest themes for findings from their words (and accept them)",
                       description="Theme suggestions come from each theme's words and synonyms (edit them in "
                                   "Hubs & people) and, with --similar, the themes of similar tagged findings.")
    tsub = p.add_subparsers(dest="themes_command", metavar="ACTION", required=True)
    s = tsub.add_parser("suggest", help="list suggested themes for findings that have none (or one report's)")
    s.add_argument("--document", metavar="REF", help="the findings of this report (its reference), tagged or not")
    s.add_argument("--limit", type=int, default=1000, help="at most this many findings (default 1,000)")
    s.add_argument("--similar", action="store_true",
                   help="also use the themes of similar tagged findings (the search index; slower)")
    s.add_argument("--accept", action="store_true", help="tag each finding with its suggested themes")
    s.add_argument("--json", action="store_true", help="print JSON instead of text")
    s.set_defaults(func=cmd_suggest)


def _chosen(session, args) -> list[int]:
    from sqlalchemy import exists, select

    from ol_desk.core.errors import ValidationError
    from ol_desk.core.model import Recommendation, RecommendationTheme, SourceDocument
    q = select(Recommendation.id).order_by(Recommendation.id).limit(args.limit)
    if args.document:
        doc = session.scalar(select(SourceDocument.id).where(SourceDocument.reference == args.document))
        if doc is None:
            raise ValidationError(f"There is no report with the reference '{args.document}'.")
        return list(session.scalars(q.where(Recommendation.document_id == doc)))
    tagged = exists().where(RecommendationTheme.recommendation_id == Recommendation.id)
    return list(session.scalars(q.where(~tagged)))


def cmd_suggest(args, ctx: CliContext) -> int:
    from ol_desk.core.errors import ValidationError
    from ol_desk.core.model.enums import Entity
    from ol_desk.core.services.bulk_edit import BulkEdit, bulk_edit
    from ol_desk.core.themes.suggestion_report import suggestion_report
    if args.limit < 1:
        raise ValidationError("--limit must be at least 1.")
    index = None
    if args.similar:
        from .search_commands import _index
        index = _index(ctx)
    try:
        with ctx.db().reading() as session:
            report = suggestion_report(session, index, _chosen(session, args),
                                       progress=ProgressBar("Suggesting themes"))
    finally:
        if index is not None:
            index.close()
    ticked = {f.id: tuple(s.theme_id for s in f.suggestions) for f in report.findings if f.suggestions}
    result = None
    if args.accept and ticked:
        with ctx.db().transaction() as session:
            _changes, result = bulk_edit(session, ctx.actor, Entity.RECOMMENDATION, list(ticked),
                                         BulkEdit("accept_themes", themes_by_row=ticked))
    if args.json:
        ctx.print_json({"findings": [{"id": f.id, "label": f.label, "suggestions": [
            {"theme": s.name, "why": s.why} for s in f.suggestions]} for f in report.findings],
            "new_themes": [{"code": t.code, "name": t.name, "findings": len(t.ids)} for t in report.new_themes],
            "accepted": len(result.changed) if result else 0})
        return 0
    if not report.findings:
        print("No findings to suggest themes for" + (" in that report." if args.document else
                                                     ": every finding has a theme."))
        return 0
    for f in report.findings:
        if f.suggestions:
            print(f"{f.label[:100]}\n    " + "; ".join(str(s) for s in f.suggestions))
    print(report.summary())
    for t in report.new_themes:
        print(f"A theme you do not have yet would suit these findings: {t.line()} — add it in the register's "
              f"Suggest themes (Ctrl+Shift+T) or in Hubs & people.")
    if result is not None:
        print(result.summary() + (" Refused: " + "; ".join(f"{r.label}: {r.reason}" for r in result.refused)
                                  if result.refused else ""))
    elif ticked:
        print("Nothing was written; --accept tags each finding with its suggestions.")
    return 0
