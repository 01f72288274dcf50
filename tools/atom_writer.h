// Atom 1.0 documents (RFC 4287), written by hand (the shape is small and
// fixed): the feed's head and its entries, every text and attribute through
// XmlEscape. Shared by the feed files of `regdiff watch` (tools/watch/atom.h)
// and the feed of `regdiff serve` (/feed.atom).
#pragma once

#include <string>
#include <vector>

namespace regdiff::tools {

struct AtomLink {
  std::string rel;   // "alternate", "self", "related"
  std::string href;  // an IRI, absolute or relative to the feed's xml:base
};

struct AtomCategory {
  std::string term;
  std::string scheme;  // "" for none
};

struct AtomEntry {
  std::string id;         // a permanent IRI: "urn:...", "tag:..."
  std::string title;      // text
  std::string updated;    // RFC 3339 date-time
  std::string published;  // RFC 3339 date-time; "" for none
  std::vector<AtomLink> links;
  std::vector<AtomCategory> categories;
  std::string summary;  // text
  std::string content;  // text
};

struct AtomFeed {
  std::string id;
  std::string title;
  std::string updated;            // RFC 3339 date-time
  std::string author = "regdiff";
  std::string generator;          // the generator's name, with regdiff's version
  std::vector<AtomLink> links;
  std::vector<AtomEntry> entries;  // in the order given
};

// The feed document: XML declaration, <feed> in the Atom namespace, its
// head (id, title, updated, author, generator, links) and the entries
// (id, title, updated, published, links, categories, summary, content; the
// texts as type="text").
std::string RenderAtom(const AtomFeed& feed);

}  // namespace regdiff::tools
