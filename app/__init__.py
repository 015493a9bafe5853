"""CrisisDraft: the first hours of a crisis, written from one set of facts.

The package is layered one way: ``facts`` (the incident contract) feeds ``templates``
(the sandboxed Jinja library), which feeds ``drafts`` (rendered text as a small block
tree), which feeds ``export`` (Word documents). ``cli`` and, later, ``gui`` sit on top.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("crisisdraft")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
