#pragma once
// The RACI matrix as an editable grid (issue 4, item 5): processes down, roles across, in each cell
// who is Responsible, Accountable, Consulted or Informed. Each cell is a "raci" record (part of
// its process and of its role); this reads them into a grid and writes one cell through the
// Session, so the register's rules (one assignment per role, one accountable per process) and the
// history and undo apply as for any edit.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/store/repository.hpp"

namespace isms::app {

class Session;

struct RaciAxis {
  std::string id, name;
};

struct RaciCell {
  std::string id;          // the raci record
  std::string assignment;  // responsible, accountable, consulted, informed
};

struct RaciGrid {
  std::vector<RaciAxis> processes, roles;                         // live ones, by name
  std::map<std::pair<std::string, std::string>, RaciCell> cells;  // (process id, role id)
  std::size_t without_accountable = 0;                            // live processes nobody is accountable for

  const RaciCell* cell(const std::string& process, const std::string& role) const;
  bool has_accountable(const std::string& process) const;
};

RaciGrid read_raci(const Repository& records);

// "R", "A", "C", "I" for an assignment value; "" for none.
std::string raci_letter(const std::string& assignment);

// Sets the cell of `process` x `role` to `assignment` ("" clears it): creates, changes or deletes
// its record. On a refusal returns false with the rule's sentence in `problem`; nothing changes.
bool set_raci_cell(Session& session, const std::string& process, const std::string& role, const std::string& assignment,
                   std::string& problem);

// The grid, read again only when the workspace's data changes.
struct RaciView {
  std::uint64_t revision = UINT64_MAX;
  std::string workspace;
  RaciGrid grid;
  std::string problem;  // the last refusal, shown above the grid
  std::string filter;   // narrows the processes by name
  const RaciGrid& get(const Repository& records, const std::string& workspace_id, std::uint64_t data_revision);
};

}  // namespace isms::app
