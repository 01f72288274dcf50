// The pipeline that tools/ wires together: a file's or a fetched page's
// bytes -> ingest (charset, HTML, normalisation) -> parsers -> store. `parse`
// stops before the store; `ingest` and the watch engine store through here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corpus/model.h"
#include "corpus/status.h"
#include "corpus/store.h"
#include "corpus/timestamp.h"
#include "ingest/document_text.h"
#include "parsers/explanation.h"

namespace regdiff::tools {

struct ParsedText {
  ingest::DocumentText text;
  // The parse; an error Status when the text is no announcement or its
  // language has no parser yet. For a bilingual text, its first record.
  Result<Announcement> announcement = Status::NotAnnouncement("not parsed");
  // Every record the text holds (parsers::ParseAnnouncements): one per
  // language for a bilingual text, Chinese first; empty when `announcement`
  // is an error.
  std::vector<Announcement> announcements;
  // What a reader should know: replaced bytes, an overruled charset
  // declaration, the parser's own warnings.
  std::vector<std::string> warnings;
  // Why each fact of `announcement` was read, when ParseBytesOptions::explain.
  parsers::Explanation explanation;
  // Where the parts and pages of text.normalized.text begin: a PDF's pages,
  // a page's attachments (AddAttachments). Empty for one part without pages.
  TextLayout layout;
  // The attachments whose texts follow the page's own, stored with it.
  std::vector<AttachmentData> attachments;
};

// How to read bytes of a known origin (a watched source's settings).
struct ParseBytesOptions {
  std::string charset;           // overrides the declared charset; "" none
  std::string content_selector;  // tried before the built-in table; "" none
  bool explain = false;          // fill ParsedText::explanation
};

// Decodes, extracts, normalises and parses bytes. Errors are those of
// ingest::ExtractDocumentText (empty, binary, too large, no text).
Result<ParsedText> ParseBytes(const std::string& bytes, const ParseBytesOptions& options = {});

// An attachment (附件) fetched for a page: its bytes and provenance, and its
// text or why it has none (a legacy .doc, a scan, a damaged file).
struct FetchedAttachment {
  AttachmentData data;
  Result<ingest::DocumentText> text = Status::NotAnnouncement("not read");
};

// Makes the attachments part of the page's announcement: their texts follow
// the page's own (one line apart) in text.normalized.text, `layout` says
// where each begins (and its pages), and the whole is parsed again, so that
// the list an attachment holds is the announcement's list. An attachment
// without text is kept (its bytes are stored) and named in a warning; so is
// one past the text limit (kMaxInputBytes in all). `page` must be a
// successful ParseBytes. Returns the warnings about attachments (also added
// to page.warnings).
std::vector<std::string> AddAttachments(ParsedText& page,
                                        std::vector<FetchedAttachment> attachments,
                                        const ParseBytesOptions& options = {});

// Reads a file ("-": standard input) and runs ParseBytes.
Result<ParsedText> ParseFile(const std::string& path, const ParseBytesOptions& options = {});

// Where stored bytes came from.
struct Retrieval {
  std::string kind;     // "file" or "url"
  std::string locator;  // absolute path or URL: the source's identity
  Timestamp at;         // when they were read or fetched
  // Response headers of a URL (names lowercase, in order); none for files.
  std::vector<std::pair<std::string, std::string>> headers;
};

// Stores `raw` (whose SHA-256 is `sha256`) with what ParseBytes read from it
// in one Put: the snapshot with its charsets, the normalised text, and every
// record of `parsed` (none when it is no announcement: the text is kept).
// `in_transaction` runs inside the Put's transaction, as
// AnnouncementStore::Put's. Errors: the store's.
Result<PutOutcome> StoreParsed(AnnouncementStore& store, const Retrieval& retrieval,
                               std::string raw, const std::string& sha256, ParsedText parsed,
                               const std::function<Status(PutOutcome)>& in_transaction = {});

// OK when `parsed` is an announcement to store. Errors: kNotAnnouncement
// when the parser rejected the text (it states no announcement fact: an
// index without numbers, a random page), or when the page was written by
// regdiff itself (<meta name="generator" content="regdiff ...">): a report
// quotes the items, clauses and relations of the announcements it compares,
// under no number of its own. A text the parser accepted is an announcement,
// however few its facts; one in a language without a parser yet is kept.
Status CheckAnnouncement(const ParsedText& parsed);

struct IngestResult {
  PutOutcome outcome = PutOutcome::kUnchanged;
  std::optional<std::string> doc_id;  // of the first record
  std::vector<std::string> warnings;  // as ParsedText::warnings, plus why a
                                      // stored text has no document
  // Why the file was skipped as no announcement (CheckAnnouncement);
  // nothing was stored and `outcome` means nothing. nullopt: stored.
  std::optional<std::string> not_announcement;
};

// Ingests one file into the store under its absolute path, with one
// document per language its text holds. Identical bytes already parsed by
// this parser version are not decoded again.
// A text that is no announcement (CheckAnnouncement) is not stored: the
// result says why. Errors: unreadable, empty, binary or too large input;
// database errors.
Result<IngestResult> IngestFile(AnnouncementStore& store, const std::string& path,
                                const Timestamp& retrieved_at);

}  // namespace regdiff::tools
