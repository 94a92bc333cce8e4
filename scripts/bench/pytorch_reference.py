#!/usr/bin/python3
"""PyTorch reference for `workbench-cli bench`: the same GPT (nanoGPT's model.py, trimmed), the
same configs and the same training step (forward, backward, clip, AdamW), in eager mode or
through torch.compile (--compile, PyTorch 2.x). On a GPU: bf16 autocast, fused AdamW and
scaled_dot_product_attention, as nanoGPT trains; the loss is read once, after the timed steps.

CPU, Debian's PyTorch 1.13:  /usr/bin/python3 scripts/bench/pytorch_reference.py   (apt-get install python3-torch)
GPU:  python3 scripts/bench/pytorch_reference.py --device cuda --config gpt2-small --compile --peak-tflops 989
Prints tokens/s, model FLOP/s and, with --peak-tflops, model FLOPs utilization per config.
"""
import argparse
import contextlib
import math
import os
import time

import torch
import torch.nn as nn
from torch.nn import functional as F


class LayerNorm(nn.Module):
    """nanoGPT's LayerNorm with an optional bias (PyTorch 1.13's has none to switch off)."""

    def __init__(self, ndim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(ndim))
        self.bias = nn.Parameter(torch.zeros(ndim)) if bias else None

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, self.bias, 1e-5)


class CausalSelfAttention(nn.Module):
    def __init__(self, n_embd, n_head, bias):
        super().__init__()
        self.c_attn = nn.Linear(n_embd, 3 * n_embd, bias=bias)
        self.c_proj = nn.Linear(n_embd, n_embd, bias=bias)
        self.n_head = n_head

    def forward(self, x):
        B, T, C = x.size()
        q, k, v = self.c_attn(x).split(C, dim=2)
        q, k, v = (t.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) for t in (q, k, v))
        if hasattr(F, "scaled_dot_product_attention"):
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        else:  # PyTorch 1.13: nanoGPT's slow path
            att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
            mask = torch.ones(T, T, dtype=torch.bool, device=x.device).triu(1)
            att = F.softmax(att.masked_fill(mask, float("-inf")), dim=-1)
            y = att @ v
        return self.c_proj(y.transpose(1, 2).contiguous().view(B, T, C))


class Block(nn.Module):
    def __init__(self, n_embd, n_head, bias):
        super().__init__()
        self.ln_1 = LayerNorm(n_embd, bias)
        self.attn = CausalSelfAttention(n_embd, n_head, bias)
        self.ln_2 = LayerNorm(n_embd, bias)
        self.c_fc = nn.Linear(n_embd, 4 * n_embd, bias=bias)
        self.c_proj = nn.Linear(4 * n_embd, n_embd, bias=bias)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        return x + self.c_proj(F.gelu(self.c_fc(self.ln_2(x))))


class GPT(nn.Module):
    def __init__(self, n_layer, n_head, n_embd, block_size, vocab_size, bias):
        super().__init__()
        self.wte = nn.Embedding(vocab_size, n_embd)
        self.wpe = nn.Embedding(block_size, n_embd)
        self.h = nn.ModuleList(Block(n_embd, n_head, bias) for _ in range(n_layer))
        self.ln_f = LayerNorm(n_embd, bias)

    def forward(self, idx, targets):
        pos = torch.arange(idx.size(1), device=idx.device)
        x = self.wte(idx) + self.wpe(pos)
        for block in self.h:
            x = block(x)
        logits = F.linear(self.ln_f(x), self.wte.weight)
        return F.cross_entropy(logits.view(-1, logits.size(-1)), targets.reshape(-1))


# Same configs as core/train/throughput_benchmark.cpp standard_benchmarks().
CONFIGS = {
    "baby": dict(n_layer=4, n_head=4, n_embd=128, block_size=64, vocab_size=65, bias=False, batch=12),
    "gpt-5m": dict(n_layer=6, n_head=8, n_embd=256, block_size=128, vocab_size=65, bias=False, batch=16),
    "gpt2-small": dict(n_layer=12, n_head=12, n_embd=768, block_size=1024, vocab_size=50304, bias=False, batch=12),
}
GPU_SIZED = {"gpt2-small"}  # not part of "all"


