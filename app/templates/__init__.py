"""The template library: finding templates, reading their front matter, and the one
sandboxed Jinja environment every draft is rendered in."""
