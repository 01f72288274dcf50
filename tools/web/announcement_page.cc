// AnnouncementPage: one announcement's facts beside its marked source texts.
#include "tools/web/announcement_page.h"

#include <algorithm>
#include <vector>

#include "corpus/display_text.h"
#include "corpus/issuers.h"
#include "corpus/strings.h"
#include "corpus/text_layout.h"
#include "corpus/timestamp.h"
#include "diff/text_pair.h"
#include "tools/search_answer.h"
#include "tools/show_answer.h"
#include "tools/web/announcement_status.h"
#include "tools/web/page_frame.h"
#include "tools/web/source_marks.h"

namespace regdiff::tools::web {
namespace {

std::string_view LangLabel(Lang lang) {
  switch (lang) {
    case Lang::kZh: return "Chinese";
    case Lang::kZhHant: return "Chinese (Traditional)";
    case Lang::kEn: return "English";
    case Lang::kUnknown: return "Unknown language";
  }
  return "";
}

bool IsChinese(Lang lang) { return lang == Lang::kZh || lang == Lang::kZhHant; }

std::string Text(std::string_view stored) { return HtmlEscape(Utf8DisplayForm(stored)); }

// One source text shown: the texts read from it share its evidence marks.
struct SourceBox {
  const StoredDocument* doc = nullptr;  // the first text read from it
  std::vector<MarkSpan> spans;
};

// The evidence of every fact, numbered in page order: a link for the fact,
// a span for the source it lies in.
class EvidenceMarks {
 public:
  // The source box of `d` (one per locator and version).
  SourceBox& BoxOf(const StoredDocument& d) {
    for (SourceBox& box : boxes_) {
      if (box.doc->locator == d.locator && box.doc->version == d.version) return box;
    }
    boxes_.push_back({&d, {}});
    return boxes_.back();
  }

  // The link of a fact to `ev` in the text `d` ("" when the fact has no
  // evidence), and the place (attachment, page) it lies in.
  std::string Link(const StoredDocument& d, const Evidence& ev, std::string_view label) {
    if (ev.empty()) return "";
    const std::string n = std::to_string(next_++);
    BoxOf(d).spans.push_back({ev.begin, ev.end, "ev-" + n, "fact-" + n, ""});
    std::string out = "<a class=\"evidence-link\" id=\"fact-";
    out += n;
    out += "\" href=\"#ev-";
    out += n;
    out += "\" title=\"";
    out += Text(ev.text);
    out += "\">";
    out += label;
    out += "</a>";
    const std::string place = DescribePlace(Locate(d.layout, ev.begin));
    if (!place.empty()) {
      out += " <span class=\"muted\">(";
      out += Text(place);
      out += ")</span>";
    }
    return out;
  }

  std::vector<SourceBox>& boxes() { return boxes_; }

