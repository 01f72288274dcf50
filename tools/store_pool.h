// StorePool: the read-only stores `regdiff serve` answers from, opened once
// and kept between requests (opening one, with its checks of the schema,
// costs more than many an answer). At most `size` are in use at once, each by
// one request (a SQLite connection is not shared between threads here):
// Acquire waits for a free one, which is also how the server caps the
// requests reading the database at once.
//
// A kept connection sees every commit made since its last read (each read
// is its own transaction, in WAL mode). A store that failed is discarded
// rather than kept, and the next request opens a new one.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "corpus/status.h"
#include "corpus/store.h"

namespace regdiff::tools {

class StorePool {
 public:
  using Opener = std::function<Result<std::unique_ptr<AnnouncementStore>>()>;

  StorePool(Opener open, int size);
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  // One store, lent to its holder until the lease ends.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    AnnouncementStore& store() { return *store_; }
    // The store is not given back to the pool: the next Acquire opens
    // another (after an error that may have left it unusable).
    void Discard() { discard_ = true; }

   private:
    friend class StorePool;
    Lease(StorePool* pool, std::unique_ptr<AnnouncementStore> store)
        : pool_(pool), store_(std::move(store)) {}
    StorePool* pool_;
    std::unique_ptr<AnnouncementStore> store_;
    bool discard_ = false;
  };

  // Waits until fewer than `size` stores are lent, then lends a kept one or
  // opens one. Errors: the opener's.
  Result<Lease> Acquire();

  // How many stores were opened in all (kept ones are reused, not counted again).
  int opened() const;

 private:
  void GiveBack(std::unique_ptr<AnnouncementStore> store, bool discard);

  const Opener open_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  int free_ = 0;  // how many more may be lent
  std::vector<std::unique_ptr<AnnouncementStore>> idle_;
  int opened_ = 0;
};

}  // namespace regdiff::tools
