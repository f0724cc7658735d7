#pragma once

#include <string>

namespace isms {

// One problem with one field, worded for the person who typed the value: it names the
// field's label and says what is wrong, e.g. "Workspace name is required.".
// Its own header because definitions (record checks) and validation both speak it.
struct FieldError {
  std::string field;  // the field's key (or the unknown key), so a form can mark the input
  std::string message;
};

}  // namespace isms
