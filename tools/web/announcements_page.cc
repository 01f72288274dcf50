// AnnouncementsPage: the stored announcements as one table, narrowed by the
// filters of a GET form.
#include "tools/web/announcements_page.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "corpus/display_text.h"
#include "corpus/elements.h"
#include "corpus/issuers.h"
#include "corpus/strings.h"
#include "corpus/timestamp.h"
#include "tools/web/announcement_status.h"
#include "tools/web/page_frame.h"

namespace regdiff::tools::web {
namespace {

constexpr char kJoint[] = "joint";
constexpr PartyList kLists[] = {PartyList::kControlList, PartyList::kWatchList,
                                PartyList::kUnreliableEntityList};

std::string_view ListLabel(PartyList list) {
  switch (list) {
    case PartyList::kControlList: return "Export control list";
    case PartyList::kWatchList: return "Watch list";
    case PartyList::kUnreliableEntityList: return "Unreliable entity list";
  }
  return "";
}

// The filters of one request: each set when given with a value.
struct Filters {
  std::string issuer;  // a canonical code, or "joint"
  std::optional<int> year;
  std::optional<PartyList> list;
  std::string element;  // a symbol
  std::optional<DocStatus> status;
  // As typed, for the form.
  std::map<std::string, std::string> typed;

  bool any() const { return !issuer.empty() || year || list || !element.empty() || status; }
};

std::string AsciiUpperCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

Status Unknown(std::string_view name, std::string_view value, std::string_view known) {
  std::string message = "unknown ";
  message += name;
  message += " '";
  message += EscapeControls(value);
  message += "' (";
  message += known;
  message += ')';
  return Status::InvalidArgument(message);
}

// The filters `params` give. Errors: kInvalidArgument naming the parameter,
// the value and what is known.
Result<Filters> ReadFilters(const std::multimap<std::string, std::string>& params) {
  Filters f;
  for (const auto& [name, value] : params) f.typed[name] = value;
  auto value_of = [&](const char* name) {
    auto it = params.find(name);
    return it == params.end() ? std::string() : std::string(Trim(it->second));
  };
  if (std::string v = value_of("issuer"); !v.empty()) {
    if (AsciiLower(v) == kJoint) {
      f.issuer = kJoint;
    } else if (const IssuerEntry* e = FindIssuer(AsciiUpperCopy(v))) {
      f.issuer = std::string(e->code);
    } else {
      std::vector<std::string> known;
      for (const IssuerEntry& entry : Issuers()) known.emplace_back(entry.code);
      known.emplace_back(kJoint);
      return Unknown("issuer", v, "known: " + Join(known, ", "));
    }
  }
  if (std::string v = value_of("year"); !v.empty()) {
    const bool digits = v.size() == 4 && std::all_of(v.begin(), v.end(), [](char c) {
                          return c >= '0' && c <= '9';
                        });
    if (!digits) return Unknown("year", v, "a year is four digits, such as 2025");
    f.year = std::stoi(v);
  }
  if (std::string v = value_of("list"); !v.empty()) {
    f.list = PartyListFromName(AsciiLower(v));
    if (!f.list) {
      return Unknown("list", v, "known: control_list, watch_list, unreliable_entity_list");
    }
  }
  if (std::string v = value_of("element"); !v.empty()) {
    const ElementEntry* e = FindElement(v);
    if (!e) {
      return Unknown("element", v,
                     "an element's symbol, Chinese character or English name, such as Sm, 钐 or "
                     "samarium");
    }
    f.element = std::string(e->symbol);
  }
  if (std::string v = value_of("status"); !v.empty()) {
    f.status = DocStatusFromName(AsciiLower(v));
    if (!f.status) {
      std::vector<std::string> known;
      for (DocStatus s : AllDocStatuses()) known.emplace_back(DocStatusName(s));
      return Unknown("status", v, "known: " + Join(known, ", "));
    }
  }
  return f;
}

// Whether the text `a` (nullptr: its document could not be loaded) passes.
bool Passes(const Filters& f, const DocumentSummary& row, const Announcement* a,
            const std::map<std::string, DocStatus>& statuses) {
  if (!f.any()) return true;
  if (!a) return false;
  if (!f.issuer.empty()) {
    if (f.issuer == kJoint) {
      if (a->issuers.size() < 2) return false;
    } else if (std::find(a->issuers.begin(), a->issuers.end(), f.issuer) == a->issuers.end()) {
      return false;
    }
  }
  if (f.year) {
    std::optional<int> year = a->year;
    if (!year && row.published) year = row.published->year;
    if (year != f.year) return false;
  }
  if (f.list) {
    const bool names = std::any_of(a->parties.begin(), a->parties.end(),
                                   [&](const Party& p) { return p.list == *f.list; }) ||
                       std::any_of(a->party_counts.begin(), a->party_counts.end(),
                                   [&](const PartyCount& c) { return c.list == *f.list; });
    if (!names) return false;
  }
  if (!f.element.empty()) {
    const bool has = std::any_of(a->items.begin(), a->items.end(), [&](const Item& item) {
      return std::find(item.elements.begin(), item.elements.end(), f.element) !=
             item.elements.end();
    });
    if (!has) return false;
  }
  if (f.status) {
    if (!a->doc_id) return false;
    auto it = statuses.find(*a->doc_id);
    if (it == statuses.end() || it->second != *f.status) return false;
  }
  return true;
}

void Option(std::string_view value, std::string_view label, std::string_view current,
            std::string* out) {
  *out += "<option value=\"";
  *out += HtmlEscape(value);
  *out += '"';
  if (value == current) *out += " selected";
  *out += '>';
  *out += HtmlEscape(label);
  *out += "</option>";
}

std::string Typed(const Filters& f, const std::string& name) {
  auto it = f.typed.find(name);
  return it == f.typed.end() ? std::string() : it->second;
}

// The form, its fields holding the current values (as canonical values where
// a select lists them).
std::string FilterForm(const Filters& f) {
  std::string out = "<form class=\"filters\" method=\"get\" action=\"/\">\n";
  out += "<label>Issuer<select name=\"issuer\">";
  Option("", "any", f.issuer, &out);
  for (const IssuerEntry& e : Issuers()) {
    std::string label(e.code);
    label += " · ";
    label += e.name_en;
    Option(e.code, label, f.issuer, &out);
  }
  Option(kJoint, "joint (more than one)", f.issuer, &out);
  out += "</select></label>\n";
  out += "<label>Year<input name=\"year\" inputmode=\"numeric\" pattern=\"[0-9]{4}\" size=\"6\" "
         "placeholder=\"2025\" value=\"";
  out += f.year ? std::to_string(*f.year) : HtmlEscape(Typed(f, "year"));
  out += "\"></label>\n<label>List<select name=\"list\">";
  const std::string list = f.list ? std::string(PartyListName(*f.list)) : "";
  Option("", "any", list, &out);
  for (PartyList l : kLists) Option(PartyListName(l), ListLabel(l), list, &out);
  out += "</select></label>\n<label>Element<select name=\"element\">";
  Option("", "any", f.element, &out);
  for (const ElementEntry& e : Elements()) {
    std::string label(e.symbol);
    label += " · ";
    label += e.zh;
    label += ' ';
    label += e.en;
    Option(e.symbol, label, f.element, &out);
  }
  out += "</select></label>\n<label>Status today<select name=\"status\">";
  const std::string status = f.status ? std::string(DocStatusName(*f.status)) : "";
  Option("", "any", status, &out);
  for (DocStatus s : AllDocStatuses()) Option(DocStatusName(s), DocStatusLabel(s), status, &out);
  out += "</select></label>\n<button type=\"submit\">Filter</button>";
  if (f.any()) out += " <a class=\"clear-filters\" href=\"/\">Clear</a>";
  out += "\n</form>\n";
  return out;
}

}  // namespace

Result<std::string> AnnouncementsPage(AnnouncementStore& store,
                                      const std::multimap<std::string, std::string>& params) {
  auto filters = ReadFilters(params);
  if (!filters.ok()) return filters.status();
  const Filters& f = *filters;
  auto rows = store.List();
  if (!rows.ok()) return rows.status();
  // What the filters and the status column read: each text's announcement.
  auto docs = store.CurrentDocuments(std::nullopt, DocumentDetail::kForTimeline);
  if (!docs.ok()) return docs.status();
  std::unordered_map<int64_t, const Announcement*> by_document;
  std::vector<const Announcement*> announcements;
  for (const StoredDocument& d : *docs) {
    by_document[d.document_id] = &d.announcement;
    announcements.push_back(&d.announcement);
  }
  auto statuses = StatusesOn(store, Timestamp::Now().date(), announcements);
  if (!statuses.ok()) return statuses.status();

  std::string out = BeginPage("Announcements", Section::kAnnouncements);
  out += "<h1>Announcements</h1>\n";
  if (rows->empty()) {
    out += "<p class=\"muted\" id=\"empty\">No announcement is stored yet: "
           "<code>regdiff ingest</code> reads some.</p>\n";
    out += EndPage();
    return out;
  }
  out += FilterForm(f);
  std::vector<const DocumentSummary*> shown;
  for (const DocumentSummary& r : *rows) {
    auto it = by_document.find(r.document_id);
    if (Passes(f, r, it == by_document.end() ? nullptr : it->second, *statuses)) {
      shown.push_back(&r);
    }
  }
  out += "<p id=\"count\" data-count=\"";
  out += std::to_string(shown.size());
  out += "\" data-total=\"";
  out += std::to_string(rows->size());
  out += "\">";
  out += std::to_string(shown.size());
  out += shown.size() == 1 ? " text" : " texts";
  if (f.any()) {
    out += " match of ";
    out += std::to_string(rows->size());
  } else {
    out += " stored";
  }
  out += ".</p>\n";
  if (shown.empty()) {
    out += "<p class=\"muted\" id=\"empty\">No stored announcement matches these filters. "
           "<a href=\"/\">Show them all</a>.</p>\n";
    out += EndPage();
    return out;
  }
  out += "<table id=\"announcements\">\n<thead><tr><th>Announcement</th><th>Published</th>"
         "<th>Lang</th><th>Title</th><th>Status today</th><th>Items</th><th>Parties</th></tr>"
         "</thead>\n<tbody>\n";
  for (const DocumentSummary* r : shown) {
    std::string status;
    if (r->doc_id) {
      auto it = statuses->find(*r->doc_id);
      if (it != statuses->end()) status = DocStatusName(it->second);
    }
    out += "<tr";
    if (r->doc_id) {
      out += " data-doc=\"";
      out += HtmlEscape(*r->doc_id);
      out += '"';
    }
    out += " data-lang=\"";
    out += LangName(r->lang);
    out += '"';
    if (!status.empty()) {
      out += " data-status=\"";
      out += status;
      out += '"';
    }
    out += "><td class=\"code\">";
    if (r->doc_id) {
      out += AnnouncementLink(*r->doc_id);
    } else {
      out += "<span class=\"muted\">(no number read)</span>";
    }
    out += "</td><td>";
    if (r->published) out += r->published->ToIso();
    out += "</td><td>";
    out += LangName(r->lang);
    out += "</td><td>";
    out += HtmlEscape(Utf8DisplayForm(r->title));
    out += "</td><td>";
    if (!status.empty()) out += DocStatusLabel(*DocStatusFromName(status));
    out += "</td><td class=\"num\">";
    out += std::to_string(r->item_count);
    out += "</td><td class=\"num\">";
    out += std::to_string(r->party_count);
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
