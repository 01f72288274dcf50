// The Atom 1.0 feed of `regdiff serve` (/feed.atom, RFC 4287): the stored
// announcements, newest first (by publication date, then by when their
// newest text was retrieved), at most kMaxFeedEntries. Each entry: a tag: URI
// made of the doc id (the same on every server, so readers never see a
// duplicate), the id and title, updated (the newest retrieval of its texts),
// published (its date, Beijing time), a link to /announcements/{doc}, and as
// text what it lists, suspends, puts on or takes off a list (the sentences
// of a new announcement's watch event, tools/watch/event.h), with the
// evidence quoted in the content. Announcements without a number read have
// no page and are left out.
//
// Links are absolute, made from the request's Host header: RFC 4287 allows
// relative references resolved against xml:base, but feed readers resolve
// xml:base unevenly (some ignore it, some resolve against the feed's URL),
// and an absolute link is read the same by all.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools::web {

inline constexpr char kAtomType[] = "application/atom+xml; charset=utf-8";
inline constexpr size_t kMaxFeedEntries = 50;

// "http://HOST" for a Host header that is a host name (letters, digits,
// '-', '.'), an IPv4 address or a bracketed IPv6 address, with an optional
// port (1 to 65535), lowercased; nullopt for anything else (empty, a path,
// a user, spaces, quotes), which must not reach a link.
std::optional<std::string> BaseUrlFromHost(std::string_view host);

// The feed, its links under `base_url` ("http://127.0.0.1:8080").
// Errors: kDatabase.
Result<std::string> AtomFeedPage(AnnouncementStore& store, const std::string& base_url);

}  // namespace regdiff::tools::web
