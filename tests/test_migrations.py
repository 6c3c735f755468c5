"""extensions/migrations/migrate.py: edits follow a moved module or a moved setting.

The unit tests build a small git project by hand: HEAD holds the learner's files, the
working tree what an update left, and a folder stands for the old release. Then a
release of this template renames features.py and a setting, with migrations, and a
learner's project is updated across it; last, projects of every tier made with
release 0.1.0 (commit 4e48fec) are updated to this working tree's release.
"""

import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from packaging.version import Version

import migrate
import releases
import yaml_lines
from harness import OFFERED_TIERS, REPO_ROOT, VARIANTS, Project
from ml100_jinja.migrations import plan_due
from template_repo import (
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

OLD_MODULE = '''"""Features."""


def build() -> list[str]:
    return ["scale"]


def helper() -> int:
    return 1
'''
LEARNER_MODULE = OLD_MODULE.replace('["scale"]', '["scale", "square"]')
NEW_MODULE = OLD_MODULE.replace('"""Features."""', '"""Features, renamed."""')
RENAME = ["rename-file", "src/{package_name}/features.py", "src/{package_name}/prep.py"]
LEARNER_TEST = "from pkg.features import build\nfrom .helpers import features\n"


def make_project(root: Path, files: dict[str, str]) -> Path:
    """A committed project holding `files` and answers naming package `pkg`."""
    answers = {"_commit": "0.1.0", "_src_path": "/nowhere", "package_name": "pkg"}
    files = {".copier-answers.yml": yaml.safe_dump(answers), **files}
    write(root, files)
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "The learner's last commit")
    return root


def write(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text)


def run(project: Path, old_release: Path, stage: str, *command: str) -> int:
    return migrate.main(
        ["--project", str(project), "--old-release", str(old_release)]
        + ["--stage", stage, *command]
    )


@pytest.fixture
def old_release(tmp_path) -> Path:
    folder = tmp_path / "old-release"
    write(
        folder,
        {
            "src/pkg/features.py": OLD_MODULE,
            "src/pkg/config.py": "SEED = 42\nTEST_SIZE = 0.2\n",
        },
    )
    return folder


def test_rename_file_carries_edits_and_imports(tmp_path, old_release, capsys):
    project = make_project(
        tmp_path / "p",
        {"src/pkg/features.py": LEARNER_MODULE, "tests/test_mine.py": LEARNER_TEST},
    )
    assert run(project, old_release, "before", *RENAME) == 0
    # Set aside: the release's text, staged, so Copier's own merge meets no edit.
    assert (project / "src/pkg/features.py").read_text() == OLD_MODULE
    assert git(project, "diff", "--cached", "--name-only") == "src/pkg/features.py\n"
    # What `copier update` left: the module under its new name, the old one deleted.
    (project / "src/pkg/features.py").unlink()
    write(project, {"src/pkg/prep.py": NEW_MODULE})
    assert run(project, old_release, "after", *RENAME) == 0

    prep = (project / "src/pkg/prep.py").read_text()
    assert '"""Features, renamed."""' in prep and '["scale", "square"]' in prep
    assert not (project / "src/pkg/features.py").exists()
    mine = (project / "tests/test_mine.py").read_text()
    assert mine == "from pkg.prep import build\nfrom .helpers import features\n"
    assert "carried into src/pkg/prep.py" in capsys.readouterr().out
    once = tree(project)
    assert run(project, old_release, "after", *RENAME) == 0
    assert tree(project) == once, "a second run changes nothing"


def test_rename_file_leaves_an_unedited_module_to_the_template(tmp_path, old_release):
    project = make_project(tmp_path / "p", {"src/pkg/features.py": OLD_MODULE})
    (project / "src/pkg/features.py").unlink()
    write(project, {"src/pkg/prep.py": NEW_MODULE})
    assert run(project, old_release, "after", *RENAME) == 0
    assert (project / "src/pkg/prep.py").read_text() == NEW_MODULE


