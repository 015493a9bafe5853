"""CrisisDraft: the first hours of a crisis, written from one set of facts.

The package is layered one way: ``facts`` (the incident contract) feeds ``templates``
(the sandboxed Jinja library), which feeds ``drafts`` (rendered text as a small block
tree), which feeds ``export`` (Word documents) and ``record`` (approvals, issued
statements). ``cli`` and ``gui`` sit on top.
"""

from __future__ import annotations

#: The one place the version is written: the build backend (hatchling) and the frozen
#: build's spec read it from here; ``crisisdraft --version`` prints it without loading
#: the installed metadata.
__version__ = "0.1.0"
