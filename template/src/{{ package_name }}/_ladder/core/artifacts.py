"""Saving and loading what a run produces, safely.

Files are written to a temporary name and renamed into place, so a run that fails
half-way leaves nothing half written. Models are saved with skops, which, unlike
pickle, refuses types it was not told to trust, with the library versions they were
made with: a model loaded under others may predict differently, so it warns.

pandas and skops are imported where they are needed, so `report` starts in a blink.
"""

import json
import os
import stat
import tempfile
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping
from functools import cache, partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ProjectError

if TYPE_CHECKING:  # heavy libraries: imported only where they are used
    import pandas as pd
    from matplotlib.figure import Figure
    from sklearn.pipeline import Pipeline

# Where skops may load types from: scikit-learn's own estimators and the NumPy/SciPy
# containers they hold, and this engine's own (a time series' forecasters). Anything
# else in a model file is refused.
LADDER = __package__.rsplit(".", 1)[0]
TRUSTED_MODULE_PREFIXES = ("sklearn.", "numpy.", "scipy.", f"{LADDER}.")
# The libraries a model file depends on, and the member of the file (a zip archive,
# whose other members skops reads by name) that records their versions.
MODEL_LIBRARIES = ("scikit-learn", "skops", "numpy", "scipy")
VERSIONS_MEMBER = "versions.json"
# Not installed: recorded as such, so that installing it later shows as a change too.
MISSING = "not installed"


class VersionChangeWarning(UserWarning):
    """A model loaded under other library versions than those it was saved with."""


# Looked up once a process: a network's checkpoint, saved every epoch, records them.
@cache
def installed_version(library: str) -> str:
    try:
        return version(library)
    except PackageNotFoundError:
        return MISSING


def installed_versions(libraries: Iterable[str]) -> dict[str, str]:
    return {library: installed_version(library) for library in libraries}


def warn_if_changed(recorded: Mapping[str, str], path: Path) -> None:
    changed = [
        f"{library} {made_with} (now {installed_version(library)})"
        for library, made_with in recorded.items()
        if installed_version(library) != made_with
    ]
    if changed:
        warnings.warn(
            f"{path} was made with {', '.join(changed)}: its predictions may differ. "
            "`make install` brings back the versions uv.lock pins; `train` makes the "
            "model again under these",
            VersionChangeWarning,
            stacklevel=2,
        )


def file_mode(path: Path) -> int:
    """The permissions `path` has, or those a new file gets (umask applied)."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write` on a temporary file beside `path`, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(handle)
    try:
        write(Path(temporary))
        # mkstemp's file is private (0600): keep the mode the file had instead.
        os.chmod(temporary, file_mode(path))
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_text(path: Path, text: str) -> None:
    write_atomically(
        path, lambda temporary: temporary.write_text(text, encoding="utf-8")
    )


def write_json(path: Path, data: dict[str, Any]) -> None:
    write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_metrics(path: Path, metrics: dict[str, Any]) -> None:
    """Write reports/metrics.json, keeping its `evaluated_at` when the results are
    the same, so the file (and `git status`) change only when the results do."""
    fresh = json.loads(json.dumps(metrics))  # as it reads back: tuples are lists
    try:
        previous = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        previous = {}
    if isinstance(previous, dict) and "evaluated_at" in previous:
        unchanged = {**fresh, "evaluated_at": previous["evaluated_at"]}
        if unchanged == previous:
            fresh = unchanged
    write_json(path, fresh)


def read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ProjectError(f"{path} not found: run `train` first")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ProjectError(
            f"{path} is not valid JSON ({error}): run `train` again"
        ) from None


def read_csv(path: Path) -> "pd.DataFrame":
    import pandas as pd

    try:
        return pd.read_csv(path)
    except pd.errors.EmptyDataError:
        raise ProjectError(f"{path} is empty: it needs a header row and data") from None
    except UnicodeDecodeError:
        raise ProjectError(f"{path} is not UTF-8 text: save it as CSV UTF-8") from None
    except pd.errors.ParserError as error:
        raise ProjectError(
            f"{path} is not a readable CSV ({str(error).strip()}): check its commas "
            "and quotes"
        ) from None
    except OSError as error:
        raise ProjectError(f"{path} cannot be read: {error.strerror}") from None


def save_figures(
    figures: Mapping[str, "Figure | None"], folder: Path, base: Path, prefix: str = ""
) -> list[str]:
    """Write each figure (None: not drawn) to folder/<prefix><name>.png; their paths
    relative to `base`, as metrics.json lists them."""
    saved = []
    for name, figure in figures.items():
        if figure is None:
            continue
        path = folder / f"{prefix}{name}.png"
        write_atomically(path, partial(figure.savefig, format="png", dpi=120))
        saved.append(path.relative_to(base).as_posix())
    return saved


def save_model(model: "Pipeline", path: Path) -> None:
    import skops.io as sio  # seconds to import: only commands that need it pay

    def write(temporary: Path) -> None:
        sio.dump(model, temporary)
        with zipfile.ZipFile(temporary, "a") as archive:
            versions = installed_versions(MODEL_LIBRARIES)
            archive.writestr(VERSIONS_MEMBER, json.dumps(versions, indent=2))

    write_atomically(path, write)


def recorded_versions(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        if VERSIONS_MEMBER not in archive.namelist():
            return {}
        return json.loads(archive.read(VERSIONS_MEMBER))


def load_model(path: Path) -> "Pipeline":
    """The model saved by `train`; a missing, corrupt or foreign file is refused."""
    import skops.io as sio  # seconds to import: only commands that need it pay
    from sklearn.base import BaseEstimator
    from sklearn.exceptions import InconsistentVersionWarning

    if not path.is_file():
        raise ProjectError(f"{path} not found: run `train` first")
    try:
        untrusted = sio.get_untrusted_types(file=path)
        versions = recorded_versions(path)
    except Exception as error:  # skops raises many types for a damaged zip
        raise ProjectError(
            f"{path} is not a model saved by `train` ({type(error).__name__}): "
            "delete it and run `train` again"
        ) from None
    refused = [
        name for name in untrusted if not name.startswith(TRUSTED_MODULE_PREFIXES)
    ]
    if refused:
        raise ProjectError(
            f"{path} holds types this project does not trust ({', '.join(refused)}): "
            "only load model files you made with `train`"
        )
    warn_if_changed(versions, path)
    try:
        with warnings.catch_warnings():
            if versions:  # the warning above names them all; scikit-learn's would too
                warnings.simplefilter("ignore", InconsistentVersionWarning)
            model = sio.load(path, trusted=untrusted)
    except Exception as error:
        raise ProjectError(
            f"{path} could not be loaded ({type(error).__name__}: {error}): "
            "run `train` again"
        ) from None
    # The advanced tier saves its fitted preprocessor here too: any estimator will do.
    if not isinstance(model, BaseEstimator):
        raise ProjectError(
            f"{path} holds a {type(model).__name__}, not the estimator `train` saves: "
            "run `train` again"
        )
    return model


def require_columns(
    columns: Iterable[str], rows: "pd.DataFrame", source: str | Path, hint: str
) -> "pd.DataFrame":
    """The `columns` a model was trained on, from `rows`; refuses rows lacking some."""
    expected = [str(column) for column in columns]
    missing = [column for column in expected if column not in rows.columns]
    if missing:
        raise ProjectError(
            f"{source} lacks {len(missing)} column(s) the model was trained on "
            f"({', '.join(missing)}): {hint}"
        )
    return rows[expected]
