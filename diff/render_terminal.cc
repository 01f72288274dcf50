// RenderTerminal.
#include "diff/render_terminal.h"

#include "corpus/strings.h"

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

class Writer {
 public:
  explicit Writer(bool color) : color_(color) {}
  Writer& Put(std::string_view s) {
    out_ += s;
    return *this;
  }
  Writer& Style(const char* style, std::string_view s) {
    if (color_) out_ += style;
    out_ += s;
    if (color_) out_ += kReset;
    return *this;
  }
  std::string Take() { return std::move(out_); }
  bool color() const { return color_; }

 private:
  bool color_;
  std::string out_;
};

std::string OptDate(const std::optional<Date>& d) { return d ? d->ToIso() : "?"; }

std::string SideLine(const Side& s) {
  if (s.date) return s.label + "  (" + std::to_string(s.listed) + " items listed)";
  std::string out = s.label;
  if (s.announcement) {
    const Announcement& a = *s.announcement;
    out += "  [" + std::string(LangName(a.lang)) + "]";
    if (a.published) out += "  published " + a.published->ToIso();
    if (!a.title.empty()) out += "  " + a.title;
  }
  if (!s.source.empty()) out += "\n         " + s.source + " (version " + std::to_string(s.version) + ")";
  return out;
}

std::string ItemLine(const Item& item) {
  std::string out = item.code ? *item.code : "[" + item.position + "]";
  if (!item.elements.empty()) out += "  {" + Join(item.elements, ",") + "}";
  out += "  " + item.name;
  if (!item.hs_codes.empty()) out += "  HS " + Join(item.hs_codes, " ");
  return out;
}

std::string ChangeWords(const ItemFieldChanges& c, const Item& l, const Item& r) {
  std::vector<std::string> parts;
  if (c.name_changed) parts.push_back("name \"" + l.name + "\" -> \"" + r.name + "\"");
  for (const auto& h : c.hs_added) parts.push_back("+HS " + h);
  for (const auto& h : c.hs_removed) parts.push_back("-HS " + h);
  for (const auto& e : c.elements_added) parts.push_back("+" + e);
  for (const auto& e : c.elements_removed) parts.push_back("-" + e);
  return Join(parts, "; ");
}

std::string ClauseLine(const EffectiveClause& c) {
  std::string out = OptDate(c.date);
  if (c.on_publication) out += " (on publication)";
  out += " for " + c.applies_to;
  return out;
}

std::string RelationLine(const Relation& r) {
  std::string out = std::string(RelationTypeName(r.type)) + " " + r.target;
  if (r.until) out += " until " + r.until->ToIso();
  return out;
}

// "watch_list add  斯巴鲁株式会社 (SUBARU Corporation) JP".
std::string PartyLine(const Party& p) {
  std::string out = std::string(PartyListName(p.list)) + " " + std::string(PartyActionName(p.action)) +
                    "  " + p.name;
  if (p.name_en && *p.name_en != p.name) out += " (" + *p.name_en + ")";
  if (p.country) out += " " + *p.country;
  return out;
}

