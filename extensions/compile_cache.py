"""A Jinja extension that compiles each template source once, for every render.

Copier compiles every part of every path in the template, every question's help,
default and validator, and every file, through `Environment.compile`: about 240
different sources a render, a fifth of its own time (most of it the
larger files and the validators). Compiled code depends only on the source and on
how the environment parses it, so this extension keeps it:

- in memory, for the render (Copier compiles "src" and the answers file's name once
  per path otherwise);
- on disk, in Jinja's own bytecode cache (`FileSystemBytecodeCache`: a folder of the
  user's in the system's temporary folder, written atomically), so the next render
  of the same sources skips compiling: the learner's next project, and the two
  renders (old and new release) of every `copier update`. Jinja's cache checks each
  entry against its source's checksum and the Python version that wrote it; the key
  below adds the Jinja version and every setting of the environment that shapes the
  compiled code. See benchmarks/run.py for what it saves.
"""

from __future__ import annotations

import contextlib
import functools
import types
from typing import Any

import jinja2
from jinja2 import Environment
from jinja2.bccache import FileSystemBytecodeCache
from jinja2.ext import Extension

# Copier's `{% yield %}` tag records what it loops over while its source is parsed,
# so a source that may hold it is compiled every time.
ALWAYS_COMPILED = "yield"


def parsing_settings(environment: Environment) -> str:
    """What, besides the source, decides the code Jinja compiles it to."""
    settings = [
        jinja2.__version__,
        type(environment).__qualname__,
        # Their classes: a template's own extensions load under a module name that
        # holds the folder of each render's clone.
        *sorted(
            type(extension).__qualname__
            for extension in environment.extensions.values()
        ),
        *(
            repr(getattr(environment, name))
            for name in (
                "block_start_string",
                "block_end_string",
                "variable_start_string",
                "variable_end_string",
                "comment_start_string",
                "comment_end_string",
                "line_statement_prefix",
                "line_comment_prefix",
                "trim_blocks",
                "lstrip_blocks",
                "newline_sequence",
                "keep_trailing_newline",
                "optimized",
                "is_async",
            )
        ),
        # Only whether they are set shapes the code, not what they are.
        str(environment.finalize is not None),
        str(callable(environment.autoescape) or environment.autoescape),
    ]
    return "\n".join(settings)


def with_filename(code: types.CodeType, filename: str) -> types.CodeType:
    """`code` as if compiled from `filename`: tracebacks name this render's file,
    not the temporary clone of the render that wrote the cache."""
    constants = tuple(
        with_filename(constant, filename)
        if isinstance(constant, types.CodeType)
        else constant
        for constant in code.co_consts
    )
    return code.replace(co_filename=filename, co_consts=constants)


class CompileCache(Extension):
    """Wraps the environment's `compile` so that a source compiled before, in this
    render or an earlier one, is not compiled again."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        compile_source = environment.compile
        compiled: dict[tuple[Any, ...], Any] = {}

        @functools.cache
        def disk_cache() -> tuple[FileSystemBytecodeCache | None, str]:
            """Jinja's cache (None where it has no safe folder) and what the code
            depends on. Asked at the first compile: the environment is still loading
            its extensions when this one is made."""
            try:
                cache = FileSystemBytecodeCache()
            except (OSError, RuntimeError):
                cache = None
            return cache, parsing_settings(environment)

        def from_disk(source: str, name: str | None, defer_init: bool) -> Any:
            """The code for `source` from Jinja's bytecode cache, compiled and
            stored there first if it is not in it yet."""
            cache, settings = disk_cache()
            if cache is None:
                return compile_source(source, name, None, False, defer_init)
            # Jinja keeps one entry a key (and checks it against the source): the
            # sources without a name (paths, questions) need the source in theirs.
            key = f"{settings}\n{name}\n{defer_init}\n{source}"
            try:
                bucket = cache.get_bucket(environment, key, None, source)
            except OSError:  # an unreadable entry: compile as Copier would
                return compile_source(source, name, None, False, defer_init)
            if bucket.code is None:
                bucket.code = compile_source(source, name, None, False, defer_init)
                # A full or read-only disk only costs the next render the time.
                with contextlib.suppress(OSError):
                    cache.set_bucket(bucket)
            return bucket.code

        def compile_once(
            source: str,
            name: str | None = None,
            filename: str | None = None,
            raw: bool = False,
            defer_init: bool = False,
        ) -> Any:
            if raw or ALWAYS_COMPILED in source:
                return compile_source(source, name, filename, raw, defer_init)
            key = (source, name, filename, defer_init)
            if key not in compiled:
                code = from_disk(source, name, defer_init)
                if filename is not None:
                    code = with_filename(code, filename)
                compiled[key] = code
            # Compiling runs each extension's preprocess step, where extensions reset
            # what they record per source (Copier's yield tag does): keep that
            # behaviour for remembered sources too.
            environment.preprocess(source, name, filename)
            return compiled[key]

        environment.compile = compile_once  # type: ignore[method-assign]
