// Links between records: what a write may point at, what a deletion does with the records that
// point at it, restoring, computed fields and rules that look at other records. A small registry
// of its own (a team, its members and their badges) keeps each rule visible in the test.
#include <doctest/doctest.h>

#include "core/model/field_builder.hpp"
#include "core/model/links.hpp"
#include "core/model/registry.hpp"
#include "core/store/migrations.hpp"
#include "core/store/repository.hpp"
#include "core/store/schema.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }

EntityDef team() {
  EntityDef def;
  def.kind = "team";
  def.label = "Team";
  def.plural = "Teams";
  def.title_field = "name";
  def.fields = {field("name", "Name", FieldType::Text).required(),
                field("partners", "Partner teams", FieldType::LinkList).links_to("team")};
  return def;
}

EntityDef member() {
  EntityDef def;
  def.kind = "member";
  def.label = "Member";
  def.plural = "Members";
  def.title_field = "name";
  def.fields = {field("name", "Name", FieldType::Text).required(),
                field("team", "Team", FieldType::Link).links_to("team").required(),
                field("mentor", "Mentor", FieldType::Link).links_to("member"),
                field("role", "Role", FieldType::Enum).options({{"lead", "Lead"}, {"member", "Member"}}),
                field("name_length", "Name length", FieldType::Integer).computed()};
  def.derive = [](const RecordContext&, Values& values) {
    const auto* name = std::get_if<std::string>(&values["name"]);
    values["name_length"] = name != nullptr ? Value(static_cast<std::int64_t>(name->size())) : Value{};
  };
  // One lead per team: a rule over several records.
  def.context_checks = {
      [](const RecordContext& context, const std::string& id, const Values& values) -> std::optional<FieldError> {
        if (values.at("role") != Value(std::string("lead"))) return std::nullopt;
        for (const Record& other : context.find_by("member", "team", values.at("team"))) {
          if (other.id != id && other.get("role") == Value(std::string("lead"))) {
            return FieldError{"role", "This team already has a lead: " + to_display(other.get("name")) + "."};
          }
        }
        return std::nullopt;
      }};
  return def;
}

EntityDef badge() {
  EntityDef def;
  def.kind = "badge";
  def.label = "Badge";
  def.plural = "Badges";
  def.title_field = "label";
  def.fields = {field("label", "Label", FieldType::Text).required(),
                field("holder", "Holder", FieldType::Link).part_of("member")};
  return def;
}

const Registry& test_registry() {
  static const Registry registry({team(), member(), badge()});
  return registry;
}

struct Fixture {
  TempDir dir;
  Database db{dir.file("links.sqlite")};
  FixedClock clock{"2026-03-01T10:00:00Z"};
  Repository repo{db, test_registry(), clock, "Anna"};

  Fixture() {
    migrate(db);
    ensure_tables(db, test_registry());
  }

  std::string add_team(const std::string& name, Value partners = {}) {
    return repo.create("team", {{"name", text(name)}, {"partners", std::move(partners)}});
  }
  std::string add_member(const std::string& name, const std::string& team_id, const char* role = "member") {
    return repo.create("member", {{"name", text(name)}, {"team", text(team_id)}, {"role", text(role)}});
  }
  std::string message_of_create(const std::string& kind, Values values) {
    try {
      repo.create(kind, std::move(values));
    } catch (const ValidationError& error) {
      return error.what();
    }
    return "(created)";
  }
};

}  // namespace

