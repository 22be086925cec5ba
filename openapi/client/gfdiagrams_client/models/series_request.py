from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.series_mode import SeriesMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_in import ModelIn


T = TypeVar("T", bound="SeriesRequest")


@_attrs_define
class SeriesRequest:
    """
    Attributes:
        model (ModelIn): The model of Section 2: order ν, SYM/ASYM and target (identity δ or zero).
        s_max (int): highest order s
        mode (SeriesMode | Unset): exact: full polynomials; leading: only the Pareto-optimal terms (Section 4); extreme:
            only
            both ends of every level's Pareto front (the terms that lead off the critical line).
    """

    model: ModelIn
    s_max: int
    mode: SeriesMode | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        s_max = self.s_max

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "s_max": s_max,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_in import ModelIn  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelIn.from_dict(d.pop("model"))

        s_max = d.pop("s_max")

        _mode = d.pop("mode", UNSET)
        mode: SeriesMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = SeriesMode(_mode)

        series_request = cls(
            model=model,
            s_max=s_max,
            mode=mode,
        )

        return series_request