def test_rename_file_marks_a_real_conflict_like_copier(tmp_path, old_release, capsys):
    mine = OLD_MODULE.replace('"""Features."""', '"""My features."""')
    project = make_project(tmp_path / "p", {"src/pkg/features.py": mine})
    (project / "src/pkg/features.py").unlink()
    write(project, {"src/pkg/prep.py": NEW_MODULE})
    assert run(project, old_release, "after", *RENAME) == 0
    prep = (project / "src/pkg/prep.py").read_text()
    assert "<<<<<<< before updating\n" in prep and ">>>>>>> after updating\n" in prep
    assert "1 conflict(s)" in capsys.readouterr().out
    assert run(project, old_release, "after", *RENAME) == 0
    assert (project / "src/pkg/prep.py").read_text() == prep


@pytest.mark.parametrize(
    ("new_file", "before", "after"),
    [
        ("src/pkg/config.py", "SEED = 42\nTEST_SHARE = 0.2\n", "TEST_SHARE = 0.25\n"),
        (
            "configs/params.yaml",
            "seed: 42\ntest_share: 0.2  # held out\n",
            "test_share: 0.25  # held out\n",
        ),
    ],
    ids=["python-to-python", "python-to-yaml"],
)
def test_move_setting_carries_the_learners_value(
    tmp_path, old_release, new_file, before, after
):
    project = make_project(
        tmp_path / "p", {"src/pkg/config.py": "SEED = 42\nTEST_SIZE = 0.25\n"}
    )
    name = "test_share" if new_file.endswith(".yaml") else "TEST_SHARE"
    command = ["move-setting", "src/{package_name}/config.py:TEST_SIZE"]
    command.append(f"{new_file}:{name}")

    for _ in range(2):  # idempotent
        assert run(project, old_release, "before", *command) == 0
        config = (project / "src/pkg/config.py").read_text()
        assert config == "SEED = 42\nTEST_SIZE = 0.2\n"
        staged = git(project, "diff", "--cached", "--name-only")
        assert staged == "src/pkg/config.py\n", "Copier diffs the index"
    write(project, {"src/pkg/config.py": "SEED = 42\n", new_file: before})
    for _ in range(2):
        assert run(project, old_release, "after", *command) == 0
        assert (project / new_file).read_text().endswith(after)


def test_move_setting_leaves_an_unchanged_value_alone(tmp_path, old_release):
    project = make_project(
        tmp_path / "p", {"src/pkg/config.py": "SEED = 42\nTEST_SIZE = 0.20\n"}
    )
    command = ["move-setting", "src/pkg/config.py:TEST_SIZE", "src/pkg/c.py:SHARE"]
    assert run(project, old_release, "before", *command) == 0
    assert git(project, "status", "--porcelain") == ""
    write(project, {"src/pkg/c.py": "SHARE = 0.3\n"})
    assert run(project, old_release, "after", *command) == 0
    assert (project / "src/pkg/c.py").read_text() == "SHARE = 0.3\n"


def test_move_setting_says_what_to_do_by_hand(tmp_path, old_release, capsys):
    project = make_project(
        tmp_path / "p", {"src/pkg/config.py": "SEED = 42\nTEST_SIZE = 0.25\n"}
    )
    command = ["move-setting", "src/pkg/config.py:TEST_SIZE", "src/pkg/config.py:GONE"]
    assert run(project, old_release, "after", *command) == 0
    warning = capsys.readouterr().err
    assert "warning: src/pkg/config.py has no setting GONE: set it to 0.25" in warning


def test_setting_values_are_found_exactly():
    text = 'NAME: str = "café"  # a comment\nOTHER = (\n    1,\n    2,\n)\n'
    assert migrate.setting_value(text, "NAME", ".py") == '"café"'
    assert migrate.setting_value(text, "OTHER", ".py") == "(\n    1,\n    2,\n)"
    assert migrate.setting_value("a: 1 # c\nb: x\n", "a", ".yaml") == "1"
    assert migrate.setting_value("a: 1\n", "missing", ".yaml") is None
    assert migrate.convert_value('"x"', ".py", ".yaml") == '"x"'
    assert migrate.convert_value("0.5", ".yaml", ".py") == "0.5"


