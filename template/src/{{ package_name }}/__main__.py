"""`python -m <package> COMMAND`: the command line lives in the engine (_ladder/)."""

import sys

from ._ladder.core.cli import main

if __name__ == "__main__":
    sys.exit(main())
