"""factcheck: find numeric contradictions between press reports."""

from factcheck.api import extract

__all__ = ["extract"]
__version__ = "0.1.0"
