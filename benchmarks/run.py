"""How fast ml100 is for a learner, measured next to what it is compared with.

Run from the repository root, with the template's test dependencies installed:

    python benchmarks/run.py                   # every measure: 1 warm-up, median of 5
    python benchmarks/run.py --quick           # median of 2, no warm-up: a rough look
    python benchmarks/run.py --template-suite  # also the template's whole test suite
    python benchmarks/run.py --readme          # also put the table into README.md
    python benchmarks/run.py --peer ../copier-uv --peer-data '{"project_name": "x"}'
                                               # also render another template

For each tier in OFFERED_TIERS (catalogue.yml), side by side in one run:

- render: a fresh Python process that imports Copier and renders the tier's default
  project with vcs_ref="HEAD" (what `copier copy` costs), against the same for a
  one-file template: the floor Copier itself costs. In the same rounds, the highest
  tier's project's own files as a plain template in this repository (plain_template):
  what Copier costs to clone this repository and write those files, whatever the
  template does; and as many one-line files as the lowest tier's project writes
  (one_line_template): what Copier costs per file, whatever the files hold. With
  --peer, another template is rendered in the same rounds, to show what the floor
  ratio looks like elsewhere.
- train: `python -m <package> train` in the tier's default project (and in a text
  project trained on common.py's corpus, the default images project and a
  time-series project on co2: --kinds), against a plain
  script doing the same work with the libraries directly, benchmarks/baselines/<tier>.py
  or <kind>_<tier>.py (a tier without one is timed alone: write that file to compare
  it; it gets the folder to write in as its argument, a text script the CSV too, and
  runs there; the scripts share the helper modules beside them, such as common.py,
  search.py and figures.py).
- all: `make all` (train, evaluate, report) in the tier's default project.
- suite: the generated project's tests, without the ones marked `slow`.
- update: `copier update` of a committed default project to a newer template commit.
- setup: README command 1, word for word, from a fresh clone with packages cached:
  render the default project, install it from its lock with uv, `make all`; against
  the same with pip (SETUP_WITH_PIP: release 0.2.0's command 1, pip in both venvs).

Everything is rendered from a snapshot of this working tree (uncommitted changes
included) committed to a temporary repository, and the floor template is made the same
way, so both are cloned alike. The runs of two things compared alternate, so a busy
machine slows both. Prints a Markdown table; writes it and every run's seconds as JSON
to benchmarks/results/ (git-ignored).
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from importlib.metadata import entry_points, version
from importlib.util import find_spec
from pathlib import Path

from baselines.common import write_text_corpus
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO_ROOT = Path(__file__).resolve().parents[1]
BASELINES = REPO_ROOT / "benchmarks" / "baselines"
RESULTS = REPO_ROOT / "benchmarks" / "results"
README = REPO_ROOT / "README.md"
README_START = "<!-- benchmarks:start -->"
README_END = "<!-- benchmarks:end -->"

sys.path.insert(0, str(REPO_ROOT / "extensions"))
from ml100_jinja.catalogue import KINDS as CATALOGUE_KINDS  # noqa: E402
from ml100_jinja.catalogue import OFFERED_TIERS  # noqa: E402

# The targets: seconds, or a ratio to the thing compared with. A tier missing here is
# measured without a target.
RENDER_RATIO_TARGET = 1.5
TRAIN_RATIO_TARGETS = {
    "beginner": 1.5,
    "text_beginner": 1.2,
    "text_intermediate": 1.2,
    "text_advanced": 1.2,
    # A time-series project's `train` (co2) against its plain script, at every tier.
    "timeseries_beginner": 1.2,
    "timeseries_intermediate": 1.2,
    "timeseries_advanced": 1.2,
}
SUITE_TARGETS = {
    "beginner": 10.0,
    "advanced": 45.0,
    "text_beginner": 15.0,
    "text_advanced": 45.0,
}
# The problem kinds measured (--kinds), the projects their rows name, and what a text
# project is rendered with: benchmarks/baselines/common.py's corpus as its CSV.
KINDS = tuple(CATALOGUE_KINDS)
PROJECTS = {
    "tabular": "default project",
    "text": "text project (2,000 posts)",
    "clustering": "clustering project (iris)",
    "images": "default images project (digits as PNGs)",
    "timeseries": "time-series project (co2)",
}
TEXT_ANSWERS = {
    "kind": "text",
    "dataset": "csv",
    "text_column": "review",
    "target_column": "label",
}
TEXT_CSV = "data/raw/posts.csv"
# A kind other than tabular measures `train` and `suite`.
KIND_MEASURES = ("train", "suite")
UPDATE_TARGET = 3.0
SETUP_TARGET = 30.0
TEMPLATE_SUITE_TARGET = 15 * 60.0

# Each render and update runs in a fresh interpreter: it pays what `copier copy` pays.
RENDER = """
import json, sys, time
start = time.perf_counter()
import copier
imported = time.perf_counter()
copier.run_copy(sys.argv[1], sys.argv[2], data=json.loads(sys.argv[3]), defaults=True,
                unsafe=True, vcs_ref="HEAD", quiet=True)
