// `regdiff ingest PATH...`: reads files and directories into the database.
// One line per file on stdout (new, new-version, alias, reparsed,
// unchanged), one line per failed file on stderr, and one per file skipped
// as no announcement (tools/pipeline.h, CheckAnnouncement: nothing stored);
// the run goes on after a failure and the exit status is 1 if any file
// failed or every file was skipped. Files are stored in batches of
// kBatchFiles, one transaction each with a savepoint per file (see
// AnnouncementStore::BeginBatch): a file that fails rolls back alone, and a
// file's line is printed once its batch is committed. A batch lost whole (its
// commit failed, or an error rolled back its transaction) is stored again
// file by file, each in a transaction of its own, so one bad document still
// fails alone.
#include <cstdio>
#include <string>
#include <vector>

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "corpus/timestamp.h"
#include "ingest/input_files.h"
#include "tools/commands.h"
#include "tools/consolidate.h"
#include "tools/pipeline.h"

namespace regdiff::tools {
namespace {

const char* OutcomeName(PutOutcome o) {
  switch (o) {
    case PutOutcome::kNewSource: return "new";
    case PutOutcome::kNewVersion: return "new-version";
    case PutOutcome::kUnchanged: return "unchanged";
    case PutOutcome::kReparsed: return "reparsed";
    case PutOutcome::kAlias: return "alias";
  }
  return "?";
}

// Files per transaction: large enough that commits (WAL frames, checkpoints,
// full-text index segments) cost little per file, small enough that an
// interrupted run loses little and other readers are not held off long.
constexpr size_t kBatchFiles = 256;

struct IngestOptions {
  std::vector<std::string> paths;
  bool quiet = false;
};

int RunIngest(const CommandContext& ctx, const IngestOptions& opt) {
  ingest::InputFiles inputs = ingest::ListInputFiles(opt.paths);
  int failed = 0;
  for (const auto& [path, status] : inputs.errors) {
    PrintError(path, status);
    ++failed;
  }
  // A FIFO or device in a walked directory is no failure of the run.
  for (const auto& [path, kind] : inputs.special) {
    std::fprintf(stderr, "regdiff: %s: skipped: %s, not a regular file\n",
                 EscapeControls(path).c_str(), kind.c_str());
  }
  auto store = OpenStore(ctx);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  const bool progress = StderrIsTerminal() && !opt.quiet && inputs.files.size() > 20;
  int counts[5] = {};
  int not_announcements = 0;
  const Timestamp retrieved_at = Timestamp::Now();
  struct Stored {
    const std::string* path;
    IngestResult result;
  };
  // What became of one file: its line on stdout, or on stderr why not.
  auto report = [&](const std::string& path, Result<IngestResult> result) {
    if (!result.ok()) {
      PrintError(path, result.status());
      ++failed;
      return;
    }
    if (result->not_announcement) {
      std::fprintf(stderr, "regdiff: %s: skipped: not an announcement: %s\n",
                   EscapeControls(path).c_str(), EscapeControls(*result->not_announcement).c_str());
      ++not_announcements;
      return;
    }
    ++counts[static_cast<int>(result->outcome)];
    if (!opt.quiet) {
      std::printf("%-11s %-28s %s\n", OutcomeName(result->outcome),
                  result->doc_id ? result->doc_id->c_str() : "-", EscapeControls(path).c_str());
    }
    if (!result->warnings.empty()) PrintWarning(path, Join(result->warnings, "; "));
  };
  std::vector<Stored> batch;  // stored in the open batch, printed once it commits
  // The batch was lost whole (its commit failed, or an error inside SQLite
  // rolled its transaction back): each of its files, and `also` when given,
  // is ingested again in a transaction of its own, so that only a file
  // whose own write fails is reported failed.
  auto one_by_one = [&](const Status& why, const std::string* also) {
    (*store)->RollbackBatch();
    std::vector<const std::string*> again;
    for (const Stored& st : batch) again.push_back(st.path);
    if (also) again.push_back(also);
    batch.clear();
    std::string note = "a batch of ";
    note.append(std::to_string(again.size()))
        .append(" file(s) was rolled back (")
        .append(why.message())
        .append("); storing them one at a time");
    PrintWarning("", note);
    for (const std::string* path : again) report(*path, IngestFile(**store, *path, retrieved_at));
  };
  // The last batch commits with the consolidated state brought up to date
  // in its own transaction: a reader (regdiff serve) never sees these texts
  // beside a stale state, which it would answer from the whole timeline
  // rebuilt, reading every stored text. A failed update is rolled back to
  // its savepoint; the Consolidate after the loop tries again and says why.
  auto commit = [&](bool last) {
    if (!(*store)->InBatch()) return;
    if (last) (void)ConsolidateInTransaction(**store);
    Status s = (*store)->CommitBatch();
    if (!s.ok()) {
      one_by_one(s, nullptr);
      return;
    }
    for (Stored& st : batch) report(*st.path, std::move(st.result));
    batch.clear();
  };
  for (size_t i = 0; i < inputs.files.size(); ++i) {
    const std::string& path = inputs.files[i];
    if (!(*store)->InBatch()) {
      Status s = (*store)->BeginBatch();
      if (!s.ok()) {
        PrintError("", s);
        return kExitFailure;
      }
    }
    if (progress) std::fprintf(stderr, "\r[%zu/%zu] ", i + 1, inputs.files.size());
    auto result = IngestFile(**store, path, retrieved_at);
    if (progress) std::fprintf(stderr, "\r\033[K");
    if (!result.ok() && (*store)->BatchLost()) {
      one_by_one(result.status(), &path);
    } else if (!result.ok() || result->not_announcement) {
      report(path, std::move(result));
    } else {
      batch.push_back({&path, std::move(result).value()});
    }
    const bool last = i + 1 == inputs.files.size();
    if (last || (i + 1) % kBatchFiles == 0) commit(last);
  }
  // The read commands answer from the consolidated state: rebuild it now if
  // anything changed that the last batch did not (a batch stored file by
  // file after a failure, an update that failed inside it).
  if (Status s = Consolidate(**store); !s.ok()) {
    PrintError("", s);
    ++failed;
  }
  if (!opt.quiet) {
    std::fprintf(stderr,
                 "regdiff: %zu file(s): %d new, %d new version(s), %d alias(es), %d reparsed, "
                 "%d unchanged, %d failed, %d skipped (not an announcement), "
                 "%d skipped (not .html/.htm/.shtml/.txt/.pdf/.docx/.xlsx)\n",
                 inputs.files.size() + inputs.errors.size(),
                 counts[static_cast<int>(PutOutcome::kNewSource)],
                 counts[static_cast<int>(PutOutcome::kNewVersion)],
                 counts[static_cast<int>(PutOutcome::kAlias)],
                 counts[static_cast<int>(PutOutcome::kReparsed)],
                 counts[static_cast<int>(PutOutcome::kUnchanged)], failed, not_announcements,
                 inputs.skipped);
  }
  if (inputs.files.empty() && inputs.errors.empty()) {
    PrintError("", Status::NotFound("no announcement files (.html .htm .shtml .txt .pdf .docx .xlsx) found"));
    return kExitFailure;
  }
  // A page that is no announcement is skipped, not failed; but a run in
  // which every file was skipped found nothing.
  const bool nothing_found = not_announcements > 0 &&
                             not_announcements == static_cast<int>(inputs.files.size());
  return failed || nothing_found ? kExitFailure : kExitOk;
}

}  // namespace

void SetupIngest(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<IngestOptions>();
  sub.add_option("paths", opt->paths,
                 "Files or directories (searched recursively): HTML, text, PDF, DOCX, XLSX")
      ->required();
  sub.add_flag("-q,--quiet", opt->quiet, "Print only errors");
  sub.callback([&ctx, opt] { ctx.exit_code = RunIngest(ctx, *opt); });
}

}  // namespace regdiff::tools
