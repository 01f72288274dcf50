// Polling one source: list pages -> links -> due pages -> (only on a change
// of the normalised main text) parse, store and one event, written in the
// document's transaction.
#include "tools/watch/poll.h"

#include <algorithm>
#include <set>

#include "corpus/sha256.h"
#include "ingest/charset.h"
#include "ingest/json_list.h"
#include "ingest/url.h"
#include "tools/pipeline.h"
#include "tools/watch/attachments.h"
#include "tools/watch/event.h"
#include "tools/watch/relevance.h"

namespace regdiff::watch {
namespace {

bool Cancelled(const PollOptions& options) { return options.cancel && options.cancel->load(); }

ingest::LinkRules RulesOf(const ingest::SourceConfig& source) {
  ingest::LinkRules rules;
  rules.xpath = source.link_xpath;
  rules.pattern = source.link_pattern;
  rules.title_keywords = source.title_keywords;
  rules.allowed_hosts = source.allowed_hosts;
  return rules;
}

// Whether `a` and `b` hold the same characters once spaces, tabs and line
// breaks are dropped: a page whose text was only re-wrapped has not changed
// (a hard wrap inside a number adds a space a browser would show too).
bool SameExceptWhitespace(std::string_view a, std::string_view b) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  size_t i = 0, j = 0;
  for (;;) {
    while (i < a.size() && space(a[i])) ++i;
    while (j < b.size() && space(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i++] != b[j++]) return false;
  }
}

ingest::JsonListRules JsonRulesOf(const ingest::SourceConfig& source) {
  return {source.list_html_pointer, source.list_items_pointer, source.item_url_field,
          source.item_title_field};
}

// The request for list page `page` of `source`: its method, body (with
// {page} and {index} expanded) and headers.
ingest::FetchRequest ListRequest(const ingest::SourceConfig& source, const std::string& url,
                                 int page) {
  ingest::FetchRequest request;
  request.url = url;
  request.method = source.method;
  if (source.method == "POST") {
    request.body = ingest::ExpandPageTemplate(source.body, page);
    request.content_type = source.content_type;
  }
  request.headers = source.headers;
  return request;
}

std::string Later(const Timestamp& now, std::chrono::seconds delay) {
  return (now + delay).ToIso();
}

}  // namespace

std::chrono::seconds RetryDelay(int64_t failures, std::chrono::seconds interval) {
  std::chrono::seconds delay(60);
  for (int64_t i = 1; i < failures && delay < interval; ++i) delay *= 2;
  return std::max(std::chrono::seconds(1), std::min(delay, interval));
}

std::chrono::seconds ScheduleTolerance(std::chrono::seconds interval) {
  return std::min(interval / 10, std::chrono::seconds(60));
}

bool IsDue(const std::string& next_due_at, const Timestamp& now, std::chrono::seconds interval) {
  if (next_due_at.empty()) return true;
  const std::optional<Timestamp> due = Timestamp::FromIso(next_due_at);
  return !due || now + ScheduleTolerance(interval) >= *due;
}

ingest::AddressPolicy AddressPolicyOf(const ingest::SourceConfig& source) {
  ingest::AddressPolicy policy;
  if (auto index = ingest::ParseHttpUrl(source.index_url)) policy.trusted_hosts.push_back(index->host);
  for (const std::string& host_port : source.allowed_hosts) {
    if (auto u = ingest::ParseHttpUrl("http://" + host_port + "/")) policy.trusted_hosts.push_back(u->host);
  }
  return policy;
}

