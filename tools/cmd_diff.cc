// `regdiff diff`: what changed between two announcements, two versions of
// one, two texts of one (zh vs en), or the control list on two dates; as a
// terminal report, Markdown, JSON (regdiff.diff/1) or one HTML file. Exit
// status as diff(1): 0 no differences, 1 differences, 2 error.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

#include "corpus/consolidated_store.h"
#include "corpus/display_text.h"
#include "corpus/element_history.h"
#include "corpus/strings.h"
#include "diff/render_html.h"
#include "diff/render_json.h"
#include "diff/render_markdown.h"
#include "diff/render_terminal.h"
#include "diff/report.h"
#include "tools/commands.h"
#include "tools/output_file.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

constexpr int kExitSame = 0;
constexpr int kExitDiffers = 1;
constexpr int kExitError = 2;

constexpr char kFooter[] = R"(Operands:
  DOC            a doc_id (mofcom-gacc-2025-57) or an unambiguous short form (2025-57)
  DOC@N          version N of the text stored for DOC (a re-published page)
  DOC:LANG       the LANG text (zh, zh-hant, en) of DOC; DOC:LANG@N also works

  regdiff diff 2025-18 2025-57                 two announcements
  regdiff diff 2025-57@1 2025-57@2             two versions of one announcement
  regdiff diff 2025-57:zh 2025-57:en           the Chinese and English texts of one
  regdiff diff --asof 2025-04-04 --asof 2025-11-09   the control list on two dates

When DOC has several texts and none is named, the Chinese one is compared.
Exit status: 0 no differences, 1 differences, 2 error (usage, not found, ambiguous).)";

struct DiffOptions {
  std::vector<std::string> operands;
  std::vector<std::string> asof;
  std::string format = "terminal";
  std::string lang = "en";
  bool text = false;
  size_t context = 3;
  std::string out;
  bool no_evidence = false;
};

// DOC[:LANG][@N] as written on the command line.
struct Operand {
  std::string written;
  std::string doc;
  std::optional<Lang> lang;
  std::optional<int> version;
};

Result<Operand> ParseOperand(const std::string& text) {
  Operand op;
  op.written = text;
  std::string rest = text;
  for (int pass = 0; pass < 2; ++pass) {
    const size_t at = rest.rfind('@');
    if (!op.version && at != std::string::npos && at + 1 < rest.size() &&
        rest.find_first_not_of("0123456789", at + 1) == std::string::npos && rest.size() - at <= 7) {
      op.version = std::stoi(rest.substr(at + 1));
      rest.resize(at);
      continue;
    }
    const size_t colon = rest.rfind(':');
    if (!op.lang && colon != std::string::npos) {
      std::optional<Lang> lang = LangFromName(rest.substr(colon + 1));
      if (!lang || *lang == Lang::kUnknown) {
        return Status::InvalidArgument("'" + text + "': unknown language '" + rest.substr(colon + 1) +
                                       "' (zh, zh-hant or en)");
      }
      op.lang = lang;
      rest.resize(colon);
      continue;
    }
  }
  if (rest.empty()) return Status::InvalidArgument("'" + text + "' names no announcement");
  if (op.version && *op.version < 1) return Status::InvalidArgument("'" + text + "': versions start at 1");
  op.doc = rest;
  return op;
}

int LangRank(Lang lang) {
  switch (lang) {
    case Lang::kZh: return 0;
    case Lang::kZhHant: return 1;
    case Lang::kEn: return 2;
    case Lang::kUnknown: break;
  }
  return 3;
}

