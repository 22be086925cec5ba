"""gfdiagrams — the diagram calculus of gradient flow (exact engine).

The handful of functions users call; see ``docs/engine-api.md``.
"""

from diagrams.cost import CostEstimate, estimate_cost
from diagrams.errors import BudgetExceeded, Cancelled, DiagramsError, NotApplicable, SpecError
from diagrams.expansion import ExpansionTerm, expansion
from diagrams.graph import Diagram, atom_d, atom_r
from diagrams.model import ModelSpec
from diagrams.polynomial import Poly
from diagrams.series import SeriesResult, loss_offset, series
from diagrams.wick import expectation

__all__ = [
    "BudgetExceeded",
    "Cancelled",
    "CostEstimate",
    "Diagram",
    "DiagramsError",
    "ExpansionTerm",
    "ModelSpec",
    "NotApplicable",
    "Poly",
    "SeriesResult",
    "SpecError",
    "atom_d",
    "atom_r",
    "estimate_cost",
    "expansion",
    "expectation",
    "loss_offset",
    "series",
]

__version__ = "0.1.0"
