// The display forms of names and texts: \xNN for bytes that are no UTF-8
// (JSON and every output) and for control characters (terminal, Markdown).
#include "corpus/display_text.h"

#include <gtest/gtest.h>

#include <string>

namespace regdiff {
namespace {

struct Case {
  std::string in;
  std::string utf8;     // Utf8DisplayForm
  std::string visible;  // EscapeControls
};

const Case kCases[] = {
    {"/tmp/in/mofcom-2025-57.html", "/tmp/in/mofcom-2025-57.html", "/tmp/in/mofcom-2025-57.html"},
    {"商务部公告.html", "商务部公告.html", "商务部公告.html"},
    // 商务部 in GBK, from a Chinese zip: every byte ill-formed as UTF-8.
    {"\xc9\xcc\xce\xf1\xb2\xbf.html", "\\xc9\\xcc\\xce\\xf1\\xb2\\xbf.html",
     "\\xc9\\xcc\\xce\\xf1\\xb2\\xbf.html"},
    // A GBK byte pair that starts like UTF-8 (0xE5 0x95 then ASCII).
    {"\xe5\x95" "a", "\\xe5\\x95a", "\\xe5\\x95a"},
    {"\xed\xa0\x80", "\\xed\\xa0\\x80", "\\xed\\xa0\\x80"},  // a surrogate
    {"\xc0\xaf", "\\xc0\\xaf", "\\xc0\\xaf"},                // overlong '/'
    {"\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80", "\\xf4\\x90\\x80\\x80"},  // past U+10FFFF
    // Control characters: JSON escapes them itself; a terminal must not see them.
    {"a\x1b[2Jb", "a\x1b[2Jb", "a\\x1b[2Jb"},
    {"\x1b]0;title\x07", "\x1b]0;title\x07", "\\x1b]0;title\\x07"},
    {"one\ntwo\r\tthree", "one\ntwo\r\tthree", "one\\x0atwo\\x0d\\x09three"},
    {"del\x7f", "del\x7f", "del\\x7f"},
    {"csi\xc2\x9b" "31m", "csi\xc2\x9b" "31m", "csi\\x9b31m"},  // C1 CSI as UTF-8
    {"csi\x9b" "31m", "csi\\x9b31m", "csi\\x9b31m"},            // C1 CSI as a stray byte
    {"nbsp\xc2\xa0x", "nbsp\xc2\xa0x", "nbsp\xc2\xa0x"},        // U+00A0 is no control
    {"back\\slash `tick` <b>", "back\\slash `tick` <b>", "back\\slash `tick` <b>"},
    {"", "", ""},
};

TEST(DisplayText, Utf8DisplayFormEscapesOnlyBytesThatAreNoUtf8) {
  for (const Case& c : kCases) EXPECT_EQ(Utf8DisplayForm(c.in), c.utf8) << c.in;
}

TEST(DisplayText, EscapeControlsAlsoShowsEveryControlCharacter) {
  for (const Case& c : kCases) EXPECT_EQ(EscapeControls(c.in), c.visible) << c.in;
}

TEST(DisplayText, EscapeControlsKeepingLinesKeepsOnlyLineFeeds) {
  EXPECT_EQ(EscapeControlsKeepingLines("title\x1b[31m\nquote\r\x07\n"),
            "title\\x1b[31m\nquote\\x0d\\x07\n");
  EXPECT_EQ(EscapeControlsKeepingLines("\xc9\xcc\n"), "\\xc9\\xcc\n");
}

TEST(DisplayText, IsUtf8) {
  EXPECT_TRUE(IsUtf8(""));
  EXPECT_TRUE(IsUtf8("商务部 a\x1b"));
  EXPECT_FALSE(IsUtf8("\xc9\xcc"));
  EXPECT_FALSE(IsUtf8("\xe5\x95"));
}

// Every string of up to two bytes: the JSON form is UTF-8, and the terminal
// form is UTF-8 holding no C0, DEL or C1 control character.
TEST(DisplayText, EveryShortInputComesOutValidAndWithoutControls) {
  for (int a = 0; a < 256; ++a) {
    for (int b = -1; b < 256; ++b) {
      std::string in(1, static_cast<char>(a));
      if (b >= 0) in += static_cast<char>(b);
      ASSERT_TRUE(IsUtf8(Utf8DisplayForm(in))) << a << " " << b;
      const std::string shown = EscapeControls(in);
      ASSERT_TRUE(IsUtf8(shown)) << a << " " << b;
      for (size_t i = 0; i < shown.size(); ++i) {
        const auto c = static_cast<unsigned char>(shown[i]);
        ASSERT_FALSE(c < 0x20 || c == 0x7f) << a << " " << b;
        ASSERT_FALSE(c == 0xc2 && i + 1 < shown.size() &&
                     static_cast<unsigned char>(shown[i + 1]) <= 0x9f)
            << a << " " << b;
      }
    }
  }
}

}  // namespace
}  // namespace regdiff
