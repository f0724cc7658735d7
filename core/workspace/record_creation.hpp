#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/store/repository.hpp"

namespace isms {

// Creates a record as a person does from the interface: most registers take the values as they
// are, but some fill in their parts on creation in the same transaction. A management review
// gets its ten 9.3.2 inputs pre-filled from the register (core/program/management_reviews.hpp),
// so a review made from the form is never held without them. `today` is "YYYY-MM-DD".
// Returns the new id; ValidationError, with nothing written, as Repository::create.
std::string create_record(Repository& records, std::string_view kind, std::map<std::string, Value> values,
                          std::string_view today);

}  // namespace isms
