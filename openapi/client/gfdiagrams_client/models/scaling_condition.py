from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monomial import Monomial


T = TypeVar("T", bound="ScalingCondition")


@_attrs_define
class ScalingCondition:
    """``monomial ≍ 1``, ``→ ∞`` or ``→ 0`` (one column entry of the paper's regime tables).

    Attributes:
        monomial (Monomial): Exponents of ``p^p H^H σ^sigma`` (integers or exact fractions).
        relation (str): ≍ 1, → ∞ or → 0
        text (str):
        latex (str):
    """

    monomial: Monomial
    relation: str
    text: str
    latex: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        monomial = self.monomial.to_dict()

        relation = self.relation

        text = self.text

        latex = self.latex

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "monomial": monomial,
                "relation": relation,
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

        relation = d.pop("relation")

        text = d.pop("text")

        latex = d.pop("latex")

        scaling_condition = cls(
            monomial=monomial,
            relation=relation,
            text=text,
            latex=latex,
        )

        scaling_condition.additional_properties = d
        return scaling_condition

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
