from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.alphas import Alphas
    from ..models.natural_t import NaturalT
    from ..models.pareto_term import ParetoTerm
    from ..models.scaling_condition import ScalingCondition


T = TypeVar("T", bound="FaceOut")


@_attrs_define
class FaceOut:
    """A face of the Pareto polygon with the paper's table columns, derived from the polygon.

    Attributes:
        name (str): letters joined by '-' in the paper's order, e.g. 'B-C'
        labels (list[str]): every paper letter on the face
        vertices (list[str]): the face's vertices (names)
        dimension (int):
        scaling_condition (list[ScalingCondition]):
        scaling_condition_text (str):
        natural_t (NaturalT | None): null where this order does not fix it
        natural_t_equivalents (list[str]):
        parameterisation (None | str): Over-, Under-, Balanced or Agnostic
        learning (None | str): No, Lazy or Rich
        interpretation (None | str): e.g. NTK, Mean-field; null is the '—'
        leading_terms (list[ParetoTerm]): the Pareto points on the face
        witness_scaling (Alphas | None): an exact scaling selecting this face
    """

    name: str
    labels: list[str]
    vertices: list[str]
    dimension: int
    scaling_condition: list[ScalingCondition]
    scaling_condition_text: str
    natural_t: NaturalT | None
    natural_t_equivalents: list[str]
    parameterisation: None | str
    learning: None | str
    interpretation: None | str
    leading_terms: list[ParetoTerm]
    witness_scaling: Alphas | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.alphas import Alphas  # noqa: PLC0415
        from ..models.natural_t import NaturalT  # noqa: PLC0415

        name = self.name

        labels = self.labels

        vertices = self.vertices

        dimension = self.dimension

        scaling_condition = []
        for scaling_condition_item_data in self.scaling_condition:
            scaling_condition_item = scaling_condition_item_data.to_dict()
            scaling_condition.append(scaling_condition_item)

        scaling_condition_text = self.scaling_condition_text

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

        interpretation: None | str
        interpretation = self.interpretation

        leading_terms = []
        for leading_terms_item_data in self.leading_terms:
            leading_terms_item = leading_terms_item_data.to_dict()
            leading_terms.append(leading_terms_item)

        witness_scaling: dict[str, Any] | None
        if isinstance(self.witness_scaling, Alphas):
            witness_scaling = self.witness_scaling.to_dict()
        else:
            witness_scaling = self.witness_scaling

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "labels": labels,
                "vertices": vertices,
                "dimension": dimension,
                "scaling_condition": scaling_condition,
                "scaling_condition_text": scaling_condition_text,
                "natural_T": natural_t,
                "natural_T_equivalents": natural_t_equivalents,
                "parameterisation": parameterisation,
                "learning": learning,
                "interpretation": interpretation,
                "leading_terms": leading_terms,
                "witness_scaling": witness_scaling,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alphas import Alphas  # noqa: PLC0415
        from ..models.natural_t import NaturalT  # noqa: PLC0415
        from ..models.pareto_term import ParetoTerm  # noqa: PLC0415
        from ..models.scaling_condition import ScalingCondition  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        labels = cast(list[str], d.pop("labels"))

        vertices = cast(list[str], d.pop("vertices"))

        dimension = d.pop("dimension")

        scaling_condition = []
        _scaling_condition = d.pop("scaling_condition")
        for scaling_condition_item_data in _scaling_condition:
            scaling_condition_item = ScalingCondition.from_dict(scaling_condition_item_data)

            scaling_condition.append(scaling_condition_item)

        scaling_condition_text = d.pop("scaling_condition_text")

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

        def _parse_interpretation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        interpretation = _parse_interpretation(d.pop("interpretation"))

        leading_terms = []
        _leading_terms = d.pop("leading_terms")
        for leading_terms_item_data in _leading_terms:
            leading_terms_item = ParetoTerm.from_dict(leading_terms_item_data)

            leading_terms.append(leading_terms_item)

        def _parse_witness_scaling(data: object) -> Alphas | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                witness_scaling_type_0 = Alphas.from_dict(data)

                return witness_scaling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Alphas | None, data)

        witness_scaling = _parse_witness_scaling(d.pop("witness_scaling"))

        face_out = cls(
            name=name,
            labels=labels,
            vertices=vertices,
            dimension=dimension,
            scaling_condition=scaling_condition,
            scaling_condition_text=scaling_condition_text,
            natural_t=natural_t,
            natural_t_equivalents=natural_t_equivalents,
            parameterisation=parameterisation,
            learning=learning,
            interpretation=interpretation,
            leading_terms=leading_terms,
            witness_scaling=witness_scaling,
        )

        face_out.additional_properties = d
        return face_out

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
