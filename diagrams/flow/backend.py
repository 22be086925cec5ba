"""Array backends for the gradient-flow simulator: NumPy on CPU, CuPy on a CUDA device.

Every kernel in :mod:`diagrams.flow` takes the array module ``xp`` as an argument and uses
only the subset of the NumPy API that CuPy mirrors, so one code path runs on both. CuPy is an
optional extra (``pip install .[gpu]``) and is imported lazily, only when asked for.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from diagrams.errors import SpecError

BACKENDS = ("auto", "numpy", "cupy")
DTYPES = ("float64", "float32")


@dataclass(frozen=True)
class Backend:
    """A resolved array backend.

    Attributes
    ----------
    name:
        ``"numpy"`` or ``"cupy"``.
    xp:
        The array module itself.
    device:
        Human-readable device description, e.g. ``"cpu"`` or ``"NVIDIA H200 (cuda:0)"``.

    >>> b = resolve_backend("numpy")
    >>> b.name, b.device
    ('numpy', 'cpu')
    """

    name: str
    xp: Any
    device: str

    def asarray(self, array: Any, dtype: str = "float64") -> Any:
        """Move a host array onto this backend with the given dtype."""
        return self.xp.asarray(array, dtype=dtype)

    def synchronize(self) -> None:
        """Block until queued device work is done (a no-op on CPU); used for timing."""
        if self.name == "cupy":
            self.xp.cuda.Device().synchronize()


def _cupy_or_none() -> Any:
    try:
        cupy = importlib.import_module("cupy")
        if cupy.cuda.runtime.getDeviceCount() < 1:
            return None
    except Exception:  # ImportError, or a CUDA runtime error when no driver/device exists
        return None
    return cupy


def cupy_available() -> bool:
    """True when CuPy imports and sees at least one CUDA device."""
    return _cupy_or_none() is not None


def resolve_backend(name: str = "auto", field: str = "backend") -> Backend:
    """Resolve ``"auto" | "numpy" | "cupy"`` to a :class:`Backend`.

    ``"auto"`` picks CuPy when it is importable and a CUDA device is present, NumPy otherwise.
    Asking for ``"cupy"`` explicitly when it is unavailable raises :class:`SpecError`.
    """
    if name not in BACKENDS:
        raise SpecError(field, f"must be one of {', '.join(BACKENDS)}")
    if name in ("auto", "cupy"):
        cupy = _cupy_or_none()
        if cupy is not None:
            dev = cupy.cuda.Device()
            props = cupy.cuda.runtime.getDeviceProperties(dev.id)
            label = props["name"].decode() if isinstance(props["name"], bytes) else props["name"]
            return Backend("cupy", cupy, f"{label} (cuda:{dev.id})")
        if name == "cupy":
            raise SpecError(field, "CuPy with a CUDA device is not available on this machine")
    return Backend("numpy", np, "cpu")


def to_numpy(array: Any) -> np.ndarray:
    """Copy any backend array to a NumPy array on the host."""
    if hasattr(array, "get"):  # cupy.ndarray
        return array.get()
    return np.asarray(array)


def check_dtype(dtype: str, field: str = "dtype") -> str:
    """Validate a dtype name (float64 default, float32 optional)."""
    if dtype not in DTYPES:
        raise SpecError(field, f"must be one of {', '.join(DTYPES)}")
    return dtype


@contextlib.contextmanager
def blas_threads(backend: Backend, threads: int) -> Iterator[None]:
    """Limit the host BLAS to ``threads`` threads inside the block (``0``: leave as is).

    The batched kernels issue many mid-sized matrix products; when the cores are shared with
    other processes, multi-threaded OpenBLAS on such products can be two orders of magnitude
    slower than one thread (see ``benchmarks/results/flow.md``), so validation runs default
    to one. Nothing happens on CuPy.
    """
    if backend.name != "numpy" or threads == 0:
        yield
        return
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=threads, user_api="blas"):
        yield
