// Loopback imitations of the list endpoints behind MOFCOM's JavaScript list
// pages, as public crawlers of the real sites describe them (sources.toml
// cites them), installed as handlers on a LocalHttpServer:
//  - www.mofcom.gov.cn's page builder, GET /api-gateway/jpaas-publish-server/
//    front/page/build/unit?parseType=bulidstatic&webId=..&pageId=..&tagId=分页列表
//    ...: JSON whose data.html is the list (div#分页列表 ul.txtList_01 > li >
//    a[href][title] + span date), page N when paramJson={"pageNo":N,...};
//  - exportcontrol.mofcom.gov.cn's column list, POST /edi_ecms_web_front/
//    front/column/getColumnList with pageNumber=N&columnID=C: JSON
//    {"pageInfo":{"rows":[{"url","title",...}]}}, every character outside
//    ASCII sent as '?' unless the request carries X-Requested-With:
//    XMLHttpRequest.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/local_http_server.h"

namespace regdiff::testing {

inline constexpr char kUnitPath[] = "/api-gateway/jpaas-publish-server/front/page/build/unit";
inline constexpr char kUnitPageId[] = "fc8bdff48fa345a48b651c1285b70b8f";
inline constexpr char kColumnListPath[] = "/edi_ecms_web_front/front/column/getColumnList";

struct ListedArticle {
  std::string href;  // as the list writes it
  std::string title;
  std::string date = "2025-10-09";
};

// The unit endpoint's query for page 1, as the list page's queryData gives it
// (tagId percent-encoded UTF-8), and the template of later pages.
inline std::string UnitQuery(const std::string& page_id = kUnitPageId) {
  return std::string("?parseType=bulidstatic&webId=8f43c7ad3afc411fb56f281724b73708"
                     "&tplSetId=52551ea0e2c14bca8c84792f7aa37ead&pageType=column"
                     "&tagId=%E5%88%86%E9%A1%B5%E5%88%97%E8%A1%A8&editType=null&pageId=") +
         page_id;
}
inline std::string UnitPageTemplate() {
  return UnitQuery() + "&paramJson=%7B%22pageNo%22%3A{page}%2C%22pageSize%22%3A15%7D";
}

// Serves the page builder: `pages[i]` is list page i + 1; `sidebar` links sit
// beside the list (the "related" box of the real pages). A request for
// another pageId or tagId gets {"success":false,...,"data":null}; a page
// past the last an empty list.
inline void ServeUnit(LocalHttpServer& server, std::vector<std::vector<ListedArticle>> pages,
                      std::vector<ListedArticle> sidebar = {}) {
  server.SetHandler(kUnitPath, [pages, sidebar](const SeenRequest& r) {
    using Json = nlohmann::json;
    Reply reply;
    reply.content_type = "application/json; charset=UTF-8";
    if (r.method != "GET") return Reply::Code(405, "{\"success\":false}");
    if (r.Param("pageId") != kUnitPageId || r.Param("tagId") != "分页列表" ||
        r.Param("parseType") != "bulidstatic") {
      reply.body = Json{{"success", false}, {"code", "500"}, {"message", "unit not found"},
                        {"data", nullptr}}.dump();
      return reply;
    }
    size_t page = 1;
    if (const std::string p = r.Param("paramJson"); !p.empty()) {
      page = Json::parse(p).at("pageNo").get<size_t>();
    }
    std::string html = "<div id=\"分页列表\"><div class=\"page-content\"><ul class=\"txtList_01\">";
    if (page >= 1 && page <= pages.size()) {
      for (const ListedArticle& a : pages[page - 1]) {
        // The text is cut short; title="..." holds the whole title.
        size_t n = std::min<size_t>(a.title.size(), 30);
        while (n < a.title.size() && (static_cast<unsigned char>(a.title[n]) & 0xC0) == 0x80) --n;
        const std::string shown = a.title.substr(0, n);
        html += "<li><a href=\"" + a.href + "\" target=\"_blank\" title=\"" + a.title + "\">" +
                shown + "</a><span>[" + a.date + "]</span></li>";
      }
    }
    html += "</ul><div class=\"pagination\" rows=\"15\" count=\"" + std::to_string(pages.size() * 15) +
            "\" pageNo=\"" + std::to_string(page) + "\"></div></div></div>"
            "<div class=\"related\"><ul>";
    for (const ListedArticle& a : sidebar) {
      html += "<li><a href=\"" + a.href + "\" title=\"" + a.title + "\">" + a.title + "</a></li>";
    }
    html += "</ul></div>";
    reply.body = Json{{"roles", nullptr},     {"permissions", nullptr}, {"success", true},
                      {"message", "操作成功"}, {"code", "200"},          {"data", {{"html", html}}},
                      {"traceId", "0a1b2c"}}.dump();
    return reply;
  });
}

// `text` with every code point outside ASCII replaced by one '?'.
inline std::string QuestionMarks(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c >= 0xC0) out += '?';  // a lead byte; continuation bytes vanish
  }
  return out;
}

// The value of `key` in an application/x-www-form-urlencoded body (no
// decoding: the tests send digits).
inline std::string FormValue(const std::string& body, const std::string& key) {
  size_t at = 0;
  while (at <= body.size()) {
    const size_t end = std::min(body.find('&', at), body.size());
    const std::string pair = body.substr(at, end - at);
    if (pair.rfind(key + "=", 0) == 0) return pair.substr(key.size() + 1);
    at = end + 1;
  }
  return "";
}

// Serves the column list of column `column_id`: `pages[i]` is page i + 1.
inline void ServeColumnList(LocalHttpServer& server, int column_id,
                            std::vector<std::vector<ListedArticle>> pages) {
  server.SetHandler(kColumnListPath, [column_id, pages](const SeenRequest& r) {
    using Json = nlohmann::json;
    if (r.method != "POST") return Reply::Code(405, "Request method 'GET' not supported");
    const bool xhr = r.Header("X-Requested-With") == "XMLHttpRequest";
    const std::string number = FormValue(r.body, "pageNumber");
    const size_t page = number.empty() ? 1 : std::stoul(number);
    Json rows = Json::array();
    if (FormValue(r.body, "columnID") == std::to_string(column_id) && page >= 1 &&
        page <= pages.size()) {
      int id = 1000;
      for (const ListedArticle& a : pages[page - 1]) {
        rows.push_back({{"id", ++id},
                        {"url", a.href},
                        {"title", xhr ? a.title : QuestionMarks(a.title)},
                        {"publishTimeStr", a.date + " 10:00:00"},
                        {"source", xhr ? std::string("商务部") : QuestionMarks("商务部")}});
      }
    }
    Reply reply;
    reply.content_type = "application/json;charset=UTF-8";
    reply.body = Json{{"pageInfo", {{"total", rows.size()}, {"maxPageNum", pages.size()},
                                    {"rows", rows}}}}.dump();
    return reply;
  });
}

}  // namespace regdiff::testing
