// A page or feed parsed by libxml2 (no network, no entities loaded), queried
// with XPath: the structure tests of the HTML report and of `regdiff
// serve`'s pages read the DOM a browser would build, not substrings of the
// bytes. The Atom namespace is bound to the prefix "a" (//a:entry).
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <memory>
#include <string>
#include <vector>

namespace regdiff::testing {

class Dom {
 public:
  // `html` read as a browser would, recovering from errors.
  explicit Dom(const std::string& html)
      : doc_(htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "utf-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_NONET)) {}
  // `xml` read strictly: a document that is not well-formed is not ok().
  static Dom Xml(const std::string& xml) {
    return Dom(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  }
  bool ok() const { return doc_ != nullptr; }

  // The string values of the nodes `xpath` selects (elements: their text;
  // attributes: their value), in document order.
  std::vector<std::string> Strings(const std::string& xpath) const {
    std::vector<std::string> out;
    if (!doc_) return out;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(
        xmlXPathNewContext(doc_.get()), xmlXPathFreeContext);
    xmlXPathRegisterNs(ctx.get(), BAD_CAST "a", BAD_CAST "http://www.w3.org/2005/Atom");
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(BAD_CAST xpath.c_str(), ctx.get()), xmlXPathFreeObject);
    if (!result || !result->nodesetval) return out;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      out.emplace_back(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    }
    return out;
  }
  // The first string `xpath` selects, "" when none.
  std::string String(const std::string& xpath) const {
    auto all = Strings(xpath);
    return all.empty() ? std::string() : all[0];
  }
  size_t Count(const std::string& xpath) const { return Strings(xpath).size(); }

 private:
  struct Free {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
  };
  explicit Dom(xmlDoc* doc) : doc_(doc) {}
  std::unique_ptr<xmlDoc, Free> doc_;
};

}  // namespace regdiff::testing
