// Matching the names of listed parties: one key per printed name, so that
// "SUBARU CORPORATION", "Subaru Corp." and "ＳＵＢＡＲＵ　Ｃｏｒｐｏｒａｔｉｏｎ" are one
// organisation, and "斯巴鲁株式会社" with "斯巴鲁" another spelling of it in
// Chinese. Screening (`query --party`), the party timeline, search and diff
// all compare keys made here and nowhere else.
//
// The key does not fold Traditional to Simplified script: corpus/ has no
// OpenCC. Callers holding Traditional text pass it through the parsers'
// Simplified view first (the parser does so for Party::key; tools/ for a
// name typed on the command line).
#pragma once

#include <string>
#include <string_view>

namespace regdiff {

// The match key of a name, from Simplified or Latin text:
// - full-width forms folded to ASCII (Ｃｏ．→ co.), the ideographic space to
//   a space; ASCII letters lower-cased;
// - company forms taken off the end (Latin: co, ltd, limited, inc,
//   incorporated, corp, corporation, company, llc, plc, gmbh, ag, kk, …;
//   Chinese and Japanese: 股份有限公司, 有限责任公司, 有限公司, 株式会社, 公司, …)
//   and 株式会社 off the start, as long as something is left;
// - white space and punctuation (ASCII, CJK, the middle dots) dropped.
// "" when nothing but spaces and punctuation remains.
std::string PartyNameKey(std::string_view name);

// How alike two keys are, 0 to 1: one minus the edit distance (over code
// points) divided by the longer length; 1 for equal keys, 0 when either is
// empty. For reporting possible matches, never for deciding a hit.
double NameSimilarity(std::string_view key_a, std::string_view key_b);

}  // namespace regdiff
