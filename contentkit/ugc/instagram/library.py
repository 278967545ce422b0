"""The only module that imports instaloader.

instaloader is heavy (and `contentkit --help` must start fast), so the
adapter's other modules import this one inside the functions that need it:
`from .library import instaloader as il`. Keeping every instaloader import
here makes the boundary easy to see and to check.
"""

from __future__ import annotations

import instaloader
import instaloader.instaloader as loader_module
from instaloader.nodeiterator import resumable_iteration

__all__ = ["instaloader", "loader_module", "resumable_iteration"]
