"""What copier.yml's `_jinja_extensions` names: this folder, imported as a package,
and its two classes for Copier.

copier-template-extensions imports the file it is given by its path alone, not as part
of a package, while the modules here import one another as one. So this file imports
its folder as a package named after the folder's place on disk: each template release
Copier renders in one process (`copier update` renders the old and the new one) gets
its own modules and its own catalogue, and the tests' `import ml100_jinja` is left be.
"""

import hashlib
import importlib
import sys
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
NAME = f"ml100_jinja_{hashlib.sha1(str(FOLDER).encode()).hexdigest()[:12]}"

if NAME not in sys.modules:
    spec = spec_from_file_location(
        NAME, FOLDER / "__init__.py", submodule_search_locations=[str(FOLDER)]
    )
    package = module_from_spec(spec)
    sys.modules[NAME] = package
    spec.loader.exec_module(package)

_extension = importlib.import_module(f"{NAME}.extension")
Ml100Extension = _extension.Ml100Extension
DatasetContext = _extension.DatasetContext
