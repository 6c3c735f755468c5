"""The generated blocks of a document: the lines between a start and an end marker.

`report` rewrites only what lies between the markers; everything around them is
yours. Each marker must stand on a line of its own, so prose that mentions one is
left alone.
"""

import re


def block_pattern(start: str, end: str) -> re.Pattern[str]:
    """A block from a line holding only `start` to the next line holding only `end`."""
    return re.compile(
        rf"^{re.escape(start)}[ \t]*$.*?^{re.escape(end)}[ \t]*$",
        flags=re.DOTALL | re.MULTILINE,
    )


def fenced(start: str, body: str, end: str) -> str:
    """A block's text. Empty lines around the body: kramdown (Jekyll) reads a table
    that follows an HTML comment line as plain text."""
    return f"{start}\n\n{body}\n\n{end}"
