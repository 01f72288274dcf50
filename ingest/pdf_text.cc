// PDF to text (pdf_text.h): poppler's words of each page are grouped into
// lines by their vertical position and read left to right; then running
// headers and footers, page numbers and line-end hyphens are taken out.
#include "ingest/pdf_text.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-rectangle.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regdiff::ingest {
namespace {

// Layout thresholds, in ems of the smaller of two neighbouring words' heights
// unless said otherwise.
constexpr double kSameLineOverlap = 0.5;    // vertical centres closer than this: one line
constexpr double kCellGapEm = 1.5;          // a wider gap between words: a table cell ends
constexpr double kWordGapEm = 0.15;         // a wider gap: a space (poppler may not say so)
constexpr double kBandFraction = 0.12;      // top and bottom band of a page: running heads
constexpr size_t kBandLines = 3;            // at most this many lines at each end
constexpr size_t kMaxPageNumberDigits = 4;  // "1234" may be a page number, "20250" not

// Line-end fragments after which an English hyphen is part of the word
// ("dual-" + "use" stays "dual-use"); after any other fragment a hyphen
// before a lowercase letter is a break ("con-" + "trolled").
constexpr std::string_view kHyphenatedPrefixes[] = {
    "dual", "end", "non", "self", "third", "cross", "anti", "multi",
};

// Silences poppler's own error output (stderr) once for the process; errors
// that matter come back as a null or locked document.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// A word poppler found, in page coordinates (points, origin top-left).
struct Word {
  double x0, y0, x1, y1;
  std::string text;  // valid UTF-8, no control characters
  bool space_after;  // poppler saw a space after it
};

struct Line {
  double top = 0, bottom = 0;
  std::string text;  // its words joined by ' ' or '\t', no '\n'
};

struct Page {
  double height = 0;  // points
  std::vector<Line> lines;
};

// Decodes one code point at s[i] (valid UTF-8 assumed), advancing i.
unsigned NextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
  for (size_t k = 1; k < len && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  }
  i += len;
  return cp;
}

unsigned FirstCodePoint(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : NextCodePoint(s, i);
}

unsigned LastCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return NextCodePoint(s, i);
}

// Han, kana, Hangul, CJK punctuation and full-width forms: scripts written
// without spaces between words.
bool IsCjk(unsigned cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

void AppendUtf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// `raw` as valid UTF-8: malformed sequences become U+FFFD, control
// characters (a ToUnicode map may name any) a space; trimmed.
std::string CleanWord(const std::vector<char>& raw) {
  std::string out;
  out.reserve(raw.size());
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  size_t i = 0, n = raw.size();
  while (i < n) {
    unsigned char c = p[i];
    size_t len = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      len = 1;
      cp = c;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07u;
    }
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (p[i + k] & 0x3Fu);
    }
    if (ok && ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
               (cp >= 0xD800 && cp <= 0xDFFF))) {
      ok = false;
    }
    if (!ok) {
      AppendUtf8(out, 0xFFFD);
      ++i;
      continue;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
      out.push_back(' ');
    } else {
      out.append(reinterpret_cast<const char*>(p + i), len);
    }
    i += len;
  }
  size_t b = out.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return out.substr(b, out.find_last_not_of(' ') - b + 1);
}

std::vector<Word> PageWords(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list()) {
    poppler::rectf r = box.bbox();
    double x0 = r.left(), y0 = r.top(), x1 = r.right(), y1 = r.bottom();
    if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1)) {
      continue;  // a degenerate text matrix: no place to read it in
    }
    std::string text = CleanWord(box.text().to_utf8());
    if (text.empty()) continue;
    words.push_back({std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1),
                     std::move(text), box.has_space_after()});
  }
  return words;
}

bool IsSingleCodePoint(std::string_view s) {
  size_t i = 0;
  if (!s.empty()) NextCodePoint(s, i);
  return !s.empty() && i >= s.size();
}

bool IsAsciiDigit(unsigned cp) { return cp >= '0' && cp <= '9'; }

