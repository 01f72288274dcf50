// The issuer table and doc_id construction.
#include "corpus/issuers.h"

#include <algorithm>
#include <cctype>

#include "corpus/strings.h"

namespace regdiff {
namespace {

// Canonical order (formats.md): MOFCOM, MIIT, GACC, SCS as the table opens,
// then every other body in alphabetical order of its acronym, wherever its
// row stands.
const std::vector<IssuerEntry>& Table() {
  static const std::vector<IssuerEntry> kIssuers = {
      {"MOFCOM", "商务部", "Ministry of Commerce",
       {"中华人民共和国商务部", "商务部"},
       {"Ministry of Commerce of the People's Republic of China", "Ministry of Commerce",
        "MOFCOM", "MOC"}},
      {"MIIT", "工业和信息化部", "Ministry of Industry and Information Technology",
       {"工业和信息化部", "工业与信息化部", "工信部"},
       {"Ministry of Industry and Information Technology", "MIIT"}},
      {"GACC", "海关总署", "General Administration of Customs",
       {"中华人民共和国海关总署", "海关总署"},
       {"General Administration of Customs of the People's Republic of China",
        "General Administration of Customs", "GACC", "GAC"}},
      {"SCS", "国家密码管理局", "State Cryptography Administration",
       {"国家密码管理局", "国家密码局"},
       {"State Cryptography Administration", "State Cryptographic Administration",
        "SCA", "SCS"}},
      {"COSTIND", "国防科学技术工业委员会",
       "Commission of Science, Technology and Industry for National Defense",
       {"国家国防科学技术工业委员会", "国防科学技术工业委员会", "国家国防科工委",
        "国防科工委"},
       {"State Commission of Science, Technology and Industry for National Defense",
        "Commission of Science, Technology and Industry for National Defense",
        "Commission of Science, Technology and Industry for National Defence", "COSTIND"}},
      {"SASTIND", "国家国防科技工业局",
       "State Administration of Science, Technology and Industry for National Defense",
       {"国家国防科技工业局", "国家国防科工局", "国防科工局"},
       {"State Administration of Science, Technology and Industry for National Defense",
        "State Administration for Science, Technology and Industry for National Defence",
        "SASTIND"}},
      {"GED", "总装备部", "General Armament Department",
       {"中国人民解放军总装备部", "总装备部"},
       {"General Armament Department", "General Equipment Department", "GAD", "GED"}},
      // The successor of GED since 2016 (drone and UAV announcements).
      {"EDD", "中央军委装备发展部", "Equipment Development Department of the Central Military Commission",
       {"中央军事委员会装备发展部", "中央军委装备发展部", "军委装备发展部"},
       {"Equipment Development Department of the Central Military Commission",
        "Equipment Development Department of the CMC", "CMC Equipment Development Department",
        "EDD"}},
      {"NDRC", "国家发展和改革委员会", "National Development and Reform Commission",
       {"中华人民共和国国家发展和改革委员会", "国家发展和改革委员会", "国家发展改革委",
        "国家发改委", "发展改革委"},
       {"National Development and Reform Commission", "NDRC"}},
      {"MPS", "公安部", "Ministry of Public Security",
       {"中华人民共和国公安部", "公安部"},
       {"Ministry of Public Security of the People's Republic of China",
        "Ministry of Public Security", "MPS"}},
      {"CAEA", "国家原子能机构", "China Atomic Energy Authority",
       {"国家原子能机构"},
       {"China Atomic Energy Authority", "CAEA"}},
      // The unreliable entity list working mechanism, whose announcements are
      // numbered on their own (不可靠实体清单工作机制公告2025年第8号).
      {"UEL", "不可靠实体清单工作机制", "Unreliable Entity List Working Mechanism",
       {"不可靠实体清单工作机制"},
       {"Working Mechanism of the Unreliable Entity List",
        "Unreliable Entity List Working Mechanism", "UEL Working Mechanism"}},
  };
  return kIssuers;
}

// The first rows of the table, whose order is canonical.
constexpr size_t kOrderedIssuers = 4;

// The position of `code` in canonical order; every other body shares the
// last rank and is then ordered by its acronym.
size_t Rank(std::string_view code) {
  const auto& table = Table();
  for (size_t i = 0; i < kOrderedIssuers && i < table.size(); ++i)
    if (table[i].code == code) return i;
  return kOrderedIssuers;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::span<const IssuerEntry> Issuers() { return Table(); }

const IssuerEntry* FindIssuer(std::string_view code) {
  for (const auto& entry : Table())
    if (entry.code == code) return &entry;
  return nullptr;
}

void CanonicalizeIssuers(std::vector<std::string>& codes) {
  std::sort(codes.begin(), codes.end(), [](const std::string& a, const std::string& b) {
    size_t ra = Rank(a), rb = Rank(b);
    return ra != rb ? ra < rb : a < b;
  });
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
}

std::string MakeDocId(const std::vector<std::string>& issuers, int year, int number) {
  std::vector<std::string> sorted = issuers;
  CanonicalizeIssuers(sorted);
  std::string out;
  for (const auto& code : sorted) {
    out += AsciiLower(code);
    out += '-';
  }
  out += std::to_string(year);
  out += '-';
  out += std::to_string(number);
  return out;
}

std::optional<DocIdParts> ParseDocId(std::string_view doc_id) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dash = doc_id.find('-', start);
    parts.push_back(doc_id.substr(start, dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (parts.size() < 3) return std::nullopt;
  auto number_of = [](std::string_view s) -> std::optional<int> {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  auto year = number_of(parts[parts.size() - 2]);
  auto number = number_of(parts.back());
  if (!year || !number || *year < 1900 || *year > 2199) return std::nullopt;
  DocIdParts out;
  out.year = *year;
  out.number = *number;
  for (size_t i = 0; i + 2 < parts.size(); ++i) {
    if (parts[i].empty()) return std::nullopt;
    for (char c : parts[i])
      if (!std::isalpha(static_cast<unsigned char>(c))) return std::nullopt;
    out.issuers.push_back(Upper(parts[i]));
  }
  return out;
}

}  // namespace regdiff
