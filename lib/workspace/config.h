#pragma once
// Reading pops.yaml into the Config model.

#include "workspace/model.h"
#include "workspace/schema.h"

namespace pops {

/// Fills `cfg` from the parsed pops.yaml, reporting schema findings through `r`.
void read_config(const YNode& root, SchemaReader& r, Config& cfg);

/// pops.yaml `pager:`: true (the default pager), false (never page) or a command.
struct PagerSetting {
  bool off = false;
  std::optional<std::string> command;  ///< "" for true; none when `pager:` is absent or unusable
};
/// Reads a `pager:` value, reporting a wrong one through `r` when given.
PagerSetting read_pager(const YNode& value, SchemaReader* r);
/// `pager:` of the workspace at `root`, read from its pops.yaml without loading anything else; the
/// default when it cannot be read (pops check says why).
PagerSetting workspace_pager(const std::string& root);

/// `updates:` of an item or an initiative (format 1.3): dated, health-rated entries; `what` names the
/// owner in messages.
std::vector<Update> read_updates(const YNode& parent, SchemaReader& r, std::string_view what);

/// The last day of a quarter `YYYY-Qn`; false when it is not one.
bool quarter_end(std::string_view quarter, Date& end);

/// The days after which an in-progress item without an update is stale (rule update-stale).
inline long update_stale_days(const Config& cfg)
{
  return cfg.update_stale_days.set ? cfg.update_stale_days.value : 14;
}

/// Built-in item keys (roadmap files), in documentation order.
std::span<const std::string_view> item_keys();

/// Parses "2 weeks", "1 month", "90 days" into a count and a unit ("days", "weeks", "months").
bool parse_period(std::string_view text, int& count, std::string& unit);
/// `d` plus `count` units (months keep the day of month where it exists).
Date add_period(Date d, int count, const std::string& unit);

/// The ids of the squads and of the people, in pops.yaml's order (for checks and suggestions).
std::vector<std::string> squad_ids(const Config& cfg);
std::vector<std::string> person_ids(const Config& cfg);

}  // namespace pops
