"""Data shipped with contentkit: strategies, caption and message templates, testimonial layouts.

Read with `importlib.resources.files("contentkit.templates")`.
"""
