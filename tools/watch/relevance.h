// Whether a listed page is about export control, for sources whose lists
// mix it with everything else a ministry publishes (customs' quarantine
// rules, MOFCOM's trade fairs): a title naming export control, its lists or
// dual-use items, or a parse that found what only such texts hold.
#pragma once

#include <string_view>

#include "corpus/model.h"

namespace regdiff::watch {

// A title (link text or parsed title) naming export control, dual-use items
// or one of MOFCOM's lists, in Simplified or Traditional Chinese or English.
bool TitleIsAboutExportControl(std::string_view title);

// A parse holding controlled items (a control code or an HS code), listed
// parties, or relations to other announcements.
bool FactsAreAboutExportControl(const Announcement& document);

}  // namespace regdiff::watch
