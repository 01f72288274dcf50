// A small PDF writer for tests and fuzz seeds: pages of text placed at given
// positions, written with one Type0 font (Identity-H, two-byte codes equal to
// the Unicode code point, with a ToUnicode CMap), so Chinese and English text
// extracts through poppler as written. Also writes what a reader must refuse:
// pages holding only an image (a scan), and a file locked by a password.
// Every file has a correct cross-reference table.
#pragma once

#include <string>
#include <vector>

namespace regdiff::testing {

// One string of text on a page. Coordinates in points from the page's
// top-left corner: `x` the left edge of the first glyph, `y` its baseline.
// ASCII glyphs are 0.5 em wide, a space 0.25 em, anything else 1 em.
struct PdfRun {
  double x = 72;
  double y = 72;
  std::string utf8;  // characters of the Basic Multilingual Plane only
  double size = 12;  // font size in points
};

struct PdfPage {
  std::vector<PdfRun> runs;
  bool image = false;  // also paint a small grey image (all a scan's page holds)
};

struct PdfSpec {
  std::vector<PdfPage> pages;
  double width = 595;  // A4, points
  double height = 842;
  // An /Encrypt dictionary (Standard handler, revision 2) whose user
  // password is not empty: poppler opens the file locked.
  bool encrypted = false;
};

// The bytes of a PDF 1.7 file.
std::string WritePdf(const PdfSpec& spec);

// The width in points of `utf8` at `size` as WritePdf sets it (for placing a
// run right after another).
double PdfTextWidth(const std::string& utf8, double size);

}  // namespace regdiff::testing
