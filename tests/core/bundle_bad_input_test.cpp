// Issue 5, item 5: every kind of bad bundle is refused with one clear sentence, and nothing of it
// is returned (from_json either returns a whole checked Bundle or throws).

#include <doctest/doctest.h>

#include <string>

#include "core/bundle/bundle_json.hpp"
#include "core/model/registry.hpp"
#include "core/util/base64.hpp"
#include "core/util/sha256.hpp"
#include "tests/core/bundle_test_support.hpp"

using namespace isms;
using bundle::BundleErrorCode;
using test::asset_json;
using test::code;
using test::content_of;
using test::record_json;
using test::refusal_of;
using test::seal;

namespace {

constexpr const char* choose_exported = "choose a file that ISMS Register exported (its name ends in .isms.json).";

std::string valid_bundle() { return seal(content_of(asset_json("asset-1"))); }

}  // namespace

TEST_CASE("bad bundle: the hand-made bundle these tests start from is read") {
  const bundle::Bundle read = bundle::from_json(valid_bundle(), Registry::builtin());
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0].fields.at("name") == Value(std::string("Laptop")));
}

TEST_CASE("bad bundle: text that is not JSON") {
  const auto refused = refusal_of("Dear Anna, here is the register.");
  CHECK(refused.code == code(BundleErrorCode::NotJson));
  CHECK(refused.message ==
        std::string("The file is not JSON text (the error is at byte 1), so it is not a bundle; ") + choose_exported);
  CHECK(refusal_of("{\"format\": isms}").message ==
        std::string("The file is not JSON text (the error is at byte 12), so it is not a bundle; ") + choose_exported);
}

TEST_CASE("bad bundle: an empty file") {
  for (const char* text : {"", "  \n"}) {
    const auto refused = refusal_of(text);
    CHECK(refused.code == code(BundleErrorCode::NotJson));
    CHECK(refused.message == std::string("The file is empty; ") + choose_exported);
  }
}

TEST_CASE("bad bundle: a file cut off while copying") {
  const std::string whole = valid_bundle();
  for (const std::size_t length : {std::size_t{1}, std::size_t{30}, whole.size() / 2, whole.size() - 3}) {
    CAPTURE(length);
    const auto refused = refusal_of(whole.substr(0, length));
    CHECK(refused.code == code(BundleErrorCode::Truncated));
    CHECK(refused.message ==
          "The bundle is incomplete: the file ends early, as if it was cut off while being copied or downloaded; ask "
          "the sender for the file again.");
  }
}

TEST_CASE("bad bundle: JSON of another format") {
  const std::string other_format = std::string("This file is JSON but not an ISMS Register bundle; ") + choose_exported;
  for (const std::string& text :
       {std::string("{\"name\": \"isms-register-e2e\", \"private\": true, \"dependencies\": {\"a\": \"1.0\"}}"),
        std::string("[1, 2, 3]"), std::string("\"isms-register-bundle\""), std::string("42"),
        std::string("{\"format\": \"another-bundle\", \"format_version\": 1}"), std::string("{\"format\": 1}"),
        // A bundle's members but no format name: not ours.
        valid_bundle().replace(valid_bundle().find("isms-register-bundle"), 20, "isms-register-bundlf")}) {
    CAPTURE(text);
    const auto refused = refusal_of(text);
    CHECK(refused.code == code(BundleErrorCode::OtherFormat));
    CHECK(refused.message == other_format);
  }
}

TEST_CASE("bad bundle: a newer format version names the app version it needs") {
  const std::string content = content_of(asset_json("asset-1"));
  const auto refused = refusal_of(seal(content, 2, "0.5.0"));
  CHECK(refused.code == code(BundleErrorCode::NewerVersion));
  CHECK(refused.message ==
        "This bundle was written by ISMS Register 0.5.0 in bundle format 2; this version (0.3.0) reads format 1. "
        "Open it with ISMS Register 0.5.0 or newer.");

  // Its content may follow rules this reader does not know: the version is what is told, not the
  // content's problems, not even a checksum this reader cannot judge.
  const std::string future =
      "{\"format\":\"isms-register-bundle\",\"format_version\":7,\"app_version\":\"2.0.0\","
      "\"checksum\":\"blake3:00\",\"content\":{\"chunks\":[[[[[[[1]]]]]]]}}";
  CHECK(refusal_of(future).message ==
        "This bundle was written by ISMS Register 2.0.0 in bundle format 7; this version (0.3.0) reads format 1. "
        "Open it with ISMS Register 2.0.0 or newer.");

  // Without a usable app version the message still says what to do.
  CHECK(refusal_of(seal(content, 2, "next")).message ==
        "This bundle is in bundle format 2; this version of ISMS Register (0.3.0) reads format 1. Open it with a "
        "newer version of ISMS Register.");
}

