from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.job_accepted import JobAccepted
from ...models.limits_request import LimitsRequest
from ...models.limits_response import LimitsResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: LimitsRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["prefer"] = prefer

    if not isinstance(cache_control, Unset):
        headers["cache-control"] = cache_control

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/limits",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> JobAccepted | LimitsResponse | Problem | None:
    if response.status_code == 200:
        response_200 = LimitsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 202:
        response_202 = JobAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[JobAccepted | LimitsResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LimitsRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> Response[JobAccepted | LimitsResponse | Problem]:
    """Recurrence, PDE (Theorem 6.1), characteristics and solution of a limiting loss

    Args:
        prefer (None | str | Unset): `respond-async` (RFC 7240): always answer 202 with a job
            reference
        cache_control (None | str | Unset): `no-cache`: recompute even if the result is stored
        body (LimitsRequest): Exactly one of ``face`` or ``solution``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobAccepted | LimitsResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
        cache_control=cache_control,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LimitsRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> JobAccepted | LimitsResponse | Problem | None:
    """Recurrence, PDE (Theorem 6.1), characteristics and solution of a limiting loss

    Args:
        prefer (None | str | Unset): `respond-async` (RFC 7240): always answer 202 with a job
            reference
        cache_control (None | str | Unset): `no-cache`: recompute even if the result is stored
        body (LimitsRequest): Exactly one of ``face`` or ``solution``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobAccepted | LimitsResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        prefer=prefer,
        cache_control=cache_control,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LimitsRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> Response[JobAccepted | LimitsResponse | Problem]:
    """Recurrence, PDE (Theorem 6.1), characteristics and solution of a limiting loss

    Args:
        prefer (None | str | Unset): `respond-async` (RFC 7240): always answer 202 with a job
            reference
        cache_control (None | str | Unset): `no-cache`: recompute even if the result is stored
        body (LimitsRequest): Exactly one of ``face`` or ``solution``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobAccepted | LimitsResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
        cache_control=cache_control,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LimitsRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> JobAccepted | LimitsResponse | Problem | None:
    """Recurrence, PDE (Theorem 6.1), characteristics and solution of a limiting loss

    Args:
        prefer (None | str | Unset): `respond-async` (RFC 7240): always answer 202 with a job
            reference
        cache_control (None | str | Unset): `no-cache`: recompute even if the result is stored
        body (LimitsRequest): Exactly one of ``face`` or ``solution``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobAccepted | LimitsResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            prefer=prefer,
            cache_control=cache_control,
        )
    ).parsed
