// Issue 5, item 1: the bundle as JSON text. Written deterministically, field values by type, the
// checksum over the content's exact bytes; read back into an equal Bundle.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/bundle/bundle_json.hpp"
#include "core/bundle/export.hpp"
#include "core/model/field_builder.hpp"
#include "core/model/links.hpp"
#include "core/model/registry.hpp"
#include "core/util/base64.hpp"
#include "core/util/clock.hpp"
#include "core/util/sha256.hpp"
#include "core/util/utf8.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/bundle_test_support.hpp"
#include "tests/core/temp_dir.hpp"
#include "tests/tools/sample_workspace.hpp"

using namespace isms;
using bundle::Bundle;
using bundle::BundleRecord;

namespace {

// Exactly `length` code points, mixing one- to four-byte characters and characters JSON escapes.
std::string text_of_length(std::size_t length) {
  static const std::vector<std::string> pieces = {
      "a", "\xC5\x81", "\"", "\\", "\n", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\t", "\x01", "/", "z"};
  std::string text;
  for (std::size_t i = 0; i < length; ++i) text += pieces[i % pieces.size()];
  return text;
}

// A value for every field type, valid for the field: texts at their length limit, the last enum
// option, extreme numbers, links to records of the right register.
Value full_value(const FieldDef& field, const std::map<std::string, std::vector<std::string>>& ids_by_kind) {
  const auto ids_of = [&](const std::string& kind) {
    if (kind == any_kind) return ids_by_kind.at("asset");
    return ids_by_kind.at(kind);
  };
  switch (field.type) {
    case FieldType::Text:
    case FieldType::LongText:
      return text_of_length(effective_max_length(field));
    case FieldType::Enum:
      return field.options.back().value;
    case FieldType::Date:
      return std::string("2028-02-29");
    case FieldType::Integer:
      return std::numeric_limits<std::int64_t>::min();
    case FieldType::Rating:
      return std::int64_t{5};
    case FieldType::Number:
      return 0.1;
    case FieldType::Email:
      return std::string("anna.dvorak@example.org");
    case FieldType::Link:
      return ids_of(field.link_kind).back();
    case FieldType::LinkList:
      return link_list(ids_of(field.link_kind));
  }
  return {};
}

// Two records of every register: one with every field set, one tombstone with every field null.
Bundle bundle_of_every_register(const Registry& registry) {
  Bundle bundle;
  bundle.app_version = "0.3.0";
  bundle.exported_by = "Anna Dvořák";
  bundle.exported_at = "2026-11-26T09:30:00Z";
  bundle.replica_id = "5f0c6a7e-1b2d-4c3e-8f9a-0b1c2d3e4f50";
  bundle.workspace = {"ws-acme-2026", "Acme 2026 „ISMS“", "Acme s.r.o."};
  bundle.attachments_included = true;
  std::map<std::string, std::vector<std::string>> ids_by_kind;
  for (const EntityDef& def : registry.all()) ids_by_kind[def.kind] = {def.kind + "-full", def.kind + ":empty.1"};
  for (const EntityDef& def : registry.all()) {
    BundleRecord full{def.kind,
                      def.kind + "-full",
                      "2026-01-02T03:04:05Z",
                      "Anna Dvořák",
                      "2026-11-26T09:00:00Z",
                      "Tomáš Novák",
                      7,
                      false,
                      {},
                      {}};
    BundleRecord empty{
        def.kind, def.kind + ":empty.1", "2026-01-02T03:04:05Z", "", "2026-01-02T03:04:06Z", "", 0, true, {}, {}};
    for (const FieldDef& field : def.fields) {
      full.fields[field.key] = full_value(field, ids_by_kind);
      full.versions[field.key] = {{"replica-a", 3}, {"replica-b", static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())}};
      empty.fields[field.key] = std::monostate{};
    }
    empty.versions[bundle::deleted_field] = {{"replica-a", 1}};
    bundle.records.push_back(std::move(full));
    bundle.records.push_back(std::move(empty));
  }
  std::string bytes;
  for (int i = 0; i < 1000; ++i) bytes.push_back(static_cast<char>(i % 256));
  bundle.attachments.push_back({sha256_hex(bytes), bytes.size(), bytes});
  bundle.attachments.push_back({sha256_hex("left out"), 8, std::nullopt});
  return bundle;
}

void check_same(const Bundle& read, const Bundle& written) {
  CHECK(read.format == written.format);
  CHECK(read.version == written.version);
  CHECK(read.app_version == written.app_version);
  CHECK(read.exported_by == written.exported_by);
  CHECK(read.exported_at == written.exported_at);
  CHECK(read.replica_id == written.replica_id);
  CHECK(read.workspace.id == written.workspace.id);
  CHECK(read.workspace.name == written.workspace.name);
  CHECK(read.workspace.client == written.workspace.client);
  CHECK(read.attachments_included == written.attachments_included);
  REQUIRE(read.records.size() == written.records.size());
  for (std::size_t i = 0; i < read.records.size(); ++i) {
    const BundleRecord& a = read.records[i];
    const BundleRecord& b = written.records[i];
    CAPTURE(b.id);
    CHECK(a.kind == b.kind);
    CHECK(a.id == b.id);
    CHECK(a.created_at == b.created_at);
    CHECK(a.created_by == b.created_by);
    CHECK(a.updated_at == b.updated_at);
    CHECK(a.updated_by == b.updated_by);
    CHECK(a.revision == b.revision);
    CHECK(a.deleted == b.deleted);
    CHECK(a.versions == b.versions);
    REQUIRE(a.fields.size() == b.fields.size());
    for (const auto& [key, value] : b.fields) {
      CAPTURE(key);
      CHECK(a.fields.at(key) == value);
    }
  }
  REQUIRE(read.attachments.size() == written.attachments.size());
  for (std::size_t i = 0; i < read.attachments.size(); ++i) {
    CHECK(read.attachments[i].sha256 == written.attachments[i].sha256);
    CHECK(read.attachments[i].size == written.attachments[i].size);
    CHECK(read.attachments[i].bytes == written.attachments[i].bytes);
  }
}

// The exact bytes of the content: from the '{' after "content": to the '}' before the last.
std::string content_bytes(const std::string& json) {
  const std::string marker = ",\"content\":";
  const std::size_t begin = json.find(marker) + marker.size();
  REQUIRE(json.size() >= begin + 3);
  REQUIRE(json.compare(json.size() - 3, 3, "}}\n") == 0);
  return json.substr(begin, json.size() - 2 - begin);
}

}  // namespace

