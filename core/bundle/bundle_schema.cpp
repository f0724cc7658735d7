#include "core/bundle/bundle_schema.hpp"

#include <nlohmann/json.hpp>

#include "core/bundle/bundle.hpp"
#include "core/bundle/bundle_format.hpp"
#include "core/bundle/bundle_json.hpp"
#include "core/model/links.hpp"

namespace isms::bundle {
namespace {

using Json = nlohmann::ordered_json;  // members in the order written here: a stable, readable file

Json def_ref(const std::string& name) { return {{"$ref", "#/$defs/" + name}}; }

Json nullable(Json schema) { return {{"anyOf", Json::array({std::move(schema), {{"type", "null"}}})}}; }

Json closed_object(Json properties, Json required) {
  return {{"type", "object"},
          {"required", std::move(required)},
          {"additionalProperties", false},
          {"properties", std::move(properties)}};
}

// One field's value as the reader accepts it (core/bundle/field_reader.cpp).
Json field_schema(const FieldDef& field) {
  Json schema;
  if (!field.label.empty()) schema["title"] = field.label;
  switch (field.type) {
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Email:
      schema["type"] = Json::array({"string", "null"});
      schema["maxLength"] = effective_max_length(field);
      return schema;
    case FieldType::Enum: {
      Json values = Json::array();
      for (const EnumOption& option : field.options) values.push_back(option.value);
      values.push_back(nullptr);
      schema["enum"] = std::move(values);
      return schema;
    }
    case FieldType::Date:
      schema["type"] = Json::array({"string", "null"});
      schema["pattern"] = format::date_pattern;
      return schema;
    case FieldType::Integer:
    case FieldType::Rating:
      schema["type"] = Json::array({"integer", "null"});
      return schema;
    case FieldType::Number:
      schema["type"] = Json::array({"number", "null"});
      return schema;
    case FieldType::Link:
      schema["anyOf"] = Json::array({def_ref("id"), {{"type", "null"}}});
      return schema;
    case FieldType::LinkList:
      schema["type"] = Json::array({"array", "null"});
      schema["items"] = def_ref("id");
      schema["maxItems"] = max_links_per_field;
      return schema;
  }
  return schema;
}

Json fields_schema(const EntityDef& def) {
  Json properties = Json::object();
  for (const FieldDef& field : def.fields) properties[field.key] = field_schema(field);
  return {{"type", "object"}, {"additionalProperties", false}, {"properties", std::move(properties)}};
}

// Versions by replica: each replica's object names fields of this register (or "_deleted").
Json versions_schema(const EntityDef& def) {
  Json names = Json::array();
  for (const FieldDef& field : def.fields) names.push_back(field.key);
  names.push_back(deleted_field);
  Json writes = {{"type", "object"},
                 {"propertyNames", {{"enum", std::move(names)}}},
                 {"additionalProperties", {{"type", "integer"}, {"minimum", 0}}}};
  return {{"type", "object"}, {"propertyNames", def_ref("id")}, {"additionalProperties", std::move(writes)}};
}

Json record_schema(const Registry& registry) {
  Json kinds = Json::array();
  Json by_kind = Json::array();
  for (const EntityDef& def : registry.all()) {
    kinds.push_back(def.kind);
    Json condition = {{"required", {"kind"}}, {"properties", {{"kind", {{"const", def.kind}}}}}};
    Json consequence = {
        {"properties", {{"fields", def_ref("fields_" + def.kind)}, {"versions", def_ref("versions_" + def.kind)}}}};
    by_kind.push_back({{"if", std::move(condition)}, {"then", std::move(consequence)}});
  }
  const Json name = {{"type", "string"}, {"maxLength", format::max_name_length}};
  Json schema = closed_object({{"kind", {{"enum", std::move(kinds)}}},
                               {"id", def_ref("id")},
                               {"created_at", def_ref("timestamp")},
                               {"created_by", name},
                               {"updated_at", def_ref("timestamp")},
                               {"updated_by", name},
                               {"revision", {{"type", "integer"}, {"minimum", 0}}},
                               {"deleted", {{"type", "boolean"}}},
                               {"fields", {{"type", "object"}}},
                               {"versions", {{"type", "object"}}}},
                              {"kind", "id", "created_at", "created_by", "updated_at", "updated_by", "revision",
                               "deleted", "fields", "versions"});
  schema["allOf"] = std::move(by_kind);
  return schema;
}

}  // namespace

std::string json_schema(const Registry& registry) {
  const Json workspace_text = {{"type", "string"}, {"maxLength", format::max_workspace_text_length}};
  Json defs = {
      {"id", {{"type", "string"}, {"pattern", format::id_pattern}, {"maxLength", format::max_id_length}}},
      {"timestamp", {{"type", "string"}, {"pattern", format::timestamp_pattern}}},
      {"content",
       closed_object(
           {{"exported_by", {{"type", "string"}, {"maxLength", format::max_name_length}}},
            {"exported_at", def_ref("timestamp")},
            {"replica_id", def_ref("id")},
            {"workspace", closed_object({{"id", def_ref("id")}, {"name", workspace_text}, {"client", workspace_text}},
                                        {"id", "name", "client"})},
            {"attachments_included", {{"type", "boolean"}}},
            {"records", {{"type", "array"}, {"items", def_ref("record")}}},
            {"attachments", {{"type", "array"}, {"items", def_ref("attachment")}}}},
           {"exported_by", "exported_at", "replica_id", "workspace", "attachments_included", "records",
            "attachments"})},
      {"record", record_schema(registry)},
      {"attachment",
       closed_object({{"sha256", {{"type", "string"}, {"pattern", format::sha256_pattern}}},
                      {"size", {{"type", "integer"}, {"minimum", 0}, {"maximum", format::max_attachment_bytes}}},
                      {"bytes", nullable({{"type", "string"}, {"pattern", format::base64_pattern}})}},
                     {"sha256", "size"})},
  };
  for (const EntityDef& def : registry.all()) {
    defs["fields_" + def.kind] = fields_schema(def);
    defs["versions_" + def.kind] = versions_schema(def);
  }
  Json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title", "ISMS Register bundle, format " + std::to_string(format_version)},
      {"description",
       "One exported workspace: docs/bundle-format.md. Generated from the register definitions by "
       "isms::bundle::json_schema; do not edit by hand."},
      {"type", "object"},
      {"required", {"format", "format_version", "app_version", "checksum", "content"}},
      {"additionalProperties", false},
      {"properties",
       {{"format", {{"const", format_name}}},
        {"format_version", {{"const", format_version}}},
        {"app_version",
         {{"type", "string"}, {"pattern", format::app_version_pattern}, {"maxLength", format::max_app_version_length}}},
        {"checksum", {{"type", "string"}, {"pattern", format::checksum_pattern}}},
        {"content", def_ref("content")}}},
      {"$defs", std::move(defs)},
  };
  return schema.dump(2) + "\n";
}

}  // namespace isms::bundle
