// The attachments (附件) of an announcement page, fetched so that they become
// part of its announcement (tools/pipeline.h AddAttachments): the list of
// goods and HS codes often sits in an attached PDF, Word or Excel file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "ingest/fetch.h"
#include "tools/pipeline.h"

namespace regdiff::watch {

// At most this many attachments are fetched for one page.
inline constexpr size_t kMaxAttachments = 20;

// Fetches the attachments `page_bytes` (an HTML page at `page_url`, read in
// `charset`, "" for the page's own declaration) links to, with `request`'s
// headers and address policy, and reads the text of each. An attachment
// that is gone (HTTP 404/410) is left out with a line in `warnings`; any
// other failure to fetch one is an error, so that the page is fetched again
// later rather than stored without its list. A page that is no HTML has no
// attachments.
Result<std::vector<tools::FetchedAttachment>> FetchAttachments(
    ingest::Fetcher& fetcher, const ingest::FetchRequest& request, std::string_view page_url,
    std::string_view page_bytes, std::string_view charset, std::vector<std::string>& warnings);

}  // namespace regdiff::watch
