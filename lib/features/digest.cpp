#include "features/digest.h"

#include "features/ritual.h"

#include "features/roadmap.h"
#include "base/text.h"
#include "base/markdown.h"
#include "workspace/initiatives.h"
#include "workspace/capacity.h"
#include "workspace/goals.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>

namespace pops {

namespace {

constexpr std::array<std::string_view, 7> k_weekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                        "friday", "saturday", "sunday"};

}  // namespace

namespace {

/// "every 2 weeks on thursday": the digest leaves out the start date.
std::string every_text(const Cadence& c)
{
  std::string unit = c.unit;
  if (c.every == 1 && !unit.empty() && unit.back() == 's') {
    unit.pop_back();
  }
  std::string s = fmt::format("every {} {}", c.every, unit);
  if (c.on >= 0 && c.on < 7) {
    s += fmt::format(" on {}", k_weekdays[static_cast<size_t>(c.on)]);
  }
  return s;
}

}  // namespace

namespace {

std::string one_line(std::string_view s)
{
  std::string out;
  for (char ch : s) {
    if (ch == '\n' || ch == '\r' || ch == '\t') {
      ch = ' ';
    }
    if (ch == ' ' && (out.empty() || out.back() == ' ')) {
      continue;
    }
    out += ch;
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

bool lists(const std::vector<LStr>& v, const std::string& id)
{
  return std::any_of(v.begin(), v.end(), [&](const LStr& s) { return s.value == id; });
}

/// An entry for `id`, read from the newer state (or the older one for a removed item).
DigestEntry entry_of(const Workspace& ws, const Item& it)
{
  DigestEntry e;
  e.id = it.id.value;
  e.title = it.title.value;
  e.squad = it.squad.value;
  e.status = it.status.value;
  e.horizon = it.horizon.value;
  e.description = one_line(it.description.value);
  if (it.target.set) {
    e.target = it.target.value;
  }
  for (const auto& d : ws.docs) {
    if (lists(d.items, e.id)) {
      e.docs.push_back({d.file, d.title.value, d.status.value});
    }
  }
  std::sort(e.docs.begin(), e.docs.end(), [](const DigestDoc& a, const DigestDoc& b) { return a.file < b.file; });
  std::set<std::string> customers;
  for (const auto& f : ws.feedback) {
    if (lists(f.items, e.id)) {
      e.feedback.push_back(f.id.value);
      if (f.customer.set && !f.customer.value.empty()) {
        customers.insert(f.customer.value);
      }
    }
  }
  std::sort(e.feedback.begin(), e.feedback.end(), natural_less);
  e.customers.assign(customers.begin(), customers.end());
  return e;
}

const Item* find_item(const Workspace& ws, const std::string& id)
{
  for (const auto& it : ws.items) {
    if (it.id.value == id) {
      return &it;
    }
  }
  return nullptr;
}

bool closed(const std::string& status)
{
  return status == "shipped" || status == "dropped";
}

}  // namespace

std::string lateness_text(const std::optional<Date>& first_target, const std::optional<int>& late_days)
{
  if (!first_target || !late_days) {
    return "";
  }
  const std::string date = format_date(*first_target);
  if (*late_days == 0) {
    return "on its first target " + date;
  }
  const int n = *late_days > 0 ? *late_days : -*late_days;
  return fmt::format("{} day{} {} its first target {}", n, n == 1 ? "" : "s", *late_days > 0 ? "after" : "before",
                     date);
}

namespace {

/// Committed, dropped and moved: the items' changes between the two states (diff_workspaces).
void add_changes(Digest& d, const Workspace& from, const Workspace& to)
{
  const std::string& now = d.first_horizon;
  std::set<std::string> moved_away;  // old ids of the items moved under a new id
  for (const auto& it : to.items) {
    if (std::string was = moved_from(from, to, it); !was.empty()) {
      moved_away.insert(was);
    }
  }
  for (const Change& c : diff_workspaces(from, to)) {
    if (c.entity != "item") {
      continue;
    }
    const Item* cur = find_item(to, c.id);
    const Item* old = find_item(from, c.id);
    if (c.kind == Change::Kind::moved && c.field == "id" && cur) {
      // A move: the item goes on under its new id; what changed is against the old one.
      const Item* was = find_item(from, c.old_value);
      if (!was) {
        continue;
      }
      DigestEntry e = entry_of(from, *was);
      e.moved_to = cur->id.value;
      e.moved_squad = cur->squad.value;
      d.moved.push_back(std::move(e));
      if (cur->status.value == "shipped") {
        // Shipped or not in the period, as the history says (below).
      } else if (cur->horizon.value == now && was->horizon.value != now && !closed(cur->status.value)) {
        DigestEntry n = entry_of(to, *cur);
        n.was = was->horizon.value;
        d.committed.push_back(std::move(n));
      }
      // A target moved later with the move is a slip of the history's (below), under the new id.
      continue;
    }
    if (moved_away.count(c.id)
        && (c.kind == Change::Kind::removed || (c.field == "status" && c.new_value == "dropped"))) {
      continue;  // not a drop: it was moved
    }
    if (c.kind == Change::Kind::removed && old) {
      DigestEntry e = entry_of(to, *old);
      e.removed = true;
      e.was = old->status.value;
      if (!closed(old->status.value)) {
        d.dropped.push_back(std::move(e));
      }
      continue;
    }
    if (!cur) {
      continue;
    }
    if (c.kind == Change::Kind::added) {
      if (cur->horizon.value == now && !closed(cur->status.value)) {
        d.committed.push_back(entry_of(to, *cur));
      }
      continue;
    }
    if (c.kind != Change::Kind::changed) {
      continue;
    }
    if (c.field == "status" && c.new_value == "dropped") {
      DigestEntry e = entry_of(to, *cur);
      e.was = c.old_value;
      e.reason = one_line(c.reason);
      d.dropped.push_back(std::move(e));
    } else if (c.field == "horizon" && c.new_value == now && !closed(cur->status.value)) {
      DigestEntry e = entry_of(to, *cur);
      e.was = c.old_value;
      d.committed.push_back(std::move(e));
    }
  }
}

/// Slipped: every item with a slip in the period (docs/metrics.md), shipped or not.
void add_slipped(Digest& d, const Workspace& from, const Workspace& to, const std::vector<SlipEvent>& slips)
{
  // Slipped: every item with a slip in the period (docs/metrics.md), shipped or not.
  std::map<std::string, size_t> slipped_at;
  for (const SlipEvent& ev : slips) {
    auto [pos, fresh] = slipped_at.emplace(ev.id, d.slipped.size());
    if (fresh) {
      const Item* it = find_item(to, ev.id);
      if (!it) {
        it = find_item(from, ev.id);
      }
      DigestEntry e;
      if (it) {
        e = entry_of(to, *it);
      } else {
        e.id = ev.id;
      }
      e.old_target = ev.from;
      d.slipped.push_back(std::move(e));
    }
    DigestEntry& e = d.slipped[pos->second];
    e.commit_id = ev.commit;  // of its latest slip
    e.title = ev.title;
    e.squad = ev.squad;
    e.target = ev.to;
    e.days += ev.days;
    ++e.slips;
  }
  std::sort(d.slipped.begin(), d.slipped.end(),
            [](const DigestEntry& a, const DigestEntry& b) { return natural_less(a.id, b.id); });
}

/// Shipped: the items the history says shipped in the period.
void add_shipped(Digest& d, const Workspace& to, const std::vector<ItemFacts>& shipped)
{
  // Shipped: the items the history says shipped in the period (shipped_in), as pops metrics counts
  // them: a reopened item shipped again is listed, one that first appears already shipped is not.
  for (const ItemFacts& f : shipped) {
    const Item* it = find_item(to, f.id);
    DigestEntry e;
    if (it) {
      e = entry_of(to, *it);
    } else {
      e.id = f.id;  // shipped, then deleted from the files (archived) in the period
      e.title = f.title;
      e.squad = f.squad;
      e.status = "shipped";
    }
    e.shipped_on = f.shipped;
    e.commit_id = f.shipped_commit;
    e.first_target = f.first_target;
    e.late_days = f.late_days;
    d.shipped.push_back(std::move(e));
  }
  std::sort(d.shipped.begin(), d.shipped.end(),
            [](const DigestEntry& a, const DigestEntry& b) { return natural_less(a.id, b.id); });
}

/// The rituals with a cadence, the next due first.
void add_rituals(Digest& d, const Workspace& to, Date today)
{
  for (const auto& st : ritual_status(to, today)) {
    const Ritual& r = *st.ritual;
    if (!r.cadence.set) {
      continue;
    }
    DigestRitual dr;
    dr.name = r.name.value;
    dr.cadence = every_text(r.cadence.value);
    dr.next = st.next_due;
    for (const auto& sq : r.squads) {
      dr.squads.push_back(sq.value);
    }
    d.rituals.push_back(std::move(dr));
  }
  std::stable_sort(d.rituals.begin(), d.rituals.end(), [](const DigestRitual& a, const DigestRitual& b) {
    if (a.next.has_value() != b.next.has_value()) {
      return a.next.has_value();
    }
    return a.next != b.next ? a.next < b.next : a.name < b.name;
  });
}

/// The figures per squad, and their total.
void add_figures(Digest& d, const Workspace& to)
{
  const std::string& now = d.first_horizon;
  // Figures per squad.
  std::vector<std::string> order;
  std::map<std::string, SquadFigures> figs;
  auto fig = [&](const std::string& squad) -> SquadFigures& {
    if (!figs.count(squad)) {
      order.push_back(squad);
      figs[squad].squad = squad;
    }
    return figs[squad];
  };
  for (const auto& s : to.config.squads) {
    fig(s.id.value);
  }
  for (const auto& e : d.shipped) {
    ++fig(e.squad).shipped;
  }
  for (const auto& e : d.committed) {
    ++fig(e.squad).committed;
  }
  for (const auto& e : d.slipped) {
    ++fig(e.squad).slipped;
    fig(e.squad).slip_days += e.days;
  }
  for (const auto& e : d.dropped) {
    ++fig(e.squad).dropped;
  }
  for (const auto& it : to.items) {
    if (it.status.value == "in-progress") {
      ++fig(it.squad.value).in_progress;
    }
    if (it.horizon.value == now && !closed(it.status.value)) {
      ++fig(it.squad.value).open_now;
    }
  }
  SquadFigures total;
  total.squad = "total";
  for (const auto& s : order) {
    const SquadFigures& f = figs[s];
    d.figures.push_back(f);
    total.shipped += f.shipped;
    total.committed += f.committed;
    total.slipped += f.slipped;
    total.slip_days += f.slip_days;
    total.dropped += f.dropped;
    total.in_progress += f.in_progress;
    total.open_now += f.open_now;
  }
  d.figures.push_back(total);
}

/// The open items whose latest update is at risk or off track.
void add_at_risk(Digest& d, const Workspace& to)
{
  for (const auto& it : to.items) {
    if (is_shipped_status(it.status.value) || is_dropped_status(it.status.value)) {
      continue;
    }
    if (const Update* u = latest_update(it.updates); u && is_risky_health(u->health.value)) {
      d.at_risk.push_back({it.id.value, it.title.value, it.squad.value, u->health.value, u->note.value, u->date.value});
    }
  }
}

/// The initiatives that an item of the digest belongs to.
void add_initiatives(Digest& d, const Workspace& from, const Workspace& to)
{
  for (const auto& in : to.config.initiatives) {
    DigestInitiative di{in.id.value, in.title.value, {}};
    for (const auto* list : {&d.shipped, &d.committed, &d.slipped, &d.dropped}) {
      for (const auto& e : *list) {
        const Item* it = to.item(e.id);
        if (!it) {
          it = from.item(e.id);
        }
        if (it && it->initiative.value == in.id.value
            && std::find(di.items.begin(), di.items.end(), e.id) == di.items.end()) {
          di.items.push_back(e.id);
        }
      }
    }
    if (!di.items.empty()) {
      d.initiatives.push_back(std::move(di));
    }
  }
}

/// The goals of today's quarter, before and after the period.
void add_goals(Digest& d, const Workspace& from, const Workspace& to, Date today)
{
  // The goals of today's quarter: their progress before and after the period (one computation,
  // compute_goals, on each state).
  const std::string quarter = quarter_of(today);
  const std::vector<ObjectiveProgress> before = compute_goals(from, quarter);
  for (const auto& g : compute_goals(to, quarter)) {
    DigestGoal dg{
      g.objective->id.value, g.objective->title.value, g.objective->period.value, std::nullopt, g.progress, {}};
    const ObjectiveProgress* old = nullptr;
    for (const auto& b : before) {
      if (b.objective->id.value == dg.id) {
        old = &b;
      }
    }
    if (old) {
      dg.before = old->progress;
    } else {
      dg.added = true;
    }
    for (const auto& k : g.key_results) {
      std::optional<double> was;
      if (old) {
        for (const auto& ok : old->key_results) {
          if (ok.kr->id.value == k.kr->id.value) {
            was = ok.progress;
          }
        }
      }
      if (k.progress != was) {
        dg.moved.push_back(k.kr->id.value);
      }
    }
    d.goals.push_back(std::move(dg));
  }
}

}  // namespace

Digest build_digest(const Workspace& from, const Workspace& to, Date today, const std::vector<SlipEvent>& slips,
                    const std::vector<ItemFacts>& shipped)
{
  Digest d;
  d.product = to.config.product.value;
  d.first_horizon = to.config.horizons.empty() ? "now" : to.config.horizons.front().value;
  add_changes(d, from, to);
  add_slipped(d, from, to, slips);
  add_shipped(d, to, shipped);
  add_rituals(d, to, today);
  add_figures(d, to);
  add_at_risk(d, to);
  add_initiatives(d, from, to);
  add_goals(d, from, to, today);
  d.standards = standard_changes(from.config, to.config);
  return d;
}

void attach_commits(Digest& d, const std::vector<HistoryEntry>& range)
{
  auto find = [&](DigestEntry& e, const std::function<bool(const Change&)>& made_it) {
    for (const auto& h : range) {
      for (const auto& c : h.changes) {
        if (c.entity == "item" && c.id == e.id && made_it(c)) {
          e.commit = h.commit.short_id;
          e.commit_date = h.date;
          return;
        }
      }
    }
  };
  // Shipped and slipped entries name the commit the history found.
  auto named = [&](DigestEntry& e) {
    for (const auto& h : range) {
      if (!e.commit_id.empty() && h.commit.id == e.commit_id) {
        e.commit = h.commit.short_id;
        e.commit_date = h.date;
        return;
      }
    }
  };
  using K = Change::Kind;
  for (auto& e : d.shipped) {
    named(e);
  }
  for (auto& e : d.committed) {
    const std::string now = d.first_horizon;
    find(e, [&](const Change& c) {
      return (c.kind == K::changed && c.field == "horizon" && c.new_value == now) || c.kind == K::added
             || (c.kind == K::moved && c.field == "id");
    });
  }
  for (auto& e : d.slipped) {
    named(e);
  }
  for (auto& e : d.dropped) {
    const bool removed = e.removed;
    find(e, [removed](const Change& c) {
      return removed ? c.kind == K::removed : c.kind == K::changed && c.field == "status" && c.new_value == "dropped";
    });
  }
  for (auto& e : d.moved) {
    for (const auto& h : range) {
      if (std::any_of(h.changes.begin(), h.changes.end(), [&](const Change& c) {
            return c.entity == "item" && c.kind == K::moved && c.field == "id" && c.id == e.moved_to
                   && c.old_value == e.id;
          })) {
        e.commit = h.commit.short_id;
        e.commit_date = h.date;
        break;
      }
    }
  }
}

std::optional<Audience> parse_audience(std::string_view name)
{
  for (auto a : {Audience::all, Audience::exec, Audience::sales, Audience::support, Audience::marketing}) {
    if (audience_name(a) == name) {
      return a;
    }
  }
  return std::nullopt;
}

std::string_view audience_name(Audience a)
{
  switch (a) {
  case Audience::all:
    return "all";
  case Audience::exec:
    return "exec";
  case Audience::sales:
    return "sales";
  case Audience::support:
    return "support";
  case Audience::marketing:
    return "marketing";
  }
  return "all";
}

namespace {

/// What an audience sees.
struct View {
  bool figures = false, shipped = true, committed = true, slipped = true, dropped = true, rituals = true;
  bool notes = true;             ///< descriptions and docs
  bool customers = true;         ///< customers and feedback ids
  bool customer_facing = false;  ///< committed, slipped, dropped: only items with linked feedback
};

View view_of(Audience a)
{
  View v;
  switch (a) {
  case Audience::all:
    v.figures = true;
    break;
  case Audience::exec:
    v.figures = true;
    v.notes = false;
    v.customers = false;
    break;
  case Audience::sales:
    v.rituals = false;
    break;
  case Audience::marketing:
    v.dropped = false;
    v.rituals = false;
    v.customers = false;
    break;
  case Audience::support:
    v.rituals = false;
    v.customer_facing = true;
    break;
  }
  return v;
}

std::vector<const DigestEntry*> shown(const std::vector<DigestEntry>& v, bool customer_facing)
{
  std::vector<const DigestEntry*> out;
  for (const auto& e : v) {
    if (!customer_facing || !e.feedback.empty()) {
      out.push_back(&e);
    }
  }
  return out;
}

/// The sections of a digest for a view: title and entries (shipped always lists everything).
struct Section {
  std::string key, title;
  std::vector<const DigestEntry*> entries;
};

std::vector<Section> sections_of(const Digest& d, const View& v)
{
  std::vector<Section> out;
  if (v.shipped) {
    out.push_back({"shipped", "Shipped", shown(d.shipped, false)});
  }
  if (v.committed) {
    out.push_back({"committed", fmt::format("Newly committed to {}", column_title(d.first_horizon)),
                   shown(d.committed, v.customer_facing)});
  }
  if (v.slipped) {
    out.push_back({"slipped", "Slipped", shown(d.slipped, v.customer_facing)});
  }
  if (v.dropped) {
    out.push_back({"dropped", "Dropped", shown(d.dropped, v.customer_facing)});
  }
  if (v.dropped && !d.moved.empty()) {
    out.push_back({"moved", "Moved", shown(d.moved, v.customer_facing)});
  }
  return out;
}

std::string span_text(const DigestSpan& s)
{
  if (s.from_commit.empty()) {
    return fmt::format("Since {}: every change up to {} ({})", s.since, s.to_commit, s.to_date);
  }
  return fmt::format("Since {}: the changes after {} ({}) up to {} ({})", s.since, s.from_commit, s.from_date,
                     s.to_commit, s.to_date);
}

/// A progress as a percentage, "no progress yet" without one.
std::string progress_text(const std::optional<double>& p)
{
  return p ? fmt::format("{}%", number_short(*p * 100, 0)) : std::string("no progress yet");
}

/// "57% (was 40%)", "57%" when it did not move.
std::string goal_move_text(const DigestGoal& g)
{
  std::string s = progress_text(g.now);
  if (g.added) {
    s += " (new in the period)";
  } else if (g.before != g.now) {
    s += " (was " + progress_text(g.before) + ")";
  }
  return s;
}

/// The detail after an entry's title, by section; `esc` escapes what the repository wrote (statuses,
/// reasons, squads, ids) for the output, and pops's own words and arrows stay as they are.
std::string detail_of(const std::string& key, const DigestEntry& e, std::string (*esc)(std::string_view))
{
  std::string s;
  if (key == "shipped") {
    s = "shipped";
    if (e.shipped_on) {
      s += " " + format_date(*e.shipped_on);
    }
    if (const std::string late = lateness_text(e.first_target, e.late_days); !late.empty()) {
      s += ", " + late;
    }
  } else if (key == "committed") {
    s = e.target ? "target " + format_date(*e.target) : "no target";
    s += e.was.empty() ? ", new" : ", was " + esc(e.was);
  } else if (key == "slipped") {
    s = fmt::format("target {} -> {} (+{} day{})", e.old_target ? format_date(*e.old_target) : "?",
                    e.target ? format_date(*e.target) : "?", e.days, e.days == 1 ? "" : "s");
  } else if (key == "dropped") {
    if (e.removed) {
      s = fmt::format("removed from the roadmap (was {}; no reason recorded)", esc(e.was));
    } else {
      s = fmt::format("was {}: {}", esc(e.was), e.reason.empty() ? "no reason recorded" : esc(e.reason));
    }
  } else if (key == "moved") {
    s = fmt::format("moved to {} as {}", esc(e.moved_squad), esc(e.moved_to));
  }
  if (!e.commit.empty()) {
    s += fmt::format(" ({} {})", e.commit_date, esc(e.commit));
  }
  return s;
}

std::string plain_text(std::string_view v)
{
  return printable(v);
}

std::string next_text(const DigestRitual& r)
{
  if (!r.next) {
    return "no date";
  }
  static constexpr std::array<std::string_view, 7> k_days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  return fmt::format("{} {}", k_days[static_cast<size_t>(weekday(*r.next))], format_date(*r.next));
}

}  // namespace

std::string render_digest_markdown(const Digest& d, Audience a, const DigestSpan& span)
{
  const View v = view_of(a);
  std::string s = fmt::format("# {}: product update{}\n\n", markdown_text(d.product.empty() ? "Product" : d.product),
                              a == Audience::all ? "" : fmt::format(" for {}", audience_name(a)));
  s += markdown_text(span_text(span)) + ".\n";
  if (v.figures) {
    s +=
      "\n## Figures\n\n| Squad | Shipped | Newly committed | Slipped | Days slipped | Dropped | In progress | Open in "
      + markdown_cell(column_title(d.first_horizon)) + " |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& f : d.figures) {
      s += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                       f.squad == "total" ? "**Total**" : markdown_cell(f.squad), f.shipped, f.committed, f.slipped,
                       f.slip_days, f.dropped, f.in_progress, f.open_now);
    }
  }
  for (const auto& sec : sections_of(d, v)) {
    s += fmt::format("\n## {} ({})\n\n", sec.title, sec.entries.size());
    if (sec.entries.empty()) {
      s += "None.\n";
      continue;
    }
    for (const DigestEntry* e : sec.entries) {
      s += fmt::format("- **{} {}** ({}): {}\n", markdown_text(e->id), markdown_text(e->title), markdown_text(e->squad),
                       detail_of(sec.key, *e, markdown_text));
      if (v.notes && sec.key == "shipped" && !e->description.empty()) {
        s += fmt::format("  - {}\n", markdown_text(e->description));
      }
      if (v.notes && (sec.key == "shipped" || sec.key == "committed")) {
        for (const auto& doc : e->docs) {
          s += fmt::format("  - Doc: [{}]({}){}\n", markdown_text(doc.title.empty() ? doc.file : doc.title), doc.file,
                           doc.status.empty() ? "" : " (" + markdown_text(doc.status) + ")");
        }
      }
      if (v.customers && !e->feedback.empty()) {
        s +=
          fmt::format("  - Asked for by: {} ({})\n",
                      e->customers.empty() ? std::string("no customer named") : markdown_text(join(e->customers, ", ")),
                      join(e->feedback, ", "));
      }
    }
  }
  if (!d.at_risk.empty()) {
    s += fmt::format("\n## At risk ({})\n\n", d.at_risk.size());
    for (const auto& r : d.at_risk) {
      s += fmt::format("- **{} {}** ({}): {} since {}: {}\n", markdown_text(r.id), markdown_text(r.title),
                       markdown_text(r.squad), r.health, format_date(r.date), markdown_text(r.note));
    }
  }
  if (!d.goals.empty()) {
    s += fmt::format("\n## Goals of {}\n\n", d.goals.front().period);
    for (const auto& g : d.goals) {
      s += fmt::format("- **{}** {}: {}{}\n", markdown_text(g.id), markdown_text(g.title), goal_move_text(g),
                       g.moved.empty() ? "" : "; moved: " + markdown_text(join(g.moved, ", ")));
    }
  }
  if (v.figures && !d.standards.empty()) {
    s += "\n## Standards changed\n\n";
    for (const auto& c : d.standards) {
      s += "- " + markdown_text(standard_change_text(c)) + "\n";
    }
  }
  if (!d.initiatives.empty()) {
    s += "\n## Initiatives touched\n\n";
    for (const auto& i : d.initiatives) {
      s += fmt::format("- **{}** {}: {}\n", markdown_text(i.id), markdown_text(i.title),
                       markdown_text(join(i.items, ", ")));
    }
  }
  if (v.rituals) {
    s += "\n## Upcoming rituals\n\n";
    if (d.rituals.empty()) {
      s += "None configured.\n";
    }
    for (const auto& r : d.rituals) {
      s += fmt::format("- {}: {} ({}{})\n", markdown_text(r.name), next_text(r), r.cadence,
                       r.squads.empty() ? "" : "; " + markdown_text(join(r.squads, ", ")));
    }
  }
  return s;
}

