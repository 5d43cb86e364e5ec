"""The package's version and the content format version it reads."""

__version__ = "0.1.0"
FORMAT_VERSION = 1
