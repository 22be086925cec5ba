"""The sequential exact process (merges and pairings interleaved) against the class-by-class
engine, brute force in the weights, and its own invariants."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from diagrams import Cancelled, ModelSpec, SpecError
from diagrams.canonical import canonical_form
from diagrams.reference.bruteforce import bruteforce_series
from diagrams.sequential import SequentialProcess, sequential_series
from diagrams.series import exact_coefficient, exact_method

AGAINST_CLASSES = [
    (ModelSpec(2, "sym", "identity"), 7),
    (ModelSpec(2, "sym", "zero"), 7),
    (ModelSpec(2, "asym", "identity"), 7),
    (ModelSpec(2, "asym", "zero"), 7),
    (ModelSpec(3, "asym", "identity"), 4),
    (ModelSpec(3, "asym", "zero"), 4),
    (ModelSpec(3, "sym", "identity"), 3),
    (ModelSpec(3, "sym", "zero"), 3),
    (ModelSpec(4, "sym", "identity"), 2),
    (ModelSpec(4, "sym", "zero"), 3),
    (ModelSpec(4, "asym", "identity"), 3),
    (ModelSpec(4, "asym", "zero"), 3),
    (ModelSpec(5, "asym", "identity"), 2),
    (ModelSpec(6, "sym", "zero"), 2),
]


@pytest.mark.parametrize(("model", "s_max"), AGAINST_CLASSES, ids=str)
def test_every_order_equals_the_class_by_class_engine(model, s_max):
    ours = SequentialProcess(model).run(s_max)
    for s in range(s_max + 1):
        assert ours[s] == exact_coefficient(model, s, method="classes"), f"s={s}"


def test_asym_nu3_order_5_equals_classes_and_brute_force():
    model = ModelSpec(3, "asym", "identity")
    ours = sequential_series(model, 5)
    assert ours[5] == exact_coefficient(model, 5, method="classes")
    for p, H in [(2, 1), (1, 2), (1, 3)]:
        brute = bruteforce_series(model, p, H, 5)
        for s in (4, 5):
            by_l: dict[int, Fraction] = {}
            for (q, n, l), c in ours[s].items():
                by_l[l] = by_l.get(l, Fraction(0)) + c * p**q * H**n
            assert {l: v for l, v in by_l.items() if v} == {l: v for l, v in brute[s].items() if v}


def test_results_do_not_depend_on_the_number_of_workers(monkeypatch):
    model = ModelSpec(3, "asym", "zero")
    monkeypatch.setenv("GFD_ENGINE_WORKERS", "1")
    one = SequentialProcess(model).run(4)
    monkeypatch.setenv("GFD_ENGINE_WORKERS", "2")
    two = SequentialProcess(model).run(4)
    assert one == two


def test_lower_orders_of_one_pass_are_exact_and_cached():
    model = ModelSpec(2, "asym", "identity")
    deep = SequentialProcess(model).run(6)
    for s in range(6):
        assert deep[s] == SequentialProcess(model).run(s)[s]
    assert sequential_series(model, 6)[3] is sequential_series(model, 3)[3]


def test_horizon_bound_keeps_exactly_the_states_that_close():
    """Every state kept at the last step before the end closes in one merge (the per-colour
    bound of the module docstring is exact there)."""
    model = ModelSpec(3, "asym", "identity")
    proc = SequentialProcess(model)
    level = proc.initial(2)
    step1 = {}
    for form in level:
        if form[2]:
            step1.update(proc.transitions(form, 1))
    assert step1
    for form in step1:
        if form[2]:
            assert () in {child[2] for child in proc.transitions(form, 0)}


def test_pending_edges_are_a_kind_of_their_own():
    # Same graph, one edge pending in one and open in the other: different forms.
    open_edges = [(0, 0, 0), (0, 1, 1), (1, 0, 1)]
    marked = [(0, 0, 0), (0, 1, 1 + 2), (1, 0, 1)]
    assert canonical_form(2, 2, open_edges, 2, True, kinds=2) != canonical_form(
        2, 2, marked, 2, True, kinds=2
    )
    # Relabelled and recoloured copies (both kinds permuted alike) share one form.
    rng = random.Random(5)
    for _ in range(200):
        n_h, n_p = rng.randint(1, 4), rng.randint(1, 4)
        edges = [
            (rng.randrange(n_h), rng.randrange(n_p), rng.randrange(6))
            for _ in range(rng.randint(1, 9))
        ]
        ph = rng.sample(range(n_h), n_h)
        pp = rng.sample(range(n_p), n_p)
        pc = rng.sample(range(3), 3)
        moved = [(ph[h], pp[p], (c // 3) * 3 + pc[c % 3]) for h, p, c in edges]
        rng.shuffle(moved)
        assert canonical_form(n_h, n_p, edges, 3, True, kinds=2) == canonical_form(
            n_h, n_p, moved, 3, True, kinds=2
        )
        # Swapping the kinds of some edges (not all alike) is not an isomorphism in general;
        # at least the kind counts must be kept by the form.
        form = canonical_form(n_h, n_p, edges, 3, True, kinds=2)
        assert sorted(c // 3 for *_, c in form[2]) == sorted(c // 3 for *_, c in edges)


def test_method_choice_and_bad_method():
    assert exact_method(ModelSpec(3, "asym")) == "sequential"
    assert exact_method(ModelSpec(4, "sym")) == exact_method(ModelSpec(3, "sym")) == "sequential"
    assert exact_method(ModelSpec(2, "sym")) == exact_method(ModelSpec(5, "sym")) == "classes"
    assert exact_method(ModelSpec(2, "asym")) == exact_method(ModelSpec(4, "asym")) == "sequential"
    assert exact_method(ModelSpec(5, "asym")) == "classes"
    assert exact_method(ModelSpec(3, "asym"), "classes") == "classes"
    with pytest.raises(SpecError) as err:
        exact_coefficient(ModelSpec(2, "asym"), 1, method="fast")
    assert err.value.field == "method"
    with pytest.raises(SpecError) as err:
        sequential_series(ModelSpec(2, "asym"), -1)
    assert err.value.field == "s_max"


def test_progress_and_cancellation():
    seen = []
    SequentialProcess(ModelSpec(3, "asym", "zero")).run(4, lambda f, m: seen.append((f, m)))
    assert seen and all(0 <= f <= 1 for f, _ in seen)
    assert any("step 4/4" in m for _, m in seen)

    def stop(fraction, message):
        raise Cancelled("stop")

    with pytest.raises(Cancelled):
        SequentialProcess(ModelSpec(3, "asym", "identity")).run(5, stop)


def test_the_cost_estimate_runs_in_process(monkeypatch):
    """Estimates are answered inside the service's threaded web server: forking there can
    deadlock (seen in the schemathesis run), so the calibration must never start workers."""
    import diagrams.parallel as parallel
    import diagrams.sequential as sequential

    monkeypatch.setenv("GFD_ENGINE_WORKERS", "2")
    monkeypatch.setattr(sequential, "_CALIBRATION", {})

    def no_fork(*args, **kwargs):
        raise AssertionError("the estimate started worker processes")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", no_fork)
    estimate = sequential.estimate_sequential_cost(ModelSpec(3, "asym", "identity"), 7)
    assert estimate.seconds > 1 and estimate.measured_levels >= 5


def test_in_process_steps_report_progress_inside_a_step():
    """A service worker runs the process in-process (no forking in daemons): progress, and so
    cancellation, must come within a step, not only between steps."""
    seen = []
    process = SequentialProcess(ModelSpec(3, "asym", "identity"), max_workers=1)
    process.run(5, lambda fraction, message: seen.append((fraction, message)))
    inside = [(f, m) for f, m in seen if "pending-edge decisions" in m]
    assert inside and all(0 <= f <= 1 for f, _ in inside)

    def stop_inside(fraction, message):
        if "pending-edge decisions" in message:
            raise Cancelled("stop")

    with pytest.raises(Cancelled):
        SequentialProcess(ModelSpec(3, "asym", "identity"), max_workers=1).run(5, stop_inside)


def test_the_estimate_extrapolates_decision_counts(monkeypatch):
    """The estimate's model (see ``estimate_sequential_cost``): decisions grow by the last
    ratio between orders, that ratio by its own last growth (bounded), and the time per
    decision by ``DECISION_TIME_GROWTH`` per order."""
    import diagrams.sequential as sequential

    model = ModelSpec(3, "asym", "identity")
    g = sequential.DECISION_TIME_GROWTH
    # Constant ratio 2: each further order doubles the work.
    monkeypatch.setattr(sequential, "_CALIBRATION", {model: ([0.01, 0.02, 0.04], [100, 200, 400])})
    assert sequential.estimate_sequential_cost(model, 2).seconds == pytest.approx(0.04)
    est = sequential.estimate_sequential_cost(model, 4).seconds
    assert est == pytest.approx(0.04 * (2 * g) ** 2, rel=1e-3)
    # A growing ratio (2, then 4): the ratio grows again, capped by RATIO_GROWTH_BOUNDS.
    monkeypatch.setattr(sequential, "_CALIBRATION", {model: ([0.01, 0.02, 0.08], [100, 200, 800])})
    cap = sequential.RATIO_GROWTH_BOUNDS[1]
    est = sequential.estimate_sequential_cost(model, 4).seconds
    assert est == pytest.approx(0.08 * (4 * cap * g) * (4 * cap**2 * g), rel=1e-3)


def test_the_process_counts_its_decisions():
    model = ModelSpec(3, "asym", "zero")
    counts = []
    for s in range(5):
        process = SequentialProcess(model, max_workers=1)
        process.run(s)
        counts.append(process.decisions)
    assert all(0 < a < b for a, b in zip(counts, counts[1:])), counts
