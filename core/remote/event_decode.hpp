// The JSON-lines events (docs/cli.md, "v": 1) read back into the records a MetricsSink takes:
// the inverse of cli/jsonl_events.cpp, so imported runs go through the same StoreSink as local
// ones. Pure; a number written as null (NaN, e.g. the loss of a run never evaluated) reads as NaN.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/metrics_sink.hpp"

namespace wb {

// The fields every line has. UserError when `line` is not a JSON object of a version this build
// reads ("v" above JsonlEvents::kVersion) or lacks "type".
struct EventHeader {
  std::string type;      // run_started, step, eval, event, run_finished, experiment_finished
  std::int64_t run_id = 0;  // "run": {"id", "name"}; 0 and empty for experiment_finished
  std::string run_name;
};
EventHeader decode_header(const nlohmann::json& object);

RunStartRecord decode_run_started(const nlohmann::json& object);
StepRecord decode_step(const nlohmann::json& object);
EvalRecord decode_eval(const nlohmann::json& object);
EventRecord decode_event(const nlohmann::json& object);
RunSummary decode_run_finished(const nlohmann::json& object);

}  // namespace wb
