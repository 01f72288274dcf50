// Events of `regdiff watch`: the diff of the page's parse against its
// previous stored parse (or against nothing, for a new announcement), its
// summary sentences in English and Chinese, and the evidence of the fetch.
#include "tools/watch/event.h"

#include <algorithm>
#include <cstdio>

#include "corpus/display_text.h"
#include "corpus/model_json.h"
#include "corpus/sha256.h"
#include "diff/report.h"
#include "diff/summary.h"
#include "diff/wording.h"

namespace regdiff::watch {
namespace {

using Json = nlohmann::ordered_json;
using diff::Phrase;
using diff::Say;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json SentencesJson(const std::vector<diff::Sentence>& sentences) {
  Json out = Json::array();
  for (const diff::Sentence& s : sentences) {
    Json evidence = Json::array();
    for (const diff::EvidenceRef& e : s.evidence) {
      evidence.push_back(Json{{"side", e.side},
                              {"doc_id", OrNull(e.doc_id)},
                              {"what", e.what},
                              {"ref", e.ref},
                              {"text", e.text}});
    }
    out.push_back(Json{{"text", s.text}, {"evidence", std::move(evidence)}});
  }
  return out;
}

Json Sentence(const std::string& text) {
  return Json::array({Json{{"text", text}, {"evidence", Json::array()}}});
}

diff::Side SideOf(const Announcement& a, const std::string& label, const std::string& source,
                  int version, const std::string& sha256, const std::string& text) {
  diff::Side side;
  side.label = label;
  side.announcement = a;
  side.source = source;
  side.version = version;
  side.sha256 = sha256;
  side.text = text;
  return side;
}

std::string LabelOf(const Announcement& a, const std::string& url, int version) {
  std::string label = a.doc_id.value_or(url);
  if (version > 0) {
    label += '@';
    label += std::to_string(version);
  }
  return label;
}

// Whether every quote of a summary sentence is a party line: the diff's
// sentences about parties ("adds 3 US entities to the export control list: …").
bool IsPartySentence(const diff::Sentence& s) {
  return !s.evidence.empty() && std::all_of(s.evidence.begin(), s.evidence.end(),
                                            [](const diff::EvidenceRef& e) { return e.what == "party"; });
}

// What a new announcement does, against nothing: the items it lists (the
// diff's "adds" sentence, which Summarize puts first), the parties it puts on
// or takes off each list (one sentence per list and action: the list, the
// count, the first names), what it does to other announcements, or else when
// it was published. Comparisons with the empty side ("... the announcement
// does not") are left out.
std::vector<diff::Sentence> NewDocumentSentences(const Announcement& doc,
                                                 const diff::DiffReport& report,
                                                 diff::SummaryLang lang,
                                                 const std::vector<Announcement>* others) {
  const std::string name = diff::AnnouncementName(doc, lang);
  const std::string doc_id = doc.doc_id.value_or("");
  std::vector<diff::Sentence> out;
  if (!report.items.added.empty() || !report.parties.empty()) {
    std::vector<diff::Sentence> all = diff::Summarize(report, lang, others);
    for (size_t i = 0; i < all.size(); ++i) {
      const bool items_added = i == 0 && !report.items.added.empty();
      if (items_added || IsPartySentence(all[i])) out.push_back(std::move(all[i]));
    }
  }
  // One sentence per (type, until), in the order the text gives them.
  std::vector<std::pair<const Relation*, std::vector<const Relation*>>> groups;
  for (const Relation& r : doc.relations) {
    if (r.type == RelationType::kRefersTo) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
      return g.first->type == r.type && g.first->until == r.until;
    });
    if (it == groups.end()) groups.push_back({&r, {&r}});
    else it->second.push_back(&r);
  }
  for (const auto& [first, members] : groups) {
    diff::Sentence s;
    std::vector<std::string> targets;
    for (const Relation* r : members) {
      targets.push_back(diff::DocName(r->target, lang, doc.year));
      if (std::none_of(s.evidence.begin(), s.evidence.end(),
                       [&](const diff::EvidenceRef& e) { return e.text == r->evidence.text; })) {
        s.evidence.push_back({"right", doc_id, "relation", r->target, r->evidence.text});
      }
    }
    const std::string until =
        first->until ? Say(Phrase::kEventUntil, lang, {diff::DateWords(*first->until, lang)}) : "";
    s.text = Say(
        Phrase::kEventRelation, lang,
        {name, Say(diff::RelationVerb(first->type), lang), diff::JoinList(targets, lang), until});
    out.push_back(std::move(s));
  }
  if (out.empty()) {
    diff::Sentence s;
    const std::string on = doc.published ? Say(Phrase::kEventPublishedOn, lang,
                                               {diff::DateWords(*doc.published, lang)})
                                         : "";
    const std::string title = doc.title.empty() ? "" : Say(Phrase::kEventTitle, lang, {doc.title});
    s.text = Say(Phrase::kEventPublished, lang, {name, on, title});
    if (!doc.title_evidence.text.empty()) {
      s.evidence.push_back({"right", doc_id, "title", "", doc.title_evidence.text});
    }
    out.push_back(std::move(s));
  }
  return out;
}

