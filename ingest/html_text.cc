// HTML to text in one pass over libxml2's SAX2 events (no tree is built):
// block structure becomes lines, scripts, styles and page chrome are
// skipped, and the site selector table picks the main content node when one
// matches; the texts a choice needs are kept per candidate and the choice is
// made at the end of the page.
#include "ingest/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "corpus/strings.h"
#include "ingest/html_stream.h"
#include "ingest/site_selectors.h"

namespace regdiff::ingest {
namespace {

// How much of the input LooksLikeHtml inspects.
constexpr size_t kSniffBytes = 2048;

constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;

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

template <size_t N>
bool IsOneOf(std::string_view name, const std::array<std::string_view, N>& set) {
  for (std::string_view s : set) {
    if (s == name) return true;
  }
  return false;
}

// style="display: none" or the hidden attribute.
bool IsHidden(const HtmlAttributes& attributes) {
  if (attributes.empty()) return false;
  if (attributes.Has("hidden")) return true;
  std::string_view style = attributes.Get("style");
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

// What the walk needs of an element, read once from its start tag.
struct ElementKind {
  bool block = false;          // in kBlockElements
  bool cell = false;           // td, th: a space after
  bool pre = false;            // its text keeps its line breaks
  bool article = false;        // article, main: header and footer inside are content
  bool dropped = false;        // in kDroppedElements
  bool header_footer = false;  // dropped outside an article
  bool form = false;           // dropped when its content has too few letters
  bool hidden = false;         // IsHidden
};

ElementKind KindOf(std::string_view name, const HtmlAttributes& attributes) {
  ElementKind k;
  k.block = IsOneOf(name, kBlockElements);
  k.cell = name == "td" || name == "th";
  k.pre = name == "pre";
  k.article = name == "article" || name == "main";
  k.dropped = IsOneOf(name, kDroppedElements);
  k.header_footer = name == "header" || name == "footer";
  k.form = name == "form";
  k.hidden = IsHidden(attributes);
  return k;
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

// East Asian Wide or Fullwidth, and not Hangul: the characters between which
// a line break in the source is no space (CSS Text 3, segment break
// transformation), so that hard-wrapped Chinese reads as one run:
// "参考海关商品编\n  号" is "参考海关商品编号", "金属钐、\n钐合金" is "金属钐、钐合金".
bool IsWideNotHangul(UChar32 c) {
  if (c < 0x1100) return false;
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (width != U_EA_WIDE && width != U_EA_FULLWIDTH) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) != USCRIPT_HANGUL;
}

// The last code point of `s`, or -1.
UChar32 LastCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

// The first code point of `s`, or -1.
UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return -1;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// Accumulates lines: text is appended to the current line with runs of
// whitespace collapsed; Break() ends the line (empty lines are never kept).
class LineBuilder {
 public:
  // The builder's state at one point, to return to.
  struct Saved {
    size_t out_size;
    std::string line;
    bool pending_space;
    bool pending_break;
  };

  void Text(std::string_view s, bool preformatted) {
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (IsSpace(c)) {
        if (preformatted && c == '\n') {
          Break();
        } else if (!line_.empty()) {
          // A run holding a line break (the spaces around it collapse
          // into it) vanishes between two wide characters; any other run
          // is one space.
          pending_break_ = (pending_space_ && pending_break_) || c == '\n' || c == '\r';
          pending_space_ = true;
        }
        ++i;
        continue;
      }
      size_t end = i + 1;
      while (end < s.size() && !IsSpace(s[end])) ++end;
      if (pending_space_ &&
          !(pending_break_ && IsWideNotHangul(LastCodePoint(line_)) &&
            IsWideNotHangul(FirstCodePoint(s.substr(i, end - i))))) {
        line_ += ' ';
      }
      pending_space_ = pending_break_ = false;
      line_.append(s, i, end - i);
      i = end;
    }
  }
  void Break() {
    if (!line_.empty()) {
      if (!out_.empty()) out_ += '\n';
      out_ += line_;
      line_.clear();
    }
    pending_space_ = pending_break_ = false;
  }
  // A separator between table cells: a space unless the line is empty.
  void Space() {
    pending_space_ = !line_.empty();
    pending_break_ = false;
  }
  std::string Finish() {
    Break();
    return std::move(out_);
  }

  // The length of the finished lines.
  size_t size() const { return out_.size(); }
  // Letters written since the finished lines were `size` bytes long, the
  // current line included (as CountLetters of that text on its own).
  int LettersSince(size_t size) const {
    return CountLetters(std::string_view(out_).substr(size)) + CountLetters(line_);
  }
  Saved Save() const { return {out_.size(), line_, pending_space_, pending_break_}; }
  void Restore(Saved saved) {
    out_.resize(saved.out_size);
    line_ = std::move(saved.line);
    pending_space_ = saved.pending_space;
    pending_break_ = saved.pending_break;
  }

 private:
  static bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  std::string out_;
  std::string line_;
  bool pending_space_ = false;
  bool pending_break_ = false;  // the pending run holds a line break
};

// The text of a node as one line: runs of whitespace and line breaks become
// single spaces.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? ' ' : c;
  return out;
}

struct WalkContext {
  bool preformatted = false;
  bool in_article = false;  // inside <article> or <main>: header/footer are content
};

// The context the content of an element of kind `k` has.
WalkContext Inside(WalkContext ctx, const ElementKind& k) {
  if (k.pre) ctx.preformatted = true;
  if (k.article) ctx.in_article = true;
  return ctx;
}

// Subtrees dropped whatever their content: by name, header and footer
// outside an article, hidden nodes.
bool IsDroppedAlways(const ElementKind& k, const WalkContext& ctx) {
  return k.dropped || (k.header_footer && !ctx.in_article) || k.hidden;
}

// The text of one element's subtree, written as its events arrive: block
// elements end lines, table cells are separated, dropped subtrees skipped.
// A <form> is page chrome (a search box) unless its content has at least
// kMinMainContentChars letters (ASP.NET pages wrap the whole body in one);
// that is known at its end, so the capture writes the form's text and takes
// it back when the form turns out to be chrome.
class TextCapture {
 public:
  // `ctx` is what the root element inherits from its ancestors. A
  // `children_only` capture takes the root element's content alone, in a
  // fresh context, whatever the root is (the <title>).
  TextCapture(WalkContext ctx, bool children_only) : base_(ctx), children_only_(children_only) {}

