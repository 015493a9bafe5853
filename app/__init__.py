"""CrisisDraft: the first hours of a crisis, written from one set of facts.

The package is layered one way: ``facts`` (the incident contract) feeds ``templates``
(the sandboxed Jinja library), which feeds ``drafts`` (rendered text as a small block
tree), which feeds ``export`` (Word documents) and ``record`` (approvals, issued
statements). ``cli`` and ``gui`` sit on top.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``app.__version__``, read from the installed metadata (the pyproject) when first
    asked for: importlib.metadata costs tens of milliseconds the app's start can keep."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("crisisdraft")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"
