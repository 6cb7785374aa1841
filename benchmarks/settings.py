"""
The production settings, served over plain http on 127.0.0.1 for benchmarks.

Only the URLs change (a bare view beside the site); everything a plain-http
local run needs is set through the variables newsroom.settings already reads.
"""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