TEST_CASE("bad bundle: a format version that never existed") {
  const auto refused = refusal_of(seal(content_of(asset_json("asset-1")), 0));
  CHECK(refused.code == code(BundleErrorCode::BadValue));
  CHECK(refused.message == "The bundle names format version 0, which does not exist.");
}

TEST_CASE("bad bundle: a changed byte in the content fails the checksum") {
  std::string text = valid_bundle();
  text.replace(text.find("Laptop"), 6, "Lapt0p");
  const auto refused = refusal_of(text);
  CHECK(refused.code == code(BundleErrorCode::Damaged));
  CHECK(refused.message ==
        "The bundle is damaged: its content does not match its checksum, so it was changed after it was exported; "
        "ask the sender for the file again.");

  // Even a change of layout only (a space) is a change: the checksum is of the bytes.
  std::string spaced = valid_bundle();
  spaced.replace(spaced.find("\"records\":"), 10, "\"records\": ");
  CHECK(refusal_of(spaced).code == code(BundleErrorCode::Damaged));

  // ...but the layout of the header around the content is free.
  const std::string content = content_of(asset_json("asset-1"));
  const std::string reordered = "{\n  \"content\": " + content + ",\n  \"checksum\": \"sha256:" + sha256_hex(content) +
                                "\",\n  \"app_version\": \"0.3.0\", \"format_version\": 1, \"format\": "
                                "\"isms-register-bundle\"\n}";
  CHECK(refusal_of(reordered).message == "(read)");
}

TEST_CASE("bad bundle: a checksum that is not a SHA-256") {
  std::string text = valid_bundle();
  text.replace(text.find("sha256:"), 7, "md5:");
  const auto refused = refusal_of(text);
  CHECK(refused.code == code(BundleErrorCode::BadValue));
  CHECK(refused.message.rfind("The bundle's \"checksum\" must be \"sha256:\" and 64 lowercase hexadecimal digits, not "
                              "\"md5:",
                              0) == 0);
}

TEST_CASE("bad bundle: missing required members") {
  SUBCASE("in the header") {
    const std::string content = content_of(asset_json("asset-1"));
    const std::string no_checksum =
        "{\"format\":\"isms-register-bundle\",\"format_version\":1,\"app_version\":\"0.3.0\","
        "\"content\":" +
        content + "}";
    CHECK(refusal_of(no_checksum).code == code(BundleErrorCode::MissingMember));
    CHECK(refusal_of(no_checksum).message == "The bundle has no \"checksum\".");
    CHECK(refusal_of("{\"format\":\"isms-register-bundle\",\"format_version\":1,\"app_version\":\"0.3.0\"}").message ==
          "The bundle has no \"content\".");
    CHECK(refusal_of("{\"format\":\"isms-register-bundle\",\"app_version\":\"0.3.0\"}").message ==
          "The bundle has no \"format_version\".");
  }
  SUBCASE("in the content") {
    std::string content = content_of(asset_json("asset-1"));
    content.replace(content.find("\"exported_at\":\"2026-11-26T09:30:00Z\","), 37, "");
    const auto refused = refusal_of(seal(content));
    CHECK(refused.code == code(BundleErrorCode::MissingMember));
    CHECK(refused.message == "The bundle has no \"exported_at\".");
  }
  SUBCASE("in the workspace") {
    std::string content = content_of(asset_json("asset-1"));
    content.replace(content.find(",\"client\":\"Acme\""), 16, "");
    CHECK(refusal_of(seal(content)).message == "The bundle's workspace has no \"client\".");
  }
  SUBCASE("in a record") {
    std::string record = asset_json("asset-1");
    record.replace(record.find("\"created_at\":\"2026-11-26T09:00:00Z\","), 36, "");
    const auto refused = refusal_of(seal(content_of(record)));
    CHECK(refused.code == code(BundleErrorCode::MissingMember));
    CHECK(refused.message == "Record asset-1 (Assets) has no \"created_at\".");
  }
  SUBCASE("a record without an id is named by its place") {
    std::string record = asset_json("asset-2");
    record.replace(record.find("\"id\":\"asset-2\","), 15, "");
    const auto refused = refusal_of(seal(content_of(asset_json("asset-1") + "," + record)));
    CHECK(refused.message == "Record number 2 (Assets) has no \"id\".");
  }
  SUBCASE("in an attachment") {
    const auto refused = refusal_of(seal(content_of(asset_json("asset-1"), "{\"size\":3}")));
    CHECK(refused.code == code(BundleErrorCode::MissingMember));
    CHECK(refused.message == "Attachment number 1 has no \"sha256\".");
  }
}

