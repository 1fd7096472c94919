"""``python -m claimledger`` is the ``claimledger`` command."""

from claimledger.cli import main

main()
