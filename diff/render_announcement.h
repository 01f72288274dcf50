// Human-readable rendering of one announcement for the terminal: header,
// effective clauses, item table, relations, parties (list, action, name,
// English name, country) and warnings, each fact with the evidence it was
// read from.
#pragma once

#include <string>

#include "corpus/model.h"
#include "corpus/text_layout.h"

namespace regdiff::diff {

struct RenderOptions {
  bool evidence = true;  // print the evidence line under each fact
  // The parts and pages of the text the evidence is cut from: each evidence
  // line then ends with where it stands ("[附件1.pdf, page 3]").
  const TextLayout* layout = nullptr;
};

// Plain UTF-8 text, '\n'-terminated lines; control characters of the
// document's text (ESC in a title) shown as \xNN (corpus/display_text.h).
std::string RenderAnnouncementText(const Announcement& a, const RenderOptions& options = {});

}  // namespace regdiff::diff
