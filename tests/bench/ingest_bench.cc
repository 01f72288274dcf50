// Throughput of the ingest stages on the synthetic pages, beside libxml2's
// bare htmlReadMemory on the same bytes (the floor the ingest targets are
// ratios of). One iteration handles one page, cycling through the set; rates
// are per CPU second.
#include <benchmark/benchmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <string>
#include <vector>

#include "corpus/store.h"
#include "corpus/sha256.h"
#include "ingest/charset.h"
#include "ingest/document_text.h"
#include "ingest/html_text.h"
#include "ingest/normalize.h"
#include "parsers/zh_simplified.h"
#include "parsers/parse.h"
#include "tests/bench/bench_corpus.h"
#include "tools/pipeline.h"

namespace regdiff::bench {
namespace {

void SetRates(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// libxml2 alone: parse the page bytes into a tree and free it. The encoding
// comes from the page's own <meta> (libxml2 decodes GBK itself), as a
// browser-grade parser would be used on these files.
void BM_LibxmlHtmlReadMemory(benchmark::State& state) {
  const auto& pages = Pages();
  xmlInitParser();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& p = pages[i++ % pages.size()];
    htmlDocPtr doc = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, nullptr,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    benchmark::DoNotOptimize(doc);
    xmlFreeDoc(doc);
    bytes += p.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_LibxmlHtmlReadMemory);

// Parse-only: decode + HTML to text + normalise + parse, no store.
void BM_ParseBytes(benchmark::State& state) {
  const auto& pages = Pages();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& p = pages[i++ % pages.size()];
    auto parsed = tools::ParseBytes(p);
    benchmark::DoNotOptimize(parsed);
    bytes += p.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_ParseBytes);

// The stages of ParseBytes, each on its own input.
void BM_DecodeToUtf8(benchmark::State& state) {
  const auto& pages = Pages();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& p = pages[i++ % pages.size()];
    auto d = ingest::DecodeToUtf8(p);
    benchmark::DoNotOptimize(d);
    bytes += p.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_DecodeToUtf8);

const std::vector<std::string>& DecodedPages() {
  static const std::vector<std::string> decoded = [] {
    std::vector<std::string> out;
    for (const std::string& p : Pages()) out.push_back(ingest::DecodeToUtf8(p)->utf8);
    return out;
  }();
  return decoded;
}

// libxml2 alone on the decoded UTF-8, with the options HtmlToText uses: the
// part of HtmlToText that is libxml2's own.
void BM_LibxmlHtmlReadMemoryUtf8(benchmark::State& state) {
  const auto& pages = DecodedPages();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& p = pages[i++ % pages.size()];
    htmlDocPtr doc = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT |
                                        HTML_PARSE_IGNORE_ENC);
    benchmark::DoNotOptimize(doc);
    xmlFreeDoc(doc);
    bytes += p.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_LibxmlHtmlReadMemoryUtf8);

void BM_HtmlToText(benchmark::State& state) {
  const auto& pages = DecodedPages();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& p = pages[i++ % pages.size()];
    auto t = ingest::HtmlToText(p);
    benchmark::DoNotOptimize(t);
    bytes += p.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_HtmlToText);

// The texts HtmlToText extracts, before normalisation.
const std::vector<std::string>& RawTexts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    for (const std::string& p : DecodedPages()) out.push_back(ingest::HtmlToText(p)->text);
    return out;
  }();
  return texts;
}

void BM_Normalize(benchmark::State& state) {
  const auto& texts = RawTexts();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()];
    auto n = ingest::Normalize(t);
    benchmark::DoNotOptimize(n);
    bytes += t.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_Normalize);

const std::vector<NormalizedText>& NormalizedTexts() {
  static const std::vector<NormalizedText> texts = [] {
    std::vector<NormalizedText> out;
    for (const std::string& t : RawTexts()) out.push_back(ingest::Normalize(t));
    return out;
  }();
  return texts;
}

