// User-facing errors: each names the problem and the fix, and maps to a documented exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace wb {

// Exit codes of workbench-cli (documented in docs/cli.md and `workbench-cli --help`).
enum class ExitCode : int {
  kOk = 0,
  kRuntime = 1,      // training or I/O failed unexpectedly
  kUsage = 2,        // bad command line or experiment spec
  kData = 3,         // missing / corrupt corpus, tokenizer or token store
  kStore = 4,        // run database unreadable, locked or of a newer schema
  kInterrupted = 130 // SIGINT/SIGTERM: checkpoint written, run marked interrupted
};

// Base of every error a user can act on: `what()` says what is wrong, `fix()` what to do.
class UserError : public std::runtime_error {
 public:
  UserError(ExitCode code, const std::string& what, std::string fix = {})
      : std::runtime_error(what), code_(code), fix_(std::move(fix)) {}
  ExitCode code() const { return code_; }
  const std::string& fix() const { return fix_; }

 private:
  ExitCode code_;
  std::string fix_;
};

struct SpecError : UserError {
  explicit SpecError(const std::string& what, std::string fix = {})
      : UserError(ExitCode::kUsage, what, std::move(fix)) {}
};
struct DataError : UserError {
  explicit DataError(const std::string& what, std::string fix = {})
      : UserError(ExitCode::kData, what, std::move(fix)) {}
};
struct StoreError : UserError {
  explicit StoreError(const std::string& what, std::string fix = {})
      : UserError(ExitCode::kStore, what, std::move(fix)) {}
};
// Another rank of a data-parallel job stopped or died: the job cannot go on (its other runs
// would fail the same way), unlike a run-specific failure after which the queue continues.
struct RankFailure : UserError {
  RankFailure(const std::string& what, std::string fix) : UserError(ExitCode::kRuntime, what, std::move(fix)) {}
};
// Rank 0's own error, passed on to another rank of the job: that rank's log has it, but its
// terminal does not repeat it (srun would print it once per rank, before rank 0's own).
struct RelayedError : UserError {
  RelayedError(const std::string& what, std::string fix) : UserError(ExitCode::kRuntime, what, std::move(fix)) {}
};
// A read-only open of a database written by an older version: a writer must migrate it first.
struct OlderSchemaError : StoreError {
  using StoreError::StoreError;
};

}  // namespace wb
