// The Chinese parser on whole texts in the shapes copies take on the web
// (tests/fixtures/zh/, see its README): portal pages with chrome and
// related-links lists, law-database metadata blocks, news and WeChat reprints,
// law-firm alerts with flattened tables, Hong Kong and Taiwan reprints in
// Traditional characters with full-width digits and letters. Each case states
// every fact the scorer counts, so an extra fact fails as much as a missed one.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "corpus/model.h"
#include "corpus/text.h"
#include "tests/parsers/parts.h"
#include "tests/test_paths.h"

namespace regdiff::parsers {
namespace {

using Facts = std::set<std::string>;

// Full-width ASCII forms to ASCII and the ideographic space to a space, as
// ingest/normalize.cc folds them (parsers tests do not link ingest/).
std::string FoldWidth(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xEF && i + 2 < s.size()) {
      char32_t cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFF01 + 0x21);
        i += 3;
        continue;
      }
    }
    if (s.compare(i, 3, "\u3000") == 0) {
      out += ' ';
      i += 3;
      continue;
    }
    out += s[i++];
  }
  return out;
}

// A fixture as normalised text. A Traditional fixture "x.zh-hant.txt" comes
// with "x.zh-hant.match.txt", its Simplified twin character for character
// (OpenCC t2s, characters whose Simplified form has another byte length kept),
// as the byte-aligned match that ingest/normalize.cc makes.
NormalizedText Fixture(const std::string& name) {
  const std::string dir = regdiff::testing::FixturesDir() + "/zh/";
  NormalizedText n;
  n.text = FoldWidth(regdiff::testing::ReadFileOrDie(dir + name));
  std::string match_name = name.substr(0, name.size() - 4) + ".match.txt";
  n.match = std::filesystem::exists(dir + match_name)
                ? FoldWidth(regdiff::testing::ReadFileOrDie(dir + match_name))
                : n.text;
  EXPECT_EQ(n.text.size(), n.match.size()) << match_name << " is not byte-aligned";
  return n;
}

std::string Iso(const std::optional<Date>& d) { return d ? d->ToIso() : "null"; }

// The facts of a parse, each as one string.
struct Got {
  std::string doc_id, published;
  Facts effective;   // "date on_publication applies_to"
  std::vector<std::string> codes;  // in document order
  Facts hs;          // "code hs" ("-" for items without a code)
  Facts elements;    // "code symbol"
  Facts relations;   // "type target until"
};

Got FactsOf(const Announcement& a) {
  Got g;
  g.doc_id = a.doc_id.value_or("null");
  g.published = Iso(a.published);
  for (const auto& c : a.effective)
    g.effective.insert(Iso(c.date) + (c.on_publication ? " pub " : " date ") + c.applies_to);
  for (const auto& i : a.items) {
    std::string code = i.code.value_or("-");
    if (i.code) g.codes.push_back(code);
    for (const auto& h : i.hs_codes) g.hs.insert(code + " " + h);
    for (const auto& e : i.elements) g.elements.insert(code + " " + e);
  }
  for (const auto& r : a.relations)
    g.relations.insert(std::string(RelationTypeName(r.type)) + " " + r.target + " " + Iso(r.until));
  return g;
}

void ExpectEvidenceInText(const NormalizedText& n, const Announcement& a) {
  auto check = [&](const Evidence& e) {
    ASSERT_LE(e.end, n.text.size());
    EXPECT_EQ(n.text.substr(e.begin, e.end - e.begin), e.text);
  };
  check(a.number_evidence);
  check(a.published_evidence);
  for (const auto& c : a.effective) check(c.evidence);
  for (const auto& i : a.items) {
    check(i.evidence);
    check(i.hs_evidence);
  }
  for (const auto& r : a.relations) check(r.evidence);
}

struct Shape {
  std::string fixture;
  std::string doc_id;
  std::string published;
  Facts effective;
  std::vector<std::string> codes;
  Facts hs;
  Facts elements;
  Facts relations;
};

