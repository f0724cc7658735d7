#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/model/definition_check.hpp"
#include "core/model/validation.hpp"
#include "core/risk/risk_method.hpp"

using namespace isms;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }

// A 3x4 matrix method whose scores are not products, so a test can tell the two apart.
RiskMethod matrix_method() {
  RiskMethod method;
  method.likelihood_levels = 3;
  method.impact_levels = 4;
  method.likelihood_labels = {"Low", "Medium", "High"};
  method.impact_labels = {"Minor", "Moderate", "Major", "Severe"};
  method.scoring = RiskScoring::Matrix;
  method.matrix = {{1, 2, 4, 7}, {2, 4, 7, 11}, {4, 7, 11, 16}};
  method.medium_from = 4;
  method.high_from = 7;
  method.critical_from = 11;
  method.appetite = RiskLevel::Low;
  return method;
}

// The check's complaint about `values`, as "field: message", or "" if it accepts them.
std::string problem(const Values& values) {
  const std::optional<FieldError> error = check_risk_method(values);
  return error ? error->field + ": " + error->message : std::string();
}

// What validate() says about one field of `values` ("" if nothing).
std::string validation_message(const Values& values, const std::string& field) {
  for (const FieldError& error : validate(registers::risk_method(), values)) {
    if (error.field == field) return error.message;
  }
  return {};
}

std::vector<std::string> all_messages(const Values& values) {
  std::vector<std::string> messages;
  for (const FieldError& error : validate(registers::risk_method(), values)) {
    messages.push_back(error.field + ": " + error.message);
  }
  return messages;
}

}  // namespace

TEST_CASE("risk method: levels have stored values and labels") {
  CHECK(to_value(RiskLevel::Low) == "low");
  CHECK(to_value(RiskLevel::Critical) == "critical");
  CHECK(to_label(RiskLevel::Medium) == "Medium");
  CHECK(to_label(RiskLevel::High) == "High");
  for (RiskLevel level : {RiskLevel::Low, RiskLevel::Medium, RiskLevel::High, RiskLevel::Critical}) {
    CHECK(parse_level(to_value(level)) == level);
  }
  CHECK_FALSE(parse_level("Medium").has_value());  // the label is not a stored value
  CHECK_FALSE(parse_level("").has_value());
}

TEST_CASE("risk method: the standard method is a 5x5 product with labelled levels") {
  const RiskMethod method = RiskMethod::standard();
  CHECK(method.likelihood_levels == 5);
  CHECK(method.impact_levels == 5);
  CHECK(method.likelihood_labels ==
        std::vector<std::string>{"Rare", "Unlikely", "Possible", "Likely", "Almost certain"});
  CHECK(method.impact_labels == std::vector<std::string>{"Negligible", "Minor", "Moderate", "Major", "Severe"});
  CHECK(method.scoring == RiskScoring::Product);
  CHECK(method.matrix.empty());
  CHECK(method.medium_from == 5);
  CHECK(method.high_from == 10);
  CHECK(method.critical_from == 17);
  CHECK(method.appetite == RiskLevel::Medium);
  CHECK(method.max_score() == 25);
  CHECK(likelihood_label(method, 1) == "Rare");
  CHECK(impact_label(method, 5) == "Severe");
  CHECK_THROWS_AS(likelihood_label(method, 0), std::out_of_range);
  CHECK_THROWS_AS(impact_label(method, 6), std::out_of_range);
}

TEST_CASE("risk method: labels fall back to numbers") {
  RiskMethod method;
  method.likelihood_levels = 4;
  CHECK(likelihood_label(method, 4) == "4");
  CHECK(impact_label(method, 2) == "2");
}

TEST_CASE("risk method: product scores multiply, matrix scores are looked up") {
  const RiskMethod product = RiskMethod::standard();
  CHECK(product.score(1, 1) == 1);
  CHECK(product.score(2, 5) == 10);
  CHECK(product.score(5, 4) == 20);
  CHECK(product.score(5, 5) == 25);
  CHECK_THROWS_AS(product.score(0, 3), std::out_of_range);
  CHECK_THROWS_AS(product.score(3, 6), std::out_of_range);
  CHECK_THROWS_AS(product.score(6, 1), std::out_of_range);

  const RiskMethod matrix = matrix_method();
  CHECK(matrix.score(1, 1) == 1);
  CHECK(matrix.score(1, 4) == 7);  // row = likelihood, column = impact
  CHECK(matrix.score(3, 1) == 4);
  CHECK(matrix.score(3, 4) == 16);
  CHECK(matrix.max_score() == 16);
  CHECK_THROWS_AS(matrix.score(4, 1), std::out_of_range);
  CHECK_THROWS_AS(matrix.score(1, 5), std::out_of_range);
}

