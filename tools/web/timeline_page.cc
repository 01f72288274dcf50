// TimelinePage: a timeline drawn and listed.
#include "tools/web/timeline_page.h"

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "corpus/timestamp.h"
#include "tools/timeline_answer.h"
#include "tools/web/page_frame.h"
#include "tools/web/timeline_picture.h"

namespace regdiff::tools::web {
namespace {

std::string E(std::string_view text) { return HtmlEscape(Utf8DisplayForm(text)); }

constexpr const char* kKinds[] = {"element", "code", "hs", "party"};

void Form(std::string& out, const std::string& kind, const std::string& value) {
  struct Field {
    const char* name;
    const char* label;
    const char* placeholder;
  };
  static constexpr Field kFields[] = {{"element", "Element", "Ho, 钬, holmium"},
                                      {"code", "Control code", "1C909"},
                                      {"hs", "HS code", "28053019"},
                                      {"party", "Party", "Huntington Ingalls"}};
  out += "<form id=\"timeline-form\" class=\"filters\" method=\"get\" action=\"/timeline\">\n";
  for (const Field& f : kFields) {
    out += "<label>";
    out += f.label;
    out += " <input type=\"text\" name=\"";
    out += f.name;
    out += "\" value=\"";
    if (kind == f.name) out += HtmlEscape(value);
    out += "\" placeholder=\"";
    out += f.placeholder;
    out += "\"></label>\n";
  }
  out += "<button type=\"submit\">Show</button>\n</form>\n"
         "<p class=\"muted\">Fill in one field; the others stay empty.</p>\n";
}

std::string DocLink(const std::string& doc) { return doc.empty() ? "" : AnnouncementLink(doc); }

void Legend(std::string& out) {
  out += "<p class=\"timeline-legend\"><span class=\"swatch controlled\"></span>controlled "
         "<span class=\"swatch suspended\"></span>suspended <span class=\"swatch ended\"></span>"
         "ended (repealed or removed) · each circle an event, its date and announcement in its "
         "tooltip</p>\n";
}

// One row of the events' table.
void EventRow(std::string& out, const std::string& key, const std::string& kind, const Date& date,
              const std::string& what, const std::string& doc, Basis basis,
              const std::string& evidence) {
  out += "<tr data-key=\"";
  out += E(key);
  out += "\" data-kind=\"";
  out += E(kind);
  out += "\" data-date=\"";
  out += date.ToIso();
  out += "\"";
  if (kind == "suspended") out += " class=\"suspended\"";
  out += "><td>";
  out += date.ToIso();
  out += "</td><td>";
  std::string words = kind;
  for (char& c : words)
    if (c == '_') c = ' ';
  out += E(words);
  if (basis == Basis::kInferred) out += " <span class=\"muted\">(inferred)</span>";
  out += "</td><td class=\"code\">";
  out += E(what);
  out += "</td><td class=\"code\">";
  out += DocLink(doc);
  out += "</td><td class=\"evidence\">";
  if (!evidence.empty()) {
    out += "<q>";
    out += E(evidence);
    out += "</q>";
  }
  out += "</td></tr>\n";
}

}  // namespace

Result<std::string> TimelinePage(AnnouncementStore& store,
                                 const std::multimap<std::string, std::string>& params) {
  std::string kind, value;
  for (const char* k : kKinds) {
    auto it = params.find(k);
    if (it == params.end() || it->second.empty()) continue;
    if (!kind.empty()) {
      return Status::InvalidArgument("the timeline wants one of element, code, hs or party, not "
                                     "both " + kind + " and " + k);
    }
    kind = k;
    value = it->second;
  }
  TimelineQuestion question;
  if (kind == "element") question.filter.element = value;
  else if (kind == "code") question.filter.code = value;
  else if (kind == "hs") question.filter.hs = value;
  else if (kind == "party") question.party = value;
  if (Status s = ResolveFilter(question.filter); !s.ok()) return s;

  std::string title = kind.empty() ? std::string("Timeline") : "Timeline of " + value;
  std::string out = BeginPage(title, Section::kTimeline);
  out += "<h1>";
  out += E(title);
  out += "</h1>\n";
  Form(out, kind, value);
  if (kind.empty()) {
    out += "<p id=\"timeline-intro\">The history of an element, a control code, an HS code or a "
           "party on MOFCOM's lists, as <code>regdiff timeline</code> gives it: when each item "
           "entered control, was suspended, resumed or repealed (or a party listed, suspended or "
           "removed), the announcement behind each event and the sentence that says so.</p>\n";
    out += EndPage();
    return out;
  }
  auto answer = AnswerTimeline(store, question);
  if (!answer.ok()) {
    if (answer.status().code() != Status::Code::kNotFound) return answer.status();
    out += "<p id=\"timeline-none\" class=\"muted\">";
    out += E(answer.status().message());
    out += ".</p>\n";
    out += EndPage();
    return out;
  }
  const bool items = !answer->items.empty();
  const std::vector<PictureRow> rows =
      items ? RowsForItems(answer->items) : RowsForParty(answer->parties);
  Legend(out);
  out += "<figure class=\"timeline-picture\">\n";
  out += TimelinePicture(rows, title, Timestamp::Now().date());
  out += "</figure>\n<h2>Events</h2>\n<table id=\"timeline-events\">\n<thead><tr><th>Date</th>"
         "<th>Event</th><th>";
  out += items ? "Code" : "List and name";
  out += "</th><th>Announcement</th><th>Evidence</th></tr></thead>\n<tbody>\n";
  if (items) {
    for (const TimelineEvent& e : answer->items) {
      const std::string key = e.code ? *e.code : e.key;
      EventRow(out, key, std::string(EventKindName(e.kind)), e.date, key, e.doc_id, e.basis,
               e.evidence);
    }
  } else {
    for (const PartyEvent& e : answer->parties) {
      std::string what(PartyListName(e.list));
      what += ": ";
      what += e.name;
      if (e.name_en && *e.name_en != e.name) {
        what += " (";
        what += *e.name_en;
        what += ')';
      }
      EventRow(out, std::string(PartyListName(e.list)), std::string(PartyEventKindName(e.kind)),
               e.date, what, e.doc_id, e.basis, e.evidence);
    }
  }
  out += "</tbody>\n</table>\n";
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
