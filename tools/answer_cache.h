// AnswerCache: the answers `regdiff serve` already made, by ETag. An answer
// is a function of the database's state and the normalised request, which
// the ETag names both of (tools/api_server.h), so a request whose ETag is
// kept is answered with the kept body, and requests for an ETag whose answer
// is being made wait for it instead of making it again: each answer is made
// once per database state, however many clients ask at once.
//
// Bounded by the bytes of the bodies kept: the least recently used go first.
// Only answers made while the database stayed in the state the ETag names
// (Answer::keep) are kept; an error is never kept.
#pragma once

#include <cstddef>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "corpus/status.h"

namespace regdiff::tools {

class AnswerCache {
 public:
  struct Answer {
    Status status;      // the error when the answer could not be made
    std::string body;   // when status is ok
    bool keep = false;  // made in the state its ETag names: it may be kept
  };

  // Keeps up to `max_bytes` of bodies; 0 keeps none (but requests for the
  // same ETag at once still share one answer).
  explicit AnswerCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  AnswerCache(const AnswerCache&) = delete;
  AnswerCache& operator=(const AnswerCache&) = delete;

  // The answer for `etag`: the kept one; else the one another request is
  // making, once made; else `make`'s, kept if it may be and fits.
  std::shared_ptr<const Answer> Get(const std::string& etag, const std::function<Answer()>& make);

  // What is kept now, and how often Get found an answer kept or being made
  // (hits) rather than made it (misses).
  size_t bytes() const;
  size_t entries() const;
  int64_t hits() const;
  int64_t misses() const;

 private:
  using Shared = std::shared_ptr<const Answer>;
  struct Entry {
    Shared answer;
    std::list<std::string>::iterator recency;  // in recency_
  };

  void KeepLocked(const std::string& etag, Shared answer);

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> kept_;
  std::list<std::string> recency_;  // ETags, the most recently used first
  size_t bytes_ = 0;
  std::map<std::string, std::shared_future<Shared>> making_;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace regdiff::tools
