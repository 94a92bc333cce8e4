// The sbatch script of `workbench-cli slurm submit`: a pure function from the job's options to the
// script text, so what is submitted is exactly what `--dry-run` shows and what the tests read.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace wb {

struct SbatchOptions {
  std::string job_name;              // shown by squeue; any text (quoted for sbatch)
  int nodes = 1;
  int gpus_per_node = 0;             // > 0: one rank per GPU (--ntasks-per-node = this)
  int tasks_per_node = 1;            // ranks per node on CPU nodes (gpus_per_node == 0)
  int threads_per_task = 0;          // > 0: --cpus-per-task and `run --threads`; 0: the spec decides
  std::string device;                // `run --device` (auto, cpu, cuda); empty: the spec decides
  std::string partition;             // empty: the cluster's default
  std::string time_limit;            // e.g. "02:00:00"; empty: the partition's default
  std::string account;               // empty: the user's default
  std::vector<std::string> extra_sbatch_args;  // each one `#SBATCH ARG` line, written as given

  std::filesystem::path workbench_cli;  // absolute; must exist at this path on the compute nodes
  std::filesystem::path home;           // --home for the job
  std::filesystem::path db;             // --db for the job
  // What the ranks run after `workbench-cli --home HOME --db DB`: {"run", the job folder's copy of
  // the spec}, or {"resume", "--experiment", ID} to continue an experiment of the database.
  std::vector<std::string> command;
  std::filesystem::path events_file;    // rank 0 appends the JSON-lines events; empty: no --events-file
  std::filesystem::path output_log;     // Slurm's stdout and stderr of the job
};

// A spec's name as a job name: its control characters (a line break) made spaces; "workbench"
// for an empty name. A name given by the user is passed as given and refused if it cannot be.
std::string sbatch_job_name(std::string_view name);

// Whether sbatch takes `text` as a --time: minutes, minutes:seconds, hours:minutes:seconds,
// days-hours, days-hours:minutes, days-hours:minutes:seconds (digits only), or UNLIMITED /
// INFINITE. A job refused by sbatch is found out only when it is submitted (not by --dry-run).
bool is_slurm_time(std::string_view text);

// Total ranks of the job: nodes x (gpus_per_node, else tasks_per_node).
int sbatch_ranks(const SbatchOptions& options);

// The whole script. Every word of a shell line goes through shell_quote; every #SBATCH value
// through sbatch_directive_quote. UserError (exit 2) for counts below 1, a --time sbatch does
// not take, and for values Slurm cannot carry: a newline anywhere, a backslash in the output path
// (see below), an extra argument that is not an option.
std::string sbatch_script(const SbatchOptions& options);

// A value as sbatch's own #SBATCH parser reads it back as one argument (it is not a shell: a
// backslash escapes the next character even inside quotes, and an unquoted # starts a comment):
// unchanged when it holds only [A-Za-z0-9_@%+=:,./-], else in double quotes with \ and " escaped.
std::string sbatch_directive_quote(std::string_view value);

// An --output path as a Slurm filename pattern: each % doubled (else %j, %x... would expand).
// Throws UserError when the path holds a backslash: Slurm then drops every backslash and
// expands nothing, so no pattern names such a file.
std::string slurm_filename_pattern(const std::filesystem::path& path);

}  // namespace wb