TEST_CASE("bundle json: records of every register, every field type, nulls and texts at their limit read back equal") {
  const Registry& registry = Registry::builtin();
  const Bundle written = bundle_of_every_register(registry);
  const std::string json = bundle::to_json(written, registry);
  const Bundle read = bundle::from_json(json, registry);
  check_same(read, written);
  CHECK(bundle::to_json(read, registry) == json);  // and reads back to the same bytes
}

TEST_CASE("bundle json: an e-mail field and a link to a record of any register round-trip") {
  // No built-in register has all field types at once; this one does.
  EntityDef note;
  note.kind = "note";
  note.label = "Note";
  note.plural = "Notes";
  note.title_field = "text";
  note.fields = {field("text", "Text", FieldType::Text), field("email", "E-mail", FieldType::Email),
                 field("about", "About", FieldType::Link).links_to_any()};
  const Registry registry({note});
  Bundle written;
  written.exported_at = "2026-11-26T09:30:00Z";
  written.replica_id = "r";
  written.app_version = "0.3.0";
  written.workspace.id = "w";
  written.records.push_back(
      {"note",
       "n1",
       "2026-11-26T09:30:00Z",
       "",
       "2026-11-26T09:30:00Z",
       "",
       1,
       false,
       {{"text", std::string("x")}, {"email", std::string("a@b.org")}, {"about", std::string("n2")}},
       {}});
  written.records.push_back({"note",
                             "n2",
                             "2026-11-26T09:30:00Z",
                             "",
                             "2026-11-26T09:30:00Z",
                             "",
                             1,
                             false,
                             {{"about", std::string("annex-a-5.1")}},
                             {}});
  check_same(bundle::from_json(bundle::to_json(written, registry), registry), written);
}

