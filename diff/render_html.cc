// RenderHtml: the report page and its SVG timeline.
#include "diff/render_html.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "corpus/elements.h"
#include "corpus/strings.h"
#include "diff/chunked_output.h"
#include "diff/render_json.h"
#include "diff/report_words.h"
#include "diff/time_axis.h"
#include "diff/utf8.h"

namespace regdiff::diff {
namespace {

std::string E(std::string_view s) { return HtmlEscape(s); }

// ` lang="zh"` for text holding Chinese characters, else ` lang="en"`, so
// browsers pick Chinese glyphs for Chinese quotes in an English page.
std::string LangAttr(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t c = DecodeUtf8(text, i, &len);
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)) return " lang=\"zh\"";
    i += len;
  }
  return " lang=\"en\"";
}

// An id attribute value: prefix-key with white space replaced, made unique
// on the page by a "-2", "-3", ... suffix when a key repeats.
class Ids {
 public:
  std::string Make(std::string_view prefix, std::string_view key) {
    std::string id(prefix);
    id += '-';
    for (char c : key) id += (c == ' ' || c == '\t' || c == '\n') ? '_' : c;
    std::string unique = id;
    for (int n = 2; !used_.insert(unique).second; ++n) unique = id + "-" + std::to_string(n);
    return E(unique);
  }

 private:
  std::set<std::string> used_;
};

// The style sheet, rule by rule in its order: the report's own rules
// (`report`: rows, quotes, the text diff, the timeline), which a page embedding
// the report needs too, and those of the standalone page around it (body,
// headings, tables, footer), which such a page has of its own.
struct StyleRules {
  bool report;
  const char* css;
};
constexpr StyleRules kStyle[] = {
    {true, ":root{--add:#e6ffec;--add-strong:#abf2bc;--del:#ffebe9;--del-strong:#ff9a94;--chg:#fff8c5;--rec:#f3e8ff;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0}\n"},
    {false, "*{box-sizing:border-box}\n"},
    {false, "body{font:15px/1.5 -apple-system,\"Segoe UI\",\"Noto Sans\",\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;color:var(--ink);margin:0 auto;max-width:1200px;padding:24px}\n"},
    {false, "h1{font-size:1.5em;margin:0 0 .5em}h2{font-size:1.2em;border-bottom:1px solid var(--line);padding-bottom:.2em;margin-top:1.8em}\n"},
    {false, "table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}\n"},
    {false, "th{background:#f6f8fa}"},
    {true, ".sides td:first-child{width:10em;color:var(--muted)}\n"},
    {true, "tr.added td{background:var(--add)}tr.removed td,tr.ended td{background:var(--del)}tr.changed td,tr.suspended td,tr.resumed td{background:var(--chg)}tr.recoded td{background:var(--rec)}tr.left-only td{background:#f6f8fa}\n"},
    {true, "td.change{font-weight:600;white-space:nowrap}td.code{font-family:ui-monospace,monospace;white-space:nowrap}\n"},
    {true, "td.hs{font-family:ui-monospace,monospace;min-width:7em}td.name{min-width:10em}\n"},
    {true, ".verdict{font-weight:600}.verdict.differs{color:#9a6700}.verdict.same{color:#1a7f37}\n"},
    {true, "ol.summary>li{margin:.6em 0}ol.summary p{margin:0 0 .3em}\n"},
    {true, "blockquote.evidence{margin:.2em 0 .2em 1em;padding:.1em .8em;border-left:4px solid var(--line);color:var(--muted);font-size:.92em}\n"},
    {true, "blockquote.evidence cite{font-style:normal;font-size:.85em;margin-left:.5em}\n"},
    {true, "a.quote-ref{color:var(--muted);font-size:.9em;text-decoration:none;white-space:nowrap}p.more{margin:.2em 0 .2em 1em;font-size:.9em}\n"},
    {true, "ins{background:var(--add-strong);text-decoration:none}del{background:var(--del-strong);text-decoration:none}\n"},
    {false, ".muted{color:var(--muted)}\n"},
    {true, "table.text-diff{font-family:ui-monospace,\"Noto Sans Mono CJK SC\",monospace;font-size:13px;table-layout:fixed}\n"},
    {true, "table.text-diff td{border:none;border-left:1px solid var(--line);white-space:pre-wrap;word-break:break-all}\n"},
    {true, "table.text-diff td.num{width:4em;text-align:right;color:var(--muted);user-select:none}\n"},
    {true, "table.text-diff tr.hunk td{background:#ddf4ff;color:var(--muted)}\n"},
    {true, "table.text-diff td.del{background:var(--del)}table.text-diff td.ins{background:var(--add)}table.text-diff td.empty{background:#f6f8fa}\n"},
    {true, "svg.timeline{width:100%;height:auto}\n"},
    {true, ".legend span{display:inline-block;margin-right:1.2em}.swatch{display:inline-block;width:1.2em;height:.8em;vertical-align:middle;margin-right:.3em}\n"},
    {false, "footer{margin-top:2em;color:var(--muted);font-size:.85em}\n"},
};

