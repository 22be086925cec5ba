"""The model spec of Section 2: tensor order ν, symmetry (SYM/ASYM) and target.

``target="identity"`` is F = δ_{i1=…=iν} (eq. idtarget); ``target="zero"`` is free evolution
(Section 7), where the loss is ½D_{2ν} alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from diagrams.errors import SpecError

NU_MIN, NU_MAX = 2, 12
SYMMETRIES = ("sym", "asym")
TARGETS = ("identity", "zero")

Symmetry = Literal["sym", "asym"]
Target = Literal["identity", "zero"]


@dataclass(frozen=True, order=True)
class ModelSpec:
    """A validated model: ``ModelSpec(nu=3, symmetry="asym", target="identity")``.

    >>> ModelSpec(2, "sym", "identity").colors
    1
    >>> ModelSpec(3, "asym", "zero").offset_p_power
    """

    nu: int
    symmetry: Symmetry = "asym"
    target: Target = "identity"

    def __post_init__(self) -> None:
        if isinstance(self.nu, bool) or not isinstance(self.nu, int):
            raise SpecError("model.nu", f"must be an integer in {NU_MIN}..{NU_MAX}")
        if not NU_MIN <= self.nu <= NU_MAX:
            raise SpecError("model.nu", f"must be an integer in {NU_MIN}..{NU_MAX}, got {self.nu}")
        if self.symmetry not in SYMMETRIES:
            raise SpecError("model.symmetry", f"must be one of {', '.join(SYMMETRIES)}")
        if self.target not in TARGETS:
            raise SpecError("model.target", f"must be one of {', '.join(TARGETS)}")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], field: str = "model") -> ModelSpec:
        """Build from a JSON-like mapping, naming the offending field on error."""
        if not isinstance(data, Mapping):
            raise SpecError(field, "must be an object with nu, symmetry, target")
        unknown = set(data) - {"nu", "symmetry", "target"}
        if unknown:
            raise SpecError(f"{field}.{sorted(unknown)[0]}", "unknown field")
        if "nu" not in data:
            raise SpecError(f"{field}.nu", "is required")
        try:
            return cls(
                nu=data["nu"],
                symmetry=data.get("symmetry", "asym"),
                target=data.get("target", "identity"),
            )
        except SpecError as err:
            raise SpecError(f"{field}.{err.field.split('.', 1)[1]}", err.reason) from None

    @property
    def sym(self) -> bool:
        return self.symmetry == "sym"

    @property
    def colors(self) -> int:
        """Number of edge colours: ν in ASYM, 1 in SYM."""
        return 1 if self.sym else self.nu

    @property
    def offset_p_power(self) -> int | None:
        """½‖F‖² = ½p for the identity target (p-power 1), absent (None) for zero."""
        return 1 if self.target == "identity" else None

    def to_dict(self) -> dict[str, Any]:
        return {"nu": self.nu, "symmetry": self.symmetry, "target": self.target}

    def __str__(self) -> str:
        return f"{self.symmetry.upper()} nu={self.nu} target={self.target}"
