"""``python -m partreg``: the console script, as ``partreg`` runs it."""

from partreg.entry import main

main()
