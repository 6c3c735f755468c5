"""Copy the learner's folder of images into the new project: `copy_images.py SRC DST`.

Run by Copier as a task after `copier copy` (see `_tasks` in copier.yml): image files
are binary, so they cannot pass through Jinja like the CSV does.
"""

import shutil
import sys
from pathlib import Path


def main(source: str, destination: str) -> None:
    target = Path(destination)
    shutil.copytree(Path(source).expanduser(), target, dirs_exist_ok=True)
    print(f"copied your images into {target}/")


if __name__ == "__main__":
    main(*sys.argv[1:])
