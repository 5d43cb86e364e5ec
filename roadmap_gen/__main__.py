import sys

from roadmap_gen.cli.main import main

sys.exit(main())
