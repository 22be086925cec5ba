from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.diagram_out import DiagramOut
    from ..models.model_out import ModelOut


T = TypeVar("T", bound="DiagramsResponse")


@_attrs_define
class DiagramsResponse:
    """
    Attributes:
        model (ModelOut):
        s (int):
        total (int): number of classes at this order
        offset (int):
        limit (int):
        diagrams (list[DiagramOut]):
    """

    model: ModelOut
    s: int
    total: int
    offset: int
    limit: int
    diagrams: list[DiagramOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        s = self.s

        total = self.total

        offset = self.offset

        limit = self.limit

        diagrams = []
        for diagrams_item_data in self.diagrams:
            diagrams_item = diagrams_item_data.to_dict()
            diagrams.append(diagrams_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "s": s,
                "total": total,
                "offset": offset,
                "limit": limit,
                "diagrams": diagrams,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.diagram_out import DiagramOut  # noqa: PLC0415
        from ..models.model_out import ModelOut  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelOut.from_dict(d.pop("model"))

        s = d.pop("s")

        total = d.pop("total")

        offset = d.pop("offset")

        limit = d.pop("limit")

        diagrams = []
        _diagrams = d.pop("diagrams")
        for diagrams_item_data in _diagrams:
            diagrams_item = DiagramOut.from_dict(diagrams_item_data)

            diagrams.append(diagrams_item)

        diagrams_response = cls(
            model=model,
            s=s,
            total=total,
            offset=offset,
            limit=limit,
            diagrams=diagrams,
        )

        diagrams_response.additional_properties = d
        return diagrams_response

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