def test_imports_are_rewritten_only_where_they_name_the_module():
    text = (
        "from .features import build\n"
        "from pkg.features import helper\n"
        "import pkg.features\n"
        "x = self.features + pkg.features_extra\n"
    )
    assert migrate.rewrite_imports(text, "pkg.features", "pkg.prep", beside=True) == (
        "from .prep import build\n"
        "from pkg.prep import helper\n"
        "import pkg.prep\n"
        "x = self.features + pkg.features_extra\n"
    )
    # Outside the package, `.features` is another module.
    assert migrate.rewrite_imports(text, "pkg.features", "pkg.prep").startswith(
        "from .features import build\nfrom pkg.prep import helper\n"
    )


def test_the_old_release_is_rendered_from_the_answers_at_head(tmp_path):
    repo = TemplateRepo.from_worktree(tmp_path / "ml100")
    project = repo.copy(tmp_path / "project", VERSION)
    package = Project(project, {}).package
    model = f"src/{package}/model.py"
    rendered = (project / model).read_text()
    (project / model).write_text("# mine now\n")
    commit_all(project, "Mine")
    old = migrate.ReleaseFiles(project)
    try:
        assert old(model) == rendered
        assert old("no/such/file.py") is None
    finally:
        old.close()


# The release a project records, and the plans it decides.

PLANS = REPO_ROOT / "extensions" / "migrations"


@pytest.mark.parametrize(
    ("files", "release"),
    [
        ({"src/pkg/config.py": "SEED = 42\n"}, "0.1.0"),
        ({"src/pkg/_ladder/__init__.py": ""}, "0.2.0"),
        ({"src/pkg/_ladder/RELEASE": "# a comment\n0.3.1\n"}, "0.3.1"),
    ],
    ids=["before-the-ladder", "the-ladder-unrecorded", "recorded"],
)
def test_the_release_is_read_from_the_last_commit(tmp_path, files, release):
    project = make_project(tmp_path / "p", files)
    # The working tree is what the update is making: the last commit decides.
    write(project, {"src/pkg/_ladder/RELEASE": "9.9.9\n"})
    assert releases.project_release(project) == Version(release)


def test_a_broken_record_is_named_with_its_fix(tmp_path):
    project = make_project(tmp_path / "p", {"src/pkg/_ladder/RELEASE": "soon\n"})
    with pytest.raises(releases.ReleaseError) as error:
        releases.project_release(project)
    assert str(error.value) == (
        "src/pkg/_ladder/RELEASE holds no release (a version such as 0.2.0): "
        "restore it with git checkout HEAD -- src/pkg/_ladder/RELEASE"
    )
    assert run(project, tmp_path, "after", "plan", str(PLANS / "0.2.0.plan")) == 1


@pytest.mark.parametrize("stage", ["before", "after"])
def test_a_plan_is_silent_on_a_project_past_it(tmp_path, capsys, stage):
    """The issue's case: a 0.2.0 project whose features.py default was edited (a value
    the config overrides) must not have it moved into configs/default.yaml."""
    files = {
        "src/pkg/_ladder/RELEASE": "0.2.0\n",
        "src/pkg/features.py": "def build_preprocessor(numeric_imputer='mean'): ...\n",
        "src/pkg/config.py": "SEED = 7\n",
        "configs/default.yaml": "features:\n  numeric_imputer: median\n",
    }
    project = make_project(tmp_path / "p", files)
    before = tree(project)
    # No old release to render: a plan that ran at all would fail reading it.
    assert (
        run(project, tmp_path / "none", stage, "plan", str(PLANS / "0.2.0.plan")) == 0
    )
    assert capsys.readouterr() == ("", "")
    assert tree(project) == before
    assert git(project, "status", "--porcelain") == ""


@pytest.mark.parametrize(
    ("record", "plan", "due"),
    [
        ("0.2.0\n", "0.2.0.plan", False),
        ("0.3.1\n", "0.2.0.plan", False),
        ("0.2.0\n", "0.3.0.plan", True),
        # What the plan alone can explain is left to it: a broken record, a bad name.
        ("soon\n", "0.2.0.plan", True),
        ("0.2.0\n", "next.plan", True),
    ],
)
def test_plan_due_starts_a_plan_only_below_its_release(tmp_path, record, plan, due):
    """copier.yml's `when:` of a plan: a project past it starts no process."""
    project = make_project(tmp_path / "p", {"src/pkg/_ladder/RELEASE": record})
    assert plan_due(str(project), str(PLANS / plan)) is due


