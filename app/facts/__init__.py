"""The incident contract (``*.crisis.json``): typed facts, catalogue labels, loading."""

from app.facts.loading import load_incident, parse_incident
from app.facts.models import Incident

__all__ = ["Incident", "load_incident", "parse_incident"]