// A new announcement's report: what it lists, dates and relates, against
// nothing.
diff::DiffReport AgainstNothing(diff::Side right) {
  Announcement nothing;
  nothing.lang = right.announcement->lang;
  return diff::CompareDocuments(diff::DiffKind::kAnnouncements,
                                SideOf(nothing, "nothing", "", 0, "", ""), std::move(right),
                                diff::ReportOptions{});
}

}  // namespace

std::vector<diff::Sentence> AnnouncementSentences(const Announcement& doc, diff::SummaryLang lang,
                                                  const std::vector<Announcement>* others) {
  const diff::DiffReport report =
      AgainstNothing(SideOf(doc, doc.doc_id.value_or(""), "", 0, "", ""));
  return NewDocumentSentences(doc, report, lang, others);
}

std::string EventKey(const std::string& source, const std::string& url,
                     const std::string& text_hash, const std::string& at) {
  return "urn:regdiff:watch:" +
         Sha256Hex(source + "\n" + url + "\n" + text_hash + "\n" + at).substr(0, 32);
}

BuiltEvent BuildEvent(const EventFacts& f) {
  BuiltEvent out;
  Json summary_en = Json::array(), summary_zh = Json::array(), text_diff = nullptr;

  if (f.document) {
    const Announcement& doc = *f.document;
    diff::Side right = SideOf(doc, LabelOf(doc, f.url, f.version), f.url, f.version, f.sha256, f.text);
    diff::ReportOptions options;
    diff::DiffReport report;
    if (f.previous) {
      const StoredDocument& p = *f.previous;
      options.text = true;
      report = diff::CompareDocuments(
          diff::DiffKind::kVersions,
          SideOf(p.announcement, LabelOf(p.announcement, f.url, p.version), p.locator, p.version,
                 p.sha256, p.normalized_text),
          std::move(right), options);
      out.empty = !report.differs();
      if (report.text) {
        text_diff = Json{{"lines_deleted", report.text->lines_deleted},
                         {"lines_inserted", report.text->lines_inserted}};
      }
    } else {
      report = AgainstNothing(std::move(right));
    }
    if (f.previous) {
      summary_en = SentencesJson(diff::Summarize(report, diff::SummaryLang::kEn, f.others));
      summary_zh = SentencesJson(diff::Summarize(report, diff::SummaryLang::kZh, f.others));
    } else {
      summary_en = SentencesJson(NewDocumentSentences(doc, report, diff::SummaryLang::kEn, f.others));
      summary_zh = SentencesJson(NewDocumentSentences(doc, report, diff::SummaryLang::kZh, f.others));
    }
    if (summary_en.empty()) {
      const Phrase phrase =
          f.kind == "changed" ? Phrase::kEventChanged : Phrase::kEventPublishedBare;
      auto say = [&](diff::SummaryLang lang) {
        const std::string title =
            doc.title.empty() ? "" : Say(Phrase::kEventTitleSuffix, lang, {doc.title});
        return Sentence(Say(phrase, lang, {diff::AnnouncementName(doc, lang), title}));
      };
      summary_en = say(diff::SummaryLang::kEn);
      summary_zh = say(diff::SummaryLang::kZh);
    }
  } else if (f.kind == "new") {
    summary_en =
        Sentence(Say(Phrase::kEventNewPage, diff::SummaryLang::kEn, {f.link_title, f.parse_error}));
    summary_zh =
        Sentence(Say(Phrase::kEventNewPage, diff::SummaryLang::kZh, {f.link_title, f.parse_error}));
  } else {
    summary_en = Sentence(Say(Phrase::kEventChangedPage, diff::SummaryLang::kEn, {f.parse_error}));
    summary_zh = Sentence(Say(Phrase::kEventChangedPage, diff::SummaryLang::kZh, {f.parse_error}));
  }

  std::optional<std::string> doc_id = f.document ? f.document->doc_id : std::nullopt;
  std::string title = f.document && !f.document->title.empty() ? f.document->title : f.link_title;

  Json j;
  j["schema"] = kWatchEventSchema;
  j["event_key"] = EventKey(f.source, f.url, f.text_hash, f.at);
  j["at"] = f.at;
  j["source"] = f.source;
  j["kind"] = f.kind;
  j["url"] = f.url;
  j["doc_id"] = doc_id ? Json(*doc_id) : Json(nullptr);
  j["title"] = title;
  j["summary"] = std::move(summary_en);
  j["summary_zh"] = std::move(summary_zh);
  j["document"] = f.document ? Json(AnnouncementToJson(*f.document)) : Json(nullptr);
  j["parse_error"] = f.document ? Json(nullptr) : Json(f.parse_error);
  j["evidence"] = Json{{"retrieved_at", f.at},
                       {"http_status", f.http_status},
                       {"sha256", f.sha256},
                       {"text_hash", f.text_hash},
                       {"previous_text_hash", OrNull(f.previous_text_hash)},
                       {"charset", OrNull(f.charset)},
                       {"version", f.version > 0 ? Json(f.version) : Json(nullptr)},
                       {"text_diff", std::move(text_diff)}};
  j["warnings"] = f.warnings;

  out.row.event_key = j["event_key"].get<std::string>();
  out.row.at = f.at;
  out.row.source_name = f.source;
  out.row.url = f.url;
  out.row.doc_id = doc_id;
  out.row.kind = f.kind;
  out.row.title = title;
  out.row.summary_json = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  out.json = std::move(j);
  return out;
}

