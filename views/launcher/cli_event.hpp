// One line of `workbench-cli ... --events jsonl` (docs/cli.md, core/cli/jsonl_events.cpp) parsed
// into a plain struct. Pure: no process, no store. The stream comes from another program, maybe
// a newer one, so parsing never throws: unknown types and versions come back as such (the
// launcher skips them), and a line that is not a JSON object comes back with an error.
#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>

namespace wb {

struct CliEvent {
  enum class Type { kRunStarted, kStep, kEval, kEvent, kRunFinished, kExperimentFinished, kDetached, kUnknown };

  Type type = Type::kUnknown;
  QString typeName;  // as written, also for kUnknown
  int version = 0;   // "v"; 0 when missing

  // "run": {"id", "name"}, on every per-run line.
  std::int64_t runId = 0;  // 0: no run (experiment_finished)
  QString runName;

  // step, eval, event; run_started: plan.total_steps, start_step; run_finished: steps.
  std::optional<std::int64_t> step;
  std::optional<std::int64_t> totalSteps;
  std::optional<std::int64_t> tokens;
  std::optional<double> epoch;
  std::optional<double> loss;        // step: loss; eval: train_loss
  std::optional<double> valLoss;     // eval: val_loss; run_finished: final_val_loss
  std::optional<double> bestValLoss; // run_finished
  std::optional<double> tokensPerS;
  std::optional<double> wallS;

  // run_started
  std::optional<std::int64_t> startStep;
  std::optional<std::int64_t> tokensPerStep;  // plan.tokens_per_step
  std::optional<std::int64_t> trainTokens;    // plan.train_tokens
  QString device;

  QString kind;    // event: checkpoint, overfitting_onset, resumed, ...
  QString status;  // run_finished: finished, interrupted, failed
  QString error;   // run_finished of a failed run

  // experiment_finished
  std::int64_t experimentId = 0;
  bool interrupted = false;
  QString resultsDir;

  // detached (a remote launch no longer followed; it trains on): also experimentId
  QString target;   // ssh://...
  QString launch;
  QString message;  // why

  // Field versions this parser was written against: a larger "v" is read the same way, as far
  // as the fields above still exist (format changes are additive by the CLI's convention).
  static constexpr int kKnownVersion = 1;
};

struct CliEventParse {
  std::optional<CliEvent> event;  // set when the line is a JSON object with a "type"
  QString error;                  // otherwise what is wrong with it (for the output panel)
  bool blank = false;             // an empty line: neither an event nor an error
};

// Parses one line (without or with its trailing newline).
CliEventParse parseCliEvent(const QByteArray& line);

}  // namespace wb
