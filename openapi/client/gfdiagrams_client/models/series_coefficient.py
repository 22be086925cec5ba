from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.poly_term import PolyTerm


T = TypeVar("T", bound="SeriesCoefficient")


@_attrs_define
class SeriesCoefficient:
    """
    Attributes:
        s (int):
        terms (list[PolyTerm]): Y_s as an exact polynomial in p, H, σ²
        latex (str):
    """

    s: int
    terms: list[PolyTerm]
    latex: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        s = self.s

        terms = []
        for terms_item_data in self.terms:
            terms_item = terms_item_data.to_dict()
            terms.append(terms_item)

        latex = self.latex

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "s": s,
                "terms": terms,
                "latex": latex,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.poly_term import PolyTerm  # noqa: PLC0415

        d = dict(src_dict)
        s = d.pop("s")

        terms = []
        _terms = d.pop("terms")
        for terms_item_data in _terms:
            terms_item = PolyTerm.from_dict(terms_item_data)

            terms.append(terms_item)

        latex = d.pop("latex")

        series_coefficient = cls(
            s=s,
            terms=terms,
            latex=latex,
        )

        series_coefficient.additional_properties = d
        return series_coefficient

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
