"""Tamper evidence: the audit chain's head kept outside the database (anchors, the witness file), proving today's
log extends an anchor unchanged, and the evidence store re-hashed."""
