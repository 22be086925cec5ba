from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alternative import Alternative
    from ..models.problem_item import ProblemItem
    from ..models.refused_estimate import RefusedEstimate


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem details object (media type ``application/problem+json``).

    Attributes:
        type_ (str): URI identifying the kind of problem
        title (str):
        status (int):
        detail (str):
        instance (None | str | Unset): Path of the request that failed
        field (None | str | Unset): Dotted path of the offending request field (null for server faults)
        errors (list[ProblemItem] | Unset):
        estimate (None | RefusedEstimate | Unset): budget refusals: the estimate that was refused
        budget_seconds (float | None | Unset): budget refusals: the time budget
        budget_bytes (int | None | Unset): memory refusals: the memory budget
        alternatives (list[Alternative] | None | Unset): budget refusals: nearby requests whose estimates fit the
            budget, each the changed fields plus `seconds` (e.g. a lower s_max, or a level bound s_r_max)
    """

    type_: str
    title: str
    status: int
    detail: str
    instance: None | str | Unset = UNSET
    field: None | str | Unset = UNSET
    errors: list[ProblemItem] | Unset = UNSET
    estimate: None | RefusedEstimate | Unset = UNSET
    budget_seconds: float | None | Unset = UNSET
    budget_bytes: int | None | Unset = UNSET
    alternatives: list[Alternative] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.refused_estimate import RefusedEstimate  # noqa: PLC0415

        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        instance: None | str | Unset
        if isinstance(self.instance, Unset):
            instance = UNSET
        else:
            instance = self.instance

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        estimate: dict[str, Any] | None | Unset
        if isinstance(self.estimate, Unset):
            estimate = UNSET
        elif isinstance(self.estimate, RefusedEstimate):
            estimate = self.estimate.to_dict()
        else:
            estimate = self.estimate

        budget_seconds: float | None | Unset
        if isinstance(self.budget_seconds, Unset):
            budget_seconds = UNSET
        else:
            budget_seconds = self.budget_seconds

        budget_bytes: int | None | Unset
        if isinstance(self.budget_bytes, Unset):
            budget_bytes = UNSET
        else:
            budget_bytes = self.budget_bytes

        alternatives: list[dict[str, Any]] | None | Unset
        if isinstance(self.alternatives, Unset):
            alternatives = UNSET
        elif isinstance(self.alternatives, list):
            alternatives = []
            for alternatives_type_0_item_data in self.alternatives:
                alternatives_type_0_item = alternatives_type_0_item_data.to_dict()
                alternatives.append(alternatives_type_0_item)

        else:
            alternatives = self.alternatives

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
            }
        )
        if instance is not UNSET:
            field_dict["instance"] = instance
        if field is not UNSET:
            field_dict["field"] = field
        if errors is not UNSET:
            field_dict["errors"] = errors
        if estimate is not UNSET:
            field_dict["estimate"] = estimate
        if budget_seconds is not UNSET:
            field_dict["budget_seconds"] = budget_seconds
        if budget_bytes is not UNSET:
            field_dict["budget_bytes"] = budget_bytes
        if alternatives is not UNSET:
            field_dict["alternatives"] = alternatives

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alternative import Alternative  # noqa: PLC0415
        from ..models.problem_item import ProblemItem  # noqa: PLC0415
        from ..models.refused_estimate import RefusedEstimate  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        def _parse_instance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instance = _parse_instance(d.pop("instance", UNSET))

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        _errors = d.pop("errors", UNSET)
        errors: list[ProblemItem] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = ProblemItem.from_dict(errors_item_data)

                errors.append(errors_item)

        def _parse_estimate(data: object) -> None | RefusedEstimate | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                estimate_type_0 = RefusedEstimate.from_dict(data)

                return estimate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RefusedEstimate | Unset, data)

        estimate = _parse_estimate(d.pop("estimate", UNSET))

        def _parse_budget_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        budget_seconds = _parse_budget_seconds(d.pop("budget_seconds", UNSET))

        def _parse_budget_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        budget_bytes = _parse_budget_bytes(d.pop("budget_bytes", UNSET))

        def _parse_alternatives(data: object) -> list[Alternative] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                alternatives_type_0 = []
                _alternatives_type_0 = data
                for alternatives_type_0_item_data in _alternatives_type_0:
                    alternatives_type_0_item = Alternative.from_dict(alternatives_type_0_item_data)

                    alternatives_type_0.append(alternatives_type_0_item)

                return alternatives_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Alternative] | None | Unset, data)

        alternatives = _parse_alternatives(d.pop("alternatives", UNSET))

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
            field=field,
            errors=errors,
            estimate=estimate,
            budget_seconds=budget_seconds,
            budget_bytes=budget_bytes,
            alternatives=alternatives,
        )

        problem.additional_properties = d
        return problem

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
