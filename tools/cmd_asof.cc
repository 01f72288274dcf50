// `regdiff asof DATE`: every controlled item and its HS codes on DATE, with
// its status (in force, suspended, not yet in force, repealed), whether that
// status is stated or inferred, the announcements that govern it and the
// sentence that says so; then the parties on each of MOFCOM's lists that day
// (in force, suspended, removed) with the announcement that listed them.
#include <cstdio>
#include <map>

#include "corpus/strings.h"
#include "tools/commands.h"
#include "corpus/store_coverage.h"
#include "tools/coverage_note.h"
#include "tools/json_output.h"
#include "tools/text_table.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

std::string OptDate(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

struct AsofOptions {
  std::string date;
  std::string known_at;
  ItemFilter filter;
  bool json = false;
  std::string format = "text";
  bool evidence = false;
  bool items_only = false;
  bool parties_only = false;
};

// The parties' table; with `evidence`, the sentences behind each (a note
// under the row in text, a column in Markdown and CSV).
Table PartiesTable(const std::vector<PartyState>& parties, bool evidence, TableFormat format) {
  std::vector<std::string> headers = {"LIST", "STATUS", "SINCE", "LISTED BY", "COUNTRY", "NAME"};
  const bool evidence_column = evidence && format != TableFormat::kText;
  if (evidence_column) headers.push_back("EVIDENCE");
  Table table(headers);
  for (const PartyState& s : parties) {
    std::string status(PartyStatusName(s.status));
    if (s.basis == Basis::kInferred) status += " (inferred)";
    std::string name = s.name;
    if (s.name_en && *s.name_en != s.name) name += " (" + *s.name_en + ")";
    std::vector<std::string> quotes;
    if (evidence && !s.evidence.empty()) quotes.push_back(s.evidence);
    if (evidence && s.status != PartyStatus::kInForce && !s.status_evidence.empty())
      quotes.push_back(s.status_evidence);
    std::vector<std::string> cells = {std::string(PartyListName(s.list)), status,
                                      OptDate(s.since), s.listed_by, s.country.value_or(""),
                                      name};
    if (evidence_column) cells.push_back(Join(quotes, " / "));
    table.AddRow(std::move(cells), evidence_column ? "" : Join(quotes, "\n    \u00bb "));
  }
  return table;
}

// "parties: control_list 3 listed, 0 suspended, 0 removed; ..."
std::string PartyCounts(const std::vector<PartyState>& parties) {
  std::map<std::pair<PartyList, PartyStatus>, int> counts;
  for (const PartyState& s : parties) ++counts[{s.list, s.status}];
  std::vector<std::string> per_list;
  for (PartyList list : {PartyList::kControlList, PartyList::kWatchList,
                         PartyList::kUnreliableEntityList}) {
    int in_force = counts[{list, PartyStatus::kInForce}];
    int suspended = counts[{list, PartyStatus::kSuspended}];
    int removed = counts[{list, PartyStatus::kRemoved}];
    if (in_force + suspended + removed + counts[{list, PartyStatus::kNotYetInForce}] == 0) continue;
    per_list.push_back(std::string(PartyListName(list)) + " " + std::to_string(in_force) +
                       " listed, " + std::to_string(suspended) + " suspended, " +
                       std::to_string(removed) + " removed");
  }
  return "parties: " + (per_list.empty() ? std::string("none listed") : Join(per_list, "; "));
}

void PrintParties(const std::vector<PartyState>& parties, bool evidence) {
  std::printf("\n%s", PartiesTable(parties, evidence, TableFormat::kText).RenderText().c_str());
  std::printf("%s\n", PartyCounts(parties).c_str());
}

Table ItemsTable(const std::vector<ItemState>& rows, bool evidence, TableFormat format) {
  std::vector<std::string> headers = {"CODE",     "STATUS",      "SINCE",   "UNTIL",
                                      "ELEMENTS", "GOVERNED BY", "HS CODES"};
  const bool evidence_column = evidence && format != TableFormat::kText;
  if (evidence_column) headers.push_back("EVIDENCE");
  Table table(headers);
  for (const ItemState& s : rows) {
    std::string status(ItemStatusName(s.status));
    if (s.basis == Basis::kInferred) status += " (inferred)";
    std::vector<std::string> cells = {s.code ? *s.code : s.key,    status,
                                      OptDate(s.since),           OptDate(s.until),
                                      Join(s.elements, ","),      Join(s.governing, " "),
                                      Join(s.hs_codes, " ")};
    if (evidence_column) cells.push_back(s.evidence);
    table.AddRow(std::move(cells), evidence && !evidence_column ? s.evidence : "");
  }
  return table;
}

int RunAsof(const CommandContext& ctx, AsofOptions opt) {
  TableFormat format = TableFormat::kText;
  if (opt.format == "json") {
    opt.json = true;
  } else if (!ParseTableFormat(opt.format, &format)) {
    PrintError("asof", Status::InvalidArgument("--format wants text, json, markdown or csv, got '" +
                                               opt.format + "'"));
    return kExitUsage;
  }
  auto date = ParseDateArg(opt.date, "DATE");
  if (!date.ok()) {
    PrintError("asof", date.status());
    return kExitUsage;
  }
  auto parsed_known_at = ParseKnownAt(opt.known_at);
  if (!parsed_known_at.ok()) {
    PrintError("asof", parsed_known_at.status());
    return kExitUsage;
  }
  const std::optional<std::string>& known_at = *parsed_known_at;
  if (Status s = ResolveFilter(opt.filter); !s.ok()) {
    PrintError("asof", s);
    return kExitUsage;
  }
  if (opt.items_only && opt.parties_only) {
    PrintError("asof", Status::InvalidArgument("give --items-only or --parties-only, not both"));
    return kExitUsage;
  }
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) {
    PrintError("asof", store.status());
    return kExitFailure;
  }
  auto coverage = ReadCoverage((*store)->db(), known_at);
  if (!coverage.ok()) {
    PrintError("asof", coverage.status());
    return kExitFailure;
  }
  WarnWhenNothingStored("asof", *coverage);
  // Parties have no element, code or HS code: an item filter leaves them out.
  const bool items = !opt.parties_only, with_parties = !opt.items_only && opt.filter.empty();
  if (opt.json) {
    // Written as the items are read, none held.
    AsofJsonWriter out(
        [](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); },
        *date, known_at, *coverage);
    auto parties = VisitStatesOn(**store, *date, known_at, opt.filter, items, with_parties,
                                 [&](const ItemState& s) { out.Item(s); });
    if (!parties.ok()) {
      PrintError("asof", parties.status());
      return kExitFailure;
    }
    out.Finish(*parties);
    return kExitOk;
  }
  auto states = StatesOn(**store, *date, known_at, opt.filter, items, with_parties);
  if (!states.ok()) {
    PrintError("asof", states.status());
    return kExitFailure;
  }
  const std::vector<ItemState>& rows = states->items;
  const std::vector<PartyState>& parties = states->parties;
  if (format != TableFormat::kText) {
    // Markdown and CSV: one table; both kinds in Markdown, under headings.
    const bool both = !opt.items_only && !opt.parties_only && opt.filter.empty();
    if (format == TableFormat::kCsv && both) {
      PrintError("asof", Status::InvalidArgument(
                             "--format csv prints one table: add --items-only or --parties-only"));
      return kExitUsage;
    }
    std::string out;
    if (format == TableFormat::kMarkdown) {
      out += "# As of " + date->ToIso() + (known_at ? ", known at " + *known_at : "") + "\n\n";
      std::string note = CoverageNote(*coverage);
      note[0] = 'B';  // "based on ..." opens a sentence here
      out += note + ".\n\n";
    }
    if (!opt.parties_only) {
      if (both) out += "## Items\n\n";
      out += ItemsTable(rows, opt.evidence, format).Render(format);
    }
    if (!opt.items_only && opt.filter.empty()) {
      if (both) out += "\n## Parties\n\n";
      out += PartiesTable(parties, opt.evidence, format).Render(format);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  if (opt.parties_only) {
    PrintParties(parties, opt.evidence);
    std::printf("(%s)\n", CoverageNote(*coverage).c_str());
    return kExitOk;
  }

  std::map<ItemStatus, int> counts;
  for (const ItemState& s : rows) ++counts[s.status];
  std::printf("%s", ItemsTable(rows, opt.evidence, TableFormat::kText).RenderText().c_str());
  std::printf("\nas of %s%s: %d in force, %d suspended, %d not yet in force, %d repealed "
              "(suspension end dates are inclusive)\n",
              date->ToIso().c_str(), known_at ? (", known at " + *known_at).c_str() : "",
              counts[ItemStatus::kInForce], counts[ItemStatus::kSuspended],
              counts[ItemStatus::kNotYetInForce], counts[ItemStatus::kRepealed]);
  if (!opt.items_only && opt.filter.empty()) PrintParties(parties, opt.evidence);
  std::printf("(%s)\n", CoverageNote(*coverage).c_str());
  return kExitOk;
}

}  // namespace

void SetupAsof(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<AsofOptions>();
  sub.add_option("date", opt->date, "The date, YYYY-MM-DD")->required();
  sub.add_option("--element", opt->filter.element, "Only items of this element (Ho, 钬, 鈥 or holmium)");
  sub.add_option("--code", opt->filter.code, "Only this control code and its sub-codes");
  sub.add_option("--hs", opt->filter.hs, "Only items with this HS code (or a code it prefixes)");
  sub.add_option("--known-at", opt->known_at,
                 "Answer with only what was ingested by then (UTC date or date-time)");
  sub.add_flag("--evidence", opt->evidence, "Quote the sentence behind each status");
  sub.add_flag("--items-only", opt->items_only, "Only the controlled items, no parties");
  sub.add_flag("--parties-only", opt->parties_only, "Only the parties on MOFCOM's lists");
  sub.add_flag("--json", opt->json, "Print JSON (the same as --format json)");
  sub.add_option("--format", opt->format,
                 "text (default), json, markdown or csv (csv: with --items-only or --parties-only)")
      ->check(CLI::IsMember({"text", "json", "markdown", "md", "csv"}));
  sub.callback([&ctx, opt] { ctx.exit_code = RunAsof(ctx, *opt); });
}

}  // namespace regdiff::tools