def test_every_plan_copier_yml_runs_asks_plan_due_first():
    migrations = yaml.safe_load((REPO_ROOT / "copier.yml").read_text())["_migrations"]
    plans = [entry for entry in migrations if "plan" in entry["command"]]
    assert plans
    for entry in plans:
        plan = Path(entry["command"][-1]).name
        assert "plan_due(_copier_conf.dst_path" in entry["when"], plan
        assert f"/extensions/migrations/{plan}')" in entry["when"], plan


def test_each_plan_comes_with_its_release():
    """A plan runs for projects recording a lower release: one whose version is not
    released yet would replay on every project made from this commit."""
    plans = sorted(PLANS.glob("*.plan"))
    assert plans
    for plan in plans:
        assert Version(plan.stem) <= Version(VERSION), plan.name
    listed = (REPO_ROOT / "copier.yml").read_text()
    for plan in plans:
        assert f"/extensions/migrations/{plan.name}" in listed, plan.name


def test_changelog_entries_between_two_releases():
    changelog = (
        "# Changelog\n\n## Unreleased\n\n- next\n\n## 0.3.0\n\n- three\n\n"
        "## 0.2.1\n\n- two-one\n\n## 0.2.0\n\n- two\n"
    )
    entries = releases.changelog_entries
    assert entries(changelog, Version("0.2.0"), Version("0.3.0"), False) == [
        ("0.3.0", "- three"),
        ("0.2.1", "- two-one"),
    ]
    assert entries(changelog, Version("0.3.0"), Version("0.3.0"), True) == [
        ("Unreleased", "- next")
    ]
    assert entries(changelog, Version("0.1.0"), Version("0.2.0"), False) == [
        ("0.2.0", "- two")
    ]


README = "template/README.md.jinja"
MIGRATION_LINE = re.compile(r"^migration [\w-]+: ", re.MULTILINE)


def edit_0_2_0_project(project: Path) -> None:
    """A learner's edits that the 0.2.0 plan would move, were it to replay: a
    default in features.py (the config overrides it), model.py, the seed."""
    package = Project(project, {}).package
    for relative, old, new in [
        ("src/{package}/features.py", '] = "median",', '] = "mean",'),
        ("src/{package}/model.py", "C=1.0,", "C=0.5,"),
        ("configs/project.yaml", "seed: 42", "seed: 7"),
    ]:
        path = project / relative.format(package=package)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    commit_all(project, "My work")


@pytest.mark.parametrize("tier", OFFERED_TIERS)
def test_each_step_is_silent_on_a_project_past_it(rendered, tmp_path, capsys, tier):
    """Each step of every plan, run on a project of this release whose learner made
    the edits a replayed 0.2.0 plan would move (the plan's release gate bypassed): it
    tells from the files that the project is past it, and changes and says nothing."""
    made = rendered(f"{tier}-iris", **VARIANTS[f"{tier}-iris"])
    project = tmp_path / "project"
    shutil.copytree(made.path, project)
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "Made")
    edit_0_2_0_project(project)
    before = tree(project)
    shared = ["--project", str(project), "--old-release", str(made.path)]
    for plan in sorted(PLANS.glob("*.plan")):
        for step in migrate.plan_steps(plan):
            for stage in ("before", "after"):
                assert migrate.main([*shared, "--stage", stage, *step]) == 0, step
                assert capsys.readouterr() == ("", ""), (plan.name, stage, step)
    assert tree(project) == before
    assert git(project, "status", "--porcelain") == ""


