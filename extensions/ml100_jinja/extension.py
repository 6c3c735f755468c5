"""The Jinja extension Copier loads (through entry.py): the filters and globals the
questions and templates use, and the values derived from the answers.

Each filter is a plain function in the module for its job (catalogue, validators,
escaping, data_inspection), tested there by tests/test_extensions.py.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from typing import Any

from copier_template_extensions import ContextHook
from jinja2 import Environment
from jinja2.ext import Extension

from .catalogue import (
    DATASETS,
    KINDS,
    TASKS,
    dataset_choices,
    dataset_facts,
    dataset_help,
    default_tier,
    excluded_paths,
    kind_choices,
    kind_help,
    learner_file,
    tier_choices,
    tier_help,
)
from .data_inspection import (
    csv_columns,
    csv_exists,
    csv_file_name,
    csv_problem,
    images_exist,
    images_folder_name,
    images_hold_project,
    images_problem,
    read_text,
    refuse_bad_data,
)
from .engine import drafts
from .escaping import json_str, line_width, md_code, md_text, py_str, toml_str, yaml_str
from .fragments import fragment
from .migrations import plan_due
from .validators import (
    DEFAULT_HORIZON,
    MAX_SLUG_LENGTH,
    PLACEHOLDER_AUTHOR,
    PLACEHOLDER_EMAIL,
    PLACEHOLDER_GITHUB_USER,
    has_control_characters,
    horizon_problem,
    https_url_problem,
    identifier_problem,
    is_email,
    is_whole_number,
    slug_problem,
    slugify,
    to_identifier,
)


def git_config(key: str, fallback: str = "") -> str:
    """`git config --get key`, or `fallback` when git or the setting is missing."""
    try:
        result = subprocess.run(
            ["git", "config", "--get", key],
            capture_output=True,
            text=True,
            check=False,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return fallback
    return result.stdout.strip() or fallback


# Template sources Copier reads as URLs or shortcuts, never as paths on this machine.
REMOTE_SOURCE = re.compile(r"^([a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:|gh:|gl:)", re.I)


def absolute_src_path(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with a relative `_src_path` made absolute.

    Copier records the template path as typed (`copier copy . ../001-x` records "."),
    and `copier update` reads it from inside the project, where "." is the project
    itself. A local path that exists is therefore recorded absolute; URLs, `~` paths
    and absolute paths stay as they are.
    """
    source = str(answers.get("_src_path") or "")
    if (
        not source
        or source.startswith("~")
        or REMOTE_SOURCE.match(source)
        or os.path.isabs(source)
        or not os.path.isdir(source)
    ):
        return dict(answers)
    return {**answers, "_src_path": os.path.abspath(source)}


class Ml100Extension(Extension):
    """Registers the filters and globals above."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters.update(
            slugify=slugify,
            to_identifier=to_identifier,
            identifier_problem=identifier_problem,
            toml_str=toml_str,
            yaml_str=yaml_str,
            py_str=py_str,
            json_str=json_str,
            md_text=md_text,
            csv_file_name=csv_file_name,
            csv_columns=csv_columns,
            csv_exists=csv_exists,
            csv_problem=csv_problem,
            md_code=md_code,
            line_width=line_width,
            has_control_characters=has_control_characters,
            is_whole_number=is_whole_number,
            read_text=read_text,
            default_tier=default_tier,
            is_email=is_email,
            absolute_src_path=absolute_src_path,
            slug_problem=slug_problem,
            https_url_problem=https_url_problem,
            images_problem=images_problem,
            images_exist=images_exist,
            images_hold_project=images_hold_project,
            images_folder_name=images_folder_name,
            horizon_problem=horizon_problem,
        )
        environment.globals.update(
            git_config=git_config,
            plan_due=plan_due,
            refuse_bad_data=refuse_bad_data,
            today=lambda: datetime.date.today().isoformat(),
            datasets=DATASETS,
            kinds=KINDS,
            tasks=TASKS,
            tier_choices=tier_choices,
            tier_help=tier_help,
            kind_choices=kind_choices,
            kind_help=kind_help,
            dataset_choices=dataset_choices,
            dataset_help=dataset_help,
            excluded_paths=excluded_paths,
            learner_file=learner_file,
            fragment=fragment,
            default_horizon=DEFAULT_HORIZON,
            placeholder_author=PLACEHOLDER_AUTHOR,
            placeholder_email=PLACEHOLDER_EMAIL,
            placeholder_github_user=PLACEHOLDER_GITHUB_USER,
            max_slug_length=MAX_SLUG_LENGTH,
        )


class DatasetContext(ContextHook):
    """Adds `facts` (the dataset), `number` ("#007"), `is_classification` and
    `draft_path` (where the blog draft lies)."""

    def hook(self, context: dict[str, Any]) -> None:
        # Copier also renders questions one by one; derive only once the answers exist.
        if "dataset" in context and "task" in context:
            facts = dataset_facts(
                context["dataset"], context["task"], context.get("target_column", "")
            )
            context["facts"] = facts
            context["is_classification"] = facts["task"] == "classification"
        # Validators render this hook too, before project_number is known to be valid.
        if is_whole_number(context.get("project_number", "")):
            context["number"] = f"#{int(context['project_number']):03d}"
        if "blog_platform" in context and "project_slug" in context:
            context["draft_path"] = str(
                drafts.draft_path(
                    context["project_slug"],
                    context["blog_platform"],
                    datetime.date.today().isoformat(),
                )
            )
