from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Monomial")


@_attrs_define
class Monomial:
    """Exponents of ``p^p H^H σ^sigma`` (integers or exact fractions).

    Attributes:
        p (int | str): an integer or an exact fraction 'a/b'
        h (int | str): an integer or an exact fraction 'a/b'
        sigma (int | str): exponent of σ (not σ²)
    """

    p: int | str
    h: int | str
    sigma: int | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        p: int | str
        p = self.p

        h: int | str
        h = self.h

        sigma: int | str
        sigma = self.sigma

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "p": p,
                "H": h,
                "sigma": sigma,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_p(data: object) -> int | str:
            return cast(int | str, data)

        p = _parse_p(d.pop("p"))

        def _parse_h(data: object) -> int | str:
            return cast(int | str, data)

        h = _parse_h(d.pop("H"))

        def _parse_sigma(data: object) -> int | str:
            return cast(int | str, data)

        sigma = _parse_sigma(d.pop("sigma"))

        monomial = cls(
            p=p,
            h=h,
            sigma=sigma,
        )

        monomial.additional_properties = d
        return monomial

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
