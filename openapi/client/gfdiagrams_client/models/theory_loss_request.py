from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.solution_id import SolutionId
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_in import ModelIn
    from ..models.theory_params_in import TheoryParamsIn


T = TypeVar("T", bound="TheoryLossRequest")


@_attrs_define
class TheoryLossRequest:
    """
    Attributes:
        model (ModelIn): The model of Section 2: order ν, SYM/ASYM and target (identity δ or zero).
        params (TheoryParamsIn):
        t (list[float]): times (negative: gradient ascent)
        solution (None | SolutionId | Unset): default: the solution whose regime contains params, else 422
    """

    model: ModelIn
    params: TheoryParamsIn
    t: list[float]
    solution: None | SolutionId | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        params = self.params.to_dict()

        t = self.t

        solution: None | str | Unset
        if isinstance(self.solution, Unset):
            solution = UNSET
        elif isinstance(self.solution, SolutionId):
            solution = self.solution.value
        else:
            solution = self.solution

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "params": params,
                "t": t,
            }
        )
        if solution is not UNSET:
            field_dict["solution"] = solution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_in import ModelIn  # noqa: PLC0415
        from ..models.theory_params_in import TheoryParamsIn  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelIn.from_dict(d.pop("model"))

        params = TheoryParamsIn.from_dict(d.pop("params"))

        t = cast(list[float], d.pop("t"))

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

        theory_loss_request = cls(
            model=model,
            params=params,
            t=t,
            solution=solution,
        )

        return theory_loss_request
