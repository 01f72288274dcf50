// HTML to text: libxml2's recovering HTML parser builds the tree, a walker
// turns block structure into lines and skips scripts, styles and page chrome;
// the site selector table picks the main content node when one matches.
#include "ingest/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/site_selectors.h"

namespace regdiff::ingest {
namespace {

// How much of the input LooksLikeHtml inspects.
constexpr size_t kSniffBytes = 2048;

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;

// Owns a parsed document.
struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using HtmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Owns a string libxml2 allocated.
struct XmlCharDeleter {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharDeleter>;

// Elements whose content is never text of the announcement.
constexpr std::array<std::string_view, 15> kDroppedElements = {
    "script", "style",  "noscript", "template", "head",   "nav",      "aside", "iframe",
    "select", "option", "button",   "svg",      "object", "textarea", "title",
};

// Elements that end the current line before and after their content.
constexpr std::array<std::string_view, 38> kBlockElements = {
    "p",          "div",    "li",         "tr",      "h1",    "h2",     "h3",      "h4",
    "h5",         "h6",     "br",         "table",   "ul",    "ol",     "section", "article",
    "blockquote", "pre",    "dd",         "dt",      "dl",    "hr",     "center",  "main",
    "address",    "figure", "figcaption", "caption", "thead", "tbody",  "tfoot",   "fieldset",
    "body",       "html",   "header",     "footer",  "form",  "legend",
};

std::string_view Name(const xmlNode* node) {
  return node->name ? reinterpret_cast<const char*>(node->name) : std::string_view();
}

template <size_t N>
bool IsOneOf(std::string_view name, const std::array<std::string_view, N>& set) {
  for (std::string_view s : set) {
    if (s == name) return true;
  }
  return false;
}

std::string Attr(const xmlNode* node, const char* name) {
  XmlString value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

// style="display: none" or the hidden attribute.
bool IsHidden(const xmlNode* node) {
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  std::string style = Attr(node, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// Letters, digits and ideographs in UTF-8 text.
int CountLetters(std::string_view utf8) {
  int count = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(utf8.size(), INT32_MAX));
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isalnum(c)) ++count;
  }
  return count;
}

// Accumulates lines: text is appended to the current line with runs of
// whitespace collapsed; Break() ends the line (empty lines are never kept).
class LineBuilder {
 public:
  void Text(std::string_view s, bool preformatted) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (preformatted && c == '\n') {
          Break();
        } else {
          pending_space_ = !line_.empty();
        }
        continue;
      }
      if (pending_space_) line_ += ' ';
      pending_space_ = false;
      line_ += c;
    }
  }
  void Break() {
    if (!line_.empty()) {
      if (!out_.empty()) out_ += '\n';
      out_ += line_;
      line_.clear();
    }
    pending_space_ = false;
  }
  // A separator between table cells: a space unless the line is empty.
  void Space() { pending_space_ = !line_.empty(); }
  std::string Finish() {
    Break();
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string line_;
  bool pending_space_ = false;
};

struct WalkContext {
  bool preformatted = false;
  bool in_article = false;  // inside <article> or <main>: header/footer are content
};

// The context a node inherits from its ancestors.
WalkContext ContextOf(const xmlNode* node) {
  WalkContext ctx;
  for (const xmlNode* p = node->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
    std::string_view name = Name(p);
    if (name == "pre") ctx.preformatted = true;
    if (name == "article" || name == "main") ctx.in_article = true;
  }
  return ctx;
}

// Walks one parsed page. Deciding whether a <form> is page chrome needs the
// letters of its content; the walker remembers that count per form (and
// context), so nested forms cost one pass each instead of doubling the work
// per level. Recursion depth is the tree depth, which HtmlToText caps at
// kMaxHtmlDepth before any walk.
class PageWalker {
 public:
  // Appends the text of `node` to `out`.
  void Walk(const xmlNode* node, WalkContext ctx, LineBuilder& out) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) {
        out.Text(reinterpret_cast<const char*>(node->content), ctx.preformatted);
      }
      return;
    }
    if (node->type != XML_ELEMENT_NODE) return;  // comments, processing instructions
    if (IsDropped(node, ctx)) return;

    std::string_view name = Name(node);
    bool block = IsOneOf(name, kBlockElements);
    bool cell = name == "td" || name == "th";
    if (name == "pre") ctx.preformatted = true;
    if (name == "article" || name == "main") ctx.in_article = true;

    if (block) out.Break();
    for (const xmlNode* child = node->children; child; child = child->next) {
      Walk(child, ctx, out);
    }
    if (block) out.Break();
    if (cell) out.Space();
  }

  // The text of one node (as a block: its own lines).
  std::string TextOf(const xmlNode* node) {
    LineBuilder out;
    Walk(node, ContextOf(node), out);
    return out.Finish();
  }

  // Letters, digits and ideographs of the text TextOf(node) gives.
  int Letters(const xmlNode* node) { return KeptLetters(node, ContextOf(node)); }

  // True for subtrees that contribute no text: scripts, chrome, hidden nodes,
  // and forms that are only forms (a search box) rather than a page-wide
  // wrapper (ASP.NET pages put the whole body in one <form>).
  bool IsDropped(const xmlNode* node, const WalkContext& ctx) {
    if (IsDroppedAlways(node, ctx)) return true;
    if (Name(node) != "form") return false;
    return ContentLetters(node, ctx) < kMinMainContentChars;
  }

  // The first element in document order in the subtree of `node` matching
  // `selector` whose text satisfies `accept`, skipping dropped subtrees.
  template <typename Accept>
  const xmlNode* FindFirst(const xmlNode* node, const SimpleSelector& selector, WalkContext ctx,
                           const Accept& accept) {
    if (node->type != XML_ELEMENT_NODE || IsDropped(node, ctx)) return nullptr;
    std::string_view name = Name(node);
    if (MatchesSelector(selector, name, Attr(node, "class"), Attr(node, "id")) &&
        accept(node)) {
      return node;
    }
    if (name == "article" || name == "main") ctx.in_article = true;
    for (const xmlNode* child = node->children; child; child = child->next) {
      if (const xmlNode* found = FindFirst(child, selector, ctx, accept)) return found;
    }
    return nullptr;
  }

 private:
  // The rules that need no look at the content.
  static bool IsDroppedAlways(const xmlNode* node, const WalkContext& ctx) {
    std::string_view name = Name(node);
    if (IsOneOf(name, kDroppedElements)) return true;
    if ((name == "header" || name == "footer") && !ctx.in_article) return true;
    return IsHidden(node);
  }

  // Letters of the text Walk would give for the children of element `node`
  // (the context `ctx` is the element's own), remembered for forms.
  int ContentLetters(const xmlNode* node, const WalkContext& ctx) {
    const bool is_form = Name(node) == "form";
    auto& memo = form_letters_[ctx.in_article ? 1 : 0];
    if (is_form) {
      if (auto it = memo.find(node); it != memo.end()) return it->second;
    }
    WalkContext inner = ctx;
    std::string_view name = Name(node);
    if (name == "article" || name == "main") inner.in_article = true;
    int letters = 0;
    for (const xmlNode* child = node->children; child; child = child->next) {
      letters += KeptLetters(child, inner);
    }
    if (is_form) memo.emplace(node, letters);
    return letters;
  }

  // Letters of the text Walk would give for `node`.
  int KeptLetters(const xmlNode* node, const WalkContext& ctx) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      return node->content ? CountLetters(reinterpret_cast<const char*>(node->content)) : 0;
    }
    if (node->type != XML_ELEMENT_NODE || IsDroppedAlways(node, ctx)) return 0;
    int letters = ContentLetters(node, ctx);
    if (Name(node) == "form" && letters < kMinMainContentChars) return 0;
    return letters;
  }

  std::unordered_map<const xmlNode*, int> form_letters_[2];  // by ctx.in_article
};

