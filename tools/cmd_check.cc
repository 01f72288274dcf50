// `regdiff check [--quick] [--json]`: the health of the database file
// (corpus/store_check.h): SQLite's integrity check, the schema version, the
// rows of each kind, orphan rows, the consolidated state and the search
// index. Opens the file read-only and migrates nothing. Exit 0 healthy,
// 1 a fault found (or a file that is no database), 2 usage error.
#include <cstdio>
#include <string>

#include "corpus/store_check.h"
#include "tools/commands.h"
#include "tools/json_output.h"

namespace regdiff::tools {
namespace {

struct CheckOptions {
  bool quick = false;
  bool json = false;
};

Json CheckJson(const std::string& path, const StoreCheck& check) {
  Json j = Json::object();
  j["database"] = path;
  j["healthy"] = check.Healthy();
  j["integrity_check"] = check.depth == IntegrityDepth::kQuick ? "quick_check" : "integrity_check";
  j["integrity"] = check.integrity;
  j["schema_version"] = check.schema_version;
  j["expected_schema_version"] = check.expected_version;
  if (check.counts) {
    const StoreCheckCounts& c = *check.counts;
    j["counts"] = {{"announcements", c.announcements}, {"texts", c.texts},
                   {"documents", c.documents},         {"items", c.items},
                   {"parties", c.parties},             {"events", c.events}};
  }
  Json orphans = Json::array();
  for (const OrphanRows& o : check.orphans) {
    orphans.push_back({{"table", o.table}, {"refers_to", o.parent}, {"rows", o.rows}});
  }
  j["orphans"] = orphans;
  if (check.counts) {
    j["consolidated"] = {{"built", check.consolidated_built},
                         {"current", check.consolidated_current},
                         {"changed_announcements", check.changed_announcements},
                         {"malformed_states", check.malformed_states}};
    j["search_index"] = {{"unindexed_texts", check.unindexed_texts}};
  }
  return j;
}

void PrintReport(const std::string& path, const StoreCheck& check) {
  std::printf("database   %s\n", path.c_str());
  const char* pragma = check.depth == IntegrityDepth::kQuick ? "quick_check" : "integrity_check";
  if (check.integrity.empty()) {
    std::printf("integrity  ok (%s)\n", pragma);
  } else {
    std::printf("integrity  FAULT: %s names %zu problem%s\n", pragma, check.integrity.size(),
                check.integrity.size() == 1 ? "" : "s");
    for (const std::string& line : check.integrity) std::printf("           %s\n", line.c_str());
  }
  if (check.schema_version == check.expected_version) {
    std::printf("schema     %d\n", check.schema_version);
  } else if (check.schema_version > check.expected_version) {
    std::printf("schema     FAULT: %d, newer than this regdiff (%d)\n", check.schema_version,
                check.expected_version);
  } else if (check.integrity.empty()) {
    std::printf("schema     %d (this regdiff writes %d; the next ingest migrates it)\n",
                check.schema_version, check.expected_version);
  }
  if (check.counts) {
    const StoreCheckCounts& c = *check.counts;
    std::printf(
        "rows       %lld announcements, %lld texts, %lld documents, %lld items, %lld parties, "
        "%lld watch events\n",
        static_cast<long long>(c.announcements), static_cast<long long>(c.texts),
        static_cast<long long>(c.documents), static_cast<long long>(c.items),
        static_cast<long long>(c.parties), static_cast<long long>(c.events));
  }
  if (check.integrity.empty()) {
    if (check.orphans.empty()) std::printf("orphans    none\n");
    for (const OrphanRows& o : check.orphans) {
      std::printf("orphans    FAULT: %lld %s row%s refer%s to a missing %s row\n",
                  static_cast<long long>(o.rows), o.table.c_str(), o.rows == 1 ? "" : "s",
                  o.rows == 1 ? "s" : "", o.parent.c_str());
    }
  }
  if (check.counts) {
    if (check.malformed_states > 0) {
      std::printf("states     FAULT: %lld consolidated states are not valid JSON\n",
                  static_cast<long long>(check.malformed_states));
    }
    if (!check.consolidated_built) {
      std::printf("state      not built (read commands rebuild the timeline; the next ingest "
                  "builds it)\n");
    } else if (check.consolidated_current) {
      std::printf("state      current\n");
    } else {
      std::printf("state      stale: %lld announcements changed since it was built (read "
                  "commands rebuild the timeline; the next ingest updates it)\n",
                  static_cast<long long>(check.changed_announcements));
    }
    if (check.unindexed_texts == 0) {
      std::printf("search     index current\n");
    } else {
      std::printf("search     index stale: %lld text%s not indexed yet (the next search adds "
                  "them where it may write)\n",
                  static_cast<long long>(check.unindexed_texts),
                  check.unindexed_texts == 1 ? "" : "s");
    }
  }
  std::printf("%s\n", check.Healthy() ? "healthy" : "FAULTS FOUND");
}

int RunCheck(const CommandContext& ctx, const CheckOptions& opt) {
  auto check = CheckStoreFile(ctx.db_path, opt.quick ? IntegrityDepth::kQuick
                                                     : IntegrityDepth::kFull);
  if (!check.ok()) {
    PrintError("check", check.status().WithContext(ctx.db_path));
    return kExitFailure;
  }
  if (opt.json) {
    PrintJson(CheckJson(ctx.db_path, *check));
  } else {
    PrintReport(ctx.db_path, *check);
  }
  return check->Healthy() ? kExitOk : kExitFailure;
}

}  // namespace

void SetupCheck(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<CheckOptions>();
  sub.add_flag("--quick", opt->quick,
               "SQLite's quick_check instead of integrity_check: linear time, indexes not "
               "compared with their tables");
  sub.add_flag("--json", opt->json, "Print JSON");
  sub.callback([&ctx, opt] { ctx.exit_code = RunCheck(ctx, *opt); });
}

}  // namespace regdiff::tools
