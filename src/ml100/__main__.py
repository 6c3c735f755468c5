"""`python -m ml100`, the same as the `ml100` command."""

from .cli import main

raise SystemExit(main())
