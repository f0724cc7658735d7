#pragma once

#include <string>

#include "core/model/registry.hpp"

namespace isms::bundle {

// The JSON Schema (draft 2020-12) of the bundle format for `registry`: every register's fields
// with their JSON types, enum values, length limits and id patterns, and the format's own
// members, closed where the format is closed. Made from the same definitions and patterns the
// reader checks, so the two cannot disagree; assets/bundle.schema.json is this text for the
// built-in registry (a test compares them, and write_sample_bundle --schema rewrites it).
std::string json_schema(const Registry& registry);

}  // namespace isms::bundle
