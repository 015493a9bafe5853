"""The incident contract (``*.crisis.json``): typed facts (:mod:`app.facts.models`),
catalogue labels, loading (:mod:`app.facts.loading`).

Nothing is imported here: :mod:`app.facts.vocabulary` (the contract's keys, languages
and documents) stays free of pydantic, so the command line's ``--help`` and
``--version`` answer without loading the models.
"""
