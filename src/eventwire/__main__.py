"""``python -m eventwire`` runs the CLI."""

import sys

from eventwire.cli import main

sys.exit(main())
