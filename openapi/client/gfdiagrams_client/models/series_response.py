from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.series_mode import SeriesMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_out import ModelOut
    from ..models.poly_term import PolyTerm
    from ..models.series_coefficient import SeriesCoefficient


T = TypeVar("T", bound="SeriesResponse")


@_attrs_define
class SeriesResponse:
    """
    Attributes:
        model (ModelOut):
        mode (SeriesMode): exact: full polynomials; leading: only the Pareto-optimal terms (Section 4); extreme: only
            both ends of every level's Pareto front (the terms that lead off the critical line).
        s_max (int):
        offset (list[PolyTerm]): ½‖F‖²: p/2 (identity target) or 0 (zero)
        offset_latex (str):
        coefficients (list[SeriesCoefficient]):
        s_r_max (int | None | Unset): as requested (absent: every leading term)
        s_d_max (int | None | Unset): as requested (absent: every leading term)
    """

    model: ModelOut
    mode: SeriesMode
    s_max: int
    offset: list[PolyTerm]
    offset_latex: str
    coefficients: list[SeriesCoefficient]
    s_r_max: int | None | Unset = UNSET
    s_d_max: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        mode = self.mode.value

        s_max = self.s_max

        offset = []
        for offset_item_data in self.offset:
            offset_item = offset_item_data.to_dict()
            offset.append(offset_item)

        offset_latex = self.offset_latex

        coefficients = []
        for coefficients_item_data in self.coefficients:
            coefficients_item = coefficients_item_data.to_dict()
            coefficients.append(coefficients_item)

        s_r_max: int | None | Unset
        if isinstance(self.s_r_max, Unset):
            s_r_max = UNSET
        else:
            s_r_max = self.s_r_max

        s_d_max: int | None | Unset
        if isinstance(self.s_d_max, Unset):
            s_d_max = UNSET
        else:
            s_d_max = self.s_d_max

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "mode": mode,
                "s_max": s_max,
                "offset": offset,
                "offset_latex": offset_latex,
                "coefficients": coefficients,
            }
        )
        if s_r_max is not UNSET:
            field_dict["s_r_max"] = s_r_max
        if s_d_max is not UNSET:
            field_dict["s_d_max"] = s_d_max

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_out import ModelOut  # noqa: PLC0415
        from ..models.poly_term import PolyTerm  # noqa: PLC0415
        from ..models.series_coefficient import SeriesCoefficient  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelOut.from_dict(d.pop("model"))

        mode = SeriesMode(d.pop("mode"))

        s_max = d.pop("s_max")

        offset = []
        _offset = d.pop("offset")
        for offset_item_data in _offset:
            offset_item = PolyTerm.from_dict(offset_item_data)

            offset.append(offset_item)

        offset_latex = d.pop("offset_latex")

        coefficients = []
        _coefficients = d.pop("coefficients")
        for coefficients_item_data in _coefficients:
            coefficients_item = SeriesCoefficient.from_dict(coefficients_item_data)

            coefficients.append(coefficients_item)

        def _parse_s_r_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        s_r_max = _parse_s_r_max(d.pop("s_r_max", UNSET))

        def _parse_s_d_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        s_d_max = _parse_s_d_max(d.pop("s_d_max", UNSET))

        series_response = cls(
            model=model,
            mode=mode,
            s_max=s_max,
            offset=offset,
            offset_latex=offset_latex,
            coefficients=coefficients,
            s_r_max=s_r_max,
            s_d_max=s_d_max,
        )

        series_response.additional_properties = d
        return series_response

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
