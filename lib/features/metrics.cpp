#include "features/metrics.h"

#include "workspace/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace pops {

std::string period_name(PeriodKind k, Date d)
{
  int y = 0;
  int m = 0;
  int day = 0;
  split_date(d, y, m, day);
  if (k == PeriodKind::quarter) {
    return fmt::format("{:04}-Q{}", y, (m - 1) / 3 + 1);
  }
  return fmt::format("{:04}-{:02}", y, m);
}

Date period_start(PeriodKind k, Date d)
{
  int y = 0;
  int m = 0;
  int day = 0;
  split_date(d, y, m, day);
  if (k == PeriodKind::quarter) {
    m = (m - 1) / 3 * 3 + 1;
  }
  return make_date(y, m, 1);
}

Date period_end(PeriodKind k, Date d)
{
  const Date next = add_months(period_start(k, d), k == PeriodKind::quarter ? 3 : 1);
  return Date{next.days - 1};
}

std::optional<double> percentile(std::vector<int> values, double p)
{
  if (values.empty()) {
    return std::nullopt;
  }
  std::sort(values.begin(), values.end());
  const double rank = (static_cast<double>(values.size()) - 1) * p / 100.0;
  const auto lo = static_cast<size_t>(std::floor(rank));
  const size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (rank - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

namespace {

const std::string k_in_progress = "in-progress";

/// What the metrics need of an item in one state.
struct ItemState {
  std::string id, title, status, horizon, squad, moved_from;
  std::optional<Date> target;
};

struct FileState {
  /// Its items by id: each id's items in the order they came (a duplicate id has several).
  std::unordered_map<std::string, std::vector<ItemState>> items;
  std::vector<std::vector<std::string>> feedback_links;  ///< per entry: the items it lists
  std::vector<std::vector<std::string>> approved_prds;   ///< per approved PRD: the items it lists
};

bool is_open(const std::string& status)
{
  return !is_shipped_status(status) && !is_dropped_status(status);
}

/// The counts a period boundary needs, per squad.
struct SquadCounts {
  int wip = 0, open = 0, prd_covered = 0, feedback_covered = 0;
};
struct Snapshot {
  std::map<std::string, SquadCounts> squads;                   ///< "" holds items without a squad
  std::vector<std::pair<std::string, std::string>> committed;  ///< (id, squad): open items in now
};

/// Events of the walk, dated.
struct Event {
  Date date;
  std::string squad;
  std::string id;
};

struct ItemTrack {
  ItemFacts facts;
  std::string last_status;  ///< last status seen, also after a removal
  std::optional<Date> shipped_at;
  std::string shipped_commit;     ///< the commit of that move to shipped
  std::optional<size_t> removal;  ///< its pending removal while open (a drop unless it comes back)
  std::string shipped_squad;
  std::vector<Date> ship_moves;  ///< every move to shipped
  std::string moved_to;          ///< the id it was moved to (`item move --new-id`); it lives on there
};

/// The state of the workspace along the replay, and what happened to each item.
struct Replayer {
  const MetricsOptions& opts;
  std::map<std::string, FileState> files;
  std::unordered_map<std::string, std::set<std::string>> where;  ///< id -> files holding it
  std::map<std::string, ItemTrack> tracks;
  std::vector<Event> added, dropped;
  std::map<size_t, Event> removals;  ///< items deleted while open, by order; added to `dropped` at the end
  size_t next_removal = 0;
  std::vector<SlipEvent> slips;
  std::vector<Date> boundaries;  ///< ascending; snapshots of the state at the end of each
  std::vector<std::shared_ptr<const Snapshot>> snaps;
  std::optional<Date> first_day;
  size_t commits = 0;
  std::string first_horizon;  ///< pops.yaml's first horizon: a target there is committed

  static bool in_place(const HistoryStep& st, const std::string& file)
  {
    return std::find(st.in_place.begin(), st.in_place.end(), file) != st.in_place.end();
  }

  Date day_of(const CommitRef& c) const
  {
    if (!opts.author_date) {
      return commit_date(c);
    }
    CommitRef a = c;
    a.commit_time = c.author_time;
    a.commit_tz = c.author_tz;
    return commit_date(a);
  }

  const ItemState* find(const std::string& id) const
  {
    auto w = where.find(id);
    if (w == where.end() || w->second.empty()) {
      return nullptr;
    }
    const auto& items = files.at(*w->second.begin()).items;
    auto it = items.find(id);
    return it == items.end() || it->second.empty() ? nullptr : &it->second.front();
  }

  std::shared_ptr<const Snapshot> snapshot() const
  {
    std::set<std::string> prd;
    std::set<std::string> linked;
    for (const auto& [path, f] : files) {
      for (const auto& v : f.approved_prds) {
        prd.insert(v.begin(), v.end());
      }
      for (const auto& v : f.feedback_links) {
        linked.insert(v.begin(), v.end());
      }
    }
    auto s = std::make_shared<Snapshot>();
    for (const auto& [id, paths] : where) {
      if (paths.empty()) {
        continue;
      }
      const ItemState* it = find(id);
      if (!it) {
        continue;
      }
      SquadCounts& c = s->squads[it->squad];
      if (it->status == k_in_progress) {
        ++c.wip;
        c.prd_covered += prd.count(id) ? 1 : 0;
      }
      if (is_open(it->status)) {
        ++c.open;
        c.feedback_covered += linked.count(id) ? 1 : 0;
        if (it->horizon == "now") {
          s->committed.emplace_back(id, it->squad);
        }
      }
    }
    return s;
  }

  /// Snapshots every boundary before `day`.
  void snap_until(std::optional<Date> day)
  {
    std::shared_ptr<const Snapshot> s;
    while (snaps.size() < boundaries.size() && (!day || boundaries[snaps.size()] < *day)) {
      if (!s) {
        s = snapshot();
      }
      snaps.push_back(s);
    }
  }

  /// The ids commit `st` may have touched, with their state before it.
  std::map<std::string, std::optional<ItemState>> touched_by(const HistoryStep& st) const
  {
    std::map<std::string, std::optional<ItemState>> touched;
    for (const auto& it : st.before.items) {
      if (it.id.set) {
        touched.emplace(it.id.value, std::nullopt);
      }
    }
    for (const auto& it : st.after.items) {
      if (it.id.set) {
        touched.emplace(it.id.value, std::nullopt);
      }
    }
    for (auto& [id, old] : touched) {
      if (const ItemState* s = find(id)) {
        old = *s;
      }
    }
    return touched;
  }

  /// Applies commit `st`: drops what its changed files held, adds what they hold now.
  void apply(const HistoryStep& st)
  {
    for (const auto& path : st.old_files) {
      auto f = files.find(path);
      if (f == files.end()) {
        continue;
      }
      for (const auto& [id, versions] : f->second.items) {
        where[id].erase(path);
      }
      files.erase(f);
    }
    for (const auto& path : st.new_files) {
      files[path];
    }
    // In files changed in place, drop the elements that can differ; `after` holds them as they are now.
    if (!st.in_place.empty()) {
      for (const auto& it : st.before.items) {
        if (!it.id.set || !in_place(st, it.file)) {
          continue;
        }
        auto f = files.find(it.file);
        if (f == files.end()) {
          continue;
        }
        auto& items = f->second.items;
        auto pos = items.find(it.id.value);
        if (pos == items.end() || pos->second.empty()) {
          continue;
        }
        pos->second.erase(pos->second.begin());
        if (pos->second.empty()) {
          items.erase(pos);
          where[it.id.value].erase(it.file);
        }
      }
      for (const auto& fb : st.before.feedback) {
        if (!in_place(st, fb.file)) {
          continue;
        }
        auto f = files.find(fb.file);
        if (f == files.end()) {
          continue;
        }
        std::vector<std::string> ids;
        for (const auto& i : fb.items) {
          ids.push_back(i.value);
        }
        auto& links = f->second.feedback_links;
        if (auto pos = std::find(links.begin(), links.end(), ids); pos != links.end()) {
          links.erase(pos);
        }
      }
    }
    for (const auto& it : st.after.items) {
      if (!it.id.set) {
        continue;
      }
      ItemState s{it.id.value,    it.title.value,      it.status.value, it.horizon.value,
                  it.squad.value, it.moved_from.value, std::nullopt};
      if (it.target.set) {
        s.target = it.target.value;
      }
      files[it.file].items[it.id.value].push_back(std::move(s));
      where[it.id.value].insert(it.file);
    }
    for (const auto& fb : st.after.feedback) {
      std::vector<std::string> ids;
      for (const auto& i : fb.items) {
        ids.push_back(i.value);
      }
      files[fb.file].feedback_links.push_back(std::move(ids));
    }
    for (const auto& d : st.after.docs) {
      if (d.type.value == "prd" && d.status.value == "approved") {
        std::vector<std::string> ids;
        for (const auto& i : d.items) {
          ids.push_back(i.value);
        }
        files[d.file].approved_prds.push_back(std::move(ids));
      }
    }
  }

  /// Moves: an item new in this commit whose moved_from names an item open before it and gone or
  /// dropped after it continues that item's track; neither a drop nor an addition. Two moves in
  /// one commit (PAY-3 to PLAT-2, then PLAT-2 to PAY-4 before committing) chain: the second
  /// continues what the first continued. `base`: the state before the commit each new id goes on
  /// from, for its slips.
  void follow_moves(const std::map<std::string, std::optional<ItemState>>& touched, std::set<std::string>& moved_away,
                    std::map<std::string, const ItemState*>& base)
  {
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& [id, old] : touched) {
        const ItemState* now = find(id);
        if (old || !now || now->moved_from.empty() || now->moved_from == id || tracks.count(id)) {
          continue;
        }
        auto was = touched.find(now->moved_from);
        if (was == touched.end()) {
          continue;
        }
        const ItemState* from_state = was->second ? &*was->second : nullptr;
        if (!from_state) {
          auto b = base.find(was->first);  // new in this commit too: a move of a move
          from_state = b == base.end() ? nullptr : b->second;
        }
        if (!from_state || is_dropped_status(from_state->status)) {
          continue;
        }
        const ItemState* later = find(was->first);
        if (later && !is_dropped_status(later->status)) {
          continue;
        }
        ItemTrack& from = tracks[was->first];
        ItemTrack t = from;
        t.facts.moved_from = was->first;
        t.facts.former_ids.push_back(was->first);
        t.removal.reset();
        from.moved_to = id;
        tracks[id] = std::move(t);
        moved_away.insert(was->first);
        base[id] = from_state;
        grew = true;
      }
    }
  }

  /// What commit `st` on `day` did to item `id` (`old`: its state before; `moved`: its id moved away),
  /// recorded in its track: first seen, started, shipped, dropped, removed, slipped.
  void track(const std::string& id, const std::optional<ItemState>& old, bool moved,
             const std::map<std::string, const ItemState*>& base, Date day, const HistoryStep& st)
  {
    const ItemState* now = find(id);
    if (!old && !now) {
      return;
    }
    ItemTrack& t = tracks[id];
    ItemFacts& f = t.facts;
    f.id = id;
    // The status before this commit; for an item back after a removal, the one it had then.
    const std::string before = old ? old->status : t.last_status;
    if (now) {
      f.title = now->title;
      f.squad = now->squad;
      f.status = now->status;
      if (f.squads.empty() || f.squads.back() != now->squad) {
        f.squads.push_back(now->squad);
      }
      t.last_status = now->status;
    } else {
      f.status.clear();
    }
    if (!old && now && !f.first_seen && f.moved_from.empty()) {
      f.first_seen = day;
      added.push_back({day, now->squad, id});
    }
    if (!old && now && t.removal) {
      // Back after a removal (a file that did not parse, an item moved in two commits): not a drop.
      removals.erase(*t.removal);
      t.removal.reset();
    }
    if (now && now->status == k_in_progress && !f.started) {
      f.started = day;
    }
    // An item that first appears shipped shipped at a date the history does not know.
    if (now && is_shipped_status(now->status) && !before.empty() && !is_shipped_status(before)) {
      t.shipped_at = day;
      t.shipped_commit = st.commit.id;
      t.shipped_squad = now->squad;
      t.ship_moves.push_back(day);
    }
    if (now && is_dropped_status(now->status) && !before.empty() && !is_dropped_status(before) && !moved) {
      dropped.push_back({day, now->squad, id});
    }
    if (old && !now && is_open(before) && !moved) {
      t.removal = next_removal;
      removals.emplace(next_removal++, Event{day, old->squad, id});
    }
    if (now && now->target && !f.first_target && now->horizon == first_horizon) {
      f.first_target = now->target;
    }
    // A moved item's target is compared with the one it had under its old id.
    const ItemState* was_state = old ? &*old : nullptr;
    if (!was_state) {
      if (auto b = base.find(id); b != base.end()) {
        was_state = b->second;
      }
    }
    // The old id of a move is not compared: its track goes on under the new id, which is (a target
    // changed with the move is one slip, not two).
    if (auto days = was_state && now && !moved ? slip_days(was_state->target, now->target) : std::nullopt) {
      ++f.slips;
      f.slip_days += *days;
      slips.push_back({id, now->title, now->squad, day, st.commit.id, *was_state->target, *now->target, *days});
    }
  }

  void step(const HistoryStep& st, const std::function<void(Date)>& on_first)
  {
    const Date day = day_of(st.commit);
    if (!first_day) {
      first_day = day;
      on_first(day);
    }
    snap_until(day);
    ++commits;
    // A shallow clone's oldest commit is a state, not changes made on its day.
    const bool counted = day <= opts.until && !st.shallow_root;
    const std::map<std::string, std::optional<ItemState>> touched = touched_by(st);
    apply(st);
    if (!counted) {
      return;
    }
    std::set<std::string> moved_away;
    std::map<std::string, const ItemState*> base;
    follow_moves(touched, moved_away, base);
    for (const auto& [id, old] : touched) {
      track(id, old, moved_away.count(id) > 0, base, day, st);
    }
  }
};

bool wanted(const std::vector<std::string>& squads, const std::string& s)
{
  return squads.empty() || std::find(squads.begin(), squads.end(), s) != squads.end();
}

}  // namespace

