"""What the item editors read and write, without Qt: the save use-cases (saving), the editor snapshots and link
finders (snapshots), and an item's history in words (history_text). Each runs on the worker thread via ops.
"""