TEST_CASE("bad bundle: values of the wrong type name the record and the field") {
  const std::string risk = record_json(
      "risk", "risk-1", "{\"title\":\"Ransomware\",\"inherent_likelihood\":\"high\",\"inherent_impact\":4}");
  auto refused = refusal_of(seal(content_of(risk)));
  CHECK(refused.code == code(BundleErrorCode::WrongType));
  CHECK(refused.message == "Record risk-1 (Risks): field \"Inherent likelihood\" must be a whole number, not text.");

  refused = refusal_of(seal(content_of(record_json("risk", "risk-1", "{\"inherent_likelihood\":2.5}"))));
  CHECK(refused.message ==
        "Record risk-1 (Risks): field \"Inherent likelihood\" must be a whole number, not a number with a fraction.");
  refused = refusal_of(seal(content_of(record_json("risk", "risk-1", "{\"title\":42}"))));
  CHECK(refused.message == "Record risk-1 (Risks): field \"Title\" must be text, not a whole number.");
  refused = refusal_of(seal(content_of(record_json("risk", "risk-1", "{\"assets\":\"asset-1\"}"))));
  CHECK(refused.message == "Record risk-1 (Risks): field \"Assets\" must be a list of record ids, not text.");
  refused = refusal_of(seal(content_of(record_json("risk", "risk-1", "{\"assets\":[\"asset-1\",7]}"))));
  CHECK(refused.message == "Record risk-1 (Risks): field \"Assets\" must hold only record ids (text).");
  refused = refusal_of(seal(content_of(record_json("kpi", "kpi-1", "{\"target\":true}"))));
  CHECK(refused.message == "Record kpi-1 (KPIs): field \"Target\" must be a number, not true.");
  const std::string overflowing = seal(content_of(record_json("kpi", "kpi-1", "{\"target\":1e999}")));
  refused = refusal_of(overflowing);
  CHECK(refused.code == code(BundleErrorCode::BadValue));
  CHECK(refused.message == "The bundle holds a number too large to read (at byte " +
                               std::to_string(overflowing.find("1e999") + 5) +
                               "), so it was not written by ISMS Register; ask the sender to export it again.");
  CHECK(refusal_of(seal(content_of(asset_json("asset-1") + ",\"asset-2\""))).message ==
        "Record number 2 must be an object, not text.");
  refused = refusal_of(seal(content_of(record_json("risk", "risk-1", "{\"title\":{\"en\":\"Ransomware\"}}"))));
  CHECK(refused.message == "Record risk-1 (Risks): field \"Title\" must be text, not an object.");

  std::string record = asset_json("asset-1");
  record.replace(record.find("\"revision\":2"), 12, "\"revision\":\"2\"");
  refused = refusal_of(seal(content_of(record)));
  CHECK(refused.code == code(BundleErrorCode::WrongType));
  CHECK(refused.message == "Record asset-1 (Assets): \"revision\" must be a whole number of 0 or more, not \"2\".");

  record = asset_json("asset-1");
  record.replace(record.find("\"deleted\":false"), 15, "\"deleted\":0");
  CHECK(refusal_of(seal(content_of(record))).message ==
        "Record asset-1 (Assets): \"deleted\" must be true or false, not a whole number.");

  const std::string counted_in_text =
      record_json("asset", "asset-1", "{\"name\":\"Laptop\"}", "{\"replica-a\":{\"name\":\"2\"}}");
  refused = refusal_of(seal(content_of(counted_in_text)));
  CHECK(refused.code == code(BundleErrorCode::WrongType));
  CHECK(refused.message ==
        "Record asset-1 (Assets): the writes of \"name\" by replica \"replica-a\" must be a whole "
        "number of 0 or more, not text.");
  // Past what the store can keep (a signed 64-bit count): refused before it can damage a record.
  const std::string counted_too_far = record_json("asset", "asset-1", "{\"name\":\"Laptop\"}",
                                                  "{\"replica-a\":{\"name\":9223372036854775808}}");
  CHECK(refusal_of(seal(content_of(counted_too_far))).code == code(BundleErrorCode::WrongType));
  CHECK(refusal_of(seal(content_of(record_json("asset", "asset-1", "{}", "{\"replica-a\":[1]}")))).message ==
        "Record asset-1 (Assets): the versions by replica \"replica-a\" must be an object, not a list.");

  CHECK(refusal_of(seal(content_of(asset_json("asset-1"), "[]"))).message ==
        "Attachment number 1 must be an object, not a list.");
  std::string content = content_of(asset_json("asset-1"));
  content.replace(content.find("\"attachments_included\":true"), 27, "\"attachments_included\":\"yes\"");
  CHECK(refusal_of(seal(content)).message ==
        "The bundle's \"attachments_included\" must be true or false, not \"yes\".");
}

