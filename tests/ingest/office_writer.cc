// The Office writer of the tests: libzip into a memory buffer (the source is
// kept past zip_close and read back), parts as plain XML strings.
#include "tests/ingest/office_writer.h"

#include <zip.h>

#include <cstdio>
#include <cstdlib>

namespace regdiff::testing {
namespace {

[[noreturn]] void Die(const char* what, zip_error_t* error) {
  std::fprintf(stderr, "office_writer: %s: %s\n", what, error ? zip_error_strerror(error) : "");
  std::abort();
}

constexpr char kXmlHead[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr char kRelNs[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr char kSheetNs[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

}  // namespace

std::string WriteZip(const std::vector<ZipPart>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) Die("zip_source_buffer_create", &error);
  zip_source_keep(buffer);  // read back after zip_close
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) Die("zip_open_from_source", &error);
  for (const ZipPart& part : parts) {
    zip_source_t* s = zip_source_buffer(archive, part.contents.data(), part.contents.size(), 0);
    if (!s) Die("zip_source_buffer", zip_get_error(archive));
    const zip_int64_t index = zip_file_add(archive, part.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(s);
      Die("zip_file_add", zip_get_error(archive));
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, i, part.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9) != 0 ||
        zip_file_set_mtime(archive, i, 1767225600, 0) != 0) {  // 2026-01-01
      Die("zip_set_file_compression", zip_get_error(archive));
    }
  }
  if (zip_close(archive) != 0) Die("zip_close", zip_get_error(archive));
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) {
    Die("zip_source_open", zip_source_error(buffer));
  }
  std::string out(static_cast<size_t>(stat.size), '\0');
  if (zip_source_read(buffer, out.data(), out.size()) != static_cast<zip_int64_t>(out.size())) {
    Die("zip_source_read", zip_source_error(buffer));
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

std::string XmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

std::string Para(const std::string& text) {
  std::string out = "<w:p><w:r><w:t xml:space=\"preserve\">";
  out += XmlEscape(text);
  out += "</w:t></w:r></w:p>";
  return out;
}

std::string NumberingXml(const std::string& abstract_and_num_xml) {
  std::string out = kXmlHead;
  out += "<w:numbering xmlns:w=\"";
  out += kWordNs;
  out += "\">";
  out += abstract_and_num_xml;
  out += "</w:numbering>";
  return out;
}

std::vector<ZipPart> DocxParts(const std::string& body_xml, const std::string& numbering_xml,
                               const std::string& styles_xml) {
  std::vector<ZipPart> parts;
  std::string types = kXmlHead;
  types +=
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  parts.push_back({"[Content_Types].xml", types});
  std::string document = kXmlHead;
  document += "<w:document xmlns:w=\"";
  document += kWordNs;
  document +=
      "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>";
  document += body_xml;
  document += "</w:body></w:document>";
  parts.push_back({"word/document.xml", document});
  if (!numbering_xml.empty()) parts.push_back({"word/numbering.xml", numbering_xml});
  if (!styles_xml.empty()) parts.push_back({"word/styles.xml", styles_xml});
  return parts;
}

std::string Docx(const std::string& body_xml, const std::string& numbering_xml,
                 const std::string& styles_xml) {
  return WriteZip(DocxParts(body_xml, numbering_xml, styles_xml));
}

std::vector<ZipPart> XlsxParts(const std::vector<XlsxSheet>& sheets,
                               const std::vector<std::string>& shared) {
  std::vector<ZipPart> parts;
  std::string workbook = kXmlHead;
  workbook += "<workbook xmlns=\"";
  workbook += kSheetNs;
  workbook += "\" xmlns:r=\"";
  workbook += kRelNs;
  workbook += "\"><sheets>";
  std::string rels = kXmlHead;
  rels += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string id = "rId" + std::to_string(9 - i);
    const std::string file = "sheet" + std::to_string(sheets.size() - i) + ".xml";
    workbook += "<sheet name=\"" + XmlEscape(sheets[i].name) + "\" sheetId=\"" +
                std::to_string(i + 1) + "\" r:id=\"" + id + "\"/>";
    rels += "<Relationship Id=\"" + id +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"worksheets/" + file + "\"/>";
    std::string sheet = kXmlHead;
    sheet += "<worksheet xmlns=\"";
    sheet += kSheetNs;
    sheet += "\"><sheetData>";
    sheet += sheets[i].sheet_data;
    sheet += "</sheetData></worksheet>";
    parts.push_back({"xl/worksheets/" + file, sheet});
  }
  workbook += "</sheets></workbook>";
  rels += "</Relationships>";
  parts.push_back({"xl/workbook.xml", workbook});
  parts.push_back({"xl/_rels/workbook.xml.rels", rels});
  if (!shared.empty()) {
    std::string strings = kXmlHead;
    strings += "<sst xmlns=\"";
    strings += kSheetNs;
    strings += "\" count=\"" + std::to_string(shared.size()) + "\">";
    for (const std::string& s : shared) strings += "<si><t xml:space=\"preserve\">" + XmlEscape(s) + "</t></si>";
    strings += "</sst>";
    parts.push_back({"xl/sharedStrings.xml", strings});
  }
  return parts;
}

std::string Xlsx(const std::vector<XlsxSheet>& sheets, const std::vector<std::string>& shared) {
  return WriteZip(XlsxParts(sheets, shared));
}

}  // namespace regdiff::testing
