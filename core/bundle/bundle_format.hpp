#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/links.hpp"

// The rules of the bundle format that the reader checks and the JSON Schema states, kept in one
// place so the two cannot drift apart (bundle_schema.cpp writes these very patterns).
namespace isms::bundle::format {

// Record, workspace and replica ids: letters, digits and "_.:-", starting with a letter or digit,
// at most 100 characters. UUIDs and the catalogs' ids ("annex-a-5.1") fit; what does not fit
// (slashes, "..", spaces) never reaches a file name, since a workspace's id names its folder.
inline constexpr std::size_t max_id_length = max_link_id_length;
inline constexpr const char* id_pattern = "^[A-Za-z0-9][A-Za-z0-9_.:-]*$";
bool is_id(std::string_view text);

// Store times: UTC, ISO 8601, seconds, "2026-11-26T09:30:00Z" (core/util/clock.hpp).
inline constexpr const char* timestamp_pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$";
inline constexpr const char* timestamp_example = "2026-11-26T09:30:00Z";
bool is_timestamp(std::string_view text);

// Date fields: a real calendar day "YYYY-MM-DD" (core/util/date.hpp).
inline constexpr const char* date_pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
inline constexpr const char* date_example = "2026-11-26";

// Attachment contents and the checksum: SHA-256 as 64 lowercase hex digits.
inline constexpr const char* sha256_pattern = "^[0-9a-f]{64}$";
inline constexpr const char* checksum_prefix = "sha256:";
inline constexpr const char* checksum_pattern = "^sha256:[0-9a-f]{64}$";
bool is_sha256_hex(std::string_view text);

// "0.3.0" or "1.2.0-beta.1": the app version that wrote a bundle, named in messages.
inline constexpr std::size_t max_app_version_length = 50;
inline constexpr const char* app_version_pattern = "^[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}(-[0-9A-Za-z.-]+)?$";
bool is_app_version(std::string_view text);
// Major, minor, patch of a valid app version (the pre-release part is ignored).
std::optional<std::array<long, 3>> app_version_numbers(std::string_view text);
// True when `theirs` is a valid app version later than `ours`.
bool is_later_app_version(std::string_view theirs, std::string_view ours);

// People's names (authors, exported_by) and the workspace's name and client.
inline constexpr std::size_t max_name_length = 1000;
inline constexpr std::size_t max_workspace_text_length = 200;  // the workspace register's limit

// Attachment bytes: the attachments module's limit for one file (core/attachments/attachments.hpp).
inline constexpr std::size_t max_attachment_bytes = 25ull * 1024 * 1024;

// Base64 as base64_decode accepts it (core/util/base64.hpp).
inline constexpr const char* base64_pattern =
    "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/][AQgw]==|[A-Za-z0-9+/]{2}[AEIMQUYcgkosw048]=)?$";

}  // namespace isms::bundle::format