// The stored text an operand names. `prefer_locator`: the source to take
// when several texts fit (the other side's, so versions compare one page).
Result<StoredDocument> Resolve(AnnouncementStore& store, const Operand& op,
                               const std::string& prefer_locator) {
  auto found = op.version ? store.FindDocumentVersions(op.doc) : store.FindDocuments(op.doc);
  if (!found.ok()) return found.status();
  if (found->empty()) return NoAnnouncementMatches(store, op.doc);
  std::set<std::string> ids;
  for (const StoredDocument& d : *found) ids.insert(d.announcement.doc_id.value_or("-"));
  if (ids.size() > 1) {
    return Status::InvalidArgument("'" + op.doc + "' is ambiguous; it matches:\n  " +
                                   Join(ids, "\n  "));
  }
  std::vector<StoredDocument> fit;
  std::set<std::string> langs, versions;
  for (StoredDocument& d : *found) {
    langs.insert(std::string(LangName(d.announcement.lang)));
    if (op.lang && d.announcement.lang != *op.lang) continue;
    versions.insert(std::to_string(d.version));
    if (op.version && d.version != *op.version) continue;
    fit.push_back(std::move(d));
  }
  if (fit.empty() && op.lang && versions.empty()) {
    return Status::NotFound("no " + std::string(LangName(*op.lang)) + " text of " + *ids.begin() +
                            " is stored (texts held: " + Join(langs, ", ") + ")");
  }
  if (fit.empty()) {
    return Status::NotFound(*ids.begin() + " has no version " + std::to_string(*op.version) +
                            " (versions held: " + Join(versions, ", ") + ")");
  }
  std::stable_sort(fit.begin(), fit.end(), [&](const StoredDocument& a, const StoredDocument& b) {
    const bool pa = a.locator == prefer_locator, pb = b.locator == prefer_locator;
    if (pa != pb) return pa;
    if (LangRank(a.announcement.lang) != LangRank(b.announcement.lang))
      return LangRank(a.announcement.lang) < LangRank(b.announcement.lang);
    return a.locator < b.locator;
  });
  // Several texts of the preferred language: say which one is compared.
  if (fit.size() > 1 && fit[0].locator != prefer_locator &&
      fit[1].announcement.lang == fit[0].announcement.lang) {
    PrintWarning("diff", "'" + op.written + "' matches " + std::to_string(fit.size()) +
                             " stored texts; comparing " + EscapeControls(fit[0].locator));
  }
  return std::move(fit.front());
}

diff::Side MakeSide(StoredDocument d, const Operand& op, diff::DiffKind kind) {
  diff::Side s;
  s.label = d.announcement.doc_id.value_or(op.doc);
  if (op.lang || kind == diff::DiffKind::kTexts) s.label += ":" + std::string(LangName(d.announcement.lang));
  if (op.version || kind == diff::DiffKind::kVersions) s.label += "@" + std::to_string(d.version);
  s.source = d.locator;
  s.version = d.version;
  s.sha256 = d.sha256;
  s.text = std::move(d.normalized_text);
  s.announcement = std::move(d.announcement);
  return s;
}

// The names of a side's items in another stored text of its announcement,
// in the report's language (English names for --lang en when the English
// text is stored), by control code. Empty when the side's own text is in
// that language or no such text is stored.
Result<std::map<std::string, std::string>> ItemNamesIn(AnnouncementStore& store, const diff::Side& side,
                                                       diff::SummaryLang lang) {
  std::map<std::string, std::string> names;
  const Lang wanted = lang == diff::SummaryLang::kEn ? Lang::kEn : Lang::kZh;
  const Announcement& a = *side.announcement;
  if (a.lang == wanted || !a.doc_id) return names;
  auto texts = store.DocumentsOf(*a.doc_id, DocumentDetail::kFull);
  if (!texts.ok()) return texts.status();
  for (const StoredDocument& d : *texts) {
    if (d.announcement.lang != wanted) continue;
    for (const Item& item : d.announcement.items)
      if (item.code && !item.name.empty()) names.emplace(*item.code, item.name);
    break;
  }
  return names;
}

// What a report draws on besides its two sides: the announcements that may
// relate to them (for the summaries) and, when `with_history` (the HTML
// report), the element history it draws. From the consolidated state when it
// is current: only the texts of `doc_ids` and of those relating to them are
// loaded. Else from every stored text.
struct ReportContext {
  Timeline others;
  ElementHistory history;
};

