#include "tools/store_pool.h"

#include <algorithm>
#include <utility>

namespace regdiff::tools {

StorePool::StorePool(Opener open, int size) : open_(std::move(open)), free_(std::max(size, 1)) {}

StorePool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), store_(std::move(other.store_)), discard_(other.discard_) {
  other.pool_ = nullptr;
}

StorePool::Lease::~Lease() {
  if (pool_) pool_->GiveBack(std::move(store_), discard_);
}

Result<StorePool::Lease> StorePool::Acquire() {
  std::unique_ptr<AnnouncementStore> store;
  {
    std::unique_lock<std::mutex> lock(mu_);
    freed_.wait(lock, [this] { return free_ > 0; });
    --free_;
    if (!idle_.empty()) {
      store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  // Opened outside the lock: other requests go on meanwhile.
  auto opened = open_();
  if (!opened.ok()) {
    GiveBack(nullptr, true);
    return opened.status();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++opened_;
  }
  return Lease(this, std::move(opened).value());
}

void StorePool::GiveBack(std::unique_ptr<AnnouncementStore> store, bool discard) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (store && !discard) idle_.push_back(std::move(store));
    ++free_;
  }
  freed_.notify_one();
}

int StorePool::opened() const {
  std::lock_guard<std::mutex> lock(mu_);
  return opened_;
}

}  // namespace regdiff::tools
