"""`copier update` across releases: the learner's work stays, the template's arrives.

Every test runs on a temporary git repository of this template (tests/template_repo.py)
whose releases are tags: THIS is this working tree, NEXT changes shared plumbing and a
line of a file the learner edits too, LAST changes what the learner owns (the blog
draft and data/raw/), which an update must leave alone. The tier upgrades run on this
working tree alone; updates from release 0.1.0 are in tests/test_migrations.py.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from copier.errors import UserMessageError

from harness import OFFERED_TIERS, REPO_ROOT, VARIANTS, Project
from ml100_jinja.catalogue import learner_file
from template_repo import (
    GIT_ENV,
    VERSION,
    TemplateRepo,
    commit_all,
    git,
    later,
    leftovers,
    run_in,
    tree,
    update,
)

THIS, NEXT, LAST = VERSION, later(VERSION), later(VERSION, 2)
PACKAGE = "template/src/{{ package_name }}"
REPORT = f"{PACKAGE}/_ladder/core/report.py"
# The lines each release adds, found again in updated projects.
REPORT_ADDITION = f'''

def blocks_in(document: Path) -> int:
    """How many results blocks `document` holds (added in release {NEXT})."""
    return len(BLOCK.findall(document.read_text(encoding="utf-8")))
'''
MAKEFILE_ADDITION = f"""
release:  ## the template release this project came from (added in release {NEXT})
\t@grep '^_commit:' .copier-answers.yml
"""
README_LINE = f"> Kept up to date with ml100 (added in release {NEXT})."
MODEL_LINE = f"(This line arrived with release {NEXT}.)"
BLOG_LINE = f"release_note: this line arrived with release {LAST}"
RAW_FILE = "data/raw/SOURCES.md"
# Learner edits, found again after updates.
PROSE = "I picked this dataset because I like flowers."
MODEL_COMMENT = "  # mine: I tried three others, this one wins"
RESULTS = "| accuracy | 0.967 | 0.333 |"
CONFLICT_LABELS = re.compile(
    r"^(<<<<<<< before updating|>>>>>>> after updating)$", re.M
)


def insert_after_first_line(repo: TemplateRepo, relative: str, line: str) -> None:
    first = repo.file(relative).read_text(encoding="utf-8").splitlines()[0]
    repo.replace(relative, first + "\n", f"{first}\n{line}\n")


@pytest.fixture(scope="session")
def releases(tmp_path_factory) -> TemplateRepo:
    repo = TemplateRepo.from_worktree(tmp_path_factory.mktemp("releases") / "ml100")
    repo.append(REPORT, REPORT_ADDITION)
    repo.append("template/Makefile.jinja", MAKEFILE_ADDITION)
    insert_after_first_line(repo, "template/README.md.jinja", f"\n{README_LINE}")
    model = learner_file("tabular", "model.py")
    insert_after_first_line(repo, model, MODEL_LINE)
    repo.release(NEXT)
    # The draft's text, which every platform's draft file includes.
    repo.replace(
        "extensions/includes/blog_post.md.jinja",
        "*Project {{ number }} of my",
        f"{BLOG_LINE}\n\n*Project {{{{ number }}}} of my",
    )
    repo.file(f"template/{RAW_FILE}").write_text("Where the raw data came from.\n")
    repo.release(LAST)
    return repo


def answers_of(project: Path) -> dict:
    return yaml.safe_load((project / ".copier-answers.yml").read_text())


def draft_of(project: Path) -> Path:
    return project / "blog" / f"{answers_of(project)['project_slug']}.md"


def module_of(project: Path, name: str) -> Path:
    return project / "src" / answers_of(project)["package_name"] / name


def fill_results_block(path: Path) -> None:
    """What `report` does to the README and the draft: rewrite the results block."""
    text = path.read_text()
    start, end = (
        text.index("<!-- results:start -->"),
        text.index("<!-- results:end -->"),
    )
    block = f"<!-- results:start -->\n| metric | model | baseline |\n{RESULTS}\n"
    path.write_text(text[:start] + block + text[end:])


def make_learner_edits(project: Path, model_line: bool = True) -> dict[str, bytes]:
    """Prose in the draft, a line of model.py, results, new files; committed."""
    draft = draft_of(project)
    lines = draft.read_text().splitlines(keepends=True)
    heading = next(i for i, line in enumerate(lines) if line.startswith("## "))
    lines.insert(heading + 1, f"\n{PROSE}\n")
    draft.write_text("".join(lines))
    fill_results_block(draft)
    fill_results_block(project / "README.md")
    if model_line:
        model = module_of(project, "model.py")
        text = re.sub(
            r"^( +estimator = .*)$",
            rf"\1{MODEL_COMMENT}",
            model.read_text(),
            count=1,
            flags=re.M,
        )
        assert MODEL_COMMENT in text
        model.write_text(text)
    module_of(project, "my_features.py").write_text('"""My own features."""\n')
    (project / "notes").mkdir(exist_ok=True)
    (project / "notes" / "ideas.md").write_text("# Ideas\n\nTry a forest next.\n")
    (project / "data" / "raw" / "extra.csv").write_text("a,b\n1,2\n")
    commit_all(project, "My work")
    return tree(project)


def test_update_keeps_every_learner_edit_and_brings_the_releases(releases, tmp_path):
    project = releases.copy(tmp_path / "project", THIS)
    mine = make_learner_edits(project)

    update(project)

    assert leftovers(project) == []
    assert answers_of(project)["_commit"] == LAST
    now = tree(project)
    draft = draft_of(project).relative_to(project).as_posix()
    for relative in [draft, "data/raw/extra.csv", "notes/ideas.md"]:
        assert now[relative] == mine[relative], relative
    assert (
        module_of(project, "my_features.py").read_text() == '"""My own features."""\n'
    )
    model = module_of(project, "model.py").read_text()
    assert MODEL_COMMENT in model and MODEL_LINE in model
    readme = (project / "README.md").read_text()
    assert RESULTS in readme and README_LINE in readme
    report = module_of(project, "_ladder/core/report.py").read_text()
    assert "def blocks_in" in report
    assert "release:  ##" in (project / "Makefile").read_text()
    # LAST changed only what the learner owns: none of it reached the project.
    assert BLOG_LINE not in now[draft].decode()
    assert not (project / RAW_FILE).exists()


def test_unedited_project_updates_to_a_fresh_copy_of_the_release(releases, tmp_path):
    project = releases.copy(tmp_path / "project", THIS)
    update(project, vcs_ref=NEXT)
    fresh = releases.copy(tmp_path / "fresh", NEXT)

    def undated(files: dict[str, bytes]) -> dict[str, bytes]:
        # The draft's front matter holds the day it was rendered.
        return {
            name: re.sub(rb"(?m)^date: .*$", b"date: <day>", content)
            for name, content in files.items()
        }

    assert undated(tree(project)) == undated(tree(fresh))


def test_a_deleted_draft_and_raw_data_stay_deleted(releases, tmp_path):
    project = releases.copy(tmp_path / "project", THIS)
    draft = draft_of(project)
    assert draft.is_file() and (project / "data/raw/.gitkeep").is_file()
    git(project, "rm", "-q", str(draft), "data/raw/.gitkeep")
    commit_all(project, "Not blogging this one")

    update(project)

    assert answers_of(project)["_commit"] == LAST
    assert not draft.exists()
    assert not (project / "data" / "raw").exists()
    assert leftovers(project) == []


def test_changed_answers_take_effect_but_leave_the_draft(releases, tmp_path):
    project = releases.copy(tmp_path / "project", THIS)
    draft = draft_of(project).read_text()
    assert (project / ".github/workflows/ci.yml").is_file()

    update(
        project,
        vcs_ref=THIS,
        data={
            "github_actions": False,
            "license": "Apache-2.0",
            "blog_platform": "hugo",
        },
    )

    answers = answers_of(project)
    assert (answers["github_actions"], answers["license"]) == (False, "Apache-2.0")
    assert answers["blog_platform"] == "hugo"
    assert not (project / ".github").exists()
    assert "Apache License" in (project / "LICENSE").read_text()
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())
    assert pyproject["project"]["license"] == "Apache-2.0"
    # The draft is the learner's: a new blog_platform shapes new drafts only.
    assert draft_of(project).read_text() == draft
    assert leftovers(project) == []


def test_a_release_adding_an_option_file_arrives_with_its_answer(tmp_path):
    """How a tier upgrade works: a new answer brings its files and dependencies."""
    repo = TemplateRepo.from_worktree(tmp_path / "ml100")
    repo.append(
        "copier.yml",
        "\ntracking:\n  type: bool\n  help: Log every run to reports/runs.csv?\n"
        "  default: false\n",
    )
    module = f"{PACKAGE}/{{% if tracking %}}tracking.py{{% endif %}}"
    repo.file(module).write_text(f'"""Log every run (an option since {NEXT})."""\n')
    repo.replace(
        "template/pyproject.toml.jinja",
        "dependencies = [\n",
        'dependencies = [\n{% if tracking %}    "tensorboard>=2",\n{% endif %}',
    )
    repo.release(NEXT)
    project = repo.copy(tmp_path / "project", THIS)
    mine = make_learner_edits(project)

    update(project, data={"tracking": True})

    assert answers_of(project)["tracking"] is True
    assert module_of(project, "tracking.py").is_file()
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())
    assert "tensorboard>=2" in pyproject["project"]["dependencies"]
    now = tree(project)
    for relative in [
        "notes/ideas.md",
        draft_of(project).relative_to(project).as_posix(),
    ]:
        assert now[relative] == mine[relative]
    assert MODEL_COMMENT in module_of(project, "model.py").read_text()
    assert leftovers(project) == []


# What a learner edits at each tier before going up one: (file, old, new), `old` found
# in the file as the tier rendered it. Every `new` must be found again after each
# later upgrade: a tier adds files and sections, it never rewrites the learner's.
TIER_EDITS = {
    "beginner": [
        ("src/{package}/model.py", "C=1.0,", "C=0.5,"),
        (
            "src/{package}/features.py",
            "    numeric_steps = [",
            "    # mine: the median shrugs off outliers\n    numeric_steps = [",
        ),
        ("configs/default.yaml", "  max_categories: 20\n", "  max_categories: 30\n"),
        ("configs/default.yaml", "  drop_columns: []\n", "  drop_columns: []  # no\n"),
    ],
    "intermediate": [
        ("configs/default.yaml", "  n_trials: 20", "  n_trials: 12"),
        (
            "src/{package}/candidates.py",
            "RandomForestClassifier(",
            "RandomForestClassifier(  # mine: the forest wins on iris\n        ",
        ),
    ],
}


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative.format(package=answers_of(project)["package_name"])
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}: adapt TIER_EDITS"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make(project: Path, *args: str) -> subprocess.CompletedProcess:
    command = ["make", "--no-print-directory", "update", f"PYTHON={sys.executable}"]
    return run_in(project, *command, *args)


@pytest.mark.slow
def test_tier_upgrades_keep_every_edit(tmp_path):
    """beginner -> intermediate -> advanced with `make update TIER=...`, each tier's
    learner files and configuration edited first: no conflict, nothing lost."""
    repo = TemplateRepo.from_worktree(tmp_path / "ml100")
    first, *higher_tiers = OFFERED_TIERS
    project = repo.copy(tmp_path / "project", THIS, project_number=12, tier=first)
    module_of(project, "my_ideas.py").write_text('"""My own ideas."""\n\nIDEAS = 3\n')
    (project / "tests" / "test_my_ideas.py").write_text(
        f"from {answers_of(project)['package_name']}.my_ideas import IDEAS\n\n\n"
        "def test_ideas() -> None:\n    assert IDEAS == 3\n"
    )
    draft = draft_of(project)
    made: list[tuple[str, str]] = []
    for lower, higher in zip(OFFERED_TIERS, higher_tiers, strict=False):
        for relative, old, new in TIER_EDITS[lower]:
            edit(project, relative, old, new)
            made.append((relative, new))
        mine = make_learner_edits(project, model_line=False)

        result = make(project, f"TIER={higher}")

        assert result.returncode == 0, result.stdout + result.stderr
        assert answers_of(project)["tier"] == higher
        assert leftovers(project) == []
        package = answers_of(project)["package_name"]
        for relative, new in made:
            text = (project / relative.format(package=package)).read_text()
            assert new in text, (higher, relative, new)
        now = tree(project)
        for relative in ["notes/ideas.md", "tests/test_my_ideas.py"]:
            assert now[relative] == mine[relative]
        assert draft.read_bytes() == mine[draft.relative_to(project).as_posix()]
        # Every file of the higher tier is there, with its dependencies.
        fresh = repo.copy(
            tmp_path / f"fresh-{higher}", THIS, project_number=12, tier=higher
        )
        missing = set(tree(fresh)) - set(now)
        assert missing <= {draft.relative_to(project).as_posix()}, missing
        declared = tomllib.loads((project / "pyproject.toml").read_text())["project"]
        wanted = tomllib.loads((fresh / "pyproject.toml").read_text())["project"]
        assert set(wanted["dependencies"]) <= set(declared["dependencies"])
        # Its suite but the slow tests (the 2-process DDP run: advanced-iris runs it).
        Project(project, {}).run_suite("-m", "not slow")
        commit_all(project, f"Up to {higher}")
    # The top tier keeps every rung below it: its commands, and their tests.
    usage = Project(project, {}).run(sys.executable, "-m", package, "--help")
    assert usage.returncode == 0, usage.stderr
    for command in ("train", "search", "compare"):
        assert re.search(rf"\b{command}\b", usage.stdout), (command, usage.stdout)
    for tier in OFFERED_TIERS:
        assert (project / "src" / package / "_ladder" / tier).is_dir(), tier


# `make update` and the errors a learner can meet.


@pytest.mark.parametrize(
    ("breakage", "cause"),
    [
        ("dirty", "error: uncommitted changes"),
        ("untracked", "error: uncommitted changes"),
        ("no-answers", "error: .copier-answers.yml not found"),
        ("no-git", "error: this project is not a git repository"),
        ("no-release", "error: template release 9.9.9 not found in"),
    ],
)
def test_make_update_refuses_with_the_cause(breakage, cause, releases, tmp_path):
    project = releases.copy(tmp_path / "project", THIS)
    version = []
    if breakage == "dirty":
        module_of(project, "model.py").write_text("# half-done\n")
    elif breakage == "untracked":
        (project / "scratch.py").write_text("x = 1\n")
    elif breakage == "no-answers":
        git(project, "rm", "-q", ".copier-answers.yml")
        commit_all(project, "Lost the answers")
    elif breakage == "no-git":
        shutil.rmtree(project / ".git")
    else:
        version = ["TEMPLATE_VERSION=9.9.9"]
    before = tree(project)
    result = make(project, *version)
    assert result.returncode != 0
    assert cause in result.stderr
    if breakage == "no-release":
        assert f"its releases: {THIS} {NEXT} {LAST}" in result.stderr
    assert tree(project) == before, "a refused update changes nothing"


@pytest.mark.parametrize("form", ["path", "git+file", "home"])
def test_make_update_reaches_every_address_form(form, releases, tmp_path, monkeypatch):
    """The template's address as the learner gave it to `copier copy`, in each form
    that works offline (gh: and gl: become https://github.com/ and gitlab.com/)."""
    monkeypatch.setenv("HOME", str(releases.path.parent))
    address = {
        "path": str(releases.path),
        "git+file": f"git+file://{releases.path}",
        "home": f"~/{releases.path.name}",
    }[form]
    project = releases.copy(tmp_path / "project", THIS)
    answers = project / ".copier-answers.yml"
    text = re.sub(r"(?m)^_src_path: .*$", f"_src_path: {address}", answers.read_text())
    answers.write_text(text)
    commit_all(project, "The template's address as typed")
    result = make(project, f"TEMPLATE_VERSION={NEXT}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert answers_of(project)["_commit"] == NEXT
    assert answers_of(project)["_src_path"] == address
    # It says what arrived: the CHANGELOG entries after the project's release.
    arrived = f"ml100 {THIS} -> {NEXT}: what arrived, from the template's CHANGELOG"
    entries = result.stdout.split(arrived, 1)[-1]
    assert arrived in result.stdout and f"## {NEXT}\n" in entries
    assert f"## {THIS}\n" not in entries
    record = module_of(project, "_ladder/RELEASE").read_text()
    assert record.splitlines()[-1] == NEXT


def test_copier_itself_names_the_cause(releases, tmp_path):
    """Without the Makefile, Copier's own refusals are clear enough for these two."""
    project = releases.copy(tmp_path / "project", THIS)
    (project / "scratch.py").write_text("x = 1\n")
    with pytest.raises(UserMessageError, match="Destination repository is dirty"):
        update(project)
    (project / "scratch.py").unlink()
    git(project, "rm", "-q", ".copier-answers.yml")
    commit_all(project, "Lost the answers")
    with pytest.raises(UserMessageError, match="cannot obtain old template references"):
        update(project)


def test_update_leaves_copier_style_markers_where_edits_meet(releases, tmp_path):
    """A real conflict: the learner and release NEXT both add a line at one place."""
    project = releases.copy(tmp_path / "project", THIS)
    model = module_of(project, "model.py")
    lines = model.read_text().splitlines(keepends=True)
    model.write_text("".join([lines[0], "My own line.\n", *lines[1:]]))
    commit_all(project, "Mine")
    result = make(project, f"TEMPLATE_VERSION={NEXT}")
    assert result.returncode != 0
    assert "the update met your own edits" in result.stderr
    assert model.relative_to(project).as_posix() in result.stderr
    assert CONFLICT_LABELS.search(model.read_text())
    # The generated pre-commit hook refuses to commit the file as it is.
    assert refused_by_merge_conflict_hook(project, model)


# Every way an update runs ends with the template's check: a conflict fails it, with
# the files named and how to resolve or drop the update; a clean update exits 0.
UPDATE_PATHS = ["make update", "copier update", "copier update --conflict rej"]
UPDATE_PATHS += ["ml100 update-all"]
UPDATE_CASES = [
    pytest.param(
        path,
        conflict,
        # One case in the quick suite; the rest are slow.
        marks=() if (path, conflict) == ("copier update", True) else pytest.mark.slow,
        id=f"{path.replace(' ', '-')}-{'conflict' if conflict else 'clean'}",
    )
    for path in UPDATE_PATHS
    for conflict in (True, False)
]


def update_by(path: str, project: Path, to: str) -> subprocess.CompletedProcess:
    if path == "make update":
        return make(project, f"TEMPLATE_VERSION={to}")
    if path == "ml100 update-all":
        env = {**os.environ, **GIT_ENV, "PYTHONPATH": str(REPO_ROOT / "src")}
        return subprocess.run(
            [sys.executable, "-m", "ml100", "update-all", "--to", to],
            cwd=project.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    copier = [sys.executable, "-m", "copier", "update", "--trust", "--defaults"]
    return run_in(project, *copier, "--vcs-ref", to, *path.split()[2:])


@pytest.mark.parametrize(("path", "conflict"), UPDATE_CASES)
def test_every_update_path_stops_on_a_conflict(releases, tmp_path, path, conflict):
    project = releases.copy(tmp_path / "workspace" / "001-iris", THIS)
    model = module_of(project, "model.py")
    if conflict:  # where release NEXT adds a line too
        lines = model.read_text().splitlines(keepends=True)
        model.write_text("".join([lines[0], "My own line.\n", *lines[1:]]))
        commit_all(project, "Mine")

    result = update_by(path, project, NEXT)

    output = result.stdout + result.stderr
    assert answers_of(project)["_commit"] == NEXT
    if not conflict:
        assert result.returncode == 0, output
        assert leftovers(project) == []
        return
    assert result.returncode != 0, output
    relative = model.relative_to(project).as_posix()
    left = [f"{relative}.rej"] if path.endswith("rej") else [relative]
    assert leftovers(project) == left
    assert left[0] in output
    assert "git checkout HEAD -- . && git clean -fd ." in output


def refused_by_merge_conflict_hook(project: Path, path: Path) -> bool:
    """Run the generated config's check-merge-conflict hook, with its arguments."""
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text())
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    hook = next(hook for hook in hooks if hook["id"] == "check-merge-conflict")
    entry = Path(sys.executable).parent / hook["entry"]
    result = subprocess.run(
        [str(entry), *hook.get("args", []), str(path)],
        cwd=path.parent,  # pre-commit runs hooks inside the git repository
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode != 0 and "Merge conflict string" in result.stdout


def test_pre_commit_refuses_conflict_markers_and_rejects(rendered, tmp_path):
    name = f"{OFFERED_TIERS[0]}-iris"
    project = rendered(name, **VARIANTS[name]).path
    git(tmp_path, "init", "-q")
    clean = tmp_path / "clean.py"
    clean.write_text("x = 1\n")
    marked = tmp_path / "marked.py"
    marked.write_text(
        "<<<<<<< before updating\nx = 1\n=======\nx = 2\n>>>>>>> after updating\n"
    )
    assert refused_by_merge_conflict_hook(project, marked)
    assert not refused_by_merge_conflict_hook(project, clean)
    config = yaml.safe_load((project / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    rejects = hooks["forbid-update-rejects"]
    assert rejects["language"] == "fail"
    assert re.search(rejects["files"], "src/pkg/model.py.rej")
    assert not re.search(rejects["files"], "src/pkg/model.py")


# The READMEs' commands, as written.


def readme_commands(readme: str, section: str) -> list[str]:
    """The command lines of the bash blocks in a README section, comments removed."""
    body = readme.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", body, flags=re.DOTALL)
    lines = [
        line.split("  #")[0].strip() for block in blocks for line in block.split("\n")
    ]
    return [line for line in lines if line]


def runnable(command: str) -> bool:
    """Whether this branch can run it: tier changes only to a tier it offers."""
    tier = re.search(r"tier=(\w+)", command, flags=re.IGNORECASE)
    return not tier or tier[1] in OFFERED_TIERS


@pytest.mark.slow
def test_readme_update_commands_work_as_written(releases, tmp_path):
    # Set-up command 1 copies from "." with the CLI; the project must still find it.
    copy = [sys.executable, "-m", "copier", "copy", "--trust", "--defaults"]
    copy += ["--vcs-ref", THIS, ".", str(tmp_path / "project")]
    result = run_in(releases.path, *copy)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "project"
    assert Path(answers_of(project)["_src_path"]) == releases.path
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "Start")

    commands = readme_commands(
        (REPO_ROOT / "README.md").read_text(), "Updating your projects"
    )
    commands += readme_commands(
        (project / "README.md").read_text(), "Updating from the template"
    )
    assert any(c.startswith("copier update") for c in commands)
    assert any(c.startswith("make update TEMPLATE_VERSION=") for c in commands)
    # A given older release first: an update never goes back to an older one.
    pinned = re.compile(r"(?:--vcs-ref[ =]|TEMPLATE_VERSION=)(\d+\.\d+\.\d+)")
    commands = sorted(dict.fromkeys(commands), key=lambda c: not pinned.search(c))
    ran = 0
    for command in filter(runnable, commands):
        words = shlex.split(command)
        if words[0] == "cd":
            continue
        if words[0] == "copier":
            words = [sys.executable, "-m", "copier", *words[1:]]
        elif words[0] == "make":
            words = [*words, f"PYTHON={sys.executable}"]
        result = run_in(project, *words)
        assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
        assert leftovers(project) == []
        if match := pinned.search(command):
            assert answers_of(project)["_commit"] == match[1]
        commit_all(project, command)
        ran += 1
    assert ran >= 4
    assert answers_of(project)["_commit"] == LAST
    assert answers_of(project)["github_actions"] is False


# Releases: PEP 440 tags, each with its CHANGELOG entry.


def test_changelog_and_pyproject_agree_on_the_releases():
    from packaging.version import Version

    changelog = (REPO_ROOT / "CHANGELOG.md").read_text()
    headings = re.findall(r"^## (.+)$", changelog, flags=re.MULTILINE)
    assert headings[0] == "Unreleased"
    versions = [Version(heading) for heading in headings[1:]]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(
        versions
    )
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    assert Version(pyproject["project"]["version"]) == versions[0]
