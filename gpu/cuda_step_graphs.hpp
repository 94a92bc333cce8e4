// CUDA graphs for the trainer's graphed step (training.cuda_graphs; core/train/graphed_step.hpp):
// install_cuda_graphs() makes at::cuda::CUDAGraph the recorder of every GraphedStep.
#pragma once

namespace wb::gpu {

// Call once at start, before any run is trained.
void install_cuda_graphs();

}  // namespace wb::gpu
