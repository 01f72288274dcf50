// PartyStates for the tools and diff tests, as Timeline::PartiesAsOf gives
// them for the bundled samples: SUBARU on the watch list (2026 No. 12) and
// one US entity on the control list (2025 No. 51); keys as the parser folds
// them.
#pragma once

#include <string>
#include <vector>

#include "corpus/timeline.h"

namespace regdiff::testing {

inline PartyState SubaruState() {
  PartyState s;
  s.list = PartyList::kWatchList;
  s.key = "斯巴鲁";
  s.key_en = "subaru";
  s.name = "斯巴鲁株式会社";
  s.name_en = "SUBARU Corporation";
  s.country = "JP";
  s.listed_by = "mofcom-2026-12";
  s.since = Date{2026, 2, 24};
  s.status_since = Date{2026, 2, 24};
  s.governing = {"mofcom-2026-12"};
  s.evidence = "1. 斯巴鲁株式会社（SUBARU Corporation）";
  s.status_evidence = "本公告自公布之日起实施";
  return s;
}

inline PartyState ControlListState() {
  PartyState s;
  s.list = PartyList::kControlList;
  s.key = "northwind航空";
  s.key_en = "northwindaerospace";
  s.name = "Northwind航空公司";
  s.name_en = "Northwind Aerospace, Inc.";
  s.country = "US";
  s.listed_by = "mofcom-2025-51";
  s.since = Date{2025, 10, 9};
  s.status_since = Date{2025, 10, 9};
  s.governing = {"mofcom-2025-51"};
  s.evidence = "Northwind航空公司（Northwind Aerospace, Inc.）, \"quoted\"";
  s.status_evidence = "自公布之日起";
  return s;
}

}  // namespace regdiff::testing