print(json.dumps({"import": imported - start, "call": time.perf_counter() - imported}))
"""
UPDATE = """
import json, sys, time
start = time.perf_counter()
import copier
imported = time.perf_counter()
copier.run_update(sys.argv[1], defaults=True, overwrite=True, unsafe=True,
                  vcs_ref="HEAD", quiet=True)
print(json.dumps({"import": imported - start, "call": time.perf_counter() - imported}))
"""
FLOOR_FILES = {
    "copier.yml": "_subdirectory: template\n\nname:\n  type: str\n  default: world\n",
    "template/hello.txt.jinja": "Hello {{ name }}!\n",
}
# README command 1 with pip in place of uv: pip installs Copier, then the project
# (its dependencies and both groups) into its own .venv, as `make install` did in 0.2.0.
SETUP_PROJECT = "../001-iris-classification"
SETUP_WITH_PIP = " && ".join(
    [
        "python3 -m venv .venv",
        ".venv/bin/pip install --upgrade pip",
        ".venv/bin/pip install --group render",
        ".venv/bin/copier copy --trust --defaults --vcs-ref HEAD . " + SETUP_PROJECT,
        f"python3 -m venv {SETUP_PROJECT}/.venv",
        f"{SETUP_PROJECT}/.venv/bin/pip install --upgrade pip",
        f"{SETUP_PROJECT}/.venv/bin/pip install -e {SETUP_PROJECT}"
        f" --group {SETUP_PROJECT}/pyproject.toml:dev"
        f" --group {SETUP_PROJECT}/pyproject.toml:update",
        f'make -C {SETUP_PROJECT} all PYTHON="$PWD/{SETUP_PROJECT}/.venv/bin/python"',
    ]
)
# The template commit a default project is updated to: a line added to its README.
TRIVIAL_CHANGE = ("template/README.md.jinja", "<!-- a trivial template change -->")


class BenchmarkError(Exception):
    """A command the benchmark ran failed; the message ends with its output."""


@dataclass
class Timing:
    """Wall-clock and CPU seconds (of the process and its children) of each run."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    # Seconds a run reports about itself, e.g. {"import": ..., "call": ...}.
    parts: list[dict[str, float]] = field(default_factory=list)

    def add(self, wall: float, cpu: float, parts: dict[str, float] | None = None):
        self.wall.append(wall)
        self.cpu.append(cpu)
        if parts:
            self.parts.append(parts)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    def as_json(self) -> dict:
        summary = {
            "median_s": self.median,
            "median_cpu_s": self.median_cpu,
            "wall_s": self.wall,
            "cpu_s": self.cpu,
        }
        for key in self.parts[0] if self.parts else []:
            summary[f"median_{key}_s"] = statistics.median(p[key] for p in self.parts)
        return summary


