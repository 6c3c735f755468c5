"""extensions/migrations/migrate.py: edits follow a renamed module or a moved setting.

The unit tests build a small git project by hand: HEAD holds the learner's files, the
working tree what an update left, and a folder stands for the old release. The last
test releases a template that renames features.py and TEST_SIZE, with migrations, and
updates a learner's project across it.
"""

from pathlib import Path

import pytest
import yaml

import migrate
from harness import Project
from template_repo import TemplateRepo, commit_all, git, leftovers, tree, update

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
    # What `copier update` left: the module under its new name, the old one deleted.
    (project / "src/pkg/features.py").unlink()
    write(project, {"src/pkg/prep.py": NEW_MODULE})

    assert run(project, old_release, "before", *RENAME) == 0
    assert (project / "src/pkg/prep.py").read_text() == NEW_MODULE, "after only"
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
    project = repo.copy(tmp_path / "project", "0.1.0")
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


# The whole way: a release renames a module and a setting, and migrates a project.

PACKAGE = "template/src/{{ package_name }}"
MINE = '\n\ndef my_columns() -> list[str]:\n    """Mine."""\n    return []\n'
MIGRATIONS = """_migrations:
  - version: "0.2.0"
    when: "{{ true }}"
    command:
      - "{{ _copier_python }}"
      - "{{ _copier_conf.src_path }}/extensions/migrations/migrate.py"
      - move-setting
      - "src/{package_name}/config.py:TEST_SIZE"
      - "src/{package_name}/config.py:TEST_SHARE"
  - version: "0.2.0"
    when: "{{ true }}"
    command:
      - "{{ _copier_python }}"
      - "{{ _copier_conf.src_path }}/extensions/migrations/migrate.py"
      - rename-file
      - "src/{package_name}/features.py"
      - "src/{package_name}/preprocessing.py"
"""


def release_with_renames(repo: TemplateRepo) -> None:
    """0.2.0: features.py becomes preprocessing.py, TEST_SIZE becomes TEST_SHARE."""
    git(repo.path, "mv", f"{PACKAGE}/features.py", f"{PACKAGE}/preprocessing.py")
    module = repo.file(f"{PACKAGE}/preprocessing.py")
    first, rest = module.read_text().split("\n", 1)
    module.write_text(f"{first}\n(Renamed from features.py in 0.2.0.)\n{rest}")
    for path in (repo.path / "template").rglob("*"):
        if path.is_file():
            text = path.read_text()
            new = text.replace("TEST_SIZE", "TEST_SHARE")
            new = new.replace("from .features import", "from .preprocessing import")
            if new != text:
                path.write_text(new)
    repo.replace("copier.yml", "_migrations: []\n", MIGRATIONS)
    repo.release("0.2.0")


@pytest.mark.slow
def test_update_across_a_release_that_renames(tmp_path):
    repo = TemplateRepo.from_worktree(tmp_path / "ml100")
    release_with_renames(repo)
    project = repo.copy(tmp_path / "project", "0.1.0")
    package = project / "src" / Project(project, {}).package
    features = package / "features.py"
    features.write_text(features.read_text() + MINE)
    config = package / "config.py"
    config.write_text(
        config.read_text().replace("TEST_SIZE = 0.2\n", "TEST_SIZE = 0.25\n")
    )
    (project / "tests" / "test_mine.py").write_text(
        f"from {package.name}.features import build_preprocessor\n\n\n"
        "def test_mine() -> None:\n    assert build_preprocessor()\n"
    )
    commit_all(project, "My work")

    update(project)

    assert leftovers(project) == []
    assert not features.exists()
    preprocessing = (package / "preprocessing.py").read_text()
    assert (
        MINE in preprocessing
        and "(Renamed from features.py in 0.2.0.)" in preprocessing
    )
    assert "TEST_SHARE = 0.25\n" in config.read_text()
    assert "TEST_SIZE" not in config.read_text()
    assert "preprocessing import" in (project / "tests" / "test_mine.py").read_text()
    Project(project, {}).run_suite()