Result<ReportContext> LoadReportContext(AnnouncementStore& store,
                                        const std::set<std::string>& doc_ids,
                                        bool with_history) {
  ReportContext context;
  ConsolidatedStore consolidated(store.db());
  auto current = consolidated.Current();
  if (!current.ok()) return current.status();
  if (!*current) {
    auto timeline = LoadTimeline(store, std::nullopt, DocumentDetail::kFull);
    if (!timeline.ok()) return timeline.status();
    if (with_history) context.history = BuildElementHistory(*timeline);
    context.others = std::move(timeline).value();
    return context;
  }
  if (with_history) {
    auto history = consolidated.History();
    if (!history.ok()) return history.status();
    context.history = std::move(history).value();
  }
  auto others = LoadTimelineOf(store, doc_ids);
  if (!others.ok()) return others.status();
  context.others = std::move(others).value();
  return context;
}

// The control list on two dates (and the element history when
// `with_history`): from the consolidated state when it is current, else from
// the timeline rebuilt.
Result<diff::DiffReport> CompareDates(AnnouncementStore& store, const Date& left,
                                      const Date& right, const diff::ReportOptions& options,
                                      bool with_history) {
  std::vector<ItemState> before, after;
  size_t left_listed = 0, right_listed = 0;
  ElementHistory history;
  ConsolidatedStore consolidated(store.db());
  auto current = consolidated.Current();
  if (!current.ok()) return current.status();
  if (*current) {
    // A stretch holding both dates is one state on both, no change (a key
    // has one stretch a day): only the others are read.
    auto l = consolidated.CountItemsOn(left);
    if (!l.ok()) return l.status();
    auto r = consolidated.CountItemsOn(right);
    if (!r.ok()) return r.status();
    left_listed = static_cast<size_t>(*l);
    right_listed = static_cast<size_t>(*r);
    for (auto [date, other, states] : {std::tuple{left, right, &before},
                                       std::tuple{right, left, &after}}) {
      Status s = consolidated.VisitItemsOnNotOn(date, other, [states](const ItemState& state) {
        states->push_back(state);
        return Status::Ok();
      });
      if (!s.ok()) return s;
    }
    if (with_history) {
      auto h = consolidated.History();
      if (!h.ok()) return h.status();
      history = std::move(h).value();
    }
  } else {
    auto timeline = LoadTimeline(store, std::nullopt, DocumentDetail::kForTimeline);
    if (!timeline.ok()) return timeline.status();
    before = timeline->AsOf(left);
    after = timeline->AsOf(right);
    left_listed = before.size();
    right_listed = after.size();
    if (with_history) history = BuildElementHistory(*timeline);
  }
  diff::DiffReport report = diff::CompareDates(left, std::move(before), left_listed, right,
                                               std::move(after), right_listed, options);
  report.history = std::move(history);  // moved in: a long history is tens of megabytes
  return report;
}

Result<diff::DiffReport> BuildReport(const CommandContext& ctx, const DiffOptions& opt,
                                     const diff::ReportOptions& report_options) {
  auto store = OpenStore(ctx, StoreUse::kReading);
  if (!store.ok()) return store.status();

  if (!opt.asof.empty()) {
    if (opt.asof.size() != 2 || !opt.operands.empty()) {
      return Status::InvalidArgument("--asof compares two dates: give it twice and no announcements");
    }
    if (opt.text) return Status::InvalidArgument("--text needs two texts, not two dates");
    auto left = ParseDateArg(opt.asof[0], "--asof");
    if (!left.ok()) return left.status();
    auto right = ParseDateArg(opt.asof[1], "--asof");
    if (!right.ok()) return right.status();
    return CompareDates(**store, *left, *right, report_options, opt.format == "html");
  }
  if (opt.operands.size() != 2) {
    return Status::InvalidArgument("diff compares two things: DOC DOC, DOC@N DOC@M, DOC:zh DOC:en, "
                                   "or --asof DATE --asof DATE");
  }
  auto a = ParseOperand(opt.operands[0]);
  if (!a.ok()) return a.status();
  auto b = ParseOperand(opt.operands[1]);
  if (!b.ok()) return b.status();
  auto left = Resolve(**store, *a, "");
  if (!left.ok()) return left.status();
  auto right = Resolve(**store, *b, left->locator);
  if (!right.ok()) return right.status();

  diff::DiffKind kind = diff::DiffKind::kAnnouncements;
  if (left->announcement.doc_id && left->announcement.doc_id == right->announcement.doc_id) {
    if (left->announcement.lang != right->announcement.lang) kind = diff::DiffKind::kTexts;
    else if (a->version || b->version) kind = diff::DiffKind::kVersions;
  }
  std::set<std::string> doc_ids;
  for (const StoredDocument* d : {&*left, &*right})
    if (d->announcement.doc_id) doc_ids.insert(*d->announcement.doc_id);
  auto context = LoadReportContext(**store, doc_ids, opt.format == "html");
  if (!context.ok()) return context.status();
  diff::ReportOptions ro = report_options;
  ro.others = &context->others.Announcements();
  ro.history = &context->history;
  diff::Side ls = MakeSide(std::move(*left), *a, kind);
  diff::Side rs = MakeSide(std::move(*right), *b, kind);
  // Two texts of one announcement are compared as written; otherwise items
  // are named in the report's language where a text in it is stored.
  if (kind != diff::DiffKind::kTexts) {
    for (diff::Side* side : {&ls, &rs}) {
      auto names = ItemNamesIn(**store, *side, ro.lang);
      if (!names.ok()) return names.status();
      side->item_names = std::move(names).value();
    }
  }
  return diff::CompareDocuments(kind, std::move(ls), std::move(rs), ro);
}

