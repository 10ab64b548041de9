"""Renderers: Briefing -> Markdown, JSON, HTML. Pure functions of the briefing."""