def non_embedding_params(model, block_size, n_embd):
    return sum(p.numel() for p in model.parameters()) - block_size * n_embd


def bench(name, cfg, args):
    torch.manual_seed(1337)
    batch = args.batch or cfg["batch"]
    cfg = {k: v for k, v in cfg.items() if k != "batch"}  # the model takes no batch
    device = torch.device(args.device)
    cuda = device.type == "cuda"
    model = GPT(**cfg).to(device)
    # nanoGPT's configure_optimizers: decay only on Linear weights (2-D, not embeddings).
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and not n.startswith(("wte", "wpe"))]
    no_decay = [p for n, p in model.named_parameters() if not (p.dim() >= 2 and not n.startswith(("wte", "wpe")))]
    extra = {"fused": True} if cuda else {}
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=1e-3, betas=(0.9, 0.99), **extra)
    # mode "reduce-overhead" replays the compiled step from CUDA graphs: the fair match for
    # workbench-cli bench --cuda-graphs.
    forward = torch.compile(model, mode=args.compile_mode) if args.compile else model
    tokens = torch.randint(cfg["vocab_size"], (batch, cfg["block_size"] + 1), device=device)
    x, y = tokens[:, :-1].contiguous(), tokens[:, 1:].contiguous()
    autocast = torch.autocast("cuda", dtype=torch.bfloat16) if cuda else contextlib.nullcontext()

    def step():
        opt.zero_grad(set_to_none=True)
        with autocast:
            loss = forward(x, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.detach()

    for _ in range(args.warmup):
        last = step()
    if args.warmup:
        last.item()  # compiled, warm, and finished before the clock starts
    t0 = time.perf_counter()
    for _ in range(args.steps):
        last = step()
    last.item()  # waits for the device to finish the timed steps
    dt = time.perf_counter() - t0
    tokens_per_s = args.steps * batch * cfg["block_size"] / dt
    n = non_embedding_params(model, cfg["block_size"], cfg["n_embd"])
    flops_per_token = 6 * n + 12 * cfg["n_layer"] * cfg["n_embd"] * cfg["block_size"]
    mfu = f" {100 * flops_per_token * tokens_per_s / (args.peak_tflops * 1e12):>6.1f}%" if args.peak_tflops else ""
    print(f"{name:10s} {sum(p.numel() for p in model.parameters()):>10d} {torch.get_num_threads():>7d} "
          f"{1000 * dt / args.steps:>10.2f} {tokens_per_s:>12.0f} {flops_per_token * tokens_per_s / 1e9:>10.2f}G{mfu}",
          flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default="all", choices=["all", *CONFIGS])
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="0: all cores")
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--batch", type=int, default=0, help="sequences per step instead of the config's")
    parser.add_argument("--compile", action="store_true", help="torch.compile the model (PyTorch 2.x)")
    parser.add_argument("--compile-mode", default="default", choices=["default", "reduce-overhead", "max-autotune"],
                        help="torch.compile's mode; reduce-overhead records CUDA graphs")
    parser.add_argument("--peak-tflops", type=float, default=0.0,
                        help="the device's peak dense TFLOP/s at the training precision (989 for an H100 SXM in bf16)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads or os.cpu_count())
    mode = f"torch.compile ({args.compile_mode})" if args.compile else "eager"
    print(f"PyTorch {torch.__version__} {mode} on {args.device}")
    print(f"{'config':10s} {'params':>10s} {'threads':>7s} {'ms/step':>10s} {'tokens/s':>12s} {'FLOP/s':>11s}"
          + ("     MFU" if args.peak_tflops else ""))
    for name, cfg in CONFIGS.items():
        if args.config == name or (args.config == "all" and name not in GPU_SIZED):
            bench(name, dict(cfg), args)


if __name__ == "__main__":
    main()
