"""Quotations and attribution."""
