"""Carry a learner's edits across template changes that a plain `copier update` cannot.

Copier merges the template's changes into each file, but it cannot follow a file or a
setting to a new place: a renamed module would arrive fresh under its new name while the
learner's edited copy under the old name is deleted, and a renamed or moved setting
would meet the learner's value in a conflict. A release that makes such a change lists
its steps in a plan, extensions/migrations/<release>.plan, one of the commands below a
line, and copier.yml runs the plan on every update, without Copier's `version` key:

    # Both stages (each command knows what to do in each), where the project is
    # below the plan's release: plan_due (extensions/ml100_jinja/migrations.py)
    # tells in Copier's own process, so a project past it starts no process.
    - when: >-
        {{ plan_due(_copier_conf.dst_path, _copier_conf.src_path ~
        '/extensions/migrations/0.3.0.plan') }}
      command:
        - "{{ _copier_python }}"
        - "{{ _copier_conf.src_path }}/extensions/migrations/migrate.py"
        - plan
        - "{{ _copier_conf.src_path }}/extensions/migrations/0.3.0.plan"

A plan runs only for a project whose recorded release (releases.py) is below the one
in its name, so it never replays on a project already past it, tagged or not; a
change that needs a plan therefore comes with its release (pyproject.toml's version).

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
in the after stage only. `move-setting` belongs in a plan, as its before stage must
know that the update crosses the release.

How they know what the learner changed: the update is not committed yet, so HEAD still
holds the learner's files and the answers of the release they came from. That release
is rendered again from those answers into a temporary folder (as Copier itself does),
and only the difference between it and the learner's files is carried over, merged with
`git merge-file`. Every command is idempotent: a second run changes nothing. And each
tells from the learner's last commit whether the project is already past it (the old
file or setting gone, the new one there): then it changes nothing and says nothing,
even where the plan's release gate was passed by mistake. Copier runs them with its own
interpreter, in the project, and names the stage in $STAGE.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from packaging.version import InvalidVersion, Version

import releases
import yaml_lines

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
            answers = load_answers(releases.at_head(self.project, ANSWERS_FILE))
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


Rewrite = tuple[str, str, str]  # ("replace" or "sub", old, new)


def rewrite(text: str, rewrites: list[Rewrite]) -> str:
    """`text` with each rewrite made, in order.

    ("replace", OLD, NEW) replaces text, a name as a whole word only (SEED, not
    MY_SEED); ("sub", PATTERN, REPLACEMENT) is `re.sub` with ^ and $ at each line.
    """
    for kind, old, new in rewrites:
        if kind == "sub":
            try:
                text = re.sub(old, new, text, flags=re.MULTILINE)
            except re.error as error:
                raise MigrationError(f"--sub {old!r} {new!r}: {error}") from None
            continue
        pattern = re.escape(old)
        if re.match(r"\w", old):
            pattern = rf"(?<!\w){pattern}"
        if re.search(r"\w$", old):
            pattern = rf"{pattern}(?!\w)"
        text = re.sub(pattern, lambda _, new=new: new, text)
    return text


def set_aside(project: Path, relative: str, base: str) -> bool:
    """Before the update: the file back to the old release's text, and staged.

    Copier diffs the index against the old release and merges that diff into the new
    release's files: with the file as the release made it, it has nothing to merge
    there, and an after stage carries the learner's edits (still in HEAD) instead.
    """
    path = project / relative
    if not path.is_file() or path.read_text(encoding="utf-8") == base:
        return False
    path.write_text(base, encoding="utf-8")
    git(project, "add", "--", relative)
    return True


def unstage(project: Path, relative: str) -> None:
    """After the update: the index holds HEAD's file again, as for any other file."""
    if releases.at_head(project, relative) is not None:
        git(project, "reset", "-q", "--", relative)