std::string render_digest_text(const Digest& d, Audience a, const DigestSpan& span)
{
  const View v = view_of(a);
  std::string s = fmt::format("{}: product update{}\n", printable(d.product.empty() ? "Product" : d.product),
                              a == Audience::all ? "" : fmt::format(" for {}", audience_name(a)));
  s += printable(span_text(span)) + "\n";
  if (v.figures) {
    s += fmt::format("\nFigures\n  {:<14} {:>8} {:>9} {:>8} {:>5} {:>8} {:>8} {:>8}\n", "squad", "shipped", "committed",
                     "slipped", "days", "dropped", "in-prog", "open-" + d.first_horizon);
    for (const auto& f : d.figures) {
      s += fmt::format("  {:<14} {:>8} {:>9} {:>8} {:>5} {:>8} {:>8} {:>8}\n", printable(f.squad), f.shipped,
                       f.committed, f.slipped, f.slip_days, f.dropped, f.in_progress, f.open_now);
    }
  }
  for (const auto& sec : sections_of(d, v)) {
    s += fmt::format("\n{} ({})\n", sec.title, sec.entries.size());
    if (sec.entries.empty()) {
      s += "  none\n";
      continue;
    }
    for (const DigestEntry* e : sec.entries) {
      s += fmt::format("  {}  {} ({}): {}\n", printable(e->id), printable(e->title), printable(e->squad),
                       detail_of(sec.key, *e, plain_text));
      if (v.notes && sec.key == "shipped" && !e->description.empty()) {
        s += fmt::format("      {}\n", printable(e->description));
      }
      if (v.notes && (sec.key == "shipped" || sec.key == "committed")) {
        for (const auto& doc : e->docs) {
          s += fmt::format("      doc: {} \"{}\"{}\n", printable(doc.file), printable(doc.title),
                           doc.status.empty() ? "" : " (" + printable(doc.status) + ")");
        }
      }
      if (v.customers && !e->feedback.empty()) {
        s += fmt::format("      asked for by: {} ({})\n",
                         e->customers.empty() ? std::string("no customer named") : printable(join(e->customers, ", ")),
                         join(e->feedback, ", "));
      }
    }
  }
  if (!d.at_risk.empty()) {
    s += fmt::format("\nAt risk ({})\n", d.at_risk.size());
    for (const auto& r : d.at_risk) {
      s += fmt::format("  {}  {} ({}): {} since {}: {}\n", printable(r.id), printable(r.title), printable(r.squad),
                       printable(r.health), format_date(r.date), printable(r.note));
    }
  }
  if (!d.goals.empty()) {
    s += fmt::format("\nGoals of {}\n", printable(d.goals.front().period));
    for (const auto& g : d.goals) {
      s += fmt::format("  {}  {}: {}{}\n", printable(g.id), printable(g.title), goal_move_text(g),
                       g.moved.empty() ? "" : "; moved: " + printable(join(g.moved, ", ")));
    }
  }
  if (v.figures && !d.standards.empty()) {
    s += "\nStandards changed\n";
    for (const auto& c : d.standards) {
      s += "  " + printable(standard_change_text(c)) + "\n";
    }
  }
  if (!d.initiatives.empty()) {
    s += "\nInitiatives touched\n";
    for (const auto& i : d.initiatives) {
      s += fmt::format("  {}  {}: {}\n", printable(i.id), printable(i.title), printable(join(i.items, ", ")));
    }
  }
  if (v.rituals) {
    s += "\nUpcoming rituals\n";
    if (d.rituals.empty()) {
      s += "  none configured\n";
    }
    for (const auto& r : d.rituals) {
      s += fmt::format("  {}: {} ({}{})\n", printable(r.name), next_text(r), r.cadence,
                       r.squads.empty() ? "" : "; " + printable(join(r.squads, ", ")));
    }
  }
  return s;
}

