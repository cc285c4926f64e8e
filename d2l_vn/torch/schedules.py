"""The course's schedules (functions of the step, :mod:`d2l_vn.core.schedulers`) through PyTorch's own interface.

``torch.optim.lr_scheduler.LambdaLR`` multiplies each parameter group's initial rate by
``lr_lambda(step)``, where ``step`` counts the calls to ``scheduler.step()``. With the
initial rate set to 1, the rate is the schedule's value itself. Whether ``step`` counts
epochs or minibatch updates is the caller's choice: call ``scheduler.step()`` once per
epoch or once per update (the per-epoch versus per-update pitfall of the chapter).
"""
import torch

__all__ = ["lambda_lr"]


def lambda_lr(optimizer, schedule):
    """A ``LambdaLR`` on ``optimizer`` whose rate after ``k`` calls of ``.step()`` is ``schedule(k)``.

    >>> import torch
    >>> from d2l_vn.core.schedulers import FactorScheduler
    >>> opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
    >>> scheduler = lambda_lr(opt, FactorScheduler(step=1, factor=0.5, base_lr=0.4))
    >>> rates = []
    >>> for _ in range(3):
    ...     rates.append(opt.param_groups[0]["lr"]); opt.step(); scheduler.step()
    >>> rates  # schedule(0), schedule(1), schedule(2): MXNet's count decays first at t = 2
    [0.4, 0.4, 0.2]
    """
    if not callable(schedule):
        raise ValueError("schedule must be a function of the step, for example "
                         "d2l_vn.CosineScheduler(max_update=20, base_lr=0.3)")
    for group in optimizer.param_groups:
        group["lr"] = 1.0
        group.pop("initial_lr", None)
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: float(schedule(step)))