nlohmann::ordered_json EventJson(const WatchEventRow& row) {
  Json stored = Json::parse(row.summary_json, nullptr, /*allow_exceptions=*/false);
  Json out;
  out["schema"] = kWatchEventSchema;
  out["id"] = row.id;
  if (stored.is_object()) {
    for (auto it = stored.begin(); it != stored.end(); ++it) {
      if (it.key() != "schema" && it.key() != "id") out[it.key()] = it.value();
    }
  }
  return out;
}

std::string Headline(const WatchEventRow& row) {
  const Json stored = Json::parse(row.summary_json, nullptr, /*allow_exceptions=*/false);
  if (stored.is_object() && stored.contains("summary") && stored["summary"].is_array() &&
      !stored["summary"].empty() && stored["summary"][0].contains("text")) {
    return stored["summary"][0]["text"].get<std::string>();
  }
  return row.title;
}

std::string HumanLine(const WatchEventRow& row) {
  char head[160];
  std::snprintf(head, sizeof head, "%-8s %-28s %-24s ", row.kind.c_str(),
                row.doc_id ? row.doc_id->c_str() : "-", row.source_name.c_str());
  // The headline and URL come from pages: shown, never sent to the terminal.
  return EscapeControls(head + Headline(row) + "  " + row.url);
}

}  // namespace regdiff::watch
