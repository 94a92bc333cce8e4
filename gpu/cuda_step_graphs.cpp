// A training step recorded as a CUDA graph: warmed up and recorded on a side stream (a graph
// cannot be recorded on the legacy default stream, and libraries must make their handles and
// workspaces before recording), replayed on the caller's stream. Dropout stays random across
// replays: the graph advances the CUDA generator's offset at every replay.
#include "gpu/cuda_step_graphs.hpp"

#include <ATen/cuda/CUDAEvent.h>
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_runtime_api.h>

#include "train/step_graph.hpp"

namespace wb::gpu {
namespace {

// `waiter` runs what is queued on it after what is queued on `done` so far.
void wait_for(const c10::cuda::CUDAStream& waiter, const c10::cuda::CUDAStream& done) {
  at::cuda::CUDAEvent event;
  event.record(done);
  event.block(waiter);
}

// After a failed recording: ends the stream's capture and clears the refused call's error, so the
// run's failure can still be reported and its files closed. LibTorch's generator and allocator
// stay mid-recording (PyTorch cannot undo that): the caller stops training on this device.
void abandon_capture(cudaStream_t stream) {
  cudaStreamCaptureStatus status = cudaStreamCaptureStatusNone;
  if (cudaStreamIsCapturing(stream, &status) == cudaSuccess && status != cudaStreamCaptureStatusNone) {
    cudaGraph_t partial = nullptr;
    if (cudaStreamEndCapture(stream, &partial) == cudaSuccess && partial) cudaGraphDestroy(partial);
  }
  (void)cudaGetLastError();
}

class CudaStepGraph final : public StepGraph {
 public:
  explicit CudaStepGraph(int gpu) : gpu_(static_cast<c10::DeviceIndex>(gpu)) {}

  void record(const std::function<void()>& work, const std::function<void()>& between) override {
    c10::cuda::CUDAGuard on_device(gpu_);
    const auto caller = c10::cuda::getCurrentCUDAStream(gpu_);
    const auto side = c10::cuda::getStreamFromPool(/*isHighPriority=*/false, gpu_);
    wait_for(side, caller);  // the step's inputs were copied on the caller's stream
    {
      c10::cuda::CUDAStreamGuard on_side(side);
      try {
        work();
      } catch (...) {
        wait_for(caller, side);
        throw;
      }
      between();
      // As torch.cuda.graph does: the warm-up's activations (cached for the side stream only)
      // and an earlier recording's pool go back to the device before the recording takes its own.
      c10::cuda::device_synchronize();
      c10::cuda::CUDACachingAllocator::emptyCache();
      auto graph = std::make_unique<at::cuda::CUDAGraph>();
      try {
        graph->capture_begin();  // a private memory pool; global capture mode on 2.x
        work();
        graph->capture_end();
      } catch (...) {
        abandon_capture(side.stream());
        // Kept, not freed: the caching allocator may still hold a check that points at it (its
        // capture never reached capture_end), and the run stops here.
        static_cast<void>(graph.release());
        wait_for(caller, side);
        throw;
      }
      graph_ = std::move(graph);
    }
    wait_for(caller, side);  // the warm-up's work is done before the caller's stream goes on
  }

  void replay() override {
    c10::cuda::CUDAGuard on_device(gpu_);
    graph_->replay();
  }

 private:
  c10::DeviceIndex gpu_;
  std::unique_ptr<at::cuda::CUDAGraph> graph_;
};

}  // namespace

void install_cuda_graphs() {
  install_step_graphs([](int gpu) -> std::unique_ptr<StepGraph> { return std::make_unique<CudaStepGraph>(gpu); });
}

}  // namespace wb::gpu
