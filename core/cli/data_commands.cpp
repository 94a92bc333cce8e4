// `workbench-cli data import NAME [--from PATH]` and `workbench-cli data list`.
#include <cstdio>

#include "cli/cli_context.hpp"
#include "cli/progress_bar.hpp"
#include "common/errors.hpp"
#include "data/corpus_store.hpp"

namespace wb {
namespace {

struct ImportArgs {
  std::string name;
  std::string from;
  std::string format = "auto";
  bool replace = false;
};

// Runs begun on the old text could not be resumed (their data is keyed by its hash), and new runs
// of the same spec would silently train on other text: replacing a corpus is asked for by name.
// Importing a recipe again over itself is not a replacement.
void refuse_to_overwrite(const CorpusStore& corpora, const ImportArgs& args) {
  if (args.replace || !corpora.exists(args.name)) return;
  const CorpusInfo old = corpora.info(args.name);
  if (args.from.empty() && old.recipe == args.name) return;
  throw UserError(ExitCode::kUsage,
                  "a corpus named \"" + args.name + "\" exists already (" +
                      format_count(static_cast<double>(old.documents)) + " documents from " + old.source +
                      ", imported " + old.imported_at + ")",
                  "import under another name, or add --replace to overwrite it (runs begun on the old text then "
                  "cannot be resumed)");
}

void import_corpus(const CliContext& context, const ImportArgs& args) {
  CorpusStore corpora(context.workspace());
  CorpusInfo info;
  if (args.from.empty()) {
    bool is_recipe = false;
    for (const auto& r : builtin_recipes()) is_recipe |= r.name == args.name;
    if (!is_recipe)
      throw UserError(ExitCode::kUsage, "\"" + args.name + "\" is not a built-in corpus recipe",
                      "give --from PATH to import your own text, or see `workbench-cli data list` for recipes");
    refuse_to_overwrite(corpora, args);
    info = corpora.import_recipe(args.name, print_status_line);
  } else {
    const ImportFormat format = args.format == "text"     ? ImportFormat::kText
                                : args.format == "folder" ? ImportFormat::kFolder
                                : args.format == "jsonl"  ? ImportFormat::kJsonl
                                                          : ImportFormat::kAuto;
    refuse_to_overwrite(corpora, args);
    info = corpora.import_path(args.name, args.from, format, print_status_line);
  }
  std::printf("imported %s: %s documents, %s bytes (hash %s) into %s\n", info.name.c_str(),
              format_count(static_cast<double>(info.documents)).c_str(),
              format_count(static_cast<double>(info.bytes)).c_str(), info.content_hash.c_str(),
              (context.workspace().corpora_dir() / info.name).string().c_str());
}

void list_corpora(const CliContext& context) {
  CorpusStore corpora(context.workspace());
  auto all = corpora.list();
  std::printf("Corpora in %s:\n", context.workspace().corpora_dir().string().c_str());
  if (all.empty()) std::printf("  (none yet)\n");
  for (const auto& c : all)
    std::printf("  %-14s %8s docs %9s bytes  %s  %s\n", c.name.c_str(),
                format_count(static_cast<double>(c.documents)).c_str(),
                format_count(static_cast<double>(c.bytes)).c_str(), c.imported_at.c_str(), c.source.c_str());
  std::printf("\nBuilt-in recipes (`workbench-cli data import NAME`; specs may name them directly):\n");
  for (const auto& r : builtin_recipes())
    std::printf("  %-14s %-3s %-34s %s%s\n", r.name.c_str(), r.language.c_str(), r.package.c_str(),
                r.description.c_str(), corpora.exists(r.name) ? " [imported]" : "");
}

}  // namespace

void add_data_commands(CLI::App& app, CliContext& context) {
  auto* data = app.add_subcommand("data", "Corpora: import your own text or a built-in recipe, list what is there");
  data->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  auto* import = data->add_subcommand("import", "Import a corpus: a text file, a folder of .txt files, JSONL with a "
                                                "\"text\" field, or a built-in recipe when --from is omitted");
  import->add_option("NAME", args->name, "Corpus name used by specs (data.corpus)")->required();
  import->add_option("--from", args->from, "File or folder to import")->check(CLI::ExistingPath);
  import->add_flag("--replace", args->replace, "Overwrite a corpus of the same name (refused without it)");
  import->add_option("--format", args->format, "auto (by extension), text, folder or jsonl")
      ->check(CLI::IsMember({"auto", "text", "folder", "jsonl"}));
  import->footer("A built-in recipe reads its text from a Debian package (`data list` names it), installed with\n"
                 "apt-get when missing (through `sudo -n` when not root; without sudo, install it yourself).\n"
                 "Examples:\n  workbench-cli data import brown\n"
                 "  workbench-cli data import shakespeare --from tinyshakespeare.txt\n"
                 "  workbench-cli data import mydocs --from export.jsonl");
  import->callback([&context, args] { import_corpus(context, *args); });
  data->add_subcommand("list", "List imported corpora and the built-in recipes")
      ->footer("A spec's data.corpus names either; a recipe is imported on its first use (or with `data import`).")
      ->callback([&context] { list_corpora(context); });
}

}  // namespace wb
