"""lcregulator — 直播电商监管执法办案系统.

Case management for market-supervision officers enforcing the 《直播电商监督管理办法》
(SAMR & CAC Order No. 117). The package is layered; see ``README.md`` and the import-linter
contracts in ``pyproject.toml``.
"""

# Written here rather than read with importlib.metadata, whose import (email, zipfile, csv …)
# costs ~50 ms at every start; a test keeps it equal to pyproject.toml's.
__version__ = "0.1.0"
