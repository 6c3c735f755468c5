"""Carry a learner's edits across template changes that a plain `copier update` cannot.

Copier merges the template's changes into each file, but it cannot follow a file or a
setting to a new place: a renamed module would arrive fresh under its new name while the
learner's edited copy under the old name is deleted, and a renamed or moved setting
would meet the learner's value in a conflict. A release that makes such a change lists
one of the commands below under `_migrations` in copier.yml, at its version:

    - version: "0.3.0"
      when: "{{ true }}"  # both stages; each command knows what to do in each
      command:
        - "{{ _copier_python }}"
        - "{{ _copier_conf.src_path }}/extensions/migrations/migrate.py"
        - rename-file
        - src/{package_name}/features.py
        - src/{package_name}/preprocessing.py

Commands (paths may hold {answer} placeholders, filled from .copier-answers.yml):

    rename-file OLD NEW
        After the update, merge the learner's edits of OLD into NEW; for a Python
        module, rewrite the imports of OLD in the learner's code too.
    move-setting FILE:NAME FILE:NAME
        A module-level constant of a .py file, or a top-level key of a .yaml file, was
        renamed or moved. Before the update, set the learner's value back to the old
        release's (so nothing conflicts); after it, give the new place that value.

A change that comes with a tier instead of a release (a module the higher tier names
differently) can run `rename-file` without `version`, on a condition such as
`when: "{{ _stage == 'after' and tier != 'beginner' }}"`: Copier knows the new answers
in the after stage only. `move-setting` needs `version`, as its before stage must know
that the update crosses the release.

How they know what the learner changed: the update is not committed yet, so HEAD still
holds the learner's files and the answers of the release they came from. That release
is rendered again from those answers into a temporary folder (as Copier itself does),
and only the difference between it and the learner's files is carried over, merged with
`git merge-file`. Every command is idempotent: a second run changes nothing. Copier runs
them with its own interpreter, in the project, and names the stage in $STAGE.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ANSWERS_FILE = ".copier-answers.yml"
# The labels Copier gives its own inline conflicts, so one explanation covers both.
LABELS = ("before updating", "last update", "after updating")
CONFLICT_LINE = re.compile(r"^(<<<<<<< |>>>>>>> )", re.MULTILINE)
PLACEHOLDER = re.compile(r"\{(\w+)\}")

OldRelease = Callable[[str], "str | None"]


class MigrationError(Exception):
    """Something the migration cannot decide alone; the message says what to do."""


class ManualStep(MigrationError):
    """The update is done, but one thing is left for the learner to do by hand."""


def git(project: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=project,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode:
        raise MigrationError(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def head_text(project: Path, relative: str) -> str | None:
    """The file as the learner last committed it, or None when it was not there."""
    result = subprocess.run(
        ["git", "show", f"HEAD:./{relative}"],
        cwd=project,
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


def load_answers(text: str | None) -> dict[str, Any]:
    answers = yaml.safe_load(text or "") or {}
    if not isinstance(answers, dict):
        raise MigrationError(f"{ANSWERS_FILE} does not hold answers")
    return answers


def fill(path: str, answers: dict[str, Any]) -> str:
    """`src/{package_name}/x.py` with the project's answers filled in."""

    def answer(match: re.Match[str]) -> str:
        if match[1] not in answers:
            raise MigrationError(f"{path}: no answer called {match[1]!r}")
        return str(answers[match[1]])

    return PLACEHOLDER.sub(answer, path)


def render_release(answers: dict[str, Any], destination: Path) -> Path:
    """The project as the release in `answers` (_src_path, _commit) rendered it."""
    import copier  # the interpreter Copier runs under always has it

    if not answers.get("_src_path") or not answers.get("_commit"):
        raise MigrationError(
            f"{ANSWERS_FILE} at HEAD lacks _src_path or _commit: cannot tell which "
            "release this project came from"
        )
    data = {key: value for key, value in answers.items() if not key.startswith("_")}
    copier.run_copy(
        str(answers["_src_path"]),
        destination,
        data=data,
        vcs_ref=str(answers["_commit"]),
        defaults=True,
        overwrite=True,
        unsafe=True,
        quiet=True,
    )
    return destination


class ReleaseFiles:
    """The old release's files, rendered on first use (or read from a given folder)."""

    def __init__(self, project: Path, folder: Path | None = None) -> None:
        self.project = project
        self.folder = folder
        self._temporary: tempfile.TemporaryDirectory[str] | None = None

    def __call__(self, relative: str) -> str | None:
        if self.folder is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="ml100-old-release-")
            answers = load_answers(head_text(self.project, ANSWERS_FILE))
            self.folder = render_release(answers, Path(self._temporary.name) / "p")
        path = self.folder / relative
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def close(self) -> None:
        if self._temporary is not None:
            self._temporary.cleanup()


