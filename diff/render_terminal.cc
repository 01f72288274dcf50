// RenderTerminal.
#include "diff/render_terminal.h"

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "diff/report_words.h"

namespace regdiff::diff {
namespace {

constexpr char kReset[] = "\033[0m";
constexpr char kBold[] = "\033[1m";
constexpr char kDim[] = "\033[2m";
constexpr char kRed[] = "\033[31m";
constexpr char kGreen[] = "\033[32m";
constexpr char kYellow[] = "\033[33m";
constexpr char kMagenta[] = "\033[35m";
constexpr char kCyan[] = "\033[36m";
constexpr char kRedMark[] = "\033[1;41m";
constexpr char kGreenMark[] = "\033[1;42m";

// The report's text with the escapes of its colours: every control
// character of the text itself but the line feeds that end its lines shown
// as \xNN (a title or quote holding ESC must not drive the terminal).
class Writer {
 public:
  explicit Writer(bool color) : color_(color) {}
  Writer& Put(std::string_view s) {
    out_ += EscapeControlsKeepingLines(s);
    return *this;
  }
  Writer& Style(const char* style, std::string_view s) {
    if (color_) out_ += style;
    out_ += EscapeControlsKeepingLines(s);
    if (color_) out_ += kReset;
    return *this;
  }
  std::string Take() { return std::move(out_); }
  bool color() const { return color_; }

