"""Whether a migration plan concerns the project Copier updates: copier.yml's
`_migrations` ask it in their `when:`, so that a project past the plan's release
starts no Python process for it, in either stage.

It reads the project's release as the plan itself does (extensions/migrations/
releases.py, loaded from its place); every case but "past the release" is left to
migrate.py, which says what is wrong in its own words.
"""

from __future__ import annotations

from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

from packaging.version import InvalidVersion, Version

RELEASES = Path(__file__).resolve().parents[1] / "migrations" / "releases.py"

_spec = spec_from_file_location(f"{__package__}.releases", RELEASES)
releases = module_from_spec(_spec)
_spec.loader.exec_module(releases)


def plan_due(project: str, plan: str) -> bool:
    """False when the project at `project` records a release at or past the one the
    plan file `plan` is named after (0.2.0.plan); True otherwise."""
    try:
        release = Version(Path(plan).name.removesuffix(".plan"))
        return releases.project_release(Path(project)) < release
    except (InvalidVersion, releases.ReleaseError):
        return True