TEST_CASE("bundle json: the writer's layout, field by field type") {
  const Registry& registry = Registry::builtin();
  Bundle bundle;
  bundle.app_version = "0.3.0";
  bundle.exported_by = "Anna Dvořák";
  bundle.exported_at = "2026-11-26T09:30:00Z";
  bundle.replica_id = "replica-a";
  bundle.workspace = {"ws-1", "Acme 2026", "Acme"};
  bundle.attachments_included = true;
  bundle.records.push_back({"asset",
                            "asset-1",
                            "2026-11-26T09:00:00Z",
                            "Anna Dvořák",
                            "2026-11-26T09:10:00Z",
                            "Anna Dvořák",
                            2,
                            false,
                            {{"name", std::string("Laptop \"X1\"\n")},
                             {"type", std::string("hardware")},
                             {"confidentiality", std::int64_t{4}},
                             {"owner", std::monostate{}}},
                            {{"name", {{"replica-a", 2}}}, {"type", {{"replica-a", 1}, {"replica-b", 1}}}}});
  bundle.records.push_back({"kpi",
                            "kpi-1",
                            "2026-11-26T09:00:00Z",
                            "Anna Dvořák",
                            "2026-11-26T09:00:00Z",
                            "Anna Dvořák",
                            1,
                            true,
                            {{"name", std::string("Patch latency")}, {"target", 0.1}, {"red_threshold", 30.0}},
                            {{"_deleted", {{"replica-a", 1}}}}});
  bundle.records.push_back({"risk",
                            "risk-1",
                            "2026-11-26T09:00:00Z",
                            "Anna Dvořák",
                            "2026-11-26T09:00:00Z",
                            "Anna Dvořák",
                            1,
                            false,
                            {{"title", std::string("Ransomware")}, {"assets", std::string("[\"asset-1\"]")}},
                            {}});
  bundle.attachments.push_back({sha256_hex("abc"), 3, std::string("abc")});
  bundle.attachments.push_back({sha256_hex("left out"), 8, std::nullopt});

  const std::string content =
      "{\"exported_by\":\"Anna Dvořák\",\"exported_at\":\"2026-11-26T09:30:00Z\",\"replica_id\":\"replica-a\","
      "\"workspace\":{\"id\":\"ws-1\",\"name\":\"Acme 2026\",\"client\":\"Acme\"},\"attachments_included\":true,"
      "\"records\":[\n"
      "{\"kind\":\"asset\",\"id\":\"asset-1\",\"created_at\":\"2026-11-26T09:00:00Z\",\"created_by\":\"Anna Dvořák\","
      "\"updated_at\":\"2026-11-26T09:10:00Z\",\"updated_by\":\"Anna Dvořák\",\"revision\":2,\"deleted\":false,"
      "\"fields\":{\"confidentiality\":4,\"name\":\"Laptop \\\"X1\\\"\\n\",\"owner\":null,\"type\":\"hardware\"},"
      "\"versions\":{\"replica-a\":{\"name\":2,\"type\":1},\"replica-b\":{\"type\":1}}},\n"
      "{\"kind\":\"kpi\",\"id\":\"kpi-1\",\"created_at\":\"2026-11-26T09:00:00Z\",\"created_by\":\"Anna Dvořák\","
      "\"updated_at\":\"2026-11-26T09:00:00Z\",\"updated_by\":\"Anna Dvořák\",\"revision\":1,\"deleted\":true,"
      "\"fields\":{\"name\":\"Patch latency\",\"red_threshold\":30,\"target\":0.1},"
      "\"versions\":{\"replica-a\":{\"_deleted\":1}}},\n"
      "{\"kind\":\"risk\",\"id\":\"risk-1\",\"created_at\":\"2026-11-26T09:00:00Z\",\"created_by\":\"Anna Dvořák\","
      "\"updated_at\":\"2026-11-26T09:00:00Z\",\"updated_by\":\"Anna Dvořák\",\"revision\":1,\"deleted\":false,"
      "\"fields\":{\"assets\":[\"asset-1\"],\"title\":\"Ransomware\"},\"versions\":{}}\n"
      "],\"attachments\":[\n"
      "{\"sha256\":\"" +
      sha256_hex("abc") +
      "\",\"size\":3,\"bytes\":\"YWJj\"},\n"
      "{\"sha256\":\"" +
      sha256_hex("left out") +
      "\",\"size\":8}\n"
      "]}";
  const std::string json = bundle::to_json(bundle, registry);
  CHECK(json ==
        "{\"format\":\"isms-register-bundle\",\"format_version\":1,\"app_version\":\"0.3.0\",\"checksum\":"
        "\"sha256:" +
            sha256_hex(content) + "\",\"content\":" + content + "}\n");
  CHECK(bundle::to_json(bundle, registry) == json);  // deterministic

  // A Number written as a whole number reads back as the double it was.
  const Bundle read = bundle::from_json(json, registry);
  CHECK(read.records[1].fields.at("red_threshold") == Value(30.0));
}

