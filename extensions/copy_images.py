"""Copy the learner's folder of images into the new project: `copy_images.py SRC DST`.

Run by Copier as a task after `copier copy` (see `_tasks` in copier.yml): image files
are binary, so they cannot pass through Jinja like the CSV does.
"""

import shutil
import sys
from pathlib import Path


def main(source: str, destination: str) -> None:
    origin = Path(source).expanduser().resolve()
    target = Path(destination)
    # A project made inside the folder it copies would copy itself without end.
    if target.resolve().is_relative_to(origin):
        sys.exit(
            f"error: the new project is inside your folder of images {origin}: "
            "make it somewhere else"
        )
    shutil.copytree(origin, target, dirs_exist_ok=True)
    print(f"copied your images into {target}/")


if __name__ == "__main__":
    main(*sys.argv[1:])