TEST_CASE("links: a link list is stored sorted, without duplicates, and empty as nothing") {
  const EntityDef def = team();
  const Values values = normalise(def, {{"name", text("A")}, {"partners", text(R"(["b","a","b"])")}});
  CHECK(values.at("partners") == text(R"(["a","b"])"));
  CHECK(is_null(normalise(def, {{"partners", text("[]")}}).at("partners")));
  CHECK(link_list({"x", "y", "x"}) == text(R"(["x","y"])"));
  CHECK(is_null(link_list({})));
  CHECK(linked_ids(*def.field("partners"), text(R"(["a","b"])")) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("links: a malformed link list is refused with the field's name") {
  const EntityDef def = team();
  for (const char* bad : {"a,b", R"(["a",1])", R"({"a":1})", R"([""])"}) {
    CAPTURE(bad);
    const auto errors = validate(def, normalise(def, {{"name", text("A")}, {"partners", text(bad)}}));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "Partner teams must be a list of record ids.");
  }
}

TEST_CASE_FIXTURE(Fixture, "links: a write may only point at live records, never at itself") {
  const std::string red = add_team("Red");
  CHECK(message_of_create("member", {{"name", text("Ada")}, {"team", text("no-such-id")}}) ==
        "Team points to no existing team (id no-such-id).");

  const std::string blue = add_team("Blue");
  repo.remove("team", blue);
  CHECK(message_of_create("member", {{"name", text("Ada")}, {"team", text(blue)}}) ==
        "Team points to a deleted team ('Blue'). Restore it or choose another.");
  CHECK(message_of_create("team", {{"name", text("Green")}, {"partners", link_list({red, blue})}}) ==
        "Partner teams points to a deleted team ('Blue'). Restore it or choose another.");

  try {
    repo.update("team", red, {{"partners", link_list({red})}});
    FAIL("a record linked to itself");
  } catch (const ValidationError& error) {
    CHECK(error.message_for("partners") == "Partner teams cannot point to the record itself.");
  }
  CHECK(repo.count("member") == 0);
}

TEST_CASE_FIXTURE(Fixture, "links: linked_from lists the live records that point at one, through each field") {
  const std::string red = add_team("Red");
  const std::string blue = add_team("Blue", link_list({red}));
  const std::string ada = add_member("Ada", red);
  const std::string gone = add_member("Bob", red);
  repo.remove("member", gone);

  const std::vector<LinkedRecord> referrers = repo.linked_from(red);
  REQUIRE(referrers.size() == 2);
  CHECK(referrers[0].kind == "member");
  CHECK(referrers[0].id == ada);
  CHECK(referrers[0].title == "Ada");
  CHECK(referrers[0].field == "team");
  CHECK(referrers[1].kind == "team");
  CHECK(referrers[1].id == blue);
  CHECK(referrers[1].field == "partners");

  // Changing a link moves it in the index.
  repo.update("team", blue, {{"partners", Value{}}});
  CHECK(repo.linked_from(red).size() == 1);
}

TEST_CASE_FIXTURE(Fixture, "links: deleting a record that others point at is refused and names them") {
  const std::string red = add_team("Red");
  add_team("Blue", link_list({red}));
  add_member("Ada", red);
  try {
    repo.remove("team", red);
    FAIL("deleted a linked team");
  } catch (const LinkedRecordsError& error) {
    CHECK(std::string(error.what()) ==
          "The team 'Red' is still linked from 2 records: Member 'Ada' (Team), Team 'Blue' (Partner teams). "
          "Remove those links first, or delete and unlink.");
    CHECK(error.referrers().size() == 2);
  }
  CHECK_FALSE(repo.get("team", red)->deleted);
}

TEST_CASE_FIXTURE(Fixture, "links: delete and unlink takes the link out, a required link cannot be taken out") {
  const std::string red = add_team("Red");
  const std::string green = add_team("Green");
  const std::string blue = add_team("Blue", link_list({red, green}));
  repo.remove("team", red, OnLinks::Unlink);
  CHECK(repo.get("team", red)->deleted);
  CHECK(repo.get("team", blue)->get("partners") == link_list({green}));

  add_member("Ada", green);
  try {
    repo.remove("team", green, OnLinks::Unlink);
    FAIL("a member lost its required team");
  } catch (const LinkedRecordsError& error) {
    CHECK(std::string(error.what()) == "Member 'Ada' needs its Team. Choose another one there first, or delete it.");
  }
  // Refused as a whole: Blue still points at Green.
  CHECK_FALSE(repo.get("team", green)->deleted);
  CHECK(repo.get("team", blue)->get("partners") == link_list({green}));
}

TEST_CASE_FIXTURE(Fixture, "links: the parts of a record go with it, and come back with it") {
  const std::string red = add_team("Red");
  const std::string green = add_team("Green");
  const std::string ada = add_member("Ada", red);
  const std::string bob = add_member("Bob", green);
  repo.update("member", bob, {{"mentor", text(ada)}});
  const std::string badge_id = repo.create("badge", {{"label", text("First aid")}, {"holder", text(ada)}});

  repo.remove("member", ada, OnLinks::Unlink);
  CHECK(repo.get("badge", badge_id)->deleted);
  CHECK(is_null(repo.get("member", bob)->get("mentor")));

  repo.restore("member", ada);
  CHECK_FALSE(repo.get("member", ada)->deleted);
  CHECK_FALSE(repo.get("badge", badge_id)->deleted);
  CHECK(repo.get("member", bob)->get("mentor") == text(ada));  // the unlink is undone too
  CHECK(repo.linked_from(ada).size() == 2);
}

TEST_CASE_FIXTURE(Fixture, "links: restore keeps a later edit and refuses while its own target is deleted") {
  const std::string red = add_team("Red");
  const std::string green = add_team("Green");
  const std::string ada = add_member("Ada", red);
  const std::string bob = add_member("Bob", green);
  repo.update("member", bob, {{"mentor", text(ada)}});
  repo.remove("member", ada, OnLinks::Unlink);
  const std::string cleo = add_member("Cleo", green);
  repo.update("member", bob, {{"mentor", text(cleo)}});  // someone chose another mentor meanwhile

  repo.restore("member", ada);
  CHECK(repo.get("member", bob)->get("mentor") == text(cleo));

  repo.remove("member", ada);
  repo.remove("team", red);
  try {
    repo.restore("member", ada);
    FAIL("restored a member of a deleted team");
  } catch (const StoreError& error) {
    CHECK(std::string(error.what()) ==
          "Cannot restore the member 'Ada': its Team (the team 'Red') is deleted. Restore that first.");
  }
  CHECK(repo.get("member", ada)->deleted);
}

TEST_CASE_FIXTURE(Fixture, "links: computed fields come from derive, never from the caller") {
  const std::string red = add_team("Red");
  const std::string ada =
      repo.create("member", {{"name", text("Ada")}, {"team", text(red)}, {"name_length", std::int64_t{99}}});
  CHECK(repo.get("member", ada)->get("name_length") == Value(std::int64_t{3}));
  repo.update("member", ada, {{"name", text("Ada Lovelace")}, {"name_length", std::int64_t{1}}});
  CHECK(repo.get("member", ada)->get("name_length") == Value(std::int64_t{12}));
  const auto history = repo.history(ada);
  CHECK(history.back().field == "name_length");
}

TEST_CASE_FIXTURE(Fixture, "links: a context check sees the other records and names the field") {
  const std::string red = add_team("Red");
  const std::string green = add_team("Green");
  const std::string ada = add_member("Ada", red, "lead");
  add_member("Cleo", green, "lead");  // another team: fine
  CHECK(message_of_create("member", {{"name", text("Bob")}, {"team", text(red)}, {"role", text("lead")}}) ==
        "This team already has a lead: Ada.");
  repo.update("member", ada, {{"name", text("Ada L.")}});  // the lead itself may still be edited
  repo.update("member", ada, {{"role", text("member")}});
  add_member("Bob", red, "lead");
  CHECK(repo.count("member") == 3);
}

TEST_CASE_FIXTURE(Fixture, "links: a restored record meets today's rules, or is not restored") {
  const std::string red = add_team("Red");
  const std::string ada = add_member("Ada", red, "lead");
  repo.remove("member", ada);
  add_member("Bob", red, "lead");  // took the place meanwhile
  try {
    repo.restore("member", ada);
    FAIL("two leads in one team");
  } catch (const StoreError& error) {
    CHECK(std::string(error.what()) == "Cannot restore the member 'Ada': This team already has a lead: Bob.");
  }
  CHECK(repo.get("member", ada)->deleted);
}

TEST_CASE_FIXTURE(Fixture, "links: ids are unique across registers") {
  const std::string red = add_team("Red");
  const std::string green = add_team("Green");
  CHECK_THROWS_WITH(repo.create_with_id("member", red, {{"name", text("Ada")}, {"team", text(green)}}),
                    ("A record with id " + red + " already exists.").c_str());
  CHECK(repo.count("member") == 0);
}

TEST_CASE_FIXTURE(Fixture,
                  "links: restore puts a taken-out link back into a list edited since, and says what it left") {
  const std::string red = add_team("Red");
  const std::string green = add_team("Green");
  const std::string blue = add_team("Blue");
  const std::string hub = add_team("Hub", link_list({red, green}));
  const std::string ada = add_member("Ada", green);
  const std::string bob = add_member("Bob", green);
  repo.update("member", bob, {{"mentor", text(ada)}});

  repo.remove("team", red, OnLinks::Unlink);
  repo.update("team", hub, {{"partners", link_list({green, blue})}});  // edited since
  CHECK(repo.restore("team", red).empty());
  CHECK(repo.get("team", hub)->get("partners") == link_list({red, green, blue}));

  repo.remove("member", ada, OnLinks::Unlink);
  const std::string cleo = add_member("Cleo", green);
  repo.update("member", bob, {{"mentor", text(cleo)}});
  const std::vector<std::string> notes = repo.restore("member", ada);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == "Member 'Bob': Mentor was changed since the deletion and is left as it is.");
}

TEST_CASE_FIXTURE(Fixture, "links: a part of two records cannot be restored while its other parent is deleted") {
  const std::string red = add_team("Red");
  const std::string ada = add_member("Ada", red);
  const std::string badge_id = repo.create("badge", {{"label", text("First aid")}, {"holder", text(ada)}});
  repo.remove("member", ada);
  repo.remove("team", red);
  try {
    repo.restore("member", ada);
    FAIL("restored a member of a deleted team");
  } catch (const StoreError& error) {
    CHECK(std::string(error.what()) ==
          "Cannot restore the member 'Ada': its Team (the team 'Red') is deleted. "
          "Restore that first.");
  }
  CHECK(repo.get("badge", badge_id)->deleted);
}
