"""The package's layout: the framework-neutral core imports no framework, and both framework folders offer the same names."""
import subprocess
import sys

import pytest

PROBE = """
import sys
import {module}
print(sorted(m for m in ("mxnet", "torch") if m in sys.modules))
"""


@pytest.mark.parametrize("module", ["d2l_vn", "d2l_vn.core", "d2l_vn.studies", "d2l_vn.studies.claims",
                                    "d2l_vn.studies.records"])
def test_the_core_and_the_studies_import_no_framework(module):
    run = subprocess.run([sys.executable, "-c", PROBE.format(module=module)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]", f"{module} imports {run.stdout.strip()}"


@pytest.mark.parametrize("framework", ["mxnet", "torch"])
def test_a_framework_package_imports_only_its_framework(framework):
    run = subprocess.run([sys.executable, "-c", PROBE.format(module=f"d2l_vn.{framework}")], capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"['{framework}']"


#: Names one framework has and the other has not, each for a reason the README gives.
MXNET_ONLY = {"graph_from_symbol", "RAdam"}
TORCH_ONLY = {"graph_from_autograd", "saved_bytes", "lambda_lr", "try_gpu"}


def test_both_framework_packages_offer_the_same_names_but_the_listed_ones():
    from d2l_vn import mxnet as mx_vn
    from d2l_vn import torch as torch_vn
    assert set(mx_vn.__all__) - set(torch_vn.__all__) == MXNET_ONLY
    assert set(torch_vn.__all__) - set(mx_vn.__all__) == TORCH_ONLY
    for name in set(mx_vn.__all__) & set(torch_vn.__all__) - {"FRAMEWORK"}:
        ours, theirs = getattr(mx_vn, name), getattr(torch_vn, name)
        if ours is not theirs:  # a framework part: the same module name in each folder
            assert ours.__module__.replace(".mxnet.", ".torch.") == theirs.__module__, name