std::optional<int> slip_days(const std::optional<Date>& before, const std::optional<Date>& after)
{
  if (!before || !after || !(*after > *before)) {
    return std::nullopt;
  }
  return after->days - before->days;
}

std::vector<SlipEvent> slips_of(const Metrics& m, const std::function<bool(const SlipEvent&)>& in_window)
{
  std::vector<SlipEvent> out;
  std::copy_if(m.slips.begin(), m.slips.end(), std::back_inserter(out), in_window);
  return out;
}

std::vector<ItemFacts> shipped_in(const Metrics& m, const std::function<bool(const ItemFacts&)>& in_window)
{
  std::vector<ItemFacts> out;
  std::copy_if(m.items.begin(), m.items.end(), std::back_inserter(out),
               [&](const ItemFacts& f) { return f.shipped && in_window(f); });
  return out;
}

const ItemFacts* facts_of(const Metrics& m, const std::string& id)
{
  auto it = std::find_if(m.items.begin(), m.items.end(), [&](const ItemFacts& f) { return f.id == id; });
  return it == m.items.end() ? nullptr : &*it;
}

void finish_row(PeriodMetrics& p, const std::vector<int>& cycle, const std::vector<int>& lead)
{
  p.cycle_median = percentile(cycle, 50);
  p.cycle_p85 = percentile(cycle, 85);
  p.lead_median = percentile(lead, 50);
  p.lead_p85 = percentile(lead, 85);
  if (p.wip > 0) {
    p.prd_coverage = static_cast<double>(p.prd_covered) / p.wip;
  }
  if (p.open > 0) {
    p.feedback_coverage = static_cast<double>(p.feedback_covered) / p.open;
  }
  // Predictability judges a commitment at the period's end: a period still running has none yet
  // (two days into a month, 0 of 9 shipped is not 0% predictable).
  if (p.committed > 0 && p.complete) {
    p.predictability = static_cast<double>(p.committed_shipped) / p.committed;
  }
}

