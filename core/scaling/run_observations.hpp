// The runs of the store as observations for a scaling-law fit: each finished run's trainable
// parameters, training tokens, unique tokens and validation loss (final or best). Separate from
// the pure laws (wb::scaling) because it reads the store and the spec.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scaling/law_fit.hpp"
#include "store/run_store.hpp"

namespace wb::scaling {

struct ObservationOptions {
  bool best = false;                      // best instead of final validation loss
  std::string metric = "eval/val_loss";   // e.g. "eval/val_loss/german" for a CPT stage's target
  // Vocabulary size to count parameters with, for runs recorded before the store kept the
  // trainer's own count (the "started" event).
  std::optional<int> vocab;
};

struct SkippedRun {
  std::int64_t run_id = 0;
  std::string name;
  std::string reason;  // "running", "no eval/val_loss metric", ...
};

struct RunObservations {
  std::vector<Observation> observations;  // label = run name
  std::vector<std::int64_t> run_ids;      // parallel to observations
  std::vector<SkippedRun> skipped;
};

// Throws UserError when a run's parameter count is unknown and no vocab was given (the message
// names the run and the fix).
RunObservations observations_from_runs(const RunStore& store, const std::vector<RunRow>& runs,
                                       const ObservationOptions& options);

}  // namespace wb::scaling
