#include "features/ritual.h"

#include "workspace/capacity.h"

#include "workspace/diff.h"
#include "git/git.h"
#include "history/history.h"
#include "git/repo.h"
#include "workspace/goals.h"
#include "workspace/initiatives.h"
#include "workspace/schema.h"
#include "features/pilot.h"
#include "features/standards.h"
#include "features/template.h"
#include "base/markdown.h"
#include "base/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

namespace fs = std::filesystem;

namespace pops {

namespace {

using json = nlohmann::json;

json opt_str(const std::string& s)
{
  return s.empty() ? json() : json(s);
}

json opt_date(const Located<Date>& d)
{
  return d.set ? json(format_date(d.value)) : json();
}

bool contains(const std::vector<std::string>& v, const std::string& s)
{
  return std::find(v.begin(), v.end(), s) != v.end();
}

json item_json(const Item& it)
{
  json j;
  j["id"] = it.id.value;
  j["title"] = markdown_text(it.title.value);
  j["squad"] = it.squad.value;
  j["status"] = it.status.value;
  j["owner"] = opt_str(markdown_text(it.owner.value));
  j["target"] = opt_date(it.target);
  j["horizon"] = opt_str(it.horizon.value);
  return j;
}

}  // namespace

std::string ritual_title(std::string_view name)
{
  std::string t(name);
  std::replace(t.begin(), t.end(), '-', ' ');
  std::replace(t.begin(), t.end(), '_', ' ');
  if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') {
    t[0] = static_cast<char>(t[0] - 'a' + 'A');
  }
  return t;
}

std::vector<Date> ritual_next(const Workspace& ws, const Ritual& r, Date today, int count)
{
  auto s = ritual_schedule(ws, r, today);
  if (!s) {
    return {};
  }
  return occurrences(*s, today, count);
}

std::vector<OpenAction> open_actions(const Workspace& ws, Date today, const std::string& owner, bool overdue_only)
{
  std::vector<OpenAction> out;
  for (const auto& n : ws.notes) {
    for (const auto& a : n.actions) {
      if (a.done.set && a.done.value) {
        continue;
      }
      if (!owner.empty() && a.owner.value != owner) {
        continue;
      }
      const bool overdue = a.due.set && a.due.value < today;
      if (overdue_only && !overdue) {
        continue;
      }
      out.push_back({&n, &a, overdue});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const OpenAction& x, const OpenAction& y) {
    if (x.action->due.set != y.action->due.set) {
      return x.action->due.set;
    }
    if (x.action->due.set && x.action->due.value != y.action->due.value) {
      return x.action->due.value < y.action->due.value;
    }
    if (x.note->file != y.note->file) {
      return x.note->file < y.note->file;
    }
    return x.action->loc.line < y.action->loc.line;
  });
  return out;
}

