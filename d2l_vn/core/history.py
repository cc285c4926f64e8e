"""What a training run measured, epoch by epoch: the same record for every framework."""
from dataclasses import dataclass, field

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
