#include <doctest/doctest.h>

#include <limits>

#include "core/model/field_builder.hpp"
#include "core/model/registry.hpp"
#include "core/model/validation.hpp"

using namespace isms;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }

// The message for `field` when validating `values` against the asset definition ("" if none).
std::string asset_error(const std::string& field, const Values& values) {
  const EntityDef& asset = Registry::builtin().get("asset");
  for (const FieldError& error : validate(asset, values)) {
    if (error.field == field) return error.message;
  }
  return {};
}

std::string workspace_error(const std::string& field, const Values& values) {
  const EntityDef& def = Registry::builtin().get("workspace");
  for (const FieldError& error : validate(def, values)) {
    if (error.field == field) return error.message;
  }
  return {};
}

Values good_asset() { return {{"name", text("Laptop")}, {"type", text("hardware")}, {"status", text("in_use")}}; }

// `letter` repeated `code_points` times (by default a two-byte letter), to prove lengths are
// counted in characters and not bytes.
std::string letters(std::size_t code_points, const std::string& letter = "ł") {
  std::string s;
  for (std::size_t i = 0; i < code_points; ++i) s += letter;
  return s;
}

// A definition with one field of every remaining type, for the rules the built-ins do not use.
EntityDef sampler() {
  EntityDef def;
  def.kind = "sample";
  def.label = "Sample";
  def.plural = "Samples";
  def.title_field = "due";
  def.fields = {
      field("due", "Due date", FieldType::Date),
      field("contact", "Contact e-mail", FieldType::Email),
      field("count", "Count", FieldType::Integer).range(0, 100),
      field("ratio", "Ratio", FieldType::Number),
      field("floor", "Floor", FieldType::Number),
  };
  def.fields.back().min = -2.5;
  return def;
}

std::string sample_error(const Values& values) {
  const auto errors = validate(sampler(), values);
  return errors.empty() ? std::string() : errors.front().message;
}

}  // namespace

TEST_CASE("validation: a complete asset is valid") {
  CHECK(validate(Registry::builtin().get("asset"), good_asset()).empty());
}

TEST_CASE("validation: required fields, including empty and whitespace-only text") {
  Values values = good_asset();
  values.erase("name");
  CHECK(asset_error("name", values) == "Name is required.");
  values["name"] = text("");
  CHECK(asset_error("name", values) == "Name is required.");
  values["name"] = text(" \t\n ");
  CHECK(asset_error("name", values) == "Name is required.");
  CHECK(workspace_error("name", {{"client", text("c")}, {"consultant", text("me")}}) == "Workspace name is required.");
}

TEST_CASE("validation: length is counted in code points - 200 is accepted, 201 refused") {
  const Values base = {{"client", text("c")}, {"consultant", text("me")}};
  Values values = base;
  values["name"] = text(letters(200, "a"));
  CHECK(workspace_error("name", values).empty());
  values["name"] = text(letters(201, "a"));
  CHECK(workspace_error("name", values) == "Workspace name is too long (201 characters; at most 200).");
  values["name"] = text(letters(200));  // 400 bytes, 200 characters
  CHECK(workspace_error("name", values).empty());
  values["name"] = text(letters(213, "🚀"));
  CHECK(workspace_error("name", values) == "Workspace name is too long (213 characters; at most 200).");
  // LongText has a larger default limit.
  CHECK(asset_error("description", {{"description", text(letters(5000))}}).empty());
  CHECK(asset_error("description", {{"description", text(letters(20001, "a"))}}) ==
        "Description is too long (20001 characters; at most 20000).");
}

TEST_CASE("validation: invalid UTF-8 is refused") {
  Values values = good_asset();
  values["name"] = text("bad \xC3\x28 bytes");
  CHECK(asset_error("name", values) == "Name contains characters that are not valid UTF-8 text.");
}

TEST_CASE("validation: quotes, emoji and accents are ordinary text") {
  Values values = good_asset();
  for (const char* name : {"O'Brien \"Ltd\" 🚀", "Müller & Søn, Łódź", "<script>alert(1)</script>", "a; DROP TABLE x"}) {
    values["name"] = text(name);
    CHECK_MESSAGE(asset_error("name", values).empty(), name);
  }
}

TEST_CASE("validation: enum values must be options, and the message lists the labels") {
  Values values = good_asset();
  values["type"] = text("spaceship");
  CHECK(asset_error("type", values) == "Type must be one of: Information, Software, Hardware, Service, People, Site.");
  values["type"] = text("Hardware");  // the label is not the value
  CHECK_FALSE(asset_error("type", values).empty());
  values["type"] = std::int64_t{1};
  CHECK(asset_error("type", values) == "Type must be text.");
}

TEST_CASE("validation: ratings are whole numbers within their bounds") {
  Values values = good_asset();
  values["confidentiality"] = std::int64_t{5};
  CHECK(asset_error("confidentiality", values).empty());
  values["confidentiality"] = std::int64_t{1};
  CHECK(asset_error("confidentiality", values).empty());
  values["confidentiality"] = std::int64_t{0};
  CHECK(asset_error("confidentiality", values) == "Confidentiality must be between 1 and 5.");
  values["confidentiality"] = std::int64_t{6};
  CHECK(asset_error("confidentiality", values) == "Confidentiality must be between 1 and 5.");
  values["confidentiality"] = 2.5;
  CHECK(asset_error("confidentiality", values) == "Confidentiality must be a whole number.");
  values["confidentiality"] = text("high");
  CHECK(asset_error("confidentiality", values) == "Confidentiality must be a whole number.");
}

