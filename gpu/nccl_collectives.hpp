// NCCL for the CUDA tensors of data-parallel training (gradient buckets, the initial weights):
// install_nccl() plugs a c10d::ProcessGroupNCCL into every rank group workbench-cli joins.
#pragma once

namespace wb::gpu {

// Call once at start, before any rank group is joined. Does nothing where the LibTorch found was
// built without NCCL (then CUDA tensors go through Gloo).
void install_nccl();

}  // namespace wb::gpu
