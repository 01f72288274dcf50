// Charset detection and decoding of raw bytes to UTF-8 with ICU. Order of
// evidence: a byte-order mark, then a declared charset (<meta charset>,
// http-equiv Content-Type, or the caller's override/HTTP header), then ICU's
// detector. GB2312 and GBK are decoded as GB18030; Big5, UTF-16 and UTF-8 are
// supported. Invalid sequences become U+FFFD and are counted, never a crash.
#pragma once

#include <string>
#include <string_view>

#include "corpus/status.h"

namespace regdiff::ingest {

struct DecodedText {
  std::string utf8;              // the decoded text, valid UTF-8, BOM removed
  std::string declared_charset;  // as declared by the page or caller, lowercase; "" if none
  std::string detected_charset;  // ICU's best guess, lowercase; "" if not run
  std::string used_charset;      // the converter actually used, e.g. "gb18030"
  int replaced_chars = 0;        // invalid sequences replaced by U+FFFD
  // Why the declared charset was not used, for people ("92% of its ...");
  // "" when it was used, none was declared, or no reason was recorded.
  std::string overruled_because;
};

// The converter regdiff uses for a charset label ("GB2312" -> "gb18030",
// "UTF8" -> "utf-8"); unknown labels are returned lowercased.
std::string ConverterForLabel(std::string_view label);

// Reads the charset a page declares in its first 4 KiB (<meta charset=...>,
// <meta http-equiv="Content-Type" content="...charset=...">), lowercase, or "".
std::string DeclaredCharset(std::string_view bytes);

// Decodes `bytes`. `override_charset` (e.g. from an HTTP header or a sources
// file), when not empty, is tried after a BOM and before the page's own
// declaration. A declared charset that plainly lies (decoding yields many
// replacement characters while valid UTF-8 or the detector's guess decodes
// cleanly) is overruled; so is a GB declaration on Big5 bytes (or a Big5 one
// on GB bytes), which decode without an error as nonsense, when the share of
// two-byte characters with a trail byte below 0xA1 says so (at least 20%:
// Big5; under 5%: GB; on 16 such characters or more) and the other charset
// decodes every byte. UTF-16 without a BOM is read in the byte order whose
// text is at least 95% plain (ASCII, CJK, their punctuation).
// Errors: kCorruption for binary data (NUL bytes or control bytes in a large
// share of the input, after BOM handling); kInvalidArgument for empty input.
Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view override_charset = {});

}  // namespace regdiff::ingest
