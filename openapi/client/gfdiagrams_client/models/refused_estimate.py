from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RefusedEstimate")


@_attrs_define
class RefusedEstimate:
    """The cost estimate a budget refusal was based on.

    Attributes:
        seconds (float | None): estimated wall time; null beyond floating point
        peak_bytes (int | None | Unset):
        classes (int | None | Unset):
    """

    seconds: float | None
    peak_bytes: int | None | Unset = UNSET
    classes: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seconds: float | None
        seconds = self.seconds

        peak_bytes: int | None | Unset
        if isinstance(self.peak_bytes, Unset):
            peak_bytes = UNSET
        else:
            peak_bytes = self.peak_bytes

        classes: int | None | Unset
        if isinstance(self.classes, Unset):
            classes = UNSET
        else:
            classes = self.classes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seconds": seconds,
            }
        )
        if peak_bytes is not UNSET:
            field_dict["peak_bytes"] = peak_bytes
        if classes is not UNSET:
            field_dict["classes"] = classes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        seconds = _parse_seconds(d.pop("seconds"))

        def _parse_peak_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        peak_bytes = _parse_peak_bytes(d.pop("peak_bytes", UNSET))

        def _parse_classes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        classes = _parse_classes(d.pop("classes", UNSET))

        refused_estimate = cls(
            seconds=seconds,
            peak_bytes=peak_bytes,
            classes=classes,
        )

        refused_estimate.additional_properties = d
        return refused_estimate

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
