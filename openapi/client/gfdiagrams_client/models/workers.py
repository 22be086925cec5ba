from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Workers")


@_attrs_define
class Workers:
    """
    Attributes:
        processes (int):
        busy (int):
        queued (int):
        running_computations (int):
    """

    processes: int
    busy: int
    queued: int
    running_computations: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        processes = self.processes

        busy = self.busy

        queued = self.queued

        running_computations = self.running_computations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "processes": processes,
                "busy": busy,
                "queued": queued,
                "running_computations": running_computations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        processes = d.pop("processes")

        busy = d.pop("busy")

        queued = d.pop("queued")

        running_computations = d.pop("running_computations")

        workers = cls(
            processes=processes,
            busy=busy,
            queued=queued,
            running_computations=running_computations,
        )

        workers.additional_properties = d
        return workers

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
