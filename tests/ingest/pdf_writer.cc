// PDF writing for tests: see pdf_writer.h. Objects are written in order with
// their offsets noted, then the xref table and trailer.
#include "tests/ingest/pdf_writer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace regdiff::testing {
namespace {

// Decodes UTF-8 to code points; anything past the BMP or malformed becomes
// U+FFFD (the writer is for our own test text).
std::vector<unsigned> CodePoints(const std::string& utf8) {
  std::vector<unsigned> out;
  size_t i = 0;
  while (i < utf8.size()) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = 0xFFFD;
    size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < utf8.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu);
      len = 2;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < utf8.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(utf8[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(utf8[i + 2]) & 0x3Fu);
      len = 3;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

double GlyphWidth(unsigned cp) {  // in 1/1000 em, as the /W array says
  if (cp == 0x20) return 250;
  if (cp < 0x80) return 500;
  return 1000;
}

std::string Hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFFu);
  return buf;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

class Writer {
 public:
  // Appends object `num` (numbers must come in order 1, 2, ...).
  void Object(int num, const std::string& body) {
    offsets_.resize(num + 1, 0);
    offsets_[num] = out_.size();
    out_.append(std::to_string(num)).append(" 0 obj\n").append(body).append("\nendobj\n");
  }
  void Stream(int num, const std::string& dict_entries, const std::string& data) {
    std::string body = "<< /Length " + std::to_string(data.size());
    body.append(dict_entries).append(" >>\nstream\n").append(data).append("\nendstream");
    Object(num, body);
  }
  std::string Finish(const std::string& trailer_entries) {
    size_t xref = out_.size();
    int count = static_cast<int>(offsets_.size());
    out_.append("xref\n0 ").append(std::to_string(count)).append("\n");
    out_.append("0000000000 65535 f \n");
    for (int i = 1; i < count; ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", offsets_[i]);
      out_.append(buf);
    }
    out_.append("trailer\n<< /Size ").append(std::to_string(count));
    out_.append(" /Root 1 0 R").append(trailer_entries).append(" >>\nstartxref\n");
    out_.append(std::to_string(xref)).append("\n%%EOF\n");
    return out_;
  }

 private:
  std::string out_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets_{0};
};

std::string ToUnicodeCMap(const std::set<unsigned>& used) {
  std::ostringstream m;
  m << "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
       "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<unsigned> codes(used.begin(), used.end());
  for (size_t i = 0; i < codes.size(); i += 100) {
    size_t n = std::min<size_t>(100, codes.size() - i);
    m << n << " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      m << '<' << Hex4(codes[k]) << "> <" << Hex4(codes[k]) << ">\n";
    }
    m << "endbfchar\n";
  }
  m << "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend";
  return m.str();
}

}  // namespace

double PdfTextWidth(const std::string& utf8, double size) {
  double w = 0;
  for (unsigned cp : CodePoints(utf8)) w += GlyphWidth(cp);
  return w * size / 1000;
}

std::string WritePdf(const PdfSpec& spec) {
  // 1 catalog, 2 page tree, 3 Type0 font, 4 CID font, 5 descriptor,
  // 6 ToUnicode, 7 image, 8 encryption; then a page and its content each.
  constexpr int kFirstPage = 9;
  std::set<unsigned> used;
  for (const PdfPage& page : spec.pages) {
    for (const PdfRun& run : page.runs) {
      for (unsigned cp : CodePoints(run.utf8)) used.insert(cp);
    }
  }
  Writer w;
  w.Object(1, "<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (size_t i = 0; i < spec.pages.size(); ++i) {
    kids.append(std::to_string(kFirstPage + 2 * static_cast<int>(i))).append(" 0 R ");
  }
  w.Object(2, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(spec.pages.size()) +
                  " >>");
  w.Object(3,
           "<< /Type /Font /Subtype /Type0 /BaseFont /RegdiffTestSans /Encoding /Identity-H "
           "/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>");
  w.Object(4,
           "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /RegdiffTestSans "
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
           "/FontDescriptor 5 0 R /DW 1000 /W [32 [250] 33 127 500] /CIDToGIDMap /Identity >>");
  w.Object(5,
           "<< /Type /FontDescriptor /FontName /RegdiffTestSans /Flags 4 "
           "/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
           "/CapHeight 700 /StemV 80 >>");
  w.Stream(6, "", ToUnicodeCMap(used));
  // A 4 x 4 grey image, uncompressed.
  w.Stream(7,
           " /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray "
           "/BitsPerComponent 8",
           std::string(16, '\x80'));
  // Standard security handler, revision 2: O and U that no empty password
  // produces, so the file stays locked.
  w.Object(8,
           "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
           "/O <" +
               std::string(64, 'A') + "> /U <" + std::string(64, '5') + "> >>");
  for (size_t i = 0; i < spec.pages.size(); ++i) {
    const PdfPage& page = spec.pages[i];
    int page_num = kFirstPage + 2 * static_cast<int>(i);
    std::string content;
    if (page.image) content.append("q 400 0 0 560 96 140 cm /Im1 Do Q\n");
    for (const PdfRun& run : page.runs) {
      content.append("BT /F1 ").append(Num(run.size)).append(" Tf 1 0 0 1 ");
      content.append(Num(run.x)).append(" ").append(Num(spec.height - run.y)).append(" Tm <");
      for (unsigned cp : CodePoints(run.utf8)) content.append(Hex4(cp));
      content.append("> Tj ET\n");
    }
    w.Object(page_num, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + Num(spec.width) + " " +
                           Num(spec.height) +
                           "] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> "
                           "/Contents " +
                           std::to_string(page_num + 1) + " 0 R >>");
    w.Stream(page_num + 1, "", content);
  }
  std::string trailer;
  if (spec.encrypted) {
    trailer =
        " /Encrypt 8 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
        "<0123456789ABCDEF0123456789ABCDEF>]";
  }
  return w.Finish(trailer);
}

}  // namespace regdiff::testing