TEST_CASE("bad bundle: ids, times and dates of the wrong shape") {
  std::string content = content_of(asset_json("asset-1"));
  content.replace(content.find("\"id\":\"ws-1\""), 11, "\"id\":\"../../etc\"");
  auto refused = refusal_of(seal(content));
  CHECK(refused.code == code(BundleErrorCode::BadValue));
  CHECK(refused.message ==
        "The bundle's workspace \"id\" must be an id of letters, digits and _ . : - (at most 100 "
        "characters), not \"../../etc\".");

  std::string record = asset_json("asset-1");
  record.replace(record.find("2026-11-26T09:10:00Z"), 20, "yesterday");
  CHECK(refusal_of(seal(content_of(record))).message ==
        "Record asset-1 (Assets): \"updated_at\" must be a time like 2026-11-26T09:30:00Z, not \"yesterday\".");

  const std::string bad_replica = record_json("asset", "asset-1", "{}", "{\"replica a\":{\"name\":1}}");
  CHECK(refusal_of(seal(content_of(bad_replica))).message ==
        "Record asset-1 (Assets): the versions name the replica \"replica a\", which is not an id.");

  refused = refusal_of(seal(content_of(record_json("risk", "risk-1", "{\"review_date\":\"2026-02-30\"}"))));
  CHECK(refused.code == code(BundleErrorCode::BadValue));
  CHECK(refused.message ==
        "Record risk-1 (Risks): field \"Next review\" must be a date like 2026-11-26, not \"2026-02-30\".");
}

TEST_CASE("bad bundle: a register this version does not know") {
  const std::string gizmo = record_json("gizmo", "gizmo-1", "{\"name\":\"Gear\"}");
  auto refused = refusal_of(seal(content_of(gizmo)));
  CHECK(refused.code == code(BundleErrorCode::UnknownKind));
  CHECK(refused.message ==
        "Record gizmo-1 names the register \"gizmo\", which this version of ISMS Register does not have.");

  // Written by a later app (same format version): the message says which one reads it.
  refused = refusal_of(seal(content_of(gizmo), 1, "0.4.1"));
  CHECK(refused.message ==
        "Record gizmo-1 names the register \"gizmo\", which this version of ISMS Register does not "
        "have; open the bundle with ISMS Register 0.4.1 or newer.");
}

