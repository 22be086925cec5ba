from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.solution_id import SolutionId
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_in import ModelIn


T = TypeVar("T", bound="LimitsRequest")


@_attrs_define
class LimitsRequest:
    """Exactly one of ``face`` or ``solution``.

    Attributes:
        model (ModelIn): The model of Section 2: order ν, SYM/ASYM and target (identity δ or zero).
        face (None | str | Unset): a face of the Pareto polygon (A, B-C, …, or 'polygon')
        solution (None | SolutionId | Unset): a catalogue solution id
        engine_s_max (int | Unset): when > 0, also check the solution against the engine's leading coefficients
            Y_0..Y_engine_s_max (costly for ν ≥ 3) Default: 0.
    """

    model: ModelIn
    face: None | str | Unset = UNSET
    solution: None | SolutionId | Unset = UNSET
    engine_s_max: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        face: None | str | Unset
        if isinstance(self.face, Unset):
            face = UNSET
        else:
            face = self.face

        solution: None | str | Unset
        if isinstance(self.solution, Unset):
            solution = UNSET
        elif isinstance(self.solution, SolutionId):
            solution = self.solution.value
        else:
            solution = self.solution

        engine_s_max = self.engine_s_max

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
            }
        )
        if face is not UNSET:
            field_dict["face"] = face
        if solution is not UNSET:
            field_dict["solution"] = solution
        if engine_s_max is not UNSET:
            field_dict["engine_s_max"] = engine_s_max

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_in import ModelIn  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelIn.from_dict(d.pop("model"))

        def _parse_face(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        face = _parse_face(d.pop("face", UNSET))

        def _parse_solution(data: object) -> None | SolutionId | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                solution_type_0 = SolutionId(data)

                return solution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SolutionId | Unset, data)

        solution = _parse_solution(d.pop("solution", UNSET))

        engine_s_max = d.pop("engine_s_max", UNSET)

        limits_request = cls(
            model=model,
            face=face,
            solution=solution,
            engine_s_max=engine_s_max,
        )

        return limits_request
