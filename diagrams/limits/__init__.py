"""Large-size limits: recurrences → PDEs (Theorem 6.1), characteristics, recurrence discovery and
the catalogue of explicit loss curves (Sections 6–10 of the paper)."""

from diagrams.limits.catalogue import SOLUTIONS, Params, theory_loss
from diagrams.limits.characteristics import Characteristics
from diagrams.limits.derivations import limits_for
from diagrams.limits.discovery import CoefficientArray, Discovery, find_recurrences
from diagrams.limits.pde import FirstOrderPDE, LinearPDE, recurrence_to_pde
from diagrams.limits.recurrence import Recurrence

__all__ = [
    "SOLUTIONS",
    "Characteristics",
    "CoefficientArray",
    "Discovery",
    "FirstOrderPDE",
    "LinearPDE",
    "Params",
    "Recurrence",
    "find_recurrences",
    "limits_for",
    "recurrence_to_pde",
    "theory_loss",
]
