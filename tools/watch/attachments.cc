// Attachment links -> fetches -> texts.
#include "tools/watch/attachments.h"

#include <utility>

#include "corpus/sha256.h"
#include "ingest/charset.h"
#include "ingest/document_text.h"
#include "ingest/html_text.h"
#include "ingest/link_extractor.h"

namespace regdiff::watch {

Result<std::vector<tools::FetchedAttachment>> FetchAttachments(
    ingest::Fetcher& fetcher, const ingest::FetchRequest& request, std::string_view page_url,
    std::string_view page_bytes, std::string_view charset, std::vector<std::string>& warnings) {
  std::vector<tools::FetchedAttachment> out;
  auto decoded = ingest::DecodeToUtf8(page_bytes, charset);
  if (!decoded.ok() || !ingest::LooksLikeHtml(decoded->utf8)) return out;
  auto links = ingest::ExtractAttachmentLinks(decoded->utf8, page_url, kMaxAttachments);
  if (!links.ok()) return links.status().WithContext("attachments of " + std::string(page_url));
  for (ingest::AttachmentLink& link : *links) {
    ingest::FetchRequest get;
    get.url = link.url;
    get.headers = request.headers;
    get.address_policy = request.address_policy;
    auto response = fetcher.Fetch(get);
    if (!response.ok()) {
      if (response.status().code() == Status::Code::kNotFound) {
        warnings.push_back("attachment " + link.file_name +
                           " is gone: " + response.status().message());
        continue;
      }
      return response.status().WithContext("attachment " + link.file_name);
    }
    tools::FetchedAttachment a;
    a.data.url = std::move(link.url);
    a.data.file_name = std::move(link.file_name);
    a.data.sha256 = Sha256Hex(response->body);
    a.text = ingest::ExtractDocumentText(response->body, response->Charset());
    a.data.raw = std::move(response->body);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace regdiff::watch
