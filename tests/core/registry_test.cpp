#include <doctest/doctest.h>

#include <set>

#include <stdexcept>

#include "core/model/definition_check.hpp"
#include "core/model/field_builder.hpp"
#include "core/model/registry.hpp"

using namespace isms;

namespace {

EntityDef minimal(std::string kind) {
  EntityDef def;
  def.kind = std::move(kind);
  def.label = "Thing";
  def.plural = "Things";
  def.title_field = "name";
  def.fields = {field("name", "Name", FieldType::Text)};
  return def;
}

std::string problems_of(const EntityDef& def) {
  std::string all;
  for (const std::string& problem : definition_problems(def)) all += problem + "\n";
  return all;
}

}  // namespace

TEST_CASE("registry: the built-in registers are found by kind") {
  const Registry& registry = Registry::builtin();
  // The registers of both parts of the register, plus the workspace's own details.
  std::set<std::string> kinds;
  for (const EntityDef& def : registry.all()) kinds.insert(def.kind);
  CHECK(kinds == std::set<std::string>{"workspace",
                                       // part 1: context, planning, risk
                                       "context_issue", "interested_party", "scope", "person", "role", "process",
                                       "raci", "objective", "kpi", "measurement", "requirement", "policy", "asset",
                                       "risk_method", "risk", "treatment_action", "control", "clause",
                                       // part 2: operation, evaluation, improvement
                                       "supplier", "incident", "change_request", "training_session",
                                       "training_attendance", "awareness_campaign", "communication", "report_schedule",
                                       "audit_programme", "audit", "audit_item", "management_review", "review_input",
                                       "review_action", "nonconformity", "corrective_action", "improvement", "feedback",
                                       "milestone", "program_component", "attachment"});
  CHECK(registry.get("control").table() == "rec_control");
  CHECK(registry.get("clause").title_field == "title");
  REQUIRE(registry.find("asset") != nullptr);
  CHECK(registry.find("asset")->table() == "rec_asset");
  CHECK(registry.get("workspace").label == "Workspace");
  CHECK(registry.find("nothing") == nullptr);
  CHECK_THROWS_WITH_AS(registry.get("nothing"), "Unknown register 'nothing'.", std::out_of_range);
}

TEST_CASE("registry: the asset definition says what the register promises") {
  const EntityDef& asset = Registry::builtin().get("asset");
  CHECK(asset.title_field == "name");
  REQUIRE(asset.field("type") != nullptr);
  CHECK(asset.field("type")->required);
  CHECK(asset.field("type")->option_label("people") == "People");
  CHECK(asset.field("classification")->default_value == Value(std::string("internal")));
  CHECK(asset.field("confidentiality")->type == FieldType::Rating);
  CHECK_FALSE(asset.field("confidentiality")->required);
  CHECK(asset.field("status")->default_value == Value(std::string("in_use")));
  REQUIRE(asset.lifecycle.has_value());
  CHECK(asset.lifecycle->field == "status");
  CHECK(asset.lifecycle->transitions.size() == 4);
  CHECK(asset.field("missing") == nullptr);
}

TEST_CASE("registry: definitions are checked when a registry is built") {
  CHECK(problems_of(minimal("thing")).empty());
  CHECK_FALSE(problems_of(minimal("Bad Kind")).empty());

  EntityDef reserved = minimal("thing");
  reserved.fields.push_back(field("revision", "Revision", FieldType::Integer));
  CHECK(problems_of(reserved).find("system column") != std::string::npos);

  EntityDef duplicate = minimal("thing");
  duplicate.fields.push_back(field("name", "Name again", FieldType::Text));
  CHECK(problems_of(duplicate).find("key used twice") != std::string::npos);

  EntityDef bad_default = minimal("thing");
  bad_default.fields.push_back(
      field("level", "Level", FieldType::Enum).options({{"low", "Low"}}).default_value(std::string("high")));
  CHECK(problems_of(bad_default).find("default is invalid") != std::string::npos);

  EntityDef bad_lifecycle = minimal("thing");
  bad_lifecycle.lifecycle = LifecycleDef{"name", {}};
  CHECK(problems_of(bad_lifecycle).find("not an Enum") != std::string::npos);

  EntityDef bad_title = minimal("thing");
  bad_title.title_field = "title";
  CHECK_FALSE(problems_of(bad_title).empty());

  CHECK_THROWS_AS(Registry({minimal("thing"), minimal("thing")}), std::invalid_argument);

  EntityDef linking = minimal("risk");
  linking.fields.push_back(field("asset", "Asset", FieldType::Link).links_to("asset"));
  CHECK_THROWS_AS(Registry({linking}), std::invalid_argument);
  CHECK_NOTHROW(Registry({linking, minimal("asset")}));
}

TEST_CASE("registry: a record check must be a function") {
  EntityDef def = minimal("thing");
  def.checks.push_back(nullptr);
  CHECK(problems_of(def) == "thing: a record check is empty\n");
  def.checks.back() = [](const std::map<std::string, Value>&) { return std::optional<FieldError>(); };
  CHECK(problems_of(def).empty());
}
