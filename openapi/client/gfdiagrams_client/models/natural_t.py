from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monomial import Monomial


T = TypeVar("T", bound="NaturalT")


@_attrs_define
class NaturalT:
    """The natural time scale ``T`` of a regime, as a monomial.

    Attributes:
        monomial (Monomial): Exponents of ``p^p H^H σ^sigma`` (integers or exact fractions).
        text (str):
        latex (str):
    """

    monomial: Monomial
    text: str
    latex: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        monomial = self.monomial.to_dict()

        text = self.text

        latex = self.latex

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "monomial": monomial,
                "text": text,
                "latex": latex,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monomial import Monomial  # noqa: PLC0415

        d = dict(src_dict)
        monomial = Monomial.from_dict(d.pop("monomial"))

        text = d.pop("text")

        latex = d.pop("latex")

        natural_t = cls(
            monomial=monomial,
            text=text,
            latex=latex,
        )

        natural_t.additional_properties = d
        return natural_t

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
