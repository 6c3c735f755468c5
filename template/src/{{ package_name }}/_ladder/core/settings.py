"""The configuration: configs/*.yaml read into typed sections by jsonargparse.

A section is a dataclass (its fields are the keys) or a function (its keyword
arguments are the keys), so a parameter added to one of your functions is a config
key, its type checked. A command reads configs/project.yaml, configs/default.yaml if
it reads the sections, any `--config` file, then `--section.key value` overrides:

    python -m <package> train --features.scale_numeric false --search.n_trials 5

An unknown key, a wrong type or broken YAML stops the command with the file and key.
"""

import argparse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonargparse import (
    ActionConfigFile,
    ArgumentParser,
    DefaultHelpFormatter,
    Namespace,
)
from jsonargparse import ArgumentError as ConfigError

from .errors import ProjectError
from .paths import Paths
from .project import Project

# The keys of configs/project.yaml that are yours to change for a run (the others
# record your answers to Copier).
RUN_KEYS = {"project.seed", "project.test_size"}
# How a section adds its keys to a parser: `(parser, "features") -> None`.
AddSection = Callable[[ArgumentParser, str], None]


def dataclass_section(kind: type, **options: Any) -> AddSection:
    return lambda parser, key: parser.add_class_arguments(kind, key, **options)


def function_section(function: Callable, **options: Any) -> AddSection:
    return lambda parser, key: parser.add_function_arguments(function, key, **options)


def value_section(kind: Any, default: Any) -> AddSection:
    return lambda parser, key: parser.add_argument(
        f"--{key}", type=kind, default=default
    )


@dataclass(frozen=True)
class Settings:
    """One command's configuration: typed sections, and the YAML they resolved to."""

    sections: Namespace
    yaml: str
    # The config files read, in order: configs/project.yaml, configs/default.yaml,
    # then each `--config` file.
    files: tuple[Path, ...] = ()

    @property
    def project(self) -> Project:
        return self.sections.project

    @property
    def experiment(self) -> str:
        """The name of a run: its last `--config` file's stem, else "default"."""
        extra = self.files[2:]
        return extra[-1].stem if extra else "default"

    def __getattr__(self, name: str) -> Any:
        # settings.features, settings.search, ...: the sections by name.
        try:
            return self.sections[name]
        except KeyError:
            raise AttributeError(name) from None


def shown_in_help(action: argparse.Action) -> bool:
    return action.dest.split(".")[0] != "project" or action.dest in RUN_KEYS


class RunKeysHelp(DefaultHelpFormatter):
    """jsonargparse's help, less the project facts: they are your answers to Copier
    (`copier update --data` changes them), and --help shows only the project keys a
    run may change. (Hidden here, not with help=SUPPRESS, which would leave them out
    of the saved configuration too.)"""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        shown = [action for action in actions if shown_in_help(action)]
        super().add_usage(usage, shown, groups, prefix)

    def add_arguments(self, actions) -> None:
        super().add_arguments([action for action in actions if shown_in_help(action)])


def build_parser(
    paths: Paths, sections: Mapping[str, AddSection], **options: Any
) -> ArgumentParser:
    files = [paths.project_config]
    if sections:
        files.append(paths.default_config)
    parser = ArgumentParser(
        formatter_class=RunKeysHelp,
        default_config_files=[str(file) for file in files],
        exit_on_error=False,
        # A misspelt key is an error, never taken as the key it abbreviates.
        allow_abbrev=False,
        **options,
    )
    parser.add_argument(
        "--config", action=ActionConfigFile, help="a YAML file of overrides"
    )
    parser.add_class_arguments(Project, "project")
    for key, add_section in sections.items():
        add_section(parser, key)
    return parser


def check_file(parser: ArgumentParser, path: Path) -> None:
    """Refuse a config file that is missing, broken or holds an unknown key."""
    if not path.is_file():
        raise ProjectError(f"{path} not found: it holds this project's configuration")
    try:
        parser.parse_path(path, defaults=False)
    except ConfigError as error:
        # A key left out of one file may come from another: checked once all are read.
        if "required" not in str(error):
            raise ProjectError(f"{path}: {error}") from None


def config_files(parser: ArgumentParser, args: Sequence[str]) -> list[Path]:
    files = [Path(file) for file in parser.default_config_files]
    for flag, value in zip(args, args[1:], strict=False):
        if flag == "--config":
            files.append(Path(value))
    files += [Path(arg.split("=", 1)[1]) for arg in args if arg.startswith("--config=")]
    return files


def parse_settings(parser: ArgumentParser, args: Sequence[str] = ()) -> Settings:
    files = config_files(parser, args)
    for path in files:
        check_file(parser, path)
    try:
        namespace = parser.parse_args(list(args))
    except ConfigError as error:
        raise ProjectError(f"command line: {error}") from None
    yaml = parser.dump(namespace)
    sections = parser.instantiate(namespace)
    sections.pop("config", None)
    return Settings(sections, yaml, tuple(files))


def load_settings(
    paths: Paths, sections: Mapping[str, AddSection] | None = None, *args: str
) -> Settings:
    """The configuration a command reads, e.g. in a test or a notebook."""
    return parse_settings(build_parser(paths, sections or {}), args)
