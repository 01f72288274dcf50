// ZipArchive: libzip over a memory buffer. One owner per libzip handle (the
// source until the archive takes it, the archive, each open entry); every
// entry is read in chunks of at most the remaining budget plus one byte, so a
// lying size field or a bomb stops at the first byte past a cap.
#include "ingest/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <utility>

namespace regdiff::ingest {
namespace {

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using ZipSource = std::unique_ptr<zip_source_t, SourceFree>;

struct FileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipFile = std::unique_ptr<zip_file_t, FileClose>;

// Owns a zip_error_t (it may hold a formatted message).
class ZipError {
 public:
  ZipError() { zip_error_init(&error_); }
  ~ZipError() { zip_error_fini(&error_); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;
  zip_error_t* get() { return &error_; }
  std::string message() { return zip_error_strerror(&error_); }

 private:
  zip_error_t error_;
};

constexpr size_t kChunkBytes = 64u << 10;

}  // namespace

void ZipArchive::Closer::operator()(zip* archive) const { zip_discard(archive); }

ZipArchive::ZipArchive(std::unique_ptr<zip, Closer> archive, size_t archive_bytes,
                       size_t entries, const ZipLimits& limits)
    : archive_(std::move(archive)),
      archive_bytes_(archive_bytes),
      entries_(entries),
      limits_(limits) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::Open(std::string_view bytes, const ZipLimits& limits) {
  ZipError error;
  // libzip wants a non-null pointer even for no bytes.
  static const char kNothing = 0;
  ZipSource source(
      zip_source_buffer_create(bytes.empty() ? &kNothing : bytes.data(), bytes.size(), 0, error.get()));
  if (!source) return Status::Internal("zip_source_buffer_create: " + error.message());
  std::unique_ptr<zip, Closer> archive(zip_open_from_source(source.get(), ZIP_RDONLY, error.get()));
  if (!archive) return Status::Corruption("not a zip archive: " + error.message());
  (void)source.release();  // the archive owns it now
  const zip_int64_t n = zip_get_num_entries(archive.get(), 0);
  if (n < 0) return Status::Corruption("not a zip archive: no entry count");
  const auto entries = static_cast<size_t>(n);
  if (entries > limits.max_entries) {
    return Status::TooLarge("zip archive with " + std::to_string(entries) +
                            " entries, over the limit of " + std::to_string(limits.max_entries) +
                            " entries");
  }
  return ZipArchive(std::move(archive), bytes.size(), entries, limits);
}

bool ZipArchive::Contains(std::string_view name) const {
  const std::string key(name);
  return zip_name_locate(archive_.get(), key.c_str(), 0) >= 0;
}

Result<std::string> ZipArchive::Read(std::string_view name) {
  const std::string key(name);
  const zip_int64_t index = zip_name_locate(archive_.get(), key.c_str(), 0);
  if (index < 0) return Status::NotFound("no " + key + " in the archive");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return Status::Corruption(key + ": " + zip_strerror(archive_.get()));
  }
  // The compressed size is declared, so it is only believed up to the
  // archive's own size (libzip cannot read more than that).
  size_t compressed = archive_bytes_;
  if (stat.valid & ZIP_STAT_COMP_SIZE) {
    compressed = static_cast<size_t>(std::min<zip_uint64_t>(stat.comp_size, archive_bytes_));
  }
  compressed = std::max<size_t>(compressed, 1);

  ZipFile file(zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file) return Status::Corruption(key + ": " + zip_strerror(archive_.get()));
  const size_t budget = limits_.max_inflated_bytes - std::min(inflated_, limits_.max_inflated_bytes);
  std::string out;
  char chunk[kChunkBytes];
  for (;;) {
    // At most the budget plus one byte: the one byte that proves it is past.
    const size_t left = budget - out.size();
    const size_t want = left >= kChunkBytes ? kChunkBytes : left + 1;
    const zip_int64_t got = zip_fread(file.get(), chunk, want);
    if (got < 0) return Status::Corruption(key + ": " + zip_file_strerror(file.get()));
    if (got == 0) break;
    out.append(chunk, static_cast<size_t>(got));
    if (out.size() > budget) {
      inflated_ = limits_.max_inflated_bytes;
      return Status::TooLarge(key + ": inflated XML over the limit of " +
                              std::to_string(limits_.max_inflated_bytes) + " bytes per archive");
    }
    if (out.size() > kZipRatioFloorBytes && out.size() / compressed > limits_.max_ratio) {
      return Status::TooLarge(key + ": inflates more than " + std::to_string(limits_.max_ratio) +
                              " times its compressed size (" + std::to_string(compressed) +
                              " bytes), over the ratio limit");
    }
  }
  inflated_ += out.size();
  return out;
}

}  // namespace regdiff::ingest
