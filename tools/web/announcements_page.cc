// AnnouncementsPage: the stored announcements as one table, narrowed by the
// filters of a GET form.
#include "tools/web/announcements_page.h"

#include <algorithm>
#include <optional>
#include <set>
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
// Rows on one page of the list.
constexpr size_t kRowsPerPage = 100;
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
  int page = 1;  // of kRowsPerPage rows, from 1 (not a filter)
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
  if (std::string v = value_of("page"); !v.empty()) {
    const bool digits = v.size() <= 6 && std::all_of(v.begin(), v.end(), [](char c) {
                          return c >= '0' && c <= '9';
                        });
    if (!digits || std::stoi(v) < 1) return Unknown("page", v, "a page is a number from 1");
    f.page = std::stoi(v);
  }
  return f;
}

// The filters the store applies: all but the status (today's).
DocumentFilter StoreFilter(const Filters& f) {
  DocumentFilter out;
  if (f.issuer == kJoint) {
    out.joint = true;
  } else {
    out.issuer = f.issuer;
  }
  out.year = f.year;
  out.list = f.list;
  out.element = f.element;
  return out;
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

// The links to the other pages of the list, keeping the filters:
// nav.pages, a[rel=prev] and a[rel=next] where there are, the current page
// as aria-current.
std::string PageLinks(const Filters& f, size_t pages) {
  auto href = [&f](size_t page) {
    std::vector<std::pair<std::string, std::string>> params;
    for (const auto& [name, value] : f.typed)
      if (name != "page" && !value.empty()) params.emplace_back(name, value);
    if (page > 1) params.emplace_back("page", std::to_string(page));
    return Href("/", params);
  };
  const size_t current = static_cast<size_t>(f.page);
  std::string out = "<nav class=\"pages\" aria-label=\"Pages\">";
  if (current > 1) {
    out += "<a rel=\"prev\" href=\"";
    out += href(current - 1);
    out += "\">\u2039 newer</a> ";
  }
  // The first, the last, and those near the current one.
  size_t last_shown = 0;
  for (size_t p = 1; p <= pages; ++p) {
    if (p != 1 && p != pages && (p + 2 < current || p > current + 2)) continue;
    if (last_shown && p > last_shown + 1) out += "\u2026 ";
    if (p == current) {
      out += "<span aria-current=\"page\">";
      out += std::to_string(p);
      out += "</span> ";
    } else {
      out += "<a href=\"";
      out += href(p);
      out += "\">";
      out += std::to_string(p);
      out += "</a> ";
    }
    last_shown = p;
  }
  if (current < pages) {
    out += "<a rel=\"next\" href=\"";
    out += href(current + 1);
    out += "\">older \u203a</a>";
  }
  out += "</nav>\n";
  return out;
}

}  // namespace

Result<std::string> AnnouncementsPage(AnnouncementStore& store,
                                      const std::multimap<std::string, std::string>& params) {
  auto filters = ReadFilters(params);
  if (!filters.ok()) return filters.status();
  const Filters& f = *filters;
  const Date today = Timestamp::Now().date();
  const DocumentFilter filter = StoreFilter(f);
  auto total = store.CountListed();
  if (!total.ok()) return total.status();

  std::string out = BeginPage("Announcements", Section::kAnnouncements);
  out += "<h1>Announcements</h1>\n";
  if (*total == 0) {
    out += "<p class=\"muted\" id=\"empty\">No announcement is stored yet: "
           "<code>regdiff ingest</code> reads some.</p>\n";
    out += EndPage();
    return out;
  }
  out += FilterForm(f);

  // Today's standing of the texts `of` (each loaded in turn), from what
  // `governing` govern (every announcement: nullopt).
  std::map<std::string, DocStatus> statuses;
  auto standing = [&](const std::vector<DocumentSummary>& of,
                      const std::optional<std::set<std::string>>& governing) -> Status {
    auto governed = GovernedOn(store, today, governing);
    if (!governed.ok()) return governed.status();
    for (const DocumentSummary& r : of) {
      if (!r.doc_id || statuses.count(*r.doc_id)) continue;
      auto texts = store.DocumentsOf(*r.doc_id, DocumentDetail::kForTimeline);
      if (!texts.ok()) return texts.status();
      std::vector<const Announcement*> announcements;
      for (const StoredDocument& d : *texts) announcements.push_back(&d.announcement);
      AddStatuses(announcements, today, *governed, &statuses);
    }
    return Status::Ok();
  };
  const size_t first = static_cast<size_t>(f.page - 1) * kRowsPerPage;
  size_t matching = 0;
  std::vector<DocumentSummary> page;
  if (f.status) {
    // The status filter: every matching text's standing, then its page.
    auto rows = store.List(filter);
    if (!rows.ok()) return rows.status();
    std::reverse(rows->begin(), rows->end());  // the newest first
    if (Status s = standing(*rows, std::nullopt); !s.ok()) return s;
    std::erase_if(*rows, [&](const DocumentSummary& r) {
      auto it = r.doc_id ? statuses.find(*r.doc_id) : statuses.end();
      return it == statuses.end() || it->second != *f.status;
    });
    matching = rows->size();
    for (size_t i = first; i < rows->size() && i < first + kRowsPerPage; ++i)
      page.push_back(std::move((*rows)[i]));
  } else {
    // The page's rows only, and what they govern.
    // Without a filter, the matching rows are the stored ones, counted above.
    auto count = f.any() ? store.CountListed(filter) : total;
    if (!count.ok()) return count.status();
    matching = static_cast<size_t>(*count);
    auto rows = store.ListNewestFirst(filter, static_cast<int64_t>(first), kRowsPerPage);
    if (!rows.ok()) return rows.status();
    page = std::move(rows).value();
    std::set<std::string> doc_ids;
    for (const DocumentSummary& r : page)
      if (r.doc_id) doc_ids.insert(*r.doc_id);
    if (Status s = standing(page, doc_ids); !s.ok()) return s;
  }
  const size_t pages = std::max<size_t>(1, (matching + kRowsPerPage - 1) / kRowsPerPage);
  if (static_cast<size_t>(f.page) > pages) {
    return Status::InvalidArgument("page " + std::to_string(f.page) + " is past the last (" +
                                   std::to_string(pages) + ")");
  }

  out += "<p id=\"count\" data-count=\"";
  out += std::to_string(matching);
  out += "\" data-total=\"";
  out += std::to_string(*total);
  out += "\">";
  out += std::to_string(matching);
  out += matching == 1 ? " text" : " texts";
  if (f.any()) {
    out += " match of ";
    out += std::to_string(*total);
  } else {
    out += " stored";
  }
  if (pages > 1) {
    out += "; ";
    out += std::to_string(first + 1);
    out += "\u2013";
    out += std::to_string(first + page.size());
    out += " shown";
  }
  out += ".</p>\n";
  if (matching == 0) {
    out += "<p class=\"muted\" id=\"empty\">No stored announcement matches these filters. "
           "<a href=\"/\">Show them all</a>.</p>\n";
    out += EndPage();
    return out;
  }
  out += "<table id=\"announcements\">\n<thead><tr><th>Announcement</th><th>Published</th>"
         "<th>Lang</th><th>Title</th><th>Status today</th><th>Items</th><th>Parties</th></tr>"
         "</thead>\n<tbody>\n";
  for (const DocumentSummary& row : page) {
    const DocumentSummary* r = &row;
    std::string status;
    if (r->doc_id) {
      auto it = statuses.find(*r->doc_id);
      if (it != statuses.end()) status = DocStatusName(it->second);
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
  if (pages > 1) out += PageLinks(f, pages);
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
