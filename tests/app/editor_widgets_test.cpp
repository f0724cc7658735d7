// The decisions behind the record editor's widgets (app/editor_widgets.hpp, issue 4 item 3):
// which fields get a slider on which scale, what the - / + steppers do at and beyond the bounds,
// and which lifecycle steps a stored record is offered.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "app/editor_widgets.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/validation.hpp"

namespace {

using isms::EntityDef;
using isms::FieldDef;
using isms::FieldType;
using isms::RiskMethod;
using isms::app::allowed_next_states;
using isms::app::edited_by_transitions;
using isms::app::level_on_scale;
using isms::app::rating_scale;
using isms::app::slider_value;
using isms::app::RatingScale;
using isms::app::stepped;

const FieldDef& field_of(const EntityDef& def, const char* key) {
  const FieldDef* field = def.field(key);
  REQUIRE(field != nullptr);
  return *field;
}

FieldDef number_field(FieldType type, std::optional<double> min, std::optional<double> max) {
  // A milestone's progress (Integer, 0..100), given the type and bounds under test.
  FieldDef field = field_of(isms::registers::milestone(), "progress");
  field.type = type;
  field.min = min;
  field.max = max;
  return field;
}

}  // namespace

TEST_CASE("a rating is a slider on its bounds, numbers only") {
  const EntityDef asset = isms::registers::asset();
  const auto scale = rating_scale(asset, field_of(asset, "confidentiality"), nullptr);
  REQUIRE(scale);
  CHECK(scale->low == 1);
  CHECK(scale->high == 5);
  CHECK(scale->describe(4) == "4");
  // Plain numbers and other fields are no sliders.
  CHECK_FALSE(rating_scale(asset, field_of(asset, "status"), nullptr));
  const EntityDef training = isms::registers::training_session();
  CHECK_FALSE(rating_scale(training, field_of(training, "duration_minutes"), nullptr));
}

TEST_CASE("a risk's likelihood and impact are sliders on the risk method's scales, with its names") {
  const EntityDef risk = isms::registers::risk();
  RiskMethod method = RiskMethod::standard();
  const auto likelihood = rating_scale(risk, field_of(risk, "inherent_likelihood"), &method);
  REQUIRE(likelihood);
  CHECK(likelihood->low == 1);
  CHECK(likelihood->high == 5);
  CHECK(likelihood->describe(3) == "3 \xC2\xB7 Possible");
  const auto impact = rating_scale(risk, field_of(risk, "residual_impact"), &method);
  REQUIRE(impact);
  CHECK(impact->describe(5) == "5 \xC2\xB7 Severe");
  // A method of 4 steps without names: the numbers, once.
  method.likelihood_levels = 4;
  method.likelihood_labels.clear();
  const auto plain = rating_scale(risk, field_of(risk, "residual_likelihood"), &method);
  REQUIRE(plain);
  CHECK(plain->high == 4);
  CHECK(plain->describe(2) == "2");
  // The computed score is no slider; with no usable method the fields stay plain numbers.
  CHECK_FALSE(rating_scale(risk, field_of(risk, "inherent_score"), &method));
  CHECK_FALSE(rating_scale(risk, field_of(risk, "inherent_likelihood"), nullptr));
}

TEST_CASE("a slider shows only a whole number on its scale as a level") {
  const RatingScale scale;  // 1..5
  CHECK(level_on_scale(scale, "3") == 3);
  CHECK(level_on_scale(scale, " 5 ") == 5);
  CHECK_FALSE(level_on_scale(scale, ""));
  CHECK_FALSE(level_on_scale(scale, "6"));
  CHECK_FALSE(level_on_scale(scale, "0"));
  CHECK_FALSE(level_on_scale(scale, "2.5"));
  CHECK_FALSE(level_on_scale(scale, "high"));
  // The slider holds the typed number even off the scale, so typing over it is a change.
  CHECK(slider_value(scale, "9") == 9);
  CHECK(slider_value(scale, "4") == 4);
  CHECK(slider_value(scale, "") == 1);
  CHECK(slider_value(scale, "high") == 1);
}