@dataclass
class Row:
    """One line of the table: ml100's time, what it is compared with, the target."""

    measure: str
    ours: Timing | None = None
    other: Timing | None = None
    other_name: str = ""
    target: float | None = None
    target_is_ratio: bool = False
    error: str = ""

    @property
    def ratio(self) -> float | None:
        if self.ours and self.other:
            return self.ours.median / self.other.median
        return None

    @property
    def met(self) -> bool | None:
        if self.error:
            return False
        if self.target is None or self.ours is None:
            return None
        value = self.ratio if self.target_is_ratio else self.ours.median
        return None if value is None else value <= self.target

    def cells(self) -> list[str]:
        if self.error:
            return [self.measure, "failed", "-", self.error, "-", "-", "no"]
        other = self.other_name or "-"
        if self.other:
            other += f" {seconds(self.other.median)}"
        if self.target is None:
            target = "-"
        elif self.target_is_ratio:
            target = f"≤ {self.target:g}×"
        else:
            target = f"≤ {seconds(self.target)}"
        return [
            self.measure,
            seconds(self.ours.median),
            seconds(self.ours.median_cpu),
            other,
            f"{self.ratio:.2f}×" if self.ratio else "-",
            target,
            {True: "yes", False: "no", None: "-"}[self.met],
        ]

    def as_json(self) -> dict:
        return {
            "measure": self.measure,
            "ml100": self.ours.as_json() if self.ours else None,
            "compared_with": self.other_name or None,
            "other": self.other.as_json() if self.other else None,
            "ratio": self.ratio,
            "target": self.target,
            "target_is_ratio": self.target_is_ratio,
            "met": self.met,
            "error": self.error or None,
        }


def seconds(value: float) -> str:
    if value >= 120:
        return f"{value / 60:.1f} min"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Run `command` to its end: its wall and CPU seconds, and its standard output."""
    # Write out what earlier runs left in the page cache (and the discards of what they
    # deleted), so that this run does not pay for their disk work.
    os.sync()
    cpu, start = children_cpu(), time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()[-8:]
        # A long `bash -c` line would fill the error cell: its start says enough.
        shown = " ".join(command[:4])[:80]
        raise BenchmarkError(f"`{shown} ...` failed: " + " / ".join(output))
    return wall, children_cpu() - cpu, result.stdout


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def commit_folder(folder: Path) -> None:
    """Make `folder` a repository with one commit, packed as a fresh clone has it."""
    git("init", "--quiet", cwd=folder)
    git("add", "--all", cwd=folder)
    git("commit", "--quiet", "--no-verify", "-m", "snapshot", cwd=folder)
    git("gc", "--quiet", cwd=folder)


def snapshot(source: Path, destination: Path) -> Path:
    """The working tree of `source`, uncommitted and untracked files included, as a
    new repository with one commit: templates compared are cloned alike."""
    listed = git(
        "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=source
    )
    for relative in filter(None, listed.split("\0")):
        if (source / relative).is_file():  # not deleted in the working tree
            (destination / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / relative, destination / relative)
    commit_folder(destination)
    return destination


def floor_template(destination: Path) -> Path:
    """The one-file template: what any render costs, whatever the template."""
    for relative, text in FLOOR_FILES.items():
        (destination / relative).parent.mkdir(parents=True, exist_ok=True)
        (destination / relative).write_text(text, encoding="utf-8")
    commit_folder(destination)
    return destination


def plain_template(template: Path, project: Path, destination: Path) -> Path:
    """Copier's own share of a render: `template`'s repository (cloned alike), with
    its copier.yml the floor's and its template/ folder `project`'s files as they
    are, no Jinja in them. Rendering it writes the same files as rendering `project`
    did, with none of the template's questions, extensions, exclusions or Jinja."""
    git("clone", "--quiet", str(template), str(destination), cwd=destination.parent)
    shutil.rmtree(destination / ".git")
    shutil.rmtree(destination / "template")
    shutil.copytree(
        project,
        destination / "template",
        ignore=shutil.ignore_patterns(".git", ".copier-answers.yml"),
    )
    (destination / "copier.yml").write_text(FLOOR_FILES["copier.yml"], "utf-8")
    commit_folder(destination)
    return destination


