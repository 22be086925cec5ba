from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_state import JobState

if TYPE_CHECKING:
    from ..models.job_links import JobLinks


T = TypeVar("T", bound="JobSummary")


@_attrs_define
class JobSummary:
    """
    Attributes:
        job_id (str):
        kind (str):
        status (JobState): Life of a job: queued → running → succeeded | failed | cancelled (| interrupted).
        progress (float):
        message (str):
        created_at (float):
        finished_at (float | None):
        links (JobLinks):
    """

    job_id: str
    kind: str
    status: JobState
    progress: float
    message: str
    created_at: float
    finished_at: float | None
    links: JobLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        kind = self.kind

        status = self.status.value

        progress = self.progress

        message = self.message

        created_at = self.created_at

        finished_at: float | None
        finished_at = self.finished_at

        links = self.links.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "kind": kind,
                "status": status,
                "progress": progress,
                "message": message,
                "created_at": created_at,
                "finished_at": finished_at,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_links import JobLinks  # noqa: PLC0415

        d = dict(src_dict)
        job_id = d.pop("job_id")

        kind = d.pop("kind")

        status = JobState(d.pop("status"))

        progress = d.pop("progress")

        message = d.pop("message")

        created_at = d.pop("created_at")

        def _parse_finished_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        links = JobLinks.from_dict(d.pop("links"))

        job_summary = cls(
            job_id=job_id,
            kind=kind,
            status=status,
            progress=progress,
            message=message,
            created_at=created_at,
            finished_at=finished_at,
            links=links,
        )

        job_summary.additional_properties = d
        return job_summary

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