namespace {

/// A progress as a percentage, or "no progress yet".
std::string progress_percent(const std::optional<double>& p)
{
  return p ? fmt::format("{}%", number_short(*p * 100, 0)) : std::string("no progress yet");
}

/// Added, started and dropped items of the ritual's squads, from the diff of the two states.
void note_status_changes(json& d, const Workspace& before, const Workspace& now, const std::vector<std::string>& squads)
{
  const int in_progress_rank = now.config.status_rank("in-progress");
  for (const Change& c : diff_workspaces(before, now)) {
    if (c.entity != "item" || !contains(squads, c.squad)) {
      continue;
    }
    const Item* it = now.item(c.id);
    if (c.kind == Change::Kind::added && it) {
      d["added"].push_back(item_json(*it));
      continue;
    }
    if (c.kind != Change::Kind::changed || !it) {
      continue;
    }
    if (c.field == "status") {
      json j = item_json(*it);
      j["from"] = opt_str(c.old_value);
      if (c.new_value == "dropped") {
        j["reason"] = opt_str(markdown_text(c.reason));
        d["dropped"].push_back(j);
      } else if (c.new_value == "in-progress"
                 && (c.old_value.empty() || before.config.status_rank(c.old_value) < in_progress_rank)) {
        d["started"].push_back(j);
      }
    }
  }
}

/// Shipped: what the history says shipped since then (docs/metrics.md, "Shipped in a period"),
/// in the ritual's squads.
void note_shipped(json& d, const std::vector<ItemFacts>& shipped, const Workspace& before, const Workspace& now,
                  const std::vector<std::string>& squads)
{
  for (const ItemFacts& f : shipped) {
    if (!contains(squads, f.squad)) {
      continue;
    }
    json j;
    if (const Item* it = now.item(f.id)) {
      j = item_json(*it);
    } else {
      j = {{"id", f.id},        {"title", markdown_text(f.title)},
           {"squad", f.squad},  {"status", "shipped"},
           {"owner", nullptr},  {"target", nullptr},
           {"horizon", nullptr}};
    }
    if (const Item* was = before.item(f.id)) {
      j["from"] = opt_str(was->status.value);
    } else {
      j["from"] = nullptr;
    }
    j["shipped"] = format_date(*f.shipped);
    d["shipped"].push_back(j);
  }
}

/// Slipped: one entry per item, from the target before its first slip to the one after its last.
void note_slipped(json& d, const std::vector<SlipEvent>& slips, const Workspace& now,
                  const std::vector<std::string>& squads)
{
  std::map<std::string, size_t> at;
  std::vector<int> days;
  for (const SlipEvent& e : slips) {
    if (!contains(squads, e.squad)) {
      continue;
    }
    auto [pos, fresh] = at.emplace(e.id, d["slipped"].size());
    if (fresh) {
      json j;
      if (const Item* it = now.item(e.id)) {
        j = item_json(*it);
      } else {
        j = {{"id", e.id},       {"title", e.title},  {"squad", e.squad},  {"status", ""},
             {"owner", nullptr}, {"target", nullptr}, {"horizon", nullptr}};
      }
      j["old_target"] = format_date(e.from);
      d["slipped"].push_back(j);
      days.push_back(0);
    }
    days[pos->second] += e.days;
    d["slipped"][pos->second]["new_target"] = format_date(e.to);
    d["slipped"][pos->second]["days"] = std::to_string(days[pos->second]);
  }
}

/// New feedback: entries not in the earlier state, about the ritual's squads (or about no item).
void note_feedback(json& d, const Workspace& before, const Workspace& now, const std::vector<std::string>& squads)
{
  std::set<std::string> known;
  for (const auto& f : before.feedback) {
    known.insert(f.id.value);
  }
  struct Group {
    std::vector<std::string> ids;
    std::set<std::string> customers;
  };
  std::map<std::string, Group> groups;
  for (const auto& f : now.feedback) {
    if (known.count(f.id.value)) {
      continue;
    }
    bool about = f.items.empty();
    for (const auto& id : f.items) {
      const Item* it = now.item(id.value);
      about = about || (it && contains(squads, it->squad.value));
    }
    if (!about) {
      continue;
    }
    std::vector<std::string> tags;
    for (const auto& t : f.tags) {
      tags.push_back(t.value);
    }
    if (tags.empty()) {
      tags.push_back("untagged");
    }
    for (const auto& t : tags) {
      Group& g = groups[t];
      g.ids.push_back(f.id.value);
      if (f.customer.set && !f.customer.value.empty()) {
        g.customers.insert(f.customer.value);
      }
    }
  }
  std::vector<std::pair<std::string, Group>> sorted(groups.begin(), groups.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.ids.size() > b.second.ids.size(); });
  for (auto& [tag, g] : sorted) {
    std::sort(g.ids.begin(), g.ids.end(), natural_less);
    json j;
    j["tag"] = tag;
    j["entries"] = std::to_string(g.ids.size());
    j["customers"] = std::to_string(g.customers.size());
    j["ids"] = join(g.ids, ", ");
    const size_t n = g.ids.size();
    const size_t c = g.customers.size();
    j["summary"] = fmt::format("{} entr{}", n, n == 1 ? "y" : "ies")
                   + (c == 0 ? std::string() : fmt::format(" from {} customer{}", c, c == 1 ? "" : "s"));
    std::vector<std::string> customers;
    for (const auto& name : g.customers) {
      customers.push_back(markdown_text(name));
    }
    j["customer_list"] = join(customers, ", ");
    d["feedback"].push_back(j);
  }
}

/// Dependency risks: an item of the first horizon (now), not shipped or dropped, that depends on an
/// item that has not started.
void note_risks(json& d, const Workspace& now, const std::vector<std::string>& squads)
{
  const int in_progress_rank = now.config.status_rank("in-progress");
  const std::string first_horizon = now.config.horizons.empty() ? "now" : now.config.horizons.front().value;
  for (const auto& it : now.items) {
    if (!contains(squads, it.squad.value) || it.horizon.value != first_horizon || it.status.value == "shipped"
        || it.status.value == "dropped" || in_progress_rank < 0) {
      continue;
    }
    for (const auto& dep_id : it.depends_on) {
      const Item* dep = now.item(dep_id.value);
      if (!dep || dep->status.value == "dropped" || dep->status.value == "shipped") {
        continue;
      }
      const int rank = now.config.status_rank(dep->status.value);
      if (rank >= 0 && rank < in_progress_rank) {
        json j = item_json(it);
        j["dep_id"] = dep->id.value;
        j["dep_title"] = markdown_text(dep->title.value);
        j["dep_status"] = dep->status.value;
        j["dep_squad"] = dep->squad.value;
        d["risks"].push_back(j);
      }
    }
  }
}