TEST_CASE("bad bundle: a field its register does not have") {
  const std::string asset =
      record_json("asset", "asset-1", "{\"name\":\"Laptop\",\"colour\":\"grey\"}", "{\"replica-a\":{\"name\":1}}");
  auto refused = refusal_of(seal(content_of(asset)));
  CHECK(refused.code == code(BundleErrorCode::UnknownField));
  CHECK(refused.message == "Record asset-1 (Assets) has a field \"colour\" that Assets do not have.");

  // Fields before the kind are judged once the kind is known.
  const std::string reordered =
      "{\"fields\":{\"colour\":\"grey\"},\"kind\":\"asset\",\"id\":\"asset-1\",\"created_at\":\"2026-11-26T09:00:00Z\","
      "\"created_by\":\"Anna\",\"updated_at\":\"2026-11-26T09:10:00Z\",\"updated_by\":\"Anna\",\"revision\":2,"
      "\"deleted\":false,\"versions\":{}}";
  CHECK(refusal_of(seal(content_of(reordered))).message ==
        "Record asset-1 (Assets) has a field \"colour\" that Assets do not have.");

  const std::string versions =
      record_json("asset", "asset-1", "{\"name\":\"Laptop\"}", "{\"replica-a\":{\"colour\":1}}");
  CHECK(refusal_of(seal(content_of(versions))).message ==
        "Record asset-1 (Assets) has versions of a field \"colour\" that Assets do not have.");

  CHECK(refusal_of(seal(content_of(asset), 1, "1.0.0")).message ==
        "Record asset-1 (Assets) has a field \"colour\" that Assets do not have; open the bundle with ISMS Register "
        "1.0.0 or newer.");
}

TEST_CASE("bad bundle: members the format does not have, or has once") {
  std::string record = asset_json("asset-1");
  record.replace(record.find("\"deleted\":false"), 15, "\"deleted\":false,\"colour\":\"grey\"");
  auto refused = refusal_of(seal(content_of(record)));
  CHECK(refused.code == code(BundleErrorCode::UnknownMember));
  CHECK(refused.message == "Record asset-1 (Assets) has a member \"colour\" that the bundle format does not have.");

  record = asset_json("asset-1");
  record.replace(record.find("\"revision\":2"), 12, "\"revision\":2,\"revision\":3");
  CHECK(refusal_of(seal(content_of(record))).message == "Record asset-1 (Assets) has the member \"revision\" twice.");

  std::string content = content_of(asset_json("asset-1"));
  content.replace(content.find("\"records\""), 9, "\"comment\":\"hi\",\"records\"");
  CHECK(refusal_of(seal(content)).message ==
        "The bundle has a member \"comment\" that the bundle format does not have.");

  const std::string fields_twice = record_json("asset", "asset-1", "{\"name\":\"Laptop\",\"name\":\"Phone\"}");
  CHECK(refusal_of(seal(content_of(fields_twice))).message == "Record asset-1 (Assets): field \"Name\" appears twice.");
}

TEST_CASE("bad bundle: an enum value that is not an option names the allowed values") {
  const std::string asset = record_json("asset", "asset-1", "{\"name\":\"Laptop\",\"type\":\"gadget\"}");
  const auto refused = refusal_of(seal(content_of(asset)));
  CHECK(refused.code == code(BundleErrorCode::UnknownEnumValue));
  CHECK(refused.message ==
        "Record asset-1 (Assets): field \"Type\" has the value \"gadget\", which is not one of: "
        "information, software, hardware, service, people, site.");
}

