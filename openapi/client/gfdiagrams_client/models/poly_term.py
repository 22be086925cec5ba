from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PolyTerm")


@_attrs_define
class PolyTerm:
    """One term ``coeff · p^p · H^H · (σ²)^sigma2`` of an exact polynomial.

    Attributes:
        coeff (str):
        p (int):
        h (int):
        sigma2 (int):
    """

    coeff: str
    p: int
    h: int
    sigma2: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        coeff = self.coeff

        p = self.p

        h = self.h

        sigma2 = self.sigma2

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "coeff": coeff,
                "p": p,
                "H": h,
                "sigma2": sigma2,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        coeff = d.pop("coeff")

        p = d.pop("p")

        h = d.pop("H")

        sigma2 = d.pop("sigma2")

        poly_term = cls(
            coeff=coeff,
            p=p,
            h=h,
            sigma2=sigma2,
        )

        poly_term.additional_properties = d
        return poly_term

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