/// Open actions of earlier notes of this ritual.
void note_carried(json& d, const Ritual& r, const Workspace& notes_ws, Date date, Date today)
{
  for (const OpenAction& a : open_actions(notes_ws, today)) {
    if (a.note->folder != r.name.value || !a.note->date.set || !(a.note->date.value < date)) {
      continue;
    }
    json j;
    j["what"] = markdown_text(a.action->what.value);
    j["owner"] = opt_str(markdown_text(a.action->owner.value));
    j["due"] = opt_date(a.action->due);
    j["overdue"] = a.overdue;
    j["from"] = format_date(a.note->date.value);
    j["file"] = a.note->file;
    d["carried"].push_back(j);
  }
}

/// Work in progress against each squad's limit.
void note_wip(json& d, const Workspace& now, const std::vector<std::string>& squads)
{
  for (const auto& id : squads) {
    const Squad* sq = now.config.squad(id);
    std::vector<std::string> ids;
    for (const auto& it : now.items) {
      if (it.squad.value == id && it.status.value == "in-progress") {
        ids.push_back(it.id.value);
      }
    }
    std::sort(ids.begin(), ids.end(), natural_less);
    json j;
    j["squad"] = id;
    j["name"] = markdown_text(sq && sq->name.set ? sq->name.value : id);
    j["in_progress"] = std::to_string(ids.size());
    j["ids"] = join(ids, ", ");
    const bool limited = sq && sq->wip_limit.set;
    j["limit"] = limited ? json(std::to_string(sq->wip_limit.value)) : json();
    j["over"] = limited && static_cast<long>(ids.size()) > sq->wip_limit.value;
    d["wip"].push_back(j);
  }
}

/// The objectives of the quarter holding the meeting, with their progress now (pops goals).
void note_goals(json& d, const Workspace& now, Date date)
{
  d["quarter"] = period_name(PeriodKind::quarter, date);
  d["goals"] = json::array();
  for (const auto& o : compute_goals(now, d["quarter"].get<std::string>())) {
    json krs = json::array();
    for (const auto& k : o.key_results) {
      krs.push_back({{"id", k.kr->id.value},
                     {"title", markdown_text(k.kr->title.value)},
                     {"progress", progress_percent(k.progress)}});
    }
    d["goals"].push_back({{"id", o.objective->id.value},
                          {"title", markdown_text(o.objective->title.value)},
                          {"owner", o.objective->owner.set ? json(o.objective->owner.value) : json()},
                          {"progress", progress_percent(o.progress)},
                          {"key_results", krs}});
  }
  d["has_goals"] = !d["goals"].empty();
}

/// The initiatives with their progress now (pops initiatives).
void note_initiatives(json& d, const Workspace& now)
{
  d["initiatives"] = json::array();
  for (const auto& ini : compute_initiatives(now)) {
    std::vector<std::string> ini_squads;
    for (const Item* it : ini.items) {
      if (std::find(ini_squads.begin(), ini_squads.end(), it->squad.value) == ini_squads.end()) {
        ini_squads.push_back(it->squad.value);
      }
    }
    const Update* u = latest_update(ini.initiative->updates);
    d["initiatives"].push_back(
      {{"id", ini.initiative->id.value},
       {"title", markdown_text(ini.initiative->title.value)},
       {"owner", ini.initiative->owner.set ? json(markdown_text(ini.initiative->owner.value)) : json()},
       {"progress", progress_percent(ini.progress.progress)},
       {"target", ini.initiative->target.set ? markdown_text(ini.initiative->target.value) : "none"},
       {"latest", ini.latest_item_target ? format_date(*ini.latest_item_target) : "none"},
       {"health", u ? json(u->health.value) : json()},
       {"squads", ini_squads.empty() ? std::string("no items") : markdown_text(join(ini_squads, ", "))}});
  }
  d["has_initiatives"] = !d["initiatives"].empty();
}