def merge3(ours: str, base: str, theirs: str) -> tuple[str, int]:
    """Three-way merge with `git merge-file`: the merged text and its conflict count."""
    with tempfile.TemporaryDirectory(prefix="ml100-merge-") as folder:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        labels = [arg for label in LABELS for arg in ("-L", label)]
        result = subprocess.run(
            ["git", "merge-file", "-p", *labels, *paths],
            capture_output=True,
            encoding="utf-8",
            check=False,
        )
    if result.returncode < 0 or result.returncode > 127:
        raise MigrationError(f"git merge-file failed: {result.stderr.strip()}")
    return result.stdout, result.returncode


def module_name(relative: str) -> str | None:
    """`src/pkg/features.py` -> `pkg.features`; None for a file that is not a module."""
    path = Path(relative)
    if path.suffix != ".py" or not path.parts or path.parts[0] != "src":
        return None
    return ".".join(path.with_suffix("").parts[1:])


def rewrite_imports(text: str, old: str, new: str, beside: bool = False) -> str:
    """References to module `old` (dotted, from src/) rewritten to `new`.

    `beside`: the text is a module of the same package, where `from .old import` means
    the renamed module too. `from pkg import old` is left for the learner to change.
    """
    text = re.sub(rf"(?<![\w.]){re.escape(old)}(?![\w])", new, text)
    old_parent, _, old_leaf = old.rpartition(".")
    new_parent, _, new_leaf = new.rpartition(".")
    if beside and old_parent == new_parent:
        text = re.sub(
            rf"^(\s*from\s+)\.{re.escape(old_leaf)}(\s+import\b)",
            rf"\g<1>.{new_leaf}\g<2>",
            text,
            flags=re.MULTILINE,
        )
    return text


def rename_file(project: Path, old: str, new: str, old_release: OldRelease) -> str:
    """After the update: NEW gets the learner's edits of OLD; OLD is gone."""
    learner = head_text(project, old)
    if learner is None:
        return f"{old} was not in your last commit: nothing to carry"
    base = old_release(old)
    if base is None:
        return f"{old} is your own file, not the template's: left alone"
    target = project / new
    messages = []
    if learner == base:
        messages.append(f"{old} was unedited: {new} is the template's")
    elif not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(learner, encoding="utf-8")
        messages.append(f"your {old} moved to {new}")
    elif CONFLICT_LINE.search(target.read_text(encoding="utf-8")):
        messages.append(f"{new} already holds conflict markers: resolve them by hand")
    else:
        current = target.read_text(encoding="utf-8")
        merged, conflicts = merge3(learner, base, current)
        target.write_text(merged, encoding="utf-8")
        if conflicts:
            messages.append(
                f"your edits of {old} met the template's in {new}: {conflicts} "
                "conflict(s) to resolve between the <<<<<<< and >>>>>>> lines"
            )
        else:
            messages.append(f"your edits of {old} carried into {new}")
    (project / old).unlink(missing_ok=True)
    old_module, new_module = module_name(old), module_name(new)
    if old_module and new_module and old_module != new_module:
        tracked = git(project, "ls-files", "-z", "--", "*.py").split("\0")
        for relative in sorted({*filter(None, tracked), new}):
            path = project / relative
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            beside = Path(relative).parent == Path(old).parent
            rewritten = rewrite_imports(text, old_module, new_module, beside)
            if rewritten != text:
                path.write_text(rewritten, encoding="utf-8")
                messages.append(f"{relative}: imports {new_module} now")
    return "; ".join(messages)


# Settings: a module-level constant of a .py file or a top-level key of a .yaml file.


