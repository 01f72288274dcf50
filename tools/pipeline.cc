// File -> text -> announcement -> store.
#include "tools/pipeline.h"

#include <filesystem>

#include "corpus/sha256.h"
#include "corpus/strings.h"
#include "ingest/input_files.h"
#include "parsers/parse.h"

namespace regdiff::tools {

Result<ParsedText> ParseBytes(const std::string& bytes, const ParseBytesOptions& options) {
  auto text = ingest::ExtractDocumentText(bytes, options.charset, options.content_selector);
  if (!text.ok()) return text.status();
  ParsedText out;
  out.text = std::move(text).value();
  out.announcements = parsers::ParseAnnouncements(out.text.normalized);
  if (!out.announcements.empty()) out.announcement = out.announcements.front();
  else out.announcement = parsers::ParseAnnouncement(out.text.normalized);  // says why
  if (options.explain) (void)parsers::ParseAnnouncement(out.text.normalized, &out.explanation);

  const ingest::DecodedText& d = out.text.decoded;
  if (d.replaced_chars > 0) {
    out.warnings.push_back(std::to_string(d.replaced_chars) +
                           " invalid byte sequence(s) replaced by U+FFFD");
  }
  if (!d.declared_charset.empty() &&
      ingest::ConverterForLabel(d.declared_charset) != ingest::ConverterForLabel(d.used_charset)) {
    std::string w = "declared ";
    w.append(d.declared_charset).append(", read as ").append(d.used_charset).append(": ");
    w.append(d.overruled_because.empty() ? "the declared charset does not fit the bytes"
                                         : d.overruled_because);
    out.warnings.push_back(std::move(w));
  }
  if (out.announcement.ok()) {
    for (const auto& w : out.announcement->warnings) out.warnings.push_back(w);
  }
  return out;
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
  // Every record of the text (a bilingual page has one per language).
  if (!parsed.announcements.empty()) {
    req.announcements = std::move(parsed.announcements);
  } else if (parsed.announcement.ok()) {
    req.announcement = std::move(parsed.announcement).value();
  }
  return store.Put(req, in_transaction);
}

}  // namespace regdiff::tools
