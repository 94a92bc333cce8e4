// `workbench-cli export`: the comparison figure of an experiment's runs (one metric against steps,
// tokens, epochs or wall time, coloured by a spec field, smoothed, with the overfitting onset and
// best point marked) as CSV or as a pgfplots .tex file at paper width, without the desktop app.
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "cli/cli_context.hpp"
#include "common/joined.hpp"
#include "store/run_selection.hpp"
#include "series/figure_export.hpp"
#include "series/run_figure.hpp"

namespace wb {
namespace {

struct ExportArgs {
  RunSelection selection;          // --experiment, --runs, --match
  std::string metric = series::kValidationLoss;
  std::string x_axis = "tokens";
  std::string group_by;
  double smoothing = 0.0;
  int points = -1;                 // -1: all for csv, 1000 for tex
  bool log_x = false;
  bool log_y = false;
  bool no_markers = false;
  bool mean_of_seeds = false;
  std::string width = "single";
  std::string title;
  std::string format;              // csv | tex; empty: from the output's extension
  std::string output;
};

// pdflatex keeps every coordinate in TeX's main memory; a few thousand points per curve are safe.
constexpr int kTexDefaultPoints = 1000;

std::string output_format(const ExportArgs& args) {
  if (!args.format.empty()) return args.format;
  if (args.output == "-") return "csv";  // stdout feeds a pipe: data, not a document
  const auto ends_with = [&](const std::string& suffix) {
    return args.output.size() >= suffix.size() &&
           args.output.compare(args.output.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".csv")) return "csv";
  if (ends_with(".tex")) return "tex";
  throw UserError(ExitCode::kUsage, "--format: cannot tell the format from \"" + args.output + "\"",
                  "add --format csv or --format tex (or name the file .csv or .tex)");
}

double width_inches(const std::string& width) {
  if (width == "single") return 3.25;  // one column of a two-column paper (ACL, NeurIPS-style, IEEE)
  if (width == "double") return 6.75;  // the full text width of such a paper
  double inches = 0.0;
  std::istringstream in(width);
  if (!(in >> inches) || !in.eof() || !(inches > 0.0 && inches <= 40.0))
    throw UserError(ExitCode::kUsage, "--width " + width + ": expected single, double or inches (0 to 40)",
                    "e.g. --width double or --width 5.5");
  return inches;
}

void warn_skipped(const std::vector<RunRow>& rows, const series::Figure& figure, const std::string& metric) {
  std::set<std::int64_t> drawn;
  for (const auto& c : figure.curves) drawn.insert(c.run_id);
  for (const auto& row : rows)
    if (!drawn.count(row.id))
      std::fprintf(stderr, "skipped run %lld (%s): no %s rows (%s)\n", static_cast<long long>(row.id), row.name.c_str(),
                   metric.c_str(), row.status.c_str());
}

void write_output(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out)
    throw UserError(ExitCode::kRuntime, "-o " + path + ": cannot write the file",
                    "check that its folder exists and is writable, or use -o - for stdout");
}

void export_command(const ExportArgs& args, const CliContext& context) {
  const auto format = output_format(args);
  const double width = width_inches(args.width);
  const auto store = context.open_store_for_reading();
  auto rows = select_runs(store, args.selection);
  if (rows.empty())
    throw UserError(ExitCode::kUsage,
                    "no runs to export" +
                        (args.selection.match.empty() ? "" : " (none matches --match " + args.selection.match + ")"),
                    "list the runs and their names with `workbench-cli runs`");

  series::FigureRequest request;
  request.metric = args.metric;
  request.x_axis = series::x_axis_from_name(args.x_axis);
  request.group_by = args.group_by;
  request.smoothing = args.smoothing;
  request.points = static_cast<std::size_t>(args.points >= 0 ? args.points : format == "tex" ? kTexDefaultPoints : 0);
  request.markers = !args.no_markers;
  request.mean_of_seeds = args.mean_of_seeds;
  auto figure = series::figure_from_runs(store, rows, request);
  if (figure.curves.empty()) {
    const auto names = series::metric_names(store, rows);
    throw UserError(ExitCode::kUsage, "--metric " + args.metric + ": none of the " + std::to_string(rows.size()) +
                                          " runs has this metric",
                    names.empty() ? "the runs have no metrics yet (queued, or failed before the first step)"
                                  : "give one the runs have: " + joined(names));
  }
  warn_skipped(rows, figure, args.metric);
  if (!args.group_by.empty()) {
    bool any_group = false;
    for (const auto& c : figure.curves) any_group = any_group || !c.group.empty();
    if (!any_group)
      std::fprintf(stderr, "--group-by %s: no run's spec has this field; each run gets its own colour "
                           "(spec fields: docs/spec.md, e.g. data.epochs, model.n_embd, objective.kind)\n",
                   args.group_by.c_str());
  }
  figure.title = args.title;
  figure.log_x = args.log_x;
  figure.log_y = args.log_y;

  series::TexOptions tex;
  tex.width_in = width;
  write_output(args.output, format == "csv" ? series::to_csv(figure) : series::to_pgfplots(figure, tex));
  if (args.output != "-") {
    std::printf("Wrote %zu curve%s and %zu marker%s of %s to %s\n", figure.curves.size(),
                figure.curves.size() == 1 ? "" : "s", figure.markers.size(), figure.markers.size() == 1 ? "" : "s",
                args.metric.c_str(), args.output.c_str());
    if (format == "tex")
      std::printf("Compile it with `pdflatex %s` (needs pgfplots), or \\input it.\n", args.output.c_str());
  }
}

}  // namespace

