// Helpers of the party reader tests: parties as one comparable string each,
// evidence checks, and the Chinese fixtures as normalised texts.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "corpus/model.h"
#include "corpus/text.h"
#include "tests/test_paths.h"

namespace regdiff::parsers::testing {

// "list action name | name_en | country", "-" for a null field:
// "control_list add 全球维度公司 | Global Dimensions LLC | US".
inline std::string Describe(const Party& p) {
  return std::string(PartyListName(p.list)) + " " + std::string(PartyActionName(p.action)) +
         " " + p.name + " | " + p.name_en.value_or("-") + " | " + p.country.value_or("-");
}

inline std::multiset<std::string> DescribeAll(const std::vector<Party>& parties) {
  std::multiset<std::string> out;
  for (const Party& p : parties) out.insert(Describe(p));
  return out;
}

// Every party's evidence is the text at its span.
inline void ExpectPartyEvidence(const NormalizedText& n, const std::vector<Party>& parties) {
  for (const Party& p : parties) {
    ASSERT_LE(p.evidence.end, n.text.size()) << Describe(p);
    EXPECT_FALSE(p.evidence.empty()) << Describe(p);
    EXPECT_EQ(n.text.substr(p.evidence.begin, p.evidence.end - p.evidence.begin),
              p.evidence.text)
        << Describe(p);
  }
}

// Full-width ASCII forms to ASCII and the ideographic space to a space, as
// ingest/normalize.cc folds them (parsers tests do not link ingest/).
inline std::string FoldWidthLikeIngest(const std::string& s) {
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

// A fixture of tests/fixtures/zh/ as normalised text; "x.zh-hant.txt" comes
// with "x.zh-hant.match.txt", its byte-aligned Simplified twin.
inline NormalizedText ZhFixture(const std::string& name) {
  const std::string dir = regdiff::testing::FixturesDir() + "/zh/";
  NormalizedText n;
  n.text = FoldWidthLikeIngest(regdiff::testing::ReadFileOrDie(dir + name));
  const std::string match_name = name.substr(0, name.size() - 4) + ".match.txt";
  n.match = std::filesystem::exists(dir + match_name)
                ? FoldWidthLikeIngest(regdiff::testing::ReadFileOrDie(dir + match_name))
                : n.text;
  EXPECT_EQ(n.text.size(), n.match.size()) << match_name << " is not byte-aligned";
  return n;
}

}  // namespace regdiff::parsers::testing
