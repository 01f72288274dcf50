// A zip archive read from memory (libzip), for the Office readers: one
// move-only owner of the zip_t, opened read-only over the caller's bytes, that
// reads whole named entries while enforcing the caps on an untrusted archive
// as the bytes come out of the inflater (declared sizes are never trusted).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "corpus/status.h"

struct zip;

namespace regdiff::ingest {

// Caps on one archive; each is reported as a kTooLarge error naming it.
struct ZipLimits {
  size_t max_entries = 10000;             // files in the archive
  size_t max_inflated_bytes = 64u << 20;  // over every Read() of the archive
  size_t max_ratio = 200;                 // inflated / compressed bytes of one entry
};

// An entry is held to max_ratio once it has inflated past this many bytes:
// small parts of real files compress far better than 200:1 (runs of
// identical XML), and they cannot be a bomb.
inline constexpr size_t kZipRatioFloorBytes = 1u << 20;

class ZipArchive {
 public:
  // Opens `bytes` as a zip archive; `bytes` must outlive the archive (libzip
  // reads them in place, no copy). Errors: kCorruption (not a zip, a damaged
  // central directory), kTooLarge (more than limits.max_entries entries).
  static Result<ZipArchive> Open(std::string_view bytes, const ZipLimits& limits);

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  size_t entries() const { return entries_; }
  // Inflated bytes read so far by Read(), counted against max_inflated_bytes.
  size_t inflated_bytes() const { return inflated_; }

  bool Contains(std::string_view name) const;

  // The inflated contents of entry `name` (exact, case-sensitive). Errors:
  // kNotFound (no such entry), kCorruption (damaged data, a bad CRC, an
  // encrypted entry or a compression method libzip lacks), kTooLarge (past
  // max_inflated_bytes over all reads, or past max_ratio for this entry).
  Result<std::string> Read(std::string_view name);

 private:
  struct Closer {
    void operator()(zip* archive) const;
  };
  ZipArchive(std::unique_ptr<zip, Closer> archive, size_t archive_bytes, size_t entries,
             const ZipLimits& limits);

  std::unique_ptr<zip, Closer> archive_;
  size_t archive_bytes_ = 0;
  size_t entries_ = 0;
  size_t inflated_ = 0;
  ZipLimits limits_;
};

}  // namespace regdiff::ingest
