// A streaming reader over one XML part of an Office file (libxml2's
// xmlTextReader; no tree is built, so a big sheet costs no more memory than
// its longest text). It never touches the network and never expands
// entities: a part that carries a DTD or an entity reference is refused
// (Office parts never have either), which shuts out external entities (XXE)
// and entity bombs (billion laughs).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/status.h"

struct _xmlTextReader;

namespace regdiff::ingest {

class XmlPartReader {
 public:
  enum class Node {
    kEnd,      // no more nodes
    kStart,    // an element opens (an empty element also gives its kClose next)
    kClose,    // an element closes
    kText,     // character data (text, CDATA, whitespace)
  };

  // A reader over `xml` (which must outlive it); `part` names the part in
  // errors ("word/document.xml").
  XmlPartReader(std::string_view xml, std::string part);
  XmlPartReader(XmlPartReader&&) noexcept;
  XmlPartReader& operator=(XmlPartReader&&) noexcept;
  ~XmlPartReader();

  // Moves to the next node. Errors: kCorruption (not well-formed XML, a DTD
  // or an entity reference), naming the part.
  Result<Node> Next();

  // Skips the children of the element that just opened (kStart): the next
  // Next() gives its kClose. Errors as Next().
  Status SkipChildren();

  // The current element's local name (no prefix), at kStart and kClose.
  std::string_view LocalName() const;
  // The value of the current element's attribute with local name `name`
  // (any namespace), at kStart.
  std::optional<std::string> Attribute(std::string_view name) const;
  // The current text, at kText.
  std::string_view Text() const;

 private:
  struct Free {
    void operator()(_xmlTextReader* reader) const;
  };
  Status ErrorStatus(std::string_view fallback) const;
  Status DoctypeStatus() const;

  std::string part_;
  std::unique_ptr<std::string> error_;  // libxml2's first error, stable for its callback
  std::unique_ptr<_xmlTextReader, Free> reader_;  // after error_: freed before it
  bool doctype_ = false;                // the part holds a DTD: refused unread
  bool close_pending_ = false;          // a kClose is owed (an empty element, SkipChildren)
  std::string name_;                    // the current element's local name
};

}  // namespace regdiff::ingest
