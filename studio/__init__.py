"""Voice Studio: a desktop voice-cloning studio for CosyVoice 2 / Fun-CosyVoice 3."""

import os

__version__ = "0.1.0"

# OpenMP threads that finish a parallel region spin before they sleep: 300,000 spins by default in GNU
# OpenMP (libgomp, what torch's Linux wheels use). On a CPU shared with other programs - a laptop with a
# browser open - a spinning thread holds a core that the thread everyone waits for needs, and the int8 LM
# step of the fast preset (~170 tiny parallel regions per token) went from 22 ms to 1368 ms per token
# on 2 busy cores. 1,000 spins measured the same as the default on an idle machine (22-26 ms) and 154 ms
# under the same load; PASSIVE (no spin) cost 2x when idle (44 ms). See README, "OpenMP wait policy".
# Read by libgomp when it loads (with torch), so it is set here, before anything imports torch; a value
# the user set wins.
os.environ.setdefault("GOMP_SPINCOUNT", "1000")
