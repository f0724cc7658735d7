#include "core/util/clock.hpp"

#include <ctime>
#include <utility>

namespace isms {

std::string SystemClock::now_utc() const {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);  // the reentrant form: std::gmtime shares one static buffer
  char text[sizeof "YYYY-MM-DDTHH:MM:SSZ"];
  const std::size_t written = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(text, written);
}

FixedClock::FixedClock(std::string t) : time_(std::move(t)) {}

void FixedClock::set(std::string t) { time_ = std::move(t); }

std::string FixedClock::now_utc() const { return time_; }

}  // namespace isms
