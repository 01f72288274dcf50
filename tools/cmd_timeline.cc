// `regdiff timeline WHAT`: the history of an item, control code, element or
// HS code as dated events with their sources; when WHAT names no item, the
// history of the party of that name (listed, suspended, removed) on MOFCOM's
// lists, matched by its key in either script or language.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "corpus/elements.h"
#include "tools/commands.h"
#include "tools/json_output.h"
#include "tools/text_table.h"
#include "tools/party_screening.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

struct TimelineOptions {
  std::string what;
  std::string known_at;
  bool json = false;
  std::string format = "text";
  TableFormat table = TableFormat::kText;  // from `format` unless json
};

// Text: no header row, columns two spaces apart, the evidence under each
// event; Markdown and CSV: a header row and an evidence column.
void PrintTable(const Table& table, TableFormat format) {
  const std::string out = format == TableFormat::kText ? table.RenderText(/*headers=*/false)
                                                       : table.Render(format);
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// WHAT is an element (Ho, 钬, 鈥, holmium), an HS code (digits) or a
// control code.
ItemFilter FilterFor(const std::string& what) {
  ItemFilter f;
  if (const ElementEntry* e = FindElement(what)) f.element = std::string(e->symbol);
  else if (!what.empty() && std::all_of(what.begin(), what.end(), [](unsigned char c) {
             return std::isdigit(c) != 0;
           }))
    f.hs = what;
  else f.code = what;
  return f;
}

// WHAT as a party name: its history, or exit 1 when no party has its key.
// `whole`: the timeline of every text, when already loaded (--known-at).
int RunPartyTimeline(AnnouncementStore& store, const Timeline* whole, const TimelineOptions& opt,
                     const std::optional<std::string>& known_at) {
  const std::string key = QueryNameKey(opt.what);
  Result<Timeline> own = whole ? Result<Timeline>(Timeline()) : LoadPartyTimeline(store, key);
  if (!own.ok()) {
    PrintError("timeline", own.status());
    return kExitFailure;
  }
  std::vector<PartyEvent> events = (whole ? *whole : *own).PartyHistory(key);
  if (events.empty()) {
    PrintError("timeline", Status::NotFound("no stored announcement concerns '" + opt.what + "'"));
    return kExitFailure;
  }
  if (opt.json) {
    PrintJson(PartyTimelineJson(opt.what, key, known_at, events));
    return kExitOk;
  }
  const bool text = opt.table == TableFormat::kText;
  std::vector<std::string> headers = {"DATE", "EVENT", "LIST", "ANNOUNCEMENT", "NAME"};
  if (!text) headers.push_back("EVIDENCE");
  Table table(headers, "  ");
  for (const PartyEvent& e : events) {
    std::string name = e.name;
    if (e.name_en && *e.name_en != e.name) name += " (" + *e.name_en + ")";
    if (e.basis == Basis::kInferred) name += " (inferred)";
    std::vector<std::string> cells = {e.date.ToIso(), std::string(PartyEventKindName(e.kind)),
                                      std::string(PartyListName(e.list)), e.doc_id, name};
    if (!text) cells.push_back(e.evidence);
    table.AddRow(std::move(cells), text ? e.evidence : "");
  }
  PrintTable(table, opt.table);
  return kExitOk;
}

int RunTimeline(const CommandContext& ctx, TimelineOptions opt) {
  if (opt.format == "json") {
    opt.json = true;
  } else if (!ParseTableFormat(opt.format, &opt.table)) {
    PrintError("timeline", Status::InvalidArgument(
                               "--format wants text, json, markdown or csv, got '" + opt.format +
                               "'"));
    return kExitUsage;
  }
  auto parsed_known_at = ParseKnownAt(opt.known_at);
  if (!parsed_known_at.ok()) {
    PrintError("timeline", parsed_known_at.status());
    return kExitUsage;
  }
  const std::optional<std::string>& known_at = *parsed_known_at;
  ItemFilter filter = FilterFor(opt.what);
  if (Status s = ResolveFilter(filter); !s.ok()) {
    PrintError("timeline", s);
    return kExitUsage;
  }
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  // As known now, from the texts the answer rests on; as known at a time,
  // from every text as the store then held them.
  auto timeline = known_at ? LoadTimeline(**store, known_at) : LoadItemTimeline(**store, filter);
  if (!timeline.ok()) {
    PrintError("timeline", timeline.status());
    return kExitFailure;
  }
  std::vector<const TimelineEvent*> events;
  for (const TimelineEvent& e : timeline->Events())
    if (Matches(filter, e.code, e.elements, e.hs_codes)) events.push_back(&e);
  if (events.empty())
    return RunPartyTimeline(**store, known_at ? &*timeline : nullptr, opt, known_at);
  if (opt.json) {
    PrintJson(TimelineJson(opt.what, known_at, events));
    return kExitOk;
  }
  const bool text = opt.table == TableFormat::kText;
  std::vector<std::string> headers = {"DATE", "EVENT", "CODE", "ANNOUNCEMENT"};
  if (!text) headers.push_back("EVIDENCE");
  Table table(headers, "  ");
  for (const TimelineEvent* e : events) {
    std::string doc = e->doc_id;
    if (e->basis == Basis::kInferred) doc += " (inferred)";
    std::vector<std::string> cells = {e->date.ToIso(), std::string(EventKindName(e->kind)),
                                      e->code ? *e->code : e->key, doc};
    if (!text) cells.push_back(e->evidence);
    table.AddRow(std::move(cells), text ? e->evidence : "");
  }
  PrintTable(table, opt.table);
  return kExitOk;
}

}  // namespace

void SetupTimeline(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<TimelineOptions>();
  sub.add_option("what", opt->what,
                 "Control code (1C909), element (Ho, 钬, holmium), HS code, or a party's name")
      ->required();
  sub.add_option("--known-at", opt->known_at,
                 "Answer with only what was ingested by then (UTC date or date-time)");
  sub.add_flag("--json", opt->json, "Print JSON (the same as --format json)");
  sub.add_option("--format", opt->format, "text (default), json, markdown or csv")
      ->check(CLI::IsMember({"text", "json", "markdown", "md", "csv"}));
  sub.callback([&ctx, opt] { ctx.exit_code = RunTimeline(ctx, *opt); });
}

}  // namespace regdiff::tools
