"""Alembic migrations of the store; they ship inside the package and run by `Store.migrate()`."""
