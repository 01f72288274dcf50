// Pages rendered by a headless browser (Debian's chromium), for sites whose
// lists are filled by JavaScript or that turn plain HTTP clients away
// (www.customs.gov.cn answers them HTTP 412): the DOM after the page's
// scripts have had a few seconds, serialised as UTF-8 HTML.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace regdiff::ingest {

struct BrowserOptions {
  std::string command = "chromium";  // looked up on PATH without a '/'
  std::chrono::milliseconds time_limit{60'000};  // the whole run, start-up included
  std::chrono::milliseconds script_time{5'000};  // (virtual) time the page's scripts get
  size_t max_bytes = 16u << 20;
  std::string user_agent;  // "" for the browser's own
};

// The DOM of `url` after loading it in a fresh, empty profile. Only the
// URL's own host and the names in `hosts` resolve: every other name
// resolves to nothing, so no script, frame or redirect takes the browser to
// another host. Errors: kInvalidArgument (not an http/https URL), kNotFound
// (no such browser), kIoError (it failed, timed out, was cancelled or
// printed no document).
Result<std::string> RenderPage(const BrowserOptions& options, const std::string& url,
                               const std::vector<std::string>& hosts,
                               const std::atomic<bool>* cancel = nullptr);

}  // namespace regdiff::ingest
