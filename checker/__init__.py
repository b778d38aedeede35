"""checker: a linter for Chinese–English translations.

``from checker import check`` is the Python API (see checker/api.py); importing it is cheap,
the pipeline loads on the first call.
"""

from checker.api import check

__all__ = ["check"]
