// The order in which the texts of one announcement are preferred: Chinese
// (the official text) first, then Traditional Chinese, then English, then
// a text of unknown language. The timeline merges, `diff` picks and the
// Atom feed titles by it.
#pragma once

#include "corpus/model.h"

namespace regdiff {

// 0 for zh, 1 for zh-hant, 2 for en, 3 for unknown: lower is preferred.
inline int LangRank(Lang lang) {
  switch (lang) {
    case Lang::kZh: return 0;
    case Lang::kZhHant: return 1;
    case Lang::kEn: return 2;
    case Lang::kUnknown: break;
  }
  return 3;
}

}  // namespace regdiff
