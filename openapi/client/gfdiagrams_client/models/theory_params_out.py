from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TheoryParamsOut")


@_attrs_define
class TheoryParamsOut:
    """
    Attributes:
        p (float):
        h (float):
        sigma2 (float):
        t (float):
    """

    p: float
    h: float
    sigma2: float
    t: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        p = self.p

        h = self.h

        sigma2 = self.sigma2

        t = self.t

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "p": p,
                "H": h,
                "sigma2": sigma2,
                "T": t,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        p = d.pop("p")

        h = d.pop("H")

        sigma2 = d.pop("sigma2")

        t = d.pop("T")

        theory_params_out = cls(
            p=p,
            h=h,
            sigma2=sigma2,
            t=t,
        )

        theory_params_out.additional_properties = d
        return theory_params_out

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
