from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "adapters"))  # the fake Slack
sys.path.insert(0, str(HERE.parent / "integration"))  # its digest extension (conversations.history)