bool IsAncestorOf(const xmlNode* ancestor, const xmlNode* node) {
  for (const xmlNode* p = node; p; p = p->parent) {
    if (p == ancestor) return true;
  }
  return false;
}

// The depth of the element tree under `root` (root alone: 1), without
// recursion: the deepest pages are the hostile ones.
int TreeDepth(const xmlNode* root) {
  int depth = 0, deepest = 0;
  const xmlNode* node = root;
  while (node) {
    if (node->type == XML_ELEMENT_NODE) deepest = std::max(deepest, depth + 1);
    if (node->type == XML_ELEMENT_NODE && node->children) {
      node = node->children;
      ++depth;
      continue;
    }
    while (node && node != root && !node->next) {
      node = node->parent;
      --depth;
    }
    if (!node || node == root) break;
    node = node->next;
  }
  return deepest;
}

struct ParsedSelector {
  SimpleSelector selector;
  std::string_view text;  // as written in the table
};

std::vector<ParsedSelector> ParseTable(std::span<const SiteSelector> table) {
  std::vector<ParsedSelector> out;
  for (const SiteSelector& row : table) {
    std::optional<SimpleSelector> parsed = ParseSimpleSelector(row.selector);
    // The table is ours; a row that does not parse is a bug caught by tests.
    if (parsed) out.push_back({std::move(*parsed), row.selector});
  }
  return out;
}

