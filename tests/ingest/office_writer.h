// Builds Office files in memory for the tests and the fuzz seeds: zip
// archives written with libzip (stored or deflated entries, fixed times so
// the same parts give the same bytes), and the minimal DOCX and XLSX parts
// around XML a test gives.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace regdiff::testing {

inline constexpr char kWordNs[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

struct ZipPart {
  std::string name;      // "word/document.xml"
  std::string contents;  // the entry's bytes
  bool deflate = true;   // false: stored
};

// The archive's bytes; aborts the test binary when libzip fails.
std::string WriteZip(const std::vector<ZipPart>& parts);

// The parts of a DOCX whose w:body holds `body_xml` (with the w: and mc:
// prefixes declared); numbering and styles parts only when not empty.
std::vector<ZipPart> DocxParts(const std::string& body_xml, const std::string& numbering_xml = "",
                               const std::string& styles_xml = "");
std::string Docx(const std::string& body_xml, const std::string& numbering_xml = "",
                 const std::string& styles_xml = "");

// One paragraph with one run of text (XML-escaped).
std::string Para(const std::string& text);

// word/numbering.xml around `abstract_and_num_xml` (w:abstractNum and w:num elements).
std::string NumberingXml(const std::string& abstract_and_num_xml);

struct XlsxSheet {
  std::string name;
  std::string sheet_data;  // what goes inside <sheetData> (row elements)
};

// The parts of an XLSX with `sheets` in order and `shared` as
// xl/sharedStrings.xml (each a plain <si><t>; none: no part). The sheets'
// relationship ids run backwards (rId9 for the first) and their files are
// numbered backwards too, so that only the workbook gives the order.
std::vector<ZipPart> XlsxParts(const std::vector<XlsxSheet>& sheets,
                               const std::vector<std::string>& shared = {});
std::string Xlsx(const std::vector<XlsxSheet>& sheets, const std::vector<std::string>& shared = {});

std::string XmlEscape(const std::string& text);

}  // namespace regdiff::testing