namespace {

/// The squads of the metrics: pops.yaml's order, then any other squad seen in the history; only those
/// of `opts.squads` when it names some.
std::vector<std::string> metrics_squads(const Config& config, const Replayer& r, const MetricsOptions& opts)
{
  std::vector<std::string> squads;
  std::set<std::string> seen;
  for (const auto& s : config.squads) {
    if (s.id.set && seen.insert(s.id.value).second) {
      squads.push_back(s.id.value);
    }
  }
  std::set<std::string> others;
  for (const auto& [id, t] : r.tracks) {
    for (const auto& s : t.facts.squads) {
      if (!s.empty() && !seen.count(s)) {
        others.insert(s);
      }
    }
  }
  squads.insert(squads.end(), others.begin(), others.end());
  if (!opts.squads.empty()) {
    std::erase_if(squads, [&](const std::string& s) { return !wanted(opts.squads, s); });
  }
  return squads;
}

/// The row of `squad` (all squads: "") for the period from `start` to `end`, from the replay `r` and its
/// snapshots at the period's start and end.
PeriodMetrics period_row(Replayer& r, const Config& config, PeriodKind kind, Date start, Date end,
                         const Snapshot& at_start, const Snapshot& at_end, const std::string& squad)
{
  auto in = [&](Date d) { return d >= start && d <= end; };
  const bool all = squad.empty();
  auto mine = [&](const std::string& s) { return all || s == squad; };
  PeriodMetrics p;
  p.period = period_name(kind, start);
  p.start = start;
  p.end = end;
  p.complete = end == period_end(kind, start);
  p.squad = squad;
  std::vector<int> cycle;
  std::vector<int> lead;
  for (const auto& [id, t] : r.tracks) {
    if (t.facts.shipped && in(*t.facts.shipped) && mine(t.shipped_squad)) {
      ++p.shipped;
      if (t.facts.cycle_days) {
        cycle.push_back(*t.facts.cycle_days);
      }
      if (t.facts.lead_days) {
        lead.push_back(*t.facts.lead_days);
      }
    }
  }
  for (const auto& [s, c] : at_end.squads) {
    if (mine(s)) {
      p.wip += c.wip;
      p.open += c.open;
      p.prd_covered += c.prd_covered;
      p.feedback_covered += c.feedback_covered;
    }
  }
  if (!all) {
    if (const Squad* sq = config.squad(squad); sq && sq->wip_limit.set) {
      p.wip_limit = sq->wip_limit.value;
    }
  }
  std::set<std::string> slipped;
  for (const auto& e : r.slips) {
    if (in(e.date) && mine(e.squad)) {
      slipped.insert(e.id);
      p.slip_days += e.days;
    }
  }
  p.slipped = static_cast<int>(slipped.size());
  for (const auto& [id, s] : at_start.committed) {
    if (!mine(s)) {
      continue;
    }
    ++p.committed;
    const ItemTrack* t = &r.tracks[id];
    for (size_t hops = 0; !t->moved_to.empty() && hops < r.tracks.size(); ++hops) {
      t = &r.tracks[t->moved_to];  // a commitment moved under a new id is kept there
    }
    const auto& moves = t->ship_moves;
    if (std::any_of(moves.begin(), moves.end(), in)) {
      ++p.committed_shipped;
    }
  }
  for (const auto& e : r.added) {
    p.added += in(e.date) && mine(e.squad) ? 1 : 0;
  }
  for (const auto& e : r.dropped) {
    p.dropped += in(e.date) && mine(e.squad) ? 1 : 0;
  }
  finish_row(p, cycle, lead);
  return p;
}

}  // namespace

