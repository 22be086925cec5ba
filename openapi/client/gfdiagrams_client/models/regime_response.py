from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.alpha_estimate import AlphaEstimate
    from ..models.alphas import Alphas
    from ..models.edge_decision import EdgeDecision
    from ..models.leading_at_order import LeadingAtOrder
    from ..models.model_out import ModelOut
    from ..models.natural_t import NaturalT
    from ..models.regime_response_params_type_0 import RegimeResponseParamsType0
    from ..models.scaling_condition import ScalingCondition


T = TypeVar("T", bound="RegimeResponse")


@_attrs_define
class RegimeResponse:
    """
    Attributes:
        model (ModelOut):
        face (str): e.g. 'B-C'
        vertices (list[str]): paper letters of the face
        dimension (int):
        interpretation (None | str): e.g. NTK; null where the paper has '—'
        natural_t (NaturalT | None):
        natural_t_equivalents (list[str]):
        parameterisation (None | str):
        learning (None | str):
        scaling_condition (list[ScalingCondition]):
        scaling_condition_text (str):
        leading_terms (list[LeadingAtOrder]): leading Pareto terms per order s
        generic_order (int):
        scaling (Alphas | None | Unset): the scaling classified (exact)
        params (None | RegimeResponseParamsType0 | Unset): the model classified (exact)
        tolerance (None | str | Unset):
        alpha_estimate (AlphaEstimate | None | Unset):
        natural_t_value (float | None | Unset):
        decisions (list[EdgeDecision] | None | Unset):
    """

    model: ModelOut
    face: str
    vertices: list[str]
    dimension: int
    interpretation: None | str
    natural_t: NaturalT | None
    natural_t_equivalents: list[str]
    parameterisation: None | str
    learning: None | str
    scaling_condition: list[ScalingCondition]
    scaling_condition_text: str
    leading_terms: list[LeadingAtOrder]
    generic_order: int
    scaling: Alphas | None | Unset = UNSET
    params: None | RegimeResponseParamsType0 | Unset = UNSET
    tolerance: None | str | Unset = UNSET
    alpha_estimate: AlphaEstimate | None | Unset = UNSET
    natural_t_value: float | None | Unset = UNSET
    decisions: list[EdgeDecision] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.alpha_estimate import AlphaEstimate  # noqa: PLC0415
        from ..models.alphas import Alphas  # noqa: PLC0415
        from ..models.natural_t import NaturalT  # noqa: PLC0415
        from ..models.regime_response_params_type_0 import RegimeResponseParamsType0  # noqa: PLC0415

        model = self.model.to_dict()

        face = self.face

        vertices = self.vertices

        dimension = self.dimension

        interpretation: None | str
        interpretation = self.interpretation

        natural_t: dict[str, Any] | None
        if isinstance(self.natural_t, NaturalT):
            natural_t = self.natural_t.to_dict()
        else:
            natural_t = self.natural_t

        natural_t_equivalents = self.natural_t_equivalents

        parameterisation: None | str
        parameterisation = self.parameterisation

        learning: None | str
        learning = self.learning

        scaling_condition = []
        for scaling_condition_item_data in self.scaling_condition:
            scaling_condition_item = scaling_condition_item_data.to_dict()
            scaling_condition.append(scaling_condition_item)

        scaling_condition_text = self.scaling_condition_text

        leading_terms = []
        for leading_terms_item_data in self.leading_terms:
            leading_terms_item = leading_terms_item_data.to_dict()
            leading_terms.append(leading_terms_item)

        generic_order = self.generic_order

        scaling: dict[str, Any] | None | Unset
        if isinstance(self.scaling, Unset):
            scaling = UNSET
        elif isinstance(self.scaling, Alphas):
            scaling = self.scaling.to_dict()
        else:
            scaling = self.scaling

        params: dict[str, Any] | None | Unset
        if isinstance(self.params, Unset):
            params = UNSET
        elif isinstance(self.params, RegimeResponseParamsType0):
            params = self.params.to_dict()
        else:
            params = self.params

        tolerance: None | str | Unset
        if isinstance(self.tolerance, Unset):
            tolerance = UNSET
        else:
            tolerance = self.tolerance

        alpha_estimate: dict[str, Any] | None | Unset
        if isinstance(self.alpha_estimate, Unset):
            alpha_estimate = UNSET
        elif isinstance(self.alpha_estimate, AlphaEstimate):
            alpha_estimate = self.alpha_estimate.to_dict()
        else:
            alpha_estimate = self.alpha_estimate

        natural_t_value: float | None | Unset
        if isinstance(self.natural_t_value, Unset):
            natural_t_value = UNSET
        else:
            natural_t_value = self.natural_t_value

        decisions: list[dict[str, Any]] | None | Unset
        if isinstance(self.decisions, Unset):
            decisions = UNSET
        elif isinstance(self.decisions, list):
            decisions = []
            for decisions_type_0_item_data in self.decisions:
                decisions_type_0_item = decisions_type_0_item_data.to_dict()
                decisions.append(decisions_type_0_item)

        else:
            decisions = self.decisions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "face": face,
                "vertices": vertices,
                "dimension": dimension,
                "interpretation": interpretation,
                "natural_T": natural_t,
                "natural_T_equivalents": natural_t_equivalents,
                "parameterisation": parameterisation,
                "learning": learning,
                "scaling_condition": scaling_condition,
                "scaling_condition_text": scaling_condition_text,
                "leading_terms": leading_terms,
                "generic_order": generic_order,
            }
        )
        if scaling is not UNSET:
            field_dict["scaling"] = scaling
        if params is not UNSET:
            field_dict["params"] = params
        if tolerance is not UNSET:
            field_dict["tolerance"] = tolerance
        if alpha_estimate is not UNSET:
            field_dict["alpha_estimate"] = alpha_estimate
        if natural_t_value is not UNSET:
            field_dict["natural_T_value"] = natural_t_value
        if decisions is not UNSET:
            field_dict["decisions"] = decisions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alpha_estimate import AlphaEstimate  # noqa: PLC0415
        from ..models.alphas import Alphas  # noqa: PLC0415
        from ..models.edge_decision import EdgeDecision  # noqa: PLC0415
        from ..models.leading_at_order import LeadingAtOrder  # noqa: PLC0415
        from ..models.model_out import ModelOut  # noqa: PLC0415
        from ..models.natural_t import NaturalT  # noqa: PLC0415
        from ..models.regime_response_params_type_0 import RegimeResponseParamsType0  # noqa: PLC0415
        from ..models.scaling_condition import ScalingCondition  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelOut.from_dict(d.pop("model"))

        face = d.pop("face")

        vertices = cast(list[str], d.pop("vertices"))

        dimension = d.pop("dimension")

        def _parse_interpretation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interpretation = _parse_interpretation(d.pop("interpretation"))

        def _parse_natural_t(data: object) -> NaturalT | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                natural_t_type_0 = NaturalT.from_dict(data)

                return natural_t_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NaturalT | None, data)

        natural_t = _parse_natural_t(d.pop("natural_T"))

        natural_t_equivalents = cast(list[str], d.pop("natural_T_equivalents"))

        def _parse_parameterisation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parameterisation = _parse_parameterisation(d.pop("parameterisation"))

        def _parse_learning(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        learning = _parse_learning(d.pop("learning"))

        scaling_condition = []
        _scaling_condition = d.pop("scaling_condition")
        for scaling_condition_item_data in _scaling_condition:
            scaling_condition_item = ScalingCondition.from_dict(scaling_condition_item_data)

            scaling_condition.append(scaling_condition_item)

        scaling_condition_text = d.pop("scaling_condition_text")

        leading_terms = []
        _leading_terms = d.pop("leading_terms")
        for leading_terms_item_data in _leading_terms:
            leading_terms_item = LeadingAtOrder.from_dict(leading_terms_item_data)

            leading_terms.append(leading_terms_item)

        generic_order = d.pop("generic_order")

        def _parse_scaling(data: object) -> Alphas | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scaling_type_0 = Alphas.from_dict(data)

                return scaling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Alphas | None | Unset, data)

        scaling = _parse_scaling(d.pop("scaling", UNSET))

        def _parse_params(data: object) -> None | RegimeResponseParamsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                params_type_0 = RegimeResponseParamsType0.from_dict(data)

                return params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegimeResponseParamsType0 | Unset, data)

        params = _parse_params(d.pop("params", UNSET))

        def _parse_tolerance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tolerance = _parse_tolerance(d.pop("tolerance", UNSET))

        def _parse_alpha_estimate(data: object) -> AlphaEstimate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                alpha_estimate_type_0 = AlphaEstimate.from_dict(data)

                return alpha_estimate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlphaEstimate | None | Unset, data)

        alpha_estimate = _parse_alpha_estimate(d.pop("alpha_estimate", UNSET))

        def _parse_natural_t_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        natural_t_value = _parse_natural_t_value(d.pop("natural_T_value", UNSET))

        def _parse_decisions(data: object) -> list[EdgeDecision] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                decisions_type_0 = []
                _decisions_type_0 = data
                for decisions_type_0_item_data in _decisions_type_0:
                    decisions_type_0_item = EdgeDecision.from_dict(decisions_type_0_item_data)

                    decisions_type_0.append(decisions_type_0_item)

                return decisions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EdgeDecision] | None | Unset, data)

        decisions = _parse_decisions(d.pop("decisions", UNSET))

        regime_response = cls(
            model=model,
            face=face,
            vertices=vertices,
            dimension=dimension,
            interpretation=interpretation,
            natural_t=natural_t,
            natural_t_equivalents=natural_t_equivalents,
            parameterisation=parameterisation,
            learning=learning,
            scaling_condition=scaling_condition,
            scaling_condition_text=scaling_condition_text,
            leading_terms=leading_terms,
            generic_order=generic_order,
            scaling=scaling,
            params=params,
            tolerance=tolerance,
            alpha_estimate=alpha_estimate,
            natural_t_value=natural_t_value,
            decisions=decisions,
        )

        regime_response.additional_properties = d
        return regime_response

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
