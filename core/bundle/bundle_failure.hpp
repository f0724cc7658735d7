#pragma once

#include <string>

#include "core/bundle/bundle_json.hpp"

namespace isms::bundle {

// A problem the reader found, before it becomes the BundleError from_json throws.
struct Failure {
  BundleErrorCode code;
  std::string message;  // one sentence for the person importing
};

}  // namespace isms::bundle
