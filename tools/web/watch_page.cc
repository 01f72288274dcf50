// WatchPage: the sources `regdiff watch` polls and what it saw.
#include "tools/web/watch_page.h"

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "corpus/watch_store.h"
#include "tools/web/page_frame.h"

namespace regdiff::tools::web {
namespace {

std::string E(std::string_view text) { return HtmlEscape(Utf8DisplayForm(text)); }

// A stored URL as a link when it is http(s) (never another scheme), else
// as text.
std::string UrlLink(const std::string& url, const std::string& text) {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) return E(text);
  std::string out = "<a href=\"";
  out += E(url);
  out += "\" rel=\"noreferrer\">";
  out += E(text);
  out += "</a>";
  return out;
}

std::string Time(const std::string& iso) {
  return iso.empty() ? std::string("<span class=\"muted\">never</span>") : E(iso);
}

}  // namespace

Result<std::string> WatchPage(AnnouncementStore& store,
                              const std::multimap<std::string, std::string>& /*params*/) {
  WatchStore watch(store.db());
  auto sources = watch.AllSources();
  if (!sources.ok()) return sources.status();
  auto events = watch.RecentEvents(std::nullopt, kWatchPageEvents);
  if (!events.ok()) return events.status();

  std::string out = BeginPage("Watch", Section::kWatch);
  out += "<h1>Watch</h1>\n";
  if (sources->empty() && events->empty()) {
    out += "<p class=\"muted\" id=\"watch-empty\">Nothing is watched yet. "
           "<code>regdiff watch --once</code> polls the sources listed in "
           "<code>sources.toml</code> (or <code>--sources FILE</code>) once, "
           "<code>regdiff watch</code> keeps polling; their state and the announcements they "
           "find show here.</p>\n";
    out += EndPage();
    return out;
  }
  out += "<h2>Sources</h2>\n<table id=\"watch-sources\">\n<thead><tr><th>Source</th>"
         "<th>Index page</th><th>Last good poll</th><th>Last change</th><th>Last attempt</th>"
         "<th>Last error</th><th>Next due</th><th>Pages known</th><th>Deliveries pending</th>"
         "</tr></thead>\n<tbody>\n";
  for (const WatchSourceRow& s : *sources) {
    auto pages = watch.CountPages(s.name);
    if (!pages.ok()) return pages.status();
    auto newest = watch.RecentEvents(s.name, 1);
    if (!newest.ok()) return newest.status();
    auto pending = watch.CountPendingDeliveries(s.name);
    if (!pending.ok()) return pending.status();
    out += "<tr data-source=\"";
    out += E(s.name);
    out += '"';
    if (!s.last_error.empty()) out += " class=\"failing\"";
    out += "><td class=\"code\">";
    out += E(s.name);
    out += "</td><td>";
    out += UrlLink(s.index_url, s.index_url);
    out += "</td><td>";
    out += Time(s.last_success_at);
    out += "</td><td>";
    if (newest->empty()) {
      out += "<span class=\"muted\">none seen</span>";
    } else {
      out += E(newest->front().at);
    }
    out += "</td><td>";
    out += Time(s.last_attempt_at);
    out += "</td><td class=\"error\">";
    if (!s.last_error.empty()) {
      out += E(s.last_error);
      out += " <span class=\"muted\">(";
      out += std::to_string(s.failures);
      out += s.failures == 1 ? " failure" : " failures in a row";
      out += ")</span>";
    }
    out += "</td><td>";
    out += s.next_due_at.empty() ? std::string("now") : E(s.next_due_at);
    out += "</td><td class=\"num\">";
    out += std::to_string(*pages);
    out += "</td><td class=\"num\">";
    out += std::to_string(*pending);
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n<h2>Latest events</h2>\n";
  if (events->empty()) {
    out += "<p class=\"muted\" id=\"watch-no-events\">No new or changed announcement seen yet "
           "(a source's first poll only records what its list holds).</p>\n";
    out += EndPage();
    return out;
  }
  out += "<table id=\"watch-events\">\n<thead><tr><th>When</th><th>Source</th><th>Kind</th>"
         "<th>Announcement</th><th>Title</th></tr></thead>\n<tbody>\n";
  for (const WatchEventRow& e : *events) {
    out += "<tr data-event=\"";
    out += std::to_string(e.id);
    out += "\" data-source=\"";
    out += E(e.source_name);
    out += "\" data-kind=\"";
    out += E(e.kind);
    out += "\"><td>";
    out += E(e.at);
    out += "</td><td class=\"code\">";
    out += E(e.source_name);
    out += "</td><td>";
    out += E(e.kind);
    out += "</td><td class=\"code\">";
    if (e.doc_id && !e.doc_id->empty()) {
      out += AnnouncementLink(*e.doc_id);
    } else {
      out += "<span class=\"muted\">(no number read)</span>";
    }
    out += "</td><td>";
    out += UrlLink(e.url, e.title.empty() ? e.url : e.title);
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
