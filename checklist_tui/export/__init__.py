"""Renderers over the core: plain text, coverage, plan summaries. No business rules here."""
