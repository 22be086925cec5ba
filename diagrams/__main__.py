"""``python -m diagrams`` — see :mod:`diagrams.cli`."""

from diagrams.cli import main

main()
