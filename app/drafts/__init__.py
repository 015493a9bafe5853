"""Drafts: facts + template + language -> a Draft (:mod:`app.drafts.blocks`), the one
form that both the Word export and the preview are made from, so that what the user sees
is what Word gets; :mod:`app.drafts.render` makes them.

The package imports nothing itself: the window's first paint imports the blocks (what a
draft is) without loading the renderer (Jinja2, Babel, markdown-it).
"""
