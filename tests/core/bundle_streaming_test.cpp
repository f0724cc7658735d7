// The export written straight to text (BundleExport), and the merge reusing its preview: the two
// ways a large bundle is kept from being handled twice (docs/performance.md, issue 5).
#include <doctest/doctest.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "core/attachments/attachments.hpp"
#include "core/bundle/bundle_json.hpp"
#include "core/store/record_rows.hpp"
#include "core/util/sha256.hpp"
#include "tests/core/merge_test_support.hpp"

using namespace isms;
using namespace isms::bundle;
using isms::test::Copy;
using isms::test::text;

namespace {

// A workspace with something of each kind of content: records, a tombstone, links, and files.
std::unique_ptr<Copy> filled(const Clock& clock) {
  auto copy = test::origin(clock);
  Repository& records = copy->records();
  const std::string anna = records.create("person", {{"name", text("Anna \"Quotes\" Dvořák")}});
  const std::string laptop =
      records.create("asset", {{"name", text("Laptop\nline two")}, {"type", text("hardware")}, {"owner", text(anna)}});
  const std::string old = records.create("asset", {{"name", text("Old phone")}, {"type", text("hardware")}});
  records.remove("asset", old);
  attachments::attach(records, copy->ws->blobs(), laptop, "scan.pdf", "application/pdf", "%PDF scan");
  attachments::attach(records, copy->ws->blobs(), laptop, "photo.jpg", "image/jpeg", std::string("\0JPEG", 5));
  return copy;
}

std::string streamed(const Workspace& workspace, const ExportOptions& options, std::size_t slice) {
  BundleExport run(workspace, options);
  while (!run.step(slice)) {
  }
  return run.finish();
}

}  // namespace

TEST_CASE("streamed export: the very text of to_json(export_bundle), whatever the slice") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = filled(clock);
  for (const bool with_files : {true, false}) {
    CAPTURE(with_files);
    ExportOptions options;
    options.include_attachments = with_files;
    options.exported_by = "Anna";
    const std::string expected = to_json(export_bundle(*copy->ws, options), copy->ws->registry());
    CHECK(export_bundle_text(*copy->ws, options) == expected);
    CHECK(streamed(*copy->ws, options, 1) == expected);
    CHECK(streamed(*copy->ws, options, 7) == expected);
    // And the reader takes it back whole.
    const Bundle read = from_json(expected, copy->ws->registry());
    CHECK(read.records.size() == export_bundle(*copy->ws, options).records.size());
    CHECK(read.attachments.size() == 2);
  }
}

TEST_CASE("streamed export: progress counts every record and file up to the total, slice by slice") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = filled(clock);
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  ExportOptions options;
  options.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
  BundleExport run(*copy->ws, options);
  const std::size_t records = export_bundle(*copy->ws).records.size();
  CHECK(run.total() == records + 2);  // and the two files' contents
  CHECK(run.done() == 0);
  std::size_t steps = 0;
  while (!run.step(50)) {
    ++steps;
    CHECK(run.done() == steps * 50);
  }
  CHECK(run.done() == run.total());
  REQUIRE_FALSE(calls.empty());
  for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].first > calls[i - 1].first);
  CHECK(calls.back() == std::make_pair(run.total(), run.total()));
  CHECK(run.attachments_missing() == 0);
  CHECK_FALSE(run.finish().empty());
}

TEST_CASE("streamed export: a file whose bytes are not here is left out and counted") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = filled(clock);
  copy->ws->blobs().remove(sha256_hex("%PDF scan"));
  BundleExport run(*copy->ws, {});
  while (!run.step(100)) {
  }
  CHECK(run.attachments_missing() == 1);
  const Bundle read = from_json(run.finish(), copy->ws->registry());
  REQUIRE(read.attachments.size() == 2);
  for (const BundleAttachment& attachment : read.attachments) {
    CHECK(attachment.bytes.has_value() == (attachment.sha256 != sha256_hex("%PDF scan")));
  }
}

TEST_CASE("streamed export: a bundle that would be over 200 MB is refused before a file is read") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = filled(clock);
  // The size a record states is what the check adds up: say one file is 160 MB (base64: 214 MB).
  copy->records().database().exec("UPDATE rec_attachment SET size = 160 * 1024 * 1024 WHERE name = 'scan.pdf'");
  copy->ws->blobs().remove(sha256_hex("%PDF scan"));  // reading it would fail differently
  ExportOptions options;
  BundleExport run(*copy->ws, options);
  try {
    while (!run.step(100)) {
    }
    FAIL("the export was not refused");
  } catch (const BundleError& error) {
    CHECK(error.code() == BundleErrorCode::TooLarge);
    CHECK(std::string(error.what()) ==
          "With its attachments the bundle would be about 214 MB, more than the 200 MB a bundle may be. Export it "
          "without attachments and send the files another way.");
  }
  options.include_attachments = false;  // without the files it is small
  CHECK_NOTHROW(export_bundle_text(*copy->ws, options));
}

