from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.trajectory_theory_closed_form_info import TrajectoryTheoryClosedFormInfo


T = TypeVar("T", bound="TrajectoryTheory")


@_attrs_define
class TrajectoryTheory:
    """
    Attributes:
        series (list[float | None]): the truncated engine series on the grid
        series_order (int):
        series_coefficients (list[float | None]): Y_0..Y_order at these sizes
        series_meaningful_until (float | None):
        closed_form (list[float | None] | None): the catalogue's curve, if any
        closed_form_info (TrajectoryTheoryClosedFormInfo): solution, valid_for, … or reason
    """

    series: list[float | None]
    series_order: int
    series_coefficients: list[float | None]
    series_meaningful_until: float | None
    closed_form: list[float | None] | None
    closed_form_info: TrajectoryTheoryClosedFormInfo
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        series = []
        for series_item_data in self.series:
            series_item: float | None
            series_item = series_item_data
            series.append(series_item)

        series_order = self.series_order

        series_coefficients = []
        for series_coefficients_item_data in self.series_coefficients:
            series_coefficients_item: float | None
            series_coefficients_item = series_coefficients_item_data
            series_coefficients.append(series_coefficients_item)

        series_meaningful_until: float | None
        series_meaningful_until = self.series_meaningful_until

        closed_form: list[float | None] | None
        if isinstance(self.closed_form, list):
            closed_form = []
            for closed_form_type_0_item_data in self.closed_form:
                closed_form_type_0_item: float | None
                closed_form_type_0_item = closed_form_type_0_item_data
                closed_form.append(closed_form_type_0_item)

        else:
            closed_form = self.closed_form

        closed_form_info = self.closed_form_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "series": series,
                "series_order": series_order,
                "series_coefficients": series_coefficients,
                "series_meaningful_until": series_meaningful_until,
                "closed_form": closed_form,
                "closed_form_info": closed_form_info,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trajectory_theory_closed_form_info import TrajectoryTheoryClosedFormInfo  # noqa: PLC0415

        d = dict(src_dict)
        series = []
        _series = d.pop("series")
        for series_item_data in _series:

            def _parse_series_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            series_item = _parse_series_item(series_item_data)

            series.append(series_item)

        series_order = d.pop("series_order")

        series_coefficients = []
        _series_coefficients = d.pop("series_coefficients")
        for series_coefficients_item_data in _series_coefficients:

            def _parse_series_coefficients_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            series_coefficients_item = _parse_series_coefficients_item(series_coefficients_item_data)

            series_coefficients.append(series_coefficients_item)

        def _parse_series_meaningful_until(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        series_meaningful_until = _parse_series_meaningful_until(d.pop("series_meaningful_until"))

        def _parse_closed_form(data: object) -> list[float | None] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                closed_form_type_0 = []
                _closed_form_type_0 = data
                for closed_form_type_0_item_data in _closed_form_type_0:

                    def _parse_closed_form_type_0_item(data: object) -> float | None:
                        if data is None:
                            return data
                        return cast(float | None, data)

                    closed_form_type_0_item = _parse_closed_form_type_0_item(closed_form_type_0_item_data)

                    closed_form_type_0.append(closed_form_type_0_item)

                return closed_form_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float | None] | None, data)

        closed_form = _parse_closed_form(d.pop("closed_form"))

        closed_form_info = TrajectoryTheoryClosedFormInfo.from_dict(d.pop("closed_form_info"))

        trajectory_theory = cls(
            series=series,
            series_order=series_order,
            series_coefficients=series_coefficients,
            series_meaningful_until=series_meaningful_until,
            closed_form=closed_form,
            closed_form_info=closed_form_info,
        )

        trajectory_theory.additional_properties = d
        return trajectory_theory

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
