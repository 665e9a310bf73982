"""The package's exceptions. Every error nkextract raises is an :class:`NkExtractError`; each
subclass also derives the matching built-in, so ``except FileNotFoundError`` works as expected."""

from __future__ import annotations

__all__ = [
    "NkExtractError",
    "InputError",
    "InputNotFoundError",
    "DecodeError",
    "InvalidInputError",
    "GazetteerError",
    "MetadataError",
    "OutputError",
]


class NkExtractError(Exception):
    """Base class of all nkextract errors."""


class InputError(NkExtractError, OSError):
    """An input file could not be read."""


class InputNotFoundError(InputError, FileNotFoundError):
    """A path given as input does not exist."""


class DecodeError(NkExtractError, ValueError):
    """A file is not UTF-8 text (pass ``decoding="lossy"`` to replace bad bytes), or is binary."""


class InvalidInputError(NkExtractError, ValueError):
    """An argument or a DataFrame column is not of the expected form."""


class GazetteerError(NkExtractError, ValueError):
    """A user gazetteer file has a bad row."""


class MetadataError(NkExtractError, ValueError):
    """A metadata file is malformed (no doc_id column, a bad date)."""


class OutputError(NkExtractError, OSError):
    """The tables could not be built or written."""
