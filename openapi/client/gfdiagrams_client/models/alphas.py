from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Alphas")


@_attrs_define
class Alphas:
    """Exponents ``(α_p, α_H, α_σ)`` of ``p ≍ a^α_p, H ≍ a^α_H, σ ≍ a^α_σ``.

    Attributes:
        alpha_p (int | str): an integer or an exact fraction 'a/b'
        alpha_h (int | str): an integer or an exact fraction 'a/b'
        alpha_sigma (int | str): an integer or an exact fraction 'a/b'
    """

    alpha_p: int | str
    alpha_h: int | str
    alpha_sigma: int | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alpha_p: int | str
        alpha_p = self.alpha_p

        alpha_h: int | str
        alpha_h = self.alpha_h

        alpha_sigma: int | str
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

        def _parse_alpha_p(data: object) -> int | str:
            return cast(int | str, data)

        alpha_p = _parse_alpha_p(d.pop("alpha_p"))

        def _parse_alpha_h(data: object) -> int | str:
            return cast(int | str, data)

        alpha_h = _parse_alpha_h(d.pop("alpha_H"))

        def _parse_alpha_sigma(data: object) -> int | str:
            return cast(int | str, data)

        alpha_sigma = _parse_alpha_sigma(d.pop("alpha_sigma"))

        alphas = cls(
            alpha_p=alpha_p,
            alpha_h=alpha_h,
            alpha_sigma=alpha_sigma,
        )

        alphas.additional_properties = d
        return alphas

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
