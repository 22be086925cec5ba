from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_state import JobState

if TYPE_CHECKING:
    from ..models.job_links import JobLinks
    from ..models.job_problem import JobProblem
    from ..models.job_status_request import JobStatusRequest
    from ..models.job_status_result_type_0 import JobStatusResultType0


T = TypeVar("T", bound="JobStatus")


@_attrs_define
class JobStatus:
    """A job: status, progress, and the endpoint's normal body once it succeeded.

    Attributes:
        job_id (str):
        kind (str): task kind, e.g. series or diagrams
        status (JobState): Life of a job: queued → running → succeeded | failed | cancelled (| interrupted).
        progress (float):
        message (str):
        created_at (float): Unix time
        started_at (float | None):
        finished_at (float | None):
        estimate_seconds (float | None): the engine's cost estimate
        request (JobStatusRequest): the normalised request
        result (JobStatusResultType0 | None | str): the endpoint's normal body (text for graphml/dot/svg) once succeeded
        error (JobProblem | None):
        links (JobLinks):
    """

    job_id: str
    kind: str
    status: JobState
    progress: float
    message: str
    created_at: float
    started_at: float | None
    finished_at: float | None
    estimate_seconds: float | None
    request: JobStatusRequest
    result: JobStatusResultType0 | None | str
    error: JobProblem | None
    links: JobLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.job_problem import JobProblem  # noqa: PLC0415
        from ..models.job_status_result_type_0 import JobStatusResultType0  # noqa: PLC0415

        job_id = self.job_id

        kind = self.kind

        status = self.status.value

        progress = self.progress

        message = self.message

        created_at = self.created_at

        started_at: float | None
        started_at = self.started_at

        finished_at: float | None
        finished_at = self.finished_at

        estimate_seconds: float | None
        estimate_seconds = self.estimate_seconds

        request = self.request.to_dict()

        result: dict[str, Any] | None | str
        if isinstance(self.result, JobStatusResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        error: dict[str, Any] | None
        if isinstance(self.error, JobProblem):
            error = self.error.to_dict()
        else:
            error = self.error

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
                "started_at": started_at,
                "finished_at": finished_at,
                "estimate_seconds": estimate_seconds,
                "request": request,
                "result": result,
                "error": error,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_links import JobLinks  # noqa: PLC0415
        from ..models.job_problem import JobProblem  # noqa: PLC0415
        from ..models.job_status_request import JobStatusRequest  # noqa: PLC0415
        from ..models.job_status_result_type_0 import JobStatusResultType0  # noqa: PLC0415

        d = dict(src_dict)
        job_id = d.pop("job_id")

        kind = d.pop("kind")

        status = JobState(d.pop("status"))

        progress = d.pop("progress")

        message = d.pop("message")

        created_at = d.pop("created_at")

        def _parse_started_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_estimate_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        estimate_seconds = _parse_estimate_seconds(d.pop("estimate_seconds"))

        request = JobStatusRequest.from_dict(d.pop("request"))

        def _parse_result(data: object) -> JobStatusResultType0 | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = JobStatusResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobStatusResultType0 | None | str, data)

        result = _parse_result(d.pop("result"))

        def _parse_error(data: object) -> JobProblem | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = JobProblem.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobProblem | None, data)

        error = _parse_error(d.pop("error"))

        links = JobLinks.from_dict(d.pop("links"))

        job_status = cls(
            job_id=job_id,
            kind=kind,
            status=status,
            progress=progress,
            message=message,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            estimate_seconds=estimate_seconds,
            request=request,
            result=result,
            error=error,
            links=links,
        )

        job_status.additional_properties = d
        return job_status

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
