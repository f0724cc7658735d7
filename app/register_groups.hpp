#pragma once
// The navigation's grouping of the registers, as the seeds group the work (issue 4): which
// register appears under which heading, in which order.

#include <string>
#include <vector>

namespace isms::app {

struct RegisterGroup {
  std::string title;               // "Risk"
  std::vector<std::string> kinds;  // "asset", "risk", ...
};

const std::vector<RegisterGroup>& register_groups();

}  // namespace isms::app
