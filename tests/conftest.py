from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def example_de() -> Path:
    return EXAMPLES / "beispiel-de.txt"


@pytest.fixture
def example_en() -> Path:
    return EXAMPLES / "example-en.txt"
