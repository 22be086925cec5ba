from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Limits")


@_attrs_define
class Limits:
    """
    Attributes:
        nu_min (int):
        nu_max (int):
        symmetries (list[str]):
        targets (list[str]):
        order_max (int): largest s / s_max the schema accepts
        page_limit_max (int): largest limit of POST /v1/diagrams
        budget_seconds (float): estimated cost above which work is refused
        budget_bytes (int): estimated peak memory above which work is refused
        sync_seconds (float): estimated cost up to which answers are direct
        max_body_bytes (int):
    """

    nu_min: int
    nu_max: int
    symmetries: list[str]
    targets: list[str]
    order_max: int
    page_limit_max: int
    budget_seconds: float
    budget_bytes: int
    sync_seconds: float
    max_body_bytes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nu_min = self.nu_min

        nu_max = self.nu_max

        symmetries = self.symmetries

        targets = self.targets

        order_max = self.order_max

        page_limit_max = self.page_limit_max

        budget_seconds = self.budget_seconds

        budget_bytes = self.budget_bytes

        sync_seconds = self.sync_seconds

        max_body_bytes = self.max_body_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nu_min": nu_min,
                "nu_max": nu_max,
                "symmetries": symmetries,
                "targets": targets,
                "order_max": order_max,
                "page_limit_max": page_limit_max,
                "budget_seconds": budget_seconds,
                "budget_bytes": budget_bytes,
                "sync_seconds": sync_seconds,
                "max_body_bytes": max_body_bytes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nu_min = d.pop("nu_min")

        nu_max = d.pop("nu_max")

        symmetries = cast(list[str], d.pop("symmetries"))

        targets = cast(list[str], d.pop("targets"))

        order_max = d.pop("order_max")

        page_limit_max = d.pop("page_limit_max")

        budget_seconds = d.pop("budget_seconds")

        budget_bytes = d.pop("budget_bytes")

        sync_seconds = d.pop("sync_seconds")

        max_body_bytes = d.pop("max_body_bytes")

        limits = cls(
            nu_min=nu_min,
            nu_max=nu_max,
            symmetries=symmetries,
            targets=targets,
            order_max=order_max,
            page_limit_max=page_limit_max,
            budget_seconds=budget_seconds,
            budget_bytes=budget_bytes,
            sync_seconds=sync_seconds,
            max_body_bytes=max_body_bytes,
        )

        limits.additional_properties = d
        return limits

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
