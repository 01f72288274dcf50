// RenderAtom: the feed as one string, indented by two per level.
#include "tools/atom_writer.h"

#include <sstream>

#include "corpus/strings.h"

namespace regdiff::tools {
namespace {

void WriteLinks(std::ostringstream& x, const std::vector<AtomLink>& links, const char* indent) {
  for (const AtomLink& link : links) {
    x << indent << "<link rel=\"" << XmlEscape(link.rel) << "\" href=\"" << XmlEscape(link.href)
      << "\"/>\n";
  }
}

}  // namespace

std::string RenderAtom(const AtomFeed& feed) {
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    << "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    << "  <id>" << XmlEscape(feed.id) << "</id>\n"
    << "  <title>" << XmlEscape(feed.title) << "</title>\n"
    << "  <updated>" << XmlEscape(feed.updated) << "</updated>\n"
    << "  <author><name>" << XmlEscape(feed.author) << "</name></author>\n"
    << "  <generator version=\"" << XmlEscape(REGDIFF_VERSION) << "\">" << XmlEscape(feed.generator)
    << "</generator>\n";
  WriteLinks(x, feed.links, "  ");
  for (const AtomEntry& e : feed.entries) {
    x << "  <entry>\n"
      << "    <id>" << XmlEscape(e.id) << "</id>\n"
      << "    <title>" << XmlEscape(e.title) << "</title>\n"
      << "    <updated>" << XmlEscape(e.updated) << "</updated>\n";
    if (!e.published.empty()) x << "    <published>" << XmlEscape(e.published) << "</published>\n";
    WriteLinks(x, e.links, "    ");
    for (const AtomCategory& c : e.categories) {
      x << "    <category term=\"" << XmlEscape(c.term) << '"';
      if (!c.scheme.empty()) x << " scheme=\"" << XmlEscape(c.scheme) << '"';
      x << "/>\n";
    }
    x << "    <summary type=\"text\">" << XmlEscape(e.summary) << "</summary>\n"
      << "    <content type=\"text\">" << XmlEscape(e.content) << "</content>\n";
    x << "  </entry>\n";
  }
  x << "</feed>\n";
  return x.str();
}

}  // namespace regdiff::tools
