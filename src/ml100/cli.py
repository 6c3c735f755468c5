"""The `ml100` command: one subcommand per module, each given the workspace."""

import argparse
import sys
from pathlib import Path

from . import new, portfolio, site, status, update
from .errors import HubError
from .workspace import Workspace


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
        "--jobs", type=int, default=2, help="projects updated at once (default: 2)"
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
    arguments = parser().parse_args(argv)
    try:
        workspace = Workspace.at(arguments.workspace)
        if arguments.command == "new":
            return new.run(
                workspace,
                number=arguments.number,
                data=dict(arguments.data),
                defaults=arguments.defaults,
                template=arguments.template,
                vcs_ref=arguments.vcs_ref,
            )
        if arguments.command == "status":
            return status.run(workspace)
        if arguments.command == "portfolio":
            return portfolio.run(workspace)
        if arguments.command == "update-all":
            return update.run(
                workspace, to=arguments.to, jobs=arguments.jobs, test=arguments.test
            )
        return site.run(
            workspace,
            out=arguments.out,
            drafts=arguments.drafts,
            pages_workflow=arguments.pages_workflow,
            hub_from=arguments.hub_from,
        )
    except HubError as error:
        print(f"ml100 {arguments.command}: {error}", file=sys.stderr)
        return 2
