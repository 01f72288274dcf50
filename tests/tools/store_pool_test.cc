// StorePool: stores are opened once and lent again; no more than the pool's
// size are lent at once (Acquire waits for one given back); a discarded
// store is not lent again; an opener's error is returned and frees its turn.
#include "tools/store_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace regdiff::tools {
namespace {

// An opener of in-memory stores that counts them (or fails while told).
struct Opener {
  std::atomic<int> opened{0};
  std::atomic<bool> fail{false};
  StorePool::Opener get() {
    return [this]() -> Result<std::unique_ptr<AnnouncementStore>> {
      if (fail) return Status::IoError("cannot open");
      ++opened;
      return AnnouncementStore::Open(":memory:");
    };
  }
};

TEST(StorePool, LendsTheSameStoreAgainRatherThanOpenAnother) {
  Opener opener;
  StorePool pool(opener.get(), 2);
  AnnouncementStore* first = nullptr;
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok());
    first = &lease->store();
  }
  auto again = pool.Acquire();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(&again->store(), first);
  EXPECT_EQ(opener.opened, 1);
  EXPECT_EQ(pool.opened(), 1);
}

TEST(StorePool, LendsNoMoreThanItsSizeAtOnce) {
  Opener opener;
  StorePool pool(opener.get(), 2);
  auto a = pool.Acquire();
  auto b = pool.Acquire();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(&a->store(), &b->store());
  std::atomic<bool> lent{false};
  std::thread third([&] {
    auto c = pool.Acquire();
    EXPECT_TRUE(c.ok());
    lent = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(lent) << "a third store lent while two are out";
  { auto given_back = std::move(a).value(); }
  third.join();
  EXPECT_TRUE(lent);
  EXPECT_EQ(opener.opened, 2);
}

TEST(StorePool, OpensAnotherAfterOneIsDiscarded) {
  Opener opener;
  StorePool pool(opener.get(), 1);
  {
    auto lease = pool.Acquire();
    ASSERT_TRUE(lease.ok());
    lease->Discard();
  }
  auto next = pool.Acquire();
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(opener.opened, 2);
}

TEST(StorePool, ReturnsTheOpenersErrorAndFreesItsTurn) {
  Opener opener;
  StorePool pool(opener.get(), 1);
  opener.fail = true;
  auto failed = pool.Acquire();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), Status::Code::kIoError);
  opener.fail = false;
  auto next = pool.Acquire();  // would wait for ever had the failure kept the turn
  EXPECT_TRUE(next.ok());
}

}  // namespace
}  // namespace regdiff::tools