std::string StateLine(const std::optional<ItemState>& s) {
  if (!s) return "not listed";
  std::string out(ItemStatusName(s->status));
  if (s->basis == Basis::kInferred) out += " (inferred)";
  if (s->since) out += " since " + s->since->ToIso();
  if (s->until) out += " until " + s->until->ToIso();
  return out;
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
  w.Style(kBold, "regdiff diff: " + std::string(DiffKindName(r.kind))).Put("\n");
  w.Put("  left:  ").Put(SideLine(r.left)).Put("\n");
  w.Put("  right: ").Put(SideLine(r.right)).Put("\n\n");

  w.Style(kBold, "Summary").Put("\n");
  for (const Sentence& s : r.summary) {
    w.Put("  * ").Put(s.text).Put("\n");
    if (!options.evidence) continue;
    for (const EvidenceRef& e : s.evidence) {
      w.Style(kDim, "      \u00bb " + e.text + (e.doc_id.empty() ? "" : "  (" + e.doc_id + ")")).Put("\n");
    }
  }

  const AnnouncementDiff& d = r.items;
  if (r.kind != DiffKind::kDates) {
    w.Put("\n").Style(kBold, "Items").Put(": " + std::to_string(d.added.size()) + " added, " +
                                          std::to_string(d.removed.size()) + " removed, " +
                                          std::to_string(d.changed.size()) + " changed, " +
                                          std::to_string(d.recoded.size()) + " recoded\n");
    for (const Item& i : d.added) w.Style(kGreen, "  + " + ItemLine(i)).Put("\n");
    for (const Item& i : d.removed) w.Style(kRed, "  - " + ItemLine(i)).Put("\n");
    for (const ItemChange& c : d.changed)
      w.Style(kYellow, "  ~ " + c.key + "  " + ChangeWords(c.changes, c.left, c.right)).Put("\n");
    for (const RecodedItem& c : d.recoded) {
      std::string line = "  > " + (c.left.code ? *c.left.code : "[" + c.left.position + "]") + " -> " +
                         (c.right.code ? *c.right.code : "[" + c.right.position + "]") + "  " +
                         c.right.name;
      const std::string more = ChangeWords(c.changes, c.left, c.right);
      if (!more.empty()) line += "  (" + more + ")";
      w.Style(kMagenta, line).Put("\n");
    }
  }
  if (!r.parties.empty()) {
    w.Put("\n").Style(kBold, "Parties").Put(": " + std::to_string(r.parties.added.size()) + " added, " +
                                            std::to_string(r.parties.removed.size()) + " removed, " +
                                            std::to_string(r.parties.changed.size()) + " changed\n");
    for (const Party& p : r.parties.added) w.Style(kGreen, "  + " + PartyLine(p)).Put("\n");
    for (const Party& p : r.parties.removed) w.Style(kRed, "  - " + PartyLine(p)).Put("\n");
    for (const PartyChange& c : r.parties.changed)
      w.Style(kYellow, "  ~ " + PartyLine(c.left) + " -> " + PartyLine(c.right)).Put("\n");
  }
  if (!d.effective.empty()) {
    w.Put("\n").Style(kBold, "Effective dates").Put("\n");
    for (const auto& c : d.effective.added) w.Style(kGreen, "  + " + ClauseLine(c)).Put("\n");
    for (const auto& c : d.effective.removed) w.Style(kRed, "  - " + ClauseLine(c)).Put("\n");
    for (const auto& c : d.effective.changed)
      w.Style(kYellow, "  ~ " + ClauseLine(c.left) + " -> " + ClauseLine(c.right)).Put("\n");
  }
  if (!d.relations.empty()) {
    w.Put("\n").Style(kBold, "Relations").Put("\n");
    for (const auto& x : d.relations.added) w.Style(kGreen, "  + " + RelationLine(x)).Put("\n");
    for (const auto& x : d.relations.removed) w.Style(kRed, "  - " + RelationLine(x)).Put("\n");
  }
  if (!d.header.empty()) {
    w.Put("\n").Style(kBold, "Header").Put("\n");
    for (const auto& h : d.header) {
      w.Style(kYellow, "  ~ " + std::string(HeaderFieldName(h.field)) + ": \"" + h.left + "\" -> \"" +
                           h.right + "\"")
          .Put("\n");
    }
  }
  if (r.kind == DiffKind::kDates) {
    w.Put("\n").Style(kBold, "Status changes").Put(": " + std::to_string(r.status.changes.size()) + "\n");
    for (const StatusChange& c : r.status.changes) {
      const ItemState& s = c.current();
      std::string line = "  " + std::string(StatusChangeKindName(c.kind)) + "  " +
                         (s.code ? *s.code : s.key) + "  " + StateLine(c.before) + " -> " +
                         StateLine(c.after);
      if (!s.governing.empty()) line += "  by " + Join(s.governing, " ");
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
    w.Put("\n").Style(kBold, "Text diff").Put(": " + std::to_string(t.lines_deleted) + " deleted, " +
                                              std::to_string(t.lines_inserted) + " inserted\n");
    if (t.line_fallback) w.Put("  (large change: some blocks are shown whole)\n");
    if (t.token_fallback) w.Put("  (some long lines are compared whole)\n");
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
  w.Put("\n").Put(r.differs() ? "differences found\n" : "no differences\n");
  return w.Take();
}

}  // namespace regdiff::diff
