#pragma once
// The navigation's figures (issue 4, item 1): how many live records each register holds and how
// many of them are overdue, as the tables judge it (app/status_tone.hpp is_overdue: a deadline
// passed on a record not finished). One SQL query per register, run for every register together
// once per change of the data (or of the day), never per frame: the navigation and the register
// page used to count their registers on every frame.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/entity.hpp"
#include "core/store/repository.hpp"

namespace isms::app {

class Session;

struct RegisterCount {
  std::size_t records = 0;  // live records
  std::size_t overdue = 0;  // of them, those with a deadline passed while not finished
};

// One register's figures for `today` ("YYYY-MM-DD"), in one query.
RegisterCount count_register(const Repository& records, const EntityDef& def, std::string_view today);

// Every register of the workspace's registry, by kind: those the navigation shows, and the
// parts and attachments whose tables can be opened from elsewhere (search, the dashboard).
std::map<std::string, RegisterCount> count_registers(const Repository& records, std::string_view today);

// How many overdue records the registers `kinds` hold together (a group's flag when it is folded).
std::size_t overdue_in(const std::map<std::string, RegisterCount>& counts, const std::vector<std::string>& kinds);

// The open workspace's figures, counted again only when its data, the workspace or the day changes.
class RegisterCountsCache {
 public:
  // Requires an open workspace (Session::current()).
  const std::map<std::string, RegisterCount>& get(Session& session);
  // One register's figures (zero for a kind not counted).
  RegisterCount of(Session& session, const std::string& kind);
  // How often the figures were counted: the tests' proof that frames reuse them.
  std::size_t computations() const { return computations_; }

 private:
  std::map<std::string, RegisterCount> counts_;
  std::string workspace_, today_;
  std::uint64_t revision_ = 0;
  bool valid_ = false;
  std::size_t computations_ = 0;
};

}  // namespace isms::app
