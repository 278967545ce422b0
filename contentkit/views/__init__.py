"""Seeing the plan: the HTML calendar page and the weekly report.

- `calendar_page`: `calendar_html(ws, week=|month=|start=, end=)` and `write_calendar` (one self-contained page);
- `calendar_cards`: each post's flags (platform limits, UGC without a grant) and thumbnail;
- `card_flags`: a flag's short words in the page language, with the numbers ("7 tagar, maks. 5");
- `thumbnails`: workspace images as small embedded JPEGs, never read from outside the workspace;
- `report_data`: `build_report(ws, weeks=4, end=None)` -> `Report`, the figures as data;
- `report_chart`: the report as a PNG (Pillow, Lato); `report_files`: writing PNG or HTML;
- `page_style`: pillar colours, id/en words (templates/views/labels.toml) and the page CSS;
- `kit`: `build_kit(ws, out, day=|week=, zip=)`, the posting kit for the phone; `kit_page`: its index.html.
"""
