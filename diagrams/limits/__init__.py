"""Large-size limits: recurrences → PDEs (Theorem 6.1), characteristics, recurrence discovery and
the catalogue of explicit loss curves (Sections 6–10 of the paper)."""

from diagrams.limits.characteristics import Characteristics
from diagrams.limits.discovery import CoefficientArray, Discovery, find_recurrences
from diagrams.limits.pde import FirstOrderPDE, LinearPDE, recurrence_to_pde
from diagrams.limits.recurrence import Recurrence

__all__ = [
    "Characteristics",
    "CoefficientArray",
    "Discovery",
    "FirstOrderPDE",
    "LinearPDE",
    "Recurrence",
    "find_recurrences",
    "recurrence_to_pde",
]
