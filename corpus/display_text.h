// How bytes that ought to be text are shown to people and written as JSON:
// file names (any bytes but '/' and NUL, GBK names from a Chinese zip
// included), URLs, and titles, names and quotes from documents. The store
// keeps such names as the bytes they are; these forms are made when they are
// written out. One escape for every form: \xNN, two lower-case hex digits.
#pragma once

#include <string>
#include <string_view>

namespace regdiff {

// True when `bytes` is well-formed UTF-8 (RFC 3629, as nlohmann-json reads it).
bool IsUtf8(std::string_view bytes);

// `bytes` as valid UTF-8, for JSON: well-formed UTF-8 as it is (control
// characters included: JSON escapes them itself), each byte of an ill-formed
// sequence as the four characters \xNN ("\xc9\xcc.html" for GBK 商.html).
// Not reversible: a name that holds a backslash and "x" shows the same; the
// bytes stay in the store.
std::string Utf8DisplayForm(std::string_view bytes);

// `bytes` for a terminal, a log line or a Markdown or plain-text cell:
// Utf8DisplayForm, and every control character as \xNN with its code point:
// C0 (tab, line feed and carriage return included), DEL, and C1 (U+0080 to
// U+009F; written as UTF-8 or as a stray byte). Nothing a terminal reads as a
// command (ESC, CSI, OSC, BEL) and no line break is left, so one value stays
// on its line. Every other character, CJK included, as it is.
std::string EscapeControls(std::string_view bytes);

// EscapeControls for text of several lines: each line feed kept, the
// rest escaped as EscapeControls escapes it.
std::string EscapeControlsKeepingLines(std::string_view text);

}  // namespace regdiff