def one_line_template(template: Path, count: int, destination: Path) -> Path:
    """Copier's cost per file: `template`'s repository (cloned alike), with its
    copier.yml the floor's and its template/ folder `count` files of one line each.
    Whatever a template's files hold, rendering this many costs at least this much."""
    git("clone", "--quiet", str(template), str(destination), cwd=destination.parent)
    shutil.rmtree(destination / ".git")
    shutil.rmtree(destination / "template")
    (destination / "template").mkdir()
    for number in range(count):
        (destination / "template" / f"file_{number}.txt").write_text(f"{number}\n")
    (destination / "copier.yml").write_text(FLOOR_FILES["copier.yml"], "utf-8")
    commit_folder(destination)
    return destination


def project_files(project: Path) -> int:
    """How many files rendering `project` wrote (its git folder and answers aside)."""
    ignored = {".git", ".copier-answers.yml"}
    return sum(
        1
        for path in project.rglob("*")
        if path.is_file() and not ignored & set(path.relative_to(project).parts)
    )


def render(template: Path, destination: Path, data: dict[str, str]) -> Path:
    """Render untimed, in this process: a project for the other measures to use."""
    import copier

    copier.run_copy(
        str(template),
        destination,
        data=data,
        defaults=True,
        unsafe=True,
        vcs_ref="HEAD",
        quiet=True,
    )
    return destination


def answer(project: Path, key: str) -> str:
    text = (project / ".copier-answers.yml").read_text(encoding="utf-8")
    return re.search(rf"^{key}: (.+)$", text, flags=re.MULTILINE).group(1).strip()


def undeclared_plugins(project: Path) -> list[str]:
    """The pytest plugins installed here that `project` does not depend on.

    The project's own environment would not have them (hypothesis, for one, takes a
    second to load), so its suite is timed without them.
    """
    pyproject = tomllib.loads((project / "pyproject.toml").read_text("utf-8"))
    metadata = pyproject["project"]
    requirements = list(metadata.get("dependencies", []))
    for extra in metadata.get("optional-dependencies", {}).values():
        requirements += extra
    for group in pyproject.get("dependency-groups", {}).values():
        requirements += [line for line in group if isinstance(line, str)]
    declared = {canonicalize_name(Requirement(line).name) for line in requirements}
    return [
        plugin.name
        for plugin in entry_points(group="pytest11")
        if canonicalize_name(plugin.dist.name) not in declared
    ]


def readme_command(number: int) -> str:
    """The README's set-up command `number`: the line under its `# N.` comment."""
    lines = README.read_text(encoding="utf-8").splitlines()
    for comment, command in zip(lines, lines[1:], strict=False):
        if comment.startswith(f"# {number}. "):
            return command
    raise BenchmarkError(f"README.md has no set-up command {number}")


