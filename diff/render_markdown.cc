// RenderMarkdown.
#include "diff/render_markdown.h"

#include "corpus/strings.h"

namespace regdiff::diff {
namespace {

// Item lines quoted under one sentence; the rest are in the item table.
constexpr size_t kItemQuotes = 3;

// Cells and quotes are one line of Markdown.
std::string Md(std::string_view s) { return MarkdownEscape(s); }

std::string Code(const Item& item) { return item.code ? *item.code : "(" + item.position + ")"; }

std::string OptDate(const std::optional<Date>& d) { return d ? d->ToIso() : "—"; }

std::string ClauseCell(const EffectiveClause& c) {
  return OptDate(c.date) + (c.on_publication ? " (on publication)" : "");
}

std::string StateCell(const std::optional<ItemState>& s) {
  if (!s) return "not listed";
  std::string out(ItemStatusName(s->status));
  if (s->basis == Basis::kInferred) out += " (inferred)";
  if (s->since) out += " since " + s->since->ToIso();
  if (s->until) out += " until " + s->until->ToIso();
  return out;
}

std::string ChangeCell(const ItemFieldChanges& c, const Item& l, const Item& r) {
  std::vector<std::string> parts;
  if (c.name_changed) parts.push_back("name: " + Md(l.name) + " → " + Md(r.name));
  if (!c.hs_added.empty()) parts.push_back("HS added: " + Join(c.hs_added, ", "));
  if (!c.hs_removed.empty()) parts.push_back("HS removed: " + Join(c.hs_removed, ", "));
  if (!c.elements_added.empty()) parts.push_back("elements added: " + Join(c.elements_added, ", "));
  if (!c.elements_removed.empty()) parts.push_back("elements removed: " + Join(c.elements_removed, ", "));
  return Join(parts, "; ");
}

void SideRows(std::string& out, const DiffReport& r) {
  out += "| | left | right |\n|---|---|---|\n";
  auto row = [&](const std::string& name, const std::string& l, const std::string& rr) {
    out += "| " + name + " | " + l + " | " + rr + " |\n";
  };
  row("compared", Md(r.left.label), Md(r.right.label));
  if (r.kind == DiffKind::kDates) {
    row("items listed", std::to_string(r.left.listed), std::to_string(r.right.listed));
    return;
  }
  const Announcement& a = *r.left.announcement;
  const Announcement& b = *r.right.announcement;
  row("language", std::string(LangName(a.lang)), std::string(LangName(b.lang)));
  row("title", Md(a.title), Md(b.title));
  row("published", OptDate(a.published), OptDate(b.published));
  row("items", std::to_string(a.items.size()), std::to_string(b.items.size()));
  if (!r.left.source.empty() || !r.right.source.empty()) {
    auto src = [](const Side& s) {
      return s.source.empty() ? std::string("—")
                              : "`" + s.source + "` (version " + std::to_string(s.version) + ")";
    };
    row("source", src(r.left), src(r.right));
  }
}

}  // namespace

std::string RenderMarkdown(const DiffReport& r) {
  std::string out = "# regdiff diff: " + Md(r.left.label) + " → " + Md(r.right.label) + "\n\n";
  out += "Compared: " + std::string(DiffKindName(r.kind)) + ". " +
         (r.differs() ? "Differences found." : "No differences.") + "\n\n";
  SideRows(out, r);

  out += "\n## Summary\n\n";
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
      out += "   >\n   > … and " + std::to_string(items_left) + " more item line" +
             (items_left == 1 ? "" : "s") + " (see Items)\n";
    }
    out += "\n";
  }

  const AnnouncementDiff& d = r.items;
  if (r.kind != DiffKind::kDates) {
    out += "## Items\n\n" + std::to_string(d.added.size()) + " added, " +
           std::to_string(d.removed.size()) + " removed, " + std::to_string(d.changed.size()) +
           " changed, " + std::to_string(d.recoded.size()) + " recoded.\n\n";
    if (!d.added.empty() || !d.removed.empty() || !d.changed.empty() || !d.recoded.empty()) {
      out += "| change | code | elements | name | HS codes |\n|---|---|---|---|---|\n";
      auto item_row = [&](const char* change, const Item& i) {
        out += "| " + std::string(change) + " | " + Md(Code(i)) + " | " + Join(i.elements, ", ") +
               " | " + Md(i.name) + " | " + Join(i.hs_codes, " ") + " |\n";
      };
      for (const Item& i : d.added) item_row("added", i);
      for (const Item& i : d.removed) item_row("removed", i);
      for (const ItemChange& c : d.changed) {
        out += "| changed | " + Md(c.key) + " | " + Join(c.right.elements, ", ") + " | " +
               Md(c.right.name) + " | " + ChangeCell(c.changes, c.left, c.right) + " |\n";
      }
      for (const RecodedItem& c : d.recoded) {
        std::string more = ChangeCell(c.changes, c.left, c.right);
        out += "| recoded | " + Md(Code(c.left)) + " → " + Md(Code(c.right)) + " | " +
               Join(c.right.elements, ", ") + " | " + Md(c.right.name) + " | " +
               (more.empty() ? Join(c.right.hs_codes, " ") : more) + " |\n";
      }
      out += "\n";
    }
  }
  if (!r.parties.empty()) {
    out += "## Parties\n\n" + std::to_string(r.parties.added.size()) + " added, " +
           std::to_string(r.parties.removed.size()) + " removed, " +
           std::to_string(r.parties.changed.size()) + " changed.\n\n"
           "| change | list | action | name | English name | country |\n|---|---|---|---|---|---|\n";
    auto party_row = [&](const char* change, const Party& p) {
      out += "| " + std::string(change) + " | " + std::string(PartyListName(p.list)) + " | " +
             std::string(PartyActionName(p.action)) + " | " + Md(p.name) + " | " +
             Md(p.name_en.value_or("")) + " | " + p.country.value_or("") + " |\n";
    };
    for (const Party& p : r.parties.added) party_row("added", p);
    for (const Party& p : r.parties.removed) party_row("removed", p);
    for (const PartyChange& c : r.parties.changed) {
      out += "| changed | " + std::string(PartyListName(c.right.list)) + " | " +
             std::string(PartyActionName(c.right.action)) + " | " + Md(c.right.name) + " | " +
             Md(c.left.name_en.value_or("")) + " → " + Md(c.right.name_en.value_or("")) + " | " +
             c.left.country.value_or("") + " → " + c.right.country.value_or("") + " |\n";
    }
    out += "\n";
  }
  if (!d.effective.empty()) {
    out += "## Effective dates\n\n| change | part | left | right |\n|---|---|---|---|\n";
    for (const auto& c : d.effective.added)
      out += "| added | " + Md(c.applies_to) + " | — | " + ClauseCell(c) + " |\n";
    for (const auto& c : d.effective.removed)
      out += "| removed | " + Md(c.applies_to) + " | " + ClauseCell(c) + " | — |\n";
    for (const auto& c : d.effective.changed)
      out += "| changed | " + Md(c.applies_to) + " | " + ClauseCell(c.left) + " | " +
             ClauseCell(c.right) + " |\n";
    out += "\n";
  }
  if (!d.relations.empty()) {
    out += "## Relations\n\n| change | type | target | until |\n|---|---|---|---|\n";
    auto rel_row = [&](const char* change, const Relation& x) {
      out += "| " + std::string(change) + " | " + std::string(RelationTypeName(x.type)) + " | " +
             Md(x.target) + " | " + OptDate(x.until) + " |\n";
    };
    for (const auto& x : d.relations.added) rel_row("added", x);
    for (const auto& x : d.relations.removed) rel_row("removed", x);
    out += "\n";
  }
  if (!d.header.empty()) {
    out += "## Header\n\n| field | left | right |\n|---|---|---|\n";
    for (const auto& h : d.header)
      out += "| " + std::string(HeaderFieldName(h.field)) + " | " + Md(h.left) + " | " + Md(h.right) + " |\n";
    out += "\n";
  }
  if (r.kind == DiffKind::kDates) {
    out += "## Status changes\n\n" + std::to_string(r.status.changes.size()) + " items changed.\n\n";
    if (!r.status.empty()) {
      out += "| change | code | before | after | governed by | HS codes |\n|---|---|---|---|---|---|\n";
      for (const StatusChange& c : r.status.changes) {
        const ItemState& s = c.current();
        out += "| " + std::string(StatusChangeKindName(c.kind)) + " | " + Md(s.code ? *s.code : s.key) +
               " | " + StateCell(c.before) + " | " + StateCell(c.after) + " | " +
               Join(s.governing, ", ") + " | " + Join(s.hs_codes, " ") + " |\n";
      }
      out += "\n";
    }
  }
  if (r.text) {
    const TextDiff& t = *r.text;
    out += "## Text diff\n\n" + std::to_string(t.lines_deleted) + " lines deleted, " +
           std::to_string(t.lines_inserted) + " inserted.\n\n";
    if (!t.empty()) {
      out += "```diff\n--- " + r.left.label + "\n+++ " + r.right.label + "\n";
      for (const Hunk& h : t.hunks) {
        out += "@@ -" + std::to_string(h.left_start) + "," + std::to_string(h.left_count) + " +" +
               std::to_string(h.right_start) + "," + std::to_string(h.right_count) + " @@\n";
        for (const DiffLine& l : h.lines) {
          out += l.op == LineOp::kContext ? " " : l.op == LineOp::kDelete ? "-" : "+";
          // A fence inside the text would end the block early.
          std::string text = l.text;
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
