from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.solution_id import SolutionId

if TYPE_CHECKING:
    from ..models.model_out import ModelOut
    from ..models.theory_params_out import TheoryParamsOut


T = TypeVar("T", bound="TheoryLossResponse")


@_attrs_define
class TheoryLossResponse:
    """
    Attributes:
        model (ModelOut):
        params (TheoryParamsOut):
        solution (SolutionId): A catalogue solution (Sections 7–10), see diagrams.limits.catalogue.
        title (str):
        reference (str):
        valid_for (str):
        t_range (list[float | None]): [t_min, t_max] where the formula holds (null: unbounded): t ≥ 0 for descent-only
            solutions, down to the blow-up for those that also cover gradient ascent
        face (None | str): the face the params select (null if none)
        in_regime (bool | None): whether that face is one the solution covers
        t (list[float]):
        loss (list[float | None]): E[L(t)]; null past a blow-up
        blowup_time (float | None): sym_nu4_ascent/sym_nu2: the finite negative critical time, or null
    """

    model: ModelOut
    params: TheoryParamsOut
    solution: SolutionId
    title: str
    reference: str
    valid_for: str
    t_range: list[float | None]
    face: None | str
    in_regime: bool | None
    t: list[float]
    loss: list[float | None]
    blowup_time: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        params = self.params.to_dict()

        solution = self.solution.value

        title = self.title

        reference = self.reference

        valid_for = self.valid_for

        t_range = []
        for t_range_item_data in self.t_range:
            t_range_item: float | None
            t_range_item = t_range_item_data
            t_range.append(t_range_item)

        face: None | str
        face = self.face

        in_regime: bool | None
        in_regime = self.in_regime

        t = self.t

        loss = []
        for loss_item_data in self.loss:
            loss_item: float | None
            loss_item = loss_item_data
            loss.append(loss_item)

        blowup_time: float | None
        blowup_time = self.blowup_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "params": params,
                "solution": solution,
                "title": title,
                "reference": reference,
                "valid_for": valid_for,
                "t_range": t_range,
                "face": face,
                "in_regime": in_regime,
                "t": t,
                "loss": loss,
                "blowup_time": blowup_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_out import ModelOut  # noqa: PLC0415
        from ..models.theory_params_out import TheoryParamsOut  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelOut.from_dict(d.pop("model"))

        params = TheoryParamsOut.from_dict(d.pop("params"))

        solution = SolutionId(d.pop("solution"))

        title = d.pop("title")

        reference = d.pop("reference")

        valid_for = d.pop("valid_for")

        t_range = []
        _t_range = d.pop("t_range")
        for t_range_item_data in _t_range:

            def _parse_t_range_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            t_range_item = _parse_t_range_item(t_range_item_data)

            t_range.append(t_range_item)

        def _parse_face(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        face = _parse_face(d.pop("face"))

        def _parse_in_regime(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        in_regime = _parse_in_regime(d.pop("in_regime"))

        t = cast(list[float], d.pop("t"))

        loss = []
        _loss = d.pop("loss")
        for loss_item_data in _loss:

            def _parse_loss_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            loss_item = _parse_loss_item(loss_item_data)

            loss.append(loss_item)

        def _parse_blowup_time(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        blowup_time = _parse_blowup_time(d.pop("blowup_time"))

        theory_loss_response = cls(
            model=model,
            params=params,
            solution=solution,
            title=title,
            reference=reference,
            valid_for=valid_for,
            t_range=t_range,
            face=face,
            in_regime=in_regime,
            t=t,
            loss=loss,
            blowup_time=blowup_time,
        )

        theory_loss_response.additional_properties = d
        return theory_loss_response

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