std::string render_digest_json(const Digest& d, Audience a, const DigestSpan& span)
{
  using Json = nlohmann::ordered_json;
  const View v = view_of(a);
  auto or_null = [](const std::string& s) { return s.empty() ? Json() : Json(s); };
  auto date_or_null = [](const std::optional<Date>& x) { return x ? Json(format_date(*x)) : Json(); };
  Json j;
  j["version"] = 1;
  j["product"] = d.product;
  j["audience"] = std::string(audience_name(a));
  j["since"] = span.since;
  j["from"] = span.from_commit.empty() ? Json() : Json{{"commit", span.from_commit}, {"date", span.from_date}};
  j["to"] = Json{{"commit", span.to_commit}, {"date", span.to_date}};
  if (v.figures) {
    j["figures"] = Json::array();
    for (const auto& f : d.figures) {
      j["figures"].push_back(Json{{"squad", f.squad},
                                  {"shipped", f.shipped},
                                  {"committed", f.committed},
                                  {"slipped", f.slipped},
                                  {"slip_days", f.slip_days},
                                  {"dropped", f.dropped},
                                  {"in_progress", f.in_progress},
                                  {"open_now", f.open_now}});
    }
  }
  for (const auto& sec : sections_of(d, v)) {
    Json arr = Json::array();
    for (const DigestEntry* e : sec.entries) {
      Json x;
      x["id"] = e->id;
      x["title"] = e->title;
      x["squad"] = e->squad;
      x["status"] = e->status;
      x["horizon"] = or_null(e->horizon);
      x["target"] = date_or_null(e->target);
      if (sec.key == "slipped") {
        x["old_target"] = date_or_null(e->old_target);
        x["days"] = e->days;
        x["slips"] = e->slips;
      }
      if (sec.key == "shipped") {
        x["shipped"] = date_or_null(e->shipped_on);
        x["first_target"] = date_or_null(e->first_target);
        x["late_days"] = e->late_days ? Json(*e->late_days) : Json();
      }
      if (sec.key == "committed") {
        x["was"] = or_null(e->was);
      }
      if (sec.key == "dropped") {
        x["was"] = e->was;
        x["reason"] = or_null(e->reason);
        x["removed"] = e->removed;
      }
      if (sec.key == "moved") {
        x["moved_to"] = e->moved_to;
        x["moved_squad"] = e->moved_squad;
      }
      if (v.notes && sec.key == "shipped") {
        x["description"] = or_null(e->description);
      }
      if (v.notes && (sec.key == "shipped" || sec.key == "committed")) {
        x["docs"] = Json::array();
        for (const auto& doc : e->docs) {
          x["docs"].push_back(Json{{"file", doc.file}, {"title", or_null(doc.title)}, {"status", or_null(doc.status)}});
        }
      }
      if (v.customers) {
        x["customers"] = e->customers;
        x["feedback"] = e->feedback;
      }
      x["commit"] = or_null(e->commit);
      x["date"] = or_null(e->commit_date);
      arr.push_back(std::move(x));
    }
    j[sec.key] = std::move(arr);
  }
  if (v.dropped && !j.contains("moved")) {
    j["moved"] = Json::array();
  }
  j["at_risk"] = Json::array();
  for (const auto& r : d.at_risk) {
    j["at_risk"].push_back(Json{{"id", r.id},
                                {"title", r.title},
                                {"squad", r.squad},
                                {"health", r.health},
                                {"date", format_date(r.date)},
                                {"note", or_null(r.note)}});
  }
  j["goals"] = Json::array();
  for (const auto& g : d.goals) {
    j["goals"].push_back(Json{{"id", g.id},
                              {"title", g.title},
                              {"period", g.period},
                              {"progress", g.now ? Json(*g.now) : Json()},
                              {"progress_before", g.before ? Json(*g.before) : Json()},
                              {"new", g.added},
                              {"moved", g.moved}});
  }
  if (v.figures) {
    j["standards"] = Json::array();
    for (const auto& c : d.standards) {
      j["standards"].push_back(Json{{"rule", c.rule},
                                    {"change", c.what},
                                    {"from", or_null(c.from)},
                                    {"to", or_null(c.to)},
                                    {"text", standard_change_text(c)}});
    }
  }
  j["initiatives"] = Json::array();
  for (const auto& i : d.initiatives) {
    j["initiatives"].push_back(Json{{"id", i.id}, {"title", i.title}, {"items", i.items}});
  }
  if (v.rituals) {
    j["rituals"] = Json::array();
    for (const auto& r : d.rituals) {
      j["rituals"].push_back(
        Json{{"name", r.name}, {"cadence", r.cadence}, {"next", date_or_null(r.next)}, {"squads", r.squads}});
    }
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pops
