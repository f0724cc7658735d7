#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/catalogs/builtin_catalogs.hpp"

using namespace isms;

namespace {

// Typed from the source's list, not from the JSON, so a slip in either shows up here.
const std::vector<std::string> governance_names = {"Information Security Governance Process",
                                                   "Management Review Process"};
const std::vector<std::string> core_names = {"Security policy management process",
                                             "Requirements management process",
                                             "Risk assessment process",
                                             "Risk treatment process",
                                             "Control implementation process",
                                             "Supplier management process",
                                             "Competence and awareness assurance process",
                                             "Information security incident management process",
                                             "ISMS change management process",
                                             "Internal audit process",
                                             "Performance evaluation process",
                                             "ISMS improvement process"};
const std::vector<std::string> support_names = {"Records control process", "Resource Management process",
                                                "Communication process", "Customer relationship management process"};

const catalogs::CatalogProcess& process(const std::string& slug) {
  const auto& processes = catalogs::isms_processes();
  const auto found =
      std::find_if(processes.begin(), processes.end(), [&](const auto& each) { return each.slug == slug; });
  REQUIRE_MESSAGE(found != processes.end(), "no built-in process " << slug);
  return *found;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) result.push_back(line);
  return result;
}

// A register kind as the registry spells it: "risk_method", never "Risk method" or "risk-method".
bool is_kind(const std::string& kind) {
  if (kind.empty() || kind.front() < 'a' || kind.front() > 'z') return false;
  for (const char c : kind) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("catalog processes: the 18 processes of the Process Reference Model, in its order and groups") {
  const auto& processes = catalogs::isms_processes();
  REQUIRE(processes.size() == 18);
  std::vector<std::string> names;
  std::vector<std::string> categories;
  std::set<std::string> slugs;
  for (const auto& each : processes) {
    names.push_back(each.name);
    categories.push_back(each.category);
    slugs.insert(each.slug);
    CHECK_FALSE(each.slug.empty());
  }
  std::vector<std::string> expected_names = governance_names;
  expected_names.insert(expected_names.end(), core_names.begin(), core_names.end());
  expected_names.insert(expected_names.end(), support_names.begin(), support_names.end());
  CHECK(names == expected_names);

  std::vector<std::string> expected_categories(2, "governance");
  expected_categories.insert(expected_categories.end(), 12, "core");
  expected_categories.insert(expected_categories.end(), 4, "support");
  CHECK(categories == expected_categories);
  CHECK(slugs.size() == 18);

  CHECK(processes.front().slug == "information-security-governance");
  CHECK(processes[2].slug == "security-policy-management");
}

TEST_CASE("catalog processes: security policy management takes input from every other process") {
  const auto& policy = process("security-policy-management");
  CHECK(policy.inputs_from.size() == 17);
  const std::set<std::string> inputs(policy.inputs_from.begin(), policy.inputs_from.end());
  CHECK(inputs.size() == 17);
  CHECK(inputs.count(policy.slug) == 0);
  for (const auto& each : catalogs::isms_processes()) {
    if (each.slug != policy.slug) CHECK_MESSAGE(inputs.count(each.slug) == 1, each.slug);
  }

  CHECK(policy.purpose.rfind("This process encompasses the entire lifecycle of a policy, ", 0) == 0);
  CHECK(policy.inputs_note.find("input from all other ISMS processes") != std::string::npos);
  CHECK(policy.inputs_note.find("coming from the ISMS change management process") != std::string::npos);
  CHECK(policy.inputs_note.find("exisiting") == std::string::npos);
  CHECK(policy.outputs_note ==
        "The output is a set of up to date information security policies (this includes, standards, guidelines and "
        "procedures as well).");
  CHECK(lines(policy.activities) == std::vector<std::string>{"development", "approval", "distribution",
                                                             "secure storage", "change management", "retention period",
                                                             "disposal"});
  CHECK(policy.registers == std::vector<std::string>{"policy"});
}

TEST_CASE("catalog processes: the others say nothing the source does not say") {
  for (const auto& each : catalogs::isms_processes()) {
    if (each.slug == "security-policy-management") continue;
    CAPTURE(each.slug);
    CHECK(each.purpose.empty());
    CHECK(each.inputs_from.empty());
    CHECK(each.inputs_note.empty());
    CHECK(each.outputs_note.empty());
    CHECK(each.activities.empty());
  }
}

TEST_CASE("catalog processes: every register kind is a lowercase identifier and belongs to one process") {
  std::map<std::string, std::string> owner;
  for (const auto& each : catalogs::isms_processes()) {
    for (const auto& kind : each.registers) {
      CHECK_MESSAGE(is_kind(kind), each.slug << ": " << kind);
      const auto [at, inserted] = owner.emplace(kind, each.slug);
      CHECK_MESSAGE(inserted, kind << " in " << at->second << " and " << each.slug);
    }
  }
  CHECK(process("records-control").registers.empty());
  CHECK(process("risk-assessment").registers == std::vector<std::string>{"asset", "risk", "risk_method"});
  CHECK(process("resource-management").registers == std::vector<std::string>{"person", "role", "raci"});
  CHECK(owner.at("incident") == "information-security-incident-management");
  CHECK(owner.at("clause") == "performance-evaluation");
}

TEST_CASE("catalog roles: the six roles of the program, as the source names them") {
  const auto& roles = catalogs::isms_roles();
  REQUIRE(roles.size() == 6);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"ISMS Manager", "Oversee the ISMS program, ensure alignment with objectives"},
      {"Information Security Officer", "Develop and implement policies and controls"},
      {"HR and Training Department", "Conduct training sessions and awareness campaigns"},
      {"Internal Audit Team", "Perform regular audits and report findings"},
      {"Senior Management", "Conduct management reviews, approve objectives and policies"},
      {"Employees", "Follow ISMS policies, participate in training"},
  };
  std::set<std::string> slugs;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    CHECK(roles[i].name == expected[i].first);
    CHECK(roles[i].responsibilities == expected[i].second);
    slugs.insert(roles[i].slug);
  }
  CHECK(slugs.size() == 6);
  CHECK(roles.front().slug == "isms-manager");
}
