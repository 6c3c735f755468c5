"""The library versions a saved model was made with, and a warning when they changed.

A model file is read back by the libraries that load it: one saved under scikit-learn
1.5 may predict differently, or not load, under 1.8. So each model file records the
versions it was made with, and loading it under others warns and names them. uv.lock
pins the versions the project was made with: `make install` brings them back.
"""

import warnings
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# Not installed: recorded as such, so that installing it later shows as a change too.
MISSING = "not installed"


class VersionChangeWarning(UserWarning):
    """A model loaded under other library versions than those it was saved with."""


def installed_versions(libraries: Iterable[str]) -> dict[str, str]:
    """The installed version of each library, by distribution name (scikit-learn)."""
    found = {}
    for library in libraries:
        try:
            found[library] = version(library)
        except PackageNotFoundError:
            found[library] = MISSING
    return found


def changed_versions(recorded: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Each recorded library whose installed version differs: (recorded, installed)."""
    installed = installed_versions(recorded)
    return {
        library: (made_with, installed[library])
        for library, made_with in recorded.items()
        if installed[library] != made_with
    }


def warn_if_changed(recorded: Mapping[str, str], path: Path) -> None:
    """Warn, naming each library and both versions, if `path` was made under others."""
    changed = changed_versions(recorded)
    if not changed:
        return
    versions = ", ".join(
        f"{library} {made_with} (now {installed})"
        for library, (made_with, installed) in changed.items()
    )
    warnings.warn(
        f"{path} was made with {versions}: its predictions may differ. `make install` "
        "brings back the versions uv.lock pins; `train` makes the model again under "
        "these",
        VersionChangeWarning,
        stacklevel=2,
    )
