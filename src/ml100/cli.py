"""The `ml100` command: one subcommand per module, each given the workspace.

A command's module is imported when it runs, so `ml100 status` loads neither Copier
nor matplotlib.
"""

import argparse
import os
import sys
from importlib import import_module
from pathlib import Path

from .errors import HubError
from .workspace import Workspace

# Each subcommand, and the module whose run(workspace, **options) does it.
MODULES = {
    "new": "new",
    "status": "status",
    "portfolio": "portfolio",
    "update-all": "update",
    "site": "site",
}


def answer(text: str) -> tuple[str, str]:
    question, equals, value = text.partition("=")
    if not equals or not question:
        raise argparse.ArgumentTypeError(f"expected question=answer, got {text!r}")
    return question, value


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-w",
        "--workspace",
        type=Path,
        default=Path.cwd(),
        help="the folder that holds your projects (default: this folder)",
    )
    top = argparse.ArgumentParser(
        prog="ml100",
        description="The #100MLProjects hub: every project of the challenge together.",
    )
    commands = top.add_subparsers(dest="command", required=True)

    made = commands.add_parser(
        "new", parents=[common], help="start the next project, committed"
    )
    made.add_argument("--number", type=int, help="the project's number (default: next)")
    made.add_argument(
        "--data",
        type=answer,
        action="append",
        default=[],
        metavar="QUESTION=ANSWER",
        help="answer one of the template's questions (repeatable)",
    )
    made.add_argument(
        "--defaults", action="store_true", help="take every other answer's default"
    )
    made.add_argument(
        "--template",
        help="the template's clone or address (default: the latest project's)",
    )
    made.add_argument("--vcs-ref", help="the template release (default: the newest)")

    commands.add_parser(
        "status", parents=[common], help="a table of every project and its state"
    )
    commands.add_parser(
        "portfolio", parents=[common], help="write PORTFOLIO.md and a progress figure"
    )

    updating = commands.add_parser(
        "update-all", parents=[common], help="update every clean project to a release"
    )
    updating.add_argument("--to", help="the release (default: the newest)")
    updating.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="projects updated at once (default: one per core)",
    )
    updating.add_argument(
        "--test", action="store_true", help="run each updated project's fast tests"
    )

    building = commands.add_parser(
        "site", parents=[common], help="build every post and the portfolio as a site"
    )
    building.add_argument("--out", type=Path, help="where (default: <workspace>/site)")
    building.add_argument("--drafts", action="store_true", help="include drafts")
    building.add_argument(
        "--pages-workflow",
        action="store_true",
        help="instead, write a GitHub Pages workflow that builds the site on push",
    )
    building.add_argument(
        "--hub-from",
        help="the address CI installs ml100 from (default: the template's)",
    )
    return top


def main(argv: list[str] | None = None) -> int:
    options = vars(parser().parse_args(argv))
    command, root = options.pop("command"), options.pop("workspace")
    try:
        workspace = Workspace.at(root)
        return import_module(f"{__package__}.{MODULES[command]}").run(
            workspace, **options
        )
    except HubError as error:
        print(f"ml100 {command}: {error}", file=sys.stderr)
        return 2
