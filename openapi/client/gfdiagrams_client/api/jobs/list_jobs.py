from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.job_list import JobList
from ...models.job_state import JobState
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | None | Unset = UNSET,
    offset: int | Unset = 0,
    status: JobState | None | Unset = UNSET,
    kind: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

    params["offset"] = offset

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, JobState):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    else:
        json_kind = kind
    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/jobs",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobList | Problem | None:
    if response.status_code == 200:
        response_200 = JobList.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[JobList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    offset: int | Unset = 0,
    status: JobState | None | Unset = UNSET,
    kind: None | str | Unset = UNSET,
) -> Response[JobList | Problem]:
    """Recent jobs, newest first

    Args:
        limit (int | None | Unset): page size (default: the GFD_JOBS_PAGE_LIMIT setting)
        offset (int | Unset):  Default: 0.
        status (JobState | None | Unset):
        kind (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        status=status,
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    offset: int | Unset = 0,
    status: JobState | None | Unset = UNSET,
    kind: None | str | Unset = UNSET,
) -> JobList | Problem | None:
    """Recent jobs, newest first

    Args:
        limit (int | None | Unset): page size (default: the GFD_JOBS_PAGE_LIMIT setting)
        offset (int | Unset):  Default: 0.
        status (JobState | None | Unset):
        kind (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobList | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        offset=offset,
        status=status,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    offset: int | Unset = 0,
    status: JobState | None | Unset = UNSET,
    kind: None | str | Unset = UNSET,
) -> Response[JobList | Problem]:
    """Recent jobs, newest first

    Args:
        limit (int | None | Unset): page size (default: the GFD_JOBS_PAGE_LIMIT setting)
        offset (int | Unset):  Default: 0.
        status (JobState | None | Unset):
        kind (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobList | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        offset=offset,
        status=status,
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | None | Unset = UNSET,
    offset: int | Unset = 0,
    status: JobState | None | Unset = UNSET,
    kind: None | str | Unset = UNSET,
) -> JobList | Problem | None:
    """Recent jobs, newest first

    Args:
        limit (int | None | Unset): page size (default: the GFD_JOBS_PAGE_LIMIT setting)
        offset (int | Unset):  Default: 0.
        status (JobState | None | Unset):
        kind (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            offset=offset,
            status=status,
            kind=kind,
        )
    ).parsed