@pytest.mark.slow
def test_a_project_from_an_untagged_commit_replays_no_migration(tmp_path):
    """Made from this commit in an untagged clone, then updated to a later tagged
    release and to a later untagged commit: only the template's changes arrive."""
    repo = TemplateRepo.from_worktree(tmp_path / "ml100", tagged=False)
    project = repo.copy(tmp_path / "project", VERSION)
    edit_0_2_0_project(project)
    package = Project(project, {}).package
    record = f"src/{package}/_ladder/RELEASE"
    # A later release, tagged (the maintainer's first tag), then a commit after it.
    for number, version in enumerate([later(VERSION), None], start=1):
        line = f"A README line of update {number}."
        repo.replace(
            README,
            "## Updating from the template\n",
            f"## Updating from the template\n\n{line}\n",
        )
        if version:
            repo.tagged = True
            repo.release(version)
        else:
            commit_all(repo.path, "After the release")
        ref = repo.ref(version) if version else repo.head()
        before = tree(project)

        result = run_in(
            project,
            sys.executable,
            "-m",
            "copier",
            "update",
            "--trust",
            "--defaults",
            "--vcs-ref",
            ref,
        )

        assert result.returncode == 0, result.stdout + result.stderr
        output = result.stdout + result.stderr
        assert not MIGRATION_LINE.search(output), output
        after = tree(project)
        changed = {
            name
            for name in before.keys() | after.keys()
            if before.get(name) != after.get(name)
        }
        assert changed == {
            ".copier-answers.yml",
            "README.md",
            *([record] if version else []),
        }, changed
        readme = (
            before["README.md"]
            .decode()
            .replace(
                "## Updating from the template\n",
                f"## Updating from the template\n\n{line}\n",
            )
        )
        assert after["README.md"].decode() == readme
        assert after[record].decode().splitlines()[-1] == (version or later(VERSION))
        commit_all(project, f"Update {number}")


# The whole way: a release renames a module and a setting, and migrates a project.

PACKAGE = "template/src/{{ package_name }}"
RENAMES = later(VERSION)
MINE = '\n\ndef my_columns() -> list[str]:\n    """Mine."""\n    return []\n'
MIGRATIONS = f"""
  - version: "{RENAMES}"
    when: "{{{{ true }}}}"
    command:
      - "{{{{ _copier_python }}}}"
      - "{{{{ _copier_conf.src_path }}}}/extensions/migrations/migrate.py"
      - move-setting
      - "configs/project.yaml:project.test_size"
      - "configs/project.yaml:project.test_share"
  - version: "{RENAMES}"
    when: "{{{{ true }}}}"
    command:
      - "{{{{ _copier_python }}}}"
      - "{{{{ _copier_conf.src_path }}}}/extensions/migrations/migrate.py"
      - rename-file
      - "src/{{package_name}}/features.py"
      - "src/{{package_name}}/preprocessing.py"
"""


def release_with_renames(repo: TemplateRepo) -> None:
    """features.py becomes preprocessing.py, project.test_size project.test_share."""
    # Every kind's features.py is rendered by one file that includes the kind's own.
    for kind in sorted((repo.path / "template/learner").iterdir()):
        if (kind / "features.py").is_file():
            git(repo.path, "mv", kind / "features.py", kind / "preprocessing.py")
    wrapper = f"{PACKAGE}/preprocessing.py.jinja"
    git(repo.path, "mv", f"{PACKAGE}/features.py.jinja", wrapper)
    repo.replace(wrapper, '"features.py"', '"preprocessing.py"')
    module = repo.file("template/learner/tabular/preprocessing.py")
    first, rest = module.read_text().split("\n", 1)
    module.write_text(f"{first}\n(Renamed from features.py in {RENAMES}.)\n{rest}")
    repo.replace("template/configs/project.yaml.jinja", "test_size:", "test_share:")
    project = f"{PACKAGE}/_ladder/core/project.py"
    repo.replace(project, "test_size: float", "test_share: float")
    for path in (repo.path / "template").rglob("*"):
        if path.is_file():
            text = path.read_text()
            new = text.replace("project.test_size", "project.test_share")
            new = new.replace("facts.test_size", "facts.test_share")
            new = re.sub(r"(\.+)features import", r"\1preprocessing import", new)
            if new != text:
                path.write_text(new)
    repo.replace("copier.yml", "_migrations:\n", "_migrations:" + MIGRATIONS)
    repo.release(RENAMES)


