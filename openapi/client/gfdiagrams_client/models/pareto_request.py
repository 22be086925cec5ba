from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_in import ModelIn


T = TypeVar("T", bound="ParetoRequest")


@_attrs_define
class ParetoRequest:
    """
    Attributes:
        model (ModelIn): The model of Section 2: order ν, SYM/ASYM and target (identity δ or zero).
        s_max (int): highest order s
        s_min (int | Unset): lowest order s Default: 0.
        verify (bool | Unset): also compute the engine's exact Y_s and check every front against Theorem 4.1 (costly for
            large s_max) Default: False.
    """

    model: ModelIn
    s_max: int
    s_min: int | Unset = 0
    verify: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        s_max = self.s_max

        s_min = self.s_min

        verify = self.verify

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "s_max": s_max,
            }
        )
        if s_min is not UNSET:
            field_dict["s_min"] = s_min
        if verify is not UNSET:
            field_dict["verify"] = verify

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_in import ModelIn  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelIn.from_dict(d.pop("model"))

        s_max = d.pop("s_max")

        s_min = d.pop("s_min", UNSET)

        verify = d.pop("verify", UNSET)

        pareto_request = cls(
            model=model,
            s_max=s_max,
            s_min=s_min,
            verify=verify,
        )

        return pareto_request
