"""The answers' rules: each `*_problem` function says why an answer is refused (one
line naming the question's rule) or "" when it is fine, and the names derived from
answers (slug, package) are made here so that they pass those rules.
"""

from __future__ import annotations

import keyword
import re
import sys
import unicodedata
from typing import Any

PLACEHOLDER_AUTHOR = "Your Name"
PLACEHOLDER_EMAIL = "you@example.com"
PLACEHOLDER_GITHUB_USER = "your-github-name"
# An https address with a host and a path: what a repository's public page looks like.
HTTPS_URL_PATTERN = re.compile(
    r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[A-Za-z0-9_.~-]+)+$"
)
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Names end up in file names, import lines and `python -m <package>`: keep them short
# enough that every generated line stays within ruff's 88 columns.
MAX_SLUG_LENGTH = 60
MAX_PACKAGE_LENGTH = 30
MAX_CSV_STEM_LENGTH = 40


# Modules a generated project imports: a package named like one would shadow it.
DEPENDENCY_MODULES = frozenset(
    {
        "sklearn",
        "skops",
        "numpy",
        "pandas",
        "scipy",
        "matplotlib",
        "joblib",
        "jsonargparse",
        "pytest",
        "ruff",
        "uv",
        "optuna",
        "torch",
        "torchmetrics",
        "lightning",
        "pytorch_lightning",
        "yaml",
        "copier",
        "ipykernel",
        "jupytext",
        "nbclient",
    }
)
# Modules those dependencies and the dev tools pull in; shadowing one breaks them too.
# tests/test_dependencies.py checks this list against what a project installs.
INDIRECT_DEPENDENCY_MODULES = frozenset(
    {
        "alembic",
        "asttokens",
        "attr",
        "attrs",
        "cfgv",
        "cloudpickle",
        "colorlog",
        "comm",
        "contourpy",
        "cuda",
        "cycler",
        "dateutil",
        "debugpy",
        "distlib",
        "executing",
        "fastjsonschema",
        "filelock",
        "fsspec",
        "functorch",
        "identify",
        "iniconfig",
        "ipykernel_launcher",
        "ipython_pygments_lexers",
        "isympy",
        "jedi",
        "jinja2",
        "jsonschema",
        "jsonschema_specifications",
        "jupyter",
        "jupyter_client",
        "jupyter_core",
        "jupyterlab_jupytext",
        "jupytext_config",
        "kiwisolver",
        "lightning_fabric",
        "lightning_utilities",
        "mako",
        "markdown_it",
        "markupsafe",
        "matplotlib_inline",
        "mdit_py_plugins",
        "mdurl",
        "mpl_toolkits",
        "mpmath",
        "narwhals",
        "nbformat",
        "nest_asyncio2",
        "networkx",
        "nodeenv",
        "nvidia",
        "packaging",
        "parso",
        "pexpect",
        "platformdirs",
        "pluggy",
        "pre_commit",
        "prettytable",
        "prompt_toolkit",
        "psutil",
        "ptyprocess",
        "pure_eval",
        "py",
        "pygments",
        "pylab",
        "pyparsing",
        "python_discovery",
        "referencing",
        "rpds",
        "setuptools",
        "sqlalchemy",
        "stack_data",
        "sympy",
        "threadpoolctl",
        "torchgen",
        "tornado",
        "tqdm",
        "traitlets",
        "triton",
        "typing_extensions",
        "tzdata",
        "virtualenv",
        "wcwidth",
        "zmq",
    }
)


# The forecast horizon a CSV series starts with: a year of monthly data.
DEFAULT_HORIZON = 12
MAX_HORIZON = 1000


def horizon_problem(horizon: Any) -> str:
    """Why `horizon` is not a number of steps to forecast, or "" when it is."""
    if not is_whole_number(str(horizon)):
        return f"horizon must be a whole number of time steps, got '{horizon}'"
    if not 1 <= int(str(horizon).strip()) <= MAX_HORIZON:
        return f"horizon must be from 1 to {MAX_HORIZON} steps, got {int(horizon)}"
    return ""


def has_control_characters(text: str) -> bool:
    """Whether `text` holds line breaks, tabs or other control characters."""
    return any(unicodedata.category(char) == "Cc" for char in str(text))


def is_whole_number(text: str) -> bool:
    """Whether `text` is digits with optional spaces around: " 042", not "4.5"."""
    return str(text).strip().isdecimal()


def to_identifier(text: str) -> str:
    """A valid package name from free text: "Iris data" -> "iris_data"."""
    # Room for the "project_" prefix or the "_project" suffix below.
    length = MAX_PACKAGE_LENGTH - len("_project")
    name = slugify(text, max_length=length).replace("-", "_") or "project"
    if name[0].isdigit():
        name = f"project_{name}"
    if identifier_problem(name):
        name = f"{name}_project"
    return name


def slugify(text: str, max_length: int = 0) -> str:
    """Lowercase ASCII words joined by dashes: "Café au lait!" -> "cafe-au-lait".

    With `max_length`, whole words are kept while they fit (a first word that is
    too long on its own is cut).
    """
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore")
    words = re.findall(r"[a-z0-9]+", ascii_text.decode().lower())
    slug = "-".join(words)
    if max_length and len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:max_length]
    return slug


def identifier_problem(name: str) -> str:
    """Why `name` cannot be the package name, or "" when it can."""
    if not name.isidentifier() or not name.isascii():
        return f"'{name}' is not a Python identifier (use lowercase letters, digits, _)"
    if name != name.lower():
        return f"'{name}' has capitals: package names are lowercase (PEP 8)"
    if len(name) > MAX_PACKAGE_LENGTH:
        return f"'{name}' is longer than {MAX_PACKAGE_LENGTH} characters"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"'{name}' is a Python keyword"
    if name in sys.stdlib_module_names:
        return f"'{name}' would shadow the standard library module '{name}'"
    if name in DEPENDENCY_MODULES | INDIRECT_DEPENDENCY_MODULES:
        return f"'{name}' would shadow the dependency '{name}'"
    return ""


def is_email(text: str) -> bool:
    """Whether `text` looks like an email address: name@host.tld."""
    return bool(EMAIL_PATTERN.match(str(text))) and not has_control_characters(text)


def is_slug(text: str) -> bool:
    """Whether `text` is lowercase letters and digits joined by single dashes."""
    return bool(SLUG_PATTERN.match(str(text)))


def slug_problem(text: str) -> str:
    """Why `text` cannot be the project slug, or "" when it can."""
    if not is_slug(text):
        return (
            "must be lowercase letters and digits joined by single dashes "
            f"(like 001-iris-classification), got '{text}'"
        )
    if len(text) > MAX_SLUG_LENGTH:
        return f"must be at most {MAX_SLUG_LENGTH} characters, got {len(text)}"
    return ""


def https_url_problem(text: str) -> str:
    """Why `text` cannot be the repository address, or "" when it can."""
    if not HTTPS_URL_PATTERN.match(str(text)):
        return (
            "must be an https address like https://github.com/you/001-iris, with no "
            f"spaces, query or trailing slash, got '{text}'"
        )
    return ""
