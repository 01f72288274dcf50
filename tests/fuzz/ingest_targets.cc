// Fuzz target bodies over ingest/: each feeds the bytes to one entry point and
// checks the contract its header states.
#include "tests/fuzz/ingest_targets.h"

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/charset.h"
#include "ingest/document_text.h"
#include "ingest/html_text.h"
#include "ingest/json_list.h"
#include "ingest/link_extractor.h"
#include "ingest/office_text.h"
#include "ingest/pdf_text.h"
#include "ingest/sources_file.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/ingest/office_writer.h"

namespace regdiff::fuzz {
namespace {

using namespace regdiff::ingest;  // NOLINT: every entry point fuzzed here

std::string_view Bytes(const uint8_t* data, size_t size) {
  if (size > kMaxInputBytes) size = kMaxInputBytes;
  return {reinterpret_cast<const char*>(data), size};
}

// Charset labels a sources file or an HTTP header may name; the last byte of
// the input picks one, so the override path is explored too.
constexpr std::string_view kOverrides[] = {"",      "gb2312", "gbk",      "gb18030",    "big5",
                                           "utf-8", "utf-16", "utf-16be", "iso-8859-1", "bogus"};

// A PDF's page starts in its text: the first 0, never decreasing, each at
// a line start (or the text's end, for empty last pages).
void CheckPageStarts(const std::vector<size_t>& starts, std::string_view text) {
  for (size_t i = 0; i < starts.size(); ++i) {
    Check(starts[i] <= text.size() && (i > 0 || starts[i] == 0), "a page starts outside the text");
    Check(i == 0 || starts[i - 1] <= starts[i], "page starts decrease");
    Check(starts[i] == 0 || starts[i] == text.size() || text[starts[i] - 1] == '\n',
          "a page starts inside a line");
  }
}

std::string_view PickOverride(std::string_view bytes) {
  if (bytes.empty()) return {};
  const size_t n = sizeof(kOverrides) / sizeof(kOverrides[0]);
  return kOverrides[static_cast<unsigned char>(bytes.back()) % n];
}

// HtmlText::text: one block per line, no empty lines at all.
void CheckLines(std::string_view text) {
  Check(text.empty() || (text.front() != '\n' && text.back() != '\n'),
        "HTML text starts or ends with a line break");
  Check(text.find("\n\n") == std::string_view::npos, "HTML text holds an empty line");
}

// Small caps, so that a bomb or a flood is met in a few milliseconds.
OfficeLimits FuzzOfficeLimits() {
  OfficeLimits limits;
  limits.max_entries = 1000;
  limits.max_inflated_bytes = 4u << 20;
  limits.max_cells = 100000;
  limits.max_text_bytes = 1u << 20;
  return limits;
}

// The input split at NUL bytes into at most `n` parts.
std::vector<std::string> SplitParts(std::string_view bytes, size_t n) {
  std::vector<std::string> parts;
  while (parts.size() + 1 < n) {
    const size_t nul = bytes.find('\0');
    if (nul == std::string_view::npos) break;
    parts.emplace_back(bytes.substr(0, nul));
    bytes.remove_prefix(nul + 1);
  }
  parts.emplace_back(bytes);
  parts.resize(n);
  return parts;
}

bool IsZip(std::string_view bytes) { return bytes.substr(0, 2) == "PK"; }

// The archive a fuzz input stands for: the bytes themselves when they start
// "PK", else the parts `zip_parts` makes of the `n` XML pieces they split into.
std::string ArchiveOf(
    std::string_view bytes, size_t n,
    const std::function<std::vector<regdiff::testing::ZipPart>(const std::vector<std::string>&)>&
        zip_parts) {
  if (IsZip(bytes)) return std::string(bytes);
  return regdiff::testing::WriteZip(zip_parts(SplitParts(bytes, n)));
}

// The contract both readers share.
void CheckOfficeResult(const Result<std::string>& r, const OfficeLimits& limits, const char* who) {
  if (!r.ok()) {
    Check(r.status().code() == Status::Code::kCorruption ||
              r.status().code() == Status::Code::kTooLarge,
          who);
    return;
  }
  Check(r->size() <= limits.max_text_bytes, "Office text past max_text_bytes");
  Check(IsValidUtf8(*r), "Office text is invalid UTF-8");
  Check(r->empty() || (r->front() != '\n' && r->back() != '\n'),
        "Office text starts or ends with a break");
  Check(r->find('\r') == std::string::npos, "Office text keeps a carriage return");
}

}  // namespace

int FuzzCharset(const uint8_t* data, size_t size) {
  std::string_view bytes = Bytes(data, size);
  (void)DeclaredCharset(bytes);
  for (std::string_view override_charset : {std::string_view(), PickOverride(bytes)}) {
    Result<DecodedText> r = DecodeToUtf8(bytes, override_charset);
    if (!r.ok()) {
      Check(r.status().code() == Status::Code::kCorruption ||
                r.status().code() == Status::Code::kInvalidArgument,
            "DecodeToUtf8 failed with an undocumented error");
      continue;
    }
    Check(IsValidUtf8(r->utf8), "DecodeToUtf8 returned invalid UTF-8");
    Check(r->replaced_chars >= 0, "negative replacement count");
    Check(!r->used_charset.empty(), "no converter named");
  }
  return 0;
}

int FuzzHtmlText(const uint8_t* data, size_t size) {
  std::string_view html = Bytes(data, size);
  (void)LooksLikeHtml(html);
  for (std::string_view selector : {std::string_view(), std::string_view("div.art-con")}) {
    Result<HtmlText> r = HtmlToText(html, selector);
    if (!r.ok()) {
      Check(r.status().code() == Status::Code::kCorruption ||
                r.status().code() == Status::Code::kTooLarge,
            "HtmlToText failed with an undocumented error");
      continue;
    }
    CheckLines(r->text);
    Check(r->title.find('\n') == std::string::npos, "the title spans lines");
    // The pipeline hands HtmlToText decoded text; valid in, valid out.
    if (IsValidUtf8(html)) {
      Check(IsValidUtf8(r->text), "HtmlToText turned valid UTF-8 into invalid");
      Check(IsValidUtf8(r->title), "HtmlToText made an invalid title");
    }
  }
  return 0;
}

int FuzzDocumentText(const uint8_t* data, size_t size) {
  std::string_view bytes = Bytes(data, size);
  Result<DocumentText> r = ExtractDocumentText(bytes, PickOverride(bytes));
  if (!r.ok()) return 0;  // every error is a named Status; nothing more to check
  const NormalizedText& n = r->normalized;
  Check(!n.text.empty(), "ExtractDocumentText succeeded with no text");
  Check(n.match.empty(), "ingest made a matching view (the parser's to make)");
  Check(IsValidUtf8(n.text), "normalised text is invalid UTF-8");
  Check(n.text.find('\r') == std::string::npos, "normalised text keeps a carriage return");
  // A BOM is stripped by the decoder; any later U+FEFF (a doubled BOM) is a
  // zero-width character normalisation drops.
  Check(n.text.find("\xEF\xBB\xBF") == std::string::npos, "normalised text keeps U+FEFF");
  Check(r->page_starts.empty() || r->format == DocumentFormat::kPdf, "pages outside a PDF");
  CheckPageStarts(r->page_starts, n.text);
  return 0;
}

int FuzzSourcesFile(const uint8_t* data, size_t size) {
  Result<SourcesFile> r = ParseSourcesFile(Bytes(data, size), "fuzz.toml");
  if (!r.ok()) {
    Check(r.status().code() == Status::Code::kInvalidArgument,
          "ParseSourcesFile failed with an undocumented error");
    return 0;
  }
  Check(!r->sources.empty(), "a sources file without sources was accepted");
  for (const SourceConfig& s : r->sources) {
    Check(!s.name.empty() && !s.index_url.empty(), "a source without name or index_url");
    Check(s.pages >= 1 && s.pages <= kMaxListPages, "pages out of range");
    Check(r->Find(s.name) != nullptr, "a source cannot be found by its name");
    (void)ExpandPageTemplate(s.page_url_template, 2);
    Check(s.method == "GET" || s.method == "POST", "a method other than GET or POST");
    Check(s.method == "POST" || (s.body.empty() && s.content_type.empty()), "a body without POST");
    for (const auto& [name, value] : s.headers) {
      Check(!name.empty() &&
                name.find_first_of(std::string_view(":\r\n\0", 4)) == std::string::npos &&
                value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos,
            "a header that would break the request");
    }
    Check(s.list_html_pointer.empty() || s.list_items_pointer.empty(), "two JSON pointers");
    Check(s.list_items_pointer.empty() || !s.item_url_field.empty(), "items without a URL field");
  }
  return 0;
}

int FuzzLinkExtractor(const uint8_t* data, size_t size) {
  std::string_view html = Bytes(data, size);
  constexpr std::string_view kPage = "https://www.mofcom.gov.cn/zcfb/blgg/index.html";
  LinkRules rules;
  Result<std::vector<Link>> links = ExtractLinks(html, kPage, rules);
  if (links.ok()) {
    for (const Link& link : *links) {
      Check(link.url.rfind("http://", 0) == 0 || link.url.rfind("https://", 0) == 0,
            "a link that is not http(s): pages must never name local paths");
      Check(link.url.find('#') == std::string::npos, "a link kept its fragment");
    }
  }
  // The same bytes as a JSON list endpoint's answer, both ways.
  for (const JsonListRules& json : {JsonListRules{"/data/html", "", "", ""},
                                    JsonListRules{"", "/pageInfo/rows", "url", "title"}}) {
    Result<std::vector<Link>> listed = ExtractJsonListLinks(html, kPage, json, rules);
    if (!listed.ok()) {
      Check(listed.status().code() == Status::Code::kCorruption ||
                listed.status().code() == Status::Code::kTooLarge,
            "ExtractJsonListLinks failed with an undocumented error");
      continue;
    }
    for (const Link& link : *listed) {
      Check(link.url.rfind("https://www.mofcom.gov.cn/", 0) == 0,
            "a JSON-listed link on another host");
    }
  }
  Result<std::vector<AttachmentLink>> attachments = ExtractAttachmentLinks(html, kPage, 5);
  if (attachments.ok()) {
    Check(attachments->size() <= 5, "more attachments than asked for");
    std::set<std::string> seen;
    for (const AttachmentLink& a : *attachments) {
      Check(a.url.rfind("http://", 0) == 0 || a.url.rfind("https://", 0) == 0,
            "an attachment that is not http(s)");
      Check(a.url.find('#') == std::string::npos, "an attachment kept its fragment");
      Check(seen.insert(a.url).second, "an attachment listed twice");
    }
  }
  Result<std::string> next = FindNextPageUrl(html, kPage, "//a[text()='下一页']");
  if (next.ok() && !next->empty()) {
    Check(next->rfind("https://www.mofcom.gov.cn/", 0) == 0,
          "next page on another host, or down from https to http");
  }
  return 0;
}

int FuzzPdfText(const uint8_t* data, size_t size) {
  Result<PdfText> r = PdfToText(Bytes(data, size));
  if (!r.ok()) {
    Status::Code code = r.status().code();
    Check(code == Status::Code::kCorruption || code == Status::Code::kUnsupported ||
              code == Status::Code::kNotAnnouncement || code == Status::Code::kTooLarge,
          "PdfToText failed with an undocumented error");
    return 0;
  }
  const std::string& text = r->text;
  Check(!text.empty() && text.back() == '\n', "PDF text empty or not ending a line");
  Check(IsValidUtf8(text), "PDF text is invalid UTF-8");
  Check(text.find("\n\n") == std::string::npos && text.front() != '\n',
        "PDF text holds an empty line");
  for (char c : text) {
    Check(static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t',
          "PDF text holds a control character");
  }
  Check(!r->page_starts.empty(), "a PDF without page starts");
  CheckPageStarts(r->page_starts, text);
  return 0;
}

int FuzzDocxText(const uint8_t* data, size_t size) {
  const OfficeLimits limits = FuzzOfficeLimits();
  const std::string zip = ArchiveOf(Bytes(data, size), 3, [](const std::vector<std::string>& xml) {
    std::vector<regdiff::testing::ZipPart> parts = {{"word/document.xml", xml[0], false}};
    if (!xml[1].empty()) parts.push_back({"word/numbering.xml", xml[1], false});
    if (!xml[2].empty()) parts.push_back({"word/styles.xml", xml[2], false});
    return parts;
  });
  Result<std::string> r = DocxToText(zip, limits);
  CheckOfficeResult(r, limits, "DocxToText failed with an undocumented error");
  if (r.ok()) Check(r->find("\n\n") == std::string::npos, "DOCX text holds an empty line");
  return 0;
}

int FuzzXlsxText(const uint8_t* data, size_t size) {
  const OfficeLimits limits = FuzzOfficeLimits();
  const std::string zip = ArchiveOf(Bytes(data, size), 2, [](const std::vector<std::string>& xml) {
    std::vector<regdiff::testing::ZipPart> parts = regdiff::testing::XlsxParts({{"S", ""}});
    for (regdiff::testing::ZipPart& p : parts) {
      p.deflate = false;
      if (p.name.rfind("xl/worksheets/", 0) == 0) p.contents = xml[0];
    }
    if (!xml[1].empty()) parts.push_back({"xl/sharedStrings.xml", xml[1], false});
    return parts;
  });
  CheckOfficeResult(XlsxToText(zip, limits), limits,
                    "XlsxToText failed with an undocumented error");
  return 0;
}

}  // namespace regdiff::fuzz
