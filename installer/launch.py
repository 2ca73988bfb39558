"""Entry point of the bundled application (PyInstaller runs this file)."""

from lcregulator.cli import main

raise SystemExit(main())
