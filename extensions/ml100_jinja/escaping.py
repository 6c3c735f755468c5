"""Answers written into generated files: each filter quotes or escapes free text for
one language (TOML, YAML, Python, JSON, Markdown), so a title like
`Dogs "vs" Cats: {{ it's }}` lands in every file exactly as typed.
"""

from __future__ import annotations

import json
import re
import unicodedata


def _escape_controls(text: str) -> str:
    """\\uXXXX for control characters, which TOML strings may not hold raw."""
    return "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) == "Cc" else char
        for char in text
    )


def toml_str(text: str) -> str:
    """A TOML basic string holding `text` exactly."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{_escape_controls(escaped)}"'


def _yaml_escape(char: str) -> str:
    """`char` itself when YAML may hold it raw, else its \\u or \\U escape."""
    code = ord(char)
    printable = (  # YAML's printable set (YAML 1.1, 5.1), without control characters
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )
    # U+2028 and U+2029 are line breaks to YAML: raw, they would fold into a space.
    if printable and char not in "\u2028\u2029":
        return char
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar holding `text` exactly (front matter included)."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(map(_yaml_escape, escaped)) + '"'


def py_str(text: str) -> str:
    """A Python string literal for `text`, quoted the way `ruff format` keeps it."""
    text = str(text)
    quote = "'" if text.count('"') > text.count("'") else '"'
    escaped = text.replace("\\", "\\\\").replace(quote, "\\" + quote)
    escaped = "".join(
        repr(char)[1:-1] if unicodedata.category(char) == "Cc" else char
        for char in escaped
    )
    return f"{quote}{escaped}{quote}"


def json_str(text: str) -> str:
    """A JSON string literal for `text`."""
    return json.dumps(str(text), ensure_ascii=False)


# Markdown's syntax characters, plus & (entities) and % (with {, Liquid's `{%`, which
# Jekyll and DEV run on a post's body).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&%])")


def md_text(text: str) -> str:
    """`text` as literal Markdown on one line: HTML and Markdown show as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def md_code(text: str, table: bool = False) -> str:
    """`text` as a Markdown code span, backticks inside included; `table` escapes |."""
    text = " ".join(str(text).splitlines())
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    # CommonMark strips one space from each end of a span; add them where needed.
    if text.startswith(("`", " ")) or text.endswith(("`", " ")):
        text = f" {text} "
    span = f"{fence}{text}{fence}"
    return span.replace("|", "\\|") if table else span


def line_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide East Asian characters and emoji take 2.

    The way ruff measures line length, near enough to decide on a `# noqa: E501`.
    """
    width = 0
    for char in str(text):
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue  # combining marks and joiners take no column of their own
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width