std::string StyleSheet(bool report_only) {
  std::string css;
  for (const StyleRules& rules : kStyle)
    if (rules.report || !report_only) css += rules.css;
  return css;
}

// Each quoted text is shown once on the page: in full the first time, with
// an id, and as a link back to it every later time (a suspension notice
// governing seventeen items is quoted once, not seventeen times). Lives as
// long as the page being written.
class Quotes {
 public:
  explicit Quotes(const DiffReport& r) : report_(r) {}

  // `text` in full, wrapped in a span with its id, the first time; a link
  // to it later. "" for an empty text.
  std::string Inline(const std::string& text) {
    if (text.empty()) return "";
    const auto [id, first] = Id(text);
    if (first) return "<span class=\"quote\" id=\"" + id + "\"" + LangAttr(text) + ">" + E(text) + "</span>";
    return Link(id);
  }

  // For a blockquote: the attributes and content of `text`'s first showing,
  // or of a link to it.
  std::string Block(const std::string& text, std::string* attributes) {
    const auto [id, first] = Id(text);
    if (first) {
      *attributes = " id=\"" + id + "\"" + LangAttr(text);
      return E(text);
    }
    *attributes = " data-quoted=\"" + id + "\"";
    return Link(id);
  }

 private:
  std::pair<std::string, bool> Id(const std::string& text) {
    auto [it, inserted] = ids_.emplace(text, "quote-" + std::to_string(ids_.size() + 1));
    return {it->second, inserted};
  }
  std::string Link(const std::string& id) const {
    return "<a class=\"quote-ref\" href=\"#" + id + "\">" + E(Word(report_, Phrase::kQuotedAbove)) + "</a>";
  }

  const DiffReport& report_;
  std::map<std::string, std::string> ids_;  // quoted text -> id of its first showing
};

// Item lines quoted under one summary sentence; the rest are in the item table.
constexpr size_t kItemQuotes = 3;

std::string Th(const DiffReport& r, std::initializer_list<Phrase> columns) {
  std::string out = "<thead><tr>";
  for (Phrase c : columns) out += "<th>" + E(Word(r, c)) + "</th>";
  return out + "</tr></thead>";
}

void SidesTable(ChunkedOutput& out, const DiffReport& r) {
  out += "<table class=\"sides\"><thead><tr><th></th><th>" + E(Word(r, Phrase::kLeft)) + "</th><th>" +
         E(Word(r, Phrase::kRight)) + "</th></tr></thead><tbody>\n";
  auto row = [&](std::string_view name, const std::string& l, const std::string& rr) {
    out += "<tr><td>" + E(name) + "</td><td" + LangAttr(l) + ">" + l + "</td><td" + LangAttr(rr) + ">" + rr +
           "</td></tr>\n";
  };
  for (const SideRow& s : SideRows(r)) row(s.name, E(s.left), E(s.right));
  if (r.kind != DiffKind::kDates && (!r.left.source.empty() || !r.right.source.empty())) {
    row(Word(r, Phrase::kRowSource), SourceWords(r, r.left, "<code>" + E(r.left.source) + "</code>"),
        SourceWords(r, r.right, "<code>" + E(r.right.source) + "</code>"));
  }
  out += "</tbody></table>\n";
}

