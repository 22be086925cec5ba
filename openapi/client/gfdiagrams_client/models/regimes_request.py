from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_in import ModelIn
    from ..models.regime_params_in import RegimeParamsIn
    from ..models.scaling_in import ScalingIn


T = TypeVar("T", bound="RegimesRequest")


@_attrs_define
class RegimesRequest:
    """Exactly one of ``scaling`` (a power-law family) or ``params`` (a concrete model).

    Attributes:
        model (ModelIn): The model of Section 2: order ν, SYM/ASYM and target (identity δ or zero).
        scaling (None | ScalingIn | Unset): classify a power-law scaling
        params (None | RegimeParamsIn | Unset): classify a concrete model
        tolerance (float | int | None | str | Unset): params only: a monomial within a^±tolerance of 1 counts as ≍ 1 (a
            = max(p, H); default 1/4)
    """

    model: ModelIn
    scaling: None | ScalingIn | Unset = UNSET
    params: None | RegimeParamsIn | Unset = UNSET
    tolerance: float | int | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.regime_params_in import RegimeParamsIn  # noqa: PLC0415
        from ..models.scaling_in import ScalingIn  # noqa: PLC0415

        model = self.model.to_dict()

        scaling: dict[str, Any] | None | Unset
        if isinstance(self.scaling, Unset):
            scaling = UNSET
        elif isinstance(self.scaling, ScalingIn):
            scaling = self.scaling.to_dict()
        else:
            scaling = self.scaling

        params: dict[str, Any] | None | Unset
        if isinstance(self.params, Unset):
            params = UNSET
        elif isinstance(self.params, RegimeParamsIn):
            params = self.params.to_dict()
        else:
            params = self.params

        tolerance: float | int | None | str | Unset
        if isinstance(self.tolerance, Unset):
            tolerance = UNSET
        else:
            tolerance = self.tolerance

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
            }
        )
        if scaling is not UNSET:
            field_dict["scaling"] = scaling
        if params is not UNSET:
            field_dict["params"] = params
        if tolerance is not UNSET:
            field_dict["tolerance"] = tolerance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_in import ModelIn  # noqa: PLC0415
        from ..models.regime_params_in import RegimeParamsIn  # noqa: PLC0415
        from ..models.scaling_in import ScalingIn  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelIn.from_dict(d.pop("model"))

        def _parse_scaling(data: object) -> None | ScalingIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scaling_type_0 = ScalingIn.from_dict(data)

                return scaling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScalingIn | Unset, data)

        scaling = _parse_scaling(d.pop("scaling", UNSET))

        def _parse_params(data: object) -> None | RegimeParamsIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                params_type_0 = RegimeParamsIn.from_dict(data)

                return params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegimeParamsIn | Unset, data)

        params = _parse_params(d.pop("params", UNSET))

        def _parse_tolerance(data: object) -> float | int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | int | None | str | Unset, data)

        tolerance = _parse_tolerance(d.pop("tolerance", UNSET))

        regimes_request = cls(
            model=model,
            scaling=scaling,
            params=params,
            tolerance=tolerance,
        )

        return regimes_request