TEST_CASE("bundle json: versions are written by replica, and a version vector without writes is no writes") {
  const Registry& registry = Registry::builtin();
  Bundle bundle;
  bundle.app_version = "0.3.0";
  bundle.exported_at = "2026-11-26T09:30:00Z";
  bundle.replica_id = "replica-a";
  bundle.workspace.id = "ws-1";
  bundle.records.push_back(
      {"asset",
       "asset-1",
       "2026-11-26T09:00:00Z",
       "",
       "2026-11-26T09:00:00Z",
       "",
       1,
       false,
       {{"name", std::string("Laptop")}},
       {{"name", {{"replica-b", 1}, {"replica-a", 4}}}, {"type", {}}, {"_deleted", {{"replica-b", 2}}}}});
  const std::string json = bundle::to_json(bundle, registry);
  CHECK(json.find("\"versions\":{\"replica-a\":{\"name\":4},\"replica-b\":{\"_deleted\":2,\"name\":1}}}") !=
        std::string::npos);
  const Bundle read = bundle::from_json(json, registry);
  CHECK(read.records[0].versions ==
        std::map<std::string, bundle::VersionVector>{{"name", {{"replica-a", 4}, {"replica-b", 1}}},
                                                     {"_deleted", {{"replica-b", 2}}}});
}

TEST_CASE("bundle json: the checksum is the SHA-256 of the content's bytes as written") {
  const Registry& registry = Registry::builtin();
  const std::string json = bundle::to_json(bundle_of_every_register(registry), registry);
  const nlohmann::json document = nlohmann::json::parse(json);  // plain JSON for any other reader
  CHECK(document.at("checksum") == "sha256:" + sha256_hex(content_bytes(json)));
  CHECK(document.at("content").at("records").size() == 2 * registry.all().size());
}

TEST_CASE("bundle json: link lists are read in their canonical order, and an empty list is null") {
  const std::string risk = test::record_json(
      "risk", "risk-1", "{\"title\":\"Ransomware\",\"assets\":[\"asset-2\",\"asset-1\",\"asset-2\"],\"controls\":[]}");
  const std::string json =
      test::seal(test::content_of(test::asset_json("asset-1") + "," + test::asset_json("asset-2") + "," + risk));
  const Bundle read = bundle::from_json(json, Registry::builtin());
  CHECK(read.records[2].fields.at("assets") == Value(std::string("[\"asset-1\",\"asset-2\"]")));
  CHECK(is_null(read.records[2].fields.at("controls")));
}

TEST_CASE("bundle json: integral numbers are whole numbers, whatever their JSON spelling") {
  const std::string asset =
      test::record_json("asset", "asset-1", "{\"name\":\"Laptop\",\"confidentiality\":4.0,\"integrity\":4e0}");
  const Bundle read = bundle::from_json(test::seal(test::content_of(asset)), Registry::builtin());
  CHECK(read.records[0].fields.at("confidentiality") == Value(std::int64_t{4}));
  CHECK(read.records[0].fields.at("integrity") == Value(std::int64_t{4}));
}

