"""The map editor's model (no pygame): a round-trip YAML document, edits with undo and redo, checks, saving."""
