"""Change one value of a YAML file in place, keeping its comments and layout.

The migrations write a learner's values into configs/default.yaml, a file full of
comments that explain each key. A YAML library would drop them (PyYAML) or is not
installed where Copier runs (ruamel.yaml), so this module edits lines: it finds a key
by its indentation, as a reader does, and rewrites its value as JSON, which is valid
YAML. It understands block mappings (`key:` then indented keys), inline values, block
lists under a key, and comments; anything fancier (anchors, multi-line strings, keys
with dots or quotes) is left alone with a YAMLEditError that names the key.
Each edit is checked by reading the result back with PyYAML.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

# `key: value  # comment`, or `key:` alone; quoted keys are beyond this module.
KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<key>[A-Za-z_][\w-]*):(?:[ \t]+|$)(?P<rest>.*)"
)


class YAMLEditError(Exception):
    """The file's layout is beyond what this module edits; the message says where."""


@dataclass
class Node:
    """A `key:` line and the lines that belong to it (its block), by index."""

    key: str
    indent: int
    line: int
    end: int  # one past the last line of its block (its value and children)
    inline: str  # the value on the key's own line, comment removed ("" for a block)


def flow(value: Any) -> str:
    """`value` written on one line: JSON, which YAML reads back as the same value."""
    return json.dumps(value, ensure_ascii=False)


def content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def inline_value(rest: str) -> str:
    """The value after `key:`, its trailing comment removed (quotes respected)."""
    quote = None
    for index, char in enumerate(rest):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or rest[index - 1] in " \t"):
            return rest[:index].rstrip()
    return rest.rstrip()


def children(lines: list[str], start: int, end: int, indent: int) -> list[Node]:
    """The `key:` lines directly inside lines[start:end], deeper than `indent`."""
    nodes: list[Node] = []
    child_indent = None
    for index in range(start, end):
        line = lines[index]
        if not content(line):
            continue
        match = KEY_LINE.match(line)
        width = len(line) - len(line.lstrip(" "))
        if width <= indent and not (width == indent and line.lstrip().startswith("-")):
            break
        if match is None:
            continue
        if child_indent is None:
            child_indent = width
        if width == child_indent:
            value = inline_value(match["rest"])
            nodes.append(Node(match["key"], width, index, end, value))
    for node, following in zip(nodes, nodes[1:], strict=False):
        node.end = following.line
    for node in nodes:
        node.end = block_end(lines, node)
    return nodes


def block_end(lines: list[str], node: Node) -> int:
    """One past the last content line of `node`'s block (trailing comments excluded)."""
    last = node.line
    for index in range(node.line + 1, node.end):
        line = lines[index]
        if not content(line):
            continue
        width = len(line) - len(line.lstrip(" "))
        if width > node.indent or (
            width == node.indent and line.lstrip().startswith("- ")
        ):
            last = index
        else:
            break
    return last + 1


def find(lines: list[str], path: list[str]) -> tuple[list[Node], list[str]]:
    """The nodes along `path` that exist, and the keys of `path` left unfound."""
    found: list[Node] = []
    start, end, indent = 0, len(lines), -1
    for depth, key in enumerate(path):
        node = next(
            (n for n in children(lines, start, end, indent) if n.key == key), None
        )
        if node is None:
            return found, path[depth:]
        found.append(node)
        if node.inline:
            return found, path[depth + 1 :]
        start, end, indent = node.line + 1, node.end, node.indent
    return found, []


def get(data: Any, path: list[str]) -> Any:
    for key in path:
        data = data[key]
    return data


def nest(path: list[str], value: Any) -> Any:
    for key in reversed(path):
        value = {key: value}
    return value


def set_value(text: str, path: list[str], value: Any, where: str = "") -> str:
    """`text` with the value at `path` set to `value`, as one line of JSON.

    A key that exists gets its value replaced (a block under it goes); a missing key
    is added at the end of its parent's block; a key inside an inline value (`C: {low:
    1}`) replaces that inline value whole.
    """
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    found, missing = find(lines, path)
    label = f"{where}: {'.'.join(path)}" if where else ".".join(path)
    if not found:
        raise YAMLEditError(f"{label}: no section {path[0]!r} to put it in")
    node = found[-1]
    if not missing or node.inline:
        # Replace the node's value: the whole inline value, or its block.
        depth = len(found)
        new_value = nest(missing, value) if node.inline and missing else value
        if node.inline and missing:
            try:
                old = get(yaml.safe_load(text), path[:depth])
            except (KeyError, TypeError, yaml.YAMLError):
                old = None
            if isinstance(old, dict):
                new_value = {**old, **merge_into(old, missing, value)}
        match = KEY_LINE.match(lines[node.line].rstrip("\n"))
        assert match is not None
        comment = match["rest"][len(inline_value(match["rest"])) :].rstrip()
        head = f"{' ' * node.indent}{node.key}: {flow(new_value)}{comment}\n"
        lines[node.line : node.end] = [head]
    else:
        indent = node.indent + 2
        inner = children(lines, node.line + 1, node.end, node.indent)
        if inner:
            indent = inner[0].indent
        line = f"{' ' * indent}{missing[0]}: {flow(nest(missing[1:], value))}\n"
        lines.insert(node.end, line)
    result = "".join(lines)
    check(result, path, value, label)
    return result


def merge_into(old: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    """`old` (a mapping) with `value` set at `path` below it."""
    key, rest = path[0], path[1:]
    if not rest:
        return {key: value}
    below = old.get(key)
    below = below if isinstance(below, dict) else {}
    return {key: {**below, **merge_into(below, rest, value)}}


def delete(text: str, path: list[str], where: str = "") -> str:
    """`text` without the key at `path` and its block; unchanged when it is absent."""
    lines = text.splitlines(keepends=True)
    found, missing = find(lines, path)
    if missing:
        return text
    node = found[-1]
    # Comment lines right above the key describe it: they go with it.
    start = node.line
    while start > 0 and lines[start - 1].strip().startswith("#"):
        width = len(lines[start - 1]) - len(lines[start - 1].lstrip(" "))
        if width != node.indent:
            break
        start -= 1
    del lines[start : node.end]
    result = "".join(lines)
    label = f"{where}: {'.'.join(path)}" if where else ".".join(path)
    try:
        data = yaml.safe_load(result)
        get(data, path)
    except (KeyError, TypeError):
        return result
    except yaml.YAMLError as error:
        raise YAMLEditError(
            f"{label}: removing it would break the file: {error}"
        ) from None
    raise YAMLEditError(f"{label}: still there after removing it")


def check(text: str, path: list[str], value: Any, label: str) -> None:
    try:
        data = yaml.safe_load(text)
        written = get(data, path)
    except yaml.YAMLError as error:
        reason = f"the edit would break the file: {error}"
        raise YAMLEditError(f"{label}: {reason}") from None
    except (KeyError, TypeError):
        raise YAMLEditError(f"{label}: could not be written in place") from None
    if written != value:
        raise YAMLEditError(f"{label}: reads back as {written!r}, not {value!r}")
