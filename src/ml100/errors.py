"""The one error the hub reports as a single line, naming its cause."""


class HubError(Exception):
    """Bad input or a broken project: the message is the whole story."""
