// The bodies of the fuzz targets over parsers/: the Chinese parser, the
// English parser and the date finder, shared by the libFuzzer executables in
// this folder and by the GoogleTest that replays tests/fixtures/fuzz/<target>/
// (tests/parsers). Each returns 0 and aborts when a contract is broken.
#pragma once

#include <cstddef>
#include <cstdint>

namespace regdiff::fuzz {

int FuzzZhParser(const uint8_t* data, size_t size);  // BuildAnnouncement (Chinese rules), ParseAnnouncements
int FuzzEnParser(const uint8_t* data, size_t size);  // BuildAnnouncement (English rules), ParseAnnouncements
int FuzzDates(const uint8_t* data, size_t size);     // FindDates, DateAtStart, ParseDate

}  // namespace regdiff::fuzz
