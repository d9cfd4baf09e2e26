#pragma once
// `pops squad add|set` and `pops person add|set`: squads and people of pops.yaml, as minimal edits
// that keep every comment and the file's style. Checked like every write (run_edit).

#include "edit/ops.h"
#include "yaml/edit.h"

#include <optional>
#include <string>

namespace pops {

/// A squad's fields as given; unset ones are left as they are (set) or out (add).
struct SquadSpec {
  std::string id;
  std::optional<std::string> name, prefix, lead, wip_limit, capacity;
};

/// A person's fields as given.
struct PersonSpec {
  std::string id;
  std::optional<std::string> name, email, role, squad;
};

/// The YAML of a squad's `capacity:` (format 1.3) from what the user typed: a number of 0 or more
/// (every quarter: "40") or quarters and numbers ("2027-Q1=40,2027-Q2=36" -> "{2027-Q1: 40, 2027-Q2: 36}").
/// Throws OpError saying what would be right.
std::string capacity_yaml(std::string_view text);
/// The same as a value to write with YamlText::set (a mapping in the file's style).
NewValue capacity_value(std::string_view text);

/// Adds the squad `spec.id` (a prefix is required, unused by another squad). Throws OpError.
EditPlan plan_squad_add(const EditSession& s, const SquadSpec& spec);
/// Sets the given fields of the existing squad `spec.id`; an empty value removes the field.
EditPlan plan_squad_set(const EditSession& s, const SquadSpec& spec);
/// Adds the person `spec.id`. Throws OpError.
EditPlan plan_person_add(const EditSession& s, const PersonSpec& spec);
/// Sets the given fields of the existing person `spec.id`; an empty value removes the field.
EditPlan plan_person_set(const EditSession& s, const PersonSpec& spec);

}  // namespace pops
