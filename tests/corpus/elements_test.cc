// The element table answers to every name a user types for an element: its
// symbol, its Simplified or Traditional character, its English name.
#include "corpus/elements.h"

#include <gtest/gtest.h>

namespace regdiff {
namespace {

TEST(Elements, AnyNameOfAnElementFindsIt) {
  const struct {
    const char* name;
    const char* symbol;
  } cases[] = {
      {"Ho", "Ho"},       {"ho", "Ho"},     {"HO", "Ho"},      {"钬", "Ho"},
      {"鈥", "Ho"},       {"holmium", "Ho"}, {"Holmium", "Ho"}, {" Dy ", "Dy"},
      {"銻", "Sb"},       {"antimony", "Sb"}, {"In", "In"},     {"in", "In"},
      {"Y", "Y"},         {"碲", "Te"},
  };
  for (const auto& c : cases) {
    const ElementEntry* e = FindElement(c.name);
    ASSERT_NE(e, nullptr) << c.name;
    EXPECT_EQ(e->symbol, c.symbol) << c.name;
  }
}

TEST(Elements, WhatNamesNoControlledElementFindsNothing) {
  for (const char* name : {"", " ", "Fe", "iron", "铁", "1C909", "28053019", "holm", "钬钬"}) {
    EXPECT_EQ(FindElement(name), nullptr) << name;
  }
}

TEST(Elements, TheSymbolLookupStaysExact) {
  EXPECT_NE(FindElementBySymbol("Ho"), nullptr);
  EXPECT_EQ(FindElementBySymbol("ho"), nullptr);
  EXPECT_EQ(FindElementBySymbol("钬"), nullptr);
}

}  // namespace
}  // namespace regdiff
