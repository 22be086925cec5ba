from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EdgeDecision")


@_attrs_define
class EdgeDecision:
    """How one edge condition of the polygon was decided for a concrete model.

    Attributes:
        edge (str):
        condition (str):
        monomial (str):
        value (float | None):
        log_ratio (float):
    """

    edge: str
    condition: str
    monomial: str
    value: float | None
    log_ratio: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        edge = self.edge

        condition = self.condition

        monomial = self.monomial

        value: float | None
        value = self.value

        log_ratio = self.log_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "edge": edge,
                "condition": condition,
                "monomial": monomial,
                "value": value,
                "log_ratio": log_ratio,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        edge = d.pop("edge")

        condition = d.pop("condition")

        monomial = d.pop("monomial")

        def _parse_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        value = _parse_value(d.pop("value"))

        log_ratio = d.pop("log_ratio")

        edge_decision = cls(
            edge=edge,
            condition=condition,
            monomial=monomial,
            value=value,
            log_ratio=log_ratio,
        )

        edge_decision.additional_properties = d
        return edge_decision

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
