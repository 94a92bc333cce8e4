// Figures as CSV (RFC 4180 quoting, exact numbers, a kind per row) and as pgfplots .tex (paper
// width, escaped labels, one legend entry per group, log axes, faint raw shadows), compiled with
// pdflatex where it is installed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "common/temp_dir.hpp"
#include "series/figure_export.hpp"

namespace wb::series {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// Two runs of one group (seeds), smoothed, plus one run on its own; an onset and a best marker.
Figure sample_figure() {
  Figure f;
  f.title = "Validation loss, 50% of data_U";
  f.x_label = "training tokens";
  f.y_label = "eval/val_loss";
  f.curves.push_back(
      {"seed=1", "epochs=4", 11, {{0, 3}, {1024, 2.5}}, {{0, 3.1}, {1024, 2.4}}, {}, {}});
  f.curves.push_back(
      {"seed=2", "epochs=4", 12, {{0, 3.2}, {1024, 2.6}}, {{0, 3.3}, {1024, 2.5}}, {}, {}});
  f.curves.push_back({"epochs=1", "", 13, {{0, 3}, {1024, 0.1}}, {}, {}, {}});
  f.markers.push_back({"onset", 11, {1024, 2.4}});
  f.markers.push_back({"best", 13, {1024, 0.1}});
  return f;
}

TEST(ToCsv, HeaderRowsPerPointAndKinds) {
  const auto csv = to_csv(sample_figure());
  std::istringstream in(csv);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 1u + 4 + 4 + 2 + 2);  // header, two smoothed curves with shadows, one raw, markers
  EXPECT_EQ(lines[0], "curve,group,run_id,x,y,kind");
  EXPECT_EQ(lines[1], "seed=1,epochs=4,11,0,3,smoothed");
  EXPECT_EQ(lines[3], "seed=1,epochs=4,11,0,3.1,raw");
  EXPECT_EQ(lines[10], "epochs=1,,13,1024,0.1,raw") << "exact shortest numbers, integers without exponent";
  EXPECT_EQ(lines[11], "seed=1,epochs=4,11,1024,2.4,marker:onset");
  EXPECT_EQ(lines[12], "epochs=1,,13,1024,0.1,marker:best");
}

TEST(ToCsv, QuotesFieldsWithCommasQuotesAndLineBreaks) {
  struct Case { std::string label; std::string field; };
  for (const auto& c : {Case{"sweep/n_embd=128,n_layer=4", "\"sweep/n_embd=128,n_layer=4\""},
                        Case{"say \"hi\"", "\"say \"\"hi\"\"\""}, Case{"two\nlines", "\"two\nlines\""},
                        Case{"plain", "plain"}}) {
    Figure f;
    f.curves.push_back({c.label, "", 1, {{1000000, 2}}, {}, {}, {}});
    EXPECT_EQ(to_csv(f), "curve,group,run_id,x,y,kind\n" + c.field + ",,1,1000000,2,raw\n") << c.label;
  }
}

