#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <set>
#include <sstream>

#include "core/model/links.hpp"
#include "core/store/field_versions.hpp"
#include "tests/core/merge_test_support.hpp"

// The merge promises over random edits: two copies of one workspace edit the same records at
// random (create, change random fields, delete, restore), then exchange bundles. For each seed:
//   - a conflict only ever names a field (or deletion) both sides changed to different values;
//   - every field both sides changed to different values is a conflict;
//   - a field only one side changed takes that side's value;
//   - importing the same bundle twice changes nothing;
//   - without conflicts, A then B gives the same register as B then A;
//   - after the conflicts are resolved and the bundles go round, both copies hold the same.
using namespace isms;
using namespace isms::bundle;
using isms::test::Copy;
using isms::test::text;

namespace {

constexpr int seeds = 200;
constexpr int edits_per_side = 8;

using FieldKey = std::pair<std::string, std::string>;  // record id, field key (or "_deleted")

// The workspace every seed starts from, made once: a few people, assets, a KPI with measurements.
struct Start {
  FixedClock clock{"2026-11-26T09:00:00Z"};
  std::unique_ptr<Copy> origin = test::origin(clock);
  Bundle bundle;

  Start() {
    Repository& records = origin->records();
    std::vector<std::string> people;
    for (const char* name : {"Anna", "Ben", "Cleo"}) people.push_back(records.create("person", {{"name", text(name)}}));
    for (const char* name : {"Laptop", "Printer", "Server", "Phone"}) {
      records.create("asset", {{"name", text(name)}, {"type", text("hardware")}, {"owner", text(people[0])}});
    }
    const std::string kpi = records.create("kpi", {{"name", text("Patch coverage")}});
    for (const char* date : {"2026-09-30", "2026-10-31"}) {
      records.create("measurement", {{"kpi", text(kpi)}, {"date", text(date)}, {"value", 80.0}});
    }
    bundle = origin->bundle();
  }
};

const Start& start() {
  static const Start made;
  return made;
}

// A copy of the start: the file of one import copied (cheaper than importing each time) and given
// its own replica id, as a copied file must be.
std::unique_ptr<Copy> fresh_copy(const Clock& clock) {
  static const std::unique_ptr<Copy> base = [] {
    auto made = std::make_unique<Copy>();
    made->ws = import_as_new_workspace(made->dir.str(), start().bundle, start().clock, nullptr);
    made->ws.reset();
    return made;
  }();
  auto copy = std::make_unique<Copy>();
  std::filesystem::copy_file(base->dir.file(Workspace::file_name), copy->dir.file(Workspace::file_name));
  {
    Database db(copy->dir.file(Workspace::file_name));
    db.exec("PRAGMA synchronous = OFF");
    assign_new_replica(db);
  }
  copy->ws = Workspace::open(copy->dir.str(), clock, nullptr);
  // Durability is not what this test is about: 200 seeds of dozens of commits would otherwise
  // spend their time waiting for the disk.
  copy->ws->database().exec("PRAGMA synchronous = OFF");
  return copy;
}

// Random edits of one copy.
class Editor {
 public:
  Editor(Copy& copy, std::mt19937& random) : copy_(copy), random_(random) {}

  void edit() {
    try {
      switch (pick(9)) {
        case 0:
          create_asset();
          break;
        case 1:
          copy_.records().create("person", {{"name", text(one_of({"Dana", "Emil", "Filip"}))}});
          break;
        case 2:
        case 3:
        case 4:
          change_asset();
          break;
        case 5:
          change_other();
          break;
        case 6:
          remove_one();
          break;
        case 7:
          restore_one();
          break;
        default:
          add_measurement();
          break;
      }
    } catch (const StoreError&) {
      // A refused edit (a deletion still linked, a restore whose target is gone) is no edit.
    } catch (const ValidationError&) {
    }
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }
  std::string one_of(std::initializer_list<const char*> options) { return *(options.begin() + pick(options.size())); }

  std::vector<Record> records(const char* kind, bool deleted) {
    std::vector<Record> found;
    for (Record& record : copy_.records().list(kind, true)) {
      if (record.deleted == deleted) found.push_back(std::move(record));
    }
    return found;
  }

  std::optional<Record> any(const char* kind, bool deleted = false) {
    std::vector<Record> found = records(kind, deleted);
    if (found.empty()) return std::nullopt;
    return found[pick(found.size())];
  }

