from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

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
        s_r_max (int | None | Unset): leading mode only: keep the terms with at most this many R atoms (the power of the
            target). Polynomial in s for ASYM with the identity target: s_r_max < 2 (the zero-target level) for every ν,
            s_r_max = 2 (plus the first order in the target strength) for ν ≥ 3
        s_d_max (int | None | Unset): leading mode only: keep the terms with at most this many D atoms. For ASYM ν = 2
            with the identity target this is polynomial in s (the lowest levels of the planar limit; the cost grows about
            ×14 per two levels)
    """

    model: ModelIn
    s_max: int
    mode: SeriesMode | Unset = UNSET
    s_r_max: int | None | Unset = UNSET
    s_d_max: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        s_max = self.s_max

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        s_r_max: int | None | Unset
        if isinstance(self.s_r_max, Unset):
            s_r_max = UNSET
        else:
            s_r_max = self.s_r_max

        s_d_max: int | None | Unset
        if isinstance(self.s_d_max, Unset):
            s_d_max = UNSET
        else:
            s_d_max = self.s_d_max

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "s_max": s_max,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if s_r_max is not UNSET:
            field_dict["s_r_max"] = s_r_max
        if s_d_max is not UNSET:
            field_dict["s_d_max"] = s_d_max

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

        def _parse_s_r_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        s_r_max = _parse_s_r_max(d.pop("s_r_max", UNSET))

        def _parse_s_d_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        s_d_max = _parse_s_d_max(d.pop("s_d_max", UNSET))

        series_request = cls(
            model=model,
            s_max=s_max,
            mode=mode,
            s_r_max=s_r_max,
            s_d_max=s_d_max,
        )

        return series_request
