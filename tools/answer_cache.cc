#include "tools/answer_cache.h"

#include <utility>

namespace regdiff::tools {

std::shared_ptr<const AnswerCache::Answer> AnswerCache::Get(const std::string& etag,
                                                            const std::function<Answer()>& make) {
  std::promise<Shared> promise;
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (auto it = kept_.find(etag); it != kept_.end()) {
      ++hits_;
      recency_.splice(recency_.begin(), recency_, it->second.recency);
      return it->second.answer;
    }
    if (auto it = making_.find(etag); it != making_.end()) {
      ++hits_;
      std::shared_future<Shared> made = it->second;
      lock.unlock();
      return made.get();
    }
    ++misses_;
    making_.emplace(etag, promise.get_future().share());
  }
  Shared answer = std::make_shared<const Answer>(make());
  {
    std::lock_guard<std::mutex> lock(mu_);
    making_.erase(etag);
    if (answer->keep && answer->status.ok()) KeepLocked(etag, answer);
  }
  promise.set_value(answer);
  return answer;
}

void AnswerCache::KeepLocked(const std::string& etag, Shared answer) {
  const size_t size = answer->body.size();
  // One body may take a quarter of the room: a huge answer does not push
  // out every other.
  if (size > max_bytes_ / 4 || kept_.count(etag)) return;
  while (bytes_ + size > max_bytes_ && !recency_.empty()) {
    auto last = kept_.find(recency_.back());
    bytes_ -= last->second.answer->body.size();
    kept_.erase(last);
    recency_.pop_back();
  }
  recency_.push_front(etag);
  kept_.emplace(etag, Entry{std::move(answer), recency_.begin()});
  bytes_ += size;
}

size_t AnswerCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

size_t AnswerCache::entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return kept_.size();
}

int64_t AnswerCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

int64_t AnswerCache::misses() const {
  std::lock_guard<std::mutex> lock(mu_);
  return misses_;
}

}  // namespace regdiff::tools