Result<IndexScan> ScanIndex(ingest::Fetcher& fetcher, const ingest::SourceConfig& source,
                            const ingest::Validators& validators) {
  IndexScan scan;
  const ingest::LinkRules rules = RulesOf(source);
  std::set<std::string> seen;
  std::string url = source.index_url;
  for (int page = 1; page <= source.pages && !url.empty(); ++page) {
    const std::string what = "list page " + std::to_string(page);
    auto fail = [&](const Status& s) -> std::optional<Status> {
      if (page == 1) return s.WithContext(what);
      scan.later_page_errors.push_back(what + ": " + s.message());
      return std::nullopt;
    };
    ingest::FetchRequest request = ListRequest(source, url, page);
    request.address_policy = AddressPolicyOf(source);
    request.browser = source.browser;
    // A POST is not conditional (its answer depends on the body), nor is a
    // page the browser renders.
    if (page == 1 && source.method == "GET" && !source.browser) request.validators = validators;
    auto response = fetcher.Fetch(request);
    if (!response.ok()) {
      if (auto s = fail(response.status())) return *s;
      break;
    }
    IndexScan::Page info;
    info.url = response->url;
    info.status = response->status;
    info.bytes = response->body.size();
    if (page == 1) {
      scan.validators = response->validators;
      if (response->not_modified) {
        scan.not_modified = true;
        scan.pages.push_back(info);
        return scan;
      }
    }
    const std::string charset = source.charset.empty() ? response->Charset() : source.charset;
    auto decoded = ingest::DecodeToUtf8(response->body, charset);
    if (!decoded.ok()) {
      if (auto s = fail(decoded.status().WithContext("unreadable (" +
                                                     std::to_string(response->body.size()) +
                                                     " bytes)"))) {
        return *s;
      }
      break;
    }
    info.charset = decoded->used_charset;
    auto links = source.json_list()
                     ? ingest::ExtractJsonListLinks(decoded->utf8, response->url, JsonRulesOf(source), rules)
                     : ingest::ExtractLinks(decoded->utf8, response->url, rules);
    if (!links.ok()) {
      if (auto s = fail(links.status())) return *s;
      break;
    }
    if (page == 1 && links->empty()) {
      return Status::NotAnnouncement(
          what + ": no announcement links on " + response->url + " (" +
          std::to_string(response->body.size()) +
          " bytes): an error page or a redesign? nothing is taken as removed");
    }
    info.links = links->size();
    for (ingest::Link& link : *links) {
      if (seen.insert(link.url).second) scan.links.push_back(std::move(link));
    }
    scan.pages.push_back(info);
    if (page == source.pages) break;
    if (!source.page_url_template.empty()) {
      url = ingest::ExpandPageTemplate(source.page_url_template, page + 1);
    } else if (source.next_page_xpath.empty()) {
      // The body names the page ({page} / {index}); the URL stays.
    } else {
      // In a JSON list the "next" link is in its HTML fragment.
      auto html = source.list_html_pointer.empty()
                      ? Result<std::string>(decoded->utf8)
                      : ingest::JsonListFragment(decoded->utf8, source.list_html_pointer);
      auto next = html.ok() ? ingest::FindNextPageUrl(*html, response->url, source.next_page_xpath)
                            : Result<std::string>(html.status());
      if (!next.ok()) {
        scan.later_page_errors.push_back(what + ": " + next.status().message());
        break;
      }
      url = *next;
    }
  }
  return scan;
}

Result<Timestamp> Watcher::NextDue(const ingest::SourceConfig& source) {
  auto row = watch_.GetSource(source.name);
  if (!row.ok()) return row.status();
  if (!*row || (*row)->next_due_at.empty()) return Timestamp{};
  return Timestamp::FromIso((*row)->next_due_at).value_or(Timestamp{});
}

Status Watcher::RecordIndexFailure(const ingest::SourceConfig& source, const Timestamp& started,
                                   const std::string& error) {
  auto row = watch_.GetSource(source.name);
  if (!row.ok()) return row.status();
  WatchSourceRow state = row->value_or(WatchSourceRow{});
  state.name = source.name;
  if (state.index_url != source.index_url) {
    state.etag.clear();
    state.last_modified.clear();
  }
  state.index_url = source.index_url;
  state.last_attempt_at = Timestamp::Now().ToIso();
  state.last_error = error;
  state.failures += 1;
  state.next_due_at = Later(started, RetryDelay(state.failures, source.poll_interval));
  return watch_.PutSource(state);
}

