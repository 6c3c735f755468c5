"""`ml100 new`: the next project of the challenge, rendered, in git, committed.

The number is the next after the highest in the workspace (or `--number`); the tier
follows from it through the template's own default, and Copier asks the rest (or takes
its defaults). Copier renders into a hidden folder first, because the folder's name is
the project's slug, which is only known once the questions are answered; the folder is
renamed, then committed: in a repository of its own, or in the workspace's repository.
"""

import json
import shutil
from importlib import metadata
from typing import Any
from urllib.parse import unquote, urlsplit

import copier
from copier.errors import CopierError

from .errors import HubError
from .gitutil import commit, git
from .project import Project, read_yaml
from .workspace import NUMBERED, Layout, Workspace

HIGHEST_NUMBER = 999
# The facts the project's engine reads: where its data goes, and its columns.
PROJECT_CONFIG = "configs/project.yaml"


def taken_numbers(workspace: Workspace) -> dict[int, str]:
    """The numbers in use, by answers file or, failing that, by folder name."""
    taken = {}
    for folder in workspace.project_folders():
        try:
            taken[Project.read(folder).number] = folder.name
        except HubError:
            if NUMBERED.match(folder.name):
                taken[int(folder.name.split("-", 1)[0])] = folder.name
    return taken


def next_number(workspace: Workspace, wanted: int | None) -> int:
    taken = taken_numbers(workspace)
    number = wanted if wanted is not None else max(taken, default=0) + 1
    if not 1 <= number <= HIGHEST_NUMBER:
        raise HubError(f"project numbers run from 1 to {HIGHEST_NUMBER}, got {number}")
    if number in taken:
        raise HubError(f"project #{number:03d} exists already: {taken[number]}")
    return number


def installed_from() -> str | None:
    """The template clone or address this hub was installed from (pip records it)."""
    try:
        recorded = metadata.distribution("ml100").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not recorded:
        return None
    origin = json.loads(recorded)
    url = origin.get("url", "")
    if url.startswith("file://") and "dir_info" in origin:
        return unquote(urlsplit(url).path)
    if origin.get("vcs_info", {}).get("vcs") == "git":
        return url
    return None


def template_source(workspace: Workspace, given: str | None) -> str:
    """`--template`, else the template of the workspace's latest project, else the
    clone this hub was installed from."""
    if given:
        return given
    latest = None
    for folder in workspace.project_folders():
        try:
            project = Project.read(folder)
        except HubError:
            continue
        if project.template and (latest is None or project.number > latest.number):
            latest = project
    source = latest.template if latest else installed_from()
    if not source:
        raise HubError(
            "which template? Pass --template with a clone's path or its address "
            "(gh:<owner>/ml100)"
        )
    return source


def create(
    workspace: Workspace,
    *,
    number: int | None,
    data: dict[str, Any],
    defaults: bool,
    template: str | None,
    vcs_ref: str | None,
) -> Project:
    number = next_number(workspace, number)
    source = template_source(workspace, template)
    staging = workspace.root / f".ml100-new-{number:03d}"
    shutil.rmtree(staging, ignore_errors=True)  # left by an interrupted `new`
    try:
        copier.run_copy(
            source,
            staging,
            data={**data, "project_number": str(number)},
            defaults=defaults,
            unsafe=True,
            vcs_ref=vcs_ref,
            quiet=True,
        )
        project = Project.read(staging)
        folder = workspace.root / project.slug
        if folder.exists():
            raise HubError(f"{folder} exists already: choose another project_slug")
        staging.rename(folder)
    except (CopierError, ValueError) as error:
        reason = " ".join(str(error).split())
        raise HubError(f"copier did not make project #{number:03d}: {reason}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    project = Project.read(folder)
    message = f"Start #{number:03d} {project.title} from ml100 {project.release}"
    try:
        if workspace.layout is Layout.REPOSITORY:
            commit(workspace.root, message, folder.name)
        else:
            git(folder, "init", "-q", "-b", "main")
            commit(folder, message)
    except HubError as error:
        raise HubError(f"{folder} is made but not committed: {error}") from None
    return project


def data_to_bring(project: Project) -> str | None:
    """Where the learner's data goes, when it was not there at copy (Copier's closing
    words say so too; `new` keeps Copier quiet, so it says it itself)."""
    config = read_yaml(project.folder / PROJECT_CONFIG, PROJECT_CONFIG) or {}
    facts = config.get("project") or {}
    csv_file, images_dir = facts.get("csv_file"), facts.get("images_dir")
    if csv_file and not (project.folder / csv_file).is_file():
        target, dates = facts.get("target"), facts.get("date_column")
        texts = facts.get("text_column")
        if dates:
            columns = f"its dates in the column {dates!r}, its values in {target!r}"
        elif texts:
            columns = f"its texts in the column {texts!r}, their labels in {target!r}"
        elif project.kind == "clustering":
            known = f", the known groups in {target!r}" if target else ""
            columns = f"every column a number{known}"
        else:
            columns = f"its column to predict named {target!r}"
        return (
            f"Your CSV is not there yet: copy it to {project.folder / csv_file} "
            f"before training, with {columns}."
        )
    folder = project.folder / images_dir if images_dir else None
    if project.dataset == "folder" and folder and not folder.is_dir():
        return (
            f"Your folder of images is not there yet: copy it to {folder}/ before "
            "training, one subfolder per class."
        )
    return None


def run(
    workspace: Workspace,
    *,
    number: int | None,
    data: list[tuple[str, str]],
    defaults: bool,
    template: str | None,
    vcs_ref: str | None,
) -> int:
    project = create(
        workspace,
        number=number,
        data=dict(data),
        defaults=defaults,
        template=template,
        vcs_ref=vcs_ref,
    )
    print(
        f"#{project.number:03d} {project.title} ({project.tier}, {project.kind}, "
        f"{project.dataset}) is ready in {project.folder}, committed."
    )
    missing = data_to_bring(project)
    if missing:
        print(missing)
    print(f"Next: cd {project.folder} && make install all")
    return 0
