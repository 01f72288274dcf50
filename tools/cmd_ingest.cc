// `regdiff ingest PATH...`: reads files and directories into the database.
// One line per file on stdout (new, new-version, alias, reparsed,
// unchanged), one line per failed file on stderr, and one per file skipped
// as no announcement (tools/pipeline.h, CheckAnnouncement: nothing stored);
// the run goes on after a failure and the exit status is 1 if any file
// failed or every file was skipped. Files are stored in batches of
// kBatchFiles, one transaction each with a savepoint per file (see
// AnnouncementStore::BeginBatch): a file that fails rolls back alone, and a
// file's line is printed once its batch is committed.
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
  std::vector<Stored> batch;  // stored in the open batch, printed once it commits
  auto commit = [&]() {
    Status s = (*store)->CommitBatch();
    for (const Stored& st : batch) {
      if (!s.ok()) {
        PrintError(*st.path, s);
        ++failed;
        continue;
      }
      ++counts[static_cast<int>(st.result.outcome)];
      if (!opt.quiet) {
        std::printf("%-11s %-28s %s\n", OutcomeName(st.result.outcome),
                    st.result.doc_id ? st.result.doc_id->c_str() : "-",
                    EscapeControls(*st.path).c_str());
      }
      if (!st.result.warnings.empty()) {
        PrintWarning(*st.path, Join(st.result.warnings, "; "));
      }
    }
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
    if (!result.ok()) {
      PrintError(path, result.status());
      ++failed;
    } else if (result->not_announcement) {
      std::fprintf(stderr, "regdiff: %s: skipped: not an announcement: %s\n",
                   EscapeControls(path).c_str(), EscapeControls(*result->not_announcement).c_str());
      ++not_announcements;
    } else {
      batch.push_back({&path, std::move(result).value()});
    }
    if (i + 1 == inputs.files.size() || (i + 1) % kBatchFiles == 0) commit();
  }
  // The read commands answer from the consolidated state: rebuild it now if
  // anything changed.
  if (Status s = Consolidate(**store); !s.ok()) {
    PrintError("", s);
    ++failed;
  }
  if (!opt.quiet) {
    std::fprintf(stderr,
                 "regdiff: %zu file(s): %d new, %d new version(s), %d alias(es), %d reparsed, "
                 "%d unchanged, %d failed, %d skipped (not an announcement), "
                 "%d skipped (not .html/.htm/.shtml/.txt)\n",
                 inputs.files.size() + inputs.errors.size(),
                 counts[static_cast<int>(PutOutcome::kNewSource)],
                 counts[static_cast<int>(PutOutcome::kNewVersion)],
                 counts[static_cast<int>(PutOutcome::kAlias)],
                 counts[static_cast<int>(PutOutcome::kReparsed)],
                 counts[static_cast<int>(PutOutcome::kUnchanged)], failed, not_announcements,
                 inputs.skipped);
  }
  if (inputs.files.empty() && inputs.errors.empty()) {
    PrintError("", Status::NotFound("no announcement files (.html .htm .shtml .txt) found"));
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
  sub.add_option("paths", opt->paths, "Files or directories (searched recursively)")
      ->required();
  sub.add_flag("-q,--quiet", opt->quiet, "Print only errors");
  sub.callback([&ctx, opt] { ctx.exit_code = RunIngest(ctx, *opt); });
}

}  // namespace regdiff::tools
