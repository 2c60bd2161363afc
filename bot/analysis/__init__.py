"""The engine: from an Article to a Briefing."""
