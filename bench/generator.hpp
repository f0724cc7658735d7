#pragma once

#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/model/links.hpp"
#include "core/store/repository.hpp"
#include "core/util/date.hpp"

// What the workload generators share: deterministic choices and record creation.
namespace isms::bench {

using Values = std::map<std::string, Value>;

class Generator {
 public:
  Generator(Repository& records, std::uint32_t seed) : records_(records), random_(seed) {}

  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  template <class T>
  const T& pick(const std::vector<T>& from) {
    return from[static_cast<std::size_t>(between(0, static_cast<int>(from.size()) - 1))];
  }
  // A few distinct ids from a pool, as a LinkList value.
  Value some(const std::vector<std::string>& pool, int low, int high) {
    std::vector<std::string> ids;
    const int count = between(low, high);
    for (int i = 0; i < count; ++i) ids.push_back(pick(pool));
    return link_list(std::move(ids));
  }
  // A date in 2025-2027, so roughly a third of the due and review dates have passed on the day
  // the benchmark pins as "today".
  std::string date() { return format_date(add_days(CivilDate{2025, 1, 1}, between(0, 3 * 365 - 1))); }
  Value text(std::string value) { return Value(std::move(value)); }

  std::vector<std::string> make(std::size_t count, const std::string& kind,
                                const std::function<Values(std::size_t)>& values) {
    std::vector<std::string> ids;
    ids.reserve(count);
    for (std::size_t i = 0; i < count; ++i) ids.push_back(records_.create(kind, values(i)));
    return ids;
  }

 private:
  Repository& records_;
  std::mt19937 random_;
};

inline const std::vector<std::string>& option_values(const Repository& records, const char* kind, const char* field) {
  static std::map<std::string, std::vector<std::string>> cache;
  std::vector<std::string>& values = cache[std::string(kind) + "." + field];
  if (values.empty()) {
    for (const EnumOption& option : records.registry().get(kind).field(field)->options) values.push_back(option.value);
  }
  return values;
}

}  // namespace isms::bench
