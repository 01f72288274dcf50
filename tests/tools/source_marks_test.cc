// MarkedText: spans of a text become <mark> elements that always nest, the
// text between them escaped, and the marks of one span (split where spans
// cross) hold exactly its text, each carrying the span's class; breaks (page
// and part boundaries) go between characters without changing it. MatchSpans:
// a search's matches in a text, numbered in text order.
#include "tools/web/source_marks.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <cstring>
#include <string>
#include <vector>

namespace regdiff::tools::web {
namespace {

MarkSpan Ev(size_t begin, size_t end, int n) {
  return {begin, end, "ev-" + std::to_string(n), "fact-" + std::to_string(n), ""};
}

// What a browser would read from MarkedText's output: whether its marks
// nest, and the text inside the marks of each data-ev, pieces joined in
// order. Knows only the markup MarkedText writes.
struct Reading {
  bool nested = true;
  std::string text;                      // all the text, unescaped
  std::map<std::string, std::string> ev;  // data-ev -> its marked text
};

std::string Unescape(const std::string& s) {
  static const std::pair<const char*, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& [entity, c] : kEntities) {
      if (s.compare(i, std::strlen(entity), entity) == 0) {
        out += c;
        i += std::strlen(entity);
        done = true;
        break;
      }
    }
    if (!done) out += s[i++];
  }
  return out;
}

Reading Read(const std::string& html) {
  Reading r;
  std::vector<std::string> open;  // data-ev of each open mark ("" for a plain one)
  std::vector<std::string> links;
  for (size_t i = 0; i < html.size();) {
    if (html[i] != '<') {
      size_t end = html.find('<', i);
      if (end == std::string::npos) end = html.size();
      const std::string text = Unescape(html.substr(i, end - i));
      r.text += text;
      for (const std::string& ev : open)
        if (!ev.empty()) r.ev[ev] += text;
      i = end;
      continue;
    }
    const size_t close = html.find('>', i);
    const std::string tag = html.substr(i, close - i + 1);
    i = close + 1;
    if (tag.rfind("<mark", 0) == 0) {
      const size_t at = tag.find("data-ev=\"");
      open.push_back(at == std::string::npos
                         ? ""
                         : tag.substr(at + 9, tag.find('"', at + 9) - at - 9));
    } else if (tag == "</mark>") {
      if (open.empty()) r.nested = false;
      else open.pop_back();
    } else if (tag.rfind("<a ", 0) == 0) {
      links.push_back(tag);
    } else if (tag == "</a>") {
      if (links.empty()) r.nested = false;
      else links.pop_back();
    } else if (tag == "<span class=\"text-break\">" || tag == "</span>") {
      // A break as the announcement page writes them: no text.
    } else {
      r.nested = false;  // markup MarkedText never writes
    }
  }
  if (!open.empty() || !links.empty()) r.nested = false;
  return r;
}

