from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RegimeParamsIn")


@_attrs_define
class RegimeParamsIn:
    """A concrete model ``(p, H, σ²)``.

    Attributes:
        p (float | int | str): a number, or an exact decimal/fraction string such as '-1/2'
        h (float | int | str): a number, or an exact decimal/fraction string such as '-1/2'
        sigma2 (float | int | str): a number, or an exact decimal/fraction string such as '-1/2'
    """

    p: float | int | str
    h: float | int | str
    sigma2: float | int | str

    def to_dict(self) -> dict[str, Any]:
        p: float | int | str
        p = self.p

        h: float | int | str
        h = self.h

        sigma2: float | int | str
        sigma2 = self.sigma2

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "p": p,
                "H": h,
                "sigma2": sigma2,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_p(data: object) -> float | int | str:
            return cast(float | int | str, data)

        p = _parse_p(d.pop("p"))

        def _parse_h(data: object) -> float | int | str:
            return cast(float | int | str, data)

        h = _parse_h(d.pop("H"))

        def _parse_sigma2(data: object) -> float | int | str:
            return cast(float | int | str, data)

        sigma2 = _parse_sigma2(d.pop("sigma2"))

        regime_params_in = cls(
            p=p,
            h=h,
            sigma2=sigma2,
        )

        return regime_params_in