TEST_CASE("risk method: level_of at every threshold boundary") {
  const RiskMethod method = RiskMethod::standard();
  CHECK(method.level_of(1) == RiskLevel::Low);
  CHECK(method.level_of(4) == RiskLevel::Low);
  CHECK(method.level_of(5) == RiskLevel::Medium);
  CHECK(method.level_of(9) == RiskLevel::Medium);
  CHECK(method.level_of(10) == RiskLevel::High);
  CHECK(method.level_of(16) == RiskLevel::High);
  CHECK(method.level_of(17) == RiskLevel::Critical);
  CHECK(method.level_of(25) == RiskLevel::Critical);
  // What the standard bands mean for familiar cells.
  CHECK(method.level_of(method.score(1, 5)) == RiskLevel::Medium);  // rare but severe
  CHECK(method.level_of(method.score(2, 5)) == RiskLevel::High);    // unlikely but severe
  CHECK(method.level_of(method.score(4, 4)) == RiskLevel::High);
  CHECK(method.level_of(method.score(4, 5)) == RiskLevel::Critical);
}

TEST_CASE("risk method: above_appetite is strictly above") {
  RiskMethod method = RiskMethod::standard();
  CHECK_FALSE(method.above_appetite(RiskLevel::Low));
  CHECK_FALSE(method.above_appetite(RiskLevel::Medium));
  CHECK(method.above_appetite(RiskLevel::High));
  CHECK(method.above_appetite(RiskLevel::Critical));
  method.appetite = RiskLevel::Critical;
  CHECK_FALSE(method.above_appetite(RiskLevel::Critical));
  method.appetite = RiskLevel::Low;
  CHECK(method.above_appetite(RiskLevel::Medium));
}

TEST_CASE("risk method: values round trip") {
  const Values standard = to_values(RiskMethod::standard());
  CHECK(standard.at("likelihood_levels") == Value(std::int64_t{5}));
  CHECK(standard.at("likelihood_labels") == text("Rare\nUnlikely\nPossible\nLikely\nAlmost certain"));
  CHECK(standard.at("scoring") == text("product"));
  CHECK(is_null(standard.at("matrix")));
  CHECK(standard.at("critical_from") == Value(std::int64_t{17}));
  CHECK(standard.at("appetite") == text("medium"));
  CHECK(method_from_values(standard) == RiskMethod::standard());

  const Values matrix = to_values(matrix_method());
  CHECK(matrix.at("matrix") == text("1, 2, 4, 7\n2, 4, 7, 11\n4, 7, 11, 16"));
  CHECK(matrix.at("scoring") == text("matrix"));
  CHECK(matrix.at("appetite") == text("low"));
  CHECK(method_from_values(matrix) == matrix_method());
}

