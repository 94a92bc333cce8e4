// `workbench-cli model size SPEC` and `workbench-cli model propose-moe SPEC`: parameters (total and
// active) and training FLOPs per token of every run of an experiment, and an MoE of about the same
// trainable parameters as a dense run (Xue et al. 2023: MoE overfits like a dense model of
// similar trainable parameters, so it can stand in for it in a dropout sweep).
#include <cstdio>
#include <set>

#include "cli/cli_context.hpp"
#include "cli/progress_bar.hpp"
#include "common/errors.hpp"
#include "data/objectives/objective.hpp"
#include "model/model_size.hpp"
#include "model/moe_proposal.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"

namespace wb {
namespace {

struct ModelArgs {
  std::string spec;
  int vocab = 0;  // 0: from each run's tokenizer where the spec fixes it
  int experts = 4;
  int top_k = 2;
  int moe_every = 2;
};

std::string describe(const GptConfig& c) {
  std::string out = std::string(to_string(c.arch)) + " n_layer " + std::to_string(c.n_layer) + ", n_head " +
                    std::to_string(c.n_head) + ", n_embd " + std::to_string(c.n_embd);
  if (c.arch == Architecture::kMoe)
    out += ", " + std::to_string(c.moe.n_expert) + " experts top-" + std::to_string(c.moe.top_k) + " every " +
           std::to_string(c.moe.moe_every) + " block(s)";
  if (c.arch == Architecture::kShared) out += ", " + std::to_string(c.share_groups) + " shared group(s)";
  return out;
}

void print_size_row(const std::string& label, const GptConfig& config) {
  const auto r = size_report(config);
  std::printf("%-40s %12s %12s %14.3g  %s\n", label.c_str(), format_count(static_cast<double>(r.total_parameters)).c_str(),
              format_count(static_cast<double>(r.active_parameters)).c_str(), r.flops_per_token, describe(config).c_str());
}

void print_header() {
  std::printf("%-40s %12s %12s %14s  %s\n", "run", "parameters", "active", "FLOPs/token", "model");
}

// The vocabulary a run's embeddings are counted with: --vocab, else what its tokenizer fixes (bytes:
// 256 and the end-of-text token; BPE: its vocab_size). A character vocabulary is the corpus's
// characters: 256 stands in for it, and `note` says so.
int vocab_for(const RunSpec& spec, const ModelArgs& args, std::string& note) {
  if (args.vocab > 0) return args.vocab;
  // Span corruption, masked LM and UL2 add their sentinel and mask ids after the tokenizer's.
  const int extra = extra_vocab(objective_config(spec.objective));
  if (spec.data.tokenizer.kind == TokenizerKind::kByte) return 257 + extra;
  if (spec.data.tokenizer.kind == TokenizerKind::kBpe && spec.data.tokenizer.vocab_size > 0)
    return spec.data.tokenizer.vocab_size + extra;
  note = "character-level runs are counted with a vocabulary of 256; their corpus decides the real one (Brown: 87): "
         "--vocab N counts with it, and a run's first output line gives its exact parameter count";
  return 256 + extra;
}

void size(const ModelArgs& args) {
  const auto experiment = load_spec_or_preset(args.spec);
  print_header();
  std::string note;
  for (const auto& run : experiment.runs)
    print_size_row(run.spec.name, GptConfig::from(run.spec.model, vocab_for(run.spec, args, note)));
  if (!note.empty()) std::printf("(%s)\n", note.c_str());
}

void propose(const ModelArgs& args) {
  const auto experiment = load_spec_or_preset(args.spec);
  bool any = false;
  std::set<std::string> seen;  // one proposal per distinct dense model
  for (const auto& run : experiment.runs) {
    if (run.spec.model.arch != Architecture::kDense) continue;
    std::string note;
    const GptConfig dense = GptConfig::from(run.spec.model, vocab_for(run.spec, args, note));
    if (!seen.insert(describe(dense) + std::to_string(dense.block_size)).second) continue;
    any = true;
    const auto proposal = propose_moe(dense, args.experts, args.top_k, args.moe_every);
    print_header();
    print_size_row("dense (" + run.spec.name + ")", dense);
    print_size_row("proposed MoE", proposal.moe);
    std::printf("spec: \"model\": {\"arch\": \"moe\", \"n_layer\": %d, \"n_embd\": %d, \"moe\": {\"n_expert\": %d, "
                "\"top_k\": %d, \"moe_every\": %d}}\n\n",
                proposal.moe.n_layer, proposal.moe.n_embd, args.experts, args.top_k, args.moe_every);
  }
  if (!any)
    throw UserError(ExitCode::kUsage, "no dense run in " + args.spec, "give a spec whose model.arch is \"dense\"");
}

}  // namespace

void add_model_commands(CLI::App& app, CliContext&) {
  auto args = std::make_shared<ModelArgs>();
  auto* model = app.add_subcommand("model", "Model sizes: parameters, active parameters and FLOPs per token");
  model->require_subcommand(1);
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("SPEC", args->spec, "Spec file or preset name")->required();
    cmd->add_option("--vocab", args->vocab, "Vocabulary size to count embeddings with (default: 257 for byte, "
                                            "vocab_size for BPE, 256 for character-level runs, whose corpus decides "
                                            "it: e.g. 87 for Brown)")
        ->check(whole_number(2, 10000000));
  };
  auto* size_cmd = model->add_subcommand("size", "Parameters (total, active) and training FLOPs per token of every run");
  add_common(size_cmd);
  size_cmd->footer("Example: workbench-cli model size token-crisis-mini --vocab 87   (87: Brown's characters)");
  size_cmd->callback([args] { size(*args); });
  auto* propose_cmd = model->add_subcommand(
      "propose-moe", "For each dense model of a spec, an MoE with about the same trainable parameters");
  add_common(propose_cmd);
  propose_cmd->add_option("--experts", args->experts, "Experts per MoE layer")->check(whole_number(2, 1024));
  propose_cmd->add_option("--top-k", args->top_k, "Experts per token: 1 or 2")->check(whole_number(1, 2));
  propose_cmd->add_option("--moe-every", args->moe_every, "MoE MLP in every n-th block")->check(whole_number(1, 256));
  propose_cmd->footer("Example: workbench-cli model propose-moe token-crisis-mini --vocab 87 --experts 4 --top-k 2");
  propose_cmd->callback([args] { propose(*args); });
}

}  // namespace wb
