from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.symmetry import Symmetry
from ..models.target import Target

T = TypeVar("T", bound="ModelOut")


@_attrs_define
class ModelOut:
    """
    Attributes:
        nu (int):
        symmetry (Symmetry): sym: u^(m) = u for every factor; asym: independent factors.
        target (Target): identity: F = δ_{i1=…=iν}; zero: free evolution.
    """

    nu: int
    symmetry: Symmetry
    target: Target
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nu = self.nu

        symmetry = self.symmetry.value

        target = self.target.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nu": nu,
                "symmetry": symmetry,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nu = d.pop("nu")

        symmetry = Symmetry(d.pop("symmetry"))

        target = Target(d.pop("target"))

        model_out = cls(
            nu=nu,
            symmetry=symmetry,
            target=target,
        )

        model_out.additional_properties = d
        return model_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