  // An element starts. Returns true when its content is written, i.e. it is
  // in no dropped subtree and not dropped itself (or is a form whose fate is
  // open: then End returns `mark` if the form is dropped).
  bool Start(const ElementKind& kind, size_t mark = 0) {
    if (done_) return false;
    if (skip_ > 0) {
      ++skip_;
      return false;
    }
    if (frames_.empty() && children_only_) {
      frames_.push_back(Frame{ElementKind{}, WalkContext{}, mark, 0, std::nullopt});
      return true;
    }
    WalkContext ctx = frames_.empty() ? base_ : frames_.back().inside;
    if (IsDroppedAlways(kind, ctx)) {
      skip_ = 1;
      return false;
    }
    Frame frame{kind, Inside(ctx, kind), mark, 0, std::nullopt};
    if (kind.form) {
      frame.before = out_.Save();
      ++open_forms_;
    }
    frames_.push_back(std::move(frame));
    if (kind.block) out_.Break();
    frames_.back().content_start = out_.size();
    return true;
  }

  // The innermost open element ends. Returns the mark given to Start when
  // it is a form dropped for its few letters (its text is taken back).
  std::optional<size_t> End() {
    if (done_) return std::nullopt;
    if (skip_ > 0) {
      if (--skip_ == 0 && frames_.empty()) done_ = true;
      return std::nullopt;
    }
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    std::optional<size_t> dropped;
    if (frame.kind.form) {
      --open_forms_;
      if (out_.LettersSince(frame.content_start) < kMinMainContentChars) {
        out_.Restore(std::move(*frame.before));
        dropped = frame.mark;
      }
    }
    if (!dropped) {
      if (frame.kind.block) out_.Break();
      if (frame.kind.cell) out_.Space();
    }
    if (frames_.empty()) done_ = true;
    return dropped;
  }

  void Text(std::string_view utf8) {
    if (done_ || skip_ > 0 || frames_.empty()) return;
    out_.Text(utf8, frames_.back().inside.preformatted);
  }

  bool done() const { return done_; }
  // Forms open in the capture, whose fate is not known yet.
  int open_forms() const { return open_forms_; }
  std::string Finish() { return out_.Finish(); }

