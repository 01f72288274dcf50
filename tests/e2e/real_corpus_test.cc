// The built binary against the real corpus (../shared/corpus): for each case,
// `regdiff parse input.txt --json` must give exactly the facts of
// expected.json, counted as shared/tools/score counts them (doc_id,
// published, effective dates, codes, (code, HS) pairs, (code, element) pairs,
// (type, target, until) relations). Skips when the corpus is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/e2e/run_regdiff.h"
#include "tests/test_paths.h"

namespace regdiff {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using regdiff::testing::ReadFileOrDie;
using regdiff::testing::RunRegdiff;
using regdiff::testing::RunResult;

// Kind of fact -> the facts, each written as one string.
using Facts = std::map<std::string, std::set<std::string>>;

const char* const kKinds[] = {"doc_id", "published", "effective", "codes",
                              "hs",     "elements",  "relations"};

std::string StringOr(const json& j, const char* key, const std::string& fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

// The scorer's facts() in C++.
Facts FactsOf(const json& doc) {
  Facts out;
  for (const char* k : kKinds) out[k];
  if (!doc.is_object()) return out;
  if (std::string id = StringOr(doc, "doc_id", ""); !id.empty()) out["doc_id"].insert(id);
  if (std::string p = StringOr(doc, "published", ""); !p.empty()) out["published"].insert(p);
  if (auto e = doc.find("effective"); e != doc.end() && e->is_array()) {
    for (const json& c : *e)
      if (std::string d = StringOr(c, "date", ""); !d.empty()) out["effective"].insert(d);
  }
  if (auto items = doc.find("items"); items != doc.end() && items->is_array()) {
    for (const json& it : *items) {
      if (!it.is_object()) continue;
      std::string code = StringOr(it, "code", "");
      if (!code.empty()) out["codes"].insert(code);
      if (auto hs = it.find("hs_codes"); hs != it.end() && hs->is_array()) {
        for (const json& h : *hs) {
          std::string digits = h.is_string() ? h.get<std::string>() : h.dump();
          std::erase(digits, '.');
          out["hs"].insert("(" + code + ", " + digits + ")");
        }
      }
      if (auto els = it.find("elements"); els != it.end() && els->is_array()) {
        for (const json& el : *els)
          if (el.is_string()) out["elements"].insert("(" + code + ", " + el.get<std::string>() + ")");
      }
    }
  }
  if (auto rels = doc.find("relations"); rels != doc.end() && rels->is_array()) {
    for (const json& r : *rels) {
      std::string type = StringOr(r, "type", ""), target = StringOr(r, "target", "");
      if (type.empty() || target.empty()) continue;
      out["relations"].insert("(" + type + ", " + target + ", " + StringOr(r, "until", "null") +
                              ")");
    }
  }
  return out;
}

// The input file of a case: input.txt, input.html, ... (the first by name).
std::string InputOf(const fs::path& case_dir) {
  std::vector<std::string> inputs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(case_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.starts_with("input.")) inputs.push_back(name);
  }
  if (inputs.empty()) return "";
  std::sort(inputs.begin(), inputs.end());
  return (case_dir / inputs.front()).string();
}

fs::path CorpusDir() { return fs::path(regdiff::testing::SharedDir()) / "corpus"; }

// Case folders: an input file and expected.json.
std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  std::error_code ec;
  if (!fs::is_directory(CorpusDir(), ec)) return names;
  for (const auto& entry : fs::directory_iterator(CorpusDir(), ec)) {
    if (entry.is_directory() && !InputOf(entry.path()).empty() &&
        fs::exists(entry.path() / "expected.json"))
      names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(RealCorpusFacts, CountsFactsAsTheScorerDoes) {
  const json doc = json::parse(R"({
    "doc_id": "mofcom-2025-61", "published": null,
    "effective": [{"date": "2025-12-01"}, {"date": null, "on_publication": true}],
    "items": [
      {"code": "1C902.a", "hs_codes": ["2805.3019.10"], "elements": ["Sm"]},
      {"code": null, "hs_codes": ["8110101000"], "elements": ["Sb"]}
    ],
    "relations": [{"type": "suspends", "target": "mofcom-2024-46", "until": "2026-11-27"},
                  {"type": "refers_to", "target": "mofcom-2025-62", "until": null},
                  {"type": "repeals", "target": null}]
  })");
  const Facts f = FactsOf(doc);
  EXPECT_EQ(f.at("doc_id"), std::set<std::string>{"mofcom-2025-61"});
  EXPECT_TRUE(f.at("published").empty());
  EXPECT_EQ(f.at("effective"), std::set<std::string>{"2025-12-01"});
  EXPECT_EQ(f.at("codes"), std::set<std::string>{"1C902.a"});
  EXPECT_EQ(f.at("hs"), (std::set<std::string>{"(1C902.a, 2805301910)", "(, 8110101000)"}));
  EXPECT_EQ(f.at("elements"), (std::set<std::string>{"(1C902.a, Sm)", "(, Sb)"}));
  EXPECT_EQ(f.at("relations"),
            (std::set<std::string>{"(suspends, mofcom-2024-46, 2026-11-27)",
                                   "(refers_to, mofcom-2025-62, null)"}));
}

class RealCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(RealCorpus, ParseGivesExactlyTheExpectedFacts) {
  const fs::path dir = CorpusDir() / GetParam();
  ASSERT_TRUE(fs::exists(regdiff::testing::RegdiffBinary()))
      << "build the regdiff binary first: " << regdiff::testing::RegdiffBinary();
  const json want_doc = json::parse(ReadFileOrDie((dir / "expected.json").string()));
  RunResult run = RunRegdiff({"parse", InputOf(dir), "--json"});
  ASSERT_EQ(run.exit_code, 0) << "regdiff parse failed: " << run.err;
  json got_doc;
  try {
    got_doc = json::parse(run.out);
  } catch (const json::exception& e) {
    FAIL() << "output is not JSON: " << e.what() << "\n" << run.out.substr(0, 500);
  }
  const Facts want = FactsOf(want_doc);
  const Facts got = FactsOf(got_doc);
  for (const char* kind : kKinds) {
    const auto& w = want.at(kind);
    const auto& g = got.at(kind);
    for (const std::string& f : w)
      if (!g.count(f)) ADD_FAILURE() << GetParam() << ": missed " << kind << ": " << f;
    for (const std::string& f : g)
      if (!w.count(f)) ADD_FAILURE() << GetParam() << ": extra " << kind << ": " << f;
  }
}

// Case names make test names: keep letters, digits and '_'.
std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, RealCorpus, ::testing::ValuesIn(CaseNames()), TestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RealCorpus);

TEST(RealCorpusPresence, CorpusIsAvailable) {
  std::string why;
  if (!regdiff::testing::SharedCorpusAvailable(&why)) GTEST_SKIP() << why;
  EXPECT_FALSE(CaseNames().empty())
      << "no case folder with input.txt and expected.json under " << regdiff::testing::SharedDir()
      << "/corpus";
}

}  // namespace
}  // namespace regdiff
