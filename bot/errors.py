"""The one error type whose message is shown to users as written."""


class UserFacingError(Exception):
    """A problem the user can fix (bad input, unknown command); its message is safe to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