// Colour goes to the terminal, never into an --out file.
bool ColorWanted(const CommandContext& ctx, const DiffOptions& opt) {
  return opt.out.empty() && ColorWanted(ctx);
}

int RunDiff(const CommandContext& ctx, const DiffOptions& opt) {
  diff::ReportOptions ro;
  ro.text = opt.text;
  ro.text_options.context = opt.context;
  auto lang = diff::SummaryLangFromName(opt.lang);
  if (!lang) {
    PrintError("diff", Status::InvalidArgument("--lang wants en or zh, got '" + opt.lang + "'"));
    return kExitError;
  }
  ro.lang = *lang;

  auto report = BuildReport(ctx, opt, ro);
  if (!report.ok()) {
    PrintError("diff", report.status());
    return kExitError;
  }
  auto out = OutputFile::Open(opt.out);
  if (!out.ok()) {
    PrintError("diff", out.status());
    return kExitError;
  }
  // JSON and HTML are written as they are rendered (a year's status changes
  // run to tens of megabytes); the terminal and Markdown forms are short.
  const diff::WriteChunk write = [&out](std::string_view chunk) { out->Write(chunk); };
  if (opt.format == "terminal") {
    diff::TerminalOptions to;
    to.color = ColorWanted(ctx, opt);
    to.evidence = !opt.no_evidence;
    out->Write(diff::RenderTerminal(*report, to));
  } else if (opt.format == "markdown") {
    out->Write(diff::RenderMarkdown(*report));
  } else if (opt.format == "json") {
    diff::WriteJson(*report, write);
  } else {
    diff::WriteHtml(*report, write);
  }
  if (Status s = out->Commit(); !s.ok()) {
    PrintError("diff", s);
    return kExitError;
  }
  return report->differs() ? kExitDiffers : kExitSame;
}

}  // namespace

void SetupDiff(CLI::App& sub, CommandContext& ctx) {
  auto opt = std::make_shared<DiffOptions>();
  sub.add_option("DOCS", opt->operands, "Two of DOC, DOC@N, DOC:LANG (see below)")->expected(2);
  sub.add_option("--asof", opt->asof, "A date, YYYY-MM-DD; give it twice to compare the control list")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub.add_option("--format", opt->format, "terminal (default), markdown, json or html")
      ->check(CLI::IsMember({"terminal", "markdown", "json", "html"}));
  sub.add_option("--lang", opt->lang, "Language of the summary sentences: en (default) or zh");
  sub.add_flag("--text", opt->text, "Include the diff of the normalised texts");
  sub.add_option("--context", opt->context, "Lines of context in the text diff (default 3)")
      ->check(CLI::Range(0, 1000000));
  sub.add_option("--out", opt->out, "Write to FILE (atomically) instead of standard output");
  sub.add_flag("--no-evidence", opt->no_evidence, "Terminal: do not quote evidence under the summary");
  sub.footer(kFooter);
  sub.callback([&ctx, opt] { ctx.exit_code = RunDiff(ctx, *opt); });
}

}  // namespace regdiff::tools
