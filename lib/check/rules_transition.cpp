// Transition rules (check --base): status-regression, item-removed, id-reused, target-slip.

#include "workspace/diff.h"
#include "check/rule_impl.h"
#include "workspace/schema.h"
#include "base/text.h"

#include <fmt/format.h>

#include <set>

namespace pops {

namespace {

std::set<std::string> words(std::string_view title)
{
  std::set<std::string> out;
  std::string w;
  for (char ch : std::string(title) + " ") {
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else {
      if (w.size() >= 4) {
        out.insert(w);
      }
      w.clear();
    }
  }
  return out;
}

/// Titles of two different things: no word of four or more letters in common, and not a small edit.
bool different_titles(const std::string& a, const std::string& b)
{
  const auto wa = words(a);
  const auto wb = words(b);
  for (const auto& w : wa) {
    if (wb.count(w)) {
      return false;
    }
  }
  const size_t longest = std::max(a.size(), b.size());
  return edit_distance(lower(a), lower(b)) * 2 > static_cast<int>(longest);
}

}  // namespace

void rule_transitions(const RuleContext& c, const Workspace& base)
{
  const Config& cfg = c.ws.config;
  for (const auto& ch : diff_workspaces(base, c.ws, false)) {
    if (ch.entity == "item" && ch.kind == Change::Kind::removed) {
      c.add(ch.file, ch.loc, "item-removed",
            fmt::format("item {} ({}) was deleted; items leave the roadmap with 'status: dropped' and a "
                        "'dropped_reason', so restore it and drop it instead",
                        ch.id, quote(ch.title)),
            {ch.squad});
      continue;
    }
    if (ch.entity == "feedback" && ch.kind == Change::Kind::removed) {
      c.add(ch.file, ch.loc, "item-removed",
            fmt::format("feedback {} was deleted; feedback is evidence and is never deleted, restore it", ch.id), {});
      continue;
    }
    if (ch.entity != "item" || ch.kind != Change::Kind::changed) {
      continue;
    }
    const Item* now = c.ws.item(ch.id);
    if (!now) {
      continue;
    }
    const auto about = c.squads_of(*now);
    if (ch.field == "status") {
      const int before = cfg.status_rank(ch.old_value);
      const int after = cfg.status_rank(ch.new_value);
      const bool reopened = now->reopened.set && now->reopened.value;
      if (before >= 0 && after >= 0 && after < before && ch.new_value != "dropped" && !reopened) {
        c.add(now->file, now->status.loc, "status-regression",
              fmt::format("{} moved back from {} to {}; set 'reopened: true' on the item if that is intended", ch.id,
                          quote(ch.old_value), quote(ch.new_value)),
              about);
      }
    } else if (ch.field == "title" && different_titles(ch.old_value, ch.new_value)) {
      c.add(now->file, now->id.loc, "id-reused",
            fmt::format("{} named {} in the base and now names {}; give the new item the next free id and "
                        "keep {} for the old one",
                        ch.id, quote(ch.old_value), quote(ch.new_value), ch.id),
            about);
    } else if (ch.field == "target" && ch.days > 0) {
      c.add(now->file, now->target.loc, "target-slip",
            fmt::format("target of {} moved from {} to {}, {} day{} later", ch.id, ch.old_value, ch.new_value, ch.days,
                        ch.days == 1 ? "" : "s"),
            about);
    }
  }
}

}  // namespace pops
