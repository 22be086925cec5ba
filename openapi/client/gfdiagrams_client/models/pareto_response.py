from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.face_out import FaceOut
    from ..models.model_out import ModelOut
    from ..models.polygon_out import PolygonOut


T = TypeVar("T", bound="ParetoResponse")


@_attrs_define
class ParetoResponse:
    """
    Attributes:
        model (ModelOut):
        theorem41_applies (bool): false for SYM with odd ν
        verified_against_series (bool):
        note (None | str): why there are no labels/regimes (SYM odd ν)
        polygons (list[PolygonOut]): one per s = s_min..s_max
        generic_order (int | None): order whose polygon gives the regime table
        regimes (list[FaceOut]): every face of the generic polygon (the table)
    """

    model: ModelOut
    theorem41_applies: bool
    verified_against_series: bool
    note: None | str
    polygons: list[PolygonOut]
    generic_order: int | None
    regimes: list[FaceOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        theorem41_applies = self.theorem41_applies

        verified_against_series = self.verified_against_series

        note: None | str
        note = self.note

        polygons = []
        for polygons_item_data in self.polygons:
            polygons_item = polygons_item_data.to_dict()
            polygons.append(polygons_item)

        generic_order: int | None
        generic_order = self.generic_order

        regimes = []
        for regimes_item_data in self.regimes:
            regimes_item = regimes_item_data.to_dict()
            regimes.append(regimes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "theorem41_applies": theorem41_applies,
                "verified_against_series": verified_against_series,
                "note": note,
                "polygons": polygons,
                "generic_order": generic_order,
                "regimes": regimes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.face_out import FaceOut  # noqa: PLC0415
        from ..models.model_out import ModelOut  # noqa: PLC0415
        from ..models.polygon_out import PolygonOut  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelOut.from_dict(d.pop("model"))

        theorem41_applies = d.pop("theorem41_applies")

        verified_against_series = d.pop("verified_against_series")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        polygons = []
        _polygons = d.pop("polygons")
        for polygons_item_data in _polygons:
            polygons_item = PolygonOut.from_dict(polygons_item_data)

            polygons.append(polygons_item)

        def _parse_generic_order(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        generic_order = _parse_generic_order(d.pop("generic_order"))

        regimes = []
        _regimes = d.pop("regimes")
        for regimes_item_data in _regimes:
            regimes_item = FaceOut.from_dict(regimes_item_data)

            regimes.append(regimes_item)

        pareto_response = cls(
            model=model,
            theorem41_applies=theorem41_applies,
            verified_against_series=verified_against_series,
            note=note,
            polygons=polygons,
            generic_order=generic_order,
            regimes=regimes,
        )

        pareto_response.additional_properties = d
        return pareto_response

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