/// Each squad's capacity of that quarter against its planned effort (pops capacity).
void note_capacity(json& d, const Workspace& now, Date date)
{
  d["capacity"] = json::array();
  const std::string unit = effort_unit(now.config);
  for (const auto& c : compute_capacity(now, d["quarter"].get<std::string>(), date)) {
    if (!c.capacity) {
      continue;
    }
    std::vector<std::string> ids;
    for (const Item* it : c.unestimated) {
      ids.push_back(it->id.value);
    }
    const double over = *c.over();
    d["capacity"].push_back({{"squad", markdown_text(c.squad->id.value)},
                             {"capacity", number_short(*c.capacity, 2)},
                             {"planned", number_short(c.planned, 2)},
                             {"unit", markdown_text(unit)},
                             {"over", over > 0},
                             {"over_by", number_short(over, 2)},
                             {"has_unestimated", !ids.empty()},
                             {"unestimated", markdown_text(join(ids, ", "))}});
  }
  d["has_capacity"] = !d["capacity"].empty();
}

}  // namespace

json ritual_note_data(const Ritual& r, const Workspace* before, const std::vector<SlipEvent>& slips,
                      const std::vector<ItemFacts>& shipped, const Workspace& now, const Workspace& notes_ws, Date date,
                      Date today, const std::string& period_text)
{
  const std::vector<std::string> squads = ritual_squads(now, r);
  json d;
  d["ritual"] = r.name.value;
  d["title"] = ritual_title(r.name.value);
  d["date"] = format_date(date);
  d["today"] = format_date(today);
  d["product"] = now.config.product.value;
  d["period_text"] = period_text;
  d["squads"] = json::array();
  std::vector<std::string> squad_names;
  for (const auto& id : squads) {
    const Squad* sq = now.config.squad(id);
    const std::string name = markdown_text(sq && sq->name.set ? sq->name.value : id);
    squad_names.push_back(name);
    d["squads"].push_back({{"id", id}, {"name", name}});
  }
  d["squads_text"] = join(squad_names, ", ");
  for (const char* k : {"shipped", "started", "slipped", "dropped", "added", "risks", "carried", "feedback", "wip"}) {
    d[k] = json::array();
  }
  if (before) {
    note_status_changes(d, *before, now, squads);
    note_shipped(d, shipped, *before, now, squads);
    note_slipped(d, slips, now, squads);
    note_feedback(d, *before, now, squads);
  }
  note_risks(d, now, squads);
  note_carried(d, r, notes_ws, date, today);
  note_wip(d, now, squads);
  for (const char* k : {"shipped", "started", "slipped", "dropped", "added"}) {
    std::stable_sort(d[k].begin(), d[k].end(), [](const json& a, const json& b) {
      return natural_less(a["id"].get<std::string>(), b["id"].get<std::string>());
    });
  }
  note_goals(d, now, date);
  note_initiatives(d, now);
  note_capacity(d, now, date);
  return d;
}

namespace {

/// The standards section of a ritual note: the rules whose severity or pilot changed since the
/// previous meeting (`standards_changed`, `has_standards` when there is one) and each squad's
/// compliance then and now (squad_compliance, from pops standards by month).
void add_standards_data(json& d, const std::string& root, const Workspace* before, const Workspace& now,
                        const std::optional<Date>& since, Date date)
{
  d["standards_changed"] = json::array();
  d["standards"] = json::array();
  d["has_standards"] = false;
  if (!before) {
    return;
  }
  for (const auto& c : standard_changes(before->config, now.config)) {
    d["standards_changed"].push_back({{"text", markdown_text(standard_change_text(c))}});
  }
  if (d["standards_changed"].empty() || !inside_git_repo(root)) {
    return;
  }
  d["has_standards"] = true;
  Repository repo = Repository::open(root);
  StandardsOptions so;
  so.since = since ? *since : date;
  so.until = date;
  const Standards st = compute_standards(repo, root, repo.prefix_of(root), so);
  if (st.periods.empty()) {
    return;
  }
  for (const auto& sq : st.squads) {
    auto pct = [](const std::optional<double>& v) {
      return v ? fmt::format("{:.0f}%", *v * 100) : std::string("\u2013");
    };
    d["standards"].push_back({{"squad", markdown_text(sq.squad)},
                              {"before", pct(squad_compliance(sq, 0))},
                              {"now", pct(squad_compliance(sq, st.periods.size() - 1))}});
  }
}

}  // namespace

