// The list, verb and country tables of the party readers.
#include "parsers/party_words.h"

#include <array>

namespace regdiff::parsers {
namespace {

constexpr ListWord kZhLists[] = {
    {"出口管制管控名单", PartyList::kControlList},
    {"出口管制管控清单", PartyList::kControlList},
    {"管控名单", PartyList::kControlList},
    {"关注名单", PartyList::kWatchList},
    {"不可靠实体清单", PartyList::kUnreliableEntityList},
    {"不可靠实体名单", PartyList::kUnreliableEntityList},
};

// Official, law-firm and machine translations of the three names.
constexpr ListWord kEnLists[] = {
    {"export control control list", PartyList::kControlList},
    {"export control controlled list", PartyList::kControlList},
    {"export control management list", PartyList::kControlList},
    {"export control list", PartyList::kControlList},
    {"management and control list", PartyList::kControlList},
    {"control and management list", PartyList::kControlList},
    {"controlled list", PartyList::kControlList},
    {"control list", PartyList::kControlList},
    {"watch list", PartyList::kWatchList},
    {"watch-list", PartyList::kWatchList},
    {"watchlist", PartyList::kWatchList},
    {"list of concerns", PartyList::kWatchList},
    {"list of concern", PartyList::kWatchList},
    {"focus list", PartyList::kWatchList},
    {"concern list", PartyList::kWatchList},
    {"attention list", PartyList::kWatchList},
    {"list of unreliable entities", PartyList::kUnreliableEntityList},
    {"unreliable entities list", PartyList::kUnreliableEntityList},
    {"unreliable entity list", PartyList::kUnreliableEntityList},
};

constexpr ActionWord kZhActions[] = {
    {"列入", PartyAction::kAdd},
    {"纳入", PartyAction::kAdd},
    {"加入", PartyAction::kAdd},
    {"列为", PartyAction::kAdd},
    {"移出", PartyAction::kRemove},
    {"移除", PartyAction::kRemove},
    {"删除", PartyAction::kRemove},
    {"剔除", PartyAction::kRemove},
};

constexpr ActionWord kEnActions[] = {
    {"add", PartyAction::kAdd},
    {"adds", PartyAction::kAdd},
    {"added", PartyAction::kAdd},
    {"adding", PartyAction::kAdd},
    {"addition of", PartyAction::kAdd},
    {"place", PartyAction::kAdd},
    {"places", PartyAction::kAdd},
    {"placed", PartyAction::kAdd},
    {"placing", PartyAction::kAdd},
    {"put", PartyAction::kAdd},
    {"puts", PartyAction::kAdd},
    {"putting", PartyAction::kAdd},
    {"include", PartyAction::kAdd},
    {"includes", PartyAction::kAdd},
    {"included", PartyAction::kAdd},
    {"inclusion of", PartyAction::kAdd},
    {"including", PartyAction::kAdd},  // a verb only when no other stands before it
    {"incorporate", PartyAction::kAdd},
    {"incorporated", PartyAction::kAdd},
    {"list", PartyAction::kAdd},
    {"lists", PartyAction::kAdd},
    {"listed", PartyAction::kAdd},
    {"listing", PartyAction::kAdd},
    {"remove", PartyAction::kRemove},
    {"removes", PartyAction::kRemove},
    {"removed", PartyAction::kRemove},
    {"removing", PartyAction::kRemove},
    {"removal of", PartyAction::kRemove},
    {"delist", PartyAction::kRemove},
    {"delists", PartyAction::kRemove},
    {"delisted", PartyAction::kRemove},
    {"delisting", PartyAction::kRemove},
    {"take", PartyAction::kRemove},
    {"takes", PartyAction::kRemove},
    {"took", PartyAction::kRemove},
    {"taken", PartyAction::kRemove},
    {"taking", PartyAction::kRemove},
    {"strike", PartyAction::kRemove},
    {"struck", PartyAction::kRemove},
};

struct ColumnWord {
  std::string_view word;  // ASCII letters lowercase
  Column column;
};
constexpr ColumnWord kColumns[] = {
    {"序号", Column::kNumber},
    {"编号", Column::kNumber},
    {"no.", Column::kNumber},
    {"no", Column::kNumber},
    {"number", Column::kNumber},
    {"s/n", Column::kNumber},
    {"名称", Column::kName},
    {"实体名称", Column::kName},
    {"企业名称", Column::kName},
    {"单位名称", Column::kName},
    {"机构名称", Column::kName},
    {"实体", Column::kName},
    {"name", Column::kName},
    {"names", Column::kName},
    {"entity", Column::kName},
    {"entity name", Column::kName},
    {"name of entity", Column::kName},
    {"中文名称", Column::kNameZh},
    {"中文名", Column::kNameZh},
    {"chinese name", Column::kNameZh},
    {"name (chinese)", Column::kNameZh},
    {"name in chinese", Column::kNameZh},
    {"英文名称", Column::kNameEn},
    {"外文名称", Column::kNameEn},
    {"英文名", Column::kNameEn},
    {"英文", Column::kNameEn},
    {"english name", Column::kNameEn},
    {"name (english)", Column::kNameEn},
    {"name in english", Column::kNameEn},
    {"地址", Column::kAddress},
    {"注册地址", Column::kAddress},
    {"办公地址", Column::kAddress},
    {"address", Column::kAddress},
    {"addresses", Column::kAddress},
    {"国家", Column::kCountry},
    {"国别", Column::kCountry},
    {"国家/地区", Column::kCountry},
    {"国家(地区)", Column::kCountry},
    {"国家或地区", Column::kCountry},
    {"所属国家", Column::kCountry},
    {"所在国", Column::kCountry},
    {"所在国家", Column::kCountry},
    {"country", Column::kCountry},
    {"country/region", Column::kCountry},
    {"备注", Column::kOther},
    {"别名", Column::kOther},
    {"remarks", Column::kOther},
    {"notes", Column::kOther},
    {"alias", Column::kOther},
    {"aliases", Column::kOther},
};

// Mainland names first; Taiwan and Hong Kong names as the Simplified
// matching view reads them.
constexpr Country kCountries[] = {
    {"US", "美国|美方", "United States of America|United States|U.S.A.|U.S.|USA|US|American"},
    {"JP", "日本|日方", "Japan|Japanese"},
    {"GB", "英国|英方", "United Kingdom|U.K.|UK|British|Britain"},
    {"CA", "加拿大", "Canada|Canadian"},
    {"AU", "澳大利亚|澳洲", "Australia|Australian"},
    {"NZ", "新西兰|纽西兰", "New Zealand"},
    {"DE", "德国", "Germany|German"},
    {"FR", "法国", "France|French"},
    {"IT", "意大利|义大利", "Italy|Italian"},
    {"NL", "荷兰", "Netherlands|Dutch"},
    {"BE", "比利时", "Belgium|Belgian"},
    {"CH", "瑞士", "Switzerland|Swiss"},
    {"SE", "瑞典", "Sweden|Swedish"},
    {"LT", "立陶宛", "Lithuania|Lithuanian"},
    {"CZ", "捷克", "Czech Republic|Czechia|Czech"},
    {"KR", "韩国|南韩", "South Korea|Republic of Korea|South Korean|Korean|Korea"},
    {"IN", "印度", "India|Indian"},
    {"IL", "以色列", "Israel|Israeli"},
    {"SG", "新加坡|星加坡", "Singapore|Singaporean"},
    {"UA", "乌克兰", "Ukraine|Ukrainian"},
    {"RU", "俄罗斯", "Russia|Russian"},
    {"TR", "土耳其", "Turkey|Türkiye|Turkish"},
    {"AE", "阿联酋|阿拉伯联合酋长国", "United Arab Emirates|UAE|Emirati"},
};

// Calls f(word) for each '|'-separated word of `words` until f returns true.
template <typename F>
bool AnyWord(std::string_view words, F f) {
  size_t start = 0;
  while (start <= words.size()) {
    size_t bar = words.find('|', start);
    if (bar == std::string_view::npos) bar = words.size();
    if (f(words.substr(start, bar - start))) return true;
    start = bar + 1;
  }
  return false;
}

}  // namespace

std::span<const ListWord> ZhListWords() { return kZhLists; }
std::span<const ListWord> EnListWords() { return kEnLists; }
std::span<const ActionWord> ZhActionWords() { return kZhActions; }
std::span<const ActionWord> EnActionWords() { return kEnActions; }
std::span<const Country> Countries() { return kCountries; }

std::optional<Column> ColumnOf(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
  std::string folded;
  for (char c : cell) folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (const ColumnWord& w : kColumns)
    if (w.word == folded) return w.column;
  return std::nullopt;
}

std::optional<std::string> ZhCountryCode(std::string_view word) {
  for (const Country& c : kCountries)
    if (AnyWord(c.zh, [&](std::string_view w) { return w == word; })) return std::string(c.code);
  return std::nullopt;
}

std::optional<std::string> EnCountryCode(std::string_view word) {
  for (const Country& c : kCountries)
    if (AnyWord(c.en, [&](std::string_view w) { return w == word; })) return std::string(c.code);
  return std::nullopt;
}

std::optional<std::string> ZhCountryAtEnd(std::string_view text, size_t* len) {
  std::optional<std::string> best;
  *len = 0;
  for (const Country& c : kCountries) {
    AnyWord(c.zh, [&](std::string_view w) {
      if (w.size() > *len && text.ends_with(w)) {
        *len = w.size();
        best = std::string(c.code);
      }
      return false;
    });
  }
  return best;
}

std::optional<std::string> ZhCountryAtStart(std::string_view text, size_t* len) {
  std::optional<std::string> best;
  *len = 0;
  for (const Country& c : kCountries) {
    AnyWord(c.zh, [&](std::string_view w) {
      if (w.size() > *len && text.starts_with(w)) {
        *len = w.size();
        best = std::string(c.code);
      }
      return false;
    });
  }
  return best;
}

}  // namespace regdiff::parsers