def without_uv(env: dict[str, str]) -> dict[str, str]:
    """`env` as on a fresh machine: no uv on PATH, no virtual environment active."""
    folders = env.get("PATH", "").split(os.pathsep)
    path = os.pathsep.join(f for f in folders if not (Path(f) / "uv").exists())
    fresh = {k: v for k, v in env.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    return {**fresh, "PATH": path}


def pytest_seconds(output: str) -> float:
    """The time pytest's closing line reports (start-up and imports left out)."""
    found = re.findall(r" in ([\d.]+)s", output)
    return float(found[-1]) if found else float("nan")


class Bench:
    """The measures. Each returns table rows; temporary files go under `work`."""

    def __init__(
        self,
        work: Path,
        tiers: tuple[str, ...],
        repeat: int,
        warmup: int,
        peer: tuple[Path, dict[str, str]] | None = None,
    ):
        self.work, self.tiers, self.repeat, self.warmup = work, tiers, repeat, warmup
        # Another Copier template and the answers it needs: rendered beside ours.
        self.peer = peer
        self.python = sys.executable
        self.env = dict(os.environ)
        # A learner's Python writes bytecode caches; the warm-up run fills them.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.template = snapshot(REPO_ROOT, self.fresh("template"))
        self.projects: dict[str, Path] = {}
        self.skipped_plugins: set[str] = set()

    def fresh(self, name: str) -> Path:
        path = self.work / name
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def rounds(self) -> Iterator[bool]:
        """One item per round: whether to keep it (warm-up rounds come first)."""
        for number in range(self.warmup + self.repeat):
            yield number >= self.warmup

    def project(self, tier: str, kind: str = "tabular") -> Path:
        """The tier's default project of `kind`, rendered once for `train` and
        `suite`; a text project gets the benchmark corpus as its CSV."""
        name = tier if kind == "tabular" else f"{kind}-{tier}"
        if name not in self.projects:
            folder = self.fresh(f"project-{name}")
            data = {"tier": tier, "kind": kind}
            if kind == "text":
                corpus = write_text_corpus(folder / "posts.csv")
                data.update(TEXT_ANSWERS, csv_path=str(corpus))
            self.projects[name] = render(self.template, folder / "project", data)
            commit_folder(self.projects[name])
        return self.projects[name]

    def reset(self, project: Path) -> None:
        """Take `project` back to as rendered, bytecode caches kept: each round does a
        first run (the intermediate tier's Optuna study would otherwise grow)."""
        git("checkout", "--quiet", "--", ".", cwd=project)
        git("clean", "--quiet", "-d", "--force", "-x", "-e", "__pycache__", cwd=project)

    def in_project(self, project: Path) -> dict[str, str]:
        """The environment of `make` in `project`, without installing it."""
        return {**self.env, "PYTHONPATH": str(project / "src"), "MPLBACKEND": "Agg"}

    def render(self) -> list[Row]:
        floor = floor_template(self.fresh("floor"))
        subjects = {"floor": (floor, {})}
        subjects.update({tier: (self.template, {"tier": tier}) for tier in self.tiers})
        # Copier alone, at the size of the highest tier's project: see plain_template.
        highest = self.tiers[-1]
        plain = plain_template(
            self.template, self.project(highest), self.work / "plain"
        )
        subjects["plain"] = (plain, {})
        # Copier alone, as many files as the lowest tier's project, each one line.
        lowest = self.tiers[0]
        files = project_files(self.project(lowest))
        one_line = one_line_template(self.template, files, self.work / "one-line")
        subjects["one-line"] = (one_line, {})
        if self.peer:
            source, data = self.peer
            subjects[source.name] = (snapshot(source, self.fresh("peer")), data)
        timings = {name: Timing() for name in subjects}
        for keep in self.rounds():
            for name, (template, data) in subjects.items():
                destination = self.fresh("render") / "project"
                command = [self.python, "-c", RENDER, str(template), str(destination)]
                wall, cpu, out = run([*command, json.dumps(data)], self.work, self.env)
                if keep:
                    timings[name].add(wall, cpu, json.loads(out))
        rows = [
            Row(
                f"render {tier} default project (`copier copy`)",
                timings[tier],
                timings["floor"],
                "one-file template",
                RENDER_RATIO_TARGET,
                target_is_ratio=True,
            )
            for tier in self.tiers
        ]
        rows.append(
            Row(
                f"render the {highest} default project's own files as a plain "
                "template: Copier's share, for reference",
                timings["plain"],
                timings["floor"],
                "one-file template",
            )
        )
        rows.append(
            Row(
                f"render {files} one-line files (as many as the {lowest} default "
                "project) in this repository: Copier's cost per file, for reference",
                timings["one-line"],
                timings["floor"],
                "one-file template",
            )
        )
        if self.peer:
            name = self.peer[0].name
            rows.append(
                Row(
                    f"render {name}, another template, for reference",
                    timings[name],
                    timings["floor"],
                    "one-file template",
                )
            )
        return rows

    def train(self, tier: str, kind: str = "tabular") -> list[Row]:
        project = self.project(tier, kind)
        command = [self.python, "-m", answer(project, "package_name"), "train"]
        name = tier if kind == "tabular" else f"{kind}_{tier}"
        baseline = BASELINES / f"{name}.py"
        # A text script reads the project's CSV: the corpus the project trains on.
        data = [str(project / TEXT_CSV)] if kind == "text" else []
        ours, plain = Timing(), Timing()
        for keep in self.rounds():
            if baseline.is_file():
                output = self.fresh(f"plain-{name}")  # an empty folder each round
                plain_command = [self.python, str(baseline), str(output), *data]
                wall, cpu, _ = run(plain_command, output, self.in_project(output))
                if keep:
                    plain.add(wall, cpu)
            self.reset(project)
            wall, cpu, _ = run(command, project, self.in_project(project))
            if keep:
                ours.add(wall, cpu)
        return [
            Row(
                f"`train`, {tier} {PROJECTS[kind]}",
                ours,
                plain if baseline.is_file() else None,
                "plain script"
                if baseline.is_file()
                else f"nothing yet: add benchmarks/baselines/{name}.py",
                TRAIN_RATIO_TARGETS.get(name),
                target_is_ratio=True,
            )
        ]

    def suite(self, tier: str, kind: str = "tabular") -> list[Row]:
        project = self.project(tier, kind)
        skipped = undeclared_plugins(project)
        self.skipped_plugins.update(skipped)
        command = [self.python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        command += [f"-pno:{name}" for name in skipped] + ["-m", "not slow"]
        timing = Timing()
        for keep in self.rounds():
            self.reset(project)
            wall, cpu, out = run(command, project, self.in_project(project))
            if keep:
                timing.add(wall, cpu, {"pytest": pytest_seconds(out)})
        return [
            Row(
                f"generated test suite, {tier}"
                + ("" if kind == "tabular" else f" {kind}")
                + ", without `slow` tests",
                timing,
                target=SUITE_TARGETS.get(
                    tier if kind == "tabular" else f"{kind}_{tier}"
                ),
            )
        ]

    def make_all(self, tier: str) -> list[Row]:
        """`make all`: train, evaluate, report; three Python processes."""
        project = self.project(tier)
        command = ["make", "--silent", "all", f"PYTHON={self.python}"]
        timing = Timing()
        for keep in self.rounds():
            self.reset(project)
            wall, cpu, _ = run(command, project, self.in_project(project))
            if keep:
                timing.add(wall, cpu)
        return [Row(f"`make all`, {tier} default project", timing)]

    def update(self) -> list[Row]:
        template = self.fresh("update") / "template"
        git("clone", "--quiet", str(self.template), str(template), cwd=self.work)
        project = render(template, self.work / "update" / "project", {})
        commit_folder(project)
        rendered = git("rev-parse", "HEAD", cwd=project)
        relative, line = TRIVIAL_CHANGE
        with (template / relative).open("a", encoding="utf-8") as file:
            file.write(f"\n{line}\n")
        git("commit", "--quiet", "--all", "-m", "A trivial change", cwd=template)

        timing = Timing()
        for keep in self.rounds():
            git("reset", "--quiet", "--hard", rendered, cwd=project)
            git("clean", "--quiet", "-d", "--force", "-x", cwd=project)
            command = [self.python, "-c", UPDATE, str(project)]
            wall, cpu, out = run(command, self.work, self.env)
            if line not in (project / "README.md").read_text(encoding="utf-8"):
                raise BenchmarkError("the update did not bring the template's change")
            if keep:
                # The update prints what arrived first: the timings are its last line.
                timing.add(wall, cpu, json.loads(out.splitlines()[-1]))
        return [Row("`copier update`, default project", timing, target=UPDATE_TARGET)]

    def setup(self) -> list[Row]:
        """README command 1 from a fresh clone, beside the same with pip; the warm-up
        round fills pip's and uv's caches, as a learner's earlier projects did."""
        commands = {"uv": readme_command(1), "pip": SETUP_WITH_PIP}
        timings = {name: Timing() for name in commands}
        env = without_uv(self.env)
        for keep in self.rounds():
            for name, command in commands.items():
                clone = self.fresh("setup") / "ml100"
                git("clone", "--quiet", str(self.template), str(clone), cwd=self.work)
                wall, cpu, _ = run(["bash", "-c", command], clone, env)
                project = clone.parent / Path(SETUP_PROJECT).name
                metrics = project / "reports" / "metrics.json"
                if not metrics.is_file():
                    raise BenchmarkError(f"{name}: README command 1 trained nothing")
                if keep:
                    timings[name].add(wall, cpu)
        return [
            Row(
                "README command 1: render, install (uv, from the lock), `make all`",
                timings["uv"],
                timings["pip"],
                "the same with pip",
                SETUP_TARGET,
            )
        ]

    def template_suite(self) -> list[Row]:
        """The template's own tests, `slow` ones included, once: it takes minutes."""
        command = [self.python, "-m", "pytest", "-n", "auto", "-q"]
        wall, cpu, out = run([*command, "-p", "no:cacheprovider"], REPO_ROOT, self.env)
        return [
            Row(
                "the template's whole test suite (`pytest -n auto`, run once)",
                Timing([wall], [cpu], [{"pytest": pytest_seconds(out)}]),
                target=TEMPLATE_SUITE_TARGET,
            )
        ]


def measure(rows: list[Row], name: str, make: Callable[[], list[Row]]) -> None:
    """Add the rows `make()` returns; a failure becomes a row that says what failed."""
    print(f"measuring {name} ...", file=sys.stderr, flush=True)
    try:
        rows.extend(make())
    except (BenchmarkError, subprocess.CalledProcessError, OSError) as error:
        detail = getattr(error, "stderr", None) or str(error)
        # The end of a traceback says what failed; its start only where.
        rows.append(Row(name, error=" ".join(str(detail).split())[-400:]))


def import_seconds(module: str) -> float:
    """Wall seconds of `python -c "import module"`, less those of `python -c pass`."""
    empty, _, _ = run([sys.executable, "-c", "pass"], REPO_ROOT, dict(os.environ))
    full, _, _ = run(
        [sys.executable, "-c", f"import {module}"], REPO_ROOT, dict(os.environ)
    )
    return full - empty


def notes(bench: Bench, repeat: int, warmup: int, load_before: float) -> list[str]:
    commit = git("rev-parse", "--short", "HEAD", cwd=REPO_ROOT)
    dirty = git("status", "--porcelain", cwd=REPO_ROOT)
    lines = [
        f"{datetime.date.today().isoformat()}, template at {commit}"
        + (" plus uncommitted changes" if dirty else ""),
        f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, copier {version('copier')}, "
        f"scikit-learn {version('scikit-learn')}",
        f"wall-clock median of {repeat} runs"
        + (f" after {warmup} warm-up run" if warmup else ", no warm-up")
        + "; CPU: of the process and its children; load average "
        f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end",
    ]
    if bench.peer:
        source, data = bench.peer
        peer_commit = git("rev-parse", "--short", "HEAD", cwd=source)
        lines.append(
            f"for reference: {source.name} at {peer_commit}, rendered with its "
            f"defaults and {json.dumps(data)}"
        )
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS"):
        if name in os.environ:
            lines.append(f"{name}={os.environ[name]} was set, and left as it was")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        lines.append("PYTHONDONTWRITEBYTECODE was unset for the runs, as for a learner")
    if bench.skipped_plugins:
        lines.append(
            "generated suites ran without the pytest plugins installed here that the "
            f"project does not declare: {', '.join(sorted(bench.skipped_plugins))}"
        )
    if find_spec("torch"):
        lines.append(torch_note())
        if "beginner" in bench.tiers:
            lines.append(
                "torch is installed here, and importing skops imports it "
                "(scikit-learn's estimator discovery walks into array-api-compat's "
                f"torch support): {import_seconds('torch'):.1f} s more for each "
                "process that saves or loads a scikit-learn model than in a beginner "
                "project's own environment"
            )
    return lines


def torch_note() -> str:
    """Which torch ran, and whether torchvision was beside it: Lightning's import
    imports torchmetrics, which imports torchvision (and torch._dynamo) when it is
    installed, as in an images project only."""
    note = f"torch {version('torch')}"
    if find_spec("torchvision") and find_spec("lightning"):
        return (
            f"{note} and torchvision {version('torchvision')}: Lightning's import then "
            f"imports torchvision too ({import_seconds('lightning'):.1f} s for "
            "`import lightning`), which only an images project's own environment has"
        )
    return f"{note}, no torchvision, as in the environment of any kind but images"


def markdown(rows: list[Row], notes: list[str]) -> str:
    header = ["measure", "ml100", "CPU", "compared with", "ratio", "target", "met"]
    lines = [
        "| " + " | ".join(header) + " |",
        "| --- | ---: | ---: | --- | ---: | --- | --- |",
        *("| " + " | ".join(row.cells()) + " |" for row in rows),
        "",
        *(f"- {note}" for note in notes),
    ]
    return "\n".join(lines)


def write_readme(table: str, start: str = README_START, end: str = README_END) -> None:
    """Replace what lies between two markers in README.md (the benchmark table's)."""
    text = README.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise SystemExit(f"README.md lacks the {start} / {end} lines")
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    README.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")


MEASURES = ("render", "train", "all", "suite", "update", "setup")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs kept per measure (default: 5)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="2 runs, no warm-up: a rough look"
    )
    parser.add_argument(
        "--only", nargs="+", choices=MEASURES, default=MEASURES, help="these measures"
    )
    parser.add_argument(
        "--tiers", nargs="+", choices=OFFERED_TIERS, help="default: every offered tier"
    )
    parser.add_argument(
        "--kinds", nargs="+", choices=KINDS, default=KINDS, help="default: every kind"
    )
    parser.add_argument(
        "--template-suite",
        action="store_true",
        help="also time the template's whole test suite, once (minutes)",
    )
    parser.add_argument(
        "--readme", action="store_true", help="write the table into README.md"
    )
    parser.add_argument(
        "--peer",
        type=Path,
        help="a clone of another Copier template, rendered beside ml100 for reference",
    )
    parser.add_argument(
        "--peer-data",
        type=json.loads,
        default={},
        help="answers the peer template needs, as JSON (default: {})",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder, to look in it"
    )
    args = parser.parse_args(argv)
    if args.peer and not any(
        (args.peer / name).is_file() for name in ("copier.yml", "copier.yaml")
    ):
        parser.error(f"--peer {args.peer}: not a Copier template (no copier.yml)")
    args.warmup = 0 if args.quick else 1
    if args.quick:
        args.repeat = 2
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    tiers = tuple(args.tiers or OFFERED_TIERS)
    load_before = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="ml100-bench-"))
    print(f"tiers: {', '.join(tiers)}; working in {work}", file=sys.stderr)
    rows: list[Row] = []
    try:
        peer = (args.peer.resolve(), args.peer_data) if args.peer else None
        bench = Bench(work, tiers, args.repeat, args.warmup, peer)
        if "render" in args.only:
            measure(rows, "render", bench.render)
        if "update" in args.only:
            measure(rows, "`copier update`", bench.update)
        if "setup" in args.only:
            measure(rows, "README command 1", bench.setup)
        per_tier = {"train": bench.train, "all": bench.make_all, "suite": bench.suite}
        for kind in args.kinds:
            for tier in tiers:
                for name, method in per_tier.items():
                    if name not in args.only:
                        continue
                    if kind == "tabular":
                        measure(rows, f"{name}, {tier}", partial(method, tier))
                    elif name in KIND_MEASURES:
                        call = partial(method, tier, kind)
                        measure(rows, f"{name}, {tier} {kind}", call)
        if args.template_suite:
            measure(rows, "the template's whole suite", bench.template_suite)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    table = markdown(rows, notes(bench, args.repeat, args.warmup, load_before))
    print(table)
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    result = RESULTS / f"{stamp}.json"
    numbers = {
        "tiers": tiers,
        "repeat": args.repeat,
        "warmup": args.warmup,
        "rows": [row.as_json() for row in rows],
        "markdown": table,
    }
    result.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {result.relative_to(REPO_ROOT)}", file=sys.stderr)
    if args.readme:
        write_readme(table)
        print("and into README.md", file=sys.stderr)
    return 1 if any(row.error for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
