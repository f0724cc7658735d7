#pragma once
// A Session with one open workspace, for the native tests of the interface's logic (tests/app/):
// seeded as a person creates it (93 controls, the program), records saved as the editor saves them.

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "app/record_draft.hpp"
#include "app/session.hpp"
#include "core/util/clock.hpp"
#include "tests/app/fake_platform.hpp"
#include "tests/core/temp_dir.hpp"

namespace isms::test {

constexpr const char* kToday = "2026-11-26";

// A session with one open workspace (seeded as a person creates it: 93 controls, the program).
struct OpenWorkspace {
  TempDir dir;
  FakePlatform platform;
  FixedClock clock{std::string(kToday) + "T08:00:00Z"};
  app::Session session{platform, clock, dir.str()};

  OpenWorkspace() {
    session.start();
    REQUIRE(session.create_workspace({"ISMS 2027", "Client GmbH", "Anna Dvořák"}).empty());
  }
  isms::Repository& records() { return session.current()->records(); }

  // A record saved as the editor saves it; the draft's fields by key.
  std::string add(const std::string& kind, const std::map<std::string, std::string>& fields) {
    app::RecordDraft draft = app::draft_for_new(records().registry().get(kind));
    for (const auto& [key, text] : fields) draft.text[key] = text;
    const bool saved = session.save_record(draft);
    const std::string why = draft.problem + (draft.errors.empty() ? "" : draft.errors.front().message);
    REQUIRE_MESSAGE(saved, kind << ": " << why);
    return draft.id;
  }
  std::string add_risk(const std::string& title, int likelihood, int impact) {
    return add("risk", {{"title", title},
                        {"inherent_likelihood", std::to_string(likelihood)},
                        {"inherent_impact", std::to_string(impact)}});
  }
};

}  // namespace isms::test
