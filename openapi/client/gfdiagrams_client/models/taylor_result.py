from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.taylor_metrics import TaylorMetrics
    from ..models.taylor_result_performance import TaylorResultPerformance
    from ..models.taylor_result_request import TaylorResultRequest


T = TypeVar("T", bound="TaylorResult")


@_attrs_define
class TaylorResult:
    """
    Attributes:
        kind (Literal['taylor']):
        request (TaylorResultRequest):
        s (list[int]):
        mc_mean (list[float | None]): Monte Carlo mean of T^s d^sL/dt^s(0)
        mc_stderr (list[float | None]):
        exact (list[float | None]): the engine's Y_s at these sizes
        z (list[float | None]): (mc_mean − exact) / mc_stderr
        kurtosis (list[float | None]): sample kurtosis m₄/m₂² per order
        offset (float):
        warnings (list[str]): e.g. heavy-tailed orders with unreliable z
        metrics (TaylorMetrics):
        backend (str):
        device (str):
        dtype (str):
        performance (TaylorResultPerformance):
    """

    kind: Literal["taylor"]
    request: TaylorResultRequest
    s: list[int]
    mc_mean: list[float | None]
    mc_stderr: list[float | None]
    exact: list[float | None]
    z: list[float | None]
    kurtosis: list[float | None]
    offset: float
    warnings: list[str]
    metrics: TaylorMetrics
    backend: str
    device: str
    dtype: str
    performance: TaylorResultPerformance
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        request = self.request.to_dict()

        s = self.s

        mc_mean = []
        for mc_mean_item_data in self.mc_mean:
            mc_mean_item: float | None
            mc_mean_item = mc_mean_item_data
            mc_mean.append(mc_mean_item)

        mc_stderr = []
        for mc_stderr_item_data in self.mc_stderr:
            mc_stderr_item: float | None
            mc_stderr_item = mc_stderr_item_data
            mc_stderr.append(mc_stderr_item)

        exact = []
        for exact_item_data in self.exact:
            exact_item: float | None
            exact_item = exact_item_data
            exact.append(exact_item)

        z = []
        for z_item_data in self.z:
            z_item: float | None
            z_item = z_item_data
            z.append(z_item)

        kurtosis = []
        for kurtosis_item_data in self.kurtosis:
            kurtosis_item: float | None
            kurtosis_item = kurtosis_item_data
            kurtosis.append(kurtosis_item)

        offset = self.offset

        warnings = self.warnings

        metrics = self.metrics.to_dict()

        backend = self.backend

        device = self.device

        dtype = self.dtype

        performance = self.performance.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "request": request,
                "s": s,
                "mc_mean": mc_mean,
                "mc_stderr": mc_stderr,
                "exact": exact,
                "z": z,
                "kurtosis": kurtosis,
                "offset": offset,
                "warnings": warnings,
                "metrics": metrics,
                "backend": backend,
                "device": device,
                "dtype": dtype,
                "performance": performance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.taylor_metrics import TaylorMetrics  # noqa: PLC0415
        from ..models.taylor_result_performance import TaylorResultPerformance  # noqa: PLC0415
        from ..models.taylor_result_request import TaylorResultRequest  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["taylor"], d.pop("kind"))
        if kind != "taylor":
            raise ValueError(f"kind must match const 'taylor', got '{kind}'")

        request = TaylorResultRequest.from_dict(d.pop("request"))

        s = cast(list[int], d.pop("s"))

        mc_mean = []
        _mc_mean = d.pop("mc_mean")
        for mc_mean_item_data in _mc_mean:

            def _parse_mc_mean_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            mc_mean_item = _parse_mc_mean_item(mc_mean_item_data)

            mc_mean.append(mc_mean_item)

        mc_stderr = []
        _mc_stderr = d.pop("mc_stderr")
        for mc_stderr_item_data in _mc_stderr:

            def _parse_mc_stderr_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            mc_stderr_item = _parse_mc_stderr_item(mc_stderr_item_data)

            mc_stderr.append(mc_stderr_item)

        exact = []
        _exact = d.pop("exact")
        for exact_item_data in _exact:

            def _parse_exact_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            exact_item = _parse_exact_item(exact_item_data)

            exact.append(exact_item)

        z = []
        _z = d.pop("z")
        for z_item_data in _z:

            def _parse_z_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            z_item = _parse_z_item(z_item_data)

            z.append(z_item)

        kurtosis = []
        _kurtosis = d.pop("kurtosis")
        for kurtosis_item_data in _kurtosis:

            def _parse_kurtosis_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            kurtosis_item = _parse_kurtosis_item(kurtosis_item_data)

            kurtosis.append(kurtosis_item)

        offset = d.pop("offset")

        warnings = cast(list[str], d.pop("warnings"))

        metrics = TaylorMetrics.from_dict(d.pop("metrics"))

        backend = d.pop("backend")

        device = d.pop("device")

        dtype = d.pop("dtype")

        performance = TaylorResultPerformance.from_dict(d.pop("performance"))

        taylor_result = cls(
            kind=kind,
            request=request,
            s=s,
            mc_mean=mc_mean,
            mc_stderr=mc_stderr,
            exact=exact,
            z=z,
            kurtosis=kurtosis,
            offset=offset,
            warnings=warnings,
            metrics=metrics,
            backend=backend,
            device=device,
            dtype=dtype,
            performance=performance,
        )

        taylor_result.additional_properties = d
        return taylor_result

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
