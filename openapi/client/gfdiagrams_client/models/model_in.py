from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.symmetry import Symmetry
from ..models.target import Target
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelIn")


@_attrs_define
class ModelIn:
    """The model of Section 2: order ν, SYM/ASYM and target (identity δ or zero).

    Attributes:
        nu (int): tensor order ν
        symmetry (Symmetry | Unset): sym: u^(m) = u for every factor; asym: independent factors.
        target (Target | Unset): identity: F = δ_{i1=…=iν}; zero: free evolution.
    """

    nu: int
    symmetry: Symmetry | Unset = UNSET
    target: Target | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        nu = self.nu

        symmetry: str | Unset = UNSET
        if not isinstance(self.symmetry, Unset):
            symmetry = self.symmetry.value

        target: str | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "nu": nu,
            }
        )
        if symmetry is not UNSET:
            field_dict["symmetry"] = symmetry
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nu = d.pop("nu")

        _symmetry = d.pop("symmetry", UNSET)
        symmetry: Symmetry | Unset
        if isinstance(_symmetry, Unset):
            symmetry = UNSET
        else:
            symmetry = Symmetry(_symmetry)

        _target = d.pop("target", UNSET)
        target: Target | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = Target(_target)

        model_in = cls(
            nu=nu,
            symmetry=symmetry,
            target=target,
        )

        return model_in
