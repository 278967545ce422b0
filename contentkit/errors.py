"""Every error contentkit raises on purpose, in one place.

The CLI catches `ContentkitError` and prints its message as one line; a script
can catch the base class or a specific branch::

    ContentkitError            anything the user can fix
    ├── InputError             a bad value: date, channel, pillar, rating, file content
    ├── WorkspaceError         no workspace here, or one already exists
    ├── ConfigError            contentkit.toml or a strategy/template file is wrong
    ├── StoreError             the database is corrupt or locked
    ├── ConsentError           a use of customer content without a current grant
    ├── NotFoundError          an unknown record ID
    └── NetworkError           Instagram refused, rate limited or unreachable

Every message says what is wrong and what to do, in one line.
"""

from __future__ import annotations

__all__ = [
    "ContentkitError",
    "InputError",
    "WorkspaceError",
    "ConfigError",
    "StoreError",
    "ConsentError",
    "NotFoundError",
    "NetworkError",
    "os_reason",
]


class ContentkitError(Exception):
    """Base class: a mistake the user can fix, with a message that says how."""


class InputError(ContentkitError, ValueError):
    """A value given by the user (argument, option, file content) is not valid."""


class WorkspaceError(ContentkitError):
    """No workspace was found, or creating one would overwrite another."""


class ConfigError(ContentkitError):
    """contentkit.toml, a strategy or a template file has an error."""


class StoreError(ContentkitError):
    """The workspace database cannot be read or written safely."""


class ConsentError(ContentkitError):
    """Customer content would be used without a current grant for that channel."""


class NotFoundError(ContentkitError, LookupError):
    """No record has the given ID."""


class NetworkError(ContentkitError):
    """A remote service (Instagram) refused, rate limited us, or could not be reached."""


def os_reason(exc: OSError) -> str:
    """What an OSError means, in the current language ("no such file or folder"); the system's words otherwise.

    The system's own `strerror` is English whatever the workspace speaks.
    """
    import errno

    from .i18n import N_, _

    words = {
        errno.ENOENT: N_("no such file or folder"),
        errno.EACCES: N_("permission denied"),
        errno.EPERM: N_("permission denied"),
        errno.EISDIR: N_("it is a folder"),
        errno.ENOTDIR: N_("a part of the path is not a folder"),
        errno.ENOSPC: N_("the disk is full"),
        errno.EROFS: N_("the disk is read-only"),
    }
    known = words.get(exc.errno) if exc.errno is not None else None
    return _(known) if known else str(exc.strerror or exc)