def setting_span(text: str, name: str, suffix: str) -> tuple[int, int] | None:
    """Where the value of setting `name` sits in `text` (start, end offsets)."""
    if suffix == ".py":
        try:
            tree = ast.parse(text)
        except SyntaxError:
            return None
        # ast counts columns in UTF-8 bytes: find the span in bytes, then in characters.
        data = text.encode("utf-8")
        line_starts = [0]
        for line in data.splitlines(keepends=True):
            line_starts.append(line_starts[-1] + len(line))
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            if isinstance(node, ast.AnnAssign) and node.value is not None:
                targets = [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                value = node.value
                start = line_starts[value.lineno - 1] + value.col_offset
                end = line_starts[value.end_lineno - 1] + value.end_col_offset
                return len(data[:start].decode()), len(data[:end].decode())
        return None
    if suffix in (".yaml", ".yml"):
        pattern = rf"^{re.escape(name)}:[ \t]*(?P<value>[^\n#]*?)[ \t]*(?:#.*)?$"
        match = re.search(pattern, text, flags=re.MULTILINE)
        return match.span("value") if match and match["value"] else None
    raise MigrationError(f"move-setting handles .py and .yaml files, not {suffix!r}")


def setting_value(text: str | None, name: str, suffix: str) -> str | None:
    """The source text of setting `name`'s value, or None when it is not there."""
    if text is None:
        return None
    span = setting_span(text, name, suffix)
    return text[span[0] : span[1]] if span else None


def parse_value(source: str, suffix: str) -> Any:
    if suffix == ".py":
        return ast.literal_eval(source)
    return yaml.safe_load(source)


def same_value(first: str, second: str, suffix: str) -> bool:
    """Whether two value sources mean the same (0.20 and 0.2 do)."""
    try:
        return parse_value(first, suffix) == parse_value(second, suffix)
    except (ValueError, SyntaxError, yaml.YAMLError):
        return first.strip() == second.strip()


def convert_value(source: str, source_suffix: str, target_suffix: str) -> str:
    """A value's source text, written for the target file's language."""
    if source_suffix == target_suffix or {source_suffix, target_suffix} == {
        ".yaml",
        ".yml",
    }:
        return source
    try:
        value = parse_value(source, source_suffix)
    except (ValueError, SyntaxError, yaml.YAMLError):
        raise MigrationError(
            f"the value {source} is not a plain literal: move it by hand"
        ) from None
    if target_suffix == ".py":
        return json.dumps(value) if isinstance(value, str) else repr(value)
    return json.dumps(value, ensure_ascii=False)  # JSON scalars are valid YAML


def replace_setting(text: str, name: str, suffix: str, value: str) -> str | None:
    span = setting_span(text, name, suffix)
    if span is None:
        return None
    return text[: span[0]] + value + text[span[1] :]


def parse_place(spec: str, answers: dict[str, Any]) -> tuple[str, str]:
    path, separator, name = spec.rpartition(":")
    if not separator or not path or not name:
        raise MigrationError(f"{spec!r}: give a setting as FILE:NAME")
    return fill(path, answers), name


def move_setting(
    project: Path, old: str, new: str, stage: str, old_release: OldRelease
) -> str:
    """Before: set the learner's value back to the release's; after: carry it over."""
    head_answers = load_answers(head_text(project, ANSWERS_FILE))
    old_file, old_name = parse_place(old, head_answers)
    old_suffix = Path(old_file).suffix
    learner = setting_value(head_text(project, old_file), old_name, old_suffix)
    if learner is None:
        return f"{old_file} had no {old_name} in your last commit: nothing to carry"
    base = setting_value(old_release(old_file), old_name, old_suffix)
    if base is None:
        return f"the old release had no {old_name} in {old_file}: nothing to carry"
    if same_value(learner, base, old_suffix):
        return f"{old_name} kept the template's value: nothing to carry"

    if stage == "before":
        path = project / old_file
        text = path.read_text(encoding="utf-8")
        reset = replace_setting(text, old_name, old_suffix, base)
        if reset is not None and reset != text:
            path.write_text(reset, encoding="utf-8")
            # Copier diffs the index against the old release: stage the reset.
            git(project, "add", "--", old_file)
        return f"{old_name} = {learner} set aside while the template updates"

    current_answers = load_answers(
        (project / ANSWERS_FILE).read_text(encoding="utf-8")
        if (project / ANSWERS_FILE).is_file()
        else None
    )
    new_file, new_name = parse_place(new, current_answers)
    new_suffix = Path(new_file).suffix
    value = convert_value(learner, old_suffix, new_suffix)
    path = project / new_file
    text = path.read_text(encoding="utf-8") if path.is_file() else None
    updated = replace_setting(text, new_name, new_suffix, value) if text else None
    if updated is None:
        raise ManualStep(
            f"{new_file} has no setting {new_name}: set it to {value} by hand "
            f"(your {old_name} in {old_file} was {learner})"
        )
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return f"your {old_name} = {learner} is now {new_name} = {value} in {new_file}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--stage",
        choices=["before", "after"],
        default=os.environ.get("STAGE", "after"),
        help="the update stage (default: $STAGE, which Copier sets)",
    )
    parser.add_argument(
        "--project", type=Path, default=Path(), help="default: current folder"
    )
    parser.add_argument(
        "--old-release",
        type=Path,
        help="a folder holding the project as the old release rendered it "
        "(default: render it again from the answers at HEAD)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rename = commands.add_parser("rename-file", help="carry edits to a renamed file")
    rename.add_argument("old")
    rename.add_argument("new")
    setting = commands.add_parser("move-setting", help="carry a moved setting's value")
    setting.add_argument("old", help="FILE:NAME where the setting was")
    setting.add_argument("new", help="FILE:NAME where it is now")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    project = args.project.resolve()
    old_release = ReleaseFiles(project, args.old_release)
    try:
        if args.command == "rename-file":
            if args.stage == "before":
                return 0  # the new file only exists once the update has run
            answers = load_answers(head_text(project, ANSWERS_FILE))
            current = project / ANSWERS_FILE
            new_answers = load_answers(
                current.read_text(encoding="utf-8") if current.is_file() else None
            )
            message = rename_file(
                project,
                fill(args.old, answers),
                fill(args.new, new_answers or answers),
                old_release,
            )
        else:
            message = move_setting(project, args.old, args.new, args.stage, old_release)
    except ManualStep as step:
        print(f"migration {args.command}: warning: {step}", file=sys.stderr)
        return 0
    except MigrationError as error:
        print(f"migration {args.command}: error: {error}", file=sys.stderr)
        return 1
    finally:
        old_release.close()
    print(f"migration {args.command}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
