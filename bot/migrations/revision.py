"""`python -m bot.migrations.revision MESSAGE`: autogenerate a migration from bot/store_schema.py."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from bot.store import alembic_config


def main(argv: list[str]) -> int:
    message = " ".join(argv) or "change"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'scratch.db'}"
        config = alembic_config(url)
        command.upgrade(config, "head")
        command.revision(config, message=message, autogenerate=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