// Traditional -> Simplified matching copy, over every text (Simplified,
// Traditional and English alike, as ingest sees them)...
void BM_ToSimplifiedAligned(benchmark::State& state) {
  const auto& texts = NormalizedTexts();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()].text;
    auto s = parsers::ToSimplifiedAligned(t);
    benchmark::DoNotOptimize(s);
    bytes += t.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_ToSimplifiedAligned);

// ...and over the Traditional texts only, where every line has work to do.
void BM_ToSimplifiedAlignedTraditional(benchmark::State& state) {
  static const std::vector<std::string> hant = [] {
    std::vector<std::string> out;
    for (const NormalizedText& t : NormalizedTexts()) {
      if (t.match != t.text) out.push_back(t.text);
    }
    return out;
  }();
  if (hant.empty()) {
    state.SkipWithError("no Traditional text among the pages");
    return;
  }
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = hant[i++ % hant.size()];
    auto s = parsers::ToSimplifiedAligned(t);
    benchmark::DoNotOptimize(s);
    bytes += t.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_ToSimplifiedAlignedTraditional);

void BM_ParseAnnouncement(benchmark::State& state) {
  const auto& texts = NormalizedTexts();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const NormalizedText& t = texts[i++ % texts.size()];
    auto a = parsers::ParseAnnouncement(t);
    benchmark::DoNotOptimize(a);
    bytes += t.text.size();
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_ParseAnnouncement);

// The store alone: Put of already parsed pages into an in-memory database,
// one transaction per page (range 0) or batches of 256 (range 1).
void BM_StorePut(benchmark::State& state) {
  const bool batched = state.range(0) == 1;
  const auto& pages = Pages();
  std::vector<PutRequest> requests;
  for (size_t k = 0; k < pages.size(); ++k) {
    auto parsed = tools::ParseBytes(pages[k]);
    if (!parsed.ok() || !parsed->announcement.ok()) continue;
    PutRequest r;
    r.snapshot.source_kind = "file";
    r.snapshot.raw = pages[k];
    r.snapshot.sha256 = Sha256Hex(pages[k]);
    r.snapshot.retrieved_at = "2026-01-01T00:00:00Z";
    r.snapshot.used_charset = "utf-8";
    r.normalized_text = parsed->text.normalized.text;
    r.announcement = std::move(parsed->announcement).value();
    requests.push_back(std::move(r));
  }
  auto store = AnnouncementStore::Open(":memory:");
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  size_t i = 0, bytes = 0, round = 0;
  for (auto _ : state) {
    PutRequest& r = requests[i % requests.size()];
    if (i % requests.size() == 0) ++round;
    // New bytes and a new locator each round, so every Put adds a source,
    // a snapshot, a text and a document.
    r.snapshot.locator = "/bench/" + std::to_string(round) + "/" + std::to_string(i);
    if (round > 1) {
      state.PauseTiming();
      r.snapshot.raw += "<!-- " + std::to_string(round) + " -->";
      r.snapshot.sha256 = Sha256Hex(r.snapshot.raw);
      state.ResumeTiming();
    }
    if (batched && i % 256 == 0) {
      Status s = (*store)->InBatch() ? (*store)->CommitBatch() : Status::Ok();
      if (s.ok()) s = (*store)->BeginBatch();
      if (!s.ok()) {
        state.SkipWithError(s.ToString().c_str());
        break;
      }
    }
    auto outcome = (*store)->Put(r);
    if (!outcome.ok()) {
      state.SkipWithError(outcome.status().ToString().c_str());
      break;
    }
    bytes += r.snapshot.raw.size();
    ++i;
  }
  if ((*store)->InBatch()) {
    if (Status s = (*store)->CommitBatch(); !s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  SetRates(state, bytes);
}
BENCHMARK(BM_StorePut)->Arg(0)->Arg(1);

}  // namespace
}  // namespace regdiff::bench
