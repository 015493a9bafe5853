"""One open incident as the user works on it, driven by the CLI and the GUI.

- ``incident_session``: :class:`IncidentSession`, one loaded incident with its drafts
  cached per version of the facts, its problems, approval, export and record;
- ``problems``: the one place that decides which problems block an export;
- ``drafts``: the cache that renders each draft once per version of the facts;
- ``selection``: which languages, documents and template set a call is about;
- ``library``: the one place the template library is opened and configured;
- ``record_view``: the statements issued, compared, and the timeline;
- ``recovery``: typed work that survives a crash; ``preferences``: what both fronts share.
"""
