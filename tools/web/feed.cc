// AtomFeedPage: the newest announcements as Atom entries, written by
// tools/atom_writer.h.
#include "tools/web/feed.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "corpus/display_text.h"
#include "corpus/lang_order.h"
#include "corpus/strings.h"
#include "diff/wording.h"
#include "tools/atom_writer.h"
#include "tools/timeline_query.h"
#include "tools/watch/event.h"
#include "tools/web/page_frame.h"

namespace regdiff::tools::web {
namespace {

// What orders one announcement in the feed.
struct FeedRow {
  std::string doc_id;
  std::optional<Date> published;  // the newest of its texts'
  std::string retrieved_at;       // the newest retrieval of its texts, UTC ISO
};

bool NewerFirst(const FeedRow& a, const FeedRow& b) {
  if (a.published.has_value() != b.published.has_value()) return a.published.has_value();
  if (a.published && *a.published != *b.published) return *b.published < *a.published;
  if (a.retrieved_at != b.retrieved_at) return a.retrieved_at > b.retrieved_at;
  return a.doc_id < b.doc_id;
}


bool IsHostByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// The sentences, each on a line with the words they quote under it.
void AppendSentences(const std::vector<diff::Sentence>& sentences, std::string* out) {
  for (const diff::Sentence& s : sentences) {
    *out += s.text;
    *out += '\n';
    for (const diff::EvidenceRef& e : s.evidence) {
      if (e.text.empty()) continue;
      *out += "  > ";
      *out += e.text;
      *out += '\n';
    }
  }
}

}  // namespace

std::optional<std::string> BaseUrlFromHost(std::string_view host) {
  std::string h = AsciiLower(host);
  std::string port;
  if (!h.empty() && h.front() == '[') {  // [IPv6]:port
    const size_t close = h.find(']');
    if (close == std::string::npos || close < 3) return std::nullopt;
    for (size_t i = 1; i < close; ++i) {
      const char c = h[i];
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.'))
        return std::nullopt;
    }
    if (close + 1 < h.size()) {
      if (h[close + 1] != ':') return std::nullopt;
      port = h.substr(close + 2);
      if (port.empty()) return std::nullopt;
    }
  } else {
    const size_t colon = h.find(':');
    const std::string name = h.substr(0, colon);
    if (colon != std::string::npos) {
      port = h.substr(colon + 1);
      if (port.empty()) return std::nullopt;
    }
    if (name.empty() || name.size() > 253 || name.front() == '.' || name.front() == '-')
      return std::nullopt;
    if (!std::all_of(name.begin(), name.end(), IsHostByte)) return std::nullopt;
    if (name.find("..") != std::string::npos) return std::nullopt;
  }
  if (!port.empty()) {
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    const long number = std::stol(port);
    if (number < 1 || number > 65535) return std::nullopt;
  }
  std::string base = "http://";
  base += h;
  return base;
}

Result<std::string> AtomFeedPage(AnnouncementStore& store, const std::string& base_url) {
  auto rows = store.List();
  if (!rows.ok()) return rows.status();
  auto sources = store.CurrentSources();
  if (!sources.ok()) return sources.status();
  std::map<std::string, FeedRow> by_id;
  for (const DocumentSummary& r : *rows) {
    if (!r.doc_id) continue;
    FeedRow& row = by_id[*r.doc_id];
    row.doc_id = *r.doc_id;
    if (r.published && (!row.published || *row.published < *r.published)) row.published = r.published;
  }
  for (const DocumentSource& s : *sources) {
    auto it = by_id.find(s.doc_id);
    if (it != by_id.end()) it->second.retrieved_at = std::max(it->second.retrieved_at, s.retrieved_at);
  }
  std::vector<FeedRow> order;
  for (auto& [id, row] : by_id) order.push_back(std::move(row));
  std::sort(order.begin(), order.end(), NewerFirst);
  if (order.size() > kMaxFeedEntries) order.resize(kMaxFeedEntries);

  // What the summaries search for announcements relating to these.
  std::set<std::string> ids;
  for (const FeedRow& row : order) ids.insert(row.doc_id);
  auto others = LoadTimelineOf(store, ids);
  if (!others.ok()) return others.status();

  AtomFeed feed;
  feed.id = "tag:regdiff,2025:announcements";
  feed.title = "regdiff: announcements";
  feed.generator = "regdiff serve";
  feed.updated = "1970-01-01T00:00:00Z";
  feed.links.push_back({"self", base_url + "/feed.atom"});
  feed.links.push_back({"alternate", base_url + "/"});
  for (const FeedRow& row : order) {
    auto texts = store.DocumentsOf(row.doc_id, DocumentDetail::kFull);
    if (!texts.ok()) return texts.status();
    if (texts->empty()) continue;  // forgotten between the two reads
    const StoredDocument& text = *std::min_element(
        texts->begin(), texts->end(), [](const StoredDocument& a, const StoredDocument& b) {
          return LangRank(a.announcement.lang) < LangRank(b.announcement.lang);
        });
    const Announcement& a = text.announcement;
    AtomEntry entry;
    entry.id = "tag:regdiff,2025:announcement/" + UrlEncode(row.doc_id);
    entry.title = row.doc_id;
    if (!a.title.empty()) {
      entry.title += ": ";
      entry.title += Utf8DisplayForm(a.title);
    }
    entry.updated = row.retrieved_at.empty() ? feed.updated : row.retrieved_at;
    if (row.published) entry.published = row.published->ToIso() + "T00:00:00+08:00";
    entry.links.push_back({"alternate", base_url + "/announcements/" + UrlEncode(row.doc_id)});
    const auto en = watch::AnnouncementSentences(a, diff::SummaryLang::kEn, &others->Announcements());
    const auto zh = watch::AnnouncementSentences(a, diff::SummaryLang::kZh, &others->Announcements());
    for (const diff::Sentence& s : en) {
      if (!entry.summary.empty()) entry.summary += ' ';
      entry.summary += s.text;
    }
    AppendSentences(en, &entry.content);
    entry.content += '\n';
    AppendSentences(zh, &entry.content);
    feed.updated = std::max(feed.updated, entry.updated);
    feed.entries.push_back(std::move(entry));
  }
  return RenderAtom(feed);
}

}  // namespace regdiff::tools::web
