from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Discretisation")


@_attrs_define
class Discretisation:
    """Whether the time steps resolved the gradient flow: along it dL/dt = −T‖du/dt‖², and the
    relative defect of that balance over the run (worst seed) is O(dt²) when they do.

        Attributes:
            energy_balance_error (float | None):
            tolerance (float):
            resolved (bool | None):
    """

    energy_balance_error: float | None
    tolerance: float
    resolved: bool | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        energy_balance_error: float | None
        energy_balance_error = self.energy_balance_error

        tolerance = self.tolerance

        resolved: bool | None
        resolved = self.resolved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "energy_balance_error": energy_balance_error,
                "tolerance": tolerance,
                "resolved": resolved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_energy_balance_error(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        energy_balance_error = _parse_energy_balance_error(d.pop("energy_balance_error"))

        tolerance = d.pop("tolerance")

        def _parse_resolved(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        resolved = _parse_resolved(d.pop("resolved"))

        discretisation = cls(
            energy_balance_error=energy_balance_error,
            tolerance=tolerance,
            resolved=resolved,
        )

        discretisation.additional_properties = d
        return discretisation

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
