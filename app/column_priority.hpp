#pragma once
// Which fields a table shows first when it cannot show them all: the register table's columns
// (app/views/register_page.cpp) and the compact tables of a record's parts (app/part_registers.cpp)
// use the same order, so a register looks alike wherever its records are listed.

#include "app/status_tone.hpp"
#include "core/model/entity.hpp"

namespace isms::app {

// What a column tells at a glance: statuses and levels first, then deadlines and other enums,
// people and dates, numbers, free text last. Lower is shown first.
inline int column_priority(const FieldDef& field) {
  if (is_status_like(field)) return 0;
  if (is_deadline(field)) return 1;
  switch (field.type) {
    case FieldType::Enum:
      return 1;
    case FieldType::Link:
    case FieldType::Date:
      return 2;
    case FieldType::Integer:
    case FieldType::Number:
    case FieldType::Rating:
      return 3;
    default:
      return 4;
  }
}

}  // namespace isms::app
