"""Plots of validation results (matplotlib's Agg canvas directly, no pyplot global state).

:func:`validation_svg` / :func:`validation_png` draw a result of
:func:`diagrams.flow.validation.run_validation`:

* ``"trajectory"``: the empirical mean with a ±2 standard-error band, the closed form of the
  catalogue and the truncated series (only where it is meaningful), divergence times as ticks.
  Log–log axes for runs on a logarithmic time grid (the power laws of Section 7), a log loss
  axis when the loss spans more than a decade; gradient ascent is drawn against ``|t|``.
* ``"taylor"``: the Monte Carlo estimates relative to the engine's exact ``Y_s`` with error
  bars, and the z-scores with the ±5 band of the tests.

Output is deterministic for a given result (fixed SVG ids, no timestamps).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

_RC = {"svg.hashsalt": "gfdiagrams", "svg.fonttype": "path", "font.size": 9}


def _arr(values: Any) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in (values or [])], dtype=float)


def _title(result: Mapping[str, Any]) -> str:
    req = result.get("request", {})
    model = req.get("model", {})
    params = req.get("params", {})
    head = f"{str(model.get('symmetry', '')).upper()} ν={model.get('nu')} {model.get('target', '')}"
    tail = ", ".join(f"{k}={params[k]:.4g}" for k in ("p", "H", "sigma2", "T") if k in params)
    return f"{head}: {tail}"


def _trajectory_figure(result: Mapping[str, Any]) -> Figure:
    req = result.get("request", {})
    t = _arr(result["t"])
    ascent = bool(t.size) and np.nanmin(t) < 0
    x = np.abs(t)
    mean, se = _arr(result["loss_mean"]), _arr(result["loss_stderr"])
    theory = result.get("theory", {})
    closed = _arr(theory.get("closed_form"))
    series = _arr(theory.get("series"))
    logx = req.get("output") == "log"
    keep = x > 0 if logx else np.ones_like(x, dtype=bool)
    curves = [mean[keep]] + ([closed[keep]] if closed.size else [])
    positive = np.concatenate([c[np.isfinite(c)] for c in curves])
    logy = bool(positive.size) and positive.min() > 0 and positive.max() / positive.min() > 10

    fig = Figure(figsize=(6.4, 4.2))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    lo, hi = mean - 2 * se, mean + 2 * se
    if logy:
        lo = np.where(lo > 0, lo, np.nan)
    ax.fill_between(
        x[keep],
        lo[keep],
        hi[keep],
        color="tab:blue",
        alpha=0.25,
        linewidth=0,
        label="simulation ±2 s.e.",
    )
    n_seeds = req.get("seeds", "?")
    ax.plot(
        x[keep],
        mean[keep],
        color="tab:blue",
        lw=1.4,
        label=f"simulation mean ({n_seeds} seeds, {req.get('integrator', '')})",
    )
    if closed.size:
        info = theory.get("closed_form_info") or {}
        ax.plot(
            x[keep],
            closed[keep],
            "k--",
            lw=1.2,
            label=f"closed form ({info.get('solution') or 'catalogue'})",
        )
        blowup = info.get("blowup_time")
        # a pole on the other side of t = 0 (free decay's, at t < 0) is not part of this run
        if blowup is not None and (float(blowup) < 0) == ascent and abs(blowup) <= x.max():
            ax.axvline(abs(float(blowup)), color="k", lw=0.8, ls=":", label="theory blow-up")
    until = theory.get("series_meaningful_until")
    if series.size and until is not None:
        s_mask = keep & (x <= abs(float(until)) * (1 + 1e-12)) & np.isfinite(series)
        if logy:
            s_mask &= series > 0
        if s_mask.sum() >= 2:
            ax.plot(
                x[s_mask],
                series[s_mask],
                color="tab:red",
                lw=1.2,
                ls="-.",
                label=f"series, order {theory.get('series_order')}",
            )
    div = _arr(result.get("divergence_times"))
    div = np.abs(div[np.isfinite(div)])
    if div.size:
        ax.plot(
            div,
            np.full(div.shape, 0.02),
            "|",
            color="tab:orange",
            ms=10,
            transform=ax.get_xaxis_transform(),
            label=f"divergence ({result.get('diverged_fraction', 0):.0%} of seeds)",
        )
    if logx:
        ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel("|t| (gradient ascent)" if ascent else "t")
    ax.set_ylabel("E[L(t)]")
    ax.set_title(_title(result))
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=7, loc="best")
    fig.tight_layout()
    return fig


def _taylor_figure(result: Mapping[str, Any]) -> Figure:
    s = np.asarray(result["s"], dtype=int)
    mean, se, exact = _arr(result["mc_mean"]), _arr(result["mc_stderr"]), _arr(result["exact"])
    z = _arr(result.get("z"))
    fig = Figure(figsize=(7.2, 3.6))
    FigureCanvasAgg(fig)
    ax1, ax2 = fig.subplots(1, 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = mean / exact
        err = se / np.abs(exact)
    ax1.errorbar(
        s,
        ratio,
        yerr=2 * err,
        fmt="o",
        color="tab:blue",
        capsize=3,
        label="Monte Carlo / exact (±2 s.e.)",
    )
    ax1.axhline(1.0, color="k", lw=0.8)
    ax1.set_xlabel("s")
    ax1.set_ylabel("estimate / exact $Y_s$")
    ax1.set_xticks(s)
    ax1.legend(fontsize=7)
    ax2.bar(s, np.nan_to_num(z), color="tab:blue")
    for level in (-5, 5):
        ax2.axhline(level, color="tab:red", lw=0.8, ls="--")
    ax2.axhline(0, color="k", lw=0.8)
    ax2.set_xlabel("s")
    ax2.set_ylabel("z = (estimate − exact) / s.e.")
    ax2.set_xticks(s)
    n = result.get("metrics", {}).get("n_seeds", "?")
    fig.suptitle(f"Taylor mode, {n} starts — {_title(result)}", fontsize=9)
    fig.tight_layout()
    return fig


def validation_figure(result: Mapping[str, Any]) -> Figure:
    """The matplotlib figure of a validation result (either kind)."""
    if result.get("kind") == "taylor":
        return _taylor_figure(result)
    return _trajectory_figure(result)


def _render(result: Mapping[str, Any], fmt: str) -> bytes:
    with matplotlib.rc_context(_RC):
        fig = validation_figure(result)
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, dpi=120, metadata=metadata)
    return buf.getvalue()


def validation_svg(result: Mapping[str, Any]) -> bytes:
    """SVG bytes of :func:`validation_figure` (for ``GET /v1/jobs/{id}/plot.svg``)."""
    return _render(result, "svg")


def validation_png(result: Mapping[str, Any]) -> bytes:
    """PNG bytes of :func:`validation_figure` (for ``GET /v1/jobs/{id}/plot.png``)."""
    return _render(result, "png")
