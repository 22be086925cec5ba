from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Comparison")


@_attrs_define
class Comparison:
    """Simulation against one theory curve, where that theory is meaningful.

    Attributes:
        n_points (int):
        t_range (list[float]):
        max_rel_err (float):
        mean_rel_err (float):
        max_scaled_err (float): largest error relative to the curve's scale
        max_abs_z (float | None):
    """

    n_points: int
    t_range: list[float]
    max_rel_err: float
    mean_rel_err: float
    max_scaled_err: float
    max_abs_z: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        n_points = self.n_points

        t_range = self.t_range

        max_rel_err = self.max_rel_err

        mean_rel_err = self.mean_rel_err

        max_scaled_err = self.max_scaled_err

        max_abs_z: float | None
        max_abs_z = self.max_abs_z

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "n_points": n_points,
                "t_range": t_range,
                "max_rel_err": max_rel_err,
                "mean_rel_err": mean_rel_err,
                "max_scaled_err": max_scaled_err,
                "max_abs_z": max_abs_z,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        n_points = d.pop("n_points")

        t_range = cast(list[float], d.pop("t_range"))

        max_rel_err = d.pop("max_rel_err")

        mean_rel_err = d.pop("mean_rel_err")

        max_scaled_err = d.pop("max_scaled_err")

        def _parse_max_abs_z(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_abs_z = _parse_max_abs_z(d.pop("max_abs_z"))

        comparison = cls(
            n_points=n_points,
            t_range=t_range,
            max_rel_err=max_rel_err,
            mean_rel_err=mean_rel_err,
            max_scaled_err=max_scaled_err,
            max_abs_z=max_abs_z,
        )

        comparison.additional_properties = d
        return comparison

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
