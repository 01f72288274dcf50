// Reads an HTML document with libxml2's SAX2 interface and hands a visitor
// the elements and text of the tree that htmlReadMemory would have built from
// the same bytes, in document order, without building that tree.
#pragma once

#include <string_view>

#include "corpus/status.h"

namespace regdiff::ingest {

// The attributes of one start tag, as libxml2 passes them (name/value pairs,
// the value null for a bare attribute); valid during StartElement only.
class HtmlAttributes {
 public:
  explicit HtmlAttributes(const unsigned char* const* pairs) : pairs_(pairs) {}

  bool empty() const { return pairs_ == nullptr || pairs_[0] == nullptr; }
  bool Has(std::string_view name) const;
  // The first value of `name`; "" when absent or bare.
  std::string_view Get(std::string_view name) const;

 private:
  const unsigned char* const* pairs_;
};

// Receives the tree as events. StartElement and EndElement pair up; Text
// belongs to the innermost open element.
class HtmlTreeVisitor {
 public:
  virtual ~HtmlTreeVisitor() = default;
  // `name` is the node name the tree holds: lowercase, and the part after
  // the first ':' of a prefixed tag (libxml2 splits "o:p" into prefix "o"
  // and name "p" even in HTML).
  virtual void StartElement(std::string_view name, const HtmlAttributes& attributes) = 0;
  virtual void EndElement() = 0;
  virtual void Text(std::string_view utf8) = 0;
};

// Parses `utf8_html` as htmlReadMemory(…, "UTF-8", `options`) would and
// visits its tree. The tree is a forest: the root element (the first
// element; it keeps every top-level element libxml2 attaches to it after
// it closed) and then, when a DOCTYPE or a comment came first, the
// top-level elements libxml2 leaves beside it. Text outside every element
// is dropped, as the tree drops it.
// Errors: kCorruption when libxml2 produces no document; kTooLarge when the
// root element's subtree nests deeper than `max_depth` elements (visiting
// stops there; the message gives the depth the tree would have had).
Status VisitHtmlTree(std::string_view utf8_html, int options, int max_depth,
                     HtmlTreeVisitor& visitor);

}  // namespace regdiff::ingest
