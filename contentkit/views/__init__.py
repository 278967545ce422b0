"""Seeing the plan: the HTML calendar page and the weekly report."""
