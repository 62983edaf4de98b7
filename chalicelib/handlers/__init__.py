"""Thin Chalice blueprints, one per area: parse, authorise, call one service, answer (app.py registers them)."""
