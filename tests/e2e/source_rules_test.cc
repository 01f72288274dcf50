// Rules of the source tree that keep untrusted pages out, checked on the code
// itself so a change that breaks one fails CI: libxml2 never gets an option
// or entry point that loads, fetches or expands entities; SQL runs only
// through the wrappers in corpus/sqlite.cc, and literal scripts (Exec) only
// from the schema and store code; only the readers of command-line paths and
// of the sources file open files in ingest/, parsers/ and diff/, so nothing a
// page says becomes a file path.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "tests/test_paths.h"

namespace regdiff::testing {
namespace {

namespace fs = std::filesystem;

struct SourceFile {
  std::string path;  // relative to the repository root
  std::string text;
};

// Every .cc and .h under the given top-level folders.
std::vector<SourceFile> Sources(const std::vector<std::string>& folders) {
  std::vector<SourceFile> out;
  for (const std::string& folder : folders) {
    for (const auto& entry : fs::recursive_directory_iterator(SourceDir() + "/" + folder)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cc" && ext != ".h")) continue;
      out.push_back({fs::relative(entry.path(), SourceDir()).string(),
                     ReadFileOrDie(entry.path().string())});
    }
  }
  return out;
}

// Lines of `file` matching `pattern`, outside // comments.
std::vector<std::string> Matches(const SourceFile& file, const std::regex& pattern) {
  std::vector<std::string> hits;
  size_t start = 0;
  int number = 1;
  while (start <= file.text.size()) {
    size_t end = file.text.find('\n', start);
    if (end == std::string::npos) end = file.text.size();
    std::string line = file.text.substr(start, end - start);
    const size_t comment = line.find("//");
    const std::string code = comment == std::string::npos ? line : line.substr(0, comment);
    if (std::regex_search(code, pattern)) {
      hits.push_back(file.path + ":" + std::to_string(number) + ": " + line);
    }
    start = end + 1;
    ++number;
  }
  return hits;
}

const std::vector<std::string> kProduct = {"corpus", "ingest", "parsers", "diff", "tools"};

TEST(SourceRules, Libxml2NeverLoadsFetchesOrExpandsEntities) {
  const std::regex forbidden(
      "XML_PARSE_NOENT|XML_PARSE_DTDLOAD|XML_PARSE_DTDATTR|XML_PARSE_DTDVALID|XML_PARSE_HUGE|"
      "HTML_PARSE_HUGE|xmlSubstituteEntitiesDefault|xmlLoadExtDtdDefaultValue|xmlReadFile|"
      "htmlReadFile|htmlParseFile|xmlParseFile|xmlCtxtReadFile|xmlReadMemory|xmlParseMemory|"
      "xmlNanoHTTP|xmlNanoFTP|XInclude");
  std::vector<std::string> hits;
  int html_readers = 0;
  for (const SourceFile& f : Sources(kProduct)) {
    for (const std::string& h : Matches(f, forbidden)) hits.push_back(h);
    if (!Matches(f, std::regex("htmlReadMemory|htmlCtxtReadMemory")).empty()) {
      ++html_readers;
      EXPECT_FALSE(Matches(f, std::regex("HTML_PARSE_NONET")).empty())
          << f.path << " parses HTML without HTML_PARSE_NONET";
    }
  }
  EXPECT_TRUE(hits.empty()) << hits.size() << " forbidden libxml2 uses; first: " << hits[0];
  EXPECT_GE(html_readers, 1);  // the rule above checked something
}

TEST(SourceRules, SqlRunsOnlyThroughTheWrappersAndScriptsOnlyFromTheSchema) {
  const std::regex raw_sqlite("sqlite3_(exec|prepare|get_table|mprintf|vmprintf|snprintf)");
  const std::regex exec_call("[.>]Exec\\(");
  std::vector<std::string> hits;
  for (const SourceFile& f : Sources(kProduct)) {
    if (f.path != "corpus/sqlite.cc") {
      for (const std::string& h : Matches(f, raw_sqlite)) hits.push_back(h);
    }
    // Literal scripts (schema, PRAGMAs, BEGIN/COMMIT) run from these only;
    // everything else prepares statements and binds its values.
    if (f.path != "corpus/sqlite.cc" && f.path != "corpus/schema.cc" &&
        f.path != "corpus/store.cc") {
      for (const std::string& h : Matches(f, exec_call)) hits.push_back(h);
    }
  }
  EXPECT_TRUE(hits.empty()) << hits.size() << " unwrapped SQL calls; first: " << hits[0];
}

TEST(SourceRules, OnlyCommandLineAndSourcesFilePathsAreOpened) {
  // \bfopen: libzip's zip_fopen_index opens an entry of an archive in memory,
  // no file; zip_open( would open an archive by its path (zip_open_from_source
  // reads one in memory).
  const std::regex opens(
      "ifstream|ofstream|\\bfopen|\\bopen\\(|::open\\(|ReadFileBytes\\(|\\bzip_open\\(");
  const std::vector<std::string> allowed = {
      "ingest/input_files.cc",  // files and directories named on the command line
      "ingest/input_files.h",
      "ingest/sources_file.cc",  // the sources file named on the command line
  };
  std::vector<std::string> hits;
  for (const SourceFile& f : Sources({"corpus", "ingest", "parsers", "diff"})) {
    if (std::find(allowed.begin(), allowed.end(), f.path) != allowed.end()) continue;
    for (const std::string& h : Matches(f, opens)) hits.push_back(h);
  }
  EXPECT_TRUE(hits.empty()) << hits.size() << " file opens outside the path readers; first: "
                            << hits[0];
}

}  // namespace
}  // namespace regdiff::testing