void Summary(ChunkedOutput& out, const DiffReport& r, Quotes& quotes) {
  out += "<section id=\"summary\"><h2>" + E(Word(r, Phrase::kHeadingSummary)) +
         "</h2>\n<ol class=\"summary\">\n";
  for (const Sentence& s : r.summary) {
    out += "<li><p class=\"sentence\">" + E(s.text) + "</p>\n";
    size_t items_quoted = 0, items_left = 0;
    for (const EvidenceRef& e : s.evidence) {
      if (e.what == "item" && items_quoted == kItemQuotes) {
        ++items_left;
        continue;
      }
      if (e.what == "item") ++items_quoted;
      std::string attributes;
      const std::string content = quotes.Block(e.text, &attributes);
      out += "<blockquote class=\"evidence\" data-side=\"" + E(e.side) + "\" data-what=\"" + E(e.what) + "\"";
      if (!e.doc_id.empty()) out += " data-doc=\"" + E(e.doc_id) + "\"";
      out += attributes + ">" + content;
      if (!e.doc_id.empty()) out += "<cite lang=\"en\">\u2014 " + E(e.doc_id) + "</cite>";
      out += "</blockquote>\n";
    }
    if (items_left) out += "<p class=\"more muted\">" + E(MoreItemLines(r, items_left)) + "</p>\n";
    out += "</li>\n";
  }
  out += "</ol></section>\n";
}

std::string HsCell(const ItemFieldChanges& c, const Item& right) {
  std::string out;
  std::set<std::string> added(c.hs_added.begin(), c.hs_added.end());
  for (const std::string& h : right.hs_codes)
    out += (added.count(h) ? "<ins>" + E(h) + "</ins>" : E(h)) + " ";
  for (const std::string& h : c.hs_removed) out += "<del>" + E(h) + "</del> ";
  if (!out.empty()) out.pop_back();
  return out;
}

std::string ElementsCell(const ItemFieldChanges& c, const Item& right) {
  std::string out;
  std::set<std::string> added(c.elements_added.begin(), c.elements_added.end());
  for (const std::string& e : right.elements)
    out += (added.count(e) ? "<ins>" + E(e) + "</ins>" : E(e)) + " ";
  for (const std::string& e : c.elements_removed) out += "<del>" + E(e) + "</del> ";
  if (!out.empty()) out.pop_back();
  return out;
}

std::string CodeText(const Item& i) { return i.code ? *i.code : "(" + i.position + ")"; }

void Items(ChunkedOutput& out, Ids& ids, const DiffReport& r, Quotes& quotes) {
  out += "<section id=\"items\"><h2>" + E(Word(r, Phrase::kHeadingItems)) + "</h2>\n<p>" + E(ItemCounts(r)) +
         "</p>\n";
  const std::vector<ItemRow> rows = ItemRows(r);
  if (rows.empty()) {
    out += "</section>\n";
    return;
  }
  out += "<table class=\"items\">" +
         Th(r, {Phrase::kColChange, Phrase::kColCode, Phrase::kColElements, Phrase::kColName,
                Phrase::kColHsCodes, Phrase::kColEvidence}) +
         "<tbody>\n";
  for (const ItemRow& row : rows) {
    const Item& item = row.shown();
    const std::string cls(ItemRowKindName(row.kind));
    const std::string key = ItemKey(item);
    std::string code = E(CodeText(item)), elements = E(Join(item.elements, " ")),
                hs = E(Join(item.hs_codes, " "));
    const std::string shown_name = ItemName(r, item, row.right != nullptr);
    std::string name = E(shown_name);
    std::string evidence = quotes.Inline(item.evidence.text);
    if (row.changes) {
      elements = ElementsCell(*row.changes, *row.right);
      hs = HsCell(*row.changes, *row.right);
      if (row.changes->name_changed) {
        name = "<del>" + E(ItemName(r, *row.left, false)) + "</del> <ins>" + name + "</ins>";
      }
      evidence = quotes.Inline(row.left->evidence.text) + "<br>" + quotes.Inline(row.right->evidence.text);
    }
    if (row.kind == ItemRowKind::kRecoded)
      code = "<del>" + E(CodeText(*row.left)) + "</del> <ins>" + E(CodeText(*row.right)) + "</ins>";
    out += "<tr class=\"" + cls + "\" id=\"" + ids.Make(cls, key) + "\"";
    if (item.code) out += " data-code=\"" + E(*item.code) + "\"";
    out += " data-key=\"" + E(key) + "\"><td class=\"change\">" + E(row.label) + "</td><td class=\"code\">" +
           code + "</td><td>" + elements + "</td><td class=\"name\"" + LangAttr(shown_name) + ">" + name +
           "</td><td class=\"hs\">" + hs + "</td><td class=\"muted\">" + evidence + "</td></tr>\n";
  }
  out += "</tbody></table></section>\n";
}

