// Human-readable rendering of one announcement for the terminal: header,
// effective clauses, item table, relations, parties (list, action, name,
// English name, country) and warnings, each fact with the evidence it was
// read from.
#pragma once

#include <string>

#include "corpus/model.h"

namespace regdiff::diff {

struct RenderOptions {
  bool evidence = true;  // print the evidence line under each fact
};

// Plain UTF-8 text, '\n'-terminated lines; control characters of the
// document's text (ESC in a title) shown as \xNN (corpus/display_text.h).
std::string RenderAnnouncementText(const Announcement& a, const RenderOptions& options = {});

}  // namespace regdiff::diff
