// The tree htmlReadMemory builds, as SAX2 events. libxml2's HTML parser
// sends the same events whoever listens (its tree builder, SAX2.c, never
// steers it: with blanks kept, areBlanks only picks between two calls that
// both deliver the text); what the tree builder adds is placement, and this
// file repeats it: element names split at a prefix, the root and the
// top-level elements after it, an element the parser pops without an end
// event, and the depth at which the builder halts the parser.
#include "ingest/html_stream.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace regdiff::ingest {
namespace {

std::string_view View(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// The node name xmlSAX2StartElement gives a tag (xmlSplitQName): the part
// after the first ':' unless the name starts or ends with that ':'.
std::string_view LocalName(std::string_view full) {
  if (full.empty() || full[0] == ':') return full;
  size_t colon = full.find(':');
  if (colon == std::string_view::npos || colon + 1 == full.size()) return full;
  return full.substr(colon + 1);
}

// Owns a libxml2 parser context (and so its input copy and name stack);
// the context lives for one parse.
struct ParserCtxtDeleter {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
using ParserContext = std::unique_ptr<xmlParserCtxt, ParserCtxtDeleter>;

// Follows the tree builder's stacks and placement, and forwards the events
// of the tree to the visitor.
class TreeEvents {
 public:
  TreeEvents(HtmlTreeVisitor& visitor, int max_depth, xmlParserCtxt* ctxt)
      : visitor_(visitor), max_depth_(max_depth), ctxt_(ctxt) {}

  static xmlSAXHandlerV1 Handler() {
    xmlSAXHandlerV1 h;
    std::memset(&h, 0, sizeof(h));
    h.internalSubset = &OnInternalSubset;
    h.startDocument = &OnStartDocument;
    h.startElement = &OnStartElement;
    h.endElement = &OnEndElement;
    h.characters = &OnText;
    h.cdataBlock = &OnText;
    h.processingInstruction = &OnProcessingInstruction;
    h.comment = &OnComment;
    h.initialized = 1;
    return h;
  }

  // After the parse: closes what is still open.
  void Finish() {
    PopTo(0);
    EndRootIfOpen();
  }

  bool has_document() const { return has_document_; }
  bool too_deep() const { return too_deep_; }
  int depth() const { return deepest_; }

 private:
  struct Open {
    bool in_root;  // in the root element's subtree
    int depth;     // in that subtree, the root being 1
  };

  static TreeEvents& Of(void* ctx) {
    return *static_cast<TreeEvents*>(static_cast<xmlParserCtxt*>(ctx)->_private);
  }

  static void OnStartDocument(void* ctx) { Of(ctx).has_document_ = true; }

  static void OnInternalSubset(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    // The first DOCTYPE becomes the document's first child, wherever it
    // stands; later ones are ignored (xmlSAX2InternalSubset).
    TreeEvents& self = Of(ctx);
    self.doc_has_child_ = true;
    self.first_child_is_root_ = false;
  }

  static void OnComment(void* ctx, const xmlChar*) { Of(ctx).OnDocumentChild(); }
  static void OnProcessingInstruction(void* ctx, const xmlChar*, const xmlChar*) {
    Of(ctx).OnDocumentChild();
  }

  static void OnStartElement(void* ctx, const xmlChar* name, const xmlChar** atts) {
    Of(ctx).StartElement(name, atts);
  }
  static void OnEndElement(void* ctx, const xmlChar*) {
    TreeEvents& self = Of(ctx);
    // The parser pops its name after this call; the element ending is the
    // one at index nameNr - 1 of its stack.
    self.PopTo(static_cast<size_t>(std::max(self.ctxt_->nameNr - 1, 0)));
  }
  static void OnText(void* ctx, const xmlChar* ch, int len) {
    TreeEvents& self = Of(ctx);
    self.PopTo(static_cast<size_t>(std::max(self.ctxt_->nameNr, 0)));
    if (self.open_.empty()) return;  // the tree has no node to hold it
    if (self.Visible(self.open_.back())) {
      self.visitor_.Text(std::string_view(reinterpret_cast<const char*>(ch),
                                          static_cast<size_t>(std::max(len, 0))));
    }
  }

  // A comment or processing instruction: outside every element it becomes
  // a child of the document.
  void OnDocumentChild() {
    PopTo(static_cast<size_t>(std::max(ctxt_->nameNr, 0)));
    if (open_.empty()) doc_has_child_ = true;
  }

  void StartElement(const xmlChar* full_name, const xmlChar** atts) {
    if (halted_) return;
    // The parser has pushed this name already.
    PopTo(static_cast<size_t>(std::max(ctxt_->nameNr - 1, 0)));
    // nodePush refuses a node this deep and halts the parser.
    if (open_.size() > xmlParserMaxDepth) {
      halted_ = true;
      xmlStopParser(ctxt_);
      return;
    }
    Open e{false, 0};
    if (!open_.empty()) {
      e = {open_.back().in_root, open_.back().depth + 1};
    } else if (!root_seen_) {
      root_seen_ = true;
      root_open_ = true;
      first_child_is_root_ = !doc_has_child_;
      doc_has_child_ = true;
      e = {true, 1};
    } else if (first_child_is_root_) {
      e = {true, 2};  // xmlSAX2StartElement adds it to the root element
    } else {
      EndRootIfOpen();  // a sibling of the root element: the root is complete
    }
    open_.push_back(e);
    if (e.in_root && e.depth > deepest_) {
      deepest_ = e.depth;
      if (deepest_ > max_depth_) too_deep_ = true;
    }
    if (Visible(e)) {
      visitor_.StartElement(LocalName(View(full_name)),
                            HtmlAttributes(reinterpret_cast<const unsigned char* const*>(atts)));
    }
  }

  // Closes the elements the tree has closed: those above `size` on the
  // stack, including any the parser popped without an end event (a start
  // tag cut off by the end of the input).
  void PopTo(size_t size) {
    while (open_.size() > size) {
      Open e = open_.back();
      open_.pop_back();
      // The root element stays open for the top-level elements the tree
      // builder adds to it later.
      if (open_.empty() && e.in_root && e.depth == 1) continue;
      if (Visible(e)) visitor_.EndElement();
    }
  }

  void EndRootIfOpen() {
    if (!root_open_) return;
    root_open_ = false;
    if (!too_deep_) visitor_.EndElement();
  }

  bool Visible(const Open&) const { return !too_deep_; }

  HtmlTreeVisitor& visitor_;
  const int max_depth_;
  xmlParserCtxt* ctxt_;
  std::vector<Open> open_;      // the tree builder's node stack
  bool has_document_ = false;   // startDocument came: htmlReadMemory returns a document
  bool doc_has_child_ = false;  // the document node has a child
  bool first_child_is_root_ = false;
  bool root_seen_ = false;
  bool root_open_ = false;  // the visitor has not seen the root end
  bool halted_ = false;
  bool too_deep_ = false;
  int deepest_ = 0;  // depth of the root element's subtree
};

}  // namespace

bool HtmlAttributes::Has(std::string_view name) const {
  if (!pairs_) return false;
  for (size_t i = 0; pairs_[i]; i += 2) {
    if (View(pairs_[i]) == name) return true;
  }
  return false;
}

std::string_view HtmlAttributes::Get(std::string_view name) const {
  if (!pairs_) return {};
  for (size_t i = 0; pairs_[i]; i += 2) {
    if (View(pairs_[i]) == name) return View(pairs_[i + 1]);
  }
  return {};
}

Status VisitHtmlTree(std::string_view utf8_html, int options, int max_depth,
                     HtmlTreeVisitor& visitor) {
  if (utf8_html.size() > static_cast<size_t>(INT_MAX)) {
    return Status::TooLarge("HTML document is over 2 GiB");
  }
  // What htmlReadMemory and htmlDoRead do, with our handler in place of
  // the tree builder.
  ParserContext ctxt(
      xmlCreateMemoryParserCtxt(utf8_html.data(), static_cast<int>(utf8_html.size())));
  if (!ctxt || !ctxt->sax) return Status::Corruption("libxml2 could not parse the HTML document");
  xmlSAXHandlerV1 handler = TreeEvents::Handler();
  std::memcpy(ctxt->sax, &handler, sizeof(handler));
  TreeEvents events(visitor, max_depth, ctxt.get());
  ctxt->_private = &events;
  htmlCtxtUseOptions(ctxt.get(), options);
  ctxt->html = 1;
  if (xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8")) {
    xmlSwitchToEncoding(ctxt.get(), utf8);
    if (ctxt->input->encoding) xmlFree(const_cast<xmlChar*>(ctxt->input->encoding));
    ctxt->input->encoding = xmlStrdup(reinterpret_cast<const xmlChar*>("UTF-8"));
  }
  htmlParseDocument(ctxt.get());
  events.Finish();
  if (!events.has_document())
    return Status::Corruption("libxml2 could not parse the HTML document");
  if (events.too_deep()) {
    return Status::TooLarge("HTML nesting is " + std::to_string(events.depth()) +
                            " elements deep, over the limit of " + std::to_string(max_depth));
  }
  return Status::Ok();
}

}  // namespace regdiff::ingest
