from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ParetoTerm")


@_attrs_define
class ParetoTerm:
    """A Pareto-optimal monomial ``p^p H^H (σ²)^sigma2`` of ``Y_s`` and its diagram counts.

    Attributes:
        p (int): exponent q of p
        h (int): exponent n of H
        sigma2 (int): exponent l of σ² (2l edges)
        s_d (int): D_2ν atoms merged
        s_r (int): R_ν atoms merged
        sign (int | None | Unset): sign of its coefficient in Y_s (±1)
    """

    p: int
    h: int
    sigma2: int
    s_d: int
    s_r: int
    sign: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        p = self.p

        h = self.h

        sigma2 = self.sigma2

        s_d = self.s_d

        s_r = self.s_r

        sign: int | None | Unset
        if isinstance(self.sign, Unset):
            sign = UNSET
        else:
            sign = self.sign

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "p": p,
                "H": h,
                "sigma2": sigma2,
                "s_D": s_d,
                "s_R": s_r,
            }
        )
        if sign is not UNSET:
            field_dict["sign"] = sign

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        p = d.pop("p")

        h = d.pop("H")

        sigma2 = d.pop("sigma2")

        s_d = d.pop("s_D")

        s_r = d.pop("s_R")

        def _parse_sign(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sign = _parse_sign(d.pop("sign", UNSET))

        pareto_term = cls(
            p=p,
            h=h,
            sigma2=sigma2,
            s_d=s_d,
            s_r=s_r,
            sign=sign,
        )

        pareto_term.additional_properties = d
        return pareto_term

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
