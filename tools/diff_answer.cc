// BuildDiffReport: operands resolved to stored texts, or the states on two
// dates read from the consolidated state (or the timeline rebuilt), and the
// context the summaries draw on.
#include "tools/diff_answer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "corpus/consolidated_store.h"
#include "corpus/display_text.h"
#include "corpus/element_history.h"
#include "corpus/lang_order.h"
#include "corpus/strings.h"
#include "tools/cli_context.h"
#include "tools/timeline_query.h"

namespace regdiff::tools {
namespace {

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


// The stored text an operand names. `prefer_locator`: the source to take
// when several texts fit (the other side's, so versions compare one page).
Result<StoredDocument> Resolve(AnnouncementStore& store, const Operand& op,
                               const std::string& prefer_locator, std::vector<std::string>* warnings) {
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
    std::string warning = "'";
    warning += op.written;
    warning += "' matches ";
    warning += std::to_string(fit.size());
    warning += " stored texts; comparing ";
    warning += EscapeControls(fit[0].locator);
    warnings->push_back(std::move(warning));
  }
  return std::move(fit.front());
}

diff::Side MakeSide(StoredDocument d, const Operand& op, diff::DiffKind kind) {
  diff::Side s;
  s.label = d.announcement.doc_id.value_or(op.doc);
  if (op.lang || kind == diff::DiffKind::kTexts) {
    s.label += ':';
    s.label += LangName(d.announcement.lang);
  }
  if (op.version || kind == diff::DiffKind::kVersions) {
    s.label += '@';
    s.label += std::to_string(d.version);
  }
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
Result<diff::DiffReport> ReportOnDates(AnnouncementStore& store, const Date& left,
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

// Whether `text` is written as a date, YYYY-MM-DD (a valid one or not): no
// announcement id has that shape.
bool LooksLikeDate(const std::string& text) {
  if (text.size() != 10) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : (text[i] < '0' || text[i] > '9')) return false;
  }
  return true;
}

}  // namespace

Result<DiffQuestion> DiffQuestionFrom(const std::string& from, const std::string& to) {
  if (from.empty() || to.empty()) {
    return Status::InvalidArgument(
        "diff wants from= and to=, each a date (YYYY-MM-DD) or an announcement (DOC, DOC@N, "
        "DOC:LANG)");
  }
  const bool from_date = LooksLikeDate(from), to_date = LooksLikeDate(to);
  if (from_date != to_date) {
    std::string message = from_date ? "from is a date and to an announcement"
                                    : "from is an announcement and to a date";
    message += ": diff compares two dates or two announcements, not one with the other";
    return Status::InvalidArgument(message);
  }
  DiffQuestion question;
  if (!from_date) {
    question.operands = {from, to};
    return question;
  }
  for (const auto& [name, text] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    auto date = ParseDateArg(*text, name);
    if (!date.ok()) return date.status();
    question.asof.push_back(date->ToIso());
  }
  return question;
}

Status CheckDiffQuestion(const DiffQuestion& question, const diff::ReportOptions& options) {
  if (!question.asof.empty()) {
    if (question.asof.size() != 2 || !question.operands.empty()) {
      return Status::InvalidArgument("--asof compares two dates: give it twice and no announcements");
    }
    if (options.text) return Status::InvalidArgument("--text needs two texts, not two dates");
    for (const std::string& date : question.asof) {
      auto d = ParseDateArg(date, "--asof");
      if (!d.ok()) return d.status();
    }
    return Status::Ok();
  }
  if (question.operands.size() != 2) {
    return Status::InvalidArgument("diff compares two things: DOC DOC, DOC@N DOC@M, DOC:zh DOC:en, "
                                   "or --asof DATE --asof DATE");
  }
  for (const std::string& operand : question.operands) {
    auto op = ParseOperand(operand);
    if (!op.ok()) return op.status();
  }
  return Status::Ok();
}

Result<diff::DiffReport> BuildDiffReport(AnnouncementStore& store, const DiffQuestion& question,
                                         const diff::ReportOptions& report_options, bool with_history,
                                         std::vector<std::string>* warnings) {
  if (Status s = CheckDiffQuestion(question, report_options); !s.ok()) return s;
  if (!question.asof.empty()) {
    auto left = ParseDateArg(question.asof[0], "--asof");
    if (!left.ok()) return left.status();
    auto right = ParseDateArg(question.asof[1], "--asof");
    if (!right.ok()) return right.status();
    return ReportOnDates(store, *left, *right, report_options, with_history);
  }
  auto a = ParseOperand(question.operands[0]);
  if (!a.ok()) return a.status();
  auto b = ParseOperand(question.operands[1]);
  if (!b.ok()) return b.status();
  auto left = Resolve(store, *a, "", warnings);
  if (!left.ok()) return left.status();
  auto right = Resolve(store, *b, left->locator, warnings);
  if (!right.ok()) return right.status();
  diff::DiffKind kind = diff::DiffKind::kAnnouncements;
  if (left->announcement.doc_id && left->announcement.doc_id == right->announcement.doc_id) {
    if (left->announcement.lang != right->announcement.lang) kind = diff::DiffKind::kTexts;
    else if (a->version || b->version) kind = diff::DiffKind::kVersions;
  }
  std::set<std::string> doc_ids;
  for (const StoredDocument* d : {&*left, &*right})
    if (d->announcement.doc_id) doc_ids.insert(*d->announcement.doc_id);
  auto context = LoadReportContext(store, doc_ids, with_history);
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
      auto names = ItemNamesIn(store, *side, ro.lang);
      if (!names.ok()) return names.status();
      side->item_names = std::move(names).value();
    }
  }
  return diff::CompareDocuments(kind, std::move(ls), std::move(rs), ro);
}


}  // namespace regdiff::tools
