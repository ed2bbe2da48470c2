"""Chasers: per owner, an email draft (.eml) and a calendar file (.ics) listing their overdue, due-soon and stale
items; optionally sent through an SMTP relay. `run.run_chase` does it all; each chase is recorded by
`services.chases.record_chases` (audited, one transaction per run)."""
