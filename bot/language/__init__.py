"""Language layer: language id, tokens and sentences, tagging, lexicons."""
