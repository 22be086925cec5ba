from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.comparison import Comparison


T = TypeVar("T", bound="TrajectoryMetrics")


@_attrs_define
class TrajectoryMetrics:
    """
    Attributes:
        series (Comparison | None):
        closed_form (Comparison | None):
    """

    series: Comparison | None
    closed_form: Comparison | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.comparison import Comparison  # noqa: PLC0415

        series: dict[str, Any] | None
        if isinstance(self.series, Comparison):
            series = self.series.to_dict()
        else:
            series = self.series

        closed_form: dict[str, Any] | None
        if isinstance(self.closed_form, Comparison):
            closed_form = self.closed_form.to_dict()
        else:
            closed_form = self.closed_form

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "series": series,
                "closed_form": closed_form,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comparison import Comparison  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_series(data: object) -> Comparison | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                series_type_0 = Comparison.from_dict(data)

                return series_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Comparison | None, data)

        series = _parse_series(d.pop("series"))

        def _parse_closed_form(data: object) -> Comparison | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                closed_form_type_0 = Comparison.from_dict(data)

                return closed_form_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Comparison | None, data)

        closed_form = _parse_closed_form(d.pop("closed_form"))

        trajectory_metrics = cls(
            series=series,
            closed_form=closed_form,
        )

        trajectory_metrics.additional_properties = d
        return trajectory_metrics

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
