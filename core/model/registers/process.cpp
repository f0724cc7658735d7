#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/text.hpp"

namespace isms::registers {
namespace {

bool is_kind_name(const std::string& name) {
  return !name.empty() && name[0] >= 'a' && name[0] <= 'z' &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

// "policy, risk": register kinds, so the interface can list a process's records.
std::optional<FieldError> register_names(const Values& values) {
  for (const std::string& part : split(text_or_empty(values.at("registers")), ',')) {
    const std::string name = trim(part);
    if (!name.empty() && !is_kind_name(name)) {
      return FieldError{"registers", "Registers must be register names separated by commas, like \"policy, risk\"."};
    }
  }
  return std::nullopt;
}

std::string title_of(const RecordContext& context, const char* kind, const Value& id, const char* title_field) {
  const std::optional<Record> record = context.find(kind, text_or_empty(id));
  return record ? to_display(record->get(title_field)) : std::string();
}

// One cell per process and role: a second one would leave the matrix saying two things at once.
std::optional<FieldError> one_cell_per_role(const RecordContext& context, const std::string& id, const Values& values) {
  for (const Record& other : context.find_by("raci", "process", values.at("process"))) {
    if (other.id != id && other.get("role") == values.at("role")) {
      return FieldError{"role", "The role " + title_of(context, "role", values.at("role"), "name") +
                                    " already has a part in this process; change that cell instead."};
    }
  }
  return std::nullopt;
}

// Exactly one accountable role per process: two make nobody accountable. (A process with none
// yet is a gap the dashboard lists, not a write to refuse: the matrix is filled in cell by cell.)
std::optional<FieldError> one_accountable(const RecordContext& context, const std::string& id, const Values& values) {
  if (text_or_empty(values.at("assignment")) != "accountable") return std::nullopt;
  for (const Record& other : context.find_by("raci", "process", values.at("process"))) {
    if (other.id != id && text_or_empty(other.get("assignment")) == "accountable") {
      return FieldError{"assignment", "The process " + title_of(context, "process", values.at("process"), "name") +
                                          " already has an accountable role (" +
                                          title_of(context, "role", other.get("role"), "name") +
                                          "); a process has exactly one."};
    }
  }
  return std::nullopt;
}

}  // namespace

// The Process Reference Model: the 18 processes of the seed are seeded (core/catalogs/), and the
// organisation may add its own.
EntityDef process() {
  EntityDef def;
  def.kind = "process";
  def.label = "Process";
  def.plural = "Processes";
  def.title_field = "name";
  def.fields = {
      field("name", "Name", FieldType::Text).required(),
      field("category", "Category", FieldType::Enum)
          .required()
          .options({{"governance", "Governance"}, {"core", "Core"}, {"support", "Support"}}),
      field("purpose", "Purpose", FieldType::LongText),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      field("inputs", "Inputs from", FieldType::LinkList).links_to("process"),
      field("inputs_note", "Inputs", FieldType::LongText).help("What the process receives, and in what form."),
      field("outputs", "Outputs to", FieldType::LinkList).links_to("process"),
      field("outputs_note", "Outputs", FieldType::LongText).help("What the process delivers."),
      field("activities", "Activities", FieldType::LongText).help("One per line, in order."),
      field("kpis", "KPIs", FieldType::LinkList).links_to("kpi"),
      field("registers", "Records kept", FieldType::Text)
          .help("The registers whose records belong to this process, e.g. \"policy\"."),
  };
  def.checks = {register_names};
  return def;
}

// One cell of the RACI matrix (process x role). Part of both: deleting either deletes the cell.
EntityDef raci() {
  EntityDef def;
  def.kind = "raci";
  def.label = "RACI assignment";
  def.plural = "RACI matrix";
  def.title_field = "assignment";
  def.fields = {
      field("process", "Process", FieldType::Link).part_of("process").required(),
      field("role", "Role", FieldType::Link).part_of("role").required(),
      field("assignment", "Assignment", FieldType::Enum)
          .required()
          .options({{"responsible", "Responsible"},
                    {"accountable", "Accountable"},
                    {"consulted", "Consulted"},
                    {"informed", "Informed"}}),
  };
  def.context_checks = {one_cell_per_role, one_accountable};
  return def;
}

}  // namespace isms::registers
