from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.discretisation import Discretisation
    from ..models.trajectory_metrics import TrajectoryMetrics
    from ..models.trajectory_result_performance import TrajectoryResultPerformance
    from ..models.trajectory_result_request import TrajectoryResultRequest
    from ..models.trajectory_theory import TrajectoryTheory


T = TypeVar("T", bound="TrajectoryResult")


@_attrs_define
class TrajectoryResult:
    """
    Attributes:
        kind (Literal['trajectory']):
        request (TrajectoryResultRequest): the normalised request, as run
        t (list[float | None]):
        loss_mean (list[float | None]):
        loss_stderr (list[float | None]):
        alive_fraction (list[float | None]):
        diverged_fraction (float):
        divergence_times (list[float | None]):
        offset (float): ½‖F‖²
        theory (TrajectoryTheory):
        metrics (TrajectoryMetrics):
        backend (str):
        device (str):
        kernel (str):
        dtype (str):
        discretisation (Discretisation): Whether the time steps resolved the gradient flow: along it dL/dt = −T‖du/dt‖²,
            and the
            relative defect of that balance over the run (worst seed) is O(dt²) when they do.
        warnings (list[str]): e.g. steps too large to resolve the flow
        performance (TrajectoryResultPerformance): wall time, steps/s, GFLOP/s
    """

    kind: Literal["trajectory"]
    request: TrajectoryResultRequest
    t: list[float | None]
    loss_mean: list[float | None]
    loss_stderr: list[float | None]
    alive_fraction: list[float | None]
    diverged_fraction: float
    divergence_times: list[float | None]
    offset: float
    theory: TrajectoryTheory
    metrics: TrajectoryMetrics
    backend: str
    device: str
    kernel: str
    dtype: str
    discretisation: Discretisation
    warnings: list[str]
    performance: TrajectoryResultPerformance
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        request = self.request.to_dict()

        t = []
        for t_item_data in self.t:
            t_item: float | None
            t_item = t_item_data
            t.append(t_item)

        loss_mean = []
        for loss_mean_item_data in self.loss_mean:
            loss_mean_item: float | None
            loss_mean_item = loss_mean_item_data
            loss_mean.append(loss_mean_item)

        loss_stderr = []
        for loss_stderr_item_data in self.loss_stderr:
            loss_stderr_item: float | None
            loss_stderr_item = loss_stderr_item_data
            loss_stderr.append(loss_stderr_item)

        alive_fraction = []
        for alive_fraction_item_data in self.alive_fraction:
            alive_fraction_item: float | None
            alive_fraction_item = alive_fraction_item_data
            alive_fraction.append(alive_fraction_item)

        diverged_fraction = self.diverged_fraction

        divergence_times = []
        for divergence_times_item_data in self.divergence_times:
            divergence_times_item: float | None
            divergence_times_item = divergence_times_item_data
            divergence_times.append(divergence_times_item)

        offset = self.offset

        theory = self.theory.to_dict()

        metrics = self.metrics.to_dict()

        backend = self.backend

        device = self.device

        kernel = self.kernel

        dtype = self.dtype

        discretisation = self.discretisation.to_dict()

        warnings = self.warnings

        performance = self.performance.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "request": request,
                "t": t,
                "loss_mean": loss_mean,
                "loss_stderr": loss_stderr,
                "alive_fraction": alive_fraction,
                "diverged_fraction": diverged_fraction,
                "divergence_times": divergence_times,
                "offset": offset,
                "theory": theory,
                "metrics": metrics,
                "backend": backend,
                "device": device,
                "kernel": kernel,
                "dtype": dtype,
                "discretisation": discretisation,
                "warnings": warnings,
                "performance": performance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.discretisation import Discretisation  # noqa: PLC0415
        from ..models.trajectory_metrics import TrajectoryMetrics  # noqa: PLC0415
        from ..models.trajectory_result_performance import TrajectoryResultPerformance  # noqa: PLC0415
        from ..models.trajectory_result_request import TrajectoryResultRequest  # noqa: PLC0415
        from ..models.trajectory_theory import TrajectoryTheory  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["trajectory"], d.pop("kind"))
        if kind != "trajectory":
            raise ValueError(f"kind must match const 'trajectory', got '{kind}'")

        request = TrajectoryResultRequest.from_dict(d.pop("request"))

        t = []
        _t = d.pop("t")
        for t_item_data in _t:

            def _parse_t_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            t_item = _parse_t_item(t_item_data)

            t.append(t_item)

        loss_mean = []
        _loss_mean = d.pop("loss_mean")
        for loss_mean_item_data in _loss_mean:

            def _parse_loss_mean_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            loss_mean_item = _parse_loss_mean_item(loss_mean_item_data)

            loss_mean.append(loss_mean_item)

        loss_stderr = []
        _loss_stderr = d.pop("loss_stderr")
        for loss_stderr_item_data in _loss_stderr:

            def _parse_loss_stderr_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            loss_stderr_item = _parse_loss_stderr_item(loss_stderr_item_data)

            loss_stderr.append(loss_stderr_item)

        alive_fraction = []
        _alive_fraction = d.pop("alive_fraction")
        for alive_fraction_item_data in _alive_fraction:

            def _parse_alive_fraction_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            alive_fraction_item = _parse_alive_fraction_item(alive_fraction_item_data)

            alive_fraction.append(alive_fraction_item)

        diverged_fraction = d.pop("diverged_fraction")

        divergence_times = []
        _divergence_times = d.pop("divergence_times")
        for divergence_times_item_data in _divergence_times:

            def _parse_divergence_times_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            divergence_times_item = _parse_divergence_times_item(divergence_times_item_data)

            divergence_times.append(divergence_times_item)

        offset = d.pop("offset")

        theory = TrajectoryTheory.from_dict(d.pop("theory"))

        metrics = TrajectoryMetrics.from_dict(d.pop("metrics"))

        backend = d.pop("backend")

        device = d.pop("device")

        kernel = d.pop("kernel")

        dtype = d.pop("dtype")

        discretisation = Discretisation.from_dict(d.pop("discretisation"))

        warnings = cast(list[str], d.pop("warnings"))

        performance = TrajectoryResultPerformance.from_dict(d.pop("performance"))

        trajectory_result = cls(
            kind=kind,
            request=request,
            t=t,
            loss_mean=loss_mean,
            loss_stderr=loss_stderr,
            alive_fraction=alive_fraction,
            diverged_fraction=diverged_fraction,
            divergence_times=divergence_times,
            offset=offset,
            theory=theory,
            metrics=metrics,
            backend=backend,
            device=device,
            kernel=kernel,
            dtype=dtype,
            discretisation=discretisation,
            warnings=warnings,
            performance=performance,
        )

        trajectory_result.additional_properties = d
        return trajectory_result

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
