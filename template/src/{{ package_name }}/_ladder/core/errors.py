"""The one error type the command line turns into a clear, one-line message."""


class ProjectError(Exception):
    """A problem the learner can fix: the message says what is wrong and what to do,
    on one line, even when it quotes a library's multi-line one."""

    def __init__(self, message: object) -> None:
        super().__init__(" ".join(str(message).split()))