void Effective(ChunkedOutput& out, const DiffReport& r, Quotes& quotes) {
  const EffectiveDiff& d = r.items.effective;
  if (d.empty()) return;
  out += "<section id=\"effective\"><h2>" + E(Word(r, Phrase::kHeadingEffective)) + "</h2>\n<table>" +
         Th(r, {Phrase::kColChange, Phrase::kColPart, Phrase::kLeft, Phrase::kRight, Phrase::kColEvidence}) +
         "<tbody>\n";
  auto row = [&](const char* cls, Phrase change, const std::string& part, const std::string& left,
                 const std::string& right, const std::string& evidence) {
    out += "<tr class=\"" + std::string(cls) + "\"><td class=\"change\">" + E(Word(r, change)) + "</td><td" +
           LangAttr(part) + ">" + E(part) + "</td><td>" + E(left) + "</td><td>" + E(right) +
           "</td><td class=\"muted\">" + evidence + "</td></tr>\n";
  };
  for (const auto& c : d.added)
    row("added", Phrase::kRowAdded, PartCell(r, c.applies_to), "\u2014", ClauseCell(r, c),
        quotes.Inline(c.evidence.text));
  for (const auto& c : d.removed)
    row("removed", Phrase::kRowRemoved, PartCell(r, c.applies_to), ClauseCell(r, c), "\u2014",
        quotes.Inline(c.evidence.text));
  for (const auto& c : d.changed)
    row("changed", Phrase::kRowChanged, PartCell(r, c.applies_to), ClauseCell(r, c.left),
        ClauseCell(r, c.right),
        quotes.Inline(c.left.evidence.text) + "<br>" + quotes.Inline(c.right.evidence.text));
  out += "</tbody></table></section>\n";
}

void Parties(ChunkedOutput& out, const DiffReport& r, Quotes& quotes) {
  const PartyDiff& d = r.parties;
  if (d.empty()) return;
  out += "<section id=\"parties\"><h2>" + E(Word(r, Phrase::kHeadingParties)) + "</h2>\n<p>" +
         E(PartyCounts(r)) + "</p>\n<table>" +
         Th(r, {Phrase::kColChange, Phrase::kColList, Phrase::kColAction, Phrase::kColName, Phrase::kColNameEn,
                Phrase::kColCountry, Phrase::kColEvidence}) +
         "<tbody>\n";
  auto row = [&](ItemRowKind kind, const Party& p, const std::string& name_en, const std::string& country,
                 const std::string& evidence) {
    const std::string cls(ItemRowKindName(kind));
    out += "<tr class=\"" + cls + "\" data-party=\"" + E(PartyMatchKey(p)) + "\" data-list=\"" +
           E(PartyListName(p.list)) + "\" data-action=\"" + E(PartyActionName(p.action)) +
           "\"><td class=\"change\">" + E(PartyRowLabel(r, kind)) + "</td><td>" +
           E(PartyListWords(p.list, r.lang)) + "</td><td>" + E(PartyActionWords(r, p.action)) + "</td><td" +
           LangAttr(p.name) + ">" + E(p.name) + "</td><td>" + E(name_en) + "</td><td>" + E(country) +
           "</td><td class=\"muted\">" + quotes.Inline(evidence) + "</td></tr>\n";
  };
  for (const Party& p : d.added)
    row(ItemRowKind::kAdded, p, p.name_en.value_or(""), p.country.value_or(""), p.evidence.text);
  for (const Party& p : d.removed)
    row(ItemRowKind::kRemoved, p, p.name_en.value_or(""), p.country.value_or(""), p.evidence.text);
  for (const PartyChange& c : d.changed) {
    row(ItemRowKind::kChanged, c.right,
        c.left.name_en.value_or("") + " \u2192 " + c.right.name_en.value_or(""),
        c.left.country.value_or("") + " \u2192 " + c.right.country.value_or(""), c.right.evidence.text);
  }
  out += "</tbody></table></section>\n";
}

