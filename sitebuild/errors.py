"""The one error a build step raises: a French message a person can act on."""


class BuildError(Exception):
    """A step could not do its work. The message is shown as is, without a traceback."""
