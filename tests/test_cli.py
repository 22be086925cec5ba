"""The command line (``python -m diagrams``): every sub-command, each format, and that bad input
exits with status 2 and a message naming the field."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from fractions import Fraction

import pytest

from diagrams import ModelSpec, series
from diagrams.cli import run


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return run(list(argv), out), out.getvalue()


def test_series_json_is_the_library_result():
    code, text = _run(
        "series", "--nu", "2", "--symmetry", "sym", "--s-max", "2", "--format", "json"
    )
    assert code == 0
    assert json.loads(text) == series(ModelSpec(2, "sym", "identity"), 2).to_dict()


def test_series_table_and_latex():
    code, text = _run("series", "--nu", "2", "--symmetry", "sym", "--s-max", "0")
    assert code == 0 and "offset = (1/2)*p" in text
    assert "Y_0 = (-1)*p*H*s2 + (1/2)*p^2*H*s2^2" in text
    code, text = _run("series", "--nu", "3", "--s-max", "1", "--format", "latex")
    assert code == 0 and text.startswith("\\tfrac12\\|F\\|^2 = ") and "Y_{1} = " in text


def test_series_leading_with_s_r_max():
    argv = ["series", "--nu", "3", "--s-max", "3", "--mode", "leading", "--s-r-max", "2"]
    code, text = _run(*argv, "--format", "json")
    body = json.loads(text)
    assert code == 0 and body["s_r_max"] == 2 and body["mode"] == "leading"
    y3 = {
        (t["p"], t["H"], t["sigma2"]): Fraction(t["coeff"])
        for t in body["coefficients"][3]["terms"]
    }
    assert (1, 1, 3) not in y3  # s_D = 0: four R atoms, left out
    assert y3[(5, 1, 6)] == -456 and y3[(9, 1, 9)] == -420
    code, text = _run(*argv)
    assert code == 0 and "terms with s_R <= 2" in text.splitlines()[0]
    code, text = _run("series", "--nu", "2", "--s-max", "5", "--mode", "leading", "--s-d-max", "1")
    assert code == 0 and "Y_5 = (-32)*p*H*s2" in text and "terms with s_D <= 1" in text


def test_expansion_expectation_and_estimate():
    code, text = _run("expansion", "--nu", "3", "--s", "0", "--format", "json")
    rows = json.loads(text)
    assert code == 0 and {r["coefficient"] for r in rows} == {"1/2", "-1"}
    code, text = _run("expansion", "--nu", "2", "--s", "0", "--format", "dot")
    assert code == 0 and "graph" in text
    code, text = _run("expectation", "--nu", "2", "--symmetry", "sym")
    assert code == 0 and "E[D_4] = " in text and "E[R_2] = " in text
    code, text = _run(
        "estimate", "--nu", "3", "--s-max", "25", "--mode", "leading", "--s-r-max", "2"
    )
    assert code == 0 and 1 < json.loads(text)["seconds"] < 60
    code, text = _run(
        "estimate", "--nu", "4", "--s-max", "25", "--mode", "leading", "--budget", "60"
    )
    body = json.loads(text)
    assert code == 0 and body["seconds"] > 60
    alternatives = {k: alt[k] for alt in body["alternatives"] for k in alt if k != "seconds"}
    assert alternatives["s_r_max"] == 2 and alternatives["mode"] == "extreme"
    assert 0 < alternatives["s_max"] < 25
    assert all(alt["seconds"] <= 60 for alt in body["alternatives"])


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["series", "--nu", "1", "--s-max", "1"], "nu"),
        (["series", "--nu", "3", "--s-max", "1", "--s-r-max", "2"], "s_r_max"),
        (["series", "--nu", "3", "--s-max", "-1"], "s_max"),
        # the estimate refuses what the computation would refuse
        (
            ["estimate", "--nu", "3", "--symmetry", "sym", "--s-max", "3", "--mode", "extreme"],
            "model",
        ),
        (["estimate", "--nu", "3", "--s-max", "3", "--s-d-max", "1"], "s_d_max"),
    ],
)
def test_bad_input_exits_2_naming_the_field(argv, field, capsys):
    code, _ = _run(*argv)
    assert code == 2 and field in capsys.readouterr().err


def test_module_entry_point():
    cmd = [sys.executable, "-m", "diagrams", "expectation", "--nu", "3"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    assert "E[D_6] = " in done.stdout


def test_budget_must_be_positive(capsys):
    with pytest.raises(SystemExit) as stop:
        _run("estimate", "--nu", "3", "--s-max", "3", "--budget", "-5")
    assert stop.value.code == 2 and "--budget" in capsys.readouterr().err
