#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/model/entity.hpp"

namespace isms {

// Reads like the definition it builds, names only what differs from the defaults:
//   field("name", "Name", FieldType::Text).required().max_length(200)
// (Designated initialisers would do, but GCC warns about every member they leave out.)
class FieldBuilder {
 public:
  FieldBuilder(std::string key, std::string label, FieldType type) {
    def_.key = std::move(key);
    def_.label = std::move(label);
    def_.type = type;
  }

  FieldBuilder& required() {
    def_.required = true;
    return *this;
  }
  FieldBuilder& options(std::vector<EnumOption> options) {
    def_.options = std::move(options);
    return *this;
  }
  FieldBuilder& default_value(Value value) {
    def_.default_value = std::move(value);
    return *this;
  }
  FieldBuilder& range(double min, double max) {
    def_.min = min;
    def_.max = max;
    return *this;
  }
  FieldBuilder& max_length(std::size_t length) {
    def_.max_length = length;
    return *this;
  }
  FieldBuilder& links_to(std::string kind) {
    def_.link_kind = std::move(kind);
    return *this;
  }
  // A Link to a record of any register (an attachment's record). Ids are unique across registers.
  FieldBuilder& links_to_any() {
    def_.link_kind = any_kind;
    return *this;
  }
  // A Link to the record this one belongs to: deleting that record deletes this one with it.
  FieldBuilder& part_of(std::string kind) {
    def_.link_kind = std::move(kind);
    def_.part_of = true;
    return *this;
  }
  // The same for a link whose kind is already set (links_to_any).
  FieldBuilder& part_of_target() {
    def_.part_of = true;
    return *this;
  }
  FieldBuilder& computed() {
    def_.computed = true;
    return *this;
  }
  FieldBuilder& keep_whitespace() {
    def_.trim = false;
    return *this;
  }
  FieldBuilder& help(std::string text) {
    def_.help = std::move(text);
    return *this;
  }

  operator FieldDef() const { return def_; }  // implicit on purpose: builders go straight into field lists

 private:
  FieldDef def_;
};

inline FieldBuilder field(std::string key, std::string label, FieldType type) {
  return FieldBuilder(std::move(key), std::move(label), type);
}

}  // namespace isms
