// XmlPartReader: one owner of a libxml2 xmlTextReader over memory, parsing
// with XML_PARSE_NONET and without XML_PARSE_NOENT or XML_PARSE_DTDLOAD, its
// errors collected instead of printed.
#include "ingest/xml_part_reader.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <climits>
#include <mutex>
#include <utility>

namespace regdiff::ingest {
namespace {

constexpr int kParseOptions =
    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// Keeps the first of libxml2's errors for the reader.
void CollectError(void* user, xmlError* error) {
  auto* out = static_cast<std::string*>(user);
  if (!error || !out->empty() || !error->message) return;
  *out = error->message;
  while (!out->empty() && (out->back() == '\n' || out->back() == ' ')) out->pop_back();
  if (error->line > 0) out->append(" (line " + std::to_string(error->line) + ")");
}

// True when `xml` holds a document type declaration, in UTF-8 or in either
// UTF-16 byte order. Office parts never have one, and refusing it before
// libxml2 reads a byte means no entity declared in it is ever parsed, however
// the parser's own entity guards behave.
bool HasDoctype(std::string_view xml) {
  constexpr std::string_view kMarker = "<!DOCTYPE";
  if (xml.find(kMarker) != std::string_view::npos) return true;
  for (int high_first = 0; high_first < 2; ++high_first) {
    std::string wide;
    for (char c : kMarker) {
      if (high_first) wide += '\0';
      wide += c;
      if (!high_first) wide += '\0';
    }
    if (xml.find(wide) != std::string_view::npos) return true;
  }
  return false;
}

const char* C(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

}  // namespace

void XmlPartReader::Free::operator()(_xmlTextReader* reader) const { xmlFreeTextReader(reader); }

XmlPartReader::XmlPartReader(std::string_view xml, std::string part)
    : part_(std::move(part)), error_(std::make_unique<std::string>()) {
  InitLibxml();
  if (xml.size() > static_cast<size_t>(INT_MAX)) return;  // Next() reports it
  if (HasDoctype(xml)) {
    doctype_ = true;
    return;
  }
  reader_.reset(xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                   kParseOptions));
  if (reader_) xmlTextReaderSetStructuredErrorHandler(reader_.get(), &CollectError, error_.get());
}

XmlPartReader::XmlPartReader(XmlPartReader&&) noexcept = default;
XmlPartReader& XmlPartReader::operator=(XmlPartReader&&) noexcept = default;
XmlPartReader::~XmlPartReader() = default;

Status XmlPartReader::ErrorStatus(std::string_view fallback) const {
  std::string message = part_ + ": ";
  message.append(error_->empty() ? std::string(fallback) : *error_);
  return Status::Corruption(message);
}

Status XmlPartReader::DoctypeStatus() const {
  return Status::Corruption(part_ + ": a DTD (refused: Office parts have none, and its entities "
                                    "could be an entity attack)");
}

Result<XmlPartReader::Node> XmlPartReader::Next() {
  if (close_pending_) {
    close_pending_ = false;
    return Node::kClose;
  }
  if (doctype_) return DoctypeStatus();
  if (!reader_) return ErrorStatus("XML too large to parse");
  for (;;) {
    const int rc = xmlTextReaderRead(reader_.get());
    if (rc < 0) return ErrorStatus("not well-formed XML");
    if (rc == 0) {
      // libxml2's reader may stop quietly on a document cut short.
      if (!error_->empty()) return ErrorStatus("");
      return Node::kEnd;
    }
    switch (xmlTextReaderNodeType(reader_.get())) {
      case XML_READER_TYPE_ELEMENT:
        name_ = C(xmlTextReaderConstLocalName(reader_.get()));
        close_pending_ = xmlTextReaderIsEmptyElement(reader_.get()) == 1;
        return Node::kStart;
      case XML_READER_TYPE_END_ELEMENT:
        name_ = C(xmlTextReaderConstLocalName(reader_.get()));
        return Node::kClose;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        return Node::kText;
      case XML_READER_TYPE_DOCUMENT_TYPE:
        return DoctypeStatus();
      case XML_READER_TYPE_ENTITY_REFERENCE:
      case XML_READER_TYPE_ENTITY:
        return Status::Corruption(part_ + ": an entity reference (refused)");
      default:
        continue;  // comments, processing instructions, the XML declaration
    }
  }
}

Status XmlPartReader::SkipChildren() {
  if (close_pending_) return Status::Ok();  // an empty element: nothing inside
  const std::string name = name_;
  for (int depth = 1;;) {
    Result<Node> node = Next();
    if (!node.ok()) return node.status();
    if (*node == Node::kEnd) return ErrorStatus("document ends inside <" + name + ">");
    if (*node == Node::kStart) ++depth;
    if (*node == Node::kClose && --depth == 0) break;
  }
  name_ = name;
  close_pending_ = true;
  return Status::Ok();
}

std::string_view XmlPartReader::LocalName() const { return name_; }

std::optional<std::string> XmlPartReader::Attribute(std::string_view name) const {
  std::optional<std::string> value;
  xmlTextReader* r = reader_.get();
  if (!r) return value;
  for (int rc = xmlTextReaderMoveToFirstAttribute(r); rc == 1;
       rc = xmlTextReaderMoveToNextAttribute(r)) {
    if (name == C(xmlTextReaderConstLocalName(r))) {
      value = C(xmlTextReaderConstValue(r));
      break;
    }
  }
  xmlTextReaderMoveToElement(r);
  return value;
}

std::string_view XmlPartReader::Text() const {
  return reader_ ? C(xmlTextReaderConstValue(reader_.get())) : "";
}

}  // namespace regdiff::ingest
