#pragma once

#include <optional>

#include "core/bundle/bundle.hpp"
#include "core/bundle/bundle_failure.hpp"
#include "core/bundle/definition_index.hpp"

namespace isms::bundle {

// The checks that need every record at once: no id twice, and every link (Link and LinkList
// fields, tombstones included) to a record in the bundle or a built-in catalog record, of the
// register the field links to. The first problem, or nullopt.
std::optional<Failure> check_ids_and_links(const Bundle& bundle, const DefinitionIndex& index);

}  // namespace isms::bundle
