// Atom 1.0 feeds of watch events (RFC 4287): one file per source and one for
// all sources, regenerated from the stored events after each poll, newest
// entry first, at most kMaxFeedEntries entries, entry ids stable (the
// event's key), each file replaced atomically and only when its content
// changed.
#pragma once

#include <string>
#include <vector>

#include "corpus/status.h"
#include "corpus/watch_store.h"

namespace regdiff::watch {

inline constexpr size_t kMaxFeedEntries = 50;
inline constexpr char kAllSourcesFeed[] = "all";  // DIR/all.xml

struct FeedInfo {
  std::string id;     // "urn:regdiff:feed:mofcom-blgg"
  std::string title;  // "regdiff watch: mofcom-blgg"
  std::string link;   // the index page, "" for the combined feed
};

// The feed document for `events` (newest first, already bounded). Its
// <updated> is the newest event's time (the epoch when there is none), so
// the same events always give the same bytes.
std::string RenderAtomFeed(const FeedInfo& feed, const std::vector<WatchEventRow>& events);

// Replaces `path` with `content` through tools::WriteFileAtomically (a
// temporary created exclusively beside it, renamed over it); does nothing
// when the file already holds exactly `content`. Errors: kIoError.
Status WriteFeedFile(const std::string& path, const std::string& content);

struct FeedSource {
  std::string name;
  std::string index_url;
};

// Writes DIR/<name>.xml for every source and DIR/all.xml, creating DIR.
Status WriteAtomFeeds(WatchStore& watch, const std::vector<FeedSource>& sources,
                      const std::string& dir);

}  // namespace regdiff::watch