// Items of the October 2025 rare-earth tables: code, symbol, 8-digit HS.
Facts RareEarthTableHs() {
  return {"1C909.a 28053019", "1C910.a 28053019", "1C911.a 28053019", "1C912.a 28053019"};
}
Facts RareEarthTableElements() {
  Facts out;
  const std::pair<const char*, const char*> kFamilies[] = {
      {"1C909", "Ho"}, {"1C910", "Er"}, {"1C911", "Tm"}, {"1C912", "Eu"}, {"1C913", "Yb"}};
  for (auto [family, symbol] : kFamilies)
    for (const char* sub : {".a", ".b", ".c"})
      out.insert(std::string(family) + sub + " " + symbol);
  return out;
}

const std::vector<Shape>& Shapes() {
  static const auto* kShapes = new std::vector<Shape>{
      {"mofcom-gacc-2023-23.portal.txt",
       "mofcom-gacc-2023-23",
       "2023-07-03",
       {"2023-08-01 date whole"},
       {},
       {"- 8110929010"},
       {"- Ga", "- Ge", "- In"},
       {}},
      {"mofcom-gacc-2023-39.lawdb.txt",
       "mofcom-gacc-2023-39",
       "2023-10-20",
       {"2023-12-01 date whole"},
       {},
       {},
       {},
       {"amends mofcom-gacc-costind-2006-50 null", "repeals mofcom-gacc-costind-2006-50 null"}},
      {"mofcom-gacc-2024-33.news.txt",
       "mofcom-gacc-2024-33",
       "2024-08-15",
       {"2024-09-15 date whole"},
       {},
       {},
       {"- Sb", "- In"},
       {}},
      {"mofcom-2024-46.wechat.txt",
       "mofcom-2024-46",
       "2024-12-03",
       {"2024-12-03 pub whole"},
       {},
       {},
       {},
       {}},
      {"mofcom-gacc-2025-10.alert.txt",
       "mofcom-gacc-2025-10",
       "2025-02-04",
       {"2025-02-04 pub whole"},
       {"1C117.b", "1C117.c", "1C117.d", "1C004", "1E004", "1E101.b", "6C002.a", "6C002.b",
        "6E002", "6C001.a", "6C001.b", "6C001.c", "6C001.d", "6E001", "3C004.a", "3C004.b",
        "3C004.c", "3E004"},
       {},
       {},
       {"amends mofcom-miit-gacc-scs-2024-51 null"}},
      {"mofcom-gacc-2025-18.hk.zh-hant.txt",
       "mofcom-gacc-2025-18",
       "2025-04-04",
       {"2025-04-04 pub whole"},
       {"1C902.a", "1C902.b", "1C902.c", "1C903.a", "1C903.b", "1C903.c", "1C904.a", "1C904.b",
        "1C904.c"},
       {"1C902.a 2805301910", "1C902.a 3824999922", "1C902.a 8486909110",
        "1C902.b 2846901940", "1C902.b 2846901993", "1C902.b 3824999922",
        "1C902.c 2846902810", "1C902.c 2846902910", "1C902.c 2846903910",
        "1C902.c 2846904820", "1C902.c 2846904910", "1C902.c 2846909920",
        "1C902.c 3824999922", "1C903.a 2805301910"},
       {"1C902.a Sm", "1C902.b Sm", "1C902.c Sm", "1C903.a Gd", "1C903.b Gd", "1C903.c Gd",
        "1C904.a Tb", "1C904.b Tb", "1C904.c Tb"},
       {}},
      {"mofcom-gacc-2025-55.wechat.txt",
       "mofcom-gacc-2025-55",
       "2025-10-09",
       {"2025-11-08 date whole"},
       {"2C902.a", "2C902.b", "2C902.c", "2C902.d", "2B005.b", "2E902"},
       {},
       {},
       {}},
      {"mofcom-gacc-2025-57.table.txt",
       "mofcom-gacc-2025-57",
       "2025-10-09",
       {"2025-11-08 date whole"},
       {"1C909.a", "1C909.b", "1C909.c", "1C910.a", "1C910.b", "1C910.c", "1C911.a", "1C911.b",
        "1C911.c", "1C912.a", "1C912.b", "1C912.c", "1C913.a", "1C913.b", "1C913.c"},
       RareEarthTableHs(),
       RareEarthTableElements(),
       {}},
      {"mofcom-gacc-2025-58.sidebar.txt",
       "mofcom-gacc-2025-58",
       "2025-10-09",
       {"2025-11-08 date whole"},
       {"3A001", "3B901.a", "3B901.b", "3B901.c", "3C901.a.1", "3C901.a.2", "3C901.a.3",
        "3C901.b.1", "3C901.b.2", "3E901.a"},
       {},
       {},
       {}},
      {"mofcom-2025-61.portal.txt",
       "mofcom-2025-61",
       "2025-10-09",
       {"2025-12-01 date 第一条第(一)项、第(二)项", "2025-10-09 pub 第一条第(三)项"},
       {},
       {},
       {},
       {}},
      {"mofcom-gacc-2025-70.portal.txt",
       "mofcom-gacc-2025-70",
       "2025-11-07",
       {"2025-11-07 pub whole"},
       {},
       {},
       {},
       {"suspends mofcom-gacc-2025-55 2026-11-10", "suspends mofcom-gacc-2025-56 2026-11-10",
        "suspends mofcom-gacc-2025-57 2026-11-10", "suspends mofcom-gacc-2025-58 2026-11-10",
        "suspends mofcom-2025-61 2026-11-10", "suspends mofcom-2025-62 2026-11-10"}},
      {"gacc-2025-123.portal.txt", "gacc-2025-123", "null", {}, {}, {}, {}, {}},
      {"catalogue.goods-table.txt",
       "null",
       "null",
       {},
       {},
       {"- 2805301910", "- 2846901940", "- 8112929010", "- 8110101000"},
       {"- Sm", "- Ga", "- Sb"},
       {}},
      {"notice.unnumbered.txt", "null", "null", {"2024-12-01 date whole"}, {}, {}, {}, {}},
      {"mofcom-2025-72.tw.zh-hant.txt",
       "mofcom-2025-72",
       "2025-11-09",
       {"2025-11-09 pub whole"},
       {},
       {},
       {},
       {"suspends mofcom-2024-46 2026-11-27"}},
  };
  return *kShapes;
}

TEST(ZhShapes, EveryFixtureGivesExactlyItsFacts) {
  for (const Shape& s : Shapes()) {
    SCOPED_TRACE(s.fixture);
    NormalizedText n = Fixture(s.fixture);
    Announcement a = testing::ZhAnnouncement(n);
    Got g = FactsOf(a);
    EXPECT_EQ(g.doc_id, s.doc_id);
    EXPECT_EQ(g.published, s.published);
    EXPECT_EQ(g.effective, s.effective);
    EXPECT_EQ(g.codes, s.codes);
    EXPECT_EQ(g.hs, s.hs);
    EXPECT_EQ(g.elements, s.elements);
    EXPECT_EQ(g.relations, s.relations);
    ExpectEvidenceInText(n, a);
  }
}

TEST(ZhShapes, TraditionalReprintsAreTaggedZhHant) {
  for (const Shape& s : Shapes()) {
    const bool hant = s.fixture.find(".zh-hant.") != std::string::npos;
    Announcement a = testing::ZhAnnouncement(Fixture(s.fixture));
    EXPECT_EQ(a.lang, hant ? Lang::kZhHant : Lang::kZh) << s.fixture;
  }
}

}  // namespace
}  // namespace regdiff::parsers
