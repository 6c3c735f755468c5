"""One project as the hub sees it: its answers, its results, its post.

Everything is read from what the project itself writes: `.copier-answers.yml` (Copier's
record of the answers and the template release), `reports/metrics.json` (written by
`train`), and the blog draft's front matter. Anything unreadable is a HubError whose
message names the file and the cause, so one broken project is one line.
"""

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from .drafts import find_drafts
from .errors import HubError
from .workspace import ANSWERS_FILE

# The problem kinds; a project made before the template asked for one is tabular.
DEFAULT_KIND = "tabular"
# What an ml100 project's answers always hold: anything without them came from
# another template.
REQUIRED_ANSWERS = ("project_number", "project_slug", "project_title", "tier")
FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n?", re.DOTALL)
# A plain Markdown post's draft state: a comment under its title, hidden on GitHub.
DRAFT_COMMENT = re.compile(r"^<!-- draft: (true|false)\b[^\n]*-->[ \t]*\r?\n?", re.M)


def read_yaml(path: Path, what: str) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise HubError(f"{what} is not valid YAML{where}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise HubError(f"{what} cannot be read: {error}") from error


# Primary metrics that are errors, lower is better (a time series' MASE); the others
# (accuracy, R², ...) are scores, higher is better.
ERROR_METRICS = frozenset({"mase", "mae", "rmse"})
# The best a score can be: 1 for accuracy, R², the adjusted Rand index, the silhouette
# (every primary metric but the errors), 0 for an error.
PERFECT_SCORE, PERFECT_ERROR = 1.0, 0.0


@dataclass(frozen=True)
class Result:
    """The headline of `reports/metrics.json`: primary metric, model and baseline."""

    metric: str
    model: float
    baseline: float
    evaluated_at: datetime | None

    @property
    def lift(self) -> float:
        """How much better than the baseline the model is: above 0 when it beats it."""
        if self.metric in ERROR_METRICS:
            return self.baseline - self.model
        return self.model - self.baseline

    @property
    def gap_closed(self) -> float | None:
        """The share of the way from the baseline to a perfect score that the model
        went (1: perfect, 0: no better than the baseline, below 0: worse), the same
        scale for every metric; None when the baseline is perfect already."""
        perfect = PERFECT_ERROR if self.metric in ERROR_METRICS else PERFECT_SCORE
        gap = abs(perfect - self.baseline)
        return self.lift / gap if gap > 0 else None


@dataclass(frozen=True)
class Post:
    """The blog draft: where it is, its front matter, draft or published."""

    path: Path
    front_matter: dict[str, Any]
    body: str

    @property
    def status(self) -> str:
        matter = self.front_matter
        if not matter:
            said = DRAFT_COMMENT.search(self.body)
            if said is None:  # a post made before the comment: nothing says which
                return "plain Markdown"
            return "draft" if said[1] == "true" else "published"
        if matter.get("draft") is True or matter.get("published") is False:
            return "draft"
        if str(matter.get("publishStatus", "public")).lower() != "public":
            return "draft"
        return "published"

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


@dataclass(frozen=True)
class Project:
    folder: Path
    answers: dict[str, Any]

    @classmethod
    def read(cls, folder: Path) -> "Project":
        """The project in `folder`, from its answers file."""
        answers_file = folder / ANSWERS_FILE
        if not answers_file.is_file():
            raise HubError(
                f"no {ANSWERS_FILE}: not made with Copier, or the file was deleted "
                "(restore it from git to update the project)"
            )
        answers = read_yaml(answers_file, ANSWERS_FILE)
        if not isinstance(answers, dict):
            raise HubError(f"{ANSWERS_FILE} holds no answers")
        missing = [key for key in REQUIRED_ANSWERS if key not in answers]
        if missing:
            source = answers.get("_src_path", "an unknown template")
            raise HubError(
                f"made from another template ({source}): its {ANSWERS_FILE} has no "
                f"{missing[0]}"
            )
        try:
            int(answers["project_number"])
        except (TypeError, ValueError):
            raise HubError(
                f"{ANSWERS_FILE}: project_number is not a number "
                f"({answers['project_number']!r})"
            ) from None
        return cls(folder, answers)

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def number(self) -> int:
        return int(self.answers["project_number"])

    @property
    def title(self) -> str:
        return str(self.answers["project_title"])

    @property
    def slug(self) -> str:
        return str(self.answers["project_slug"])

    @property
    def tier(self) -> str:
        return str(self.answers["tier"])

    @property
    def kind(self) -> str:
        return str(self.answers.get("kind") or DEFAULT_KIND)

    @property
    def dataset(self) -> str:
        return str(self.answers.get("dataset", "?"))

    @property
    def platform(self) -> str:
        return str(self.answers.get("blog_platform", "markdown"))

    @property
    def release(self) -> str | None:
        """The template commit Copier recorded: a tag, `tag-N-gSHA`, or a SHA."""
        commit = self.answers.get("_commit")
        return str(commit) if commit is not None else None

    @property
    def template(self) -> str | None:
        source = self.answers.get("_src_path")
        return str(source) if source is not None else None

    def result(self) -> Result | None:
        """The trained result, or None before the first `train`."""
        path = self.folder / "reports" / "metrics.json"
        if not path.is_file():
            return None
        try:
            metrics = json.loads(path.read_text(encoding="utf-8"))
            name = metrics["primary_metric"]
            model = float(metrics["model"][name])
            baseline = float(metrics["baseline"][name])
        except json.JSONDecodeError as error:
            raise HubError(
                f"reports/metrics.json is not valid JSON (line {error.lineno}): "
                "run `make all` again"
            ) from error
        except (KeyError, TypeError, ValueError) as error:
            raise HubError(
                f"reports/metrics.json has no model and baseline score ({error!r}): "
                "run `make all` again"
            ) from error
        except (OSError, UnicodeDecodeError) as error:
            raise HubError(f"reports/metrics.json cannot be read: {error}") from error
        when = metrics.get("evaluated_at")
        try:
            evaluated_at = datetime.fromisoformat(when) if when else None
        except (TypeError, ValueError):
            evaluated_at = None
        return Result(name, model, baseline, evaluated_at)

    def draft_path(self) -> Path | None:
        """Where the platform's draft lies (by the rule the engine follows too)."""
        found = find_drafts(self.folder, self.slug, self.platform)
        return found[-1] if found else None

    def post(self) -> Post | None:
        """The blog draft, or None if the learner removed it."""
        path = self.draft_path()
        if path is None:
            return None
        relative = path.relative_to(self.folder).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise HubError(f"{relative} cannot be read: {error}") from error
        match = FRONT_MATTER.match(text)
        if not match:
            return Post(path, {}, text)
        try:
            matter = yaml.safe_load(match.group(1))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark else ""
            raise HubError(
                f"{relative}: its front matter is not valid YAML{where}"
            ) from error
        if not isinstance(matter, dict):
            raise HubError(f"{relative}: its front matter is not a mapping of keys")
        return Post(path, matter, text[match.end() :])
