// `regdiff query --hs CODE | --code CODE | --element SYMBOL [--date D]`: is it
// controlled on D (default: today, UTC), by what, since when. For scripts:
// exit 0 controlled, 1 not controlled, 2 error.
// `regdiff query --party NAME [--date D]`: is a party of that name on one of
// MOFCOM's lists (in force) on D: exit 0 listed, 1 not listed (a near miss is
// reported as a possible match and is not listed), 2 error.
#include <cstdio>

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "corpus/timestamp.h"
#include "tools/commands.h"
#include "tools/coverage_note.h"
#include "tools/json_output.h"
#include "tools/party_screening.h"
#include "tools/query_answer.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

struct QueryOptions {
  ItemFilter filter;
  std::string party;
  std::string date;
  std::string known_at;
  bool json = false;
};

std::string PartyLine(const PartyMatch& m) {
  const PartyState& s = m.state;
  std::string name = s.name;
  if (s.name_en && *s.name_en != s.name) name += " (" + *s.name_en + ")";
  std::string line = std::string(PartyListName(s.list)) + "  " + name + "  " +
                     std::string(PartyStatusName(s.status));
  if (s.basis == Basis::kInferred) line += " (inferred)";
  if (s.since) line += ", listed since " + s.since->ToIso();
  line += " by " + s.listed_by;
  if (s.status != PartyStatus::kInForce && s.status_since)
    line += ", " + std::string(PartyStatusName(s.status)) + " since " + s.status_since->ToIso();
  if (s.governing.size() > 1) line += " (" + Join(s.governing, ", ") + ")";
  return line;
}

void PrintPartyAnswer(const Date& date, const PartyScreening& screening,
                      const Coverage& coverage, const QueryOptions& opt) {
  std::printf("%s on %s: %s\n", screening.listed ? "LISTED" : "NOT LISTED",
              date.ToIso().c_str(), EscapeControls(opt.party).c_str());
  // Names come from documents: shown, never sent to the terminal raw.
  for (const PartyMatch& m : screening.matches) {
    std::printf("  %s; matched \"%s\"\n", EscapeControls(PartyLine(m)).c_str(),
                EscapeControls(m.matched_name).c_str());
  }
  if (screening.matches.empty()) std::printf("  no listed party has this name\n");
  for (const PartyMatch& m : screening.possible) {
    std::printf("  possible match (similarity %.2f, not a hit): %s; name \"%s\"\n",
                m.similarity, EscapeControls(PartyLine(m)).c_str(),
                EscapeControls(m.matched_name).c_str());
  }
  std::printf("(%s)\n", CoverageNote(coverage).c_str());
}

void PrintItemAnswer(const Date& date, const QueryAnswer& answer) {
  std::printf("%s on %s\n", answer.controlled ? "CONTROLLED" : "NOT CONTROLLED",
              date.ToIso().c_str());
  if (answer.items.empty()) std::printf("  no stored announcement lists it\n");
  for (const ItemState& s : answer.items) {
    std::printf("  %-10s %s%s", s.code ? s.code->c_str() : s.key.c_str(),
                std::string(ItemStatusName(s.status)).c_str(),
                s.basis == Basis::kInferred ? " (inferred)" : "");
    if (s.since) std::printf(" since %s", s.since->ToIso().c_str());
    if (s.until) std::printf(" until %s", s.until->ToIso().c_str());
    std::printf("  by %s\n", Join(s.governing, ", ").c_str());
  }
  std::printf("(%s)\n", CoverageNote(answer.coverage).c_str());
}

int RunQuery(const CommandContext& ctx, QueryOptions opt) {
  if (Status s = CheckQueryQuestion(opt.filter, opt.party); !s.ok()) {
    PrintError("query", s);
    return kExitUsage;
  }
  QueryQuestion question{opt.filter, opt.party, Timestamp::Now().date(), std::nullopt};
  if (!opt.date.empty()) {
    auto d = ParseDateArg(opt.date, "--date");
    if (!d.ok()) {
      PrintError("query", d.status());
      return kExitUsage;
    }
    question.date = *d;
  }
  auto parsed_known_at = ParseKnownAt(opt.known_at);
  if (!parsed_known_at.ok()) {
    PrintError("query", parsed_known_at.status());
    return kExitUsage;
  }
  question.known_at = *parsed_known_at;
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) {
    PrintError("query", store.status());
    return kExitUsage;
  }
  auto answer = AnswerQuery(**store, question);
  if (!answer.ok()) {
    PrintError("query", answer.status());
    return kExitUsage;
  }
  WarnWhenNothingStored("query", answer->coverage);
  if (opt.json) {
    PrintJson(QueryAnswerJson(question, *answer));
  } else if (answer->party) {
    PrintPartyAnswer(question.date, answer->screening, answer->coverage, opt);
  } else {
    PrintItemAnswer(question.date, *answer);
  }
  return answer->Positive() ? kExitOk : kExitFailure;
}

}  // namespace

void SetupQuery(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<QueryOptions>();
  sub.add_option("--hs", opt->filter.hs, "HS code (8 or 10 digits; prefixes match)");
  sub.add_option("--code", opt->filter.code, "Control code, e.g. 1C909 or 1C909.a");
  sub.add_option("--element", opt->filter.element, "Element (Ho, 钬, 鈥 or holmium)");
  sub.add_option("--party", opt->party,
                 "A party's name (any script, company form or width), e.g. \"Subaru Corp.\"");
  sub.add_option("--date", opt->date, "The date, YYYY-MM-DD (default: today, UTC)");
  sub.add_option("--known-at", opt->known_at, "Answer with only what was ingested by then");
  sub.add_flag("--json", opt->json, "Print JSON");
  sub.callback([&ctx, opt] { ctx.exit_code = RunQuery(ctx, *opt); });
}

}  // namespace regdiff::tools
