"""What a training run measured, epoch by epoch: the same record for every framework."""
import math
from dataclasses import dataclass, field

from . import quick

__all__ = ["History", "block_means"]


@dataclass
class History:
    """What :func:`train` measured: one entry per epoch, plus the rate of every minibatch."""
    train_loss: list = field(default_factory=list)
    train_acc: list = field(default_factory=list)
    test_acc: list = field(default_factory=list)
    lr: list = field(default_factory=list)
    epoch_time: list = field(default_factory=list)
    step_lr: list = field(default_factory=list)
    loss_trace: list = field(default_factory=list)
    device: str = ""
    quick: bool = False
    diverged: bool = False

    @staticmethod
    def check_run(num_epochs, trace_every):
        """Raise a clear ValueError unless a training loop can run ``num_epochs`` epochs, tracing every ``trace_every``."""
        if not isinstance(trace_every, int) or isinstance(trace_every, bool) or trace_every < 0:
            raise ValueError(f"trace_every must be an integer >= 0, got {trace_every!r}")
        if not isinstance(num_epochs, int) or isinstance(num_epochs, bool) or num_epochs < 1:
            raise ValueError(f"num_epochs must be a positive integer, got {num_epochs!r}")

    @classmethod
    def for_run(cls, device, train_iter, verbose):
        """A new History for a run on ``device``; unless not ``verbose``, says where it trains, how much, on what."""
        if verbose:
            note = getattr(train_iter, "description", "")
            print(f"[d2l_vn] training on {device}; {quick.describe()}" + (f"\n[d2l_vn] {note}" if note else ""))
        return cls(device=str(device), quick=quick.is_quick())

    def add_epoch(self, train_loss, train_acc, test_acc, seconds, animator=None):
        """Keep one epoch's numbers (and draw them); return ``False`` once the loss is no longer finite."""
        self.epoch_time.append(seconds)
        self.lr.append(self.step_lr[-1])
        self.train_loss.append(float(train_loss))
        self.train_acc.append(float(train_acc))
        self.test_acc.append(float(test_acc))
        if animator is not None:
            animator.add(len(self.train_loss), (train_loss, train_acc, test_acc))
        self.diverged = not math.isfinite(train_loss)
        return not self.diverged

    @property
    def seconds_per_epoch(self):
        """Mean wall time of one epoch (training and evaluation)."""
        return sum(self.epoch_time) / max(1, len(self.epoch_time))

    def summary(self):
        """One line: final metrics, speed, device and whether the run was short."""
        if not self.train_loss:
            return "no epoch finished"
        mode = "short run" if self.quick else "full run"
        state = f"diverged after {len(self.train_loss)} epochs; " if self.diverged else ""
        return (f"{state}loss {self.train_loss[-1]:.3f}, train acc {self.train_acc[-1]:.3f}, "
                f"test acc {self.test_acc[-1]:.3f}; {self.seconds_per_epoch:.1f} s/epoch "
                f"on {self.device} ({mode})")


def block_means(values, size):
    """Means of consecutive blocks of ``size`` values (the last may be shorter), 5 digits."""
    return [float(f"{sum(block) / len(block):.5g}")
            for block in (values[i:i + size] for i in range(0, len(values), size))]
