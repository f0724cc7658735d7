#pragma once

#include <string>

namespace isms {

// A random RFC 4122 version 4 UUID in lowercase, e.g. "3f2b8c1e-9d4a-4f6b-a1c2-7e8d9f0a1b2c".
// Record, change-set and workspace ids are these, so two devices never invent the same id
// and bundles from colleagues merge by id without coordination.
std::string new_uuid();

}  // namespace isms
