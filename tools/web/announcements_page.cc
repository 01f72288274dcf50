// AnnouncementsPage: the list of stored announcements as one table.
#include "tools/web/announcements_page.h"

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "tools/web/page_frame.h"

namespace regdiff::tools::web {

Result<std::string> AnnouncementsPage(AnnouncementStore& store,
                                      const std::multimap<std::string, std::string>& /*params*/) {
  auto rows = store.List();
  if (!rows.ok()) return rows.status();
  std::string out = BeginPage("Announcements", Section::kAnnouncements);
  out += "<h1>Announcements</h1>\n";
  if (rows->empty()) {
    out += "<p class=\"muted\" id=\"empty\">No announcement is stored yet: "
           "<code>regdiff ingest</code> reads some.</p>\n";
    out += EndPage();
    return out;
  }
  out += "<table id=\"announcements\">\n<thead><tr><th>Announcement</th><th>Published</th>"
         "<th>Lang</th><th>Title</th><th>Items</th><th>Parties</th></tr></thead>\n<tbody>\n";
  for (const DocumentSummary& r : *rows) {
    out += "<tr";
    if (r.doc_id) {
      out += " data-doc=\"";
      out += HtmlEscape(*r.doc_id);
      out += '"';
    }
    out += "><td class=\"code\">";
    if (r.doc_id) {
      out += "<a href=\"";
      out += Href("/announcements/" + UrlEncode(*r.doc_id));
      out += "\">";
      out += HtmlEscape(*r.doc_id);
      out += "</a>";
    } else {
      out += "<span class=\"muted\">(no number read)</span>";
    }
    out += "</td><td>";
    if (r.published) out += r.published->ToIso();
    out += "</td><td>";
    out += LangName(r.lang);
    out += "</td><td>";
    out += HtmlEscape(Utf8DisplayForm(r.title));
    out += "</td><td class=\"num\">";
    out += std::to_string(r.item_count);
    out += "</td><td class=\"num\">";
    out += std::to_string(r.party_count);
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
