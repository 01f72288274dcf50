// The bodies of the fuzz targets over ingest/ (one per entry point that reads
// untrusted bytes), shared by the libFuzzer executables in this folder and by
// the GoogleTest that replays tests/fixtures/fuzz/<target>/ (tests/ingest).
// Each returns 0 and aborts when a contract of the entry point is broken.
#pragma once

#include <cstddef>
#include <cstdint>

namespace regdiff::fuzz {

int FuzzCharset(const uint8_t* data, size_t size);        // DecodeToUtf8
int FuzzHtmlText(const uint8_t* data, size_t size);       // HtmlToText
int FuzzDocumentText(const uint8_t* data, size_t size);   // ExtractDocumentText
int FuzzSourcesFile(const uint8_t* data, size_t size);    // ParseSourcesFile
int FuzzLinkExtractor(const uint8_t* data, size_t size);  // ExtractLinks, ExtractJsonListLinks, FindNextPageUrl
int FuzzPdfText(const uint8_t* data, size_t size);        // PdfToText
// DocxToText and XlsxToText. Bytes starting "PK" are the archive itself;
// other bytes are XML parts split at NUL bytes, zipped (stored) by
// tests/ingest/office_writer.h, so that libFuzzer can mutate the XML without
// breaking a CRC: for DOCX word/document.xml, word/numbering.xml,
// word/styles.xml; for XLSX the first sheet's XML and xl/sharedStrings.xml.
int FuzzDocxText(const uint8_t* data, size_t size);
int FuzzXlsxText(const uint8_t* data, size_t size);

}  // namespace regdiff::fuzz
