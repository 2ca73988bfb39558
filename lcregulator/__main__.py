from lcregulator.cli import main

raise SystemExit(main())
