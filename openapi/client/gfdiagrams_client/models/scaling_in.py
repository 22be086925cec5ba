from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ScalingIn")


@_attrs_define
class ScalingIn:
    """``p ≍ a^α_p, H ≍ a^α_H, σ ≍ a^α_σ`` (α_p, α_H > 0).

    Attributes:
        alpha_p (float | int | str): a number, or an exact decimal/fraction string such as '-1/2'
        alpha_h (float | int | str): a number, or an exact decimal/fraction string such as '-1/2'
        alpha_sigma (float | int | str): a number, or an exact decimal/fraction string such as '-1/2'
    """

    alpha_p: float | int | str
    alpha_h: float | int | str
    alpha_sigma: float | int | str

    def to_dict(self) -> dict[str, Any]:
        alpha_p: float | int | str
        alpha_p = self.alpha_p

        alpha_h: float | int | str
        alpha_h = self.alpha_h

        alpha_sigma: float | int | str
        alpha_sigma = self.alpha_sigma

        field_dict: dict[str, Any] = {}

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

        def _parse_alpha_p(data: object) -> float | int | str:
            return cast(float | int | str, data)

        alpha_p = _parse_alpha_p(d.pop("alpha_p"))

        def _parse_alpha_h(data: object) -> float | int | str:
            return cast(float | int | str, data)

        alpha_h = _parse_alpha_h(d.pop("alpha_H"))

        def _parse_alpha_sigma(data: object) -> float | int | str:
            return cast(float | int | str, data)

        alpha_sigma = _parse_alpha_sigma(d.pop("alpha_sigma"))

        scaling_in = cls(
            alpha_p=alpha_p,
            alpha_h=alpha_h,
            alpha_sigma=alpha_sigma,
        )

        return scaling_in