TEST_CASE("bad bundle: links to records that are neither in the bundle nor built in") {
  const std::string risk =
      record_json("risk", "risk-1", "{\"title\":\"Ransomware\",\"assets\":[\"asset-1\",\"asset-9\"]}");
  auto refused = refusal_of(seal(content_of(asset_json("asset-1") + "," + risk)));
  CHECK(refused.code == code(BundleErrorCode::DanglingLink));
  CHECK(refused.message ==
        "Record risk-1 (Risks): field \"Assets\" links to asset-9, which is neither in the bundle nor a built-in "
        "record.");

  const std::string owned = record_json("asset", "asset-2", "{\"name\":\"Phone\",\"owner\":\"asset-1\"}");
  refused = refusal_of(seal(content_of(asset_json("asset-1") + "," + owned)));
  CHECK(refused.code == code(BundleErrorCode::DanglingLink));
  CHECK(refused.message ==
        "Record asset-2 (Assets): field \"Owner\" links to asset-1, which is in Assets, not in People.");

  // A built-in catalog record links without being in the bundle; of its own register only.
  const std::string controlled =
      record_json("risk", "risk-1", "{\"title\":\"Ransomware\",\"controls\":[\"annex-a-8.7\"]}");
  CHECK(refusal_of(seal(content_of(controlled))).message == "(read)");
  const std::string miscontrolled =
      record_json("risk", "risk-1", "{\"title\":\"Ransomware\",\"controls\":[\"clause-4.1\"]}");
  CHECK(refusal_of(seal(content_of(miscontrolled))).message ==
        "Record risk-1 (Risks): field \"Controls\" links to clause-4.1, which is in Clauses, not in Controls.");
}

TEST_CASE("bad bundle: two records with one id") {
  const std::string person = record_json("person", "rec-1", "{\"name\":\"Anna\"}");
  const auto refused = refusal_of(seal(content_of(asset_json("rec-1") + "," + person)));
  CHECK(refused.code == code(BundleErrorCode::DuplicateId));
  CHECK(refused.message == "The bundle holds two records with the id rec-1 (Assets and People).");
}

TEST_CASE("bad bundle: bytes that are not UTF-8") {
  for (const std::string& bad :
       {std::string("La\xC3\x28ptop"), std::string("\xED\xA0\x80"), std::string("\xFF"), std::string("caf\xC3")}) {
    const auto refused = refusal_of(seal(content_of(asset_json("asset-1", bad))));
    CHECK(refused.code == code(BundleErrorCode::InvalidUtf8));
    CHECK(refused.message ==
          "The file is not valid UTF-8 text, so it is not a bundle or it was damaged; ask the sender for the file "
          "again.");
  }
  // An escaped lone surrogate is not text either.
  CHECK(refusal_of(seal(content_of(asset_json("asset-1", "\\ud800")))).code == code(BundleErrorCode::NotJson));
}

TEST_CASE("bad bundle: nesting deeper than the format is refused before it is built") {
  const std::size_t levels = 1000000;  // a million levels would exhaust a recursive parser's stack
  const std::string deep = std::string(levels, '[') + std::string(levels, ']');
  const std::string field = record_json("risk", "risk-1", "{\"assets\":" + deep + "}");
  auto refused = refusal_of(seal(content_of(field)));
  CHECK(refused.code == code(BundleErrorCode::TooDeep));
  const std::string text = seal(content_of(field));
  CHECK(refused.message == "The bundle nests its data deeper than the bundle format allows (at byte " +
                               std::to_string(text.find("[[") + 2) +
                               "), so it was not written by ISMS Register; ask the sender to export it again.");

  // The deepest the format has is fine: a link list inside a record.
  CHECK(refusal_of(
            seal(content_of(asset_json("asset-1") + "," + record_json("risk", "risk-1", "{\"assets\":[\"asset-1\"]}"))))
            .message == "(read)");
  // One level more is not, whatever the member.
  refused = refusal_of(seal(content_of(record_json("risk", "risk-1", "{\"assets\":[[\"asset-1\"]]}"))));
  CHECK(refused.code == code(BundleErrorCode::TooDeep));
  // A deep JSON file that is not a bundle is answered as another format.
  CHECK(refusal_of("{\"a\":" + std::string(levels, '[') + std::string(levels, ']') + "}").code ==
        code(BundleErrorCode::OtherFormat));
}