void Relations(ChunkedOutput& out, const DiffReport& r, Quotes& quotes) {
  const RelationDiff& d = r.items.relations;
  if (d.empty()) return;
  out += "<section id=\"relations\"><h2>" + E(Word(r, Phrase::kHeadingRelations)) + "</h2>\n<table>" +
         Th(r, {Phrase::kColChange, Phrase::kColType, Phrase::kColTarget, Phrase::kColUntil,
                Phrase::kColEvidence}) +
         "<tbody>\n";
  auto row = [&](const char* cls, Phrase change, const Relation& x) {
    out += "<tr class=\"" + std::string(cls) + "\" data-target=\"" + E(x.target) + "\" data-type=\"" +
           E(RelationTypeName(x.type)) + "\"><td class=\"change\">" + E(Word(r, change)) + "</td><td>" +
           E(RelationTypeWords(r, x.type)) + "</td><td class=\"code\">" + E(x.target) + "</td><td>" +
           DateCell(x.until) + "</td><td class=\"muted\">" + quotes.Inline(x.evidence.text) + "</td></tr>\n";
  };
  for (const auto& x : d.added) row("added", Phrase::kRowAdded, x);
  for (const auto& x : d.removed) row("removed", Phrase::kRowRemoved, x);
  out += "</tbody></table></section>\n";
}

void Header(ChunkedOutput& out, const DiffReport& r) {
  const std::vector<HeaderChange>& h = r.items.header;
  if (h.empty()) return;
  out += "<section id=\"header\"><h2>" + E(Word(r, Phrase::kHeadingHeader)) + "</h2>\n<table>" +
         Th(r, {Phrase::kColField, Phrase::kLeft, Phrase::kRight}) + "<tbody>\n";
  for (const auto& c : h)
    out += "<tr class=\"changed\" data-field=\"" + E(HeaderFieldName(c.field)) + "\"><td>" +
           E(HeaderFieldWords(r, c.field)) + "</td><td" + LangAttr(c.left) + ">" + E(c.left) + "</td><td" +
           LangAttr(c.right) + ">" + E(c.right) + "</td></tr>\n";
  out += "</tbody></table></section>\n";
}

