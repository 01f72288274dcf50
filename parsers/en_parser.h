// The English announcement parser: MOFCOM's official English releases
// (english.mofcom.gov.cn) and third-party translations by law firms, news
// agencies and trade associations, clean or OCR'd, with page chrome.
#pragma once

#include "corpus/model.h"
#include "corpus/text.h"

namespace regdiff::parsers {

// Extracts everything the text states, with lang kEn. Never fails: a text
// with no announcement facts yields an Announcement with no doc_id and no
// facts.
Announcement ParseEnAnnouncement(const NormalizedText& text);

}  // namespace regdiff::parsers
