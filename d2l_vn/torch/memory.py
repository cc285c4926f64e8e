"""Memory measured in PyTorch: what autograd keeps for backward, and the GPU's peak.

:func:`saved_bytes` runs a forward pass under ``torch.autograd.graph.saved_tensors_hooks``
and adds up the distinct tensors autograd saved for the backward pass: on any device, the
measured counterpart of ``activations_kept`` in :func:`d2l_vn.core.memory.mlp_memory`
(plus the inputs and weights it saves, which exist anyway). :func:`peak_bytes` reads the
CUDA caching allocator's peak; PyTorch keeps no such count for the CPU.
"""
import torch

__all__ = ["saved_bytes", "peak_bytes"]


def saved_bytes(fn, exclude=()):
    """Run ``fn()`` (a forward pass) and return ``(total, sizes)`` of what autograd saved for backward.

    ``sizes`` maps each distinct saved tensor's shape to its bytes, in the order it was
    saved; a tensor saved twice (by two operators) counts once. Tensors in ``exclude``
    (say the weights and the input, which are kept anyway) are left out.

    >>> import torch
    >>> w = torch.ones(3, requires_grad=True)
    >>> saved_bytes(lambda: (w.exp() * 2).sum(), exclude=[w])[0]  # exp keeps its output
    12
    """
    skip = {t.data_ptr() for t in exclude}
    seen = {}

    def pack(tensor):
        key = tensor.data_ptr()
        if key not in skip and key not in seen:
            seen[key] = (tuple(tensor.shape), tensor.numel() * tensor.element_size())
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        fn()
    sizes = list(seen.values())
    return sum(size for _, size in sizes), sizes


def peak_bytes(fn, device=None):
    """Run ``fn()`` on a CUDA ``device`` and return the peak bytes allocated meanwhile, above what was there.

    PyTorch's CUDA caching allocator keeps this count (``torch.cuda.max_memory_allocated``);
    on the CPU nothing does, so this raises there: use :func:`saved_bytes` instead.
    """
    device = torch.device(device) if device is not None else torch.device("cpu")
    if device.type != "cuda":
        raise ValueError(f"PyTorch measures peak memory only on a CUDA GPU, not on {device}: "
                         "use d2l_vn.saved_bytes(fn) for what autograd keeps, on any device")
    torch.cuda.synchronize(device)
    before = torch.cuda.memory_allocated(device)
    torch.cuda.reset_peak_memory_stats(device)
    fn()
    torch.cuda.synchronize(device)
    return torch.cuda.max_memory_allocated(device) - before
