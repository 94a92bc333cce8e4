// Device work recorded once and replayed with one launch: CUDA graphs, implemented in gpu/ and
// plugged in by CUDA builds of workbench-cli. Core code sees only this interface, so it builds
// without CUDA; GraphedStep (graphed_step.hpp) is its user.
#pragma once

#include <functional>
#include <memory>

namespace wb {

class StepGraph {
 public:
  virtual ~StepGraph() = default;
  // Runs `work` once unrecorded on the recording stream (a warm-up: libraries make their handles
  // and workspaces outside the graph), then `between()`, then records `work` without running it.
  // Throws when the work cannot be recorded (it waits on the host, ...). LibTorch's generator and
  // memory allocator are then left mid-recording (PyTorch has no way back): stop using the device.
  virtual void record(const std::function<void()>& work, const std::function<void()>& between) = 0;
  // Launches the recorded work on the current stream.
  virtual void replay() = 0;
};

// Why a run on the CPU records nothing.
inline constexpr const char* kNoGraphsOnTheCpu = "the run is on the CPU; CUDA graphs record GPU work";

using StepGraphFactory = std::function<std::unique_ptr<StepGraph>(int gpu)>;

// Makes the factory the source of graphs for every GraphedStep made afterwards. Call once at start.
void install_step_graphs(StepGraphFactory factory);
// A graph for CUDA device `gpu`; null when this build installed none.
std::unique_ptr<StepGraph> make_step_graph(int gpu);

}  // namespace wb
