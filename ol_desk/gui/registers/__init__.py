"""Registers: SQL-backed lists of recommendations, actions, documents, learning entries, hubs and people."""