  void create_asset() {
    test::Values values{{"name", text(one_of({"Tablet", "Router", "NAS"}))}, {"type", text("hardware")}};
    if (auto person = any("person")) values["owner"] = text(person->id);
    copy_.records().create("asset", values);
  }

  // One to three fields, from small pools of values, so both sides sometimes pick the same.
  void change_asset() {
    const std::optional<Record> asset = any("asset");
    if (!asset) return;
    test::Values changes;
    for (std::size_t n = 1 + pick(3); n > 0; --n) {
      switch (pick(6)) {
        case 0:
          changes["location"] = text(one_of({"Office", "Home", "Lab", ""}));
          break;
        case 1:
          changes["classification"] = text(one_of({"public", "internal", "confidential", "restricted"}));
          break;
        case 2:
          changes["confidentiality"] = static_cast<std::int64_t>(1 + pick(5));
          break;
        case 3:
          if (auto person = any("person")) changes["owner"] = text(person->id);
          break;
        case 4:
          changes["name"] = text(one_of({"Laptop", "Old laptop", "New laptop"}));
          break;
        default: {
          const std::string status = to_display(asset->get("status"));
          changes["status"] = text(status == "retired" ? "in_use" : "retired");
          break;
        }
      }
    }
    copy_.records().update("asset", asset->id, changes);
  }

  void change_other() {
    if (pick(2) == 0) {
      if (auto person = any("person")) {
        copy_.records().update("person", person->id, {{"job_title", text(one_of({"CISO", "CIO", "Auditor"}))}});
      }
      return;
    }
    if (auto measurement = any("measurement")) {
      copy_.records().update("measurement", measurement->id, {{"value", static_cast<double>(70 + pick(4) * 10)}});
    }
  }

  void remove_one() {
    const std::size_t which = pick(4);
    const char* kinds[] = {"asset", "person", "kpi", "measurement"};
    if (auto record = any(kinds[which])) copy_.records().remove(kinds[which], record->id, OnLinks::Unlink);
  }

  void restore_one() {
    const char* kinds[] = {"asset", "person", "kpi", "measurement"};
    const char* kind = kinds[pick(4)];
    if (auto record = any(kind, true)) copy_.records().restore(kind, record->id);
  }

  void add_measurement() {
    if (auto kpi = any("kpi")) {
      copy_.records().create("measurement", {{"kpi", text(kpi->id)},
                                             {"date", text(one_of({"2026-11-30", "2026-12-31"}))},
                                             {"value", static_cast<double>(60 + pick(5) * 10)}});
    }
  }

