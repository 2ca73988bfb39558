"""lcregulator — 直播电商监管执法办案系统.

Case management for market-supervision officers enforcing the 《直播电商监督管理办法》
(SAMR & CAC Order No. 117). The package is layered; see ``README.md`` and the import-linter
contracts in ``pyproject.toml``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lcregulator")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
