// wip-limit, target-passed, action-overdue, doc-required-field, doc-required-section, doc-stale.

#include "workspace/config.h"
#include "check/rule_impl.h"
#include "workspace/schema.h"
#include "base/text.h"

#include <fmt/format.h>

#include <map>

namespace pops {

namespace {

std::string days(int n)
{
  return n == 1 ? "1 day" : fmt::format("{} days", n);
}

}  // namespace

void rule_wip_limit(const RuleContext& c)
{
  std::map<std::string, std::vector<const Item*>> in_progress;
  for (const auto& it : c.ws.items) {
    if (it.status.value == "in-progress" && it.squad.set) {
      in_progress[it.squad.value].push_back(&it);
    }
  }
  for (const auto& sq : c.ws.config.squads) {
    if (!sq.wip_limit.set) {
      continue;
    }
    auto found = in_progress.find(sq.id.value);
    if (found == in_progress.end() || static_cast<long>(found->second.size()) <= sq.wip_limit.value) {
      continue;
    }
    const auto& list = found->second;
    std::vector<std::string> ids;
    for (const Item* it : list) {
      ids.push_back(it->id.value);
    }
    const Item* over = list[static_cast<size_t>(sq.wip_limit.value)];
    c.add(over->file, over->status.loc, "wip-limit",
          fmt::format("squad {} has {} items in progress, over its wip_limit of {} ({})", quote(sq.id.value),
                      list.size(), sq.wip_limit.value, join(ids, ", ")),
          {sq.id.value});
  }
}

void rule_target_passed(const RuleContext& c)
{
  for (const auto& it : c.ws.items) {
    if (!it.target.set || it.status.value == "shipped" || it.status.value == "dropped") {
      continue;
    }
    if (it.target.value < c.today) {
      c.add(it.file, it.target.loc, "target-passed",
            fmt::format("target {} of {} passed {} ago and it is {}", format_date(it.target.value), it.id.value,
                        days(c.today.days - it.target.value.days), quote(it.status.value)),
            c.squads_of(it));
    }
  }
}

void rule_action_overdue(const RuleContext& c)
{
  for (const auto& n : c.ws.notes) {
    for (const auto& a : n.actions) {
      if (!a.due.set || (a.done.set && a.done.value) || !(a.due.value < c.today)) {
        continue;
      }
      c.add(n.file, a.due.loc, "action-overdue",
            fmt::format("action {}{} was due {}, {} ago, and is not done", quote(a.what.value),
                        a.owner.set ? " (" + a.owner.value + ")" : std::string(), format_date(a.due.value),
                        days(c.today.days - a.due.value.days)),
            c.squads_of(n));
    }
  }
}

void rule_doc_required(const RuleContext& c)
{
  for (const auto& d : c.ws.docs) {
    const DocType* t = d.type.set ? c.ws.config.doc_type(d.type.value) : nullptr;
    if (!t) {
      continue;
    }
    const auto about = c.squads_of(d);
    for (const auto& req : t->required) {
      bool present = false;
      for (const auto& k : d.keys) {
        present = present || (k.value == req.value && k.set);
      }
      if (!present) {
        c.add(d.file, d.loc, "doc-required-field",
              fmt::format("{} document is missing required field {}", quote(t->name.value), quote(req.value)), about);
      }
    }
    for (const auto& sec : t->sections) {
      const std::string want = lower(trim(sec.value));
      bool present = false;
      for (const auto& h : d.headings) {
        present = present || lower(h.text) == want;
      }
      if (!present) {
        c.add(d.file, d.loc, "doc-required-section",
              fmt::format("{} document is missing section {}; add a heading '## {}'", quote(t->name.value),
                          quote(sec.value), sec.value),
              about);
      }
    }
  }
}

void rule_doc_stale(const RuleContext& c)
{
  for (const auto& d : c.ws.docs) {
    const DocType* t = d.type.set ? c.ws.config.doc_type(d.type.value) : nullptr;
    if (!t || !t->review_every.set || d.status.value == "obsolete") {
      continue;
    }
    const Cadence& every = t->review_every.value;
    const std::string period =
      fmt::format("{} {}", every.every, every.every == 1 ? every.unit.substr(0, every.unit.size() - 1) : every.unit);
    const auto about = c.squads_of(d);
    if (!d.reviewed.set && d.created.set) {
      const Date due = add_period(d.created.value, every.every, every.unit);
      if (due < c.today) {
        c.add(d.file, d.created.loc, "doc-stale",
              fmt::format("document was created {}, {} ago, and never reviewed; its type {} asks for a "
                          "review every {}; add 'reviewed: YYYY-MM-DD' after reviewing it",
                          format_date(d.created.value), days(c.today.days - d.created.value.days), quote(t->name.value),
                          period),
              about);
      }
      continue;
    }
    if (!d.reviewed.set) {
      c.add(d.file, d.loc, "doc-stale",
            fmt::format("document has no 'reviewed' date; its type {} asks for a review every {}; "
                        "add 'reviewed: {}' after reviewing it",
                        quote(t->name.value), period, format_date(c.today)),
            about);
      continue;
    }
    const Date due = add_period(d.reviewed.value, every.every, every.unit);
    if (due < c.today) {
      c.add(d.file, d.reviewed.loc, "doc-stale",
            fmt::format("document was last reviewed {}, {} ago; its type {} asks for a review every {}",
                        format_date(d.reviewed.value), days(c.today.days - d.reviewed.value.days), quote(t->name.value),
                        period),
            about);
    }
  }
}

}  // namespace pops
