// `regdiff diff`'s report built from the store: two announcements (DOC,
// DOC@N, DOC:LANG) or the control list on two dates. Shared by `diff` and
// `serve` (/api/diff, /diff), so both give the same report to the same
// question.
#pragma once

#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/store.h"
#include "diff/report.h"

namespace regdiff::tools {

// What `diff` is asked: two operands (DOC, DOC@N, DOC:LANG, DOC:LANG@N) or
// two dates (YYYY-MM-DD, the `--asof` values), never both.
struct DiffQuestion {
  std::vector<std::string> operands;
  std::vector<std::string> asof;
};

// The question `regdiff serve` is asked as /api/diff?from=&to= (and /diff):
// each side a date, YYYY-MM-DD (the control list on that date, as
// `diff --asof FROM --asof TO`), or an operand (as `diff FROM TO`); a date
// with an announcement is refused, as the CLI refuses --asof with
// operands. Errors: kInvalidArgument naming `from` or `to`.
Result<DiffQuestion> DiffQuestionFrom(const std::string& from, const std::string& to);

// Checks the question's shape without the store: two operands or two dates,
// not both, operands well formed, dates YYYY-MM-DD, no text diff between
// dates (`options.text`). Errors: kInvalidArgument, worded with the CLI's
// flags (--asof, --text).
Status CheckDiffQuestion(const DiffQuestion& question, const diff::ReportOptions& options);

// The report for a question (checked by CheckDiffQuestion first).
// `with_history`: the element history the HTML report draws is loaded too.
// When an operand fits several stored texts of one language, the sentence
// naming the one compared is appended to `warnings`. Errors:
// kInvalidArgument (a bad question, an ambiguous short id), kNotFound (no
// such announcement, language or version), kDatabase.
Result<diff::DiffReport> BuildDiffReport(AnnouncementStore& store, const DiffQuestion& question,
                                         const diff::ReportOptions& options, bool with_history,
                                         std::vector<std::string>* warnings);

}  // namespace regdiff::tools
