#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"
#include "core/util/text.hpp"

namespace isms::registers {
namespace {

// The channels of seed C2 ("emails, posters, and intranet") and the meeting and other.
// A campaign's channels and a communication's channel share these values.
std::vector<EnumOption> channel_options() {
  return {
      {"email", "E-mail"}, {"poster", "Poster"}, {"intranet", "Intranet"}, {"meeting", "Meeting"}, {"other", "Other"}};
}

// "E-mail, Poster, Intranet, Meeting and Other": for the messages and the help line.
std::string channel_labels() {
  std::vector<std::string> labels;
  for (const EnumOption& option : channel_options()) labels.push_back(option.label);
  const std::string last = labels.back();
  labels.pop_back();
  return join(labels, ", ") + " and " + last;
}

// The option a person's word names, by its value or its label, ignoring case ("e-mail", "EMAIL").
std::optional<std::size_t> channel_index(const std::string& word) {
  const std::string wanted = to_lower_ascii(word);
  const std::vector<EnumOption> options = channel_options();
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (wanted == options[i].value || wanted == to_lower_ascii(options[i].label)) return i;
  }
  return std::nullopt;
}

struct Channels {
  std::vector<bool> chosen = std::vector<bool>(channel_options().size(), false);
  std::string unknown;  // the first word that names no channel
};

Channels parse_channels(const std::string& text) {
  Channels channels;
  for (const std::string& part : split(text, ',')) {
    const std::string word = trim(part);
    if (word.empty()) continue;
    const std::optional<std::size_t> index = channel_index(word);
    if (!index) {
      if (channels.unknown.empty()) channels.unknown = word;
      continue;
    }
    channels.chosen[*index] = true;
  }
  return channels;
}

// Channels are several choices from a fixed set, and the model has no multi-select type: a Text of
// option values keeps one value per field (history, merge and CSV stay as for every field), a
// LinkList would need records to point at, and one yes/no field per channel would scatter one
// answer over five columns. The stored form is canonical, so equal choices are equal values and a
// filter on "poster" finds every campaign that used posters: the option values, in the options'
// order, separated by ", ". Text that names an unknown channel is left as it is for the check.
void canonical_channels(const RecordContext& /*context*/, Values& values) {
  const std::string* text = text_at(values, "channels");
  if (text == nullptr) return;
  const Channels channels = parse_channels(*text);
  if (!channels.unknown.empty()) return;
  std::vector<std::string> chosen;
  const std::vector<EnumOption> options = channel_options();
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (channels.chosen[i]) chosen.push_back(options[i].value);
  }
  values["channels"] = chosen.empty() ? Value{} : Value(join(chosen, ", "));
}

// C2: a campaign reaches people through channels, so it names at least one, and only known ones.
std::optional<FieldError> known_channels(const Values& values) {
  const std::string* text = text_at(values, "channels");
  if (text == nullptr || is_blank(*text)) {
    return FieldError{"channels", "Channels are required: choose at least one of " + channel_labels() + "."};
  }
  const Channels channels = parse_channels(*text);
  if (channels.unknown.empty()) return std::nullopt;
  return FieldError{"channels", "Channels must be chosen from " + channel_labels() + ", separated by commas; \"" +
                                    channels.unknown + "\" is not one of them."};
}

std::optional<CivilDate> date_at(const Values& values, const char* key) {
  const std::string* text = text_at(values, key);
  return text != nullptr ? parse_date(*text) : std::nullopt;
}

std::optional<FieldError> end_not_before_start(const Values& values) {
  const std::optional<CivilDate> start = date_at(values, "start_date");
  const std::optional<CivilDate> end = date_at(values, "end_date");
  if (!start || !end || !(*end < *start)) return std::nullopt;
  return FieldError{"end_date", "End date must not be before the start date."};
}

// A finished campaign's period is part of the evidence of 7.3: when people were made aware.
std::optional<FieldError> finished_has_end(const Values& values) {
  if (!text_is(values, "status", "finished") || has_text(values, "end_date")) return std::nullopt;
  return FieldError{"end_date", "End date is required for a finished campaign."};
}

// Planned, then running, then finished; planned or running ones may be cancelled. A finished
// campaign may run again (extended after a phishing wave), a cancelled one be planned again.
LifecycleDef campaign_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"planned", "running"},   {"planned", "cancelled"}, {"running", "finished"},
      {"running", "cancelled"}, {"finished", "running"},  {"cancelled", "planned"},
  };
  return lifecycle;
}

}  // namespace

// Awareness campaigns (seed C2; ISO/IEC 27001:2022 7.3): what people are made aware of, through
// which channels, when, and for whom. Their messages are logged as communications.
EntityDef awareness_campaign() {
  EntityDef def;
  def.kind = "awareness_campaign";
  def.label = "Awareness campaign";
  def.plural = "Awareness campaigns";
  def.title_field = "topic";
  def.fields = {
      field("topic", "Topic", FieldType::Text).required(),
      field("channels", "Channels", FieldType::Text)
          .help("One or more of " + channel_labels() + ", separated by commas."),
      field("start_date", "Start date", FieldType::Date).required(),
      field("end_date", "End date", FieldType::Date),
      field("audience_role", "Audience", FieldType::Link)
          .links_to("role")
          .help("The role the campaign is for; empty means everyone."),
      field("material", "Material", FieldType::Text).help("Where the posters, e-mails or slides are kept."),
      field("key_messages", "Key messages", FieldType::LongText).help("What people should remember."),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options(
              {{"planned", "Planned"}, {"running", "Running"}, {"finished", "Finished"}, {"cancelled", "Cancelled"}})
          .default_value(std::string("planned")),
  };
  def.lifecycle = campaign_lifecycle();
  def.checks = {known_channels, end_not_before_start, finished_has_end};
  def.derive = canonical_channels;
  return def;
}

// The communication log (seed C2 "communication logs"; 7.4): what was communicated, when, on
// which channel, to whom and by whom. It is also the log of the communication process of the
// Process Reference Model, so an entry may name the process it belongs to and the campaign it is
// part of; both are optional, since much of what is communicated belongs to neither.
EntityDef communication() {
  EntityDef def;
  def.kind = "communication";
  def.label = "Communication";
  def.plural = "Communication log";
  def.title_field = "message";
  def.fields = {
      field("date", "Date", FieldType::Date).required(),
      field("channel", "Channel", FieldType::Enum).required().options(channel_options()),
      field("audience", "Audience", FieldType::Text).help("Who received it, e.g. \"all staff\" or \"the board\"."),
      field("message", "Message", FieldType::LongText).required(),
      field("sent_by", "Sent by", FieldType::Link).links_to("person"),
      field("campaign", "Campaign", FieldType::Link).links_to("awareness_campaign"),
      field("process", "Process", FieldType::Link)
          .links_to("process")
          .help("The process it belongs to, usually the communication process."),
  };
  return def;
}

}  // namespace isms::registers
