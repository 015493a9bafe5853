"""The desktop app (PySide6). It shows and edits what the lower layers provide:
facts are validated, rendered and exported by ``app.facts``, ``app.drafts`` and
``app.export``, never here.

The window paints first and loads the rest after (:mod:`app.gui.launcher`). A Qt class
imported at a module's top is built at import with every enum it has (QStyle's pixel
metrics, QKeySequence's standard keys...), which costs as much as a module of our own: a
class the first paint does not show is imported inside the function that uses it, or
only for type checking."""