EditPlan plan_ritual_new(const EditSession& s, const std::string& name, std::optional<Date> date_opt, Date today)
{
  const Workspace& ws = s.ws;
  if (!ws.config.loaded) {
    throw OpError("pops.yaml cannot be read; run 'pops check' to see why");
  }
  const Ritual* r = ws.config.ritual(name);
  if (!r) {
    std::vector<std::string> names;
    for (const auto& x : ws.config.rituals) {
      names.push_back(x.name.value);
    }
    throw OpError(fmt::format("unknown ritual {}{}", quote(name), did_you_mean(name, names)),
                  names.empty() ? "declare rituals under rituals: in pops.yaml" : "rituals: " + join(names, ", "));
  }
  if (name.empty() || name.front() == '.' || name.find_first_of("/\\") != std::string::npos) {
    throw OpError(fmt::format("ritual name {} cannot be a folder name under rituals/", quote(name)));
  }
  const Date date = date_opt.value_or(today);
  const std::string path = fmt::format("rituals/{}/{}.md", name, format_date(date));
  std::error_code ec;
  if (s.files.count(path) || fs::exists(fs::symlink_status(fs::path(s.root) / path, ec))) {
    throw OpError(fmt::format("{} exists already; pops never overwrites ritual notes", quote(path)),
                  "edit it, or give another --date");
  }
  // The previous instance: the latest note before `date`, else the cadence's previous date.
  std::optional<Date> since;
  std::string since_text;
  for (const RitualNote* n : ritual_notes(ws, name)) {
    if (n->date.value < date) {
      since = n->date.value;
      since_text = fmt::format("Since the previous {} on {} ({}).", lower(ritual_title(name)),
                               format_date(n->date.value), n->file);
    }
  }
  if (!since) {
    if (auto sched = ritual_schedule(ws, *r, today); sched) {
      if (auto p = previous_before(*sched, date)) {
        since = *p;
        since_text = fmt::format("Since {}, the previous date of its cadence (no earlier notes).", format_date(*p));
      }
    }
  }
  // The two states from git: at the previous instance, and at `date` (the working tree for today or
  // later).
  std::optional<Workspace> before;
  std::optional<Workspace> at_date;
  std::vector<SlipEvent> slips;
  std::vector<ItemFacts> shipped;
  std::string period = since_text;
  if (inside_git_repo(s.root)) {
    Repository repo = Repository::open(s.root);
    const std::string prefix = repo.prefix_of(s.root);
    if (repo.has_commits()) {
      History history(repo, s.root, prefix);
      // Slips as pops metrics counts them, in the commits after the previous instance up to `date`.
      MetricsOptions mo;
      mo.until = date;
      if (since) {
        history.shallow_window(Date{since->days + 1});
      }
      const Metrics m = compute_metrics(history, "HEAD", ws.config, mo);
      slips = slips_of(m, [&](const SlipEvent& e) { return (!since || e.date > *since) && e.date <= date; });
      shipped =
        shipped_in(m, [&](const ItemFacts& f) { return (!since || *f.shipped > *since) && *f.shipped <= date; });
      if (since) {
        if (auto c = history.commit_at("HEAD", *since)) {
          before = load_workspace(s.root, repo.tree_files(c->id, prefix));
        } else {
          before = load_workspace(s.root, {});
          before->config = ws.config;  // nothing existed yet: every item is new
        }
      } else {
        before = load_workspace(s.root, {});
        before->config = ws.config;
        period = "Since the start of the history (no earlier notes, no cadence).";
      }
      if (date < today) {
        if (auto c = history.commit_at("HEAD", date)) {
          at_date = load_workspace(s.root, repo.tree_files(c->id, prefix));
        }
      }
    }
  }
  if (!before) {
    period = "No git history: changes since the previous meeting are not known.";
  }
  const Workspace& now = at_date && at_date->config.loaded ? *at_date : ws;
  json data = ritual_note_data(*r, before ? &*before : nullptr, slips, shipped, now, ws, date, today, period);
  add_standards_data(data, s.root, before ? &*before : nullptr, now, since, date);
  const std::string tname = r->template_name.set ? r->template_name.value : name;
  std::optional<TemplateText> t = find_template(s.root, tname);
  EditPlan plan;
  if (!t) {
    t = builtin_template("sprint-review");
    plan.hints.push_back(fmt::format("no template {} in templates/ or built in; used 'sprint-review'", quote(tname)));
  }
  plan.id = path;
  plan.changes.push_back({path, "", render_template(*t, data), true});
  plan.summary = fmt::format("created {}", path);
  plan.message = fmt::format("{} {}", ritual_title(name), format_date(date));
  return plan;
}

}  // namespace pops
