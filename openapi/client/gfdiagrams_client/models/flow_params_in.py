from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FlowParamsIn")


@_attrs_define
class FlowParamsIn:
    """Concrete sizes: ``p``, rank ``H``, initial variance ``σ²`` and time scale ``T``.

    Attributes:
        p (int): size p
        h (int): rank H
        sigma2 (float): initial variance σ²
        t (float | Unset): time scale T of du/dt = −(1/T)∇L Default: 1.0.
    """

    p: int
    h: int
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

        flow_params_in = cls(
            p=p,
            h=h,
            sigma2=sigma2,
            t=t,
        )

        return flow_params_in
