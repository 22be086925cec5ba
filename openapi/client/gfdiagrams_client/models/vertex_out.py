from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.pareto_term import ParetoTerm


T = TypeVar("T", bound="VertexOut")


@_attrs_define
class VertexOut:
    """
    Attributes:
        name (str): paper letters joined by '=' when they coincide (e.g. 'D=E')
        labels (list[str]):
        term (ParetoTerm): A Pareto-optimal monomial ``p^p H^H (σ²)^sigma2`` of ``Y_s`` and its diagram counts.
    """

    name: str
    labels: list[str]
    term: ParetoTerm
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        labels = self.labels

        term = self.term.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "labels": labels,
                "term": term,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pareto_term import ParetoTerm  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        labels = cast(list[str], d.pop("labels"))

        term = ParetoTerm.from_dict(d.pop("term"))

        vertex_out = cls(
            name=name,
            labels=labels,
            term=term,
        )

        vertex_out.additional_properties = d
        return vertex_out

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
