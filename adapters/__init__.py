"""Chat platform adapters: they translate platform events into commands and replies."""
