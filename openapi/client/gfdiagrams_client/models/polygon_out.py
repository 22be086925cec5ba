from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.alphas import Alphas
    from ..models.face_out import FaceOut
    from ..models.model_out import ModelOut
    from ..models.pareto_term import ParetoTerm
    from ..models.polygon_out_facets_item import PolygonOutFacetsItem
    from ..models.vertex_out import VertexOut


T = TypeVar("T", bound="PolygonOut")


@_attrs_define
class PolygonOut:
    """The Pareto polygon of ``Y_s`` (Section 5).

    Attributes:
        model (ModelOut):
        s (int):
        source (str): theorem41 (Theorem 4.1) or series (the engine's Y_s)
        theorem41_applies (bool):
        note (None | str):
        points (list[ParetoTerm]): every Pareto-optimal term of Y_s
        dimension (int):
        shape (str): point, segment, triangle, quadrangle, pentagon, polytope…
        vertices (list[VertexOut]):
        normal (Alphas | None): the common normal, scaled to α_p = 1
        faces (list[FaceOut]):
        facets (list[PolygonOutFacetsItem]): dimension 3 only (SYM odd ν): facets with normal and terms
    """

    model: ModelOut
    s: int
    source: str
    theorem41_applies: bool
    note: None | str
    points: list[ParetoTerm]
    dimension: int
    shape: str
    vertices: list[VertexOut]
    normal: Alphas | None
    faces: list[FaceOut]
    facets: list[PolygonOutFacetsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.alphas import Alphas  # noqa: PLC0415

        model = self.model.to_dict()

        s = self.s

        source = self.source

        theorem41_applies = self.theorem41_applies

        note: None | str
        note = self.note

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        dimension = self.dimension

        shape = self.shape

        vertices = []
        for vertices_item_data in self.vertices:
            vertices_item = vertices_item_data.to_dict()
            vertices.append(vertices_item)

        normal: dict[str, Any] | None
        if isinstance(self.normal, Alphas):
            normal = self.normal.to_dict()
        else:
            normal = self.normal

        faces = []
        for faces_item_data in self.faces:
            faces_item = faces_item_data.to_dict()
            faces.append(faces_item)

        facets = []
        for facets_item_data in self.facets:
            facets_item = facets_item_data.to_dict()
            facets.append(facets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "s": s,
                "source": source,
                "theorem41_applies": theorem41_applies,
                "note": note,
                "points": points,
                "dimension": dimension,
                "shape": shape,
                "vertices": vertices,
                "normal": normal,
                "faces": faces,
                "facets": facets,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alphas import Alphas  # noqa: PLC0415
        from ..models.face_out import FaceOut  # noqa: PLC0415
        from ..models.model_out import ModelOut  # noqa: PLC0415
        from ..models.pareto_term import ParetoTerm  # noqa: PLC0415
        from ..models.polygon_out_facets_item import PolygonOutFacetsItem  # noqa: PLC0415
        from ..models.vertex_out import VertexOut  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelOut.from_dict(d.pop("model"))

        s = d.pop("s")

        source = d.pop("source")

        theorem41_applies = d.pop("theorem41_applies")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = ParetoTerm.from_dict(points_item_data)

            points.append(points_item)

        dimension = d.pop("dimension")

        shape = d.pop("shape")

        vertices = []
        _vertices = d.pop("vertices")
        for vertices_item_data in _vertices:
            vertices_item = VertexOut.from_dict(vertices_item_data)

            vertices.append(vertices_item)

        def _parse_normal(data: object) -> Alphas | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                normal_type_0 = Alphas.from_dict(data)

                return normal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Alphas | None, data)

        normal = _parse_normal(d.pop("normal"))

        faces = []
        _faces = d.pop("faces")
        for faces_item_data in _faces:
            faces_item = FaceOut.from_dict(faces_item_data)

            faces.append(faces_item)

        facets = []
        _facets = d.pop("facets")
        for facets_item_data in _facets:
            facets_item = PolygonOutFacetsItem.from_dict(facets_item_data)

            facets.append(facets_item)

        polygon_out = cls(
            model=model,
            s=s,
            source=source,
            theorem41_applies=theorem41_applies,
            note=note,
            points=points,
            dimension=dimension,
            shape=shape,
            vertices=vertices,
            normal=normal,
            faces=faces,
            facets=facets,
        )

        polygon_out.additional_properties = d
        return polygon_out

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
