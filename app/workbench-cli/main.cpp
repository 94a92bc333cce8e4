// workbench-cli: the headless front end (local runs, remote nodes, clusters). See core/cli/.
#include "cli/cli_context.hpp"
#ifdef WB_WITH_CUDA
#include "gpu/cuda_step_graphs.hpp"
#include "gpu/device_info.hpp"
#include "gpu/nccl_collectives.hpp"
#endif

int main(int argc, char** argv) {
#ifdef WB_WITH_CUDA
  wb::gpu::install_nccl();         // data-parallel runs on GPUs: gradients GPU to GPU
  wb::gpu::install_cuda_graphs();  // training.cuda_graphs
  wb::gpu::install_bf16_query();   // bf16 autocast where the GPU has it, fp32 elsewhere
  wb::install_gpu_report(wb::gpu::describe_gpus);  // --version
#endif
  return wb::run_cli(argc, argv);
}
