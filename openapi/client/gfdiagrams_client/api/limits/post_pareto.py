from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.job_accepted import JobAccepted
from ...models.pareto_request import ParetoRequest
from ...models.pareto_response import ParetoResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ParetoRequest,
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
        "url": "/v1/pareto",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> JobAccepted | ParetoResponse | Problem | None:
    if response.status_code == 200:
        response_200 = ParetoResponse.from_dict(response.json())

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
) -> Response[JobAccepted | ParetoResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ParetoRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> Response[JobAccepted | ParetoResponse | Problem]:
    """Pareto polygons of Y_s for s in s_min..s_max, with the regime table

    Args:
        prefer (None | str | Unset): `respond-async` (RFC 7240): always answer 202 with a job
            reference
        cache_control (None | str | Unset): `no-cache`: recompute even if the result is stored
        body (ParetoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobAccepted | ParetoResponse | Problem]
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
    body: ParetoRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> JobAccepted | ParetoResponse | Problem | None:
    """Pareto polygons of Y_s for s in s_min..s_max, with the regime table

    Args:
        prefer (None | str | Unset): `respond-async` (RFC 7240): always answer 202 with a job
            reference
        cache_control (None | str | Unset): `no-cache`: recompute even if the result is stored
        body (ParetoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobAccepted | ParetoResponse | Problem
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
    body: ParetoRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> Response[JobAccepted | ParetoResponse | Problem]:
    """Pareto polygons of Y_s for s in s_min..s_max, with the regime table

    Args:
        prefer (None | str | Unset): `respond-async` (RFC 7240): always answer 202 with a job
            reference
        cache_control (None | str | Unset): `no-cache`: recompute even if the result is stored
        body (ParetoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobAccepted | ParetoResponse | Problem]
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
    body: ParetoRequest,
    prefer: None | str | Unset = UNSET,
    cache_control: None | str | Unset = UNSET,
) -> JobAccepted | ParetoResponse | Problem | None:
    """Pareto polygons of Y_s for s in s_min..s_max, with the regime table

    Args:
        prefer (None | str | Unset): `respond-async` (RFC 7240): always answer 202 with a job
            reference
        cache_control (None | str | Unset): `no-cache`: recompute even if the result is stored
        body (ParetoRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobAccepted | ParetoResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            prefer=prefer,
            cache_control=cache_control,
        )
    ).parsed