 private:
  struct Frame {
    ElementKind kind;
    WalkContext inside;                        // the context of its content
    size_t mark;                               // given to Start
    size_t content_start;                      // out_.size() after its opening break
    std::optional<LineBuilder::Saved> before;  // forms: the text before it
  };

  const WalkContext base_;
  const bool children_only_;
  LineBuilder out_;
  std::vector<Frame> frames_;  // the open elements whose content is written
  int skip_ = 0;               // depth inside a dropped subtree
  int open_forms_ = 0;
  bool done_ = false;  // the root element has ended
};

// One selector searched for: the first element in document order that it
// matches, outside dropped subtrees, whose text has at least `min_letters`
// letters.
struct Search {
  const SimpleSelector* selector;
  int min_letters;
  bool settled = false;  // that element is known: no more matches need text
};

// An element matching at least one search, with its text.
struct Candidate {
  Candidate(WalkContext ctx, uint32_t serial, std::vector<bool> matched)
      : capture(ctx, false), first(serial), matches(std::move(matched)) {}
  TextCapture capture;
  uint32_t first;             // serial of the element
  uint32_t last = 0;          // serial of its last descendant
  std::vector<bool> matches;  // per search
  bool valid = true;          // false when inside a form dropped for its few letters
  int letters = 0;
  std::string text;
};

// Reads one page's tree as it streams by. What the former tree walk found
// by looking at the finished tree is kept per candidate instead: the text of
// the first <title>, of the scope (the first <body>, or the root element
// when there is none) and of every element matching a selector search not
// yet settled; the choice among them is made at the end.
class PageReader : public HtmlTreeVisitor {
 public:
  explicit PageReader(std::vector<Search>& searches) : searches_(searches) {}

  void StartElement(std::string_view name, const HtmlAttributes& attributes) override {
    const ElementKind kind = KindOf(name, attributes);
    const uint32_t serial = next_serial_++;
    const WalkContext ctx = open_.empty() ? WalkContext{} : open_.back();
    if (!root_seen_) {
      root_seen_ = true;
      root_.emplace(ctx, false);
      scope_ = &*root_;
    }
    if (!generator_ && name == "meta" && AsciiLower(attributes.Get("name")) == "generator") {
      generator_ = std::string(Trim(attributes.Get("content")));
    }
    if (!title_seen_ && name == "title") {
      title_seen_ = true;
      title_.emplace(WalkContext{}, true);
    }
    if (!body_seen_ && name == "body") {
      // The scope from now on; what came before is outside it.
      body_seen_ = true;
      root_.reset();
      candidates_.clear();
      active_.clear();
      body_.emplace(ctx, false);
      scope_ = &*body_;
    }

    const size_t mark = candidates_.size();
    bool visible = false;
    if (root_) visible = root_->Start(kind, mark) && scope_ == &*root_;
    if (body_) visible = body_->Start(kind, mark);
    if (title_) title_->Start(kind);
    for (Candidate* c : active_) c->capture.Start(kind);
    if (visible) MaybeAddCandidate(name, attributes, kind, ctx, serial);
    open_.push_back(Inside(ctx, kind));
  }

  void EndElement() override {
    open_.pop_back();
    for (TextCapture* scope : {root_ ? &*root_ : nullptr, body_ ? &*body_ : nullptr}) {
      if (!scope) continue;
      if (std::optional<size_t> mark = scope->End()) {
        for (size_t i = *mark; i < candidates_.size(); ++i) candidates_[i]->valid = false;
      }
    }
    if (title_) title_->End();
    for (size_t i = 0; i < active_.size();) {
      Candidate* c = active_[i];
      c->capture.End();
      if (!c->capture.done()) {
        ++i;
        continue;
      }
      active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(i));
      c->last = next_serial_ - 1;
      c->text = c->capture.Finish();
      c->letters = CountLetters(c->text);
      Settle(*c);
    }
  }

  void Text(std::string_view utf8) override {
    if (root_) root_->Text(utf8);
    if (body_) body_->Text(utf8);
    if (title_) title_->Text(utf8);
    for (Candidate* c : active_) c->capture.Text(utf8);
  }

  bool has_root() const { return root_seen_; }
  std::string Title() { return title_ ? OneLine(title_->Finish()) : std::string(); }
  std::string Generator() const { return generator_.value_or(""); }
  std::string ScopeText() { return scope_ ? scope_->Finish() : std::string(); }