 private:
  bool color_;
  std::string out_;
};

std::string SideLine(const DiffReport& r, const Side& s) {
  if (s.date) return s.label + "  (" + Word(r, Phrase::kRowItemsListed) + " " + std::to_string(s.listed) + ")";
  std::string out = s.label;
  if (s.announcement) {
    const Announcement& a = *s.announcement;
    out += "  [" + LangWords(a.lang, r.lang) + "]";
    if (a.published) out += "  " + Word(r, Phrase::kRowPublished) + " " + a.published->ToIso();
    if (!a.title.empty()) out += "  " + a.title;
  }
  // A file name may hold a line feed: it stays on its line.
  if (!s.source.empty()) out += "\n         " + SourceWords(r, s, EscapeControls(s.source));
  return out;
}

std::string ItemLine(const DiffReport& r, const Item& item, bool right) {
  std::string out = item.code ? *item.code : "[" + item.position + "]";
  if (!item.elements.empty()) out += "  {" + Join(item.elements, ",") + "}";
  out += "  " + ItemName(r, item, right);
  if (!item.hs_codes.empty()) out += "  " + Word(r, Phrase::kHsCell, {Join(item.hs_codes, " ")});
  return out;
}

std::string ClauseLine(const DiffReport& r, const EffectiveClause& c) {
  return Word(r, Phrase::kClauseFor, {ClauseCell(r, c), PartCell(r, c.applies_to)});
}

std::string RelationLine(const DiffReport& r, const Relation& x) {
  std::string out = RelationTypeWords(r, x.type) + " " + x.target;
  if (x.until) out += Word(r, Phrase::kUntil, {x.until->ToIso()});
  return out;
}

// "put on the watch list  斯巴鲁株式会社 (SUBARU Corporation) JP".
std::string PartyLine(const DiffReport& r, const Party& p) {
  std::string out =
      Word(r, Phrase::kPartyOnList, {PartyActionWords(r, p.action), PartyListWords(p.list, r.lang)}) + "  " +
      p.name;
  if (p.name_en && *p.name_en != p.name) out += " (" + *p.name_en + ")";
  if (p.country) out += " " + *p.country;
  return out;
}

const char* RowStyle(ItemRowKind kind) {
  switch (kind) {
    case ItemRowKind::kAdded: return kGreen;
    case ItemRowKind::kRemoved:
    case ItemRowKind::kEnded: return kRed;
    case ItemRowKind::kLeftOnly: return kDim;
    case ItemRowKind::kSuspended:
    case ItemRowKind::kResumed:
    case ItemRowKind::kChanged: return kYellow;
    case ItemRowKind::kRecoded: return kMagenta;
  }
  return kYellow;
}

const char* RowMark(ItemRowKind kind) {
  switch (kind) {
    case ItemRowKind::kAdded: return "+";
    case ItemRowKind::kRemoved:
    case ItemRowKind::kEnded: return "-";
    case ItemRowKind::kLeftOnly: return "=";
    case ItemRowKind::kSuspended:
    case ItemRowKind::kResumed:
    case ItemRowKind::kChanged: return "~";
    case ItemRowKind::kRecoded: return ">";
  }
  return "~";
}

// A changed line; its changed runs highlighted, or without colour
// bracketed wdiff-style: [-deleted-], {+inserted+}.
void Segments(Writer& w, const DiffLine& l, const char* line_style, const char* mark_style) {
  if (l.segments.empty()) {
    w.Style(line_style, l.text);
    return;
  }
  const bool del = l.op == LineOp::kDelete;
  for (const Segment& s : l.segments) {
    if (!s.changed) w.Style(line_style, s.text);
    else if (w.color()) w.Style(mark_style, s.text);
    else w.Put(del ? "[-" + s.text + "-]" : "{+" + s.text + "+}");
  }
}

}  // namespace

std::string RenderTerminal(const DiffReport& r, const TerminalOptions& options) {
  Writer w(options.color);
  w.Style(kBold, ReportTitle(r)).Put("  ").Put(ComparedWords(r)).Put("\n");
  w.Put("  " + Word(r, Phrase::kLabel, {Word(r, Phrase::kLeft)}) + " ").Put(SideLine(r, r.left)).Put("\n");
  w.Put("  " + Word(r, Phrase::kLabel, {Word(r, Phrase::kRight)}) + " ").Put(SideLine(r, r.right)).Put("\n\n");

  w.Style(kBold, Word(r, Phrase::kHeadingSummary)).Put("\n");
  for (const Sentence& s : r.summary) {
    w.Put("  * ").Put(s.text).Put("\n");
    if (!options.evidence) continue;
    for (const EvidenceRef& e : s.evidence) {
      w.Style(kDim, "      \u00bb " + e.text + (e.doc_id.empty() ? "" : "  (" + e.doc_id + ")")).Put("\n");
    }
  }

  const AnnouncementDiff& d = r.items;
  if (r.kind != DiffKind::kDates) {
    w.Put("\n").Style(kBold, Word(r, Phrase::kLabel, {Word(r, Phrase::kHeadingItems)})).Put(" " + ItemCounts(r) + "\n");
    // Rows of one kind share their label: it is printed once, above them.
    std::string label;
    for (const ItemRow& row : ItemRows(r)) {
      if (row.label != label) {
        label = row.label;
        w.Put("  ").Style(RowStyle(row.kind), Word(r, Phrase::kLabel, {label})).Put("\n");
      }
      std::string line = "    " + std::string(RowMark(row.kind)) + " ";
      if (row.kind == ItemRowKind::kRecoded) {
        line += (row.left->code ? *row.left->code : "[" + row.left->position + "]") + " -> " +
                ItemLine(r, *row.right, true);
      } else {
        line += ItemLine(r, row.shown(), row.right != nullptr);
      }
      if (row.changes) {
        const std::string more = FieldChangeCell(r, *row.changes, *row.left, *row.right);
        if (!more.empty()) line += "  (" + more + ")";
      }
      w.Style(RowStyle(row.kind), line).Put("\n");
    }
  }
  if (!r.parties.empty()) {
    w.Put("\n").Style(kBold, Word(r, Phrase::kLabel, {Word(r, Phrase::kHeadingParties)})).Put(" " + PartyCounts(r) + "\n");
    for (const Party& p : r.parties.added)
      w.Style(kGreen, "  + " + Word(r, Phrase::kLabel, {PartyRowLabel(r, ItemRowKind::kAdded)}) + " " + PartyLine(r, p)).Put("\n");
    for (const Party& p : r.parties.removed)
      w.Style(kRed, "  - " + Word(r, Phrase::kLabel, {PartyRowLabel(r, ItemRowKind::kRemoved)}) + " " + PartyLine(r, p)).Put("\n");
    for (const PartyChange& c : r.parties.changed)
      w.Style(kYellow, "  ~ " + PartyLine(r, c.left) + " -> " + PartyLine(r, c.right)).Put("\n");
  }
  if (!d.effective.empty()) {
    w.Put("\n").Style(kBold, Word(r, Phrase::kHeadingEffective)).Put("\n");
    for (const auto& c : d.effective.added) w.Style(kGreen, "  + " + ClauseLine(r, c)).Put("\n");
    for (const auto& c : d.effective.removed) w.Style(kRed, "  - " + ClauseLine(r, c)).Put("\n");
    for (const auto& c : d.effective.changed)
      w.Style(kYellow, "  ~ " + ClauseLine(r, c.left) + " -> " + ClauseLine(r, c.right)).Put("\n");
  }
  if (!d.relations.empty()) {
    w.Put("\n").Style(kBold, Word(r, Phrase::kHeadingRelations)).Put("\n");
    for (const auto& x : d.relations.added) w.Style(kGreen, "  + " + RelationLine(r, x)).Put("\n");
    for (const auto& x : d.relations.removed) w.Style(kRed, "  - " + RelationLine(r, x)).Put("\n");
  }
  if (!d.header.empty()) {
    w.Put("\n").Style(kBold, Word(r, Phrase::kHeadingHeader)).Put("\n");
    for (const auto& h : d.header) {
      w.Style(kYellow, "  ~ " + Word(r, Phrase::kLabel, {HeaderFieldWords(r, h.field)}) + " \"" + h.left + "\" -> \"" + h.right + "\"")
          .Put("\n");
    }
  }
  if (r.kind == DiffKind::kDates) {
    w.Put("\n").Style(kBold, Word(r, Phrase::kLabel, {Word(r, Phrase::kHeadingStatus)})).Put(" " + StatusCounts(r) + "\n");
    for (const StatusChange& c : r.status.changes) {
      const ItemState& s = c.current();
      std::string line = "  " + StatusChangeWords(r, c.kind) + "  " + (s.code ? *s.code : s.key) + "  " +
                         StateCell(r, c.before) + " -> " + StateCell(r, c.after);
      if (!s.governing.empty()) line += Word(r, Phrase::kGovernedByCell, {Join(s.governing, " ")});
      for (const auto& h : c.hs_added) line += "  +HS " + h;
      for (const auto& h : c.hs_removed) line += "  -HS " + h;
      const char* style = c.kind == StatusChangeKind::kNewlyListed ? kGreen
                          : c.kind == StatusChangeKind::kDelisted  ? kRed
                                                                   : kYellow;
      w.Style(style, line).Put("\n");
    }
  }
  if (r.text) {
    const TextDiff& t = *r.text;
    w.Put("\n").Style(kBold, Word(r, Phrase::kLabel, {Word(r, Phrase::kHeadingTextDiff)})).Put(" " + TextDiffCounts(r) + "\n");
    w.Style(kBold, "--- " + r.left.label).Put("\n");
    w.Style(kBold, "+++ " + r.right.label).Put("\n");
    for (const Hunk& h : t.hunks) {
      w.Style(kCyan, "@@ -" + std::to_string(h.left_start) + "," + std::to_string(h.left_count) +
                         " +" + std::to_string(h.right_start) + "," +
                         std::to_string(h.right_count) + " @@")
          .Put("\n");
      for (const DiffLine& l : h.lines) {
        switch (l.op) {
          case LineOp::kContext: w.Put(" " + l.text + "\n"); break;
          case LineOp::kDelete:
            w.Style(kRed, "-");
            Segments(w, l, kRed, kRedMark);
            w.Put("\n");
            break;
          case LineOp::kInsert:
            w.Style(kGreen, "+");
            Segments(w, l, kGreen, kGreenMark);
            w.Put("\n");
            break;
        }
      }
    }
  }
  w.Put("\n").Put(VerdictWords(r) + "\n");
  return w.Take();
}

}  // namespace regdiff::diff