TEST_CASE("the steppers move one step and never past the bounds") {
  const FieldDef percent = number_field(FieldType::Integer, 0, 100);
  CHECK(stepped(percent, "41", true) == "42");
  CHECK(stepped(percent, "41", false) == "40");
  CHECK(stepped(percent, "99", true) == "100");
  CHECK_FALSE(stepped(percent, "100", true));  // at the bound: the + does nothing
  CHECK(stepped(percent, "100", false) == "99");
  CHECK_FALSE(stepped(percent, "0", false));
  // A typed value beyond a bound is not moved further out; - brings it back within.
  CHECK_FALSE(stepped(percent, "150", true));
  CHECK(stepped(percent, "150", false) == "100");
  CHECK(stepped(percent, "-7", true) == "0");
  // Empty starts at the lower bound, or 0; text that is no number is left for core's message.
  CHECK(stepped(percent, "", true) == "0");
  CHECK(stepped(number_field(FieldType::Integer, 2000, 2100), "", true) == "2000");
  CHECK(stepped(number_field(FieldType::Integer, std::nullopt, std::nullopt), "", false) == "0");
  CHECK_FALSE(stepped(percent, "abc", true));
  CHECK_FALSE(stepped(percent, "4x", false));
}

TEST_CASE("number steppers keep the fraction and the field's bounds") {
  const FieldDef target = number_field(FieldType::Number, std::nullopt, std::nullopt);
  CHECK(stepped(target, "2.5", true) == "3.5");
  CHECK(stepped(target, "0.5", false) == "-0.5");
  CHECK(stepped(target, "3", true) == "4");
  const FieldDef bounded = number_field(FieldType::Number, 0, 10);
  CHECK(stepped(bounded, "9.5", true) == "10");
  CHECK_FALSE(stepped(bounded, "10", true));
  CHECK(stepped(bounded, "0.25", false) == "0");
  // What a stepper produces passes core's own check of the field.
  for (const char* text : {"0", "10", "5.5"}) {
    CHECK_FALSE(isms::validate_field(bounded, isms::Value(std::stod(text))));
  }
}

TEST_CASE("a stored record is offered the lifecycle's steps from its status, in the options' order") {
  const EntityDef asset = isms::registers::asset();
  CHECK(allowed_next_states(asset, "planned") == std::vector<std::string>{"in_use", "retired"});
  CHECK(allowed_next_states(asset, "in_use") == std::vector<std::string>{"retired"});
  CHECK(allowed_next_states(asset, "retired") == std::vector<std::string>{"in_use"});
  // Each offered step is one core accepts; one not offered is one core refuses.
  const EntityDef risk = isms::registers::risk();
  const std::vector<std::string> from_identified = allowed_next_states(risk, "identified");
  CHECK(from_identified == std::vector<std::string>{"assessed", "closed"});
  for (const isms::EnumOption& option : field_of(risk, "status").options) {
    const bool offered =
        std::find(from_identified.begin(), from_identified.end(), option.value) != from_identified.end();
    const bool accepted = !isms::check_transition(risk, std::string("identified"), option.value);
    if (option.value != "identified") CHECK_MESSAGE(offered == accepted, option.value);
  }
  // No lifecycle, or an unknown state: nothing to offer.
  CHECK(allowed_next_states(isms::registers::person(), "x").empty());
  CHECK(allowed_next_states(asset, "lost").empty());
}

TEST_CASE("only a stored record's status is edited by transition buttons") {
  const EntityDef asset = isms::registers::asset();
  const FieldDef& status = field_of(asset, "status");
  CHECK(edited_by_transitions(asset, status, false, "in_use"));
  // A new record may start in any state (core checks no transition from nothing): the list.
  CHECK_FALSE(edited_by_transitions(asset, status, true, ""));
  CHECK_FALSE(edited_by_transitions(asset, status, false, ""));
  CHECK_FALSE(edited_by_transitions(asset, field_of(asset, "classification"), false, "in_use"));
  CHECK(!isms::check_transition(asset, isms::Value{}, std::string("retired")));
}