@pytest.mark.slow
def test_update_across_a_release_that_renames(tmp_path):
    repo = TemplateRepo.from_worktree(tmp_path / "ml100")
    release_with_renames(repo)
    project = repo.copy(tmp_path / "project", VERSION)
    package = project / "src" / Project(project, {}).package
    features = package / "features.py"
    features.write_text(features.read_text() + MINE)
    config = project / "configs" / "project.yaml"
    config.write_text(config.read_text().replace("size: 0.2\n", "size: 0.3\n"))
    (project / "tests" / "test_mine.py").write_text(
        f"from {package.name}.features import build_preprocessor\n\n\n"
        "def test_mine() -> None:\n    assert build_preprocessor()\n"
    )
    commit_all(project, "My work")

    update(project)

    assert leftovers(project) == []
    assert not features.exists()
    preprocessing = (package / "preprocessing.py").read_text()
    assert MINE in preprocessing
    assert f"(Renamed from features.py in {RENAMES}.)" in preprocessing
    assert "test_share: 0.3\n" in config.read_text()
    assert "test_size" not in config.read_text()
    assert "preprocessing import" in (project / "tests" / "test_mine.py").read_text()
    Project(project, {}).run_suite()


# Release 0.2.0: projects made with 0.1.0 (the tiers that replaced each other's files)
# move to the additive ladder, with the learner's edits carried to where they live now.

FEATURES_COMMENT = "    # mine: the median shrugs off outliers\n"


@dataclass
class Edits:
    """A learner's edits of a 0.1.0 project, and where 0.2.0 must hold them."""

    # (file, old, new): `old` is replaced once by `new` in the file 0.1.0 rendered.
    made: list[tuple[str, str, str]]
    # (file, text): each text is found in that file after the update.
    found: list[tuple[str, str]]
    # (YAML file, dotted key, value): each value is read back there after the update.
    settings: list[tuple[str, str, object]] = field(default_factory=list)
    # Files of 0.1.0 the update removes.
    gone: list[str] = field(default_factory=list)


SHARED = Edits(
    made=[
        (
            "src/{package}/features.py",
            "    numeric_steps = [",
            FEATURES_COMMENT + "    numeric_steps = [",
        ),
        ("src/{package}/config.py", "TEST_SIZE = 0.2\n", "TEST_SIZE = 0.25\n"),
    ],
    found=[("src/{package}/features.py", FEATURES_COMMENT)],
    settings=[("configs/project.yaml", "project.test_size", 0.25)],
    gone=["src/{package}/config.py"],
)
FROM_0_1_0 = {
    "beginner": Edits(
        made=[
            ("src/{package}/model.py", "C=1.0,", "C=0.5,"),
            (
                "src/{package}/features.py",
                "max_categories: int = 20,",
                "max_categories: int = 30,",
            ),
        ],
        found=[
            (
                "src/{package}/model.py",
                "LogisticRegression(C=0.5, max_iter=1000, random_state=seed)",
            ),
        ],
        settings=[("configs/default.yaml", "features.max_categories", 30)],
    ),
    "intermediate": Edits(
        made=[
            (
                "src/{package}/model.py",
                '"random_forest": RandomForestClassifier(random_state=SEED)',
                '"random_forest": RandomForestClassifier(max_samples=0.8, '
                "random_state=SEED)",
            ),
            ("configs/default.toml", "folds = 5", "folds = 4"),
            ("configs/default.toml", "n_trials = 20", "n_trials = 12"),
            ("configs/default.toml", "C = { low = 0.01,", "C = { low = 0.05,"),
            ("configs/default.toml", "max_categories = 20", "max_categories = 30"),
        ],
        found=[
            (
                "src/{package}/candidates.py",
                "RandomForestClassifier(max_samples=0.8, random_state=seed)",
            ),
        ],
        settings=[
            ("configs/default.yaml", "search.folds", 4),
            ("configs/default.yaml", "search.n_trials", 12),
            ("configs/default.yaml", "candidates.model.C.low", 0.05),
            ("configs/default.yaml", "features.max_categories", 30),
        ],
        gone=["configs/default.toml"],
    ),
    "advanced": Edits(
        made=[
            ("src/{package}/model.py", "nn.ReLU(),", "nn.GELU(),"),
            ("configs/train.yaml", "lr: 0.003", "lr: 0.001"),
            ("configs/train.yaml", "hidden_sizes: [64, 32]", "hidden_sizes: [128, 64]"),
            ("configs/train.yaml", "patience: 20", "patience: 15"),
            (
                "src/{package}/features.py",
                "max_categories: int = 20,",
                "max_categories: int = 30,",
            ),
        ],
        found=[("src/{package}/network.py", "nn.GELU(), nn.Dropout(dropout)]")],
        settings=[
            ("configs/default.yaml", "optimizer.init_args.lr", 0.001),
            ("configs/default.yaml", "network.hidden_sizes", [128, 64]),
            ("configs/default.yaml", "early_stopping.patience", 15),
            ("configs/default.yaml", "features.max_categories", 30),
        ],
        gone=["configs/train.yaml"],
    ),
}


