"""Search: the field in the tool bar and the results panel (hits with highlighted snippets and kind icons)."""
