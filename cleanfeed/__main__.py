import sys

from cleanfeed.cli import main

sys.exit(main())
