"""factcheck: find numeric contradictions between press reports.

``factcheck.extract(text, lang)`` is the public function; the extraction *stage* is the
package ``factcheck.extract`` too. The package is imported first, so that the function
bound below keeps the name (a later ``import factcheck.extract.x`` does not rebind it).
"""

from importlib.metadata import PackageNotFoundError, version

import factcheck.extract  # noqa: F401  (the stage package; see the docstring)
from factcheck.api import extract

__all__ = ["extract", "__version__"]

# The one source of the version is pyproject.toml; the installed metadata carries it here.
try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
