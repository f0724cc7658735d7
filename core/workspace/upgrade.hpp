#pragma once

#include <cstddef>

#include "core/store/repository.hpp"

namespace isms {

// Brings the records of a workspace made by an older build up to today's definitions, where
// the schema alone cannot. Idempotent and cheap when there is nothing to do (one query per
// step), so it runs on every open.
//
// Owners were free text before the people register existed (asset, control, clause): each name
// becomes a person (one per distinct name, reusing a live person of that name) and the field
// points at them. Returns how many records changed.
std::size_t upgrade_records(Repository& records);

}  // namespace isms
