"""Rendering a `mkdocs build`'s pages in several processes, as one unit.

`ParallelPages` is what cercle/hub calls at each MkDocs event (pages.py); `ParallelRender`
forks, deals and joins the processes (render.py). The MkDocs internals this relies on,
beyond the plugin API, each have a named test in tests/integration/test_mkdocs_contract.py.
"""

from cercle.mkdocs.parallel.pages import ParallelPages
from cercle.mkdocs.parallel.render import (
    ONE_SHOT_COMMANDS,
    ParallelRender,
    process_count,
    shares,
    unknown_plugins,
)

__all__ = [
    "ONE_SHOT_COMMANDS",
    "ParallelPages",
    "ParallelRender",
    "process_count",
    "shares",
    "unknown_plugins",
]
