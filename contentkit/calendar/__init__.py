"""Content calendar: strategies, the weekly planner, platform rules, exports."""
