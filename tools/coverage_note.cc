// The coverage line and the empty-database warning.
#include "tools/coverage_note.h"

#include "tools/cli_context.h"

namespace regdiff::tools {

std::string CoverageNote(const Coverage& c) {
  if (c.announcements == 0 && c.texts == 0) return "based on no stored announcement";
  std::string note = "based on " + std::to_string(c.announcements) +
                     (c.announcements == 1 ? " announcement" : " announcements");
  if (c.texts != c.announcements) note += " (" + std::to_string(c.texts) + " texts)";
  if (c.latest_published) note += ", latest published " + c.latest_published->ToIso();
  if (c.last_ingest) note += ", last ingest " + *c.last_ingest;
  return note;
}

void WarnWhenNothingStored(std::string_view command, const Coverage& c) {
  if (c.texts > 0) return;
  PrintWarning(command,
               "the database holds no announcement, so this answer rests on nothing "
               "(ingest announcements first: regdiff ingest FILE|DIR|URL)");
}

}  // namespace regdiff::tools
