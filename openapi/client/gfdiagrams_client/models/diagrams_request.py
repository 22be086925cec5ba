from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.diagram_format import DiagramFormat
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.model_in import ModelIn


T = TypeVar("T", bound="DiagramsRequest")


@_attrs_define
class DiagramsRequest:
    """
    Attributes:
        model (ModelIn): The model of Section 2: order ν, SYM/ASYM and target (identity δ or zero).
        s (int): order: s + 1 atoms merged
        format_ (DiagramFormat | Unset): json (paginated body), graphml / dot (one page as one graph file), svg (drawn
            sheet).
        offset (int | Unset): index of the first class Default: 0.
        limit (int | Unset): classes per page Default: 100.
        contractions (bool | Unset): include each class's Wick expectation E[G] Default: True.
    """

    model: ModelIn
    s: int
    format_: DiagramFormat | Unset = UNSET
    offset: int | Unset = 0
    limit: int | Unset = 100
    contractions: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        model = self.model.to_dict()

        s = self.s

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        offset = self.offset

        limit = self.limit

        contractions = self.contractions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "s": s,
            }
        )
        if format_ is not UNSET:
            field_dict["format"] = format_
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit
        if contractions is not UNSET:
            field_dict["contractions"] = contractions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_in import ModelIn  # noqa: PLC0415

        d = dict(src_dict)
        model = ModelIn.from_dict(d.pop("model"))

        s = d.pop("s")

        _format_ = d.pop("format", UNSET)
        format_: DiagramFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = DiagramFormat(_format_)

        offset = d.pop("offset", UNSET)

        limit = d.pop("limit", UNSET)

        contractions = d.pop("contractions", UNSET)

        diagrams_request = cls(
            model=model,
            s=s,
            format_=format_,
            offset=offset,
            limit=limit,
            contractions=contractions,
        )

        return diagrams_request
