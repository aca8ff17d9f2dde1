"""Run the command line as ``python -m tradestats``."""

import sys

from tradestats.cli import main

sys.exit(main())
