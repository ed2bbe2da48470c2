"""Editors for source documents, recommendations and actions: non-modal windows, one per item.

    open_editor(ctx, Entity.RECOMMENDATION, 42, parent)   # opens it, or raises the window already open
    open_editor(ctx, Entity.ACTION, None, parent)          # a new, unsaved item of that kind
    new_document(ctx, parent)
    new_recommendation(ctx, document_id, parent)           # document_id None: the editor asks for it
    new_action(ctx, recommendation_id, parent)             # recommendation_id None: link it later
    undo_stack(ctx).make_actions(window, lambda: ctx.actor)  # Undo/Redo QActions for menus (Ctrl+Z/Ctrl+Shift+Z)

Each returns the editor window. All database work goes through ctx.ops; editors refresh themselves when
`ops.changed` touches their item.
"""
from __future__ import annotations

from ol_desk.core.model.enums import Entity

from .undo_stack import UndoStack, undo_stack

# Open windows by (kind, id, who): one per item (a change of identity opens a fresh one with the new role).
_OPEN: dict[tuple, object] = {}


def _editor_class(entity: Entity):
    from .action_editor import ActionEditor
    from .document_editor import DocumentEditor
    from .recommendation_editor import RecommendationEditor
    return {Entity.DOCUMENT: DocumentEditor, Entity.RECOMMENDATION: RecommendationEditor,
            Entity.ACTION: ActionEditor}[Entity(entity)]


def _track(editor) -> None:
    def saved(item_id: int) -> None:
        key = (editor.entity, item_id, editor.ctx.actor)
        if _OPEN.get(key) is not editor:
            _OPEN[key] = editor

    def closed(_key) -> None:
        for key in [k for k, v in _OPEN.items() if v is editor]:
            del _OPEN[key]

    editor.item_saved.connect(saved)
    editor.closed.connect(closed)
    if editor.item_id is not None:
        _OPEN[(editor.entity, editor.item_id, editor.ctx.actor)] = editor


def _show(editor):
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


def open_editor(ctx, entity: Entity, item_id: int | None, parent=None):
    """Open the editor of one item (raising it if it is open already); item_id None opens a new, unsaved one."""
    entity = Entity(entity)
    if item_id is None:
        return {Entity.DOCUMENT: lambda: new_document(ctx, parent),
                Entity.RECOMMENDATION: lambda: new_recommendation(ctx, None, parent),
                Entity.ACTION: lambda: new_action(ctx, None, parent)}[entity]()
    key = (entity, item_id, ctx.actor)
    existing = _OPEN.get(key)
    if existing is not None:
        try:
            return _show(existing)
        except RuntimeError:  # its window was destroyed without a close event
            _OPEN.pop(key, None)
    editor = _editor_class(entity)(_navigating(ctx), item_id, parent)
    _track(editor)
    return _show(editor)


def open_editors() -> list:
    return list(_OPEN.values())


def new_document(ctx, parent=None):
    editor = _editor_class(Entity.DOCUMENT)(_navigating(ctx), None, parent)
    _track(editor)
    return _show(editor)


def new_recommendation(ctx, document_id: int | None, parent=None):
    """A new recommendation in this document (None: the editor asks which document it belongs to)."""
    from .recommendation_editor import RecommendationEditor
    editor = RecommendationEditor(_navigating(ctx), None, parent, document_id=document_id)
    _track(editor)
    return _show(editor)


def new_action(ctx, recommendation_id: int | None, parent=None):
    from .action_editor import ActionEditor
    ids = () if recommendation_id is None else (recommendation_id,)
    editor = ActionEditor(_navigating(ctx), None, parent, recommendation_ids=ids)
    _track(editor)
    return _show(editor)


def _navigating(ctx):
    """A context whose open_item opens editors when the main window has not wired navigation (tests, tools)."""
    from dataclasses import replace

    from ol_desk.gui.app_context import _nowhere
    if ctx.open_item is _nowhere:
        return replace(ctx, open_item=lambda entity, item_id: open_editor(ctx, entity, item_id))
    return ctx


__all__ = ["UndoStack", "new_action", "new_document", "new_recommendation", "open_editor", "open_editors",
           "undo_stack"]