 private:
  int next_ = 1;
  std::vector<SourceBox> boxes_;  // grows while links are made: hold no reference across Link
};

void Row(std::string_view label, const std::string& value, const std::string& link,
         std::string* out) {
  *out += "<tr><th>";
  *out += label;
  *out += "</th><td>";
  *out += value;
  if (!link.empty()) {
    *out += ' ';
    *out += link;
  }
  *out += "</td></tr>\n";
}

std::string TimelineLink(const char* name, const std::string& value, const std::string& text) {
  std::string out = "<a class=\"timeline-link\" href=\"";
  out += Href("/timeline", {{name, value}});
  out += "\">";
  out += text;
  out += "</a>";
  return out;
}

// The facts read from one text.
std::string TextFacts(const StoredDocument& d, EvidenceMarks& marks) {
  const Announcement& a = d.announcement;
  std::string out = "<section class=\"text-facts\" data-lang=\"";
  out += LangName(a.lang);
  out += "\" data-source=\"";
  out += Text(d.locator);
  out += "\">\n<h2>";
  out += LangLabel(a.lang);
  out += " text</h2>\n<p class=\"muted doc-provenance\">";
  out += Text(d.locator);
  out += " · version ";
  out += std::to_string(d.version);
  out += " · sha256 ";
  out += Text(d.sha256.substr(0, 12));
  out += "</p>\n<table class=\"doc-facts\">\n";
  Row("Number", a.doc_id ? Text(*a.doc_id) : "<span class=\"muted\">none read</span>",
      marks.Link(d, a.number_evidence, "evidence"), &out);
  std::vector<std::string> issuers;
  for (const std::string& code : a.issuers) {
    std::string name = Text(code);
    if (const IssuerEntry* e = FindIssuer(code)) {
      name += " (";
      name += Text(e->name_zh);
      name += ", ";
      name += Text(e->name_en);
      name += ')';
    }
    issuers.push_back(std::move(name));
  }
  Row("Issuers", Join(issuers, "; "), "", &out);
  Row("Title", a.title.empty() ? "<span class=\"muted\">none read</span>" : Text(a.title),
      marks.Link(d, a.title_evidence, "evidence"), &out);
  Row("Published", a.published ? a.published->ToIso() : "<span class=\"muted\">not stated</span>",
      marks.Link(d, a.published_evidence, "evidence"), &out);
  for (const EffectiveClause& c : a.effective) {
    std::string value = c.date ? c.date->ToIso() : "<span class=\"muted\">no date</span>";
    if (c.on_publication) value += " (on publication)";
    if (c.applies_to != "whole") {
      value += " · ";
      value += Text(c.applies_to);
    }
    Row("Effective", value, marks.Link(d, c.evidence, "evidence"), &out);
  }
  out += "</table>\n";

  if (!a.items.empty()) {
    out += "<h3>Items (";
    out += std::to_string(a.items.size());
    out += ")</h3>\n<table class=\"items\">\n<thead><tr><th>Position</th><th>Code</th><th>Name</th>"
           "<th>Elements</th><th>HS codes</th><th>Evidence</th></tr></thead>\n<tbody>\n";
    for (const Item& item : a.items) {
      out += "<tr";
      if (item.code) {
        out += " data-code=\"";
        out += Text(*item.code);
        out += '"';
      }
      out += "><td>";
      out += Text(item.position);
      out += "</td><td class=\"code\">";
      if (item.code) out += TimelineLink("code", *item.code, Text(*item.code));
      out += "</td><td>";
      out += Text(item.name);
      out += "</td><td>";
      out += Text(Join(item.elements, " "));
      out += "</td><td class=\"hs\">";
      out += Text(Join(item.hs_codes, " "));
      out += "</td><td>";
      out += marks.Link(d, item.evidence, "line");
      const std::string hs = marks.Link(d, item.hs_evidence, "HS codes");
      if (!hs.empty()) {
        out += " · ";
        out += hs;
      }
      out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }

  if (!a.relations.empty()) {
    out += "<h3>Relations</h3>\n<table class=\"relations\">\n<thead><tr><th>Does</th>"
           "<th>To</th><th>Until</th><th>Evidence</th></tr></thead>\n<tbody>\n";
    for (const Relation& r : a.relations) {
      out += "<tr data-type=\"";
      out += RelationTypeName(r.type);
      out += "\" data-target=\"";
      out += Text(r.target);
      out += "\"><td>";
      out += RelationTypeName(r.type);
      out += "</td><td class=\"code\">";
      out += AnnouncementLink(r.target);
      out += "</td><td>";
      if (r.until) out += r.until->ToIso();
      out += "</td><td>";
      out += marks.Link(d, r.evidence, "evidence");
      out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }

  if (!a.parties.empty() || !a.party_counts.empty()) {
    out += "<h3>Parties (";
    out += std::to_string(a.parties.size());
    out += ")</h3>\n";
    for (const PartyCount& c : a.party_counts) {
      out += "<p class=\"party-count\">States it ";
      out += c.action == PartyAction::kAdd ? "adds " : "removes ";
      out += std::to_string(c.count);
      if (c.country) {
        out += ' ';
        out += Text(*c.country);
      }
      out += c.action == PartyAction::kAdd ? " to the " : " from the ";
      out += PartyListName(c.list);
      out += ' ';
      out += marks.Link(d, c.evidence, "evidence");
      out += "</p>\n";
    }
    if (!a.parties.empty()) {
      out += "<table class=\"parties\">\n<thead><tr><th>List</th><th>Action</th><th>Name</th>"
             "<th>English name</th><th>Country</th><th>Evidence</th></tr></thead>\n<tbody>\n";
      for (const Party& p : a.parties) {
        out += "<tr data-list=\"";
        out += PartyListName(p.list);
        out += "\" data-action=\"";
        out += PartyActionName(p.action);
        out += "\"><td>";
        out += PartyListName(p.list);
        out += "</td><td>";
        out += PartyActionName(p.action);
        out += "</td><td>";
        out += TimelineLink("party", p.name, Text(p.name));
        out += "</td><td>";
        if (p.name_en) out += Text(*p.name_en);
        out += "</td><td>";
        if (p.country) out += Text(*p.country);
        out += "</td><td>";
        out += marks.Link(d, p.evidence, "evidence");
        out += "</td></tr>\n";
      }
      out += "</tbody>\n</table>\n";
    }
  }

  if (!a.warnings.empty()) {
    out += "<h3>Warnings</h3>\n<ul class=\"warnings\">\n";
    for (const std::string& w : a.warnings) {
      out += "<li>";
      out += Text(w);
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  out += "</section>\n";
  return out;
}

std::string_view DisagreementLabel(diff::DisagreementKind kind) {
  switch (kind) {
    case diff::DisagreementKind::kItem: return "Item";
    case diff::DisagreementKind::kHsCodes: return "HS codes";
    case diff::DisagreementKind::kElements: return "Elements";
    case diff::DisagreementKind::kPublished: return "Published";
    case diff::DisagreementKind::kEffective: return "Effective";
    case diff::DisagreementKind::kRelation: return "Relation";
  }
  return "";
}

// The stored text `side` names (its source, version and language).
const StoredDocument* TextOf(const std::vector<StoredDocument>& texts,
                             const diff::PairedText& side) {
  for (const StoredDocument& d : texts) {
    if (d.locator == side.source && d.version == side.version && d.announcement.lang == side.lang)
      return &d;
  }
  return nullptr;
}

// Where a Chinese and an English text of the announcement disagree: each
// fact with what each side states and a link to where it states it.
std::string Disagreements(const TextPairReport& pair, const std::vector<StoredDocument>& texts,
                          EvidenceMarks& marks) {
  const StoredDocument* left = TextOf(texts, pair.chinese);
  const StoredDocument* right = TextOf(texts, pair.english);
  std::string out = "<section class=\"disagreements\" data-count=\"";
  out += std::to_string(pair.disagreements.size());
  out += "\">\n<h2>";
  out += LangLabel(pair.chinese.lang);
  out += " and English texts";
  out += pair.disagreements.empty() ? " agree" : " disagree";
  out += "</h2>\n";
  if (pair.disagreements.empty()) {
    out += "<p class=\"muted\">On every fact compared: the dates, each item's code, elements "
           "and HS codes, the relations.</p>\n</section>\n";
    return out;
  }
  out += "<p class=\"muted\">One of them is wrong, or one copy is incomplete: read each in "
         "its source.</p>\n<table class=\"disagreements\">\n<thead><tr><th>Fact</th>"
         "<th>Of</th><th>";
  out += LangLabel(pair.chinese.lang);
  out += "</th><th>English</th></tr></thead>\n<tbody>\n";
  auto side = [&](const diff::DisagreementSide& s, const StoredDocument* d) {
    if (!s.states) return std::string("<span class=\"muted\">not stated</span>");
    std::string cell = s.values.empty() ? std::string("<span class=\"muted\">nothing more</span>")
                                        : Text(Join(s.values, " "));
    if (d) {
      const std::string link = marks.Link(*d, s.evidence, "evidence");
      if (!link.empty()) {
        cell += ' ';
        cell += link;
      }
    }
    return cell;
  };
  for (const diff::Disagreement& d : pair.disagreements) {
    out += "<tr data-kind=\"";
    out += diff::DisagreementKindName(d.kind);
    out += "\" data-key=\"";
    out += Text(d.key);
    out += "\"><td>";
    out += DisagreementLabel(d.kind);
    out += "</td><td class=\"code\">";
    out += Text(d.key);
    out += "</td><td>";
    out += side(d.left, left);
    out += "</td><td>";
    out += side(d.right, right);
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
  return out;
}

// Where the text's parts and pages begin, drawn in it: an attachment's
// start, each page of a PDF, labelled as evidence places are
// ("附件1.pdf, page 3"). None for a text of one part without pages.
std::vector<TextBreak> PlaceBreaks(const TextLayout& layout) {
  std::vector<TextBreak> out;
  auto add = [&out](size_t at, const TextPart& part, int page) {
    std::string html = "<span class=\"text-break\" data-place=\"";
    html += Text(DescribePlace(TextPlace{&part, page}));
    html += "\"></span>";
    out.push_back({at, std::move(html)});
  };
  for (const TextPart& part : layout.parts) {
    if (!part.page_starts.empty()) {
      for (size_t i = 0; i < part.page_starts.size(); ++i)
        add(part.page_starts[i], part, static_cast<int>(i) + 1);
    } else if (!part.name.empty()) {
      add(part.begin, part, 0);
    }
  }
  return out;
}

// One source text with its marks, and a search's matches of `forms` as
// mark.hit numbered from `*next_hit` on; `id` ("source-zh") may be "".
std::string SourceSection(const SourceBox& box, const std::vector<StoredDocument>& texts,
                          const std::string& id, const std::vector<std::string>& forms,
                          int* next_hit) {
  std::vector<std::string> langs;
  for (const StoredDocument& t : texts) {
    if (t.locator == box.doc->locator && t.version == box.doc->version) {
      langs.emplace_back(LangName(t.announcement.lang));
    }
  }
  std::string out = "<section class=\"source-text\"";
  if (!id.empty()) {
    out += " id=\"";
    out += id;
    out += '"';
  }
  out += " data-lang=\"";
  out += Join(langs, " ");
  out += "\" data-source=\"";
  out += Text(box.doc->locator);
  out += "\">\n<h2>Source";
  if (langs.size() == 1) {
    out += " · ";
    out += LangLabel(box.doc->announcement.lang);
  }
  out += "</h2>\n<p class=\"muted doc-provenance\">";
  out += Text(box.doc->locator);
  out += "</p>\n<pre class=\"source\">";
  std::vector<MarkSpan> spans = box.spans;
  for (MarkSpan& hit : MatchSpans(box.doc->normalized_text, forms, "hit", "hit-", next_hit))
    spans.push_back(std::move(hit));
  out += MarkedText(box.doc->normalized_text, spans, PlaceBreaks(box.doc->layout));
  out += "</pre>\n</section>\n";
  return out;
}

}  // namespace

Result<std::string> AnnouncementPage(AnnouncementStore& store,
                                     const std::multimap<std::string, std::string>& params) {
  auto it = params.find("doc");
  const std::string typed = it == params.end() ? std::string() : it->second;
  auto answer = FindAnnouncement(store, typed);
  if (!answer.ok()) return answer.status();
  // The Chinese texts first (the original; on the left when side by side),
  // else in FindDocuments' order.
  std::vector<StoredDocument> texts = std::move(answer->texts);
  std::stable_partition(texts.begin(), texts.end(),
                        [](const StoredDocument& d) { return IsChinese(d.announcement.lang); });
  const std::string doc_id = answer->doc_id == "-" ? typed : answer->doc_id;
  // q=: a search's text, its matches marked in the sources (as /search
  // finds them: both scripts, Latin letters in any case).
  auto q_it = params.find("q");
  const std::string q = q_it == params.end() ? std::string() : q_it->second;
  const std::vector<std::string> forms = SearchForms(q);

  std::vector<const Announcement*> announcements;
  for (const StoredDocument& d : texts) announcements.push_back(&d.announcement);
  auto statuses = StatusesOn(store, Timestamp::Now().date(), announcements);
  if (!statuses.ok()) return statuses.status();

  EvidenceMarks marks;
  for (const StoredDocument& d : texts) marks.BoxOf(d);  // sources in the texts' order
  // Where the language texts disagree first: what a reader must not miss.
  std::string facts;
  for (const TextPairReport& pair : answer->pairs) facts += Disagreements(pair, texts, marks);
  for (const StoredDocument& d : texts) facts += TextFacts(d, marks);

  std::string title;
  for (const StoredDocument& d : texts) {
    if (!d.announcement.title.empty()) {
      title = d.announcement.title;
      break;
    }
  }
  std::string out = BeginPage(doc_id, Section::kAnnouncements);
  out += "<h1><span class=\"code\">";
  out += Text(doc_id);
  out += "</span>";
  if (!title.empty()) {
    out += " <span class=\"doc-title\">";
    out += Text(title);
    out += "</span>";
  }
  out += "</h1>\n<p class=\"doc-links\">";
  auto status = statuses->find(answer->doc_id);
  if (status != statuses->end()) {
    out += "<span id=\"status\" data-status=\"";
    out += DocStatusName(status->second);
    out += "\">Status today: ";
    out += DocStatusLabel(status->second);
    out += "</span> · ";
  }
  out += "<a class=\"json-link\" href=\"";
  out += Href("/api/announcements/" + UrlEncode(doc_id));
  out += "\">JSON</a></p>\n";

  // The Chinese and the English source side by side, when both are stored
  // (in texts of their own).
  std::vector<SourceBox>& boxes = marks.boxes();
  const SourceBox* zh = nullptr;
  const SourceBox* en = nullptr;
  for (const SourceBox& box : boxes) {
    if (!zh && IsChinese(box.doc->announcement.lang)) zh = &box;
    if (!en && box.doc->announcement.lang == Lang::kEn) en = &box;
  }
  const bool pair = zh && en && zh != en;
  std::string sources;
  int next_hit = 1;
  if (pair) {
    sources += "<div class=\"doc-pair\">\n";
    sources += SourceSection(*zh, texts, "source-zh", forms, &next_hit);
    sources += SourceSection(*en, texts, "source-en", forms, &next_hit);
    sources += "</div>\n";
  }
  for (const SourceBox& box : boxes) {
    if (pair && (&box == zh || &box == en)) continue;
    sources += SourceSection(box, texts, "", forms, &next_hit);
  }
  if (!forms.empty()) {
    const int hits = next_hit - 1;
    out += "<p id=\"hits\" data-count=\"";
    out += std::to_string(hits);
    out += "\">";
    out += std::to_string(hits);
    out += hits == 1 ? " match of " : " matches of ";
    out += "<q>";
    out += HtmlEscape(q);
    out += "</q> marked in the source";
    if (hits > 0) out += " (<a href=\"#hit-1\">the first</a>)";
    out += " · <a href=\"";
    out += Href("/announcements/" + UrlEncode(doc_id));
    out += "\">unmarked</a> · <a href=\"";
    out += Href("/search", {{"q", q}});
    out += "\">every text holding it</a></p>\n";
  }
  out += pair ? "<div class=\"columns doc-columns bilingual\">\n"
              : "<div class=\"columns doc-columns\">\n";
  out += "<div id=\"facts\">\n";
  out += facts;
  out += "</div>\n<div id=\"source\">\n";
  out += sources;
  out += "</div>\n</div>\n";
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
