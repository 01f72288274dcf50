// An HTML page parsed by libxml2's HTML parser (no network, no entities
// loaded), queried with XPath: the structure tests of `regdiff serve`'s
// pages read the DOM a browser would build, not substrings of the bytes.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <memory>
#include <string>
#include <vector>

namespace regdiff::testing {

class HtmlDom {
 public:
  explicit HtmlDom(const std::string& html)
      : doc_(htmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "utf-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_NONET)) {}
  bool ok() const { return doc_ != nullptr; }

  // The string values of the nodes `xpath` selects (elements: their text;
  // attributes: their value), in document order.
  std::vector<std::string> Strings(const std::string& xpath) const {
    std::vector<std::string> out;
    if (!doc_) return out;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(
        xmlXPathNewContext(doc_.get()), xmlXPathFreeContext);
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
  std::unique_ptr<xmlDoc, Free> doc_;
};

}  // namespace regdiff::testing