// The status changes; rows in a run sharing one quote share one evidence
// cell.
void Status(ChunkedOutput& out, Ids& ids, const DiffReport& r, Quotes& quotes) {
  if (r.kind != DiffKind::kDates) return;
  out += "<section id=\"status\"><h2>" + E(Word(r, Phrase::kHeadingStatus)) + "</h2>\n<p>" + E(StatusCounts(r)) +
         "</p>\n";
  if (r.status.empty()) {
    out += "</section>\n";
    return;
  }
  out += "<table>" +
         Th(r, {Phrase::kColChange, Phrase::kColCode, Phrase::kColBefore, Phrase::kColAfter,
                Phrase::kColGovernedBy, Phrase::kColHsCodes, Phrase::kColEvidence}) +
         "<tbody>\n";
  const std::vector<StatusChange>& changes = r.status.changes;
  size_t run_end = 0;  // one past the last row sharing the current evidence cell
  for (size_t i = 0; i < changes.size(); ++i) {
    const StatusChange& c = changes[i];
    const ItemState& s = c.current();
    const char* cls = c.kind == StatusChangeKind::kNewlyListed ? "added"
                      : c.kind == StatusChangeKind::kDelisted  ? "removed"
                                                               : "changed";
    out += "<tr class=\"status-change " + std::string(cls) + "\" id=\"" + ids.Make("status", c.key) +
           "\" data-kind=\"" + E(StatusChangeKindName(c.kind)) + "\"";
    if (s.code) out += " data-code=\"" + E(*s.code) + "\"";
    out += "><td class=\"change\">" + E(StatusChangeWords(r, c.kind)) + "</td><td class=\"code\">" +
           E(s.code ? *s.code : s.key) + "</td><td>" + E(StateCell(r, c.before)) + "</td><td>" +
           E(StateCell(r, c.after)) + "</td><td class=\"code\">" + E(Join(s.governing, " ")) +
           "</td><td class=\"hs\">" + E(Join(s.hs_codes, " ")) + "</td>";
    if (i >= run_end) {
      run_end = i + 1;
      while (run_end < changes.size() && changes[run_end].current().evidence == s.evidence) ++run_end;
      out += "<td class=\"muted\"";
      if (run_end - i > 1) out += " rowspan=\"" + std::to_string(run_end - i) + "\"";
      out += ">" + quotes.Inline(s.evidence) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></section>\n";
}

// --- the SVG timeline ---

std::string Num(double v) { return SvgNumber(v); }

std::string RowLabel(const HistoryRow& row, SummaryLang lang) {
  if (!row.element) return row.id;
  const ElementEntry* e = FindElementBySymbol(row.id);
  if (!e) return row.id;
  return (lang == SummaryLang::kZh ? std::string(e->zh) : std::string(e->en)) + " (" + row.id + ")";
}

// A span's governing announcements for its tooltip: the first few and how
// many more (a synthetic archive governs one span by hundreds).
std::string GoverningText(const DiffReport& r, const std::vector<std::string>& ids) {
  constexpr size_t kShown = 5;
  if (ids.size() <= kShown + 1) return Join(ids, ", ");
  const std::vector<std::string> first(ids.begin(), ids.begin() + kShown);
  return Word(r, Phrase::kAndMore, {Join(first, ", "), std::to_string(ids.size() - kShown)});
}

void Timeline(ChunkedOutput& out, const DiffReport& r) {
  const ElementHistory& h = r.history;
  if (h.empty()) return;
  long lo = h.first->DaysSinceEpoch(), hi = h.last->DaysSinceEpoch();
  for (const HistoryRow& row : h.rows)
    for (const HistorySpan& s : row.spans)
      if (s.end) hi = std::max(hi, s.end->DaysSinceEpoch());
  for (const Date& m : r.marks) {
    lo = std::min(lo, m.DaysSinceEpoch());
    hi = std::max(hi, m.DaysSinceEpoch());
  }
  constexpr double kLabelWidth = 170, kPlotWidth = 780, kRowHeight = 22, kTop = 34;
  const TimeAxis axis(lo, hi, kLabelWidth, kPlotWidth);
  const double height = kTop + kRowHeight * static_cast<double>(h.rows.size()) + 24;
  auto x = [&](long day) { return axis.X(day); };
  out += "<section id=\"timeline\"><h2>" + E(Word(r, Phrase::kHeadingTimeline)) +
         "</h2>\n<p class=\"legend\"><span><svg class=\"swatch\" "
         "viewBox=\"0 0 12 8\" aria-hidden=\"true\"><rect width=\"12\" height=\"8\" fill=\"#2da44e\"/></svg>" +
         E(Word(r, Phrase::kInForce)) +
         "</span><span><svg class=\"swatch\" viewBox=\"0 0 12 8\" aria-hidden=\"true\"><rect "
         "width=\"12\" height=\"8\" fill=\"#fff1e5\" stroke=\"#bc4c00\"/></svg>" +
         E(Word(r, Phrase::kLegendSuspended)) + "</span><span>" + E(Word(r, Phrase::kLegendInferred)) +
         "</span><span>" + E(Word(r, Phrase::kLegendMarks)) + "</span></p>\n";
  out += "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
         Num(kLabelWidth + kPlotWidth + 10) + " " + Num(height) +
         "\" font-size=\"11\" font-family=\"sans-serif\" aria-labelledby=\"timeline-title\">\n";
  out += "<title id=\"timeline-title\">" + E(Word(r, Phrase::kTimelineTitle)) + "</title>\n";
  out += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff1e5\"/><line x1=\"0\" "
         "y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#bc4c00\" stroke-width=\"2\"/></pattern></defs>\n";
  // Ticks: the first of each month, or of each year past three years.
  for (const AxisTick& tick : axis.Ticks()) {
    const long day = tick.day;
    out += "<line class=\"tick\" x1=\"" + Num(x(day)) + "\" y1=\"" + Num(kTop - 6) + "\" x2=\"" + Num(x(day)) +
           "\" y2=\"" + Num(height - 20) + "\" stroke=\"#d1d9e0\"/>";
    if (!tick.label.empty()) {
      out += "<text class=\"tick-label\" x=\"" + Num(x(day) + 2) + "\" y=\"" + Num(height - 6) +
             "\" fill=\"#59636e\">" + E(tick.label) + "</text>";
    }
    out += "\n";
  }
  for (size_t i = 0; i < h.rows.size(); ++i) {
    const HistoryRow& row = h.rows[i];
    const double y = kTop + kRowHeight * static_cast<double>(i);
    out += "<g class=\"row\" data-row=\"" + E(row.id) + "\"><text class=\"label\" x=\"4\" y=\"" +
           Num(y + kRowHeight * 0.65) + "\" fill=\"#1f2328\">" + E(RowLabel(row, r.lang)) + "</text>\n";
    for (const HistorySpan& s : row.spans) {
      const double x0 = x(s.begin.DaysSinceEpoch());
      const double x1 = s.end ? x(s.end->DaysSinceEpoch() + 1) : kLabelWidth + kPlotWidth;
      const char* state = s.state == SpanState::kInForce ? "in-force" : "suspended";
      const std::string title = Word(
          r, Phrase::kSpanTooltip,
          {row.id, Word(r, s.state == SpanState::kInForce ? Phrase::kInForce : Phrase::kSuspended),
           s.begin.ToIso(), s.end ? Word(r, Phrase::kSpanTo, {s.end->ToIso()}) : "",
           s.inferred ? Word(r, Phrase::kInferredMark) : "",
           s.governing.empty() ? "" : Word(r, Phrase::kSemicolon) + GoverningText(r, h.Governing(s))});
      const char* paint = s.state == SpanState::kInForce
                              ? "fill=\"#2da44e\""
                              : "fill=\"url(#hatch)\" stroke=\"#bc4c00\" stroke-width=\"1\"";
      out += "<rect class=\"" + std::string(state) + (s.inferred ? " inferred" : "") + "\" x=\"" + Num(x0) +
             "\" y=\"" + Num(y + 3) + "\" width=\"" + Num(std::max(1.0, x1 - x0)) + "\" height=\"" +
             Num(kRowHeight - 6) + "\" " + paint + (s.inferred ? " opacity=\"0.55\"" : "") +
             " data-begin=\"" + s.begin.ToIso() + "\"" +
             (s.end ? " data-end=\"" + s.end->ToIso() + "\"" : std::string()) + "><title>" + E(title) +
             "</title></rect>\n";
    }
    out += "</g>\n";
  }
  for (const Date& m : r.marks) {
    const double mx = x(m.DaysSinceEpoch());
    out += "<line class=\"mark\" x1=\"" + Num(mx) + "\" y1=\"" + Num(kTop - 14) + "\" x2=\"" + Num(mx) +
           "\" y2=\"" + Num(height - 20) + "\" stroke=\"#0969da\" stroke-dasharray=\"4 3\"/>"
           "<text class=\"mark-label\" x=\"" + Num(mx + 2) + "\" y=\"" + Num(kTop - 16) +
           "\" fill=\"#0969da\">" + m.ToIso() + "</text>\n";
  }
  out += "</svg></section>\n";
}

// --- side-by-side text ---

std::string LineHtml(const DiffLine& l) {
  if (l.segments.empty()) return E(l.text);
  std::string out;
  const char* tag = l.op == LineOp::kDelete ? "del" : "ins";
  for (const Segment& s : l.segments)
    out += s.changed ? "<" + std::string(tag) + ">" + E(s.text) + "</" + tag + ">" : E(s.text);
  return out;
}

void TextDiffTable(ChunkedOutput& out, const DiffReport& r) {
  if (!r.text) return;
  const TextDiff& t = *r.text;
  out += "<section id=\"text-diff\"><h2>" + E(Word(r, Phrase::kHeadingTextDiff)) + "</h2>\n<p>" +
         E(TextDiffCounts(r)) + "</p>\n";
  if (t.empty()) {
    out += "</section>\n";
    return;
  }
  out += "<table class=\"text-diff\"><colgroup><col style=\"width:4em\"><col><col style=\"width:4em\"><col>"
         "</colgroup><thead><tr><th></th><th>" + E(r.left.label) + "</th><th></th><th>" + E(r.right.label) +
         "</th></tr></thead><tbody>\n";
  for (const Hunk& h : t.hunks) {
    out += "<tr class=\"hunk\"><td colspan=\"4\">@@ -" + std::to_string(h.left_start) + "," +
           std::to_string(h.left_count) + " +" + std::to_string(h.right_start) + "," +
           std::to_string(h.right_count) + " @@</td></tr>\n";
    size_t i = 0;
    while (i < h.lines.size()) {
      const DiffLine& l = h.lines[i];
      if (l.op == LineOp::kContext) {
        out += "<tr class=\"same\"><td class=\"num\">" + std::to_string(l.left_line) + "</td><td>" + E(l.text) +
               "</td><td class=\"num\">" + std::to_string(l.right_line) + "</td><td>" + E(l.text) + "</td></tr>\n";
        ++i;
        continue;
      }
      std::vector<const DiffLine*> dels, inss;
      while (i < h.lines.size() && h.lines[i].op != LineOp::kContext) {
        (h.lines[i].op == LineOp::kDelete ? dels : inss).push_back(&h.lines[i]);
        ++i;
      }
      auto row = [&](const DiffLine* del, const DiffLine* ins) {
        out += "<tr class=\"change\">";
        if (del)
          out += "<td class=\"num\">" + std::to_string(del->left_line) + "</td><td class=\"del\">" +
                 LineHtml(*del) + "</td>";
        else
          out += "<td class=\"num\"></td><td class=\"empty\"></td>";
        if (ins)
          out += "<td class=\"num\">" + std::to_string(ins->right_line) + "</td><td class=\"ins\">" +
                 LineHtml(*ins) + "</td>";
        else
          out += "<td class=\"num\"></td><td class=\"empty\"></td>";
        out += "</tr>\n";
      };
      // Paired lines share a row; the unpaired lines between two pairs are
      // set side by side in order (a translation reads line against line).
      size_t d = 0, k = 0;
      while (d < dels.size() || k < inss.size()) {
        std::vector<const DiffLine*> gap_d, gap_i;
        while (d < dels.size() && !dels[d]->paired) gap_d.push_back(dels[d++]);
        while (k < inss.size() && !inss[k]->paired) gap_i.push_back(inss[k++]);
        for (size_t g = 0; g < std::max(gap_d.size(), gap_i.size()); ++g)
          row(g < gap_d.size() ? gap_d[g] : nullptr, g < gap_i.size() ? gap_i[g] : nullptr);
        if (d < dels.size() && k < inss.size()) row(dels[d++], inss[k++]);
        else if (d < dels.size()) row(dels[d++], nullptr);
        else if (k < inss.size()) row(nullptr, inss[k++]);
      }
    }
  }
  out += "</tbody></table></section>\n";
}

// The report's <header>: its title, what was compared and the verdict, the
// sides.
void ReportHeader(ChunkedOutput& out, const DiffReport& r) {
  out += "<header><h1>" + E(ReportTitle(r)) + "</h1>\n<p>" + E(ComparedWords(r) + Word(r, Phrase::kSentenceGap)) + "<span class=\"verdict " +
         (r.differs() ? "differs" : "same") + "\">" + E(VerdictWords(r)) + "</span></p>\n";
  SidesTable(out, r);
  out += "</header>\n";
}

// The report's sections: the picture first (which elements were controlled
// when, the compared dates marked), then what changed, in words and in
// tables.
void ReportSections(ChunkedOutput& out, const DiffReport& r) {
  Timeline(out, r);
  Quotes quotes(r);
  Summary(out, r, quotes);
  Ids ids;
  if (r.kind != DiffKind::kDates) Items(out, ids, r, quotes);
  Parties(out, r, quotes);
  Effective(out, r, quotes);
  Relations(out, r, quotes);
  Header(out, r);
  Status(out, ids, r, quotes);
  TextDiffTable(out, r);
}

}  // namespace

void WriteHtml(const DiffReport& r, const WriteChunk& write) {
  ChunkedOutput out(write);
  const std::string lang(SummaryLangName(r.lang));
  out += "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"regdiff " + E(kDiffSchema) + "\">\n<title>" + E(ReportTitle(r)) +
         "</title>\n<style>\n" + StyleSheet(false) + "</style>\n</head>\n<body>\n";
  ReportHeader(out, r);
  out += "<main>\n";
  ReportSections(out, r);
  out += "</main>\n<footer>" + E(Word(r, Phrase::kFooter, {kDiffSchema})) + "</footer>\n</body>\n</html>\n";
  out.Flush();
}

std::string HtmlReportStyle() { return StyleSheet(true); }

void WriteHtmlReport(const DiffReport& r, const WriteChunk& write) {
  ChunkedOutput out(write);
  ReportHeader(out, r);
  ReportSections(out, r);
  out.Flush();
}

std::string RenderHtml(const DiffReport& r) {
  std::string out;
  WriteHtml(r, AppendTo(out));
  return out;
}

}  // namespace regdiff::diff