// What goes between two words of one line: "\t" across a table cell
// boundary; "" where poppler split letter-spaced CJK text (one side a lone
// CJK character, the other a CJK character or a digit: "第" "18" "号"), and
// inside a word poppler split with no gap (a change of font); else " ".
// Two CJK words of several characters keep the space poppler saw between
// them ("商务部 海关总署公告").
std::string_view Separator(const Word& left, const Word& right) {
  double em = std::max(1.0, std::min(left.y1 - left.y0, right.y1 - right.y0));
  double gap = right.x0 - left.x1;
  if (gap > kCellGapEm * em) return "\t";
  unsigned l = LastCodePoint(left.text), r = FirstCodePoint(right.text);
  bool lone_left = IsCjk(l) && IsSingleCodePoint(left.text);
  bool lone_right = IsCjk(r) && IsSingleCodePoint(right.text);
  if ((lone_left && (IsCjk(r) || IsAsciiDigit(r))) ||
      (lone_right && (IsCjk(l) || IsAsciiDigit(l)))) {
    return "";
  }
  if (left.space_after || gap > kWordGapEm * em) return " ";
  return "";
}

// Groups `words` into lines (vertical centres close relative to the words'
// height, so baselines a point apart stay one line), top to bottom, each
// read left to right.
std::vector<Line> GroupLines(std::vector<Word> words) {
  auto centre = [](const Word& w) { return (w.y0 + w.y1) / 2; };
  std::stable_sort(words.begin(), words.end(),
                   [&](const Word& a, const Word& b) { return centre(a) < centre(b); });
  std::vector<std::vector<Word>> groups;
  double group_centre = 0, group_height = 0;
  for (Word& w : words) {
    double h = std::max(w.y1 - w.y0, 1.0);
    if (!groups.empty() &&
        std::abs(centre(w) - group_centre) < kSameLineOverlap * std::min(h, group_height)) {
      groups.back().push_back(std::move(w));
      continue;
    }
    group_centre = centre(w);
    group_height = h;
    groups.emplace_back();
    groups.back().push_back(std::move(w));
  }
  std::vector<Line> lines;
  lines.reserve(groups.size());
  for (std::vector<Word>& g : groups) {
    std::stable_sort(g.begin(), g.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    Line line;
    line.top = g.front().y0;
    line.bottom = g.front().y1;
    for (size_t i = 0; i < g.size(); ++i) {
      if (i > 0) line.text.append(Separator(g[i - 1], g[i]));
      line.text.append(g[i].text);
      line.top = std::min(line.top, g[i].y0);
      line.bottom = std::max(line.bottom, g[i].y1);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

// The line with spaces taken out, every run of digits as one '#' and those
// at its ends dropped: the same for "第 3 页 共 9 页" on every page, and for
// "Chapter 2: Scope<TAB>7" and "8<TAB>Chapter 2: Scope" on facing pages.
std::string RunningKey(std::string_view text) {
  std::string key;
  bool in_digits = false;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    bool digit = c >= '0' && c <= '9';
    if (digit && !in_digits) key.push_back('#');
    if (!digit) key.push_back(c);
    in_digits = digit;
  }
  size_t b = key.find_first_not_of('#');
  if (b == std::string::npos) return key;
  return key.substr(b, key.find_last_not_of('#') - b + 1);
}

// True for "i" to "c" written as a roman number in lowercase ("xiv"; not
// "civil", not "IV").
bool IsLowerRoman(std::string_view text) {
  if (text.empty() || text.size() > 8) return false;
  static constexpr std::string_view kTens[] = {"",  "x",  "xx",  "xxx",  "xl",
                                               "l", "lx", "lxx", "lxxx", "xc"};
  static constexpr std::string_view kOnes[] = {"",  "i",  "ii",  "iii",  "iv",
                                               "v", "vi", "vii", "viii", "ix"};
  for (std::string_view tens : kTens) {
    if (text.substr(0, tens.size()) != tens) continue;
    for (std::string_view ones : kOnes) {
      if (text.size() == tens.size() + ones.size() && text.substr(tens.size()) == ones) return true;
    }
  }
  return text == "c";
}

// True for a line that only numbers its page: "3", "- 3 -", "第3页",
// "第 3 页 共 9 页", "Page 3", "Page 3 of 9", "3/9", and the lowercase roman
// numbers of front matter ("iv").
bool IsPageNumberLine(std::string_view text) {
  // Words a page-number line may hold besides its numbers, lowercase.
  static constexpr std::string_view kTokens[] = {
      "第", "页", "共",     "page",   "of",     "/",      "-",      "\u2013", "\u2014", "(", ")",
      "[",  "]",  "\uFF08", "\uFF09", "\u00B7", "\uFF0F", "\uFF0D", "\u3000", " ",      "\t"};
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string_view s = lower;
  if (IsLowerRoman(text)) return true;
  int numbers = 0;
  while (!s.empty()) {
    if (s.front() >= '0' && s.front() <= '9') {
      size_t n = 0;
      while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
      if (n > kMaxPageNumberDigits) return false;
      ++numbers;
      s.remove_prefix(n);
      continue;
    }
    bool matched = false;
    for (std::string_view token : kTokens) {
      if (s.substr(0, token.size()) == token) {
        s.remove_prefix(token.size());
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return numbers >= 1 && numbers <= 2;
}

// Indices of the lines of `page` in its top or bottom band: at most
// kBandLines at each end, each within kBandFraction of the page's height
// from its edge.
std::vector<size_t> BandLines(const Page& page) {
  std::vector<size_t> band;
  const size_t n = page.lines.size();
  if (page.height <= 0) return band;
  for (size_t i = 0; i < n && i < kBandLines; ++i) {
    if (page.lines[i].bottom > kBandFraction * page.height) break;
    band.push_back(i);
  }
  for (size_t k = 0; k < n && k < kBandLines; ++k) {
    size_t i = n - 1 - k;
    if (page.lines[i].top < (1 - kBandFraction) * page.height) break;
    if (std::find(band.begin(), band.end(), i) == band.end()) band.push_back(i);
  }
  return band;
}

// True when the first or last cell of a line numbers the page
// ("Chapter 2: Scope<TAB>7").
bool HasPageNumberCell(std::string_view text) {
  size_t first_tab = text.find('\t');
  if (first_tab == std::string_view::npos) return false;
  return IsPageNumberLine(text.substr(0, first_tab)) ||
         IsPageNumberLine(text.substr(text.rfind('\t') + 1));
}

// Drops page-number lines and running heads and footers: band lines that,
// digits aside, repeat on at least two pages and at least half of them, or
// on three pages or more, or on two with the page number as a cell.
void RemoveRunningLines(std::vector<Page>& pages) {
  std::vector<std::vector<size_t>> bands;
  std::map<std::string, std::set<size_t>> pages_of_key;
  for (size_t p = 0; p < pages.size(); ++p) {
    bands.push_back(BandLines(pages[p]));
    for (size_t i : bands.back()) pages_of_key[RunningKey(pages[p].lines[i].text)].insert(p);
  }
  for (size_t p = 0; p < pages.size(); ++p) {
    std::vector<bool> drop(pages[p].lines.size(), false);
    for (size_t i : bands[p]) {
      const std::string& text = pages[p].lines[i].text;
      size_t repeats = pages_of_key[RunningKey(text)].size();
      drop[i] = IsPageNumberLine(text) ||
                (repeats >= 2 &&
                 (2 * repeats >= pages.size() || repeats >= 3 || HasPageNumberCell(text)));
    }
    std::vector<Line> kept;
    for (size_t i = 0; i < pages[p].lines.size(); ++i) {
      if (!drop[i]) kept.push_back(std::move(pages[p].lines[i]));
    }
    pages[p].lines = std::move(kept);
  }
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Repairs a word broken at a line end ("con-" / "trolled items" becomes
// "controlled" / "items"): when a line ends in a letter and a hyphen (or a
// soft hyphen) and the next line starts with a lowercase letter, the next
// line's first word moves up, the hyphen dropped unless the fragment is a
// prefix that keeps it (kHyphenatedPrefixes). A next line left empty goes.
void RepairHyphenation(std::vector<Line*>& lines) {
  constexpr std::string_view kSoftHyphen = "\u00AD";
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string& cur = lines[i]->text;
    std::string& next = lines[i + 1]->text;
    if (next.empty() || next[0] < 'a' || next[0] > 'z') continue;
    size_t hyphen_len = 0;
    if (cur.size() >= 2 && cur.back() == '-') {
      hyphen_len = 1;
    } else if (cur.size() > kSoftHyphen.size() &&
               std::string_view(cur).substr(cur.size() - kSoftHyphen.size()) == kSoftHyphen) {
      hyphen_len = kSoftHyphen.size();
    }
    if (hyphen_len == 0 || !IsAsciiLetter(cur[cur.size() - hyphen_len - 1])) continue;
    size_t frag_start = cur.find_last_of(" \t", cur.size() - hyphen_len - 1);
    frag_start = frag_start == std::string::npos ? 0 : frag_start + 1;
    std::string fragment = cur.substr(frag_start, cur.size() - hyphen_len - frag_start);
    for (char& c : fragment) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool keep =
        hyphen_len == 1 && std::find(std::begin(kHyphenatedPrefixes), std::end(kHyphenatedPrefixes),
                                     fragment) != std::end(kHyphenatedPrefixes);
    if (!keep) cur.resize(cur.size() - hyphen_len);
    size_t word_end = next.find_first_of(" \t");
    if (word_end == std::string::npos) word_end = next.size();
    cur.append(next, 0, word_end);
    next.erase(0, word_end == next.size() ? word_end : word_end + 1);
  }
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Result<PdfText> PdfToText(std::string_view bytes, const PdfLimits& limits) {
  SilencePoppler();
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return Status::Corruption("not a PDF: no %PDF- header in its first 1024 bytes");
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::TooLarge("a PDF of " + std::to_string(bytes.size()) +
                            " bytes, past what poppler reads (2 GiB)");
  }
  // poppler reads `bytes` in place: they outlive `doc`.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::Corruption("a damaged PDF that poppler cannot open");
  if (doc->is_locked()) {
    return Status::Unsupported(
        "an encrypted PDF that needs a password to open: decrypt it first, e.g. "
        "`qpdf --decrypt --password=PASSWORD in.pdf out.pdf`");
  }
  const int page_count = doc->pages();
  if (page_count <= 0) return Status::Corruption("a PDF without pages");
  if (page_count > limits.max_pages) {
    return Status::TooLarge("a PDF of " + std::to_string(page_count) +
                            " pages, over the limit of " + std::to_string(limits.max_pages) +
                            " pages (max_pages)");
  }

  std::vector<Page> pages(static_cast<size_t>(page_count));
  size_t words = 0, raw_bytes = 0, unreadable = 0;
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {  // a page object poppler cannot find: read as empty
      ++unreadable;
      continue;
    }
    std::vector<Word> page_words = PageWords(*page);
    words += page_words.size();
    // Words come in the page's displayed orientation; the rectangle is
    // unrotated.
    poppler::rectf rect = page->page_rect();
    bool turned = page->orientation() == poppler::page::landscape ||
                  page->orientation() == poppler::page::seascape;
    pages[i].height = turned ? rect.width() : rect.height();
    pages[i].lines = GroupLines(std::move(page_words));
    for (const Line& line : pages[i].lines) raw_bytes += line.text.size() + 1;
    if (raw_bytes > limits.max_text_bytes) {
      return Status::TooLarge("the text of the PDF passes " +
                              std::to_string(limits.max_text_bytes) +
                              " bytes (max_text_bytes) by page " + std::to_string(i + 1));
    }
  }
  if (unreadable == pages.size()) {
    return Status::Corruption("a damaged PDF: none of its " +
                              Plural(pages.size(), "page", "pages") + " can be read");
  }
  if (words == 0) {
    return Status::NotAnnouncement("a PDF of " +
                                   Plural(static_cast<size_t>(page_count), "page", "pages") +
                                   " without a text layer (a scan): run OCR first, e.g. "
                                   "`ocrmypdf -l chi_sim+eng in.pdf out.pdf`");
  }

  RemoveRunningLines(pages);
  std::vector<Line*> all_lines;
  for (Page& page : pages) {
    for (Line& line : page.lines) all_lines.push_back(&line);
  }
  RepairHyphenation(all_lines);

  PdfText out;
  out.page_starts.reserve(pages.size());
  for (const Page& page : pages) {
    out.page_starts.push_back(out.text.size());
    for (const Line& line : page.lines) {
      if (line.text.empty()) continue;  // its only word moved up a line
      out.text.append(line.text).push_back('\n');
    }
  }
  if (out.text.empty()) {
    return Status::NotAnnouncement(
        "a PDF of " + Plural(static_cast<size_t>(page_count), "page", "pages") +
        " whose only text is page numbers and running heads (a scan?): run OCR first, e.g. "
        "`ocrmypdf -l chi_sim+eng in.pdf out.pdf`");
  }
  return out;
}

}  // namespace regdiff::ingest