  Copy& copy_;
  std::mt19937& random_;
};

// The fields (and deletions) a copy changed since it was made: its history after the first
// change set. Computed fields are derived, never merged, so they are left out.
std::set<FieldKey> changed_since_start(const Copy& copy) {
  std::set<FieldKey> changed;
  Statement query = copy.ws->records().database().prepare(
      "SELECT kind, record_id, field FROM history WHERE change_set NOT IN "
      "(SELECT change_set FROM history ORDER BY seq LIMIT 1)");
  while (query.step()) {
    const EntityDef* def = copy.ws->registry().find(query.column_text(0));
    const std::string field = query.column_text(2);
    const FieldDef* definition = def != nullptr ? def->field(field) : nullptr;
    if (definition != nullptr && definition->computed) continue;
    changed.emplace(query.column_text(1), field);
  }
  return changed;
}

Value value_of(const Copy& copy, const std::string& id, const std::string& field) {
  for (const EntityDef& def : copy.ws->registry().all()) {
    const std::optional<Record> record = copy.ws->records().get(def.kind, id);
    if (!record) continue;
    if (field == deleted_field) return Value(std::int64_t{record->deleted ? 1 : 0});
    return record->get(field);
  }
  return Value();
}

bool in_start(const std::string& id) {
  for (const BundleRecord& record : start().bundle.records) {
    if (record.id == id) return true;
  }
  return false;
}

// Merges with every conflict resolved to one side, planning again while choices raise new ones.
MergeResult merge_choosing(Copy& copy, const Bundle& bundle, Side side) {
  Resolutions choices;
  for (int round = 0; round < 10; ++round) {
    const MergePreview preview = plan_merge(*copy.ws, bundle, choices);
    if (preview.resolved()) return apply_merge(*copy.ws, bundle, choices);
    for (const Conflict& conflict : preview.conflicts) {
      if (conflict.chosen) continue;
      if (conflict.type == ConflictType::Rule) {
        choices.choose_record(conflict.id, side);
      } else {
        choices.choose(conflict.id, conflict.field, side);
      }
    }
  }
  FAIL("the conflicts did not settle in 10 rounds of choices");
  return {};
}

void check_seed(unsigned seed) {
  FixedClock clock("2026-11-27T09:00:00Z");
  std::mt19937 random(seed);
  auto a = fresh_copy(clock);
  auto b = fresh_copy(clock);
  Editor edit_a(*a, random);
  Editor edit_b(*b, random);
  for (int i = 0; i < edits_per_side; ++i) {
    edit_a.edit();
    edit_b.edit();
  }
  const Bundle from_a = a->bundle("Anna");
  const Bundle from_b = b->bundle("Ben");
  const std::set<FieldKey> changed_a = changed_since_start(*a);
  const std::set<FieldKey> changed_b = changed_since_start(*b);

  const MergePreview at_a = plan_merge(*a->ws, from_b);
  std::set<FieldKey> conflicting;
  std::set<std::string> conflicting_records;
  for (const Conflict& conflict : at_a.conflicts) {
    conflicting_records.insert(conflict.id);
    if (conflict.type != ConflictType::Field) continue;
    const FieldKey key{conflict.id, conflict.field};
    conflicting.insert(key);
    // A field conflict is always a field both changed, to different values.
    CHECK(changed_a.count(key) == 1);
    CHECK(changed_b.count(key) == 1);
    CHECK(conflict.mine.raw != conflict.theirs.raw);
  }
  // Every field both changed to different values is one.
  for (const FieldKey& key : changed_a) {
    if (key.second == deleted_field || changed_b.count(key) == 0 || !in_start(key.first)) continue;
    if (value_of(*a, key.first, key.second) == value_of(*b, key.first, key.second)) continue;
    INFO("field " << key.second << " of " << key.first);
    CHECK(conflicting.count(key) == 1);
  }

  // Without conflicts, the order of two bundles does not matter.
  if (at_a.conflicts.empty()) {
    auto first = fresh_copy(clock);
    auto second = fresh_copy(clock);
    apply_merge(*first->ws, from_a, {});
    apply_merge(*first->ws, from_b, {});
    apply_merge(*second->ws, from_b, {});
    apply_merge(*second->ws, from_a, {});
    CHECK(test::register_of(*first->ws) == test::register_of(*second->ws));
  }

  // A takes B's bundle keeping her side of every conflict; what only B changed arrives as it is.
  merge_choosing(*a, from_b, Side::Mine);
  for (const FieldKey& key : changed_b) {
    if (changed_a.count(key) != 0 || conflicting_records.count(key.first) != 0 || !in_start(key.first)) continue;
    if (key.second == deleted_field) continue;  // a deletion may come with unlinks, checked by convergence
    const FieldDef* field = nullptr;
    for (const EntityDef& def : a->ws->registry().all()) {
      if (a->ws->records().get(def.kind, key.first)) field = def.field(key.second);
    }
    if (field != nullptr && is_link_type(field->type)) continue;  // links may be taken out by a deletion
    INFO("field " << key.second << " of " << key.first);
    CHECK(value_of(*a, key.first, key.second) == value_of(*b, key.first, key.second));
  }

  // The same bundle again: nothing to do.
  const std::string before = test::dump(a->ws->records().database());
  const MergePreview again = plan_merge(*a->ws, from_b);
  CHECK(again.conflicts.empty());
  CHECK(again.total.unchanged == from_b.records.size());
  CHECK(apply_merge(*a->ws, from_b, {}).change_set.empty());
  CHECK(test::dump(a->ws->records().database()) == before);

  // B takes A's bundle giving in on every conflict; then the bundles go round until both agree.
  merge_choosing(*b, a->bundle("Anna"), Side::Theirs);
  bool settled = false;
  for (int round = 0; round < 3 && !settled; ++round) {
    const Bundle now_a = a->bundle("Anna");
    const Bundle now_b = b->bundle("Ben");
    const bool quiet = plan_merge(*a->ws, now_b).conflicts.empty() && plan_merge(*b->ws, now_a).conflicts.empty();
    merge_choosing(*a, now_b, Side::Mine);
    merge_choosing(*b, now_a, Side::Theirs);
    settled = quiet && test::register_of(*a->ws) == test::register_of(*b->ws);
  }
  CHECK(settled);
}

}  // namespace

TEST_CASE("merge: random edits on two copies keep the merge's promises") {
  for (unsigned seed = 1; seed <= seeds; ++seed) {
    INFO("seed " << seed);
    check_seed(seed);
  }
}