TEST_CASE("merge: what the preview found the same is not compared again, while nothing was written since") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto anna = test::origin(clock);
  const std::string laptop = anna->records().create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  auto ben = test::copy_of(anna->bundle(), clock);
  ben->records().update("asset", laptop, {{"location", text("Office")}});
  const Bundle from_ben = ben->bundle("Ben");

  const MergePreview preview = plan_merge(*anna->ws, from_ben);
  CHECK(preview.records_compared == from_ben.records.size());
  CHECK(preview.total.changed == 1);
  // Planned again with it (as after a choice): only the changed laptop is compared.
  const MergePreview again = plan_merge(*anna->ws, from_ben, {}, &preview);
  CHECK(again.records_compared == 1);
  CHECK(again.total.changed == 1);
  CHECK(again.total.unchanged == preview.total.unchanged);

  MergeOptions options;
  options.preview = &again;
  const MergeResult merged = apply_merge(*anna->ws, from_ben, {}, options);
  CHECK(merged.records_compared == 1);
  CHECK(merged.total.changed == 1);
  CHECK(merged.total.unchanged == preview.total.unchanged);
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE("merge: a preview made before a write, or of another bundle, is not trusted") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto anna = test::origin(clock);
  const std::string laptop = anna->records().create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  auto ben = test::copy_of(anna->bundle(), clock);
  ben->records().update("asset", laptop, {{"location", text("Office")}});
  const Bundle from_ben = ben->bundle("Ben");
  const MergePreview preview = plan_merge(*anna->ws, from_ben);

  // Another Bundle object with the same records: compared in full.
  const Bundle same_again = ben->bundle("Ben");
  MergeOptions options;
  options.preview = &preview;
  CHECK(plan_merge(*anna->ws, same_again, {}, &preview).records_compared == same_again.records.size());

  // A write in between: compared in full, and the write is kept.
  anna->records().create("person", {{"name", text("Carla")}});
  const MergeResult merged = apply_merge(*anna->ws, from_ben, {}, options);
  CHECK(merged.records_compared == from_ben.records.size());
  CHECK(merged.total.changed == 1);
  CHECK(anna->records().count("person") == 1);
}

TEST_CASE("merge: files this copy freed stay freed, unless a live attachment names them again") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto anna = test::origin(clock);
  const std::string laptop = anna->records().create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  const std::string server = anna->records().create("asset", {{"name", text("Server")}, {"type", text("hardware")}});
  const std::string scan =
      attachments::attach(anna->records(), anna->ws->blobs(), laptop, "scan.pdf", "application/pdf", "%PDF old scan");
  auto ben = test::copy_of(anna->bundle(), clock);  // with the file's bytes
  const std::string digest = sha256_hex("%PDF old scan");
  REQUIRE(ben->ws->blobs().has(digest));

  anna->records().remove("attachment", scan);
  attachments::free_deleted(anna->records(), anna->ws->blobs());
  REQUIRE_FALSE(anna->ws->blobs().has(digest));

  // Ben's bundle still carries the bytes: the merge leaves them out.
  const MergeResult first = apply_merge(*anna->ws, ben->bundle("Ben"), {});
  CHECK(first.attachments_added == 0);
  CHECK_FALSE(anna->ws->blobs().has(digest));

  // Ben attaches the same file to the server: live again, so the bytes come back.
  attachments::attach(ben->records(), ben->ws->blobs(), server, "scan copy.pdf", "application/pdf", "%PDF old scan");
  const MergeResult second = apply_merge(*anna->ws, ben->bundle("Ben"), {});
  CHECK(second.attachments_added == 1);
  CHECK(anna->ws->blobs().has(digest));
  CHECK(attachments::used_bytes(anna->records()) == std::string("%PDF old scan").size());
  CHECK(test::count_rows(anna->records().database(), "SELECT count(*) FROM freed_contents") == 0);  // not freed now
}

TEST_CASE("merge: a stored row compares as read_record reads it, whole numbers in number fields included") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto copy = test::origin(clock);
  const std::string objective =
      copy->records().create("objective", {{"title", text("Fewer incidents")}, {"target_value", 3.0}});
  // A whole number written by an older build or by hand is an INTEGER in SQLite.
  copy->records().database().exec("UPDATE rec_objective SET target_value = 3 WHERE id = '" + objective + "'");
  const EntityDef& def = copy->ws->registry().get("objective");
  Statement row = copy->records().database().prepare(select_sql(def) + " WHERE id = ?");
  row.bind(1, objective);
  REQUIRE(row.step());
  const Record record = read_record(def, row);
  for (std::size_t i = 0; i < def.fields.size(); ++i) {
    CAPTURE(def.fields[i].key);
    CHECK(row_field_equals(def, row, i, record.get(def.fields[i].key)));
    CHECK_FALSE(row_field_equals(def, row, i, text("something else")));
  }
  const std::size_t target = static_cast<std::size_t>(
      std::find_if(def.fields.begin(), def.fields.end(), [](const FieldDef& f) { return f.key == "target_value"; }) -
      def.fields.begin());
  CHECK(row_field_equals(def, row, target, Value(3.0)));
  CHECK_FALSE(row_field_equals(def, row, target, Value(std::int64_t{3})));  // read as 3.0, a double
  CHECK_FALSE(row_deleted(row));
}