def carry_edits(
    project: Path,
    old: str,
    new: str,
    stage: str,
    old_release: OldRelease,
    rewrites: list[Rewrite] = (),  # type: ignore[assignment]
) -> str | None:
    """Before: set the learner's OLD aside; after: merge its edits into NEW.

    The edits are the difference between the learner's OLD (at HEAD) and the old
    release's, with `rewrites` made in both first: a name the new release renamed
    (SEED -> seed) then reads the same on both sides, so a line the learner changed
    for another reason merges without a conflict. None (nothing to say) for a project
    already past the change: OLD gone, NEW there already, or an old release whose
    OLD the rewrites leave as it is (it reads as the new one: Copier merges it).
    """
    learner = releases.at_head(project, old)
    if learner is None or (new != old and releases.at_head(project, new) is not None):
        return None
    base = old_release(old)
    if base is None:
        return f"{old} is your own file, not the template's: left alone"
    if new == old and rewrite(base, rewrites) == base:
        return None
    if learner == base:
        return f"{old} was unedited: {new} is the template's"
    if stage == "before":
        set_aside(project, old, base)
        return f"your edits of {old} set aside while the template updates"
    unstage(project, old)
    learner, base = rewrite(learner, rewrites), rewrite(base, rewrites)
    target = project / new
    if not target.is_file():
        if new == old:
            raise ManualStep(
                f"{new} is not in this release: your edits are in your last commit "
                f"(git show HEAD:{old})"
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(learner, encoding="utf-8")
        return f"your {old} moved to {new}"
    current = target.read_text(encoding="utf-8")
    if CONFLICT_LINE.search(current):
        return f"{new} already holds conflict markers: resolve them by hand"
    merged, conflicts = merge3(learner, base, current)
    target.write_text(merged, encoding="utf-8")
    into = "" if new == old else f" into {new}"
    if conflicts:
        return (
            f"your edits of {old} met the template's{into}: {conflicts} conflict(s) "
            "to resolve between the <<<<<<< and >>>>>>> lines"
        )
    return f"your edits of {old} carried{into}"


def rename_file(
    project: Path, old: str, new: str, stage: str, old_release: OldRelease
) -> str | None:
    """Carry OLD's edits into NEW; after the update, OLD is gone and imports follow."""
    message = carry_edits(project, old, new, stage, old_release)
    if message is None or stage == "before" or old_release(old) is None:
        return message
    messages = [message]
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
        # NAME may be dotted (project.seed): a key inside a block mapping.
        lines = text.splitlines(keepends=True)
        found, missing = yaml_lines.find(lines, name.split("."))
        if missing or not found or not found[-1].inline:
            return None
        node = found[-1]
        match = yaml_lines.KEY_LINE.match(lines[node.line].rstrip("\n"))
        assert match is not None
        start = sum(len(line) for line in lines[: node.line]) + match.start("rest")
        return start, start + len(node.inline)
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
) -> str | None:
    """Before: set the learner's value back to the release's; after: carry it over.
    None (nothing to say) where the last commit has no such setting: moved already."""
    head_answers = load_answers(releases.at_head(project, ANSWERS_FILE))
    old_file, old_name = parse_place(old, head_answers)
    old_suffix = Path(old_file).suffix
    learner = setting_value(releases.at_head(project, old_file), old_name, old_suffix)
    if learner is None:
        return None
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

    unstage(project, old_file)
    new_file, new_name = parse_place(new, load_answers(current_answers(project)))
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


# A function's defaults, and whole configuration files, moved into a YAML file.


def parse_python(text: str, relative: str) -> ast.Module:
    try:
        return ast.parse(text)
    except SyntaxError as error:
        raise ManualStep(
            f"{relative} in your last commit is not valid Python (line {error.lineno}: "
            f"{error.msg}): left alone; carry its settings by hand"
        ) from None


