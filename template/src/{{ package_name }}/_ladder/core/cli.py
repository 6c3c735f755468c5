"""The command line: `python -m <package> [--root DIR] COMMAND [options]`.

Each rung lists its commands in its `commands.py`, and a higher rung's command
replaces a lower one's of the same name, so `train` grows with the tier; a kind's
own rungs (`kinds/<kind>/advanced/`, ...) climb after the shared ones. Commands that
`reads_config` read configs/default.yaml too, with `--config FILE` and
`--section.key value` overrides (settings.py). A ProjectError becomes a one-line
message and exit code 1, never a traceback.

Commands joined by `then` run in one process (`train then evaluate` imports
scikit-learn once), each parsed before the first runs, so a typo stops the chain
before any training. A distributed training (DDP) runs its command again in each
process: give it alone, and `evaluate` after it.
"""

import argparse
import importlib
import importlib.util
import pkgutil
import sys
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonargparse import ArgumentParser

from .artifacts import VersionChangeWarning
from .errors import ProjectError
from .paths import Paths
from .settings import AddSection, Settings, build_parser, parse_settings

# Joins commands that run in one process: `train then evaluate`.
THEN = "then"
# The rungs in climbing order; a tier's project holds the folders up to its own.
RUNGS = ("core", "beginner", "intermediate", "advanced")
LADDER = __package__.rsplit(".", 1)[0]
PACKAGE = LADDER.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Command:
    """One command: what it does, the config it reads, and its own options."""

    name: str
    help: str
    run: Callable[[Paths, Settings], None]
    # Whether it reads configs/default.yaml. Only the commands that do import your
    # modules to build the sections: `report` and `compare` start in a blink.
    reads_config: bool = False
    # Passed to the sections' list, e.g. the advanced train's `lightning=True`: only
    # the commands that build a Trainer import Lightning (seconds) to read `trainer:`.
    section_options: Mapping[str, Any] = field(default_factory=dict)
    # Options of this command alone, e.g. the CSV that `predict` reads.
    add_options: Callable[[ArgumentParser], None] | None = None
    # Printed when the command is stopped with Ctrl-C.
    on_interrupt: str = "stopped"


def is_present(module: str) -> bool:
    return importlib.util.find_spec(f"{LADDER}.{module}") is not None


def present_rungs() -> list[str]:
    """The rungs this project has, climbing, each shared one followed by its kind's
    own (`kinds.text.intermediate`, ...) where it has one."""
    kinds = importlib.import_module(f"{LADDER}.kinds")
    names = [m.name for m in pkgutil.iter_modules(kinds.__path__) if m.ispkg]
    climbing = [[rung, *(f"kinds.{kind}.{rung}" for kind in names)] for rung in RUNGS]
    return [rung for rungs in climbing for rung in rungs if is_present(rung)]


def available_commands() -> dict[str, Command]:
    """Every command of the present rungs; a higher rung's wins a shared name."""
    commands: dict[str, Command] = {}
    for rung in [r for r in present_rungs() if is_present(f"{r}.commands")]:
        module = importlib.import_module(f"{LADDER}.{rung}.commands")
        commands.update((command.name, command) for command in module.COMMANDS)
    return commands


def config_sections(**options: Any) -> Mapping[str, AddSection]:
    """Every section of configs/default.yaml: the highest rung's list holds them all."""
    listing = [rung for rung in present_rungs() if is_present(f"{rung}.sections")]
    module = importlib.import_module(f"{LADDER}.{listing[-1]}.sections")
    return module.sections(**options)


def command_parser(paths: Paths, command: Command) -> ArgumentParser:
    parser = build_parser(
        paths,
        config_sections(**command.section_options) if command.reads_config else {},
        prog=f"python -m {PACKAGE} {command.name}",
        description=command.help,
    )
    if command.add_options:
        command.add_options(parser)
    return parser


def command_line(
    commands: Mapping[str, Command], first: bool
) -> argparse.ArgumentParser:
    """`[--root DIR] COMMAND [options]`; those after `then` share the first's --root."""
    listing = "\n".join(f"  {name:<10} {c.help}" for name, c in commands.items())
    parser = argparse.ArgumentParser(
        prog=f"python -m {PACKAGE}" + ("" if first else f" ... {THEN}"),
        description=f"commands:\n{listing}\n\n`COMMAND --help` lists its options; "
        f"`train then evaluate` runs both in one process.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if first:
        parser.add_argument(
            "--root",
            type=Path,
            default=Path(),
            help="project folder (default: current)",
        )
    parser.add_argument("command", choices=commands, metavar="COMMAND")
    parser.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def split_chain(argv: list[str]) -> list[list[str]]:
    """`train --x 1 then evaluate` -> [["train", "--x", "1"], ["evaluate"]]."""
    chain: list[list[str]] = [[]]
    for arg in argv:
        if arg == THEN:
            chain.append([])
        else:
            chain[-1].append(arg)
    return chain


FORMAT_WARNING = warnings.formatwarning


def format_warning(message, category, *args, **kwargs) -> str:
    """Python's format for every warning but a VersionChangeWarning: one line."""
    if issubclass(category, VersionChangeWarning):
        return f"warning: {message}\n"
    return FORMAT_WARNING(message, category, *args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    commands = available_commands()
    first, *rest = split_chain(sys.argv[1:] if argv is None else argv)
    args = command_line(commands, first=True).parse_args(first)
    then = command_line(commands, first=False)
    steps = [args, *(then.parse_args(step) for step in rest)]
    paths = Paths(args.root)
    warnings.formatwarning = format_warning
    command = commands[args.command]
    try:
        chain = []
        for step in steps:
            command = commands[step.command]
            parser = command_parser(paths, command)
            chain.append((command, parse_settings(parser, step.args)))
        for command, settings in chain:
            command.run(paths, settings)
    except ProjectError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(command.on_interrupt, file=sys.stderr)
        return 130
    return 0
