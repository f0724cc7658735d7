// What refuses a bundle before the merge decides anything: another workspace, registers or
// fields this build does not know, an id twice, contents that do not match their digest.
#include <set>
#include <unordered_map>
#include <utility>

#include "core/bundle/merge_engine.hpp"
#include "core/store/sql_text.hpp"
#include "core/util/sha256.hpp"
#include "core/util/text.hpp"

namespace isms::bundle::detail {
namespace {

constexpr const char* update_the_app = " Update ISMS Register to import it.";

// The name of an attachment record of the bundle with these contents, for the message.
std::string attachment_name(const Bundle& bundle, const std::string& digest) {
  for (const BundleRecord& record : bundle.records) {
    if (record.kind != "attachment") continue;
    const auto sha = record.fields.find("sha256");
    const auto name = record.fields.find("name");
    if (sha == record.fields.end() || to_display(sha->second) != digest) continue;
    if (name != record.fields.end() && !is_null(name->second)) return "'" + to_display(name->second) + "'";
  }
  return "with the digest " + digest.substr(0, 12) + "...";
}

}  // namespace

void MergeRun::check_bundle() const {
  if (bundle_.workspace.id != workspace_.id()) {
    throw MergeError("This bundle is of workspace '" + bundle_.workspace.name + "' (client " +
                     bundle_.workspace.client + "), not of the open workspace '" + workspace_.meta().name +
                     "'. Import it as a new workspace instead.");
  }
  // Each register's field keys, looked up once: a bundle has tens of thousands of records.
  std::unordered_map<std::string, std::pair<const EntityDef*, std::set<std::string>>> registers;
  for (const EntityDef& def : workspace_.registry().all()) {
    auto& [definition, keys] = registers[def.kind];
    definition = &def;
    for (const FieldDef& field : def.fields) keys.insert(field.key);
  }
  for (const BundleRecord& record : bundle_.records) {
    const auto found = registers.find(record.kind);
    if (found == registers.end()) {
      throw MergeError("The bundle holds records of a register this version does not know ('" + record.kind + "')." +
                       update_the_app);
    }
    const EntityDef* def = found->second.first;
    const std::set<std::string>& keys = found->second.second;
    const auto known = [&](const std::string& key) { return keys.count(key) != 0; };
    for (const auto& [key, value] : record.fields) {
      if (!known(key)) {
        throw MergeError("The bundle's " + def->plural + " have a field this version does not know ('" + key + "')." +
                         update_the_app);
      }
    }
    for (const auto& [key, vector] : record.versions) {
      if (key != deleted_field && !known(key)) {
        throw MergeError("The bundle's " + def->plural + " have a field this version does not know ('" + key + "')." +
                         update_the_app);
      }
    }
  }
  check_attachments();
}

void MergeRun::check_attachments() const {
  for (const BundleAttachment& attachment : bundle_.attachments) {
    if (!attachment.bytes) continue;
    if (attachment.bytes->size() == attachment.size && sha256_hex(*attachment.bytes) == attachment.sha256) continue;
    throw MergeError("The bundle is damaged: the contents of the attachment " +
                     attachment_name(bundle_, attachment.sha256) +
                     " do not match their SHA-256 digest. Ask for the bundle to be exported again.");
  }
}

// Every id here with its register, read once and only when a record of the bundle is not found
// in its own register: ids are unique across registers, and a bundle that would break that is
// refused, never merged.
const EntityDef* MergeRun::local_kind(const std::string& id) {
  if (!local_kinds_) {
    local_kinds_.emplace();
    for (const EntityDef& def : workspace_.registry().all()) {
      Statement query = db_.prepare("SELECT id FROM " + quote_identifier(def.table()));
      while (query.step()) local_kinds_->emplace(query.column_text(0), &def);
    }
  }
  const auto found = local_kinds_->find(id);
  return found == local_kinds_->end() ? nullptr : found->second;
}

}  // namespace isms::bundle::detail
