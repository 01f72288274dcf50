// The terminal form of a DiffReport: the two sides, the summary with its
// evidence, the item, date, relation and status changes as +/-/~ lines, and
// the text diff in unified form. ANSI colour only when asked for.
#pragma once

#include <string>

#include "diff/report.h"

namespace regdiff::diff {

struct TerminalOptions {
  bool color = false;     // ANSI colours (the CLI asks on a TTY without NO_COLOR)
  bool evidence = true;   // quote the evidence under each summary sentence
};

std::string RenderTerminal(const DiffReport& report, const TerminalOptions& options = {});

}  // namespace regdiff::diff
