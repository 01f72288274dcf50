// `regdiff query --hs CODE | --code CODE | --element SYMBOL [--date D]`: is it
// controlled on D (default: today, UTC), by what, since when. For scripts:
// exit 0 controlled, 1 not controlled, 2 error.
#include <algorithm>
#include <cstdio>

#include "corpus/strings.h"
#include "corpus/timestamp.h"
#include "tools/commands.h"
#include "tools/json_output.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

struct QueryOptions {
  ItemFilter filter;
  std::string date;
  std::string known_at;
  bool json = false;
};

int RunQuery(const CommandContext& ctx, const QueryOptions& opt) {
  if (opt.filter.empty()) {
    PrintError("query", Status::InvalidArgument("give --hs, --code or --element"));
    return kExitUsage;
  }
  if (Status s = ValidateFilter(opt.filter); !s.ok()) {
    PrintError("query", s);
    return kExitUsage;
  }
  Date date = Timestamp::Now().date();
  if (!opt.date.empty()) {
    auto d = ParseDateArg(opt.date, "--date");
    if (!d.ok()) {
      PrintError("query", d.status());
      return kExitUsage;
    }
    date = *d;
  }
  auto parsed_known_at = ParseKnownAt(opt.known_at);
  if (!parsed_known_at.ok()) {
    PrintError("query", parsed_known_at.status());
    return kExitUsage;
  }
  const std::optional<std::string>& known_at = *parsed_known_at;
  auto timeline = LoadTimeline(ctx, known_at);
  if (!timeline.ok()) {
    PrintError("query", timeline.status());
    return kExitUsage;
  }
  std::vector<ItemState> matches;
  for (ItemState& s : timeline->AsOf(date))
    if (Matches(opt.filter, s.code, s.elements, s.hs_codes)) matches.push_back(std::move(s));
  bool controlled = std::any_of(matches.begin(), matches.end(), [](const ItemState& s) {
    return s.status == ItemStatus::kInForce;
  });

  if (opt.json) {
    PrintJson(QueryJson(date, controlled, matches));
  } else {
    std::printf("%s on %s\n", controlled ? "CONTROLLED" : "NOT CONTROLLED", date.ToIso().c_str());
    if (matches.empty()) std::printf("  no stored announcement lists it\n");
    for (const ItemState& s : matches) {
      std::printf("  %-10s %s%s", s.code ? s.code->c_str() : s.key.c_str(),
                  std::string(ItemStatusName(s.status)).c_str(),
                  s.basis == Basis::kInferred ? " (inferred)" : "");
      if (s.since) std::printf(" since %s", s.since->ToIso().c_str());
      if (s.until) std::printf(" until %s", s.until->ToIso().c_str());
      std::printf("  by %s\n", Join(s.governing, ", ").c_str());
    }
  }
  return controlled ? kExitOk : kExitFailure;
}

}  // namespace

void SetupQuery(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<QueryOptions>();
  sub.add_option("--hs", opt->filter.hs, "HS code (8 or 10 digits; prefixes match)");
  sub.add_option("--code", opt->filter.code, "Control code, e.g. 1C909 or 1C909.a");
  sub.add_option("--element", opt->filter.element, "Element symbol, e.g. Ho");
  sub.add_option("--date", opt->date, "The date, YYYY-MM-DD (default: today, UTC)");
  sub.add_option("--known-at", opt->known_at, "Answer with only what was ingested by then");
  sub.add_flag("--json", opt->json, "Print JSON");
  sub.callback([&ctx, opt] { ctx.exit_code = RunQuery(ctx, *opt); });
}

}  // namespace regdiff::tools
