"""Independent oracles for the diagram engine (they share no code with it).

- :mod:`diagrams.reference.bruteforce`: the loss as an exact polynomial in the weights at tiny
  integer ``(p, H)``, differentiated along the gradient flow and averaged with Gaussian moments.
- :mod:`diagrams.reference.naive`: the straightforward diagram engine of the paper's Section 3
  (raw merges, isomorphism classes by WL hash + exact VF2, Wick pairings one by one); it is the
  performance baseline of ``benchmarks/engine.py`` and a second oracle.

Both give ``Y_s = T^s E[d^sL/dt^s(0)]`` with ``Y_0`` excluding ``½‖F‖²``.
"""

from diagrams.reference.bruteforce import (
    bruteforce_loss_offset,
    bruteforce_polynomial,
    bruteforce_series,
)
from diagrams.reference.naive import naive_expansion, naive_series

__all__ = [
    "bruteforce_loss_offset",
    "bruteforce_polynomial",
    "bruteforce_series",
    "naive_expansion",
    "naive_series",
]