def defaults_of(tree: ast.Module, text: str, function: str) -> dict[str, str] | None:
    """Parameter name -> the source of its default, for a module-level function."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            arguments = node.args
            positional = [*arguments.posonlyargs, *arguments.args]
            pairs = list(zip(positional[::-1], arguments.defaults[::-1], strict=False))
            pairs += [
                (argument, default)
                for argument, default in zip(
                    arguments.kwonlyargs, arguments.kw_defaults, strict=True
                )
                if default is not None
            ]
            return {
                argument.arg: ast.get_source_segment(text, default) or ""
                for argument, default in pairs
            }
    return None


def edit_yaml(
    project: Path, relative: str, edits: list[tuple[list[str], Any]]
) -> tuple[list[str], list[str]]:
    """Set (path, value) pairs in a YAML file, or delete the path when value is
    DELETED; the edits made and the ones to make by hand, as sentences."""
    path = project / relative
    if not path.is_file():
        raise ManualStep(
            f"{relative} is not in this release: set "
            + ", ".join(f"{'.'.join(keys)} = {describe(v)}" for keys, v in edits)
            + " by hand"
        )
    text = path.read_text(encoding="utf-8")
    done, by_hand = [], []
    for keys, value in edits:
        name = ".".join(keys)
        try:
            if value is DELETED:
                edited = yaml_lines.delete(text, keys, relative)
                sentence = f"{name} removed"
            else:
                edited = yaml_lines.set_value(text, keys, value, relative)
                sentence = f"{name} = {describe(value)}"
        except yaml_lines.YAMLEditError as error:
            by_hand.append(f"{error} (set {name} = {describe(value)} by hand)")
            continue
        if edited != text:
            done.append(sentence)
        text = edited
    if done:
        path.write_text(text, encoding="utf-8")
    return done, by_hand


class Deleted:
    def __repr__(self) -> str:
        return "(removed)"


DELETED: Any = Deleted()


def describe(value: Any) -> str:
    return "(removed)" if value is DELETED else yaml_lines.flow(value)


def outcome(done: list[str], by_hand: list[str], where: str) -> str:
    """One sentence for the edits made; a ManualStep when some are left to do."""
    message = f"in {where}: {'; '.join(done)}" if done else f"{where}: unchanged"
    if by_hand:
        raise ManualStep(f"{message}; left to do by hand: {'; '.join(by_hand)}")
    return message


def move_defaults(
    project: Path, old: str, new: str, stage: str, old_release: OldRelease
) -> str | None:
    """After the update: defaults the learner changed in a function's signature are
    set in a YAML section, where the new release reads them from.

    None (nothing to say) where the last commit has that section already: the project
    reads these values from it, the defaults only stand behind it, and moving an
    edited default there would change what the model trains with.
    """
    head_answers = load_answers(releases.at_head(project, ANSWERS_FILE))
    file, function = parse_place(old, head_answers)
    yaml_at_head, section_at_head = parse_place(new, head_answers)
    config = releases.at_head(project, yaml_at_head)
    if config is not None and has_section(config, section_at_head):
        return None
    learner = releases.at_head(project, file)
    base = old_release(file)
    if learner is None or base is None or learner == base:
        return f"{file} unedited or gone: nothing to carry"
    if stage == "before":
        return f"{file} is merged by the update itself"
    mine = defaults_of(parse_python(learner, file), learner, function)
    theirs = defaults_of(parse_python(base, file), base, function)
    if mine is None or theirs is None:
        raise ManualStep(f"{file} has no function {function}(): nothing carried")
    yaml_file, section = parse_place(new, load_answers(current_answers(project)))
    edits, by_hand = [], []
    for name, source in mine.items():
        if name not in theirs or same_value(source, theirs[name], ".py"):
            continue  # a new parameter keeps its default where the code says it
        try:
            value = ast.literal_eval(source)
        except (ValueError, SyntaxError):
            by_hand.append(f"{section}.{name}: your default {source} is not a value")
            continue
        edits.append(([*section.split("."), name], value))
    if not edits and not by_hand:
        return f"the defaults of {function}() are the release's: nothing to carry"
    done, left = edit_yaml(project, yaml_file, edits)
    return outcome(done, by_hand + left, yaml_file)


def has_section(text: str, section: str) -> bool:
    """Whether YAML `text` holds the dotted key `section` (unreadable: no)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    for key in section.split("."):
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True


def current_answers(project: Path) -> str | None:
    path = project / ANSWERS_FILE
    return path.read_text(encoding="utf-8") if path.is_file() else None


def read_config(text: str, relative: str) -> dict[str, Any]:
    """A TOML or YAML file's content, or a ManualStep that says what is wrong."""
    suffix = Path(relative).suffix
    try:
        if suffix == ".toml":
            try:
                import tomllib
            except ModuleNotFoundError:  # Python 3.10: the same parser from PyPI
                import tomli as tomllib  # type: ignore[no-redef]
            data = tomllib.loads(text)
        elif suffix in (".yaml", ".yml"):
            data = yaml.safe_load(text)
        else:
            raise MigrationError(f"{relative}: move-settings reads .toml and .yaml")
    except ModuleNotFoundError:
        raise ManualStep(
            f"{relative}: reading TOML needs Python 3.11 or the tomli package; "
            "carry its settings by hand"
        ) from None
    except Exception as error:  # each parser has its own error class
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ManualStep(
            f"{relative} in your last commit cannot be read ({reason}): left alone; "
            "carry its settings by hand"
        ) from None
    if not isinstance(data, dict):
        raise ManualStep(f"{relative} in your last commit holds no settings")
    return data


