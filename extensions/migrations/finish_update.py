"""The end of every update: what arrived, and whether it met the learner's edits.

copier.yml runs this last, after Copier's merge and the migration plans, in the
project, on every path an update takes (`make update`, `ml100 update-all`, a plain
`copier update`). It prints the CHANGELOG entries between the release the project
recorded at its last commit and the one it now holds. Then, where the update left a
conflict (a file with conflict markers, or a `.rej` file Copier leaves with
`--conflict rej`), it lists those files with how to resolve or drop the update, and
exits with status 1: Copier stops with an error, so no script goes on as if the
project were fine. With $ML100_UPDATE_NOTES set, the same report is also written to
that file, in Markdown, for the update workflow's pull request.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from packaging.version import InvalidVersion, Version

import releases

CONFLICT_LINE = re.compile(rb"^(<<<<<<<|>>>>>>>)( |$)", re.MULTILINE)
RESOLVE = (
    "resolve them: keep what you want between the <<<<<<< and >>>>>>> lines and "
    "delete the markers (a .rej file holds a change to make by hand, then delete "
    "it), then commit; or drop the update: git checkout HEAD -- . && git clean -fd ."
)


def git_paths(project: Path, *args: str) -> list[str]:
    """The paths a git listing gives, relative to the project."""
    result = subprocess.run(
        ["git", *args], cwd=project, capture_output=True, check=True
    )
    return [path.decode() for path in result.stdout.split(b"\0") if path]


def conflicted(project: Path) -> list[str]:
    """Files the update changed that hold conflict markers, and every .rej file."""
    changed = git_paths(project, "diff", "--name-only", "-z", "--relative", "HEAD")
    changed += git_paths(project, "ls-files", "-z", "--others", "--exclude-standard")
    found = {
        relative
        for relative in changed
        if (project / relative).is_file()
        and CONFLICT_LINE.search((project / relative).read_bytes())
    }
    # Without --exclude-standard: a .rej file the project's .gitignore hides counts.
    found |= set(git_paths(project, "ls-files", "-z", "--others", "--", "*.rej"))
    return sorted(found)


def what_arrived(
    old: Version, new: Version, commit: str, changelog: Path
) -> tuple[str, str]:
    """The one-line summary and the CHANGELOG entries between the two releases."""
    past_release = commit != str(new)  # an untagged commit, or commits after a tag
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    entries = releases.changelog_entries(text, old, new, unreleased=past_release)
    to = f"{new} ({commit})" if past_release else str(new)
    if not entries:
        return f"ml100 {old} -> {to}: no CHANGELOG entries between them", ""
    body = "\n\n".join(f"## {heading}\n\n{body}" for heading, body in entries)
    return f"ml100 {old} -> {to}: what arrived, from the template's CHANGELOG", body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", required=True, help="the release updated to")
    parser.add_argument(
        "--commit", required=True, help="its commit, as git describes it"
    )
    parser.add_argument("--changelog", type=Path, required=True)
    parser.add_argument("--project", type=Path, default=Path())
    args = parser.parse_args(argv)
    project = args.project.resolve()
    try:
        old = releases.project_release(project)
        new = Version(args.release)
    except (releases.ReleaseError, InvalidVersion) as error:
        print(f"update: error: {error}", file=sys.stderr)
        return 1
    summary, entries = what_arrived(old, new, args.commit, args.changelog)
    print(summary)
    if entries:
        print(f"\n{entries}\n")
    conflicts = conflicted(project)
    if conflicts:
        listed = "".join(f"  {relative}\n" for relative in conflicts)
        print(
            f"error: the update met your own edits in these files:\n{listed}{RESOLVE}",
            file=sys.stderr,
        )
    notes = os.environ.get("ML100_UPDATE_NOTES")
    if notes:
        Path(notes).write_text(markdown(summary, entries, conflicts), encoding="utf-8")
    return 1 if conflicts else 0


def markdown(summary: str, entries: str, conflicts: list[str]) -> str:
    """The report as a pull request's description."""
    parts = [summary + "."]
    if conflicts:
        listed = "\n".join(f"- `{relative}`" for relative in conflicts)
        parts.append(
            "**Conflicts**: the update met your own edits in these files; the "
            "markers are left in them for you to resolve on this branch (CI fails "
            f"until none is left):\n\n{listed}"
        )
    if entries:
        # One level down: the entries sit under the description's own heading.
        parts.append(re.sub(r"(?m)^#", "##", entries))
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.exit(main())
