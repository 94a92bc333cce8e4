// Field by field, as jsonl_events.cpp writes them; missing optional fields keep their defaults
// (an older writer), a wrong type is an error naming the field.
#include "remote/event_decode.hpp"

#include <limits>

#include "common/errors.hpp"

namespace wb {
namespace {

constexpr int kReadableVersion = 1;

double number(const nlohmann::json& o, const char* key) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) return std::numeric_limits<double>::quiet_NaN();
  return it->get<double>();
}

std::int64_t integer(const nlohmann::json& o, const char* key) {
  const auto it = o.find(key);
  return it == o.end() || it->is_null() ? 0 : it->get<std::int64_t>();
}

std::string text(const nlohmann::json& o, const char* key) {
  const auto it = o.find(key);
  return it == o.end() || it->is_null() ? std::string() : it->get<std::string>();
}

// Every decoder turns the json library's type errors into one message naming the event.
template <class F>
auto decoding(const nlohmann::json& o, F&& f) {
  try {
    return f();
  } catch (const nlohmann::json::exception& e) {
    throw UserError(ExitCode::kRuntime, "event " + o.dump().substr(0, 200) + ": " + e.what(),
                    "the host's workbench-cli writes events this build cannot read; use the same version on both");
  }
}

}  // namespace

EventHeader decode_header(const nlohmann::json& o) {
  if (!o.is_object() || !o.contains("type"))
    throw UserError(ExitCode::kRuntime, "not a workbench event: " + o.dump().substr(0, 200),
                    "the host's event file is damaged; see its output.log");
  if (integer(o, "v") > kReadableVersion)
    throw UserError(ExitCode::kRuntime, "events of version " + std::to_string(integer(o, "v")) +
                                            " (this build reads version " + std::to_string(kReadableVersion) + ")",
                    "update the local workbench to the host's version");
  return decoding(o, [&] {
    EventHeader h;
    h.type = o["type"].get<std::string>();
    if (o.contains("run") && o["run"].is_object()) {
      h.run_id = integer(o["run"], "id");
      h.run_name = text(o["run"], "name");
    }
    return h;
  });
}

RunStartRecord decode_run_started(const nlohmann::json& o) {
  return decoding(o, [&] {
    RunStartRecord r;
    const auto header = decode_header(o);
    r.run_id = header.run_id;
    r.name = header.run_name;
    r.spec = o.value("spec", nlohmann::json());
    r.plan = o.value("plan", nlohmann::json());
    r.start_step = integer(o, "start_step");
    r.parameters = integer(o, "parameters");
    r.device = text(o, "device");
    return r;
  });
}

StepRecord decode_step(const nlohmann::json& o) {
  return decoding(o, [&] {
    return StepRecord{integer(o, "step"), integer(o, "total_steps"), integer(o, "tokens"), number(o, "epoch"),
                      number(o, "lr"), number(o, "loss"), number(o, "tokens_per_s"), number(o, "wall_s")};
  });
}

EvalRecord decode_eval(const nlohmann::json& o) {
  return decoding(o, [&] {
    EvalRecord r{integer(o, "step"), integer(o, "tokens"), number(o, "epoch"), number(o, "lr"),
                 number(o, "train_loss"), number(o, "val_loss"), number(o, "tokens_per_s"), number(o, "wall_s"), {}};
    if (const auto it = o.find("metrics"); it != o.end() && it->is_object())
      for (const auto& [name, value] : it->items())
        r.metrics.emplace_back(name, value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>());
    return r;
  });
}

EventRecord decode_event(const nlohmann::json& o) {
  return decoding(o, [&] {
    return EventRecord{integer(o, "step"), integer(o, "tokens"), text(o, "kind"), o.value("data", nlohmann::json()),
                       number(o, "wall_s")};
  });
}

RunSummary decode_run_finished(const nlohmann::json& o) {
  return decoding(o, [&] {
    return RunSummary{text(o, "status"), integer(o, "steps"), number(o, "final_val_loss"),
                      number(o, "best_val_loss"), integer(o, "best_step"), number(o, "wall_s"), text(o, "error")};
  });
}

}  // namespace wb
