// RenderMarkdown.
#include "diff/render_markdown.h"

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "diff/report_words.h"

namespace regdiff::diff {
namespace {

// Item lines quoted under one sentence; the rest are in the item table.
constexpr size_t kItemQuotes = 3;

// Cells and quotes are one line of Markdown.
std::string Md(std::string_view s) { return MarkdownEscape(s); }

std::string Code(const Item& item) { return item.code ? *item.code : "(" + item.position + ")"; }

// A table head: "| a | b |\n|---|---|\n".
std::string Head(const DiffReport& r, std::initializer_list<Phrase> columns) {
  // Built by appending: GCC 12 warns (-Wrestrict, a false positive) on
  // " " + std::string temporaries here.
  std::string names = "|", rule = "|";
  for (Phrase c : columns) {
    names += ' ';
    names += Word(r, c);
    names += " |";
    rule += "---|";
  }
  names += '\n';
  names += rule;
  names += '\n';
  return names;
}

std::string Row(std::initializer_list<std::string> cells) {
  std::string out = "|";
  for (const std::string& c : cells) out += " " + c + " |";
  return out + "\n";
}

void SideTable(std::string& out, const DiffReport& r) {
  out += "| | " + Word(r, Phrase::kLeft) + " | " + Word(r, Phrase::kRight) + " |\n|---|---|---|\n";
  for (const SideRow& row : SideRows(r)) out += Row({row.name, Md(row.left), Md(row.right)});
  if (r.kind != DiffKind::kDates && (!r.left.source.empty() || !r.right.source.empty())) {
    out += Row({Word(r, Phrase::kRowSource), SourceWords(r, r.left, MarkdownCode(r.left.source)),
                SourceWords(r, r.right, MarkdownCode(r.right.source))});
  }
}

std::string Heading(const DiffReport& r, Phrase heading) {
  std::string out = "## ";
  out += Word(r, heading);
  out += "\n\n";
  return out;
}

}  // namespace

std::string RenderMarkdown(const DiffReport& r) {
  std::string out = "# ";
  out += Md(ReportTitle(r));
  out += "\n\n";
  out += ComparedWords(r) + Word(r, Phrase::kSentenceGap) + VerdictWords(r) + "\n\n";
  SideTable(out, r);

  out += '\n';
  out += Heading(r, Phrase::kHeadingSummary);
  for (size_t i = 0; i < r.summary.size(); ++i) {
    const Sentence& s = r.summary[i];
    out += std::to_string(i + 1) + ". " + Md(s.text) + "\n";
    size_t items_quoted = 0, items_left = 0, quoted = 0;
    for (const EvidenceRef& e : s.evidence) {
      if (e.what == "item" && items_quoted == kItemQuotes) {
        ++items_left;
        continue;
      }
      if (e.what == "item") ++items_quoted;
      if (quoted++) out += "   >\n";
      out += "   > " + Md(e.text);
      if (!e.doc_id.empty()) out += " — *" + Md(e.doc_id) + "*";
      out += "\n";
    }
    if (items_left) {
      out += "   >\n   > ";
      out += MoreItemLines(r, items_left);
      out += '\n';
    }
    out += "\n";
  }

  const AnnouncementDiff& d = r.items;
  if (r.kind != DiffKind::kDates) {
    out += Heading(r, Phrase::kHeadingItems) + ItemCounts(r) + "\n\n";
    const std::vector<ItemRow> rows = ItemRows(r);
    if (!rows.empty()) {
      out += Head(r, {Phrase::kColChange, Phrase::kColCode, Phrase::kColElements, Phrase::kColName,
                      Phrase::kColHsCodes});
      for (const ItemRow& row : rows) {
        const Item& i = row.shown();
        std::string code = Md(Code(i));
        if (row.kind == ItemRowKind::kRecoded) code = Md(Code(*row.left)) + " → " + Md(Code(*row.right));
        std::string last = Join(i.hs_codes, " ");
        if (row.changes) {
          const std::string more = FieldChangeCell(r, *row.changes, *row.left, *row.right);
          if (row.kind == ItemRowKind::kChanged || !more.empty()) last = Md(more);
        }
        out += Row({Md(row.label), code, Join(i.elements, ", "), Md(ItemName(r, i, row.right != nullptr)),
                    last});
      }
      out += "\n";
    }
  }
  if (!r.parties.empty()) {
    out += Heading(r, Phrase::kHeadingParties) + PartyCounts(r) + "\n\n" +
           Head(r, {Phrase::kColChange, Phrase::kColList, Phrase::kColAction, Phrase::kColName,
                    Phrase::kColNameEn, Phrase::kColCountry});
    auto party_row = [&](ItemRowKind kind, const Party& p) {
      out += Row({Md(PartyRowLabel(r, kind)), PartyListWords(p.list, r.lang), PartyActionWords(r, p.action),
                  Md(p.name), Md(p.name_en.value_or("")), p.country.value_or("")});
    };
    for (const Party& p : r.parties.added) party_row(ItemRowKind::kAdded, p);
    for (const Party& p : r.parties.removed) party_row(ItemRowKind::kRemoved, p);
    for (const PartyChange& c : r.parties.changed) {
      out += Row({Md(PartyRowLabel(r, ItemRowKind::kChanged)), PartyListWords(c.right.list, r.lang),
                  PartyActionWords(r, c.right.action), Md(c.right.name),
                  Md(c.left.name_en.value_or("")) + " → " + Md(c.right.name_en.value_or("")),
                  c.left.country.value_or("") + " → " + c.right.country.value_or("")});
    }
    out += "\n";
  }
  if (!d.effective.empty()) {
    out += Heading(r, Phrase::kHeadingEffective) +
           Head(r, {Phrase::kColChange, Phrase::kColPart, Phrase::kLeft, Phrase::kRight});
    for (const auto& c : d.effective.added)
      out += Row({Word(r, Phrase::kRowAdded), Md(PartCell(r, c.applies_to)), "—", ClauseCell(r, c)});
    for (const auto& c : d.effective.removed)
      out += Row({Word(r, Phrase::kRowRemoved), Md(PartCell(r, c.applies_to)), ClauseCell(r, c), "—"});
    for (const auto& c : d.effective.changed)
      out += Row({Word(r, Phrase::kRowChanged), Md(PartCell(r, c.applies_to)), ClauseCell(r, c.left),
                  ClauseCell(r, c.right)});
    out += "\n";
  }
  if (!d.relations.empty()) {
    out += Heading(r, Phrase::kHeadingRelations) +
           Head(r, {Phrase::kColChange, Phrase::kColType, Phrase::kColTarget, Phrase::kColUntil});
    auto rel_row = [&](Phrase change, const Relation& x) {
      out += Row({Word(r, change), RelationTypeWords(r, x.type), Md(x.target), DateCell(x.until)});
    };
    for (const auto& x : d.relations.added) rel_row(Phrase::kRowAdded, x);
    for (const auto& x : d.relations.removed) rel_row(Phrase::kRowRemoved, x);
    out += "\n";
  }
  if (!d.header.empty()) {
    out += Heading(r, Phrase::kHeadingHeader) + Head(r, {Phrase::kColField, Phrase::kLeft, Phrase::kRight});
    for (const auto& h : d.header) out += Row({HeaderFieldWords(r, h.field), Md(h.left), Md(h.right)});
    out += "\n";
  }
  if (r.kind == DiffKind::kDates) {
    out += Heading(r, Phrase::kHeadingStatus) + StatusCounts(r) + "\n\n";
    if (!r.status.empty()) {
      out += Head(r, {Phrase::kColChange, Phrase::kColCode, Phrase::kColBefore, Phrase::kColAfter,
                      Phrase::kColGovernedBy, Phrase::kColHsCodes});
      for (const StatusChange& c : r.status.changes) {
        const ItemState& s = c.current();
        out += Row({StatusChangeWords(r, c.kind), Md(s.code ? *s.code : s.key), StateCell(r, c.before),
                    StateCell(r, c.after), Join(s.governing, ", "), Join(s.hs_codes, " ")});
      }
      out += "\n";
    }
  }
  if (r.text) {
    const TextDiff& t = *r.text;
    out += Heading(r, Phrase::kHeadingTextDiff) + TextDiffCounts(r) + "\n\n";
    if (!t.empty()) {
      out += "```diff\n--- " + EscapeControls(r.left.label) + "\n+++ " + EscapeControls(r.right.label) + "\n";
      for (const Hunk& h : t.hunks) {
        out += "@@ -" + std::to_string(h.left_start) + "," + std::to_string(h.left_count) + " +" +
               std::to_string(h.right_start) + "," + std::to_string(h.right_count) + " @@\n";
        for (const DiffLine& l : h.lines) {
          out += l.op == LineOp::kContext ? " " : l.op == LineOp::kDelete ? "-" : "+";
          // A fence inside the text would end the block early.
          std::string text = EscapeControls(l.text);
          for (size_t p = 0; (p = text.find("``", p)) != std::string::npos;) {
            text.insert(p + 1, "\u200b");  // zero-width space between two backticks
            p += 4;
          }
          out += text + "\n";
        }
      }
      out += "```\n";
    }
  }
  return out;
}

}  // namespace regdiff::diff