  // The first element, in document order, that search `i` found.
  const Candidate* Found(size_t i) const {
    for (const auto& c : candidates_) {
      if (c->valid && c->matches[i] && c->letters >= searches_[i].min_letters) return c.get();
    }
    return nullptr;
  }

 private:
  void MaybeAddCandidate(std::string_view name, const HtmlAttributes& attributes,
                         const ElementKind& kind, WalkContext ctx, uint32_t serial) {
    std::vector<bool> matched;
    std::string_view class_attr, id_attr;
    for (size_t i = 0; i < searches_.size(); ++i) {
      const Search& s = searches_[i];
      if (s.settled || s.selector->tag != name) continue;
      if (matched.empty()) {
        matched.assign(searches_.size(), false);
        class_attr = attributes.Get("class");
        id_attr = attributes.Get("id");
      }
      matched[i] = MatchesSelector(*s.selector, name, class_attr, id_attr);
    }
    if (std::find(matched.begin(), matched.end(), true) == matched.end()) return;
    candidates_.push_back(std::make_unique<Candidate>(ctx, serial, std::move(matched)));
    Candidate* c = candidates_.back().get();
    c->capture.Start(kind);
    active_.push_back(c);
  }

  // After candidate `c` ended: a search it satisfies is settled when no
  // earlier match is still open and no open form can still drop `c`.
  void Settle(const Candidate& c) {
    if (!c.valid || scope_->open_forms() > 0) return;
    for (size_t i = 0; i < searches_.size(); ++i) {
      if (!c.matches[i] || searches_[i].settled || c.letters < searches_[i].min_letters) continue;
      bool earlier_open = false;
      for (const Candidate* other : active_) earlier_open = earlier_open || other->matches[i];
      if (!earlier_open) searches_[i].settled = true;
    }
  }

  std::vector<Search>& searches_;
  std::vector<WalkContext> open_;  // the context of each open element's content
  uint32_t next_serial_ = 0;
  bool root_seen_ = false, title_seen_ = false, body_seen_ = false;
  std::optional<TextCapture> root_;  // until a <body> starts
  std::optional<TextCapture> body_;
  std::optional<TextCapture> title_;
  std::optional<std::string> generator_;  // of the first generator <meta>
  TextCapture* scope_ = nullptr;                        // root_ or body_
  std::vector<std::unique_ptr<Candidate>> candidates_;  // in document order
  std::vector<Candidate*> active_;                      // whose element is open
};

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
  InitLibxml();
  static const std::vector<ParsedSelector> kContent = ParseTable(MainContentSelectors());
  static const std::vector<ParsedSelector> kTitles = ParseTable(TitleSelectors());

  // Title selectors, the caller's content selector, then the table's; the
  // first row of each group that found something wins.
  std::vector<Search> searches;
  for (const ParsedSelector& row : kTitles) searches.push_back({&row.selector, 1});
  std::optional<SimpleSelector> own = ParseSimpleSelector(content_selector);
  if (own) searches.push_back({&*own, 1});
  for (const ParsedSelector& row : kContent) {
    searches.push_back({&row.selector, kMinMainContentChars});
  }

  PageReader page(searches);
  Status read = VisitHtmlTree(utf8_html, kParseOptions, kMaxHtmlDepth, page);
  if (!read.ok()) return read;
  HtmlText result;
  if (!page.has_root()) return result;
  result.title = page.Title();
  result.generator = page.Generator();

  const Candidate* title = nullptr;
  const Candidate* content = nullptr;
  for (size_t i = 0; i < searches.size(); ++i) {
    const Candidate* found = page.Found(i);
    if (!found) continue;
    if (i < kTitles.size()) {
      if (!title) title = found;
    } else if (!content) {
      content = found;
      result.selector = own && i == kTitles.size()
                            ? std::string(content_selector)
                            : std::string(kContent[i - kTitles.size() - (own ? 1 : 0)].text);
    }
  }
  if (title) result.title = OneLine(title->text);

  if (!content) {
    result.text = page.ScopeText();
    return result;
  }
  result.text = content->text;
  auto contains = [](const Candidate* a, const Candidate* b) {
    return a->first <= b->first && b->first <= a->last;
  };
  if (title && !contains(title, content) && !contains(content, title) && !title->text.empty()) {
    result.text = title->text + (result.text.empty() ? "" : "\n") + result.text;
  }
  return result;
}

}  // namespace regdiff::ingest