TEST_CASE("risk method: method_from_values fills in numbers, defaults and tolerates spacing") {
  Values values = to_values(RiskMethod::standard());
  values["likelihood_labels"] = Value();
  values.erase("impact_labels");
  const RiskMethod numbered = method_from_values(values);
  CHECK(numbered.likelihood_labels == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(numbered.impact_labels == std::vector<std::string>{"1", "2", "3", "4", "5"});

  // Only the labels: everything else is the standard method's.
  const RiskMethod sparse = method_from_values({{"likelihood_labels", text("A\nB\nC\nD\nE")}});
  CHECK(sparse.likelihood_levels == 5);
  CHECK(sparse.critical_from == 17);
  CHECK(sparse.likelihood_labels.back() == "E");

  values = to_values(matrix_method());
  values["matrix"] = text("1,2,4,7\r\n 2 , 4,7, 11\r\n4,7,11,16\n");
  values["impact_labels"] = text("Minor \r\n Moderate\r\nMajor\r\nSevere");
  CHECK(method_from_values(values) == matrix_method());

  // A product method does not read the matrix, whatever it holds.
  values = to_values(RiskMethod::standard());
  values["matrix"] = text("not, a, matrix");
  CHECK(method_from_values(values).matrix.empty());
}

TEST_CASE("risk method: method_from_values refuses values that did not pass the check") {
  Values values = to_values(RiskMethod::standard());
  values["likelihood_levels"] = Value(std::int64_t{11});
  CHECK_THROWS_WITH_AS(method_from_values(values), "Likelihood levels must be between 3 and 10.",
                       std::invalid_argument);
  values = to_values(RiskMethod::standard());
  values["scoring"] = text("matrix");
  CHECK_THROWS_WITH_AS(method_from_values(values), "The matrix must have 5 lines of 5 scores each (it is empty).",
                       std::invalid_argument);
  values = to_values(RiskMethod::standard());
  values["appetite"] = text("huge");
  CHECK_THROWS_AS(method_from_values(values), std::invalid_argument);
}

TEST_CASE("risk method: the register definition is sound and its defaults are the standard method") {
  const EntityDef def = registers::risk_method();
  CHECK(definition_problems(def).empty());
  CHECK(def.kind == "risk_method");
  CHECK(def.label == "Risk method");
  CHECK(def.plural == "Risk methods");
  CHECK(def.title_field == "scoring");
  CHECK(def.checks.size() == 1);
  CHECK(def.fields.size() == 10);
  for (const FieldDef& field : def.fields) {
    CAPTURE(field.key);
    CHECK_FALSE(field.help.empty());
  }
  CHECK(def.field("scoring")->option_label("product") == "Likelihood × impact");
  CHECK(def.field("scoring")->option_label("matrix") == "Matrix lookup");
  CHECK(def.field("appetite")->option_label("critical") == "Critical");

  CHECK(all_messages(to_values(RiskMethod::standard())).empty());
  CHECK(all_messages(to_values(matrix_method())).empty());
  // A new record gets the defaults: exactly the standard method.
  const Values fresh = normalise(def, {});
  CHECK(all_messages(fresh).empty());
  CHECK(method_from_values(fresh) == RiskMethod::standard());
  CHECK(fresh == to_values(RiskMethod::standard()));
}

TEST_CASE("risk method: labels need one line per level") {
  Values values = to_values(RiskMethod::standard());
  values["likelihood_labels"] = text("Rare\nUnlikely\nPossible\nLikely");
  CHECK(problem(values) == "likelihood_labels: Likelihood labels must have one line per level (5 lines; 4 given).");
  CHECK(validation_message(values, "likelihood_labels") ==
        "Likelihood labels must have one line per level (5 lines; 4 given).");

  values = to_values(RiskMethod::standard());
  values["impact_levels"] = Value(std::int64_t{3});
  values["critical_from"] = Value(std::int64_t{15});  // within 5 x 3, so only the labels are wrong
  CHECK(problem(values) == "impact_labels: Impact labels must have one line per level (3 lines; 5 given).");
  values["impact_labels"] = text("Low\n\nHigh");
  CHECK(problem(values) == "impact_labels: Impact labels must have one line per level, none blank (line 2 is blank).");
  values["impact_labels"] = Value();  // numbers only
  CHECK(problem(values).empty());
}

TEST_CASE("risk method: the matrix must match the levels") {
  Values values = to_values(matrix_method());
  values["matrix"] = text("1,2,4,7\n2,4,7,11");
  CHECK(problem(values) == "matrix: The matrix must have 3 lines of 4 scores each (2 lines given).");
  values["matrix"] = text("1,2,4,7\n2,4,7,11\n4,7,11");
  CHECK(problem(values) == "matrix: The matrix must have 3 lines of 4 scores each (line 3 has 3).");
  values["matrix"] = text("1,2,4,7\n\n4,7,11,16");
  CHECK(problem(values) == "matrix: The matrix must have 3 lines of 4 scores each (line 2 has 0).");
  values["matrix"] = Value();
  CHECK(problem(values) == "matrix: The matrix must have 3 lines of 4 scores each (it is empty).");

  values = to_values(RiskMethod::standard());
  values["scoring"] = text("matrix");
  values["matrix"] = text("1,1,1,1,1\n1,1,1,1,1\n1,1,1,1\n1,1,1,1,1\n1,1,1,1,1");
  CHECK(problem(values) == "matrix: The matrix must have 5 lines of 5 scores each (line 3 has 4).");
  CHECK(validation_message(values, "matrix") == "The matrix must have 5 lines of 5 scores each (line 3 has 4).");
}

TEST_CASE("risk method: matrix scores must be whole numbers from 1 to 1000") {
  Values values = to_values(matrix_method());
  values["matrix"] = text("1,2,4,7\n2,x,7,11\n4,7,11,16");
  CHECK(problem(values) == "matrix: Matrix scores must be whole numbers from 1 to 1000 (line 2: 'x').");
  values["matrix"] = text("1,2,4,7\n2,4,7,11\n4,7,11,1001");
  CHECK(problem(values) == "matrix: Matrix scores must be whole numbers from 1 to 1000 (line 3: '1001').");
  values["matrix"] = text("0,2,4,7\n2,4,7,11\n4,7,11,16");
  CHECK(problem(values) == "matrix: Matrix scores must be whole numbers from 1 to 1000 (line 1: '0').");
  values["matrix"] = text("1,2.5,4,7\n2,4,7,11\n4,7,11,16");
  CHECK(problem(values) == "matrix: Matrix scores must be whole numbers from 1 to 1000 (line 1: '2.5').");
  values["matrix"] = text("1,,4,7\n2,4,7,11\n4,7,11,16");
  CHECK(problem(values) == "matrix: Matrix scores must be whole numbers from 1 to 1000 (line 1: '').");
  values["matrix"] = text("1,2,4,7\n2,4,7,11\n4,7,11,this cell is far too long to repeat");
  CHECK(problem(values) ==
        "matrix: Matrix scores must be whole numbers from 1 to 1000 (line 3: 'this cell is far too…').");
}

TEST_CASE("risk method: a product method ignores the matrix") {
  Values values = to_values(RiskMethod::standard());
  values["matrix"] = text("whatever was typed before switching to product");
  CHECK(problem(values).empty());
}

TEST_CASE("risk method: level thresholds must rise") {
  Values values = to_values(RiskMethod::standard());
  values["high_from"] = Value(std::int64_t{5});
  CHECK(problem(values) == "high_from: Level thresholds must rise: medium from 5, high from 5, critical from 17.");
  values["high_from"] = Value(std::int64_t{17});
  CHECK(problem(values) == "critical_from: Level thresholds must rise: medium from 5, high from 17, critical from 17.");
  values["high_from"] = Value(std::int64_t{20});
  values["medium_from"] = Value(std::int64_t{21});
  CHECK(problem(values) == "high_from: Level thresholds must rise: medium from 21, high from 20, critical from 17.");
  CHECK(validation_message(values, "high_from") ==
        "Level thresholds must rise: medium from 21, high from 20, critical from 17.");
}

TEST_CASE("risk method: thresholds start at 1") {
  Values values = to_values(RiskMethod::standard());
  values["medium_from"] = Value(std::int64_t{0});
  CHECK(problem(values) == "medium_from: Medium from must be at least 1.");
  // validate() reports the field's own range first and does not repeat the field.
  CHECK(validation_message(values, "medium_from") == "Medium from must be between 1 and 1000.");
  CHECK(all_messages(values).size() == 1);
}

TEST_CASE("risk method: critical must be reachable") {
  Values values = to_values(RiskMethod::standard());
  values["critical_from"] = Value(std::int64_t{26});
  const std::string message =
      "Critical from must be at most 25, the highest score this method can give; otherwise no risk can ever be "
      "critical.";
  CHECK(problem(values) == "critical_from: " + message);
  CHECK(validation_message(values, "critical_from") == message);
  values["critical_from"] = Value(std::int64_t{25});
  CHECK(problem(values).empty());

  // For a matrix, the highest cell is the limit, not likelihood × impact.
  values = to_values(matrix_method());
  values["critical_from"] = Value(std::int64_t{17});
  CHECK(problem(values) ==
        "critical_from: Critical from must be at most 16, the highest score this method can give; otherwise no risk "
        "can ever be critical.");
}

TEST_CASE("risk method: level counts outside 3..10 are the field rule's") {
  Values values = to_values(RiskMethod::standard());
  values["likelihood_levels"] = Value(std::int64_t{2});
  CHECK(validation_message(values, "likelihood_levels") == "Likelihood levels must be between 3 and 10.");
  // The labels are not measured against a count that is itself wrong.
  CHECK(validation_message(values, "likelihood_labels").empty());
  values["likelihood_levels"] = Value(std::int64_t{5});
  values["impact_levels"] = Value(std::int64_t{11});
  CHECK(validation_message(values, "impact_levels") == "Impact levels must be between 3 and 10.");
  CHECK(all_messages(values).size() == 1);
  values.erase("impact_levels");
  CHECK(validation_message(values, "impact_levels") == "Impact levels is required.");
}