void add_export_command(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd =
      app.add_subcommand("export", "Write the runs' curves as a figure: CSV or a pgfplots .tex file for papers");
  cmd->add_option("--experiment", args->selection.experiment,
                  "Export every run of this experiment (id, or the newest of that name)");
  cmd->add_option("--runs", args->selection.runs, "Export these runs (ids or exact names, comma-separated)")->delimiter(',');
  cmd->add_option("--match", args->selection.match, "Keep only the runs whose name contains this text, e.g. epochs=");
  cmd->add_option("--metric", args->metric, "The metric to plot, e.g. train/loss, eval/val_loss/german")
      ->default_val(series::kValidationLoss);
  cmd->add_option("--x", args->x_axis, "What the curves are plotted against")
      ->check(CLI::IsMember({"tokens", "steps", "epochs", "wall"}))
      ->default_val("tokens");
  cmd->add_option("--group-by", args->group_by,
                  "A spec field whose value colours the curves, e.g. data.epochs, model.dropout, objective.kind");
  cmd->add_option("--smooth", args->smoothing,
                  "TensorBoard's debiased EMA weight in [0, 1), e.g. 0.6; the raw curve stays as a faint line")
      ->check(CLI::Range(0.0, 0.999))
      ->default_val(0.0);
  cmd->add_option("--points", args->points,
                  "Downsample each curve to at most N points (LTTB, keeps spikes); default: all for csv, 1000 for tex")
      ->check(whole_number(3, 100000000));
  cmd->add_flag("--log-x", args->log_x, "Logarithmic x axis");
  cmd->add_flag("--log-y", args->log_y, "Logarithmic y axis");
  cmd->add_flag("--no-markers", args->no_markers, "Leave out the overfitting-onset and best-loss markers");
  cmd->add_flag("--mean-of-seeds", args->mean_of_seeds,
                "Runs that differ only in training.seed as one curve: their mean with a min/max band");
  cmd->add_option("--width", args->width,
                  "Figure width: single (3.25 in, one column), double (6.75 in, full page) or inches; "
                  "height is 0.62 x width")
      ->default_val("single");
  cmd->add_option("--title", args->title, "Title above the plot");
  cmd->add_option("--format", args->format, "csv or tex; default: from the file name's extension")
      ->check(CLI::IsMember({"csv", "tex"}));
  cmd->add_option("-o,--output", args->output, "Output file; - for stdout (CSV unless --format tex)")->required();
  cmd->footer(
      "CSV has one row per point: curve,group,run_id,x,y,kind (kind: smoothed, raw, mean / band_low /\n"
      "band_high for runs pooled over seeds, or marker:onset / marker:best). The .tex file is a standalone\n"
      "document with its data inline (pgfplots, Okabe & Ito colours); onset and best validation loss are\n"
      "marked on eval/val_loss curves.\n"
      "Examples:\n"
      "  workbench-cli export --experiment token-crisis-mini --group-by data.epochs -o epochs.tex\n"
      "  workbench-cli export --experiment 3 --metric train/loss --x steps --smooth 0.6 --log-y \\\n"
      "      --width double --title \"Training loss\" --format tex -o train.tex && pdflatex train.tex\n"
      "  workbench-cli export --runs 4,5 -o - | head\n"
      "PNG, SVG and PDF: the desktop app's `workbench export` (same selection options; headless with\n"
      "QT_QPA_PLATFORM=offscreen), e.g. `workbench export --experiment 3 --width double -o fig.svg`.");
  cmd->callback([args, &context] { export_command(*args, context); });
}

}  // namespace wb
