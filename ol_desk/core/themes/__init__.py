"""Themes suggested from a finding's text: each theme's words and synonyms, and the themes of similar tagged items."""
