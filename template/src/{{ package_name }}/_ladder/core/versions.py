"""The library versions a saved model was made with, and a warning when they changed.

A model file is read back by the libraries that load it: one saved under scikit-learn
1.5 may predict differently, or not load, under 1.8. So each model file records the
versions it was made with, and loading it under others warns and names them. uv.lock
pins the versions the project was made with: `make install` brings them back.
"""

import warnings
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# Not installed: recorded as such, so that installing it later shows as a change too.
MISSING = "not installed"


class VersionChangeWarning(UserWarning):
    """A model loaded under other library versions than those it was saved with."""


# Looked up once a process: the installed packages do not change while it runs, and
# a network's checkpoint, saved every epoch, records them each time.
@cache
def installed_version(library: str) -> str:
    """The installed version of a library, by distribution name (scikit-learn)."""
    try:
        return version(library)
    except PackageNotFoundError:
        return MISSING


def installed_versions(libraries: Iterable[str]) -> dict[str, str]:
    return {library: installed_version(library) for library in libraries}


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