def changes(
    base: dict[str, Any], mine: dict[str, Any], path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], Any]]:
    """What the learner changed: (path, new value), or (path, DELETED)."""
    found = []
    for key, value in mine.items():
        where = (*path, str(key))
        if key not in base:
            found.append((where, value))
        elif isinstance(value, dict) and isinstance(base[key], dict):
            found += changes(base[key], value, where)
        elif value != base[key]:
            found.append((where, value))
    found += [((*path, str(key)), DELETED) for key in base if key not in mine]
    return found


def parse_maps(maps: list[str]) -> dict[tuple[str, ...], tuple[str, ...] | None]:
    """`--map old.key=new.key` (a prefix of dotted keys); `old.key=` drops it."""
    table: dict[tuple[str, ...], tuple[str, ...] | None] = {}
    for spec in maps:
        old, separator, new = spec.partition("=")
        if not separator or not old:
            raise MigrationError(f"--map {spec!r}: give it as OLD.KEY=NEW.KEY")
        table[tuple(old.split("."))] = tuple(new.split(".")) if new else None
    return table


def mapped(
    path: tuple[str, ...], table: dict[tuple[str, ...], tuple[str, ...] | None]
) -> tuple[str, ...] | None:
    """`path` with its longest mapped prefix replaced; None when it was dropped."""
    for length in range(len(path), 0, -1):
        if path[:length] in table:
            new = table[path[:length]]
            return None if new is None else (*new, *path[length:])
    return path


def move_settings(
    project: Path,
    old: str,
    new: str,
    stage: str,
    old_release: OldRelease,
    maps: list[str],
) -> str | None:
    """Before: set a config file the release replaces aside; after: every value the
    learner changed in it is set in the new YAML file, at its (mapped) key. None
    (nothing to say) where the last commit has no such file: replaced already."""
    table = parse_maps(maps)
    old_file = fill(old, load_answers(releases.at_head(project, ANSWERS_FILE)))
    learner = releases.at_head(project, old_file)
    if learner is None:
        return None
    base = old_release(old_file)
    if base is None:
        return f"{old_file} was not the template's at HEAD: nothing to carry"
    if learner == base:
        return f"{old_file} was unedited: nothing to carry"
    mine = read_config(learner, old_file)
    theirs = read_config(base, old_file)
    if stage == "before":
        set_aside(project, old_file, base)
        return f"your settings in {old_file} set aside while the template updates"
    unstage(project, old_file)
    new_file = fill(new, load_answers(current_answers(project)))
    edits, by_hand = [], []
    for path, value in changes(theirs, mine):
        target = mapped(path, table)
        if target is None:
            by_hand.append(
                f"{'.'.join(path)} = {describe(value)} is no longer a setting"
            )
        else:
            edits.append((list(target), value))
    done, left = edit_yaml(project, new_file, edits)
    return outcome(done, by_hand + left, new_file)


