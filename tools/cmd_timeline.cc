// `regdiff timeline WHAT`: the history of an item, control code, element or
// HS code as dated events with their sources; when WHAT names no item, the
// history of the party of that name (listed, suspended, removed) on MOFCOM's
// lists, matched by its key in either script or language.
#include <cstdio>

#include "tools/commands.h"
#include "tools/json_output.h"
#include "tools/text_table.h"
#include "tools/timeline_answer.h"

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

// The history of a party (answer.parties not empty).
int PrintPartyTimeline(const TimelineAnswer& answer, const TimelineOptions& opt,
                       const std::optional<std::string>& known_at) {
  const std::vector<PartyEvent>& events = answer.parties;
  if (opt.json) {
    PrintJson(PartyTimelineJson(opt.what, answer.party_key, known_at, events));
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
  TimelineQuestion question;
  question.filter = TimelineFilterFor(opt.what);
  question.party = opt.what;
  question.known_at = known_at;
  if (Status s = ResolveFilter(question.filter); !s.ok()) {
    PrintError("timeline", s);
    return kExitUsage;
  }
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) {
    PrintError("", store.status());
    return kExitFailure;
  }
  auto answer = AnswerTimeline(**store, question);
  if (!answer.ok()) {
    PrintError("timeline", answer.status());
    return kExitFailure;
  }
  if (answer->items.empty()) return PrintPartyTimeline(*answer, opt, known_at);
  std::vector<const TimelineEvent*> events;
  for (const TimelineEvent& e : answer->items) events.push_back(&e);
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
