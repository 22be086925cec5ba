from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_state import JobState

if TYPE_CHECKING:
    from ..models.job_links import JobLinks


T = TypeVar("T", bound="JobAccepted")


@_attrs_define
class JobAccepted:
    """Answer 202: the work continues as a job; poll ``links.self``.

    Attributes:
        job_id (str):
        status (JobState): Life of a job: queued → running → succeeded | failed | cancelled (| interrupted).
        links (JobLinks):
    """

    job_id: str
    status: JobState
    links: JobLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        status = self.status.value

        links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "status": status,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_links import JobLinks  # noqa: PLC0415

        d = dict(src_dict)
        job_id = d.pop("job_id")

        status = JobState(d.pop("status"))

        links = JobLinks.from_dict(d.pop("links"))

        job_accepted = cls(
            job_id=job_id,
            status=status,
            links=links,
        )

        job_accepted.additional_properties = d
        return job_accepted

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
