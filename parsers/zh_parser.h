// The Chinese announcement parser: MOFCOM, GACC, MIIT and SCS announcements in
// Simplified or Traditional Chinese, clean or copied through news and law
// sites (chrome, glosses, stripped codes, cut-off lists).
#pragma once

#include "corpus/model.h"
#include "corpus/text.h"

namespace regdiff::parsers {

// Extracts everything the text states. Never fails: a text with no
// announcement facts yields an Announcement with no doc_id and no facts.
Announcement ParseZhAnnouncement(const NormalizedText& text);
// The same for a caller that has already run DetectLang(text) (`lang`).
Announcement ParseZhAnnouncement(const NormalizedText& text, Lang lang);

}  // namespace regdiff::parsers
