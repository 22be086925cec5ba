from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.solution_id import SolutionId
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.check import Check
    from ..models.limits_response_characteristics import LimitsResponseCharacteristics
    from ..models.limits_response_generating_function_type_0 import LimitsResponseGeneratingFunctionType0
    from ..models.limits_response_merge_type_0 import LimitsResponseMergeType0
    from ..models.model_out import ModelOut
    from ..models.pde_out import PdeOut
    from ..models.recurrence_out import RecurrenceOut
    from ..models.solution_out import SolutionOut


T = TypeVar("T", bound="LimitsResponse")


@_attrs_define
class LimitsResponse:
    """
    Attributes:
        solution_id (SolutionId): A catalogue solution (Sections 7–10), see diagrams.limits.catalogue.
        title (str):
        reference (str): where the paper has it
        model (ModelOut):
        faces (list[str]): faces of the polygon the solution covers
        recurrence (RecurrenceOut): The recurrence of the coefficients (Theorem 6.1's input); more fields per solution.
        pde (PdeOut): The PDE of the generating function (Theorem 6.1's output).
        characteristics (LimitsResponseCharacteristics): characteristic ODEs, first integrals
        solution (SolutionOut):
        checks (list[Check]): each step re-derived and compared
        generating_function (LimitsResponseGeneratingFunctionType0 | None | Unset):
        merge (LimitsResponseMergeType0 | None | Unset):
    """

    solution_id: SolutionId
    title: str
    reference: str
    model: ModelOut
    faces: list[str]
    recurrence: RecurrenceOut
    pde: PdeOut
    characteristics: LimitsResponseCharacteristics
    solution: SolutionOut
    checks: list[Check]
    generating_function: LimitsResponseGeneratingFunctionType0 | None | Unset = UNSET
    merge: LimitsResponseMergeType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.limits_response_generating_function_type_0 import LimitsResponseGeneratingFunctionType0  # noqa: PLC0415
        from ..models.limits_response_merge_type_0 import LimitsResponseMergeType0  # noqa: PLC0415

        solution_id = self.solution_id.value

        title = self.title

        reference = self.reference

        model = self.model.to_dict()

        faces = self.faces

        recurrence = self.recurrence.to_dict()

        pde = self.pde.to_dict()

        characteristics = self.characteristics.to_dict()

        solution = self.solution.to_dict()

        checks = []
        for checks_item_data in self.checks:
            checks_item = checks_item_data.to_dict()
            checks.append(checks_item)

        generating_function: dict[str, Any] | None | Unset
        if isinstance(self.generating_function, Unset):
            generating_function = UNSET
        elif isinstance(self.generating_function, LimitsResponseGeneratingFunctionType0):
            generating_function = self.generating_function.to_dict()
        else:
            generating_function = self.generating_function

        merge: dict[str, Any] | None | Unset
        if isinstance(self.merge, Unset):
            merge = UNSET
        elif isinstance(self.merge, LimitsResponseMergeType0):
            merge = self.merge.to_dict()
        else:
            merge = self.merge

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "solution_id": solution_id,
                "title": title,
                "reference": reference,
                "model": model,
                "faces": faces,
                "recurrence": recurrence,
                "pde": pde,
                "characteristics": characteristics,
                "solution": solution,
                "checks": checks,
            }
        )
        if generating_function is not UNSET:
            field_dict["generating_function"] = generating_function
        if merge is not UNSET:
            field_dict["merge"] = merge

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.check import Check  # noqa: PLC0415
        from ..models.limits_response_characteristics import LimitsResponseCharacteristics  # noqa: PLC0415
        from ..models.limits_response_generating_function_type_0 import LimitsResponseGeneratingFunctionType0  # noqa: PLC0415
        from ..models.limits_response_merge_type_0 import LimitsResponseMergeType0  # noqa: PLC0415
        from ..models.model_out import ModelOut  # noqa: PLC0415
        from ..models.pde_out import PdeOut  # noqa: PLC0415
        from ..models.recurrence_out import RecurrenceOut  # noqa: PLC0415
        from ..models.solution_out import SolutionOut  # noqa: PLC0415

        d = dict(src_dict)
        solution_id = SolutionId(d.pop("solution_id"))

        title = d.pop("title")

        reference = d.pop("reference")

        model = ModelOut.from_dict(d.pop("model"))

        faces = cast(list[str], d.pop("faces"))

        recurrence = RecurrenceOut.from_dict(d.pop("recurrence"))

        pde = PdeOut.from_dict(d.pop("pde"))

        characteristics = LimitsResponseCharacteristics.from_dict(d.pop("characteristics"))

        solution = SolutionOut.from_dict(d.pop("solution"))

        checks = []
        _checks = d.pop("checks")
        for checks_item_data in _checks:
            checks_item = Check.from_dict(checks_item_data)

            checks.append(checks_item)

        def _parse_generating_function(data: object) -> LimitsResponseGeneratingFunctionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                generating_function_type_0 = LimitsResponseGeneratingFunctionType0.from_dict(data)

                return generating_function_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LimitsResponseGeneratingFunctionType0 | None | Unset, data)

        generating_function = _parse_generating_function(d.pop("generating_function", UNSET))

        def _parse_merge(data: object) -> LimitsResponseMergeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                merge_type_0 = LimitsResponseMergeType0.from_dict(data)

                return merge_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LimitsResponseMergeType0 | None | Unset, data)

        merge = _parse_merge(d.pop("merge", UNSET))

        limits_response = cls(
            solution_id=solution_id,
            title=title,
            reference=reference,
            model=model,
            faces=faces,
            recurrence=recurrence,
            pde=pde,
            characteristics=characteristics,
            solution=solution,
            checks=checks,
            generating_function=generating_function,
            merge=merge,
        )

        limits_response.additional_properties = d
        return limits_response

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
