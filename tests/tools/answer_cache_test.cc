// AnswerCache: an answer is made once per ETag and kept while it fits; the
// least recently used goes first; answers made while the database changed,
// and errors, are handed out but not kept; requests for an ETag whose
// answer is being made wait for it rather than make it again.
#include "tools/answer_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace regdiff::tools {
namespace {

// A maker that counts its calls and answers `body`, keepable unless told.
struct Maker {
  int calls = 0;
  AnswerCache::Answer operator()(const std::string& body, bool keep = true) {
    ++calls;
    AnswerCache::Answer a;
    a.body = body;
    a.keep = keep;
    return a;
  }
};

TEST(AnswerCache, MakesAnAnswerOncePerETag) {
  AnswerCache cache(1 << 20);
  Maker make;
  auto first = cache.Get("\"a\"", [&] { return make("body of a"); });
  auto again = cache.Get("\"a\"", [&] { return make("made again"); });
  EXPECT_EQ(make.calls, 1);
  EXPECT_EQ(again->body, "body of a");
  EXPECT_EQ(first, again);  // the one kept answer, not a copy
  auto other = cache.Get("\"b\"", [&] { return make("body of b"); });
  EXPECT_EQ(other->body, "body of b");
  EXPECT_EQ(make.calls, 2);
  EXPECT_EQ(cache.hits(), 1);
  EXPECT_EQ(cache.misses(), 2);
  EXPECT_EQ(cache.bytes(), std::string("body of a").size() + std::string("body of b").size());
}

TEST(AnswerCache, KeepsNeitherAnswersOfAChangingDatabaseNorErrors) {
  AnswerCache cache(1 << 20);
  Maker make;
  auto mixed = cache.Get("\"a\"", [&] { return make("mixed", /*keep=*/false); });
  EXPECT_FALSE(mixed->keep);
  cache.Get("\"a\"", [&] { return make("settled"); });
  EXPECT_EQ(make.calls, 2);
  auto error = cache.Get("\"e\"", [&] {
    AnswerCache::Answer a;
    a.status = Status::Internal("disk");
    a.keep = true;
    return a;
  });
  EXPECT_FALSE(error->status.ok());
  EXPECT_EQ(cache.entries(), 1u);  // "a", settled
}

TEST(AnswerCache, LetsTheLeastRecentlyUsedGoWhenFull) {
  // 40 bytes: four answers of 10 (a body may take a quarter).
  AnswerCache cache(40);
  Maker make;
  for (const char* tag : {"1", "2", "3", "4"}) cache.Get(tag, [&] { return make("0123456789"); });
  cache.Get("1", [&] { return make("0123456789"); });  // used: now the most recent
  cache.Get("5", [&] { return make("0123456789"); });  // "2" goes
  EXPECT_EQ(make.calls, 5);
  EXPECT_EQ(cache.bytes(), 40u);
  cache.Get("1", [&] { return make("0123456789"); });
  EXPECT_EQ(make.calls, 5);
  cache.Get("2", [&] { return make("0123456789"); });
  EXPECT_EQ(make.calls, 6);
  // Larger than a quarter: handed out, never kept.
  auto big = cache.Get("big", [&] { return make(std::string(11, 'x')); });
  EXPECT_EQ(big->body.size(), 11u);
  cache.Get("big", [&] { return make(std::string(11, 'x')); });
  EXPECT_EQ(make.calls, 8);
}

TEST(AnswerCache, NoRoomStillSharesAnAnswerBeingMade) {
  AnswerCache cache(0);
  std::atomic<int> calls{0};
  std::atomic<bool> release{false};
  auto slow = [&] {
    ++calls;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    AnswerCache::Answer a;
    a.body = "slow";
    a.keep = true;
    return a;
  };
  std::vector<std::thread> askers;
  std::vector<std::string> bodies(8);
  askers.emplace_back([&] { bodies[0] = cache.Get("\"s\"", slow)->body; });
  while (calls == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  for (int i = 1; i < 8; ++i) askers.emplace_back([&, i] { bodies[i] = cache.Get("\"s\"", slow)->body; });
  // The others are waiting on the one being made (or not yet asking).
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  release = true;
  for (std::thread& t : askers) t.join();
  for (const std::string& b : bodies) EXPECT_EQ(b, "slow");
  // Those that asked while it was made shared it; kept it is not (no room).
  EXPECT_GE(cache.hits(), 1);
  EXPECT_EQ(calls.load(), static_cast<int>(cache.misses()));
  EXPECT_EQ(cache.entries(), 0u);
}

}  // namespace
}  // namespace regdiff::tools
