// The events of `regdiff watch`: what one new or changed announcement page is
// reported as. One JSON shape (schemas/watch-event.schema.json, printed by
// --jsonl, POSTed to the webhook, stored in watch_events, and the source of
// the Atom entries) and one human line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/model.h"
#include "corpus/store.h"
#include "corpus/watch_store.h"
#include "diff/report.h"

namespace regdiff::watch {

inline constexpr char kWatchEventSchema[] = "regdiff.watch-event/1";

// What an event is built from.
struct EventFacts {
  std::string kind;  // "new" or "changed"
  std::string source;
  std::string url;
  std::string link_title;  // the link text on the list page
  std::string at;          // UTC ISO time of the fetch
  const Announcement* document = nullptr;  // the page's parse, if it is an announcement
  std::string parse_error;                 // why there is none
  // For "changed": the previous stored text of the page and its parse.
  const StoredDocument* previous = nullptr;
  std::string text;  // the page's normalised main text
  // Evidence of the retrieval.
  std::string sha256;
  std::string text_hash;
  std::string previous_text_hash;
  long http_status = 0;
  std::string charset;
  int version = 0;  // the store's version of the page after this fetch
  std::vector<std::string> warnings;
  // Other stored announcements, for sentences about relations ("suspended by
  // No. 70 until 2026-11-10"). May be null.
  const std::vector<Announcement>* others = nullptr;
};

struct BuiltEvent {
  WatchEventRow row;            // everything but id
  nlohmann::ordered_json json;  // as printed, without "id"
  // True when a "changed" page differs in nothing the diff can name (no
  // item, clause, relation, header or text line): not reported.
  bool empty = false;
};

// Builds the event: the change summary (diff/summary.h sentences with their
// evidence; for a new announcement, what it lists against nothing), the
// document, and the retrieval evidence.
BuiltEvent BuildEvent(const EventFacts& facts);

// What `doc` does on its own, as a new announcement's event says it: the
// items it lists, the parties it puts on or takes off a list, what it does to
// other announcements, or else when it was published. `others` (may be null):
// the announcements searched for those relating to `doc` ("suspended by No.
// 70 until 2026-11-10").
std::vector<diff::Sentence> AnnouncementSentences(const Announcement& doc, diff::SummaryLang lang,
                                                  const std::vector<Announcement>* others);

// The stable identity of an event: a hash of source, URL, text hash and time.
std::string EventKey(const std::string& source, const std::string& url,
                     const std::string& text_hash, const std::string& at);

// The printed JSON of a stored event, "id" included.
nlohmann::ordered_json EventJson(const WatchEventRow& row);

// "new      mofcom-gacc-2025-57  mofcom-export-control  No. 57 of 2025 adds …  URL".
std::string HumanLine(const WatchEventRow& row);

// The first summary sentence of a stored event, or its title.
std::string Headline(const WatchEventRow& row);

}  // namespace regdiff::watch
