"""A study arm's optimizer in PyTorch: the MXNet name and hyperparameters, as ``torch.optim``.

Arms are declared once (:mod:`d2l_vn.studies`) with MXNet's names: ``'sgd'``, ``'adam'``,
``'radam'``, and MXNet's hyperparameter names (``momentum``, ``beta1``, ``beta2``, ``epsilon``,
``wd``). RAdam is ``torch.optim.RAdam``, whose threshold is 5 where the course's MXNet
optimizer uses the paper's 4 (they differ at one step only, :mod:`d2l_vn.core.reference_steps`).
"""
import torch

__all__ = ["make_optimizer"]

_NAMES = {"momentum": "momentum", "epsilon": "eps", "wd": "weight_decay"}


def make_optimizer(name, params, lr, hyperparams=None):
    """``torch.optim`` optimizer ``name`` (an MXNet name) over ``params`` at rate ``lr``."""
    hyperparams = dict(hyperparams or {})
    kwargs = {_NAMES[key]: hyperparams.pop(key) for key in list(hyperparams) if key in _NAMES}
    if "beta1" in hyperparams or "beta2" in hyperparams:
        kwargs["betas"] = (hyperparams.pop("beta1", 0.9), hyperparams.pop("beta2", 0.999))
    if hyperparams:
        raise ValueError(f"hyperparameters {sorted(hyperparams)} have no PyTorch name here; "
                         f"known: {sorted(_NAMES) + ['beta1', 'beta2']}")
    classes = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "radam": torch.optim.RAdam}
    if name not in classes:
        raise ValueError(f"optimizer must be one of {sorted(classes)}, got {name!r}")
    return classes[name](params, lr=lr, **kwargs)
