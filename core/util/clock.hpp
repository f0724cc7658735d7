#pragma once

#include <string>

namespace isms {

// Every timestamp the store writes comes from a Clock, so tests can pin time and ordering.
class Clock {
 public:
  virtual ~Clock() = default;
  // UTC, ISO 8601, second resolution: "2026-11-26T09:30:00Z". Strings of this shape sort in
  // time order, which the store relies on for "most recent first".
  virtual std::string now_utc() const = 0;
};

class SystemClock final : public Clock {
 public:
  std::string now_utc() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::string t);
  void set(std::string t);
  std::string now_utc() const override;

 private:
  std::string time_;
};

}  // namespace isms
