// StoreSink: per-step metrics are buffered and written in one transaction per flush (at every
// evaluation, before every checkpoint, every 2 s, and at the end), so the trainer pays one commit
// per batch, not per step,
// and a killed run loses at most the last two seconds of losses. Events and status go out at once.
#include "store/store_sink.hpp"

#include <algorithm>
#include <exception>

namespace wb {
namespace {

constexpr auto kFlushInterval = std::chrono::seconds(2);

}  // namespace

StoreSink::StoreSink(RunStore& store, std::int64_t run_id)
    : store_(store), run_id_(run_id), last_flush_(std::chrono::steady_clock::now()) {}

StoreSink::~StoreSink() {
  // A destructor must not throw; the run's status write (run_finished) already reported errors.
  try {
    flush();
  } catch (const std::exception&) {
  }
}

void StoreSink::run_started(const RunStartRecord& r) {
  // Whatever was logged after the checkpoint we restart from (or all of it, restarting from 0)
  // is about to be logged again.
  store_.truncate_run(run_id_, r.start_step);
  store_.set_run_status(run_id_, "running");
  // What the run trains, as the trainer measured it: the parameter count depends on the
  // tokenizer's vocabulary, which the spec alone does not fix; scaling-law fits read it from here.
  // Once per run: a resume, or a restart from step 0, keeps the first record.
  const auto events = store_.events(run_id_);
  const bool recorded = std::any_of(events.begin(), events.end(), [](const EventRow& e) { return e.kind == "started"; });
  if (!recorded)
    store_.append_event(run_id_, {r.start_step, 0, "started",
                                  nlohmann::json{{"parameters", r.parameters}, {"device", r.device}, {"plan", r.plan}}.dump(),
                                  0.0});
}

void StoreSink::step(const StepRecord& r) {
  pending_.push_back({r.step, r.tokens, r.epoch, "train/loss", r.loss, r.wall_s});
  pending_.push_back({r.step, r.tokens, r.epoch, "lr", r.lr, r.wall_s});
  if (std::chrono::steady_clock::now() - last_flush_ >= kFlushInterval) flush();
}

void StoreSink::eval(const EvalRecord& r) {
  pending_.push_back({r.step, r.tokens, r.epoch, "eval/train_loss", r.train_loss, r.wall_s});
  pending_.push_back({r.step, r.tokens, r.epoch, "eval/val_loss", r.val_loss, r.wall_s});
  pending_.push_back({r.step, r.tokens, r.epoch, "tokens_per_s", r.tokens_per_s, r.wall_s});
  for (const auto& [name, value] : r.metrics) pending_.push_back({r.step, r.tokens, r.epoch, name, value, r.wall_s});
  flush();  // an evaluation is what the GUI and `compare` wait for: make it visible now
}

void StoreSink::event(const EventRecord& r) {
  // Flush first, so a reader never sees an event (e.g. overfitting_onset) ahead of the losses
  // that led to it.
  flush();
  store_.append_event(
      run_id_, {r.step, r.tokens, r.kind, r.data.is_null() ? "{}" : r.data.dump(), r.wall_s});
}

void StoreSink::run_finished(const RunSummary& summary) {
  flush();
  store_.set_run_status(run_id_, summary.status, summary.error);
}

void StoreSink::flush() {
  last_flush_ = std::chrono::steady_clock::now();
  if (pending_.empty()) return;
  store_.append_metrics(run_id_, pending_);
  pending_.clear();  // only after success: a failed (e.g. locked) write is retried next flush
}

}  // namespace wb
