"""`ol-desk learning`: capture from a shell, see the queue, triage by converting with actions; refusals are one line."""
from __future__ import annotations

from sqlalchemy import select

from ol_desk.cli.main import main
from ol_desk.core.model import LearningEntry, Recommendation
from ol_desk.core.model.enums import TriageOutcome


def test_capture_queue_and_convert_with_actions(db, cli_db, capsys):
    assert main([*cli_db("Gold Lead", "gold_lead"), "learning", "capture",
                 "Operation Kestrel", "The handover missed the warning marker.", "--date", "2025-05-20",
                 "--hub", "MD"]) == 0
    assert "waits for CPIC triage" in capsys.readouterr().out
    assert main([*cli_db(), "learning", "queue"]) == 0
    listing = capsys.readouterr().out
    assert "Operation Kestrel" in listing and "Met Detention" in listing
    with db.reading() as s:
        entry_id = s.scalar(select(LearningEntry.id))
    assert main([*cli_db(role="gold_lead"), "learning", "triage", str(entry_id), "--convert"]) == 2
    assert "Only CPIC learning team can triage" in capsys.readouterr().err
    assert main([*cli_db(), "learning", "triage", str(entry_id), "--convert", "--action",
                 "Add the marker to the handover checklist", "--target", "2025-09-30"]) == 0
    with db.reading() as s:
        entry = s.get(LearningEntry, entry_id)
        rec = s.get(Recommendation, entry.recommendation_id)
        assert entry.triage_outcome == TriageOutcome.CONVERTED
        assert [a.title for a in rec.actions] == ["Add the marker to the handover checklist"]
        assert str(rec.current_target_date) == "2025-09-30"
