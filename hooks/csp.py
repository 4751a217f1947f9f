"""Placeholder: filled by the calculators work."""
