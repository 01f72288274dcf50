// How diffs name things in sentences, in English and Chinese: announcements
// ("No. 57 of 2025", "2025年第57号公告"), dates, element lists ("holmium,
// erbium and thulium", "钬、铒、铥"), compressed control-code ranges
// ("1C909–1C913") and counted nouns. Deterministic: the same input always
// gives the same words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/date.h"
#include "corpus/model.h"

namespace regdiff::diff {

// The languages summaries are written in.
enum class SummaryLang { kEn, kZh };
std::string_view SummaryLangName(SummaryLang lang);  // "en", "zh"
std::optional<SummaryLang> SummaryLangFromName(std::string_view name);

// "No. 57 of 2025" (" of 2025" left out when `year` equals `omit_year`),
// "2025年第57号公告"; `doc_id` itself when it is not a regdiff doc_id.
std::string DocName(std::string_view doc_id, SummaryLang lang,
                    std::optional<int> omit_year = std::nullopt);

// As DocName, from an announcement's own number; "the announcement" /
// "该公告" when it has neither a number nor a doc_id.
std::string AnnouncementName(const Announcement& a, SummaryLang lang,
                             std::optional<int> omit_year = std::nullopt);

// "2025-11-08" / "2025年11月8日".
std::string DateWords(const Date& date, SummaryLang lang);

// "a", "a and b", "a, b and c" / "a、b、c".
std::string JoinList(const std::vector<std::string>& parts, SummaryLang lang);

// Element names in the order given: "holmium, erbium and ytterbium" /
// "钬、铒、镱". Unknown symbols are kept as symbols.
std::string ElementWords(const std::vector<std::string>& symbols, SummaryLang lang);

// Control codes compressed to their bases and runs of consecutive bases:
// {1C909.a, 1C909.b, 1C910.a, 1C911.c, 1E902.a} -> "1C909–1C911, 1E902".
// Bases are the part before the first '.', ordered by CodeLess. En dash.
std::string CodeRanges(const std::vector<std::string>& codes);

// Natural order of control codes and keys: digit runs compare as numbers
// ("1C99" < "1C902"), everything else bytewise.
bool CodeLess(std::string_view a, std::string_view b);

// "1 code", "15 codes": `n` and the singular or plural noun (English only).
std::string Counted(size_t n, std::string_view singular, std::string_view plural);

}  // namespace regdiff::diff
