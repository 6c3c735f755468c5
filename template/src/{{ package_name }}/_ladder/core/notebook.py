"""Run a notebook headless, as `make explore` does: a fresh kernel, every cell, the
outputs kept.

The notebooks are jupytext percent scripts: plain Python whose `# %%` lines start the
cells, so they diff and merge like code, and JupyterLab or VS Code open them as
notebooks. jupytext reads one into a notebook, nbclient runs it in a Python kernel
(ipykernel) from the notebook's folder, and the run, outputs and figures included,
is saved as an .ipynb that GitHub shows as it is. The run is saved the way git and
the project's hooks want it: numbered cell ids, no timestamps and a final newline, so
a run that changed nothing leaves `git status` clean and commits at the first try.
"""

import importlib.util
from pathlib import Path

from .artifacts import write_text
from .errors import ProjectError

# The kernel every Python environment with ipykernel has: it runs this interpreter.
KERNEL = "python3"
# A notebook that runs longer than this, in seconds per cell, is stuck.
CELL_TIMEOUT = 600


def not_installed(name: str | None) -> str:
    return (
        f"{name} is not installed: `make install` installs this project with what "
        "runs its notebooks"
    )


def execute_notebook(script: Path, output: Path) -> Path:
    """Run the percent script `script` cell by cell; save the run to `output`."""
    try:
        import jupytext
        from nbclient import NotebookClient
        from nbclient.exceptions import (
            CellExecutionError,
            CellTimeoutError,
            DeadKernelError,
        )
    except ModuleNotFoundError as error:
        raise ProjectError(not_installed(error.name)) from None
    if importlib.util.find_spec("ipykernel") is None:  # the kernel nbclient starts
        raise ProjectError(not_installed("ipykernel"))
    if not script.is_file():
        raise ProjectError(f"{script} not found")
    notebook = jupytext.read(script)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(script.parent)}},
        # Each cell's start and end times would change the file at every run.
        record_timing=False,
        # The kernel's warning about its local TCP channels is noise here.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    try:
        client.execute()
    except CellExecutionError as error:
        # The engine's own errors say the cause and the fix; an error in code of
        # yours needs its type, and the cell it stopped in.
        if error.ename == ProjectError.__name__:
            raise ProjectError(f"{script} stopped: {error.evalue}") from None
        raise ProjectError(
            f"{script} stopped: {error.ename}: {error.evalue} "
            "(`make notebook` opens it, to see the cell)"
        ) from None
    except CellTimeoutError:
        raise ProjectError(
            f"{script}: a cell ran longer than {CELL_TIMEOUT} s; run it in "
            "`make notebook` to see which"
        ) from None
    except DeadKernelError:
        raise ProjectError(
            f"{script}: the kernel died (out of memory?); run it in `make notebook`"
        ) from None
    write_text(output, stable_ipynb(notebook))
    return output


def stable_ipynb(notebook) -> str:
    """The notebook as .ipynb text that is the same for the same run: jupytext gives
    each cell a random id, and nbformat's text lacks the final newline that the
    end-of-file hook asks for."""
    import jupytext

    for number, cell in enumerate(notebook.cells, start=1):
        cell.id = f"cell-{number}"
    return jupytext.writes(notebook, fmt="ipynb").rstrip("\n") + "\n"