TEST_CASE("validation: dates must be real calendar dates written YYYY-MM-DD") {
  CHECK(sample_error({{"due", text("2026-11-26")}}).empty());
  CHECK(sample_error({{"due", text("2028-02-29")}}).empty());  // leap year
  for (const char* bad : {"2026-02-29", "2100-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "26-11-2026",
                          "2026-1-5", "2026/11/26", "2026-11-26T10:00", "tomorrow"}) {
    CHECK_MESSAGE(sample_error({{"due", text(bad)}}) == "Due date must be a date like 2026-11-26.", bad);
  }
}

TEST_CASE("validation: e-mail, integer and number rules") {
  CHECK(sample_error({{"contact", text("anna.dvorak@example.cz")}}).empty());
  for (const char* bad : {"anna", "anna@", "@example.org", "anna@example", "a@b@example.org", "an na@example.org",
                          "anna@example.", "anna@.org"}) {
    CHECK_MESSAGE(
        sample_error({{"contact", text(bad)}}) == "Contact e-mail must be an e-mail address like name@example.org.",
        bad);
  }
  CHECK(sample_error({{"count", std::int64_t{100}}}).empty());
  CHECK(sample_error({{"count", std::int64_t{101}}}) == "Count must be between 0 and 100.");
  CHECK(sample_error({{"ratio", 1e300}}).empty());
  CHECK(sample_error({{"ratio", std::int64_t{3}}}).empty());
  CHECK(sample_error({{"ratio", text("many")}}) == "Ratio must be a number.");
  CHECK(sample_error({{"ratio", std::numeric_limits<double>::infinity()}}) == "Ratio must be a number.");
  CHECK(sample_error({{"floor", -3.0}}) == "Floor must be at least -2.5.");
}

TEST_CASE("validation: unknown fields are refused by name") {
  Values values = good_asset();
  values["colour"] = text("blue");
  const auto errors = validate(Registry::builtin().get("asset"), values);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "colour");
  CHECK(errors[0].message == "Unknown field 'colour'.");
}

TEST_CASE("validation: ValidationError carries every error and joins their messages") {
  const auto errors = validate(Registry::builtin().get("workspace"), {});
  REQUIRE(errors.size() == 3);
  const ValidationError error(errors);
  CHECK(std::string(error.what()) ==
        "Workspace name is required. Client organisation is required. Consultant is required.");
  CHECK(error.errors().size() == 3);
  CHECK(error.message_for("client") == "Client organisation is required.");
  CHECK(error.message_for("description").empty());
}

TEST_CASE("normalise: trims, empties become null, numbers get their field's type, defaults fill gaps") {
  const EntityDef& asset = Registry::builtin().get("asset");
  const Values values = normalise(asset, {{"name", text("  Laptop \n")},
                                          {"owner", text("   ")},
                                          {"confidentiality", text(" 3 ")},
                                          {"integrity", 4.0},
                                          {"availability", 4.5},
                                          {"location", Value()}});
  CHECK(values.at("name") == text("Laptop"));
  CHECK(is_null(values.at("owner")));
  CHECK(values.at("confidentiality") == Value(std::int64_t{3}));
  CHECK(values.at("integrity") == Value(std::int64_t{4}));
  CHECK(values.at("availability") == Value(4.5));  // kept for validate() to refuse
  CHECK(values.at("classification") == text("internal"));
  CHECK(values.at("status") == text("in_use"));
  CHECK(is_null(values.at("location")));  // given as null: stays null, no default
  CHECK(values.size() == asset.fields.size());

  const Values number = normalise(sampler(), {{"ratio", std::int64_t{2}}, {"floor", text("1.5")}});
  CHECK(number.at("ratio") == Value(2.0));
  CHECK(number.at("floor") == Value(1.5));

  const Values changes = normalise_changes(asset, {{"name", text(" x ")}, {"nonsense", text(" y ")}});
  CHECK(changes.size() == 2);  // no defaults, unknown keys kept for validate() to report
  CHECK(changes.at("name") == text("x"));
  CHECK(changes.at("nonsense") == text(" y "));
}

TEST_CASE("normalise: a field with trim off keeps its whitespace") {
  EntityDef def = sampler();
  def.fields.push_back(field("verbatim", "Verbatim", FieldType::LongText).keep_whitespace());
  CHECK(normalise(def, {{"verbatim", text("  indented\n")}}).at("verbatim") == text("  indented\n"));
}

TEST_CASE("lifecycle: allowed transitions pass, others are refused with the allowed ones listed") {
  const EntityDef& asset = Registry::builtin().get("asset");
  CHECK_FALSE(check_transition(asset, text("planned"), text("in_use")).has_value());
  CHECK_FALSE(check_transition(asset, text("retired"), text("in_use")).has_value());
  CHECK_FALSE(check_transition(asset, text("retired"), text("retired")).has_value());
  CHECK_FALSE(check_transition(asset, Value(), text("retired")).has_value());

  const auto refused = check_transition(asset, text("in_use"), text("planned"));
  REQUIRE(refused.has_value());
  CHECK(refused->field == "status");
  CHECK(refused->message == "Status cannot change from In use to Planned; allowed: Retired.");
  const auto from_retired = check_transition(asset, text("retired"), text("planned"));
  REQUIRE(from_retired.has_value());
  CHECK(from_retired->message == "Status cannot change from Retired to Planned; allowed: In use.");

  CHECK_FALSE(check_transition(Registry::builtin().get("workspace"), text("a"), text("b")).has_value());
}
