// Names, dates, lists and code ranges for diff sentences.
#include "diff/wording.h"

#include <algorithm>
#include <cctype>

#include "corpus/elements.h"
#include "corpus/issuers.h"

namespace regdiff::diff {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string NumberName(int year, int number, SummaryLang lang, std::optional<int> omit_year) {
  if (lang == SummaryLang::kZh) {
    return std::to_string(year) + "年第" + std::to_string(number) + "号公告";
  }
  std::string out = "No. " + std::to_string(number);
  if (!omit_year || *omit_year != year) out += " of " + std::to_string(year);
  return out;
}

// "1C909" -> {"1C", 909}; no trailing digits -> number -1.
struct Base {
  std::string prefix;
  long number = -1;
};

Base SplitBase(std::string_view base) {
  size_t i = base.size();
  while (i > 0 && IsDigit(base[i - 1])) --i;
  Base b;
  b.prefix = std::string(base.substr(0, i));
  if (i < base.size() && base.size() - i <= 9) {
    b.number = std::stol(std::string(base.substr(i)));
  } else {
    b.prefix = std::string(base);
  }
  return b;
}

}  // namespace

std::string_view SummaryLangName(SummaryLang lang) {
  return lang == SummaryLang::kZh ? "zh" : "en";
}

std::optional<SummaryLang> SummaryLangFromName(std::string_view name) {
  if (name == "en") return SummaryLang::kEn;
  if (name == "zh") return SummaryLang::kZh;
  return std::nullopt;
}

std::string DocName(std::string_view doc_id, SummaryLang lang, std::optional<int> omit_year) {
  std::optional<DocIdParts> parts = ParseDocId(doc_id);
  if (!parts) return std::string(doc_id);
  return NumberName(parts->year, parts->number, lang, omit_year);
}

std::string AnnouncementName(const Announcement& a, SummaryLang lang,
                             std::optional<int> omit_year) {
  if (a.year && a.number) return NumberName(*a.year, *a.number, lang, omit_year);
  if (a.doc_id) return DocName(*a.doc_id, lang, omit_year);
  return lang == SummaryLang::kZh ? "该公告" : "the announcement";
}

std::string DateWords(const Date& date, SummaryLang lang) {
  if (lang == SummaryLang::kEn) return date.ToIso();
  return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" +
         std::to_string(date.day) + "日";
}

std::string JoinList(const std::vector<std::string>& parts, SummaryLang lang) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      if (lang == SummaryLang::kZh) out += "、";
      else out += i + 1 == parts.size() ? " and " : ", ";
    }
    out += parts[i];
  }
  return out;
}

std::string ElementWords(const std::vector<std::string>& symbols, SummaryLang lang) {
  std::vector<std::string> names;
  for (const std::string& s : symbols) {
    const ElementEntry* e = FindElementBySymbol(s);
    if (!e) names.push_back(s);
    else names.emplace_back(lang == SummaryLang::kZh ? e->zh : e->en);
  }
  return JoinList(names, lang);
}

bool CodeLess(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (IsDigit(a[i]) && IsDigit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && IsDigit(a[ie])) ++ie;
      while (je < b.size() && IsDigit(b[je])) ++je;
      // Compare digit runs as numbers: strip leading zeros, then length, then digits.
      size_t is = i, js = j;
      while (is + 1 < ie && a[is] == '0') ++is;
      while (js + 1 < je && b[js] == '0') ++js;
      if (ie - is != je - js) return ie - is < je - js;
      int c = a.substr(is, ie - is).compare(b.substr(js, je - js));
      if (c != 0) return c < 0;
      if (ie - i != je - j) return ie - i < je - j;  // "01" after "1"
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

std::string CodeRanges(const std::vector<std::string>& codes) {
  std::vector<std::string> bases;
  for (const std::string& code : codes) bases.push_back(code.substr(0, code.find('.')));
  std::sort(bases.begin(), bases.end(),
            [](const std::string& x, const std::string& y) { return CodeLess(x, y); });
  bases.erase(std::unique(bases.begin(), bases.end()), bases.end());

  std::string out;
  size_t i = 0;
  while (i < bases.size()) {
    const Base first = SplitBase(bases[i]);
    size_t j = i;
    while (j + 1 < bases.size() && first.number >= 0) {
      const Base next = SplitBase(bases[j + 1]);
      const Base cur = SplitBase(bases[j]);
      if (next.prefix != first.prefix || next.number != cur.number + 1)
        break;
      ++j;
    }
    if (!out.empty()) out += ", ";
    out += bases[i];
    if (j > i) out += "\u2013" + bases[j];  // en dash
    i = j + 1;
  }
  return out;
}

std::string Counted(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

}  // namespace regdiff::diff
