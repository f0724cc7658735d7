#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/bundle/bundle.hpp"
#include "core/bundle/bundle_json.hpp"
#include "core/model/registry.hpp"
#include "core/util/sha256.hpp"

// What the bundle JSON tests share: bundles written by hand (with a correct checksum, so each
// test reaches the check it is about), and what a refused bundle says.
namespace isms::test {

// A whole bundle document around `content`, sealed with the content's SHA-256.
inline std::string seal(const std::string& content, int format_version = 1, const std::string& app_version = "0.3.0") {
  return "{\"format\":\"isms-register-bundle\",\"format_version\":" + std::to_string(format_version) +
         ",\"app_version\":\"" + app_version + "\",\"checksum\":\"sha256:" + sha256_hex(content) +
         "\",\"content\":" + content + "}\n";
}

// The content of a bundle of workspace ws-1 holding these records and attachments (JSON, comma-separated).
inline std::string content_of(const std::string& records, const std::string& attachments = "") {
  return "{\"exported_by\":\"Anna\",\"exported_at\":\"2026-11-26T09:30:00Z\",\"replica_id\":\"replica-a\","
         "\"workspace\":{\"id\":\"ws-1\",\"name\":\"Acme 2026\",\"client\":\"Acme\"},\"attachments_included\":true,"
         "\"records\":[" +
         records + "],\"attachments\":[" + attachments + "]}";
}

// One record's JSON with its system members filled in.
inline std::string record_json(const std::string& kind, const std::string& id, const std::string& fields,
                               const std::string& versions = "{}") {
  return "{\"kind\":\"" + kind + "\",\"id\":\"" + id +
         "\",\"created_at\":\"2026-11-26T09:00:00Z\",\"created_by\":\"Anna\",\"updated_at\":\"2026-11-26T09:10:00Z\","
         "\"updated_by\":\"Anna\",\"revision\":2,\"deleted\":false,\"fields\":" +
         fields + ",\"versions\":" + versions + "}";
}

inline std::string asset_json(const std::string& id, const std::string& name = "Laptop") {
  return record_json("asset", id, "{\"name\":\"" + name + "\",\"type\":\"hardware\",\"status\":\"in_use\"}",
                     "{\"replica-a\":{\"name\":1,\"type\":1}}");
}

// The code and message a bundle is refused with, or {-1, "(read)"} if it was read.
struct BundleRefusal {
  int code;
  std::string message;
};

inline BundleRefusal refusal_of(std::string_view text, const bundle::ReadLimits& limits = {},
                                const Registry& registry = Registry::builtin()) {
  try {
    bundle::from_json(text, registry, limits);
  } catch (const bundle::BundleError& error) {
    return {static_cast<int>(error.code()), error.what()};
  }
  return {-1, "(read)"};
}

inline int code(bundle::BundleErrorCode value) { return static_cast<int>(value); }

}  // namespace isms::test
