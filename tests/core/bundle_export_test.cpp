#include <doctest/doctest.h>

#include <set>

#include "core/attachments/attachments.hpp"
#include "core/store/sql_text.hpp"
#include "core/util/sha256.hpp"
#include "core/version.hpp"
#include "tests/core/merge_test_support.hpp"

using namespace isms;
using namespace isms::bundle;
using isms::test::text;

namespace {

const BundleRecord& record_in(const Bundle& bundle, const std::string& id) {
  for (const BundleRecord& record : bundle.records) {
    if (record.id == id) return record;
  }
  FAIL("no record " << id << " in the bundle");
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("export: every record of every register, tombstones too, with the workspace's identity") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = test::origin(clock);
  Repository& records = copy->records();
  const std::string person = records.create("person", {{"name", text("Anna")}});
  const std::string laptop =
      records.create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}, {"owner", text(person)}});
  const std::string risk = records.create(
      "risk",
      {{"title", text("Theft")}, {"inherent_likelihood", std::int64_t{2}}, {"inherent_impact", std::int64_t{4}}});
  records.remove("asset", laptop);
  clock.set("2026-11-26T11:30:00Z");

  ExportOptions options;
  options.exported_by = "Anna Dvořák";
  const Bundle bundle = export_bundle(*copy->ws, options);
  CHECK(bundle.format == std::string(format_name));
  CHECK(bundle.version == format_version);
  CHECK(bundle.app_version == std::string(app_version));
  CHECK(bundle.exported_by == "Anna Dvořák");
  CHECK(bundle.exported_at == "2026-11-26T11:30:00Z");
  CHECK(bundle.replica_id == copy->ws->replica_id());
  CHECK(bundle.workspace.id == "ws-acme");
  CHECK(bundle.workspace.name == "Acme 2026");
  CHECK(bundle.workspace.client == "Acme s.r.o.");

  // As many records of each register as its table holds, tombstones included.
  std::map<std::string, std::int64_t> exported;
  for (const BundleRecord& record : bundle.records) ++exported[record.kind];
  for (const EntityDef& def : copy->ws->registry().all()) {
    CAPTURE(def.kind);
    CHECK(exported[def.kind] ==
          test::count_rows(records.database(), "SELECT count(*) FROM " + quote_identifier(def.table())));
  }
  CHECK(exported["control"] == 93);
  const BundleRecord& tombstone = record_in(bundle, laptop);
  CHECK(tombstone.deleted);
  CHECK(tombstone.revision == 2);
  CHECK(tombstone.fields.at("owner") == text(person));
  const BundleRecord& theft = record_in(bundle, risk);
  CHECK(theft.fields.at("inherent_score") == Value(std::int64_t{8}));  // computed ones too, for readers
  CHECK(theft.fields.count("description") == 1);                       // every field, null ones too
  CHECK(is_null(theft.fields.at("description")));
  CHECK(theft.created_by == "Anna Dvořák");
  CHECK(theft.created_at == "2026-11-26T09:00:00Z");

  ExportOptions unnamed;
  CHECK(export_bundle(*copy->ws, unnamed).exported_by == "Anna Dvořák");  // the consultant
}

TEST_CASE("export: each field's vector counts this copy's writes, deletions and restores") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = test::origin(clock);
  Repository& records = copy->records();
  const std::string laptop = records.create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  records.update("asset", laptop, {{"name", text("Old laptop")}, {"location", text("Office")}});
  records.update("asset", laptop, {{"name", text("Old laptop")}});  // no change, no write
  records.remove("asset", laptop);
  records.restore("asset", laptop);
  records.remove("asset", laptop);

  const std::string me = copy->ws->replica_id();
  const Bundle bundle = copy->bundle();
  const BundleRecord& exported = record_in(bundle, laptop);
  CHECK(exported.versions.at("name") == VersionVector{{me, 2}});
  CHECK(exported.versions.at("location") == VersionVector{{me, 1}});
  CHECK(exported.versions.at("type") == VersionVector{{me, 1}});
  CHECK(exported.versions.at(deleted_field) == VersionVector{{me, 3}});
  CHECK(exported.versions.count("owner") == 0);  // never written
  CHECK(exported.deleted);

  // The seeded catalog was written by this copy when it was made.
  CHECK(record_in(bundle, "annex-a-5.1").versions.at("title") == VersionVector{{me, 1}});
}

TEST_CASE("export: attachments name their contents, with the bytes only when asked") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = test::origin(clock);
  Repository& records = copy->records();
  const std::string laptop = records.create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  const std::string policy = records.create("asset", {{"name", text("Server")}, {"type", text("hardware")}});
  attachments::attach(records, copy->ws->blobs(), laptop, "scan.pdf", "application/pdf", "%PDF scan");
  attachments::attach(records, copy->ws->blobs(), policy, "scan again.pdf", "application/pdf", "%PDF scan");
  const std::string photo =
      attachments::attach(records, copy->ws->blobs(), laptop, "photo.jpg", "image/jpeg", "JPEG bytes");
  records.remove("attachment", photo);  // deleted evidence keeps its bytes: it may be restored
  copy->ws->blobs().put("nobody refers to this");

  ExportOptions with;
  const Bundle full = export_bundle(*copy->ws, with);
  CHECK(full.attachments_included);
  REQUIRE(full.attachments.size() == 2);  // one per distinct content that a record names
  std::set<std::string> digests;
  for (const BundleAttachment& attachment : full.attachments) {
    digests.insert(attachment.sha256);
    REQUIRE(attachment.bytes.has_value());
    CHECK(sha256_hex(*attachment.bytes) == attachment.sha256);
    CHECK(attachment.size == attachment.bytes->size());
  }
  CHECK(digests == std::set<std::string>{sha256_hex("%PDF scan"), sha256_hex("JPEG bytes")});

  ExportOptions without;
  without.include_attachments = false;
  const Bundle lean = export_bundle(*copy->ws, without);
  CHECK_FALSE(lean.attachments_included);
  REQUIRE(lean.attachments.size() == 2);
  for (const BundleAttachment& attachment : lean.attachments) {
    CHECK_FALSE(attachment.bytes.has_value());
    CHECK(attachment.size > 0);
  }
}

TEST_CASE("export: progress is reported up to the number of records") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = test::origin(clock);
  {
    Transaction batch(copy->ws->database());
    for (int i = 0; i < 1200; ++i) {
      copy->records().create("person", {{"name", text("Person " + std::to_string(i))}});
    }
    batch.commit();
  }
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  ExportOptions options;
  options.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
  const Bundle bundle = export_bundle(*copy->ws, options);
  REQUIRE(calls.size() == 2);
  CHECK(calls[0] == std::make_pair(std::size_t{1000}, bundle.records.size()));
  CHECK(calls[1] == std::make_pair(bundle.records.size(), bundle.records.size()));
}
