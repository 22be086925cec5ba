"""Loss/gradient kernels of diagrams.flow: Gram, MTTKRP and dense forms agree with each other,
with finite differences, and with the paper's closed expressions; backend selection."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from diagrams.errors import SpecError
from diagrams.flow.backend import cupy_available, resolve_backend, to_numpy
from diagrams.flow.dense import dense_loss_and_grad
from diagrams.flow.gram import exclusive_products, gram_loss_and_grad
from diagrams.flow.kernels import choose_kernel, kernel_cost, kernel_flops, make_field
from diagrams.flow.mttkrp import mttkrp_loss_and_grad
from diagrams.flow.problem import FlowProblem, init_weights
from diagrams.model import ModelSpec

MODELS = [
    ModelSpec(nu, sym, target)
    for nu, sym, target in itertools.product((2, 3, 4), ("sym", "asym"), ("identity", "zero"))
] + [ModelSpec(5, "sym", "identity"), ModelSpec(5, "asym", "zero")]
KERNELS = (gram_loss_and_grad, mttkrp_loss_and_grad, dense_loss_and_grad)


@pytest.mark.parametrize("model", MODELS, ids=str)
def test_three_kernels_agree(model: ModelSpec) -> None:
    pb = FlowProblem(model, p=3, H=5, sigma2=0.3)
    U = init_weights(pb, [11, 12, 13])
    results = [k(U, model) for k in KERNELS]
    loss0, grad0 = results[0]
    assert loss0.shape == (3,) and grad0.shape == U.shape
    for loss, grad in results[1:]:
        np.testing.assert_allclose(loss, loss0, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(grad, grad0, rtol=1e-11, atol=1e-11)


def test_mttkrp_chunking_is_exact() -> None:
    model = ModelSpec(3, "asym", "identity")
    pb = FlowProblem(model, p=4, H=37, sigma2=0.2)
    U = init_weights(pb, [1, 2])
    whole = mttkrp_loss_and_grad(U, model)
    tiny_chunks = mttkrp_loss_and_grad(U, model, chunk_bytes=1)  # one rank row per chunk
    np.testing.assert_allclose(tiny_chunks[0], whole[0], rtol=1e-13)
    np.testing.assert_allclose(tiny_chunks[1], whole[1], rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("model", MODELS, ids=str)
def test_gradient_matches_central_differences(model: ModelSpec) -> None:
    pb = FlowProblem(model, p=3, H=4, sigma2=0.4)
    U = init_weights(pb, [5])
    direction = np.random.default_rng(99).standard_normal(U.shape)
    eps = 1e-6
    loss_plus = gram_loss_and_grad(U + eps * direction, model, need_grad=False)[0]
    loss_minus = gram_loss_and_grad(U - eps * direction, model, need_grad=False)[0]
    numeric = (loss_plus - loss_minus) / (2 * eps)
    _, grad = gram_loss_and_grad(U, model)
    analytic = np.sum(grad * direction)
    assert numeric[0] == pytest.approx(analytic, rel=1e-7)


def test_loss_is_the_papers_definition_by_brute_force() -> None:
    """L = ½ Σ_{i1..iν} (f − F)² with f_{i..} = Σ_k Π_m u^(m)_{k,i_m} (eq. f_F_def, loss)."""
    model = ModelSpec(3, "asym", "identity")
    pb = FlowProblem(model, p=2, H=3, sigma2=0.5)
    U = init_weights(pb, [3])[0]
    total = 0.0
    for idx in itertools.product(range(2), repeat=3):
        f = sum(np.prod([U[m, k, idx[m]] for m in range(3)]) for k in range(3))
        F = 1.0 if len(set(idx)) == 1 else 0.0
        total += 0.5 * (f - F) ** 2
    assert gram_loss_and_grad(U[None], model)[0][0] == pytest.approx(total, rel=1e-13)


def test_sym_loss_uses_one_factor_matrix() -> None:
    model = ModelSpec(4, "sym", "identity")
    pb = FlowProblem(model, p=3, H=2, sigma2=0.3)
    U = init_weights(pb, [8])
    asym = ModelSpec(4, "asym", "identity")
    repeated = np.repeat(U, 4, axis=1)  # u^(1) = … = u^(4) = u (eq. sym)
    assert gram_loss_and_grad(U, model)[0] == pytest.approx(gram_loss_and_grad(repeated, asym)[0])
    # SYM gradient = sum over colours of the ASYM gradient at the symmetric point
    np.testing.assert_allclose(
        gram_loss_and_grad(U, model)[1][:, 0], gram_loss_and_grad(repeated, asym)[1].sum(axis=1)
    )


def test_exclusive_products() -> None:
    for n in range(2, 7):
        xs = [float(v) for v in range(2, 2 + n)]
        expected = [np.prod(xs) / x for x in xs]
        assert exclusive_products(xs, lambda a, b: a * b) == pytest.approx(expected)
    with pytest.raises(ValueError):
        exclusive_products([1.0], lambda a, b: a * b)


def test_kernel_choice_follows_cost() -> None:
    over = ModelSpec(3, "asym", "zero")
    assert choose_kernel(over, p=32, H=32768) == "mttkrp"  # H = p³ ≫ p²
    assert choose_kernel(over, p=128, H=128) == "gram"
    assert choose_kernel(ModelSpec(4, "sym", "identity"), p=64, H=2048) == "gram"
    for model, p, H in [(over, 8, 512), (ModelSpec(2, "sym", "identity"), 256, 256)]:
        chosen = choose_kernel(model, p, H)
        assert all(
            kernel_cost(chosen, model, p, H) <= kernel_cost(k, model, p, H)
            for k in ("gram", "mttkrp")
        )
    # flop counts: Gram O(νH²p), contraction O(Hp^ν)
    assert kernel_flops("gram", over, 8, 512) == pytest.approx(3 * 4 * 512**2 * 8, rel=0.1)
    assert kernel_flops("mttkrp", over, 8, 512) > 6 * 512 * 8**3
    with pytest.raises(SpecError) as err:
        make_field(FlowProblem(over, 2, 2, 0.1), kernel="fast")
    assert err.value.field == "kernel"


def test_init_weights_are_per_seed_and_batch_independent() -> None:
    pb = FlowProblem(ModelSpec(3, "asym", "identity"), p=4, H=5, sigma2=0.25)
    batch = init_weights(pb, [7, 8, 9])
    for b, seed in enumerate([7, 8, 9]):
        np.testing.assert_array_equal(batch[b], init_weights(pb, [seed])[0])
    assert batch.shape == (3, 3, 5, 4)
    # variance σ² (a loose statistical check on 3·5·4·3 = 180 samples)
    assert 0.15 < float(batch.var()) < 0.35
    f32 = init_weights(pb, [7], dtype="float32")
    assert f32.dtype == np.float32
    np.testing.assert_allclose(f32[0], batch[0], rtol=1e-6)


def test_float32_kernels_track_float64() -> None:
    model = ModelSpec(2, "sym", "identity")
    pb = FlowProblem(model, p=6, H=5, sigma2=0.2)
    loss64, grad64 = gram_loss_and_grad(init_weights(pb, [1]), model)
    loss32, grad32 = gram_loss_and_grad(init_weights(pb, [1], dtype="float32"), model)
    assert loss32.dtype == np.float32
    np.testing.assert_allclose(loss32, loss64, rtol=1e-5)
    np.testing.assert_allclose(grad32, grad64, rtol=1e-4, atol=1e-5)


def test_backend_resolution() -> None:
    numpy_backend = resolve_backend("numpy")
    assert numpy_backend.xp is np and numpy_backend.device == "cpu"
    auto = resolve_backend("auto")
    assert auto.name == ("cupy" if cupy_available() else "numpy")
    with pytest.raises(SpecError) as err:
        resolve_backend("tpu")
    assert err.value.field == "backend"
    if not cupy_available():
        with pytest.raises(SpecError, match="CuPy"):
            resolve_backend("cupy")
    assert isinstance(to_numpy(np.arange(3)), np.ndarray)


@pytest.mark.skipif(not cupy_available(), reason="needs CuPy and a CUDA device")
def test_cupy_matches_numpy_on_same_seeds() -> None:  # pragma: no cover - GPU only
    cupy = resolve_backend("cupy").xp
    for model in MODELS:
        pb = FlowProblem(model, p=4, H=6, sigma2=0.3)
        for kernel in ("gram", "mttkrp"):
            host = make_field(pb, np, kernel)(init_weights(pb, [1, 2]))
            dev = make_field(pb, cupy, kernel)(init_weights(pb, [1, 2], cupy))
            np.testing.assert_allclose(to_numpy(dev[0]), host[0], rtol=1e-11)
            np.testing.assert_allclose(to_numpy(dev[1]), host[1], rtol=1e-10, atol=1e-12)
