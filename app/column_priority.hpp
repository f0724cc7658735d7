#pragma once
// Which fields a table shows first when it cannot show them all: the register table's columns
// (app/views/register_page.cpp) and the compact tables of a record's parts (app/part_registers.cpp)
// use the same order, so a register looks alike wherever its records are listed.

#include "core/model/entity.hpp"

namespace isms::app {

// What a column tells at a glance: statuses and levels first, then people and dates, numbers,
// free text last. Lower is shown first.
inline int column_priority(const FieldDef& field) {
  switch (field.type) {
    case FieldType::Enum:
      return 0;
    case FieldType::Link:
    case FieldType::Date:
      return 1;
    case FieldType::Integer:
    case FieldType::Number:
    case FieldType::Rating:
      return 2;
    default:
      return 3;
  }
}

}  // namespace isms::app
