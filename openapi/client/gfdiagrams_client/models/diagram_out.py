from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.edge_out import EdgeOut
    from ..models.node_out import NodeOut
    from ..models.poly_term import PolyTerm


T = TypeVar("T", bound="DiagramOut")


@_attrs_define
class DiagramOut:
    """
    Attributes:
        id (str): stable id of the isomorphism class
        coefficient (str): exact coefficient in (½D − R)^{⋆(s+1)}
        s_d (int):
        s_r (int):
        nodes (list[NodeOut]):
        edges (list[EdgeOut]):
        expectation (list[PolyTerm] | None): E[G] (null unless contractions)
        recolorings (int | Unset): ASYM: colourings the class stands for Default: 1.
    """

    id: str
    coefficient: str
    s_d: int
    s_r: int
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    expectation: list[PolyTerm] | None
    recolorings: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        coefficient = self.coefficient

        s_d = self.s_d

        s_r = self.s_r

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        expectation: list[dict[str, Any]] | None
        if isinstance(self.expectation, list):
            expectation = []
            for expectation_type_0_item_data in self.expectation:
                expectation_type_0_item = expectation_type_0_item_data.to_dict()
                expectation.append(expectation_type_0_item)

        else:
            expectation = self.expectation

        recolorings = self.recolorings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "coefficient": coefficient,
                "s_D": s_d,
                "s_R": s_r,
                "nodes": nodes,
                "edges": edges,
                "expectation": expectation,
            }
        )
        if recolorings is not UNSET:
            field_dict["recolorings"] = recolorings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edge_out import EdgeOut  # noqa: PLC0415
        from ..models.node_out import NodeOut  # noqa: PLC0415
        from ..models.poly_term import PolyTerm  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        coefficient = d.pop("coefficient")

        s_d = d.pop("s_D")

        s_r = d.pop("s_R")

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = NodeOut.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = EdgeOut.from_dict(edges_item_data)

            edges.append(edges_item)

        def _parse_expectation(data: object) -> list[PolyTerm] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                expectation_type_0 = []
                _expectation_type_0 = data
                for expectation_type_0_item_data in _expectation_type_0:
                    expectation_type_0_item = PolyTerm.from_dict(expectation_type_0_item_data)

                    expectation_type_0.append(expectation_type_0_item)

                return expectation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PolyTerm] | None, data)

        expectation = _parse_expectation(d.pop("expectation"))

        recolorings = d.pop("recolorings", UNSET)

        diagram_out = cls(
            id=id,
            coefficient=coefficient,
            s_d=s_d,
            s_r=s_r,
            nodes=nodes,
            edges=edges,
            expectation=expectation,
            recolorings=recolorings,
        )

        diagram_out.additional_properties = d
        return diagram_out

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