TEST_CASE("bundle json: an exported workspace with records in many registers round-trips") {
  test::TempDir dir;
  FixedClock clock("2026-11-26T09:00:00Z");
  auto workspace = Workspace::create(dir.str(), "ws-acme", {"Acme 2026", "Acme s.r.o.", "Anna Dvořák"}, clock, nullptr);
  test::fill_sample_workspace(*workspace);
  const Bundle written = bundle::export_bundle(*workspace);
  CHECK(written.records.size() > 150);  // the catalogs, and what fill_sample_workspace added
  REQUIRE(written.attachments.size() == 1);
  REQUIRE(written.attachments[0].bytes.has_value());
  const std::string json = bundle::to_json(written, workspace->registry());
  check_same(bundle::from_json(json, workspace->registry()), written);

  // Without attachments the list still names the contents, without their bytes.
  bundle::ExportOptions lean;
  lean.include_attachments = false;
  const std::string lean_json = bundle::to_json(bundle::export_bundle(*workspace, lean), workspace->registry());
  const Bundle lean_read = bundle::from_json(lean_json, workspace->registry());
  CHECK_FALSE(lean_read.attachments_included);
  CHECK(lean_read.attachments[0].size == written.attachments[0].size);
  CHECK_FALSE(lean_read.attachments[0].bytes.has_value());
}

TEST_CASE("bundle json: writing refuses what no reader would accept") {
  const Registry& registry = Registry::builtin();
  auto refusal = [&](const BundleRecord& record) -> std::string {
    Bundle bundle;
    bundle.records.push_back(record);
    try {
      bundle::to_json(bundle, registry);
    } catch (const std::invalid_argument& error) {
      return error.what();
    }
    return "(written)";
  };
  BundleRecord record{"asset", "asset-1", "", "", "", "", 1, false, {}, {}};
  CHECK(refusal(record) == "(written)");

  record.kind = "gizmo";
  CHECK(refusal(record) ==
        "Record asset-1 belongs to the register \"gizmo\", which does not exist, so the bundle cannot be written.");
  record.kind = "asset";
  record.fields = {{"colour", std::string("grey")}};
  CHECK(refusal(record) ==
        "Record asset-1 (Assets) has the field \"colour\", which Assets do not have, so the bundle cannot be written.");
  record.fields = {{"confidentiality", std::string("4")}};
  CHECK(refusal(record) ==
        "Record asset-1 (Assets): field \"Confidentiality\" does not hold a whole number, so the bundle cannot be "
        "written.");
  record.fields = {{"name", std::int64_t{4}}};
  CHECK(refusal(record) ==
        "Record asset-1 (Assets): field \"Name\" does not hold text, so the bundle cannot be written.");
  record.fields = {{"name", std::string("La\xC3\x28ptop")}};
  CHECK(
      refusal(record) ==
      "Record asset-1 (Assets): field \"Name\" holds bytes that are not UTF-8 text, so the bundle cannot be written.");
  record.kind = "kpi";
  record.fields = {{"target", std::numeric_limits<double>::infinity()}};
  CHECK(refusal(record) ==
        "Record asset-1 (KPIs): field \"Target\" does not hold a finite number, so the bundle cannot be written.");
  record.kind = "risk";
  record.fields = {{"assets", std::string("asset-1")}};
  CHECK(
      refusal(record) ==
      "Record asset-1 (Risks): field \"Assets\" does not hold a list of record ids, so the bundle cannot be written.");
  record.fields = {};
  record.versions = {{"colour", {}}};
  CHECK(refusal(record) ==
        "Record asset-1 (Risks) has versions of the field \"colour\", which Risks do not have, so "
        "the bundle cannot be written.");
}

TEST_CASE("bundle json: base64 is RFC 4648's, and only its one spelling of each content is read") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  CHECK(base64_encode("\xFF\xFE") == "//4=");
  CHECK(base64_decode("Zm9vYg==") == std::optional<std::string>("foob"));
  CHECK(base64_decode("Zm9vYmE=") == std::optional<std::string>("fooba"));
  CHECK(base64_decode("") == std::optional<std::string>(""));
  for (const char* bad : {"Zg", "Zg=", "Zh==", "Zm9=", "Zm 9v", "Zm9v\n", "Z===", "====", "Zm9-", "Zg==Zg=="}) {
    CAPTURE(bad);
    CHECK_FALSE(base64_decode(bad).has_value());
  }
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (std::size_t length = 0; length < all.size(); length += 37) {
    CHECK(base64_decode(base64_encode(all.substr(0, length))) == std::optional<std::string>(all.substr(0, length)));
  }
}