Metrics compute_metrics(History& history, const std::string& rev, const Config& config, const MetricsOptions& opts,
                        const std::function<void(std::size_t, std::size_t)>& progress)
{
  Metrics m;
  m.period = opts.period;
  m.author_date = opts.author_date;
  m.until = opts.until;
  Replayer r{opts, {}, {}, {}, {}, {}, {},
             {},   {}, {}, {}, {}, 0,  config.horizons.empty() ? std::string("now") : config.horizons.front().value};
  std::vector<Date> starts;  // of the periods
  auto plan_periods = [&](Date first) {
    Date from = opts.since && *opts.since > first ? *opts.since : first;
    if (from > opts.until) {
      return;
    }
    for (Date p = period_start(opts.period, from); p <= opts.until; p = Date{period_end(opts.period, p).days + 1}) {
      starts.push_back(p);
      r.boundaries.push_back(Date{p.days - 1});
      r.boundaries.push_back(std::min(period_end(opts.period, p), opts.until));
    }
    std::sort(r.boundaries.begin(), r.boundaries.end());
    r.boundaries.erase(std::unique(r.boundaries.begin(), r.boundaries.end()), r.boundaries.end());
  };
  history.replay(
    rev, [&](const HistoryStep& st) { r.step(st, plan_periods); }, progress, opts.whole_files);
  r.snap_until(std::nullopt);
  for (const auto& [n, e] : r.removals) {
    r.dropped.push_back(e);
  }
  m.commits = r.commits;
  if (!starts.empty()) {
    m.since = starts.front();
  }

  m.squads = metrics_squads(config, r, opts);

  // Per item: shipped only when its last status is still shipped.
  for (auto& [id, t] : r.tracks) {
    ItemFacts& f = t.facts;
    if (is_shipped_status(t.last_status) && t.shipped_at) {
      f.shipped = t.shipped_at;
      f.shipped_commit = t.shipped_commit;
      if (f.started && *f.started <= *f.shipped) {
        f.cycle_days = f.shipped->days - f.started->days;
      }
      if (f.first_seen) {
        f.lead_days = f.shipped->days - f.first_seen->days;
      }
      if (f.first_target) {
        f.late_days = f.shipped->days - f.first_target->days;
      }
    } else {
      t.ship_moves.clear();
    }
  }

  auto index_of = [&](const std::vector<Date>& b, Date d) {
    return static_cast<size_t>(std::lower_bound(b.begin(), b.end(), d) - b.begin());
  };
  for (Date start : starts) {
    const Date end = std::min(period_end(opts.period, start), opts.until);
    const Snapshot& at_start = *r.snaps[index_of(r.boundaries, Date{start.days - 1})];
    const Snapshot& at_end = *r.snaps[index_of(r.boundaries, end)];
    std::vector<std::string> rows_of;
    if (opts.squads.empty()) {
      rows_of.push_back("");
    }
    rows_of.insert(rows_of.end(), m.squads.begin(), m.squads.end());
    for (const auto& squad : rows_of) {
      m.rows.push_back(period_row(r, config, opts.period, start, end, at_start, at_end, squad));
    }
  }

  for (const auto& e : r.slips) {
    if (m.since && e.date >= *m.since && wanted(opts.squads, e.squad)) {
      m.slips.push_back(e);
    }
  }
  for (auto& [id, t] : r.tracks) {
    const ItemFacts& f = t.facts;
    if (!t.moved_to.empty()) {
      continue;  // its history goes on under its new id
    }
    if (!opts.squads.empty() && std::none_of(f.squads.begin(), f.squads.end(), [&](const std::string& s) {
          return wanted(opts.squads, s);
        })) {
      continue;
    }
    if (f.shipped && m.since && *f.shipped < *m.since) {
      continue;  // done before the window
    }
    m.items.push_back(f);
  }
  std::sort(m.items.begin(), m.items.end(),
            [](const ItemFacts& a, const ItemFacts& b) { return natural_less(a.id, b.id); });
  return m;
}

}  // namespace pops