TEST(MarkedText, EscapesTheTextWithAndWithoutSpans) {
  EXPECT_EQ(MarkedText("a<b>&\"c'", {}), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(MarkedText("x<y>z", {{1, 4, "", "", ""}}), "x<mark>&lt;y&gt;</mark>z");
}

TEST(MarkedText, TheFirstMarkOfASpanHasItsIdAndALinkBackToItsFact) {
  EXPECT_EQ(MarkedText("abc", {Ev(1, 2, 3)}),
            "a<mark id=\"ev-3\" data-ev=\"ev-3\"><a class=\"ev-back\" href=\"#fact-3\" "
            "aria-label=\"back to the fact\"></a>b</mark>c");
}

TEST(MarkedText, ASpanInsideAnotherNestsInIt) {
  const std::string html = MarkedText("0123456789", {Ev(4, 6, 2), Ev(2, 8, 1)});
  Reading r = Read(html);
  EXPECT_TRUE(r.nested) << html;
  EXPECT_EQ(r.ev["ev-1"], "234567");
  EXPECT_EQ(r.ev["ev-2"], "45");
  EXPECT_EQ(html.find("ev-cont"), std::string::npos) << html;  // nothing split
}

TEST(MarkedText, CrossingSpansSplitTheOneGoingOnIntoAContinuationMark) {
  const std::string html = MarkedText("0123456789", {Ev(1, 5, 1), Ev(3, 8, 2)});
  Reading r = Read(html);
  EXPECT_TRUE(r.nested) << html;
  EXPECT_EQ(r.ev["ev-1"], "1234");
  EXPECT_EQ(r.ev["ev-2"], "34567");
  EXPECT_EQ(r.text, "0123456789");
  EXPECT_NE(html.find("<mark class=\"ev-cont\" data-ev=\"ev-2\">"), std::string::npos) << html;
  EXPECT_EQ(html.find("id=\"ev-2\""), html.rfind("id=\"ev-2\""));  // one id
}

TEST(MarkedText, EqualSpansNestAndEachKeepsItsText) {
  Reading r = Read(MarkedText("abcdef", {Ev(1, 4, 1), Ev(1, 4, 2), Ev(1, 4, 3)}));
  EXPECT_TRUE(r.nested);
  for (const char* ev : {"ev-1", "ev-2", "ev-3"}) EXPECT_EQ(r.ev[ev], "bcd") << ev;
}

TEST(MarkedText, OffsetsInsideACharacterTakeTheWholeCharacterAndPastTheEndAreClipped) {
  const std::string text = "钐钬铒";  // three bytes each
  Reading r = Read(MarkedText(text, {Ev(4, 5, 1), Ev(6, 100, 2), Ev(2, 2, 3)}));
  EXPECT_TRUE(r.nested);
  EXPECT_EQ(r.ev["ev-1"], "钬");
  EXPECT_EQ(r.ev["ev-2"], "铒");
  EXPECT_EQ(r.ev.count("ev-3"), 0u);  // empty: left out
  EXPECT_EQ(r.text, text);
}

TEST(MarkedText, AnySpansNestAndEachSpansMarksHoldItsText) {
  const std::string text = "a<&>商务部公告2025年第57号 1C909.a \"钬\" end";
  std::mt19937 random(20251009);
  for (int round = 0; round < 500; ++round) {
    std::vector<MarkSpan> spans;
    const int count = 1 + static_cast<int>(random() % 6);
    for (int n = 1; n <= count; ++n) {
      size_t a = random() % (text.size() + 1), b = random() % (text.size() + 1);
      if (a > b) std::swap(a, b);
      spans.push_back(Ev(a, b, n));
    }
    const std::string html = MarkedText(text, spans);
    Reading r = Read(html);
    ASSERT_TRUE(r.nested) << html;
    ASSERT_EQ(r.text, text) << html;
    for (const MarkSpan& s : spans) {
      if (s.begin >= s.end) continue;  // empty: left out
      // The span widened to whole characters, as MarkedText marks it.
      size_t b = s.begin, e = s.end;
      while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
      while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
      EXPECT_EQ(r.ev[s.id], text.substr(b, e - b)) << html;
    }
  }
}

TEST(SourceMarks, EveryMarkOfASpanCarriesItsClass) {
  MarkSpan hit{2, 6, "hit-1", "", "hit"};
  // Crossing evidence [0, 4): the hit is split, both of its marks keep "hit".
  const std::string html = MarkedText("abcdefgh", {Ev(0, 4, 1), hit});
  EXPECT_EQ(html,
            "<mark id=\"ev-1\" data-ev=\"ev-1\"><a class=\"ev-back\" href=\"#fact-1\" "
            "aria-label=\"back to the fact\"></a>ab<mark class=\"hit\" id=\"hit-1\" "
            "data-ev=\"hit-1\">cd</mark></mark><mark class=\"ev-cont hit\" "
            "data-ev=\"hit-1\">ef</mark>gh");
  EXPECT_EQ(MarkedText("ab", {{0, 1, "", "", "hit"}}), "<mark class=\"hit\">a</mark>b");
}

TEST(SourceMarks, MatchSpansFindsEveryFormInTextOrderLatinLettersInAnyCase) {
  // 锑 and its Traditional form 銻, and a Latin word typed in lower case.
  const std::string text = "銻 and Antimony; 锑, ANTIMONY.";
  auto spans = MatchSpans(text, {"锑", "銻", "antimony"}, "hit", "hit-");
  ASSERT_EQ(spans.size(), 4u);
  std::vector<std::string> found;
  for (const MarkSpan& s : spans) found.push_back(text.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(found, (std::vector<std::string>{"銻", "Antimony", "锑", "ANTIMONY"}));
  EXPECT_EQ(spans[0].id, "hit-1");
  EXPECT_EQ(spans[3].id, "hit-4");
  EXPECT_EQ(spans[2].css_class, "hit");
  // Numbering goes on across texts; no prefix, no id.
  int next = 5;
  EXPECT_EQ(MatchSpans("x antimony", {"antimony"}, "hit", "hit-", &next)[0].id, "hit-5");
  EXPECT_EQ(next, 6);
  EXPECT_EQ(MatchSpans("antimony", {"antimony"})[0].id, "");
  EXPECT_TRUE(MatchSpans("antimony", {""}).empty());
}

TEST(SourceMarks, BreaksGoBetweenCharactersAndLeaveEveryMarksTextAsItWas) {
  const std::string br = "<b></b>";
  // Inside a span going over it; at a span's end and start; at both ends.
  EXPECT_EQ(MarkedText("abcdef", {{1, 5, "", "", ""}}, {{3, br}}), "a<mark>bc<b></b>de</mark>f");
  EXPECT_EQ(MarkedText("abcdef", {{1, 3, "", "", ""}, {3, 5, "", "", ""}}, {{3, br}}),
            "a<mark>bc</mark><b></b><mark>de</mark>f");
  EXPECT_EQ(MarkedText("ab", {}, {{0, "<i></i>"}, {2, br}, {0, "<u></u>"}}),
            "<i></i><u></u>ab<b></b>");
  // Past the text: at its end; inside a UTF-8 sequence: after that character.
  EXPECT_EQ(MarkedText("ab", {}, {{9, br}}), "ab<b></b>");
  EXPECT_EQ(MarkedText("钐x", {}, {{1, br}}), "钐<b></b>x");
  // Where a span ends, the marks inside it that go on are reopened after the
  // break: every mark's text is still its span's.
  const std::string html =
      MarkedText("abcdefgh", {Ev(0, 4, 1), Ev(2, 6, 2)}, {{4, "<span class=\"text-break\"></span>"}});
  Reading r = Read(html);
  EXPECT_TRUE(r.nested) << html;
  EXPECT_EQ(r.ev["ev-1"], "abcd") << html;
  EXPECT_EQ(r.ev["ev-2"], "cdef") << html;
  EXPECT_NE(html.find("</mark></mark><span class=\"text-break\"></span><mark class=\"ev-cont\" "
                      "data-ev=\"ev-2\">"),
            std::string::npos)
      << html;
}

}  // namespace
}  // namespace regdiff::tools::web
