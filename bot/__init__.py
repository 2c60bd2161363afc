"""Briefing bot: offline briefings of German and English news articles."""

ENGINE_VERSION = "0.1.0"
