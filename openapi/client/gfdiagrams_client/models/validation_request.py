from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.backend_choice import BackendChoice
from ..models.dtype import Dtype
from ..models.integrator import Integrator
from ..models.kernel import Kernel
from ..models.output_grid import OutputGrid
from ..models.preset import Preset
from ..models.preset_size import PresetSize
from ..models.solution_id import SolutionId
from ..models.validation_kind import ValidationKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flow_params_in import FlowParamsIn
    from ..models.model_in import ModelIn


T = TypeVar("T", bound="ValidationRequest")


@_attrs_define
class ValidationRequest:
    """A validation run. Unset fields take the preset's value, else the library's default.

    Attributes:
        kind (ValidationKind | Unset): trajectory: simulate E[L(t)]; taylor: Y_s by MC
        preset (None | Preset | Unset): start from a named experiment
        size (None | PresetSize | Unset): preset size (default cpu)
        description (None | str | Unset): free text, echoed
        model (ModelIn | None | Unset): required unless a preset gives it
        params (FlowParamsIn | None | Unset): required unless a preset gives it
        seeds (int | None | Unset): independent starts (taylor: ≥ 2)
        seed (int | None | Unset): first seed
        backend (BackendChoice | None | Unset):
        dtype (Dtype | None | Unset):
        t_max (float | None | Unset): trajectory: final time ≠ 0 (negative: gradient ascent)
        n_steps (int | None | Unset): trajectory: integration steps
        integrator (Integrator | None | Unset):
        kernel (Kernel | None | Unset):
        output (None | OutputGrid | Unset):
        n_points (int | None | Unset): trajectory: output times
        series_order (int | Literal['auto'] | None | Unset): trajectory: order of the engine series (auto: the highest
            cheap one)
        solution (None | SolutionId | Unset): trajectory: closed form to compare
        rtol (float | None | Unset): dopri5 relative tolerance
        atol (float | None | Unset): dopri5 absolute tolerance
        divergence_factor (float | None | Unset): a start diverges when its loss grows by this factor
        s_max (int | None | Unset): taylor: highest order s
        batch_size (int | None | Unset): taylor: starts per batch
    """

    kind: ValidationKind | Unset = UNSET
    preset: None | Preset | Unset = UNSET
    size: None | PresetSize | Unset = UNSET
    description: None | str | Unset = UNSET
    model: ModelIn | None | Unset = UNSET
    params: FlowParamsIn | None | Unset = UNSET
    seeds: int | None | Unset = UNSET
    seed: int | None | Unset = UNSET
    backend: BackendChoice | None | Unset = UNSET
    dtype: Dtype | None | Unset = UNSET
    t_max: float | None | Unset = UNSET
    n_steps: int | None | Unset = UNSET
    integrator: Integrator | None | Unset = UNSET
    kernel: Kernel | None | Unset = UNSET
    output: None | OutputGrid | Unset = UNSET
    n_points: int | None | Unset = UNSET
    series_order: int | Literal["auto"] | None | Unset = UNSET
    solution: None | SolutionId | Unset = UNSET
    rtol: float | None | Unset = UNSET
    atol: float | None | Unset = UNSET
    divergence_factor: float | None | Unset = UNSET
    s_max: int | None | Unset = UNSET
    batch_size: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.flow_params_in import FlowParamsIn  # noqa: PLC0415
        from ..models.model_in import ModelIn  # noqa: PLC0415

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        preset: None | str | Unset
        if isinstance(self.preset, Unset):
            preset = UNSET
        elif isinstance(self.preset, Preset):
            preset = self.preset.value
        else:
            preset = self.preset

        size: None | str | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        elif isinstance(self.size, PresetSize):
            size = self.size.value
        else:
            size = self.size

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        model: dict[str, Any] | None | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        elif isinstance(self.model, ModelIn):
            model = self.model.to_dict()
        else:
            model = self.model

        params: dict[str, Any] | None | Unset
        if isinstance(self.params, Unset):
            params = UNSET
        elif isinstance(self.params, FlowParamsIn):
            params = self.params.to_dict()
        else:
            params = self.params

        seeds: int | None | Unset
        if isinstance(self.seeds, Unset):
            seeds = UNSET
        else:
            seeds = self.seeds

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        backend: None | str | Unset
        if isinstance(self.backend, Unset):
            backend = UNSET
        elif isinstance(self.backend, BackendChoice):
            backend = self.backend.value
        else:
            backend = self.backend

        dtype: None | str | Unset
        if isinstance(self.dtype, Unset):
            dtype = UNSET
        elif isinstance(self.dtype, Dtype):
            dtype = self.dtype.value
        else:
            dtype = self.dtype

        t_max: float | None | Unset
        if isinstance(self.t_max, Unset):
            t_max = UNSET
        else:
            t_max = self.t_max

        n_steps: int | None | Unset
        if isinstance(self.n_steps, Unset):
            n_steps = UNSET
        else:
            n_steps = self.n_steps

        integrator: None | str | Unset
        if isinstance(self.integrator, Unset):
            integrator = UNSET
        elif isinstance(self.integrator, Integrator):
            integrator = self.integrator.value
        else:
            integrator = self.integrator

        kernel: None | str | Unset
        if isinstance(self.kernel, Unset):
            kernel = UNSET
        elif isinstance(self.kernel, Kernel):
            kernel = self.kernel.value
        else:
            kernel = self.kernel

        output: None | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, OutputGrid):
            output = self.output.value
        else:
            output = self.output

        n_points: int | None | Unset
        if isinstance(self.n_points, Unset):
            n_points = UNSET
        else:
            n_points = self.n_points

        series_order: int | Literal["auto"] | None | Unset
        if isinstance(self.series_order, Unset):
            series_order = UNSET
        else:
            series_order = self.series_order

        solution: None | str | Unset
        if isinstance(self.solution, Unset):
            solution = UNSET
        elif isinstance(self.solution, SolutionId):
            solution = self.solution.value
        else:
            solution = self.solution

        rtol: float | None | Unset
        if isinstance(self.rtol, Unset):
            rtol = UNSET
        else:
            rtol = self.rtol

        atol: float | None | Unset
        if isinstance(self.atol, Unset):
            atol = UNSET
        else:
            atol = self.atol

        divergence_factor: float | None | Unset
        if isinstance(self.divergence_factor, Unset):
            divergence_factor = UNSET
        else:
            divergence_factor = self.divergence_factor

        s_max: int | None | Unset
        if isinstance(self.s_max, Unset):
            s_max = UNSET
        else:
            s_max = self.s_max

        batch_size: int | None | Unset
        if isinstance(self.batch_size, Unset):
            batch_size = UNSET
        else:
            batch_size = self.batch_size

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if preset is not UNSET:
            field_dict["preset"] = preset
        if size is not UNSET:
            field_dict["size"] = size
        if description is not UNSET:
            field_dict["description"] = description
        if model is not UNSET:
            field_dict["model"] = model
        if params is not UNSET:
            field_dict["params"] = params
        if seeds is not UNSET:
            field_dict["seeds"] = seeds
        if seed is not UNSET:
            field_dict["seed"] = seed
        if backend is not UNSET:
            field_dict["backend"] = backend
        if dtype is not UNSET:
            field_dict["dtype"] = dtype
        if t_max is not UNSET:
            field_dict["t_max"] = t_max
        if n_steps is not UNSET:
            field_dict["n_steps"] = n_steps
        if integrator is not UNSET:
            field_dict["integrator"] = integrator
        if kernel is not UNSET:
            field_dict["kernel"] = kernel
        if output is not UNSET:
            field_dict["output"] = output
        if n_points is not UNSET:
            field_dict["n_points"] = n_points
        if series_order is not UNSET:
            field_dict["series_order"] = series_order
        if solution is not UNSET:
            field_dict["solution"] = solution
        if rtol is not UNSET:
            field_dict["rtol"] = rtol
        if atol is not UNSET:
            field_dict["atol"] = atol
        if divergence_factor is not UNSET:
            field_dict["divergence_factor"] = divergence_factor
        if s_max is not UNSET:
            field_dict["s_max"] = s_max
        if batch_size is not UNSET:
            field_dict["batch_size"] = batch_size

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flow_params_in import FlowParamsIn  # noqa: PLC0415
        from ..models.model_in import ModelIn  # noqa: PLC0415

        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: ValidationKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ValidationKind(_kind)

        def _parse_preset(data: object) -> None | Preset | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preset_type_0 = Preset(data)

                return preset_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Preset | Unset, data)

        preset = _parse_preset(d.pop("preset", UNSET))

        def _parse_size(data: object) -> None | PresetSize | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_type_0 = PresetSize(data)

                return size_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PresetSize | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_model(data: object) -> ModelIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                model_type_0 = ModelIn.from_dict(data)

                return model_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelIn | None | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_params(data: object) -> FlowParamsIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                params_type_0 = FlowParamsIn.from_dict(data)

                return params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FlowParamsIn | None | Unset, data)

        params = _parse_params(d.pop("params", UNSET))

        def _parse_seeds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seeds = _parse_seeds(d.pop("seeds", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        def _parse_backend(data: object) -> BackendChoice | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                backend_type_0 = BackendChoice(data)

                return backend_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BackendChoice | None | Unset, data)

        backend = _parse_backend(d.pop("backend", UNSET))

        def _parse_dtype(data: object) -> Dtype | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                dtype_type_0 = Dtype(data)

                return dtype_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Dtype | None | Unset, data)

        dtype = _parse_dtype(d.pop("dtype", UNSET))

        def _parse_t_max(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        t_max = _parse_t_max(d.pop("t_max", UNSET))

        def _parse_n_steps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n_steps = _parse_n_steps(d.pop("n_steps", UNSET))

        def _parse_integrator(data: object) -> Integrator | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                integrator_type_0 = Integrator(data)

                return integrator_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Integrator | None | Unset, data)

        integrator = _parse_integrator(d.pop("integrator", UNSET))

        def _parse_kernel(data: object) -> Kernel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kernel_type_0 = Kernel(data)

                return kernel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Kernel | None | Unset, data)

        kernel = _parse_kernel(d.pop("kernel", UNSET))

        def _parse_output(data: object) -> None | OutputGrid | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                output_type_0 = OutputGrid(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutputGrid | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_n_points(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        n_points = _parse_n_points(d.pop("n_points", UNSET))

        def _parse_series_order(data: object) -> int | Literal["auto"] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            series_order_type_1 = cast(Literal["auto"], data)
            if series_order_type_1 != "auto":
                raise ValueError(f"series_order_type_1 must match const 'auto', got '{series_order_type_1}'")
            return series_order_type_1
            return cast(int | Literal["auto"] | None | Unset, data)

        series_order = _parse_series_order(d.pop("series_order", UNSET))

        def _parse_solution(data: object) -> None | SolutionId | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                solution_type_0 = SolutionId(data)

                return solution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SolutionId | Unset, data)

        solution = _parse_solution(d.pop("solution", UNSET))

        def _parse_rtol(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        rtol = _parse_rtol(d.pop("rtol", UNSET))

        def _parse_atol(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        atol = _parse_atol(d.pop("atol", UNSET))

        def _parse_divergence_factor(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        divergence_factor = _parse_divergence_factor(d.pop("divergence_factor", UNSET))

        def _parse_s_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        s_max = _parse_s_max(d.pop("s_max", UNSET))

        def _parse_batch_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        batch_size = _parse_batch_size(d.pop("batch_size", UNSET))

        validation_request = cls(
            kind=kind,
            preset=preset,
            size=size,
            description=description,
            model=model,
            params=params,
            seeds=seeds,
            seed=seed,
            backend=backend,
            dtype=dtype,
            t_max=t_max,
            n_steps=n_steps,
            integrator=integrator,
            kernel=kernel,
            output=output,
            n_points=n_points,
            series_order=series_order,
            solution=solution,
            rtol=rtol,
            atol=atol,
            divergence_factor=divergence_factor,
            s_max=s_max,
            batch_size=batch_size,
        )

        return validation_request