SourceOutcome Watcher::Poll(const ingest::SourceConfig& source, const PollOptions& options) {
  SourceOutcome out;
  out.name = source.name;
  const Timestamp now = Timestamp::Now();
  auto row = watch_.GetSource(source.name);
  if (!row.ok()) {
    out.polled = out.failed = true;
    out.errors.push_back(row.status().ToString());
    return out;
  }
  if (!options.ignore_schedule && *row && !IsDue((*row)->next_due_at, now, source.poll_interval)) {
    return out;  // not due
  }
  out.polled = true;
  WatchSourceRow state = row->value_or(WatchSourceRow{});
  state.name = source.name;
  // Never read before: what the list holds now is the baseline.
  out.baseline = state.last_success_at.empty();
  ingest::Validators validators;
  if (state.index_url == source.index_url) validators = {state.etag, state.last_modified};

  auto scan = ScanIndex(fetcher_, source, validators);
  if (Cancelled(options)) {
    out.cancelled = true;
    return out;
  }
  if (!scan.ok()) {
    out.failed = true;
    out.errors.push_back(scan.status().ToString());
    Status s = RecordIndexFailure(source, now, scan.status().ToString());
    if (!s.ok()) out.errors.push_back(s.ToString());
    return out;
  }
  out.index_read = true;
  out.index_not_modified = scan->not_modified;
  if (scan->links.size() > static_cast<size_t>(source.max_links)) {
    out.links_dropped = scan->links.size() - static_cast<size_t>(source.max_links);
    scan->links.resize(static_cast<size_t>(source.max_links));
    out.warnings.push_back("the list holds " +
                           std::to_string(scan->links.size() + out.links_dropped) +
                           " links; only the first " + std::to_string(source.max_links) +
                           " are taken (max_links)");
  }
  out.links = scan->not_modified ? static_cast<size_t>(state.last_link_count.value_or(0))
                                 : scan->links.size();
  for (const std::string& e : scan->later_page_errors) {
    out.failed = true;
    out.errors.push_back(e);
  }

  // Links never seen before become pending pages, due now.
  const std::string now_iso = now.ToIso();
  for (const ingest::Link& link : scan->links) {
    auto known = watch_.GetPage(link.url);
    if (!known.ok()) {
      out.failed = true;
      out.errors.push_back(known.status().ToString());
      return out;
    }
    if (*known) continue;
    WatchPageRow page;
    page.url = link.url;
    page.source_name = source.name;
    page.title = link.title;
    page.first_seen_at = now_iso;
    page.next_due_at = now_iso;
    page.baseline = out.baseline;
    Status s = watch_.PutPage(page);
    if (!s.ok()) {
      out.failed = true;
      out.errors.push_back(s.ToString());
      return out;
    }
  }

  // "~" sorts after every time: with ignore_schedule every known page is due.
  auto pages = watch_.PagesToFetch(source.name, options.ignore_schedule ? "~" : now_iso);
  if (!pages.ok()) {
    out.failed = true;
    out.errors.push_back(pages.status().ToString());
    return out;
  }
  others_.reset();
  size_t new_pages = 0;
  for (WatchPageRow& page : *pages) {
    if (Cancelled(options)) {
      out.cancelled = true;
      return out;  // the source's row is left as it was: polled again next time
    }
    if (page.pending() && ++new_pages > static_cast<size_t>(source.max_new_pages)) {
      ++out.new_pages_waiting;  // listed, fetched by a later run
      continue;
    }
    ProcessPage(source, std::move(page), options, out);
  }
  if (out.cancelled) return out;
  if (out.new_pages_waiting > 0) {
    out.warnings.push_back(std::to_string(out.new_pages_waiting) +
                           " new pages wait for the next run (max_new_pages = " +
                           std::to_string(source.max_new_pages) + ")");
  }

  state.index_url = source.index_url;
  if (!scan->not_modified) {
    state.etag = scan->validators.etag;
    state.last_modified = scan->validators.last_modified;
    state.last_link_count = static_cast<int64_t>(scan->links.size());
  }
  const Timestamp done = Timestamp::Now();
  state.last_success_at = state.last_attempt_at = done.ToIso();
  // Due again an interval after this poll started (not after it ended: a
  // cron job on the same interval would otherwise find it not yet due).
  if (out.failed) {
    state.last_error = out.errors.front();
    state.failures += 1;
    state.next_due_at = Later(now, RetryDelay(state.failures, source.poll_interval));
  } else {
    state.last_error.clear();
    state.failures = 0;
    state.next_due_at = Later(now, source.poll_interval);
  }
  Status s = watch_.PutSource(state);
  if (!s.ok()) {
    out.failed = true;
    out.errors.push_back(s.ToString());
  }
  return out;
}

