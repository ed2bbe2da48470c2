"""The theme page panel (Ctrl+8) and its charts."""
