// AsofPage: the items and parties in force on a date.
#include "tools/web/asof_page.h"

#include <optional>

#include "corpus/display_text.h"
#include "corpus/store_coverage.h"
#include "corpus/strings.h"
#include "corpus/timestamp.h"
#include "tools/coverage_note.h"
#include "tools/timeline_query.h"
#include "tools/web/page_frame.h"

namespace regdiff::tools::web {
namespace {

std::string Param(const std::multimap<std::string, std::string>& params, const char* name) {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

std::string E(std::string_view text) { return HtmlEscape(Utf8DisplayForm(text)); }
std::string OptDate(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

// A link to the page of announcement `doc` ("" when none).
std::string DocLink(const std::string& doc) { return doc.empty() ? "" : AnnouncementLink(doc); }

std::string DocLinks(const std::vector<std::string>& docs) {
  std::string out;
  for (const std::string& d : docs) {
    if (!out.empty()) out += ' ';
    out += DocLink(d);
  }
  return out;
}

// The status as a word, "(inferred)" when no announcement states it.
std::string StatusCell(std::string_view name, Basis basis) {
  std::string out(name);
  for (char& c : out)
    if (c == '_') c = ' ';
  if (basis == Basis::kInferred) out += " (inferred)";
  return out;
}

void Input(std::string& out, const char* name, const char* label, const std::string& value,
           const char* type, const char* placeholder) {
  out += "<label>";
  out += label;
  out += " <input type=\"";
  out += type;
  out += "\" name=\"";
  out += name;
  out += "\" value=\"";
  out += HtmlEscape(value);
  out += "\" placeholder=\"";
  out += placeholder;
  out += "\"></label>\n";
}

constexpr PartyList kLists[] = {PartyList::kControlList, PartyList::kWatchList,
                                PartyList::kUnreliableEntityList};

const char* ListTitle(PartyList list) {
  switch (list) {
    case PartyList::kControlList: return "Export control list (出口管制管控名单)";
    case PartyList::kWatchList: return "Watch list (关注名单)";
    case PartyList::kUnreliableEntityList: return "Unreliable entity list (不可靠实体清单)";
  }
  return "";
}

void ItemsTable(std::string& out, const std::vector<ItemState>& items) {
  out += "<table id=\"asof-items\">\n<thead><tr><th>Code</th><th>Name</th><th>Element</th>"
         "<th>HS codes</th><th>Status</th><th>Since</th><th>Until</th><th>Source</th></tr></thead>\n"
         "<tbody>\n";
  for (const ItemState& s : items) {
    out += "<tr data-key=\"";
    out += E(s.key);
    out += '"';
    if (s.code) {
      out += " data-code=\"";
      out += E(*s.code);
      out += '"';
    }
    out += " data-status=\"";
    out += ItemStatusName(s.status);
    out += '"';
    if (s.status == ItemStatus::kSuspended) out += " class=\"suspended\"";
    out += "><td class=\"code\">";
    out += E(s.code ? *s.code : s.key);
    out += "</td><td>";
    out += E(s.name);
    out += "</td><td>";
    out += E(Join(s.elements, ", "));
    out += "</td><td class=\"hs\">";
    out += E(Join(s.hs_codes, " "));
    // The sentence behind the status as the cell's tooltip.
    out += "</td><td title=\"";
    out += E(s.evidence);
    out += "\">";
    out += E(StatusCell(ItemStatusName(s.status), s.basis));
    out += "</td><td>";
    out += OptDate(s.since);
    out += "</td><td>";
    out += OptDate(s.until);
    out += "</td><td class=\"code\">";
    out += DocLinks(s.governing.empty() ? std::vector<std::string>{s.listed_by} : s.governing);
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void PartiesSection(std::string& out, const std::vector<PartyState>& parties,
                    std::optional<PartyList> only) {
  out += "<section id=\"parties\">\n<h2>Parties on MOFCOM's lists</h2>\n";
  bool any = false;
  for (PartyList list : kLists) {
    if (only && *only != list) continue;
    std::string rows;
    for (const PartyState& p : parties) {
      if (p.list != list) continue;
      rows += "<tr data-key=\"";
      rows += E(p.key);
      rows += "\" data-status=\"";
      rows += PartyStatusName(p.status);
      rows += "\"><td>";
      rows += E(p.name);
      if (p.name_en && *p.name_en != p.name) {
        rows += " <span class=\"muted\">(";
        rows += E(*p.name_en);
        rows += ")</span>";
      }
      rows += "</td><td>";
      rows += E(p.country.value_or(""));
      rows += "</td><td>";
      rows += E(StatusCell(PartyStatusName(p.status), p.basis));
      rows += "</td><td>";
      rows += OptDate(p.since);
      rows += "</td><td class=\"code\">";
      rows += DocLinks(p.governing.empty() ? std::vector<std::string>{p.listed_by} : p.governing);
      rows += "</td></tr>\n";
    }
    if (rows.empty()) continue;
    any = true;
    out += "<h3>";
    out += ListTitle(list);
    out += "</h3>\n<table data-list=\"";
    out += PartyListName(list);
    out += "\">\n<thead><tr><th>Name</th><th>Country</th><th>Status</th><th>Since</th>"
           "<th>Source</th></tr></thead>\n<tbody>\n";
    out += rows;
    out += "</tbody>\n</table>\n";
  }
  if (!any) out += "<p class=\"muted\" id=\"parties-empty\">No party is on these lists that day.</p>\n";
  out += "</section>\n";
}

}  // namespace

Result<std::string> AsofPage(AnnouncementStore& store,
                             const std::multimap<std::string, std::string>& params) {
  const std::string date_text = Param(params, "date");
  Date date = Timestamp::Now().date();  // as the CLI: today, UTC
  if (!date_text.empty()) {
    auto d = ParseDateArg(date_text, "date");
    if (!d.ok()) return d.status();
    date = *d;
  }
  ItemFilter filter;
  filter.element = Param(params, "element");
  filter.code = Param(params, "code");
  filter.hs = Param(params, "hs");
  const std::string element_typed = filter.element;
  if (Status s = ResolveFilter(filter); !s.ok()) return s;
  std::optional<PartyList> only;
  const std::string list_text = Param(params, "list");
  if (!list_text.empty()) {
    only = PartyListFromName(list_text);
    if (!only) {
      return Status::InvalidArgument(
          "list wants control_list, watch_list or unreliable_entity_list, got '" +
          EscapeControls(list_text) + "'");
    }
  }
  auto coverage = ReadCoverage(store.db(), std::nullopt);
  if (!coverage.ok()) return coverage.status();
  // Parties have no element, code or HS code: an item filter leaves them out.
  const bool with_parties = filter.empty();
  auto states = StatesOn(store, date, std::nullopt, filter, /*items=*/true, with_parties);
  if (!states.ok()) return states.status();

  std::string out = BeginPage("In force on " + date.ToIso(), Section::kAsof);
  out += "<h1>In force on ";
  out += date.ToIso();
  out += "</h1>\n<form id=\"asof-form\" class=\"filters\" method=\"get\" action=\"/asof\">\n";
  Input(out, "date", "Date", date.ToIso(), "date", "YYYY-MM-DD");
  Input(out, "element", "Element", element_typed, "text", "Ho, 钬, holmium");
  Input(out, "code", "Control code", filter.code, "text", "1C909");
  Input(out, "hs", "HS code", filter.hs, "text", "28053019");
  out += "<label>List <select name=\"list\"><option value=\"\">all lists</option>";
  for (PartyList list : kLists) {
    out += "<option value=\"";
    out += PartyListName(list);
    out += '"';
    if (only && *only == list) out += " selected";
    out += '>';
    out += PartyListName(list);
    out += "</option>";
  }
  out += "</select></label>\n<button type=\"submit\">Show</button>\n</form>\n";
  out += "<p id=\"coverage\" class=\"muted\">";
  std::string note = CoverageNote(*coverage);
  if (!note.empty()) note[0] = 'B';  // "based on ..." opens a sentence here
  out += E(note);
  out += ". Suspension end dates are inclusive.</p>\n";

  const std::vector<ItemState>& items = states->items;
  int in_force = 0, suspended = 0, not_yet = 0, repealed = 0;
  for (const ItemState& s : items) {
    switch (s.status) {
      case ItemStatus::kInForce: ++in_force; break;
      case ItemStatus::kSuspended: ++suspended; break;
      case ItemStatus::kNotYetInForce: ++not_yet; break;
      case ItemStatus::kRepealed: ++repealed; break;
    }
  }
  out += "<h2>Controlled items</h2>\n";
  if (items.empty()) {
    out += "<p class=\"muted\" id=\"asof-empty\">No controlled item";
    out += filter.empty() ? "" : " matches";
    out += " on this date.</p>\n";
  } else {
    out += "<p id=\"asof-counts\">" + std::to_string(in_force) + " in force, " +
           std::to_string(suspended) + " suspended, " + std::to_string(not_yet) +
           " not yet in force, " + std::to_string(repealed) + " repealed.</p>\n";
    ItemsTable(out, items);
  }
  if (with_parties) PartiesSection(out, states->parties, only);
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
