#pragma once

#include <string>
#include <string_view>

namespace isms {

// "name" with embedded quotes doubled. Table and column names come from definitions (checked
// identifiers) but are quoted anyway, so a keyword such as "type" or "order" is a legal column.
std::string quote_identifier(std::string_view name);

}  // namespace isms
