// The built binary against the real corpus (../shared/corpus): for each case,
// `regdiff parse input.txt --json` must give the facts of expected.json,
// counted as shared/tools/score counts them (doc_id, published, effective
// dates, codes, (code, HS) pairs, (code, element) pairs, (type, target, until)
// relations, parties matched on list, action and one folded name), except the
// misses listed in tests/e2e/real_corpus_known_misses.txt. That list is a
// ratchet: a miss it does not hold fails the case, and so does a line whose
// fact is now read right (delete the line). Skips when the corpus is absent.
#include <gtest/gtest.h>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
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

// A party as the scorer counts it: list, action and its names folded.
struct PartyFact {
  std::string list, action;
  std::set<std::string> names;  // FoldName of name and name_en
  std::string display;          // "(list, action, name / name_en)"
};

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

// The scorer's norm_name(): NFKC, case folded, letters and digits only.
std::string FoldName(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString folded = nfkc_cf->normalize(icu::UnicodeString::fromUTF8(s), status);
  if (U_FAILURE(status)) return s;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    if (u_isalnum(c)) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::vector<PartyFact> PartiesOf(const json& doc) {
  std::vector<PartyFact> out;
  auto parties = doc.is_object() ? doc.find("parties") : doc.end();
  if (!doc.is_object() || parties == doc.end() || !parties->is_array()) return out;
  for (const json& p : *parties) {
    if (!p.is_object()) continue;
    PartyFact f{StringOr(p, "list", ""), StringOr(p, "action", ""), {}, ""};
    std::string shown;
    for (const char* key : {"name", "name_en"}) {
      std::string name = StringOr(p, key, "");
      if (std::string folded = FoldName(name); !folded.empty()) {
        f.names.insert(folded);
        shown += (shown.empty() ? "" : " / ") + name;
      }
    }
    if (f.names.empty()) continue;
    f.display = "(" + f.list + ", " + f.action + ", " + shown + ")";
    out.push_back(std::move(f));
  }
  return out;
}

// The scorer's match_parties(): each wanted party is matched at most once by
// a got party of its list and action that shares a name. Fills the displays
// of the wanted parties left unmatched and of the got parties matching none.
void MatchParties(const std::vector<PartyFact>& want, const std::vector<PartyFact>& got,
                  std::set<std::string>& missed, std::set<std::string>& extra) {
  std::vector<bool> used(want.size(), false);
  for (const PartyFact& g : got) {
    bool hit = false;
    for (size_t i = 0; i < want.size() && !hit; ++i) {
      const PartyFact& w = want[i];
      if (used[i] || w.list != g.list || w.action != g.action) continue;
      for (const std::string& n : g.names) hit = hit || w.names.count(n) > 0;
      if (hit) used[i] = true;
    }
    if (!hit) extra.insert(g.display);
  }
  for (size_t i = 0; i < want.size(); ++i)
    if (!used[i]) missed.insert(want[i].display);
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

// The known misses, one line each: "<case> missed|extra <kind> <fact>", the
// fact as FactsOf or PartiesOf writes it, or "<case> error <message>" for a
// parse that fails.
fs::path KnownMissesFile() {
  return fs::path(regdiff::testing::SourceDir()) / "tests/e2e/real_corpus_known_misses.txt";
}

// The lines of the known-misses file that belong to case `name`.
std::set<std::string> KnownMissesOf(const std::string& name) {
  std::set<std::string> lines;
  std::ifstream in(KnownMissesFile());
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(name + " ")) lines.insert(line);
  }
  return lines;
}

// Every miss of one case, each written as its line in the known-misses file.
std::set<std::string> MissesOf(const std::string& name, const json& want_doc,
                               const json& got_doc) {
  std::set<std::string> out;
  const Facts want = FactsOf(want_doc);
  const Facts got = FactsOf(got_doc);
  for (const char* kind : kKinds) {
    const auto& w = want.at(kind);
    const auto& g = got.at(kind);
    for (const std::string& f : w)
      if (!g.count(f)) out.insert(name + " missed " + kind + " " + f);
    for (const std::string& f : g)
      if (!w.count(f)) out.insert(name + " extra " + kind + " " + f);
  }
  // Cases whose expectations hold no "parties" key are not scored on parties.
  if (want_doc.contains("parties")) {
    std::set<std::string> missed, extra;
    MatchParties(PartiesOf(want_doc), PartiesOf(got_doc), missed, extra);
    for (const std::string& f : missed) out.insert(name + " missed parties " + f);
    for (const std::string& f : extra) out.insert(name + " extra parties " + f);
  }
  return out;
}

TEST(RealCorpusFacts, MatchesPartiesOnListActionAndOneFoldedName) {
  const json want = json::parse(R"({"parties": [
    {"list": "watch_list", "action": "add", "name": "斯巴鲁株式会社", "name_en": "SUBARU Corporation"},
    {"list": "control_list", "action": "add", "name": "Global Dimensions LLC", "name_en": null}]})");
  const json got = json::parse(R"({"parties": [
    {"list": "watch_list", "action": "add", "name": "Ｓｕｂａｒｕ  corporation", "name_en": null},
    {"list": "watch_list", "action": "add", "name": "Global Dimensions, LLC", "name_en": null}]})");
  std::set<std::string> missed, extra;
  MatchParties(PartiesOf(want), PartiesOf(got), missed, extra);
  EXPECT_EQ(missed, std::set<std::string>{"(control_list, add, Global Dimensions LLC)"});
  EXPECT_EQ(extra, std::set<std::string>{"(watch_list, add, Global Dimensions, LLC)"});
}

class RealCorpus : public ::testing::TestWithParam<std::string> {};

TEST_P(RealCorpus, ParseMissesNoFactButTheKnownMisses) {
  const std::string name = GetParam();
  const fs::path dir = CorpusDir() / name;
  ASSERT_TRUE(fs::exists(regdiff::testing::RegdiffBinary()))
      << "build the regdiff binary first: " << regdiff::testing::RegdiffBinary();
  const json want_doc = json::parse(ReadFileOrDie((dir / "expected.json").string()));
  RunResult run = RunRegdiff({"parse", InputOf(dir), "--json"});
  json got_doc = json::object();
  std::set<std::string> misses;
  if (run.exit_code != 0) {
    misses.insert(name + " error parse exits " + std::to_string(run.exit_code));
  } else {
    try {
      got_doc = json::parse(run.out);
    } catch (const json::exception& e) {
      FAIL() << "output is not JSON: " << e.what() << "\n" << run.out.substr(0, 500);
    }
  }
  for (std::string m : MissesOf(name, want_doc, got_doc)) misses.insert(std::move(m));
  const std::set<std::string> known = KnownMissesOf(name);
  for (const std::string& m : misses)
    if (!known.count(m)) ADD_FAILURE() << "new miss (fix the parser): " << m;
  for (const std::string& k : known)
    if (!misses.count(k))
      ADD_FAILURE() << "fixed, delete this line from " << KnownMissesFile().string() << ": " << k;
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