const std::vector<StoredDocument>& Watcher::Others(SourceOutcome& out) {
  if (!others_) {
    auto docs = store_.CurrentDocuments();
    if (docs.ok()) {
      others_ = std::move(docs).value();
    } else {
      out.warnings.push_back("cannot load stored announcements for the summary: " +
                             docs.status().ToString());
      others_.emplace();
    }
  }
  return *others_;
}

void Watcher::ProcessPage(const ingest::SourceConfig& source, WatchPageRow page,
                          const PollOptions& options, SourceOutcome& out) {
  const bool pending = page.pending();
  ingest::FetchRequest request;
  request.url = page.url;
  request.address_policy = AddressPolicyOf(source);
  request.browser = source.browser;
  request.headers = source.headers;
  if (!pending && !source.browser) request.validators = {page.etag, page.last_modified};
  auto response = fetcher_.Fetch(request);
  const Timestamp now = Timestamp::Now();
  const std::string now_iso = now.ToIso();
  // The pause before a known page is fetched again: its recheck interval,
  // but at least a minute after a failure.
  const std::chrono::seconds recheck = source.recheck_interval;

  auto fail = [&](const Status& status) {
    out.failed = true;
    out.errors.push_back(page.url + ": " + status.ToString());
    page.last_error = status.ToString();
    page.failures += 1;
    page.next_due_at = Later(now, RetryDelay(page.failures, std::max(recheck, source.poll_interval)));
    Status s = watch_.PutPage(page);
    if (!s.ok()) out.errors.push_back(s.ToString());
  };

  if (!response.ok()) {
    if (Cancelled(options)) {
      out.cancelled = true;
      return;
    }
    fail(response.status());
    return;
  }
  ++out.pages_fetched;
  if (response->not_modified) {
    ++out.pages_unchanged;
    page.last_fetched_at = now_iso;
    page.next_due_at = Later(now, recheck);
    page.last_error.clear();
    page.failures = 0;
    Status s = watch_.PutPage(page);
    if (!s.ok()) fail(s);
    return;
  }

  tools::ParseBytesOptions parse_options;
  parse_options.charset = source.charset.empty() ? response->Charset() : source.charset;
  parse_options.content_selector = source.content_selector;
  auto parsed = tools::ParseBytes(response->body, parse_options);
  if (!parsed.ok()) {
    fail(parsed.status().WithContext("unreadable page"));
    return;
  }
  const std::string sha = Sha256Hex(response->body);
  const std::string text_hash = Sha256Hex(parsed->text.normalized.text);

  WatchPageRow updated = page;
  updated.etag = response->validators.etag;
  updated.last_modified = response->validators.last_modified;
  updated.sha256 = sha;
  updated.text_hash = text_hash;
  updated.last_fetched_at = now_iso;
  updated.next_due_at = Later(now, recheck);
  updated.last_error.clear();
  updated.failures = 0;

  if (!pending && text_hash == page.text_hash) {
    // Same main text: a new banner, a re-encoding, a new timestamp. No change.
    ++out.pages_unchanged;
    Status s = watch_.PutPage(updated);
    if (!s.ok()) fail(s);
    return;
  }

  // A new page, or a change of its main text.
  const Announcement* document = parsed->announcement.ok() ? &*parsed->announcement : nullptr;
  if (source.export_control_only && !TitleIsAboutExportControl(page.title) &&
      !(document && (TitleIsAboutExportControl(document->title) ||
                     FactsAreAboutExportControl(*document)))) {
    // Another subject (a quarantine rule, a trade fair): remembered so that
    // it is not fetched again before its recheck, neither stored nor reported.
    ++out.pages_not_relevant;
    Status s = watch_.PutPage(updated);
    if (!s.ok()) fail(s);
    return;
  }
  // The page's attachments are part of its announcement: the list of goods
  // often sits in an attached PDF or spreadsheet.
  if (parsed->text.is_html) {
    std::vector<std::string> attachment_warnings;
    auto attachments = FetchAttachments(fetcher_, request, response->url, response->body,
                                        parse_options.charset, attachment_warnings);
    if (!attachments.ok()) {
      if (Cancelled(options)) {
        out.cancelled = true;
        return;
      }
      fail(attachments.status());
      return;
    }
    // Those of AddAttachments are in parsed->warnings already.
    std::vector<std::string> notes =
        tools::AddAttachments(*parsed, std::move(attachments).value(), parse_options);
    for (std::string& w : attachment_warnings) {
      parsed->warnings.push_back(w);
      notes.push_back(std::move(w));
    }
    for (const std::string& w : notes) out.warnings.push_back(page.url + ": " + w);
    document = parsed->announcement.ok() ? &*parsed->announcement : nullptr;
  }
  // Part of the source's baseline: stored, not reported (no event to build).
  const bool silent = pending && page.baseline;
  std::optional<StoredDocument> previous;
  std::vector<Announcement> others;
  if (!silent) {
    for (const StoredDocument& d : Others(out)) {
      if (d.locator == page.url) previous = d;
      else others.push_back(d.announcement);
    }
  }
  if (pending) previous.reset();
  if (previous && SameExceptWhitespace(previous->normalized_text, parsed->text.normalized.text)) {
    // Re-wrapped or re-indented, nothing else: no change to report or store.
    ++out.pages_unchanged;
    Status s = watch_.PutPage(updated);
    if (!s.ok()) fail(s);
    return;
  }

  auto state = store_.GetSourceState(page.url);
  if (!state.ok()) {
    fail(state.status());
    return;
  }
  int version = 1;
  if (*state) version = (*state)->version + ((*state)->sha256 == sha ? 0 : 1);

  EventFacts facts;
  facts.kind = pending ? "new" : "changed";
  facts.source = source.name;
  facts.url = page.url;
  facts.link_title = page.title;
  facts.at = now_iso;
  facts.document = document;
  facts.parse_error = document ? "" : parsed->announcement.status().message();
  facts.previous = previous ? &*previous : nullptr;
  facts.text = parsed->text.normalized.text;
  facts.sha256 = sha;
  facts.text_hash = text_hash;
  facts.previous_text_hash = page.text_hash;
  facts.http_status = response->status;
  facts.charset = parsed->text.decoded.used_charset;
  facts.version = version;
  facts.warnings = parsed->warnings;
  facts.others = &others;
  BuiltEvent event;
  if (!silent) event = BuildEvent(facts);

  // The page's text with every record it holds (the event summarises the
  // first), its state and its event, in one transaction. `parsed` moves into
  // the store: `document` and `facts` are not read after this.
  const tools::Retrieval retrieval{"url", page.url, now, response->headers};
  auto stored = tools::StoreParsed(store_, retrieval, std::move(response->body), sha,
                                   std::move(parsed).value(), [&](PutOutcome) -> Status {
    Status s = watch_.PutPage(updated);
    if (!s.ok()) return s;
    if (!event.empty && !silent) {
      auto id = watch_.AddEvent(event.row);
      if (!id.ok()) return id.status();
      event.row.id = *id;
      if (!options.webhook.empty()) {
        s = watch_.AddDelivery(*id, options.webhook, now_iso);
        if (!s.ok()) return s;
      }
    }
    if (options.in_page_transaction) options.in_page_transaction(store_);
    return Status::Ok();
  });
  if (!stored.ok()) {
    fail(stored.status());
    return;
  }
  others_.reset();  // the store changed
  if (silent) {
    ++out.pages_recorded;
    return;
  }
  if (event.empty) {
    ++out.pages_unchanged;
    out.warnings.push_back(page.url + ": the main text changed but no difference is reportable");
    return;
  }
  if (options.on_event) options.on_event(event.row);
  out.events.push_back(std::move(event.row));
}

}  // namespace regdiff::watch