TEST(ToPgfplots, PaperWidthLabelsEscapedAndAStandaloneDocument) {
  const auto tex = to_pgfplots(sample_figure());
  EXPECT_NE(tex.find("\\documentclass{standalone}"), std::string::npos);
  // Four legend entries of up to 8 characters: 3 columns, 2 rows above the axis (0.13 in each).
  EXPECT_NE(tex.find("legend columns=3,"), std::string::npos) << tex;
  EXPECT_NE(tex.find("paperwidth=3.75in, paperheight=2.975in"), std::string::npos) << "the page without standalone";
  EXPECT_NE(tex.find("\\pgfplotsset{compat=1.16}"), std::string::npos);
  EXPECT_NE(tex.find("width=3.25in, height=2.015in"), std::string::npos) << tex;
  EXPECT_NE(tex.find("title={Validation loss, 50\\% of data\\_U}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("ylabel={eval/val\\_loss}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("\\definecolor{wbc0}{HTML}{E69F00}"), std::string::npos);
  EXPECT_NE(tex.find("\\end{document}"), std::string::npos);
  EXPECT_EQ(tex.find("xmode=log"), std::string::npos);
  EXPECT_EQ(tex.find("ymode=log"), std::string::npos);

  TexOptions double_column;
  double_column.width_in = 6.75;
  double_column.height_in = 3;
  double_column.standalone = false;
  const auto part = to_pgfplots(sample_figure(), double_column);
  EXPECT_NE(part.find("width=6.75in, height=3in"), std::string::npos);
  EXPECT_EQ(part.find("\\documentclass"), std::string::npos);
  EXPECT_NE(part.find("\\begin{tikzpicture}"), std::string::npos);
}

TEST(ToPgfplots, EveryTexSpecialCharacterIsEscaped) {
  struct Case { std::string label; std::string escaped; };
  for (const auto& c : {Case{"a_b", "a\\_b"}, Case{"50%", "50\\%"}, Case{"x&y", "x\\&y"}, Case{"#1", "\\#1"},
                        Case{"$5", "\\$5"}, Case{"{a}", "\\{a\\}"}, Case{"~", "\\textasciitilde{}"},
                        Case{"^", "\\textasciicircum{}"}, Case{"\\", "\\textbackslash{}"}}) {
    Figure f;
    f.x_label = c.label;
    EXPECT_NE(to_pgfplots(f).find("xlabel={" + c.escaped + "}"), std::string::npos) << c.label;
  }
}

TEST(ToPgfplots, OneLegendEntryPerGroupShadowsFirstAndMarkersAsMarks) {
  const auto tex = to_pgfplots(sample_figure());
  EXPECT_EQ(count(tex, "\\addlegendentry{epochs=4}"), 1u) << "two curves of one group, one entry";
  EXPECT_EQ(count(tex, "\\addlegendentry{epochs=1}"), 1u) << "an ungrouped curve is named by its label";
  EXPECT_EQ(count(tex, "\\addlegendentry{seed="), 0u);
  EXPECT_EQ(count(tex, "\\addlegendentry{onset}"), 1u);
  EXPECT_EQ(count(tex, "\\addlegendentry{best}"), 1u);
  EXPECT_EQ(count(tex, "opacity=0.25"), 2u) << "a shadow for each smoothed curve";
  EXPECT_LT(tex.rfind("opacity=0.25"), tex.find("\\addplot[color=wbc0]")) << "shadows under the lines";
  EXPECT_EQ(count(tex, "only marks"), 4u) << "two markers and their two legend images";
  EXPECT_NE(tex.find("mark=triangle*, mark size=1.8pt, color=wbc0"), std::string::npos) << "onset in its run's colour";
  EXPECT_NE(tex.find("(1024,0.1)"), std::string::npos);
}

TEST(ToPgfplots, LogAxesWhenAsked) {
  struct Case { bool log_x, log_y; };
  for (const auto c : {Case{true, false}, Case{false, true}, Case{true, true}}) {
    auto f = sample_figure();
    f.log_x = c.log_x;
    f.log_y = c.log_y;
    const auto tex = to_pgfplots(f);
    EXPECT_EQ(tex.find("xmode=log") != std::string::npos, c.log_x);
    EXPECT_EQ(tex.find("ymode=log") != std::string::npos, c.log_y);
  }
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / program)) return true;
  return false;
}

TEST(ToPgfplots, PdflatexCompilesIt) {
  if (!on_path("pdflatex"))
    GTEST_SKIP() << "pdflatex is not on PATH; install texlive-latex-base and texlive-pictures (pgfplots) to run this";
  test::TempDir dir;
  auto f = sample_figure();
  f.log_y = true;
  test::write_file(dir / "figure.tex", to_pgfplots(f));
  const std::string command = "cd '" + dir.path().string() +
                              "' && pdflatex -interaction=nonstopmode -halt-on-error figure.tex > pdflatex.out 2>&1";
  const int status = std::system(command.c_str());
  EXPECT_EQ(status, 0) << test::read_file(dir / "pdflatex.out");
  EXPECT_TRUE(std::filesystem::exists(dir / "figure.pdf"));
}

}  // namespace
}  // namespace wb::series
