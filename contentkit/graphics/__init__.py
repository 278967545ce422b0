"""Testimonial graphics: reviews, layouts, text fitting, rendering."""