TEST_CASE("bad bundle: a file over 200 MB is refused before it is parsed") {
  CHECK(bundle::max_bundle_bytes == 200ull * 1024 * 1024);
  // Spaces: were it parsed, it would be "empty"; the size is judged first.
  const std::string huge(bundle::max_bundle_bytes + 1, ' ');
  const auto refused = refusal_of(huge);
  CHECK(refused.code == code(BundleErrorCode::TooLarge));
  CHECK(refused.message ==
        "The file is larger than the 200 MB a bundle may be; ask the sender to export the workspace "
        "without attachments.");
  // Exactly at the limit is not too large (and these spaces are then an empty file).
  CHECK(refusal_of(std::string_view(huge).substr(0, bundle::max_bundle_bytes)).code == code(BundleErrorCode::NotJson));
  CHECK(refusal_of("{}", bundle::ReadLimits{1}).message ==
        "The file is larger than the 1 bytes a bundle may be; ask the sender to export the workspace without "
        "attachments.");
}

TEST_CASE("bad bundle: text over a field's limit, counted in characters") {
  const std::string at_limit = [] {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "\xC5\x81";  // "Ł": 2 bytes, 1 character
    return text;
  }();
  CHECK(refusal_of(seal(content_of(asset_json("asset-1", at_limit)))).message == "(read)");
  const auto refused = refusal_of(seal(content_of(asset_json("asset-1", at_limit + "x"))));
  CHECK(refused.code == code(BundleErrorCode::TooLong));
  CHECK(refused.message == "Record asset-1 (Assets): field \"Name\" is too long (201 characters; at most 200).");

  std::string long_author = asset_json("asset-1");
  long_author.replace(long_author.find("\"created_by\":\"Anna\""), 19,
                      "\"created_by\":\"" + std::string(1001, 'a') + "\"");
  CHECK(refusal_of(seal(content_of(long_author))).message ==
        "Record asset-1 (Assets): \"created_by\" must be text of at most 1000 characters, not \"" +
            std::string(60, 'a') + "…\".");
}

TEST_CASE("bad bundle: attachment bytes that are not base64 or not what their size and SHA-256 say") {
  const std::string bytes = "%PDF-1.7 evidence";
  const std::string digest = sha256_hex(bytes);
  auto attachment = [&](const std::string& sha, std::size_t size, const std::string& base64) {
    return "{\"sha256\":\"" + sha + "\",\"size\":" + std::to_string(size) + ",\"bytes\":\"" + base64 + "\"}";
  };
  const std::string good = attachment(digest, bytes.size(), base64_encode(bytes));
  REQUIRE(refusal_of(seal(content_of(asset_json("asset-1"), good))).message == "(read)");

  auto refused = refusal_of(seal(content_of(asset_json("asset-1"), attachment(digest, bytes.size(), "JVBER i0x"))));
  CHECK(refused.code == code(BundleErrorCode::BadAttachment));
  CHECK(refused.message == "Attachment " + digest + " has bytes that are not valid base64.");

  refused = refusal_of(seal(content_of(asset_json("asset-1"), attachment(digest, 99, base64_encode(bytes)))));
  CHECK(refused.message == "Attachment " + digest + " has 17 bytes, not the 99 its size says.");

  const std::string other = base64_encode("%PDF-1.7 evidencf");
  refused = refusal_of(seal(content_of(asset_json("asset-1"), attachment(digest, bytes.size(), other))));
  CHECK(refused.code == code(BundleErrorCode::BadAttachment));
  CHECK(refused.message == "Attachment " + digest + " has bytes that do not match its SHA-256: they were damaged.");

  refused = refusal_of(seal(content_of(asset_json("asset-1"), good + "," + good)));
  CHECK(refused.code == code(BundleErrorCode::DuplicateId));
  CHECK(refused.message == "Attachment " + digest + " is in the bundle twice.");

  refused = refusal_of(seal(content_of(asset_json("asset-1"), attachment(digest, 26214401, ""))));
  CHECK(refused.message == "Attachment " + digest + " is larger than the 25 MB an attached file may be.");

  refused = refusal_of(seal(content_of(asset_json("asset-1"), attachment("ABC", 3, ""))));
  CHECK(refused.code == code(BundleErrorCode::BadValue));
  CHECK(refused.message ==
        "Attachment number 1: \"sha256\" must be a SHA-256 of 64 lowercase hexadecimal digits, not \"ABC\".");
}