const xmlNode* FindElement(const xmlNode* node, std::string_view name) {
  for (; node; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (Name(node) == name) return node;
    if (const xmlNode* found = FindElement(node->children, name)) return found;
  }
  return nullptr;
}

// The text of a node as one line: runs of whitespace and line breaks become
// single spaces.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? ' ' : c;
  return out;
}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

bool LooksLikeHtml(std::string_view utf8) {
  static constexpr std::array<std::string_view, 14> kMarkers = {
      "<!doctype html", "<html",  "<head", "<body", "<meta", "<div",  "<p>", "<p ",
      "<table",         "<title", "<br",   "<span", "<font", "<?xml",
  };
  std::string head;
  head.reserve(std::min(utf8.size(), kSniffBytes));
  for (char c : utf8.substr(0, kSniffBytes)) {
    head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view marker : kMarkers) {
    size_t pos = head.find(marker);
    if (pos == std::string::npos) continue;
    // "<?xml" counts only as the first thing in the file, for XHTML.
    if (marker == "<?xml" && head.find_first_not_of(" \t\r\n") != pos) continue;
    return true;
  }
  return false;
}

Result<HtmlText> HtmlToText(std::string_view utf8_html, std::string_view content_selector) {
  if (utf8_html.size() > static_cast<size_t>(INT_MAX)) {
    return Status::TooLarge("HTML document is over 2 GiB");
  }
  InitLibxml();
  HtmlDoc doc(htmlReadMemory(utf8_html.data(), static_cast<int>(utf8_html.size()),
                             /*URL=*/nullptr, "UTF-8", kParseOptions));
  if (!doc) return Status::Corruption("libxml2 could not parse the HTML document");

  HtmlText result;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return result;
  // libxml2 stops reading at 256 levels (HTML_PARSE_HUGE is never set), which
  // would silently cut the page short; the walkers below recurse per level.
  if (int depth = TreeDepth(root); depth > kMaxHtmlDepth) {
    return Status::TooLarge("HTML nesting is " + std::to_string(depth) +
                            " elements deep, over the limit of " +
                            std::to_string(kMaxHtmlDepth));
  }

  PageWalker walker;
  auto has_letters = [&walker](const xmlNode* node) { return walker.Letters(node) > 0; };
  if (const xmlNode* title = FindElement(root, "title")) {
    LineBuilder out;
    for (const xmlNode* child = title->children; child; child = child->next) {
      walker.Walk(child, WalkContext{}, out);
    }
    result.title = OneLine(out.Finish());
  }

  const xmlNode* body = FindElement(root, "body");
  const xmlNode* scope = body ? body : root;

  static const std::vector<ParsedSelector> kContent = ParseTable(MainContentSelectors());
  static const std::vector<ParsedSelector> kTitles = ParseTable(TitleSelectors());

  const xmlNode* title_node = nullptr;
  for (const ParsedSelector& row : kTitles) {
    title_node = walker.FindFirst(scope, row.selector, ContextOf(scope), has_letters);
    if (title_node) break;
  }
  if (title_node) result.title = OneLine(walker.TextOf(title_node));

  const xmlNode* content = nullptr;
  if (std::optional<SimpleSelector> own = ParseSimpleSelector(content_selector)) {
    content = walker.FindFirst(scope, *own, ContextOf(scope), has_letters);
    if (content) result.selector = std::string(content_selector);
  }
  for (const ParsedSelector& row : kContent) {
    if (content) break;
    content = walker.FindFirst(
        scope, row.selector, ContextOf(scope),
        [&walker](const xmlNode* node) { return walker.Letters(node) >= kMinMainContentChars; });
    if (content) {
      result.selector = std::string(row.text);
      break;
    }
  }

  if (!content) {
    result.text = walker.TextOf(scope);
    return result;
  }
  result.text = walker.TextOf(content);
  if (title_node && !IsAncestorOf(title_node, content) && !IsAncestorOf(content, title_node)) {
    std::string title_text = walker.TextOf(title_node);
    if (!title_text.empty()) {
      result.text = title_text + (result.text.empty() ? "" : "\n") + result.text;
    }
  }
  return result;
}

}  // namespace regdiff::ingest
