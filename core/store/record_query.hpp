#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/model/entity.hpp"
#include "core/model/value.hpp"
#include "core/store/record.hpp"
#include "core/store/sqlite.hpp"

namespace isms {

// A filtered, sorted slice of one register, done by SQLite: what a register table shows. Fields
// are named by key (checked against the definition: std::invalid_argument for an unknown one);
// the system columns "created_at" and "updated_at" may be used too.
struct Condition {
  enum class Op { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, In, NotIn, IsNull, NotNull };
  std::string field;
  Op op = Op::Equal;
  std::vector<Value> values;  // one for comparisons, any number for In/NotIn, none for IsNull/NotNull
};

struct SortKey {
  std::string field;
  bool descending = false;
  bool operator==(const SortKey&) const = default;
};

struct RecordQuery {
  std::vector<Condition> where;  // all must hold
  // Sorted by these keys, then by creation. Enums sort in their options' order (Low before
  // Critical), text without regard to case, and records without a value come last either way.
  std::vector<SortKey> order;
  std::string text;       // case-insensitive "contains" over the Text and LongText fields
  std::size_t limit = 0;  // 0 = all
  std::size_t offset = 0;
  bool include_deleted = false;

  // Reads like the query it builds: RecordQuery().where_is("type", Op::Equal, {...}).sort_by("name")
  // (designated initialisers would do, but GCC warns about every member they leave out).
  RecordQuery& where_is(std::string field, Condition::Op op, std::vector<Value> values = {}) {
    where.push_back({std::move(field), op, std::move(values)});
    return *this;
  }
  RecordQuery& sort_by(std::string field, bool descending = false) {
    order.push_back({std::move(field), descending});
    return *this;
  }
  RecordQuery& containing(std::string words) {
    text = std::move(words);
    return *this;
  }
  RecordQuery& page(std::size_t count, std::size_t skip = 0) {
    limit = count;
    offset = skip;
    return *this;
  }
  RecordQuery& with_deleted() {
    include_deleted = true;
    return *this;
  }
};

std::vector<Record> run_query(const Database& db, const EntityDef& def, const RecordQuery& query);
std::size_t count_query(const Database& db, const EntityDef& def, const RecordQuery& query);  // ignores limit/offset

}  // namespace isms