@pytest.fixture(scope="session")
def history(tmp_path_factory) -> TemplateRepo:
    return TemplateRepo.from_history(tmp_path_factory.mktemp("history") / "ml100")


@pytest.fixture(scope="session")
def untagged_history(tmp_path_factory) -> TemplateRepo:
    """The same history without a tag, as a fresh clone or a fork has it."""
    folder = tmp_path_factory.mktemp("untagged-history") / "ml100"
    return TemplateRepo.from_history(folder, tagged=False)


def made_with_0_1_0(history: TemplateRepo, folder: Path, tier: str) -> Path:
    """An iris project of `tier` made with 0.1.0, the tier's and shared edits made."""
    project = history.copy(folder, "0.1.0", project_number=12, tier=tier)
    package = Project(project, {}).package
    for relative, old, new in [*FROM_0_1_0[tier].made, *SHARED.made]:
        path = project / relative.format(package=package)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative} of 0.1.0"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    commit_all(project, "My work")
    return project


# Every tier from an untagged clone (the plans do not depend on tags); the tagged one
# for a tier, as a maintainer's clone has it.
FROM_0_1_0_CASES = [
    *[(tier, False) for tier in OFFERED_TIERS if tier in FROM_0_1_0],
    (OFFERED_TIERS[0], True),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("tier", "tagged"),
    FROM_0_1_0_CASES,
    ids=[
        f"{tier}-{'tagged' if tagged else 'untagged'}"
        for tier, tagged in FROM_0_1_0_CASES
    ],
)
def test_a_0_1_0_project_moves_to_the_ladder_with_its_edits(
    request, tier, tagged, tmp_path, capfd
):
    repo = request.getfixturevalue("history" if tagged else "untagged_history")
    project = made_with_0_1_0(repo, tmp_path / "project", tier)
    package = Project(project, {}).package
    capfd.readouterr()

    update(project, vcs_ref=repo.ref(VERSION))

    # Each value the model trains with that a migration set is named in its line.
    lines = capfd.readouterr().out.splitlines()
    said = [line for line in lines if line.startswith("migration ")]
    for _, key, value in [*FROM_0_1_0[tier].settings, *SHARED.settings]:
        setting = f"{key} = {yaml_lines.flow(value)}"
        assert any(setting in line for line in said), (setting, said)

    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    if tagged:
        assert answers["_commit"] == VERSION
    else:  # git describe --always: the commit's abbreviated hash
        assert repo.ref(VERSION).startswith(answers["_commit"])
    record = project / "src" / package / "_ladder" / "RELEASE"
    assert record.read_text().splitlines()[-1] == VERSION
    assert leftovers(project) == []
    edits = FROM_0_1_0[tier]
    for relative, text in [*edits.found, *SHARED.found]:
        assert text in (project / relative.format(package=package)).read_text(), (
            relative,
            text,
        )
    for relative, key, value in [*edits.settings, *SHARED.settings]:
        data = yaml.safe_load((project / relative).read_text())
        assert yaml_lines.get(data, key.split(".")) == value, (relative, key)
    for relative in [*edits.gone, *SHARED.gone]:
        assert not (project / relative.format(package=package)).exists(), relative
    # The index holds the learner's last commit, as after any update.
    assert git(project, "diff", "--cached", "--name-only") == ""
    # Its suite but the slow tests (the 2-process DDP run: advanced-iris runs it).
    Project(project, {}).run_suite("-m", "not slow")
