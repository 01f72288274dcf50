// The JSON documents of the read commands, one function per shape, each
// following its schema in schemas/: list, show, asof, timeline, query,
// search and search --party (and the party forms of timeline and query).
// The commands choose what to print; these say how it looks.
#pragma once

#include <functional>
#include <string_view>

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/coverage.h"
#include "corpus/date.h"
#include "corpus/json_writer.h"
#include "corpus/store.h"
#include "corpus/timeline.h"
#include "diff/render_disagreements.h"
#include "diff/text_pair.h"
#include "tools/party_screening.h"

namespace regdiff::tools {

using Json = nlohmann::ordered_json;

// `regdiff list --json` (list.schema.json): one object per stored document.
Json ListJson(const std::vector<DocumentSummary>& rows);

// The disagreements of one Chinese and one English text of an announcement.
struct TextPairReport {
  diff::PairedText chinese;
  diff::PairedText english;
  std::vector<diff::Disagreement> disagreements;
};

// `regdiff show DOC --json` (show.schema.json): the announcement `doc_id`,
// each stored text of it, and where its language texts disagree.
Json ShowJson(const std::string& doc_id, const std::vector<StoredDocument>& texts,
              const std::vector<TextPairReport>& pairs);

// `regdiff asof DATE --json` (asof.schema.json): the items' and the parties'
// states on `as_of`, as the store knew them at `known_at` (nullopt: now),
// and the store's coverage then.
Json AsofJson(const Date& as_of, const std::optional<std::string>& known_at,
              const Coverage& coverage, const std::vector<ItemState>& items,
              const std::vector<PartyState>& parties);

// `regdiff asof DATE --json` written as its items are read, with no tree:
// the bytes PrintJson(AsofJson(...)) prints, handed to `write` in chunks.
// Construction writes the head; Item each item in turn; Finish the parties
// and the end. An early date at archive scale lists tens of thousands of
// items.
class AsofJsonWriter {
 public:
  AsofJsonWriter(std::function<void(std::string_view)> write, const Date& as_of,
                 const std::optional<std::string>& known_at, const Coverage& coverage);
  AsofJsonWriter(const AsofJsonWriter&) = delete;
  AsofJsonWriter& operator=(const AsofJsonWriter&) = delete;

  void Item(const ItemState& s);
  void Finish(const std::vector<PartyState>& parties);

 private:
  std::function<void(std::string_view)> write_;
  std::string buffer_;  // written, not yet handed to write_
  JsonWriter json_;
};

// AsofJsonWriter over `items` and `parties`.
void WriteAsofJson(const std::function<void(std::string_view)>& write, const Date& as_of,
                   const std::optional<std::string>& known_at, const Coverage& coverage,
                   const std::vector<ItemState>& items, const std::vector<PartyState>& parties);

// One party's state on a date, as asof's parties[] and query --party's
// matches print it (asof.schema.json $defs/party).
Json PartyStateJson(const PartyState& s);

// `regdiff timeline NAME --json` for a party (party-timeline.schema.json):
// the events of the parties whose key is `key`.
Json PartyTimelineJson(const std::string& query, const std::string& key,
                       const std::optional<std::string>& known_at,
                       const std::vector<PartyEvent>& events);

// `regdiff query --party NAME --json` (party-query.schema.json).
Json PartyQueryJson(const Date& date, const PartyScreening& screening,
                    const Coverage& coverage);

// `regdiff timeline WHAT --json` (timeline.schema.json).
Json TimelineJson(const std::string& query, const std::optional<std::string>& known_at,
                  const std::vector<const TimelineEvent*>& events);

// `regdiff query ... --json` (query.schema.json): whether anything matching
// is in force on `date`, and every matching item's state.
Json QueryJson(const Date& date, bool controlled, const Coverage& coverage,
               const std::vector<ItemState>& items);

// `regdiff search TEXT --json` (search.schema.json): one object per line hit.
Json SearchJson(const std::vector<SearchHit>& hits);

// `regdiff search --party NAME --json` (search-party.schema.json): one
// object per party found, with the document listing it.
Json PartySearchJson(const std::vector<PartyHit>& hits);

// Prints `json` as every read command does: indented by two, one newline.
void PrintJson(const Json& json);

}  // namespace regdiff::tools
