// The watch events as Atom entries (tools/atom_writer.h writes them) and the
// feed files, replaced through tools/atomic_file.h.
#include "tools/watch/atom.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/strings.h"
#include "tools/atom_writer.h"
#include "tools/atomic_file.h"
#include "tools/watch/event.h"

namespace regdiff::watch {
namespace {

// The entry's text: the English and Chinese sentences, the evidence they
// quote, and the fetch evidence.
std::string ContentOf(const WatchEventRow& row) {
  using Json = nlohmann::json;
  const Json j = Json::parse(row.summary_json, nullptr, /*allow_exceptions=*/false);
  std::string out;
  auto sentences = [&](const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_array()) return;
    for (const Json& s : j[key]) {
      if (!s.contains("text") || !s["text"].is_string()) continue;
      out += s["text"].get<std::string>() + "\n";
      if (!s.contains("evidence") || !s["evidence"].is_array()) continue;
      for (const Json& e : s["evidence"]) {
        if (e.contains("text") && e["text"].is_string() && !e["text"].get<std::string>().empty()) {
          out += "  > " + e["text"].get<std::string>() + "\n";
        }
      }
    }
  };
  sentences("summary");
  out += "\n";
  sentences("summary_zh");
  out += "\n" + row.url + "\n";
  if (j.is_object() && j.contains("evidence") && j["evidence"].is_object()) {
    const Json& e = j["evidence"];
    if (e.contains("sha256") && e["sha256"].is_string()) {
      out += "sha256 " + e["sha256"].get<std::string>() + "\n";
    }
  }
  return out;
}

std::string EntryTitle(const WatchEventRow& row) {
  std::string title = "[" + row.kind + "] ";
  if (row.doc_id) title += *row.doc_id + " ";
  return title + row.title;
}

}  // namespace

std::string RenderAtomFeed(const FeedInfo& feed, const std::vector<WatchEventRow>& events) {
  tools::AtomFeed atom;
  atom.id = feed.id;
  atom.title = feed.title;
  atom.updated = events.empty() ? "1970-01-01T00:00:00Z" : events.front().at;
  atom.generator = "regdiff watch";
  if (!feed.link.empty()) atom.links.push_back({"related", feed.link});
  for (const WatchEventRow& e : events) {
    tools::AtomEntry entry;
    entry.id = e.event_key;
    entry.title = EntryTitle(e);
    entry.updated = e.at;
    entry.published = e.at;
    entry.links.push_back({"alternate", e.url});
    entry.categories.push_back({e.kind, ""});
    entry.categories.push_back({e.source_name, "urn:regdiff:watch:source"});
    entry.summary = Headline(e);
    entry.content = ContentOf(e);
    atom.entries.push_back(std::move(entry));
  }
  return tools::RenderAtom(atom);
}

Status WriteFeedFile(const std::string& path, const std::string& content) {
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream old;
      old << in.rdbuf();
      if (old.str() == content) return Status::Ok();
    }
  }
  return tools::WriteFileAtomically(path, content);
}

Status WriteAtomFeeds(WatchStore& watch, const std::vector<FeedSource>& sources,
                      const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create feed directory " + dir + ": " + ec.message());
  for (const FeedSource& source : sources) {
    auto events = watch.RecentEvents(source.name, kMaxFeedEntries);
    if (!events.ok()) return events.status();
    FeedInfo info{"urn:regdiff:feed:" + source.name, "regdiff watch: " + source.name,
                  source.index_url};
    Status s = WriteFeedFile(dir + "/" + source.name + ".xml", RenderAtomFeed(info, *events));
    if (!s.ok()) return s;
  }
  auto all = watch.RecentEvents(std::nullopt, kMaxFeedEntries);
  if (!all.ok()) return all.status();
  FeedInfo info{std::string("urn:regdiff:feed:") + kAllSourcesFeed, "regdiff watch: all sources",
                ""};
  return WriteFeedFile(dir + "/" + kAllSourcesFeed + ".xml", RenderAtomFeed(info, *all));
}

}  // namespace regdiff::watch
