"""The one error type the command line turns into a clear, one-line message."""


class ProjectError(Exception):
    """A problem the learner can fix: the message says what is wrong and what to do."""
