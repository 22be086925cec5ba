from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AlphaEstimate")


@_attrs_define
class AlphaEstimate:
    """
    Attributes:
        alpha_p (float):
        alpha_h (float):
        alpha_sigma (float):
    """

    alpha_p: float
    alpha_h: float
    alpha_sigma: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alpha_p = self.alpha_p

        alpha_h = self.alpha_h

        alpha_sigma = self.alpha_sigma

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alpha_p": alpha_p,
                "alpha_H": alpha_h,
                "alpha_sigma": alpha_sigma,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alpha_p = d.pop("alpha_p")

        alpha_h = d.pop("alpha_H")

        alpha_sigma = d.pop("alpha_sigma")

        alpha_estimate = cls(
            alpha_p=alpha_p,
            alpha_h=alpha_h,
            alpha_sigma=alpha_sigma,
        )

        alpha_estimate.additional_properties = d
        return alpha_estimate

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
