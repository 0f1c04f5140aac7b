"""`python -m studio` is `voice-studio`."""

import sys

from studio.cli import main

sys.exit(main())
