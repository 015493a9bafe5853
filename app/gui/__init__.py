"""The desktop app (PySide6). It shows and edits what the lower layers provide:
facts are validated, rendered and exported by ``app.facts``, ``app.drafts`` and
``app.export``, never here."""
