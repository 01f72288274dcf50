// The synthetic page generator: an article built from templates (preamble,
// sections of items with HS codes, closing paragraphs, effective clause,
// signature), wrapped in site chrome (scripts, styles, menus, sidebars,
// forms, footers) until the page reaches its drawn size; GBK pages encoded
// with ICU.
#include "tests/bench/synthetic_corpus.h"

#include <unicode/localpointer.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <algorithm>
#include <cstdio>
#include <span>
#include <string_view>
#include <vector>

#include "corpus/elements.h"

namespace regdiff::bench {
namespace {

enum class Script { kHans, kHant, kEn };

// --- numbers and small formatting helpers ---

std::string ChineseNumeral(int n) {  // 1..99
  static constexpr std::string_view kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 10) return n == 10 ? "十" : std::string(kDigits[n]);
  if (n < 20) return "十" + std::string(kDigits[n % 10]);
  return std::string(kDigits[n / 10]) + "十" + std::string(kDigits[n % 10]);
}

std::string Roman(int n) {  // 1..39
  static constexpr std::string_view kTens[] = {"", "X", "XX", "XXX"};
  static constexpr std::string_view kOnes[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  return std::string(kTens[n / 10]) + std::string(kOnes[n % 10]);
}

std::string Num(long long n) { return std::to_string(n); }

std::string Pad(int n, int width) {
  std::string s = std::to_string(n);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

struct Ymd {
  int y, m, d;
};

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

Ymd AddDays(Ymd d, int days) {
  for (int i = 0; i < days; ++i) {
    if (++d.d > DaysInMonth(d.y, d.m)) {
      d.d = 1;
      if (++d.m > 12) {
        d.m = 1;
        ++d.y;
      }
    }
  }
  return d;
}

std::string ZhDate(const Ymd& d) { return Num(d.y) + "年" + Num(d.m) + "月" + Num(d.d) + "日"; }
std::string IsoDate(const Ymd& d) { return Num(d.y) + "-" + Pad(d.m, 2) + "-" + Pad(d.d, 2); }
std::string EnDate(const Ymd& d) {
  static constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",
                                                 "May",     "June",     "July",      "August",
                                                 "September", "October", "November", "December"};
  return std::string(kMonths[d.m - 1]) + " " + Num(d.d) + ", " + Num(d.y);
}

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string Identifier(SplitMix64& rng, int len) {
  static constexpr char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string s(1, kChars[rng.Range(0, 25)]);
  for (int i = 1; i < len; ++i) s += kChars[rng.Range(0, 35)];
  return s;
}

// Replaces every "{E}" in `pattern` with `value`.
std::string Fill(std::string_view pattern, std::string_view value) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern.compare(i, 3, "{E}") == 0) {
      out += value;
      i += 3;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

// --- the article's vocabulary (our own wording) ---

// Item name patterns, one row per form: Simplified, Traditional, English.
struct ItemForm {
  std::string_view hans, hant, en;
};
constexpr ItemForm kItemForms[] = {
    {"金属{E}、含{E}的合金及相关制品", "金屬{E}、含{E}的合金及相關製品",
     "{E} metal, alloys and related products"},
    {"氧化{E}及其混合物", "氧化{E}及其混合物", "{E} oxide and mixtures thereof"},
    {"含{E}的化合物及其混合物", "含{E}的化合物及其混合物", "compounds of {E} and mixtures thereof"},
    {"含{E}的靶材", "含{E}的靶材", "sputtering targets containing {E}"},
    {"纯度不低于99.99%的{E}粉末", "純度不低於99.99%的{E}粉末",
     "{E} powder with a purity of 99.99% or more"},
    {"{E}基永磁材料及其半成品", "{E}基永磁材料及其半成品",
     "{E}-based permanent magnet materials and semi-finished products"},
    {"用于{E}分离提纯的萃取设备", "用於{E}分離提純的萃取設備",
     "extraction equipment for separating and purifying {E}"},
    {"{E}冶炼用真空感应熔炼炉", "{E}冶煉用真空感應熔煉爐",
     "vacuum induction melting furnaces for {E} smelting"},
    {"含{E}的溅射靶材绑定设备", "含{E}的濺射靶材綁定設備",
     "bonding equipment for sputtering targets containing {E}"},
    {"{E}的有机金属化合物（纯度大于99.999%）", "{E}的有機金屬化合物（純度大於99.999%）",
     "organometallic compounds of {E} (purity above 99.999%)"},
};

constexpr ItemForm kSubForms[] = {
    {"{E}锭", "{E}錠", "{E} ingots"},
    {"{E}丝及{E}箔", "{E}絲及{E}箔", "{E} wire and foil"},
    {"{E}铁合金", "{E}鐵合金", "{E}-iron alloys"},
    {"{E}钴合金靶", "{E}鈷合金靶", "{E}-cobalt alloy targets"},
    {"用于上述设备的专用零部件", "用於上述設備的專用零部件",
     "specially designed parts for the equipment above"},
};

constexpr int kHsChapters[] = {2805, 2846, 3824, 8101, 8112, 8419, 8479, 8486, 8514, 8543, 9027};

// --- pieces of site chrome (menu labels, link texts, footers) ---

constexpr std::string_view kMenuZh[] = {
    "首页", "政务公开", "新闻发布", "政策发布", "数据统计", "办事服务", "互动交流", "对外贸易",
    "利用外资", "对外投资合作", "电子商务", "市场运行", "消费促进", "口岸管理", "出口管制",
    "贸易救济", "国际合作", "自贸区建设", "服务贸易", "商务法规", "在线访谈", "专题专栏",
    "通知公告", "人事信息", "机构设置", "领导信息", "规划计划", "财政信息", "建议提案",
};
constexpr std::string_view kMenuEn[] = {
    "Home", "About Us", "News Release", "Policy Release", "Statistics", "Services", "Interaction",
    "Foreign Trade", "Investment", "Outward Investment", "E-commerce", "Market", "Consumption",
    "Ports", "Export Control", "Trade Remedy", "Cooperation", "Free Trade Zones", "Services Trade",
    "Laws", "Interviews", "Topics", "Notices", "Personnel", "Departments", "Leaders",
};
constexpr std::string_view kSideZh[] = {
    "关于举办跨境电商促进活动的通知", "外贸企业稳订单拓市场工作指引",
    "部分商品进出口许可证申领说明", "年度对外投资合作发展报告发布",
    "服务贸易创新发展试点经验汇编", "商务领域安全生产工作部署会召开",
    "关于做好消费品以旧换新工作的通知", "边境贸易管理有关问题解答",
    "加工贸易梯度转移重点承接地名单", "重点联系企业统计调查制度说明",
    "两用物项出口许可申请常见问题", "对外贸易经营者备案登记办法解读",
};
constexpr std::string_view kSideEn[] = {
    "Notice on a cross-border e-commerce promotion week", "Guide for exporters on new markets",
    "How to apply for import and export licences", "Annual report on outward investment",
    "Pilot experience in services trade innovation", "Meeting on workplace safety in commerce",
    "Questions and answers on border trade", "List of processing trade transfer sites",
    "Frequently asked questions on dual-use licences", "Registration of foreign trade operators",
};
constexpr std::string_view kCssProps[] = {
    "margin:0 auto", "padding:4px 8px", "color:#333", "color:#b40000", "font-size:12px",
    "font-size:14px", "line-height:24px", "background:#f4f4f4", "border-bottom:1px solid #ddd",
    "text-align:center", "float:left", "display:block", "overflow:hidden", "width:1000px",
    "height:32px", "font-weight:bold", "text-decoration:none", "position:relative",
};

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ScriptBlock(SplitMix64& rng) {
  std::string id = Identifier(rng, 5), cls = Identifier(rng, 4);
  std::string s = "<script type=\"text/javascript\">\n";
  int functions = rng.Range(2, 6);
  for (int f = 0; f < functions; ++f) {
    std::string fn = "fn_" + id + Num(f);
    s += "function " + fn + "(el, opts) {\n"
         "  var items = document.querySelectorAll(\"." + cls + " li\");\n"
         "  for (var i = 0; i < items.length; i++) {\n"
         "    items[i].addEventListener(\"mouseover\", function () { this.className += \" on\"; });\n"
         "    items[i].addEventListener(\"mouseout\", function () { this.className = this.className.replace(\" on\", \"\"); });\n"
         "  }\n"
         "  if (opts && opts.delay > " + Num(rng.Range(10, 900)) + ") { return setTimeout(function () { " + fn + "(el); }, opts.delay); }\n"
         "  return el && el.innerHTML.length < " + Num(rng.Range(100, 9000)) + " ? el : null;\n"
         "}\n";
  }
  s += "var _conf_" + id + " = {site: \"" + Identifier(rng, 8) + "\", ver: \"" + Num(rng.Range(1, 9)) +
       "." + Num(rng.Range(0, 99)) + "\", track: [" + Num(rng.Range(1, 999)) + ", " +
       Num(rng.Range(1, 999)) + "]};\n</script>\n";
  return s;
}

std::string StyleBlock(SplitMix64& rng) {
  std::string s = "<style type=\"text/css\">\n";
  int rules = rng.Range(8, 30);
  for (int r = 0; r < rules; ++r) {
    s += '.';
    s += Identifier(rng, rng.Range(3, 8));
    s += " .";
    s += Identifier(rng, rng.Range(2, 6));
    s += '{';
    int props = rng.Range(2, 6);
    for (int p = 0; p < props; ++p) s += std::string(rng.Pick(kCssProps)) + ";";
    s += "}\n";
  }
  return s + "</style>\n";
}

std::string MenuBlock(SplitMix64& rng, bool en) {
  std::string s = rng.Percent(30) ? "<nav class=\"menu\">\n<ul>\n" : "<div class=\"nav\">\n<ul>\n";
  int top = rng.Range(6, 12);
  for (int t = 0; t < top; ++t) {
    std::string_view label = en ? rng.Pick(kMenuEn) : rng.Pick(kMenuZh);
    s += "<li class=\"nav-item\"><a href=\"/" + Identifier(rng, 4) + "/\">" + std::string(label) +
         "</a>\n<ul class=\"sub\">";
    int sub = rng.Range(3, 10);
    for (int k = 0; k < sub; ++k) {
      std::string_view sl = en ? rng.Pick(kMenuEn) : rng.Pick(kMenuZh);
      s += "<li><a href=\"/" + Identifier(rng, 4) + "/" + Identifier(rng, 6) + ".shtml\">" +
           std::string(sl) + "</a></li>";
    }
    s += "</ul></li>\n";
  }
  return s + (s.rfind("<nav", 0) == 0 ? "</ul>\n</nav>\n" : "</ul>\n</div>\n");
}

std::string SideBlock(SplitMix64& rng, bool en) {
  std::string s = "<div class=\"side-box\"><div class=\"side-title\">" +
                  std::string(en ? "Related" : "相关链接") + "</div>\n<ul class=\"side-list\">\n";
  int n = rng.Range(6, 20);
  for (int i = 0; i < n; ++i) {
    std::string_view text = en ? rng.Pick(kSideEn) : rng.Pick(kSideZh);
    s += "<li><span class=\"date\">" + Num(rng.Range(2015, 2026)) + "-" + Pad(rng.Range(1, 12), 2) +
         "-" + Pad(rng.Range(1, 28), 2) + "</span><a href=\"/article/" + Identifier(rng, 8) +
         ".html\" title=\"" + std::string(text) + "\">" + std::string(text) + "</a></li>\n";
  }
  return s + "</ul></div>\n";
}

std::string LinksSelect(SplitMix64& rng, bool en) {
  std::string s = "<div class=\"friend-links\"><select onchange=\"window.open(this.value)\">"
                  "<option value=\"\">" + std::string(en ? "Links" : "友情链接") + "</option>\n";
  int n = rng.Range(15, 40);
  for (int i = 0; i < n; ++i) {
    s += "<option value=\"http://www." + Identifier(rng, 6) + ".gov.cn/\">" +
         std::string(en ? rng.Pick(kMenuEn) : rng.Pick(kMenuZh)) + "</option>\n";
  }
  return s + "</select></div>\n";
}

std::string HiddenBlock(SplitMix64& rng, bool en) {
  return "<div class=\"pop-" + Identifier(rng, 4) + "\" style=\"display: none\"><p>" +
         std::string(en ? "Scan the code to read this page on your phone." : "扫描二维码，在手机上阅读本页。") +
         "</p><img src=\"/images/qr-" + Identifier(rng, 6) + ".png\" alt=\"\"></div>\n";
}

std::string SearchForm(SplitMix64& rng, bool en) {
  return "<form class=\"search\" action=\"/search/\" method=\"get\"><input type=\"text\" name=\"q\" "
         "placeholder=\"" + std::string(en ? "Search" : "请输入关键词") + "\"><select name=\"scope\">"
         "<option>" + std::string(en ? "All" : "全站") + "</option><option>" +
         std::string(en ? "Title" : "标题") + "</option></select><button type=\"submit\">" +
         std::string(en ? "Go" : "搜索") + "</button><input type=\"hidden\" name=\"t\" value=\"" +
         Identifier(rng, 10) + "\"></form>\n";
}

// --- the article ---

struct Doc {
  Script script;
  int year, number;
  Ymd published, effective;
  bool on_publication;
  std::vector<const ElementEntry*> elements;
  std::string issuers_zh, issuers_en, slug;
};

// Item wrapper variants: how a CMS writes one line.
std::string Line(SplitMix64& rng, const std::string& text) {
  switch (rng.Range(0, 9)) {
    case 0:
      return "<p style=\"text-indent:2em\"><span style=\"font-family:仿宋_GB2312;font-size:16pt\">" +
             text + "</span></p>\n";
    case 1:
      return "<p><font face=\"宋体\">" + text + "</font></p>\n";
    case 2:
      return "<div class=\"p\">" + text + "</div>\n";
    default:
      return "<p>" + text + "</p>\n";
  }
}

std::string HsCodes(SplitMix64& rng, bool en) {
  int n = rng.Range(1, 4);
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += en ? ", " : "、";
    out += Num(rng.Pick(kHsChapters));
    out += rng.Percent(60) ? Pad(rng.Range(0, 999999), 6) : Pad(rng.Range(0, 9999), 4);
  }
  return out;
}

std::string ElementName(const Doc& doc, const ElementEntry& e) {
  switch (doc.script) {
    case Script::kHans: return std::string(e.zh);
    case Script::kHant: return std::string(e.zh_hant);
    case Script::kEn: return std::string(e.en);
  }
  return "";
}

std::string_view FormText(const Doc& doc, const ItemForm& f) {
  return doc.script == Script::kHans ? f.hans : doc.script == Script::kHant ? f.hant : f.en;
}

// The item list; returns the number of items written.
int ItemList(SplitMix64& rng, const Doc& doc, int items, std::string& html) {
  const bool en = doc.script == Script::kEn;
  const bool hant = doc.script == Script::kHant;
  int per_section = std::max(rng.Range(3, 25), (items + 34) / 35);
  int sections = (items + per_section - 1) / per_section;
  int written = 0;
  int base = rng.Range(900, 999 - std::min(sections, 90));
  const char category = static_cast<char>('1' + rng.Range(0, 2));
  for (int s = 0; s < sections; ++s) {
    const ElementEntry& e = *doc.elements[static_cast<size_t>(s) % doc.elements.size()];
    std::string name = ElementName(doc, e);
    std::string heading =
        en ? Roman(s + 1) + ". " + Capitalized(name) + "-related items"
           : ChineseNumeral(s + 1) + "、" + name + (hant ? "相關物項" : "相关物项");
    html += Line(rng, heading);
    std::string code_base = std::string(1, category) + static_cast<char>('A' + rng.Range(0, 4)) +
                            Num((base + s) % 1000);
    int count = std::min(per_section, items - written);
    for (int k = 0; k < count; ++k) {
      std::string code = code_base + "." + static_cast<char>('a' + (k % 26));
      if (k >= 26) code += static_cast<char>('a' + (k / 26) - 1);
      std::string item_name = Fill(FormText(doc, rng.Pick(kItemForms)), name);
      std::string text;
      bool hs = rng.Percent(70);
      if (en) {
        text = '(';
        text += Roman(k + 1);
        text += ") " + code + " " + Capitalized(item_name);
        if (hs) text += " (reference customs commodity number: " + HsCodes(rng, true) + ")";
        text += ".";
      } else {
        text = "（" + ChineseNumeral(k + 1) + "）" + code + " " + item_name;
        if (hs) text += std::string(hant ? "（參考海關商品編號：" : "（参考海关商品编号：") +
                        HsCodes(rng, false) + "）";
        text += "。";
      }
      html += Line(rng, Escape(text));
      if (rng.Percent(15)) {
        int subs = rng.Range(2, 5);
        for (int j = 0; j < subs; ++j) {
          std::string sub = Num(j + 1) + ". " + Fill(FormText(doc, rng.Pick(kSubForms)), name);
          if (rng.Percent(50)) {
            sub += en ? " (reference customs commodity number: " + HsCodes(rng, true) + ")"
                      : std::string(hant ? "（參考海關商品編號：" : "（参考海关商品编号：") +
                            HsCodes(rng, false) + "）";
          }
          html += Line(rng, Escape(sub + (en ? ";" : "；")));
        }
      }
      ++written;
    }
  }
  return written;
}

std::string Relation(SplitMix64& rng, const Doc& doc) {
  int year = std::max(2010, doc.year - rng.Range(1, 4));
  int number = rng.Range(1, 99);
  Ymd until = AddDays(doc.effective, rng.Range(90, 400));
  switch (doc.script) {
    case Script::kEn:
      switch (rng.Range(0, 2)) {
        case 0: return "MOFCOM Announcement No. " + Num(number) + " of " + Num(year) + " is repealed at the same time.";
        case 1: return "The implementation of MOFCOM and GAC Announcement No. " + Num(number) + " of " +
                       Num(year) + " is suspended until " + EnDate(until) + ".";
        default: return "This announcement amends the list published in MOFCOM Announcement No. " +
                        Num(number) + " of " + Num(year) + ".";
      }
    case Script::kHant:
      return "商務部公告" + Num(year) + "年第" + Num(number) + "號同時廢止。";
    case Script::kHans:
      switch (rng.Range(0, 2)) {
        case 0: return "商务部公告" + Num(year) + "年第" + Num(number) + "号同时废止。";
        case 1: return "商务部 海关总署公告" + Num(year) + "年第" + Num(number) + "号暂停实施，暂停期限截至" +
                       ZhDate(until) + "。";
        default: return "本公告对商务部公告" + Num(year) + "年第" + Num(number) + "号所列物项作出调整。";
      }
  }
  return "";
}

std::string Article(SplitMix64& rng, const Doc& doc, int items, int& written) {
  const bool en = doc.script == Script::kEn;
  const bool hant = doc.script == Script::kHant;
  std::string names;
  for (size_t i = 0; i < doc.elements.size() && i < 4; ++i) {
    if (en) {
      names += (i ? ", " : "") + Capitalized(doc.elements[i]->en);
    } else {
      names += (i ? "、" : "") + ElementName(doc, *doc.elements[i]);
    }
  }
  std::string html;
  if (en) {
    html += Line(rng, "Date of publication: " + EnDate(doc.published));
    html += Line(rng,
                 "To protect national security and interests and to carry out non-proliferation "
                 "and other international obligations, and in accordance with the Export Control "
                 "Law and the Regulations on the Export Control of Dual-use Items, export control "
                 "is applied, with the approval of the State Council, to the " + names +
                 " items listed below:");
  } else if (hant) {
    html += Line(rng, "【發布文號】" + doc.issuers_zh + "公告" + Num(doc.year) + "年第" +
                          Num(doc.number) + "號");
    html += Line(rng, "【發文日期】" + ZhDate(doc.published));
    html += Line(rng, "為保障國家安全和發展利益，落實防擴散等國際義務，依照《中華人民共和國出口管制法》"
                      "和《中華人民共和國兩用物項出口管制條例》等規定，經國務院同意，現對下列" + names +
                      "相關物項實施出口管制：");
  } else {
    html += Line(rng, "【发布单位】" + doc.issuers_zh);
    html += Line(rng, "【发布文号】" + doc.issuers_zh + "公告" + Num(doc.year) + "年第" +
                          Num(doc.number) + "号");
    html += Line(rng, "【发文日期】" + ZhDate(doc.published));
    html += Line(rng, "为保障国家安全和发展利益，落实防扩散等国际义务，依照《中华人民共和国出口管制法》"
                      "《中华人民共和国对外贸易法》和《中华人民共和国两用物项出口管制条例》等规定，"
                      "经国务院同意，现对下列" + names + "相关物项实施出口管制：");
  }
  written = ItemList(rng, doc, items, html);
  if (en) {
    html += Line(rng, "Exporters intending to export the items above shall apply for a licence "
                      "to the commerce department of the State Council beforehand.");
    html += Line(rng, "Exporters shall declare truthfully. For a controlled item the remarks column "
                      "of the declaration states &quot;dual-use item&quot; and its control code; "
                      "customs may raise a query and hold the goods while it is pending.");
  } else {
    html += Line(rng, hant ? "出口經營者擬出口上述物項的，應事先向國務院商務主管部門申請許可。"
                           : "出口经营者拟出口上述物项的，应事先向国务院商务主管部门申请许可。");
    html += Line(rng, hant ? "出口經營者應如實申報，在報關單備註欄寫明“屬於兩用物項”及對應編碼；"
                             "海關對申報有疑問的，依法提出質疑，質疑期間貨物暫不放行。"
                           : "出口经营者应如实申报，在报关单备注栏写明“属于两用物项”及对应编码；"
                             "海关对申报有疑问的，依法提出质疑，质疑期间货物暂不放行。");
  }
  if (rng.Percent(12)) html += Line(rng, Relation(rng, doc));
  if (en) {
    html += Line(rng, doc.on_publication
                          ? "This announcement comes into force on the date of its publication."
                          : "This announcement shall come into force as of " + EnDate(doc.effective) + ".");
    html += "<p class=\"sign\">" + doc.issuers_en + "</p>\n<p class=\"sign\">" +
            EnDate(doc.published) + "</p>\n";
  } else {
    std::string clause = doc.on_publication
                             ? (hant ? "本公告自公布之日起正式實施。" : "本公告自公布之日起正式实施。")
                             : "本公告自" + ZhDate(doc.effective) + (hant ? "起正式實施。" : "起正式实施。");
    html += Line(rng, clause);
    html += "<p class=\"sign\">" + doc.issuers_zh + "</p>\n<p class=\"sign\">" +
            ZhDate(doc.published) + "</p>\n";
  }
  return html;
}

// UTF-8 to GBK. Fails on a character GBK lacks (templates avoid them).
Result<std::string> ToGbk(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUConverterPointer gbk(ucnv_open("GBK", &status));
  if (U_FAILURE(status)) return Status::Internal("ICU has no GBK converter");
  ucnv_setFromUCallBack(gbk.getAlias(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  icu::LocalUConverterPointer utf(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return Status::Internal("ICU has no UTF-8 converter");
  // GBK needs at most as many bytes as UTF-8 for the characters it has.
  std::string out(utf8.size() + 16, '\0');
  char* target = out.data();
  const char* source = utf8.data();
  std::u16string pivot(utf8.size() + 16, u'\0');
  UChar* p_source = pivot.data();
  UChar* p_target = pivot.data();
  ucnv_convertEx(gbk.getAlias(), utf.getAlias(), &target, out.data() + out.size(), &source,
                 utf8.data() + utf8.size(), pivot.data(), &p_source, &p_target,
                 pivot.data() + pivot.size(), /*reset=*/true, /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("GBK encoding failed: ") + u_errorName(status));
  }
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

}  // namespace

Result<SyntheticPage> GeneratePage(uint64_t seed, uint64_t index, const SyntheticOptions& options) {
  SplitMix64 rng(seed * 0x100000001B3ull ^ (index + 1) * 0x9E3779B97F4A7C15ull);
  rng.Next();

  Doc doc;
  int lang_roll = rng.Range(0, 99);
  doc.script = lang_roll < 70 ? Script::kHans : lang_roll < 78 ? Script::kHant : Script::kEn;
  const bool en = doc.script == Script::kEn;
  const bool gbk = doc.script == Script::kHans && rng.Percent(45);

  // Unique (year, number) for the first 17 * 999 pages.
  doc.year = 2010 + static_cast<int>((index / 999) % 17);
  doc.number = static_cast<int>(index % 999) + 1;
  doc.published = Ymd{doc.year, rng.Range(1, 12), rng.Range(1, 28)};
  doc.on_publication = rng.Percent(30);
  doc.effective = doc.on_publication ? doc.published : AddDays(doc.published, rng.Range(1, 60));
  static constexpr struct {
    std::string_view zh, en, slug;
  } kIssuers[] = {
      {"商务部", "Ministry of Commerce", "mofcom"},
      {"商务部 海关总署", "Ministry of Commerce  General Administration of Customs", "mofcom-gacc"},
      {"商务部 海关总署", "Ministry of Commerce  General Administration of Customs", "mofcom-gacc"},
      {"商务部 工业和信息化部 海关总署", "Ministry of Commerce  Ministry of Industry and Information "
       "Technology  General Administration of Customs", "mofcom-miit-gacc"},
  };
  const auto& issuer = rng.Pick(kIssuers);
  doc.issuers_zh = doc.script == Script::kHant
                       ? (issuer.slug == "mofcom" ? "商務部" : issuer.slug == "mofcom-gacc"
                                                               ? "商務部 海關總署"
                                                               : "商務部 工業和信息化部 海關總署")
                       : std::string(issuer.zh);
  doc.issuers_en = std::string(issuer.en);
  doc.slug = std::string(issuer.slug);
  std::span<const ElementEntry> elements = Elements();
  int element_count = rng.Range(1, 5);
  size_t first = rng.Next() % elements.size();
  for (int i = 0; i < element_count; ++i) {
    doc.elements.push_back(&elements[(first + static_cast<size_t>(i) * 7) % elements.size()]);
  }

  std::string names;
  for (size_t i = 0; i < doc.elements.size(); ++i) {
    if (en) {
      names += (i == 0 ? "" : i + 1 == doc.elements.size() ? " and " : ", ") +
               Capitalized(doc.elements[i]->en);
    } else {
      names += (i ? "、" : "") + ElementName(doc, *doc.elements[i]);
    }
  }
  std::string title =
      en ? "MOFCOM Announcement No. " + Num(doc.number) + " of " + Num(doc.year) +
               " on Imposing Export Controls on Items Related to " + names
      : doc.script == Script::kHant
          ? doc.issuers_zh + "公告" + Num(doc.year) + "年第" + Num(doc.number) + "號 關於對部分" + names +
                "相關物項實施出口管制的決定"
          : doc.issuers_zh + "公告" + Num(doc.year) + "年第" + Num(doc.number) + "号 关于对部分" + names +
                "相关物项实施出口管制的决定";

  int items = rng.Range(options.min_items, options.max_items);
  int written = 0;
  std::string article = Article(rng, doc, items, written);

  // The page: head, chrome, the article, more chrome until the drawn size.
  size_t target = options.min_bytes +
                  static_cast<size_t>(rng.Next() % (options.max_bytes - options.min_bytes + 1));
  std::string head = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
                     "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
                     "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n";
  head += gbk ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />\n"
              : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n";
  head += "<meta name=\"keywords\" content=\"" + names + "\" />\n<title>" + title +
          (en ? " - MOFCOM" : "_商务部网站") + "</title>\n";
  for (int i = rng.Range(2, 5); i > 0; --i) {
    head += "<link rel=\"stylesheet\" type=\"text/css\" href=\"/css/" + Identifier(rng, 6) + ".css\" />\n";
  }
  std::vector<std::string> tail_blocks;
  std::string body = "<body>\n<div class=\"top-bar\"><span>" + std::string(en ? "Today: " : "今天是：") +
                     "</span><span id=\"today\"></span> | <a href=\"/wap/\">" +
                     std::string(en ? "Mobile" : "手机版") + "</a></div>\n";
  body += "<div class=\"header\"><div class=\"logo\">" +
          std::string(en ? "MINISTRY OF COMMERCE, PEOPLE'S REPUBLIC OF CHINA" : "中华人民共和国商务部") +
          "</div>" + SearchForm(rng, en) + "</div>\n";
  body += MenuBlock(rng, en);
  body += "<div class=\"crumb\">" + std::string(en ? "Location: " : "当前位置：") + "<a href=\"/\">" +
          std::string(en ? "Home" : "首页") + "</a> &gt; <a href=\"/zcfb/\">" +
          std::string(en ? "Policies" : "政策发布") + "</a></div>\n";
  body += HiddenBlock(rng, en);

  static constexpr std::string_view kContentOpen[] = {
      "<div class=\"art-con\" id=\"zoom\">", "<div class=\"art-con\">", "<div class=\"art-con\">",
      "<div class=\"art-con\">",             "<div id=\"zoom\">",      "<div class=\"TRS_Editor\">",
  };
  std::string main = "<div class=\"main\">\n<div class=\"art-title\"><h1>" + title + "</h1></div>\n"
                     "<div class=\"art-info\">" + std::string(en ? "Source: MOFCOM " : "发布时间：") +
                     IsoDate(doc.published) + "　<a href=\"javascript:window.print()\">" +
                     std::string(en ? "[Print]" : "【打印本页】") + "</a></div>\n" +
                     std::string(rng.Pick(kContentOpen)) + "\n" + article + "</div>\n</div>\n";

  std::string footer = "<div class=\"footer\"><p><a href=\"/about/\">" +
                       std::string(en ? "About Us" : "关于我们") + "</a> | <a href=\"/map/\">" +
                       std::string(en ? "Site Map" : "网站地图") + "</a></p><p>" +
                       std::string(en ? "Sponsored by the Ministry of Commerce (sample page)"
                                      : "主办单位：中华人民共和国商务部（示例页面）") +
                       "</p>" + LinksSelect(rng, en) + "</div>\n";

  size_t size = head.size() + body.size() + main.size() + footer.size() + 32;
  std::string head_extra, side, scripts_after;
  while (size < target) {
    std::string block;
    switch (rng.Range(0, 5)) {
      case 0: block = ScriptBlock(rng); head_extra += block; break;
      case 1: block = StyleBlock(rng); head_extra += block; break;
      case 2: block = MenuBlock(rng, en); side += block; break;
      case 3: block = SideBlock(rng, en); side += block; break;
      case 4: block = LinksSelect(rng, en); side += block; break;
      default: block = ScriptBlock(rng); scripts_after += block; break;
    }
    size += block.size();
  }

  std::string page = head + head_extra + "</head>\n" + body + "<div class=\"left\">\n" + side +
                     "</div>\n" + main + footer + scripts_after + "</body>\n</html>\n";

  SyntheticPage out;
  out.lang = en ? "en" : doc.script == Script::kHant ? "zh-hant" : "zh";
  out.charset = gbk ? "gbk" : "utf-8";
  out.items = written;
  char prefix[32];
  std::snprintf(prefix, sizeof prefix, "%06llu-", static_cast<unsigned long long>(index));
  out.file_name = std::string(prefix) + doc.slug + "-" + Num(doc.year) + "-" + Num(doc.number) + "." +
                  out.lang + ".html";
  if (gbk) {
    auto encoded = ToGbk(page);
    if (!encoded.ok()) return encoded.status();
    out.bytes = std::move(encoded).value();
  } else {
    out.bytes = std::move(page);
  }
  return out;
}

}  // namespace regdiff::bench
