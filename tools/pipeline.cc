// File -> text -> announcement -> store.
#include "tools/pipeline.h"

#include <filesystem>

#include "corpus/sha256.h"
#include "corpus/strings.h"
#include "ingest/input_files.h"
#include "parsers/parse.h"

namespace regdiff::tools {

namespace {

// What a reader should know about how the bytes were decoded.
std::vector<std::string> DecodeWarnings(const ingest::DecodedText& d) {
  std::vector<std::string> out;
  if (d.replaced_chars > 0) {
    out.push_back(std::to_string(d.replaced_chars) +
                  " invalid byte sequence(s) replaced by U+FFFD");
  }
  if (!d.declared_charset.empty() &&
      ingest::ConverterForLabel(d.declared_charset) != ingest::ConverterForLabel(d.used_charset)) {
    std::string w = "declared ";
    w.append(d.declared_charset).append(", read as ").append(d.used_charset).append(": ");
    w.append(d.overruled_because.empty() ? "the declared charset does not fit the bytes"
                                         : d.overruled_because);
    out.push_back(std::move(w));
  }
  return out;
}

// Runs the parsers over out.text and keeps what they read; the warnings are
// the decoder's and the parser's for that text.
void Parse(ParsedText& out, const ParseBytesOptions& options) {
  out.announcements = parsers::ParseAnnouncements(out.text.normalized);
  if (!out.announcements.empty()) out.announcement = out.announcements.front();
  else out.announcement = parsers::ParseAnnouncement(out.text.normalized);  // says why
  if (options.explain) {
    out.explanation = {};
    (void)parsers::ParseAnnouncement(out.text.normalized, &out.explanation);
  }
  out.warnings = DecodeWarnings(out.text.decoded);
  if (out.announcement.ok()) {
    for (const auto& w : out.announcement->warnings) out.warnings.push_back(w);
  }
}

// The part of a text that `text` (a page, a PDF, an attachment) makes,
// starting at byte `offset` of the whole, with its pages.
TextPart PartOf(const ingest::DocumentText& text, size_t offset) {
  TextPart part;
  part.format = std::string(ingest::DocumentFormatName(text.format));
  part.begin = offset;
  part.end = offset + text.normalized.text.size();
  for (size_t start : text.page_starts) part.page_starts.push_back(offset + start);
  return part;
}

}  // namespace

Result<ParsedText> ParseBytes(const std::string& bytes, const ParseBytesOptions& options) {
  auto text = ingest::ExtractDocumentText(bytes, options.charset, options.content_selector);
  if (!text.ok()) return text.status();
  ParsedText out;
  out.text = std::move(text).value();
  if (!out.text.page_starts.empty()) out.layout.parts.push_back(PartOf(out.text, 0));
  Parse(out, options);
  return out;
}

std::vector<std::string> AddAttachments(ParsedText& page,
                                        std::vector<FetchedAttachment> attachments,
                                        const ParseBytesOptions& options) {
  std::vector<std::string> notes;
  if (attachments.empty()) return notes;
  std::string& text = page.text.normalized.text;
  if (page.layout.empty()) page.layout.parts.push_back(PartOf(page.text, 0));
  for (FetchedAttachment& a : attachments) {
    if (!a.text.ok()) {
      notes.push_back("attachment " + a.data.file_name + " (" + a.data.url +
                      ") has no text: " + a.text.status().message());
    } else if (text.size() + 1 + a.text->normalized.text.size() > ingest::kMaxInputBytes) {
      notes.push_back("attachment " + a.data.file_name + " (" + a.data.url +
                      ") not read: the announcement's text would pass " +
                      std::to_string(ingest::kMaxInputBytes) + " bytes");
    } else {
      if (!text.empty()) text.push_back('\n');
      TextPart part = PartOf(*a.text, text.size());
      part.name = a.data.file_name;
      part.url = a.data.url;
      part.sha256 = a.data.sha256;
      text.append(a.text->normalized.text);
      page.layout.parts.push_back(std::move(part));
    }
    page.attachments.push_back(std::move(a.data));
  }
  page.text.normalized.match.clear();  // made again by the parser for the new text
  Parse(page, options);                // the whole text's warnings
  page.warnings.insert(page.warnings.end(), notes.begin(), notes.end());
  return notes;
}

Status CheckAnnouncement(const ParsedText& parsed) {
  if (AsciiLower(parsed.text.generator).rfind("regdiff", 0) == 0) {
    return Status::NotAnnouncement("a page written by " + parsed.text.generator +
                                   " (a report quoting the announcements it compares)");
  }
  if (parsed.announcement.ok()) return Status::Ok();
  if (parsed.announcement.status().code() == Status::Code::kUnsupported) return Status::Ok();
  return parsed.announcement.status();
}

Result<ParsedText> ParseFile(const std::string& path, const ParseBytesOptions& options) {
  auto bytes = path == "-" ? ingest::ReadStdinBytes(ingest::kMaxInputBytes)
                           : ingest::ReadFileBytes(path, ingest::kMaxInputBytes);
  if (!bytes.ok()) return bytes.status();
  return ParseBytes(*bytes, options);
}

Result<IngestResult> IngestFile(AnnouncementStore& store, const std::string& path,
                                const Timestamp& retrieved_at) {
  std::error_code ec;
  std::string locator = std::filesystem::absolute(path, ec).lexically_normal().string();
  if (ec) locator = path;

  auto bytes = ingest::ReadFileBytes(path, ingest::kMaxInputBytes);
  if (!bytes.ok()) return bytes.status();
  std::string sha = Sha256Hex(*bytes);

  auto state = store.GetSourceState(locator);
  if (!state.ok()) return state.status();
  if (*state && (*state)->sha256 == sha && (*state)->parser_version == parsers::kParserVersion) {
    return IngestResult{PutOutcome::kUnchanged, std::nullopt, {}, std::nullopt};
  }

  auto parsed = ParseBytes(*bytes);
  if (!parsed.ok()) return parsed.status();
  if (Status s = CheckAnnouncement(*parsed); !s.ok()) {
    if (s.code() != Status::Code::kNotAnnouncement) return s;
    IngestResult skipped;
    skipped.not_announcement = s.message();
    return skipped;
  }

  IngestResult result;
  result.warnings = parsed->warnings;
  if (parsed->announcement.ok()) {
    result.doc_id = parsed->announcement->doc_id;
    // The first record's warnings are in parsed->warnings already.
    for (size_t i = 1; i < parsed->announcements.size(); ++i) {
      const Announcement& a = parsed->announcements[i];
      for (const auto& w : a.warnings)
        result.warnings.push_back(std::string(LangName(a.lang)) + " text: " + w);
    }
  } else {
    // Kept, and parsed when a parser for its language exists.
    result.warnings.push_back("stored without parsing: " + parsed->announcement.status().message());
  }
  auto outcome = StoreParsed(store, Retrieval{"file", locator, retrieved_at, {}},
                             std::move(bytes).value(), sha, std::move(parsed).value());
  if (!outcome.ok()) return outcome.status();
  result.outcome = *outcome;
  return result;
}

Result<PutOutcome> StoreParsed(AnnouncementStore& store, const Retrieval& retrieval,
                               std::string raw, const std::string& sha256, ParsedText parsed,
                               const std::function<Status(PutOutcome)>& in_transaction) {
  PutRequest req;
  req.snapshot.source_kind = retrieval.kind;
  req.snapshot.locator = retrieval.locator;
  req.snapshot.sha256 = sha256;
  req.snapshot.retrieved_at = retrieval.at.ToIso();
  req.snapshot.headers = retrieval.headers;
  req.snapshot.declared_charset = parsed.text.decoded.declared_charset;
  req.snapshot.detected_charset = parsed.text.decoded.detected_charset;
  req.snapshot.used_charset = parsed.text.decoded.used_charset;
  req.snapshot.replaced_chars = parsed.text.decoded.replaced_chars;
  req.snapshot.raw = std::move(raw);
  req.normalized_text = std::move(parsed.text.normalized.text);
  req.layout = std::move(parsed.layout);
  req.attachments = std::move(parsed.attachments);
  // Every record of the text (a bilingual page has one per language).
  if (!parsed.announcements.empty()) {
    req.announcements = std::move(parsed.announcements);
  } else if (parsed.announcement.ok()) {
    req.announcement = std::move(parsed.announcement).value();
  }
  return store.Put(req, in_transaction);
}

}  // namespace regdiff::tools
