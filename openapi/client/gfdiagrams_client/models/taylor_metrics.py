from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TaylorMetrics")


@_attrs_define
class TaylorMetrics:
    """
    Attributes:
        max_abs_z (float | None): over the orders whose z is reliable
        z_reliable (list[bool]): per order: n ≥ 10·kurtosis, i.e. the standard error is trustworthy
        n_seeds (int):
        rel_err (list[float | None]):
    """

    max_abs_z: float | None
    z_reliable: list[bool]
    n_seeds: int
    rel_err: list[float | None]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_abs_z: float | None
        max_abs_z = self.max_abs_z

        z_reliable = self.z_reliable

        n_seeds = self.n_seeds

        rel_err = []
        for rel_err_item_data in self.rel_err:
            rel_err_item: float | None
            rel_err_item = rel_err_item_data
            rel_err.append(rel_err_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "max_abs_z": max_abs_z,
                "z_reliable": z_reliable,
                "n_seeds": n_seeds,
                "rel_err": rel_err,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_max_abs_z(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        max_abs_z = _parse_max_abs_z(d.pop("max_abs_z"))

        z_reliable = cast(list[bool], d.pop("z_reliable"))

        n_seeds = d.pop("n_seeds")

        rel_err = []
        _rel_err = d.pop("rel_err")
        for rel_err_item_data in _rel_err:

            def _parse_rel_err_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            rel_err_item = _parse_rel_err_item(rel_err_item_data)

            rel_err.append(rel_err_item)

        taylor_metrics = cls(
            max_abs_z=max_abs_z,
            z_reliable=z_reliable,
            n_seeds=n_seeds,
            rel_err=rel_err,
        )

        taylor_metrics.additional_properties = d
        return taylor_metrics

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