class AppendRewrite(argparse.Action):
    """--replace OLD NEW and --sub PATTERN NEW, kept in the order they were given."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        kind = (option_string or "--replace").removeprefix("--")
        rewrites = [*getattr(namespace, self.dest), (kind, *values)]
        setattr(namespace, self.dest, rewrites)


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
    parser.add_argument(
        "--was-tier",
        help="run only for a project of this tier (or these, comma-separated) "
        "before the update, as its answers at HEAD say",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    plan = commands.add_parser("plan", help="run the steps listed in a file")
    plan.add_argument("file", type=Path, help="one command a line, as on this line")
    rename = commands.add_parser("rename-file", help="carry edits to a renamed file")
    carry = commands.add_parser("carry-edits", help="carry edits into another file")
    for command in (rename, carry):
        command.add_argument("old")
        command.add_argument("new")
    for option, meaning in [
        ("--replace", "text (a name as a whole word)"),
        ("--sub", "a regular expression (re.sub, ^ and $ at each line)"),
    ]:
        carry.add_argument(
            option,
            nargs=2,
            action=AppendRewrite,
            dest="rewrites",
            metavar=("OLD", "NEW"),
            default=[],
            help=f"how the new release rewrote the file: {meaning}, rewritten in the "
            "learner's and the old release's file alike before merging, in order",
        )
    setting = commands.add_parser("move-setting", help="carry a moved setting's value")
    setting.add_argument("old", help="FILE:NAME where the setting was")
    setting.add_argument("new", help="FILE:NAME where it is now")
    defaults = commands.add_parser(
        "move-defaults", help="carry a function's changed defaults into a YAML section"
    )
    defaults.add_argument("old", help="FILE:FUNCTION")
    defaults.add_argument("new", help="YAML_FILE:SECTION (dotted)")
    settings = commands.add_parser(
        "move-settings", help="carry a config file's changed values into a YAML file"
    )
    settings.add_argument("old", help="the .toml or .yaml file the release replaced")
    settings.add_argument("new", help="the .yaml file that holds its settings now")
    settings.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="OLD.KEY=NEW.KEY",
        help="a key (or section) that moved; OLD.KEY= for one that is gone",
    )
    return parser


def run(args: argparse.Namespace, project: Path, old_release: OldRelease) -> str | None:
    """The command's work; its one-sentence report, or None when it has nothing to
    do in this project (another tier's step, or a change the project has had)."""
    answers = load_answers(releases.at_head(project, ANSWERS_FILE))
    tiers = args.was_tier.split(",") if args.was_tier else []
    if tiers and answers.get("tier") not in tiers:
        return None
    if args.command in ("rename-file", "carry-edits"):
        # The new place may depend on answers the update changed.
        old = fill(args.old, answers)
        new = fill(args.new, load_answers(current_answers(project)) or answers)
        if args.command == "rename-file":
            return rename_file(project, old, new, args.stage, old_release)
        return carry_edits(project, old, new, args.stage, old_release, args.rewrites)
    if args.command == "move-setting":
        return move_setting(project, args.old, args.new, args.stage, old_release)
    if args.command == "move-defaults":
        return move_defaults(project, args.old, args.new, args.stage, old_release)
    return move_settings(project, args.old, args.new, args.stage, old_release, args.map)


def plan_applies(project: Path, file: Path) -> bool:
    """Whether the project is from before the plan's release (its file's name).

    copier.yml lists the plans without Copier's `version` key, so Copier runs them on
    every update: its version test compares git tags, which a fresh clone or a fork
    lacks, and a project made from an untagged commit would replay every plan at the
    first tag. The project's own record decides instead (see releases.py).
    """
    try:
        release = Version(file.name.removesuffix(".plan"))
    except InvalidVersion:
        raise MigrationError(
            f"{file}: a plan is named by its release, as 0.2.0.plan"
        ) from None
    return releases.project_release(project) < release


def plan_steps(file: Path) -> list[list[str]]:
    """A plan's steps: one command a line, in shell words; `#` starts a comment."""
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise MigrationError(f"cannot read the plan {file}: {error.strerror}") from None
    steps = []
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            words = shlex.split(line, comments=True)
        except ValueError as error:
            raise MigrationError(f"{file}, line {number}: {error}") from None
        if words:
            steps.append(words)
    return steps


def run_step(
    args: argparse.Namespace, project: Path, old_release: OldRelease, name: str
) -> int:
    """Run one command and print its report, if it has one; 1 when it failed."""
    try:
        message = run(args, project, old_release)
    except ManualStep as step:
        print(f"migration {name}: warning: {step}", file=sys.stderr)
        return 0
    except MigrationError as error:
        print(f"migration {name}: error: {error}", file=sys.stderr)
        return 1
    if message is not None:
        print(f"migration {name}: {message}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    project = args.project.resolve()
    old_release = ReleaseFiles(project, args.old_release)
    try:
        if args.command != "plan":
            return run_step(args, project, old_release, args.command)
        try:
            if not plan_applies(project, args.file):
                return 0  # a project already past the plan's release: not a word
            steps = plan_steps(args.file)
        except (MigrationError, releases.ReleaseError) as error:
            print(f"migration plan: error: {error}", file=sys.stderr)
            return 1
        # The steps share the options given before `plan`, and one old release.
        shared = ["--stage", args.stage, "--project", str(project)]
        failed = 0
        for words in steps:
            step = parser.parse_args([*shared, *words])
            failed |= run_step(step, project, old_release, step.command)
        return failed
    finally:
        old_release.close()


if __name__ == "__main__":
    sys.exit(main())
