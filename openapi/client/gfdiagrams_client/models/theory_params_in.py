from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TheoryParamsIn")


@_attrs_define
class TheoryParamsIn:
    """
    Attributes:
        p (float): size p
        h (float): rank H
        sigma2 (float): initial variance σ²
        t (float | Unset): time scale T (only t/T matters) Default: 1.0.
    """

    p: float
    h: float
    sigma2: float
    t: float | Unset = 1.0

    def to_dict(self) -> dict[str, Any]:
        p = self.p

        h = self.h

        sigma2 = self.sigma2

        t = self.t

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "p": p,
                "H": h,
                "sigma2": sigma2,
            }
        )
        if t is not UNSET:
            field_dict["T"] = t

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        p = d.pop("p")

        h = d.pop("H")

        sigma2 = d.pop("sigma2")

        t = d.pop("T", UNSET)

        theory_params_in = cls(
            p=p,
            h=h,
            sigma2=sigma2,
            t=t,
        )

        return theory_params_in
