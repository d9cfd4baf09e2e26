// pops show ITEM [--at REV|DATE]: one item, now or as it was, with its links.

#include "commands.h"
#include "json_value.h"
#include "complete.h"

#include "edit/adoption.h"
#include "features/digest.h"
#include "features/metrics.h"
#include "git/git.h"
#include "git/repo.h"
#include "history/history.h"
#include "base/text.h"
#include "workspace/workspace.h"
#include "workspace/goals.h"
#include "workspace/initiatives.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace pops::cli {

namespace {

struct ShowOpts {
  std::string id;
  std::string at;
  std::string format = "text";
};

/// Everything shown about an item, gathered from one state of the workspace.
struct ItemView {
  const Item* item = nullptr;
  std::vector<const Item*> depends_on;    ///< nullptr: not in the workspace
  std::vector<std::string> missing_deps;  ///< ids of depends_on entries with no item
  std::vector<const Item*> dependents;
  std::vector<const Feedback*> feedback;
  std::vector<const Doc*> docs;
  std::vector<SuccessStatus> adoption;                        ///< success targets against usage series
  std::vector<std::optional<KeyResultProgress>> key_results;  ///< per key_results entry; none: unknown
  bool history = false;                                       ///< the git history was read (the fields below are known)
  std::vector<SlipEvent> slips;                               ///< its slips (docs/metrics.md), oldest first
  std::optional<ItemFacts> facts;                             ///< what the history says of it
};

/// Its slips and ship facts from the first-parent history up to `rev` (counted up to `until`), as
/// pops metrics counts them; nothing outside a repository, before the first commit or in a shallow clone.
void read_history(ItemView& v, const std::string& root, const Config& config, const std::string& rev, Date until)
{
  if (!inside_git_repo(root)) {
    return;
  }
  Repository repo = Repository::open(root);
  if (!repo.has_commits() || repo.is_shallow()) {
    return;
  }
  History history(repo, root, repo.prefix_of(root));
  use_history_cache(history, repo);
  MetricsOptions mo;
  mo.until = until;
  const Metrics m = compute_metrics(history, rev, config, mo);
  const std::string& id = v.item->id.value;
  v.history = true;
  if (const ItemFacts* f = facts_of(m, id)) {
    v.facts = *f;
  }
  // Its slips, also those under the ids it had before a move (its track goes on under this one).
  const std::vector<std::string> none;
  const std::vector<std::string>& former = v.facts ? v.facts->former_ids : none;
  v.slips = slips_of(
    m, [&](const SlipEvent& e) { return e.id == id || std::find(former.begin(), former.end(), e.id) != former.end(); });
}

bool lists(const std::vector<LStr>& v, const std::string& id)
{
  return std::any_of(v.begin(), v.end(), [&](const LStr& s) { return s.value == id; });
}

ItemView gather(const Workspace& ws, const Item& it)
{
  ItemView v;
  v.item = &it;
  const std::string& id = it.id.value;
  for (const auto& d : it.depends_on) {
    const Item* dep = ws.item(d.value);
    v.depends_on.push_back(dep);
    if (!dep) {
      v.missing_deps.push_back(d.value);
    }
  }
  for (const auto& other : ws.items) {
    if (&other != &it && lists(other.depends_on, id)) {
      v.dependents.push_back(&other);
    }
  }
  for (const auto& f : ws.feedback) {
    if (lists(f.items, id)) {
      v.feedback.push_back(&f);
    }
  }
  for (const auto& d : ws.docs) {
    if (lists(d.items, id)) {
      v.docs.push_back(&d);
    }
  }
  std::stable_sort(v.dependents.begin(), v.dependents.end(),
                   [](const Item* a, const Item* b) { return natural_less(a->id.value, b->id.value); });
  std::stable_sort(v.feedback.begin(), v.feedback.end(), [](const Feedback* a, const Feedback* b) {
    return a->date.value != b->date.value ? a->date.value < b->date.value : natural_less(a->id.value, b->id.value);
  });
  std::stable_sort(v.docs.begin(), v.docs.end(), [](const Doc* a, const Doc* b) { return a->file < b->file; });
  v.adoption = evaluate_success(ws, it);
  if (!it.key_results.empty()) {
    const auto goals = compute_goals(ws);
    for (const auto& k : it.key_results) {
      std::optional<KeyResultProgress> found;
      for (const auto& o : goals) {
        for (const auto& kr : o.key_results) {
          if (kr.kr->id.value == k.value) {
            found = kr;
          }
        }
      }
      v.key_results.push_back(std::move(found));
    }
  }
  return v;
}

std::string list_of(const std::vector<LStr>& v)
{
  std::vector<std::string> s;
  for (const auto& x : v) {
    s.push_back(x.value);
  }
  return join(s, ", ");
}

std::string one_line(std::string s)
{
  std::replace(s.begin(), s.end(), '\n', ' ');
  while (!s.empty() && s.back() == ' ') {
    s.pop_back();
  }
  return s;
}

/// Indents every line of `text` by `n` spaces.
std::string indented(const std::string& text, int n)
{
  std::string out;
  std::string pad(static_cast<size_t>(n), ' ');
  size_t pos = 0;
  while (pos < text.size()) {
    size_t e = text.find('\n', pos);
    if (e == std::string::npos) {
      e = text.size();
    }
    out += e > pos ? pad + text.substr(pos, e - pos) + "\n" : "\n";
    pos = e + 1;
  }
  return out;
}

/// The updates of an item or an initiative, newest first: "updates:" and one line each.
std::string updates_text(const std::vector<Update>& updates)
{
  if (updates.empty()) {
    return "";
  }
  std::vector<const Update*> order;
  for (const auto& u : updates) {
    order.push_back(&u);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const Update* a, const Update* b) { return a->date.value > b->date.value; });
  std::string s = "\nupdates:\n";
  for (const Update* u : order) {
    s += fmt::format("  {}  {:<9}  {}{}\n", u->date.set ? format_date(u->date.value) : "", u->health.value,
                     one_line(u->note.value), u->author.set ? fmt::format(" ({})", u->author.value) : "");
  }
  return s;
}

void print_text(Context& ctx, const ItemView& v, const std::string& as_of)
{
  const Term& out = ctx.out;
  const Item& it = *v.item;
  std::string s = out.paint(Color::bold, fmt::format("{}  {}", it.id.value, it.title.value)) + "\n";
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) {
      s += fmt::format("  {:<15}{}\n", std::string(name) + ":", value);
    }
  };
  field("status", it.status.value);
  field("squad", it.squad.value);
  field("horizon", it.horizon.value);
  field("owner", it.owner.value);
  field("target", it.target.set ? format_date(it.target.value) : "");
  field("tags", list_of(it.tags));
  field("okr", it.okr.value);
  field("initiative", it.initiative.value);
  if (const Update* u = latest_update(it.updates)) {
    field("health", fmt::format("{} ({})", u->health.value, format_date(u->date.value)));
  }
  for (const auto& [k, val] : it.links) {
    field(("link " + k.value).c_str(), val.value);
  }
  for (const auto& [k, val] : it.fields) {
    field(k.value.c_str(), val.is_scalar() ? val.text : std::string(val.kind_name()));
  }
  field("dropped reason", one_line(it.dropped_reason.value));
  field("moved from", it.moved_from.value);
  field("file", fmt::format("{}:{}", it.file, it.loc.line));
  field("as of", as_of);
  if (it.description.set && !it.description.value.empty()) {
    s += "\n" + indented(it.description.value, 2);
  }
  auto item_line = [&](const Item* x) {
    return fmt::format("  {:<10} {:<12} {}\n", x->id.value, x->status.value, x->title.value);
  };
  if (!it.depends_on.empty()) {
    s += "\ndepends on:\n";
    for (size_t i = 0; i < it.depends_on.size(); ++i) {
      s += v.depends_on[i] ? item_line(v.depends_on[i])
                           : fmt::format("  {:<10} {}\n", it.depends_on[i].value, "(no such item)");
    }
  }
  if (!it.key_results.empty()) {
    s += "\nkey results:\n";
    for (size_t i = 0; i < it.key_results.size(); ++i) {
      const auto& k = v.key_results[i];
      s += k ? fmt::format("  {:<10} {:>4}  {} ({}, {})\n", k->kr->id.value,
                           k->progress ? fmt::format("{}%", number_short(*k->progress * 100, 0)) : "–",
                           k->kr->title.value, k->objective->id.value, k->objective->period.value)
             : fmt::format("  {:<10} {}\n", it.key_results[i].value, "(no such key result)");
    }
  }
  s += updates_text(it.updates);
  if (!v.dependents.empty()) {
    s += "\ndepended on by:\n";
    for (const Item* x : v.dependents) {
      s += item_line(x);
    }
  }
  if (!v.feedback.empty()) {
    s += fmt::format("\nfeedback ({}):\n", v.feedback.size());
    for (const Feedback* f : v.feedback) {
      std::string who = f->customer.value;
      if (f->segment.set) {
        who += who.empty() ? f->segment.value : " (" + f->segment.value + ")";
      }
      const std::string text = f->summary.set ? f->summary.value : "\"" + one_line(f->quote.value) + "\"";
      s += fmt::format("  {:<8} {}  {}: {}\n", f->id.value, f->date.set ? format_date(f->date.value) : "",
                       who.empty() ? f->source.value : who, text);
    }
  }
  if (!v.docs.empty()) {
    s += "\ndocs:\n";
    for (const Doc* d : v.docs) {
      s += fmt::format("  {}  {}  {}\n", d->file, d->status.set ? d->status.value : "(no status)", d->title.value);
    }
  }
  if (!v.adoption.empty()) {
    s += "\nadoption:\n";
    for (const auto& a : v.adoption) {
      const Color c = a.state == TargetState::met       ? Color::green
                      : a.state == TargetState::not_met ? Color::red
                                                        : Color::yellow;
      std::string line = fmt::format("  {:<22} {:<10} {:<8} {}", a.metric, a.target.empty() ? "-" : a.target,
                                     a.value ? a.shown : "-", out.paint(c, std::string(state_name(a.state))));
      if (a.date) {
        line += fmt::format("  on {}", format_date(*a.date));
      }
      if (const std::string t = trend_text(a); !t.empty()) {
        line += fmt::format(", {}", t);
      }
      if (a.series) {
        line += fmt::format("  ({} {})", a.series->source.value, quote(a.series->key.value));
      }
      if (!a.note.empty()) {
        line += fmt::format("  ({})", a.note);
      }
      s += line + "\n";
    }
  }
  if (v.history && (!v.slips.empty() || (v.facts && v.facts->shipped))) {
    s += "\nhistory:\n";
    if (v.facts && v.facts->shipped) {
      const std::string late = lateness_text(v.facts->first_target, v.facts->late_days);
      s += fmt::format("  shipped {}{}\n", format_date(*v.facts->shipped), late.empty() ? "" : ", " + late);
    }
    for (const auto& e : v.slips) {
      s += fmt::format("  {}  slipped {} -> {} (+{} day{}){}\n", format_date(e.date), format_date(e.from),
                       format_date(e.to), e.days, e.days == 1 ? "" : "s", e.id == it.id.value ? "" : " as " + e.id);
    }
  }
  out.write(s);
}

using Json = nlohmann::ordered_json;

Json brief(const Item* x)
{
  return Json{{"id", x->id.value}, {"title", x->title.value}, {"status", x->status.value}, {"squad", x->squad.value}};
}

Json updates_json(const std::vector<Update>& updates)
{
  Json a = Json::array();
  for (const auto& u : updates) {
    a.push_back(Json{{"date", u.date.set ? Json(format_date(u.date.value)) : Json()},
                     {"health", str_or_null(u.health)},
                     {"note", str_or_null(u.note)},
                     {"author", str_or_null(u.author)}});
  }
  return a;
}

Json health_json(const std::vector<Update>& updates)
{
  const Update* u = latest_update(updates);
  return u ? Json{{"health", u->health.value}, {"date", format_date(u->date.value)}, {"note", str_or_null(u->note)}}
           : Json();
}

void print_json(Context& ctx, const ItemView& v, const std::optional<CommitRef>& at, const std::string& at_arg)
{
  const Item& it = *v.item;
  Json j;
  j["id"] = it.id.value;
  j["title"] = it.title.value;
  j["status"] = it.status.value;
  j["squad"] = str_or_null(it.squad);
  j["horizon"] = str_or_null(it.horizon);
  j["owner"] = str_or_null(it.owner);
  j["target"] = it.target.set ? Json(format_date(it.target.value)) : Json();
  j["tags"] = Json::array();
  for (const auto& t : it.tags) {
    j["tags"].push_back(t.value);
  }
  j["okr"] = str_or_null(it.okr);
  j["description"] = str_or_null(it.description);
  j["dropped_reason"] = str_or_null(it.dropped_reason);
  j["moved_from"] = str_or_null(it.moved_from);
  j["initiative"] = str_or_null(it.initiative);
  j["health"] = health_json(it.updates);
  j["updates"] = updates_json(it.updates);
  j["file"] = it.file;
  j["line"] = it.loc.line;
  if (at) {
    j["at"] = Json{{"rev", at_arg}, {"commit", at->id}, {"date", format_date(commit_date(*at))}};
  } else {
    j["at"] = Json();
  }
  j["depends_on"] = Json::array();
  for (size_t i = 0; i < it.depends_on.size(); ++i) {
    j["depends_on"].push_back(
      v.depends_on[i]
        ? brief(v.depends_on[i])
        : Json{{"id", it.depends_on[i].value}, {"title", nullptr}, {"status", nullptr}, {"squad", nullptr}});
  }
  j["dependents"] = Json::array();
  for (const Item* x : v.dependents) {
    j["dependents"].push_back(brief(x));
  }
  j["feedback"] = Json::array();
  for (const Feedback* f : v.feedback) {
    j["feedback"].push_back(Json{{"id", f->id.value},
                                 {"date", f->date.set ? Json(format_date(f->date.value)) : Json()},
                                 {"source", str_or_null(f->source)},
                                 {"customer", str_or_null(f->customer)},
                                 {"summary", str_or_null(f->summary)},
                                 {"quote", str_or_null(f->quote)},
                                 {"file", f->file}});
  }
  j["key_results"] = Json::array();
  for (size_t i = 0; i < it.key_results.size(); ++i) {
    const auto& k = v.key_results[i];
    j["key_results"].push_back(
      k ? Json{{"id", k->kr->id.value},
               {"title", k->kr->title.value},
               {"objective", k->objective->id.value},
               {"period", k->objective->period.value},
               {"progress", k->progress ? Json(std::round(*k->progress * 10000) / 10000) : Json()}}
        : Json{{"id", it.key_results[i].value},
               {"title", nullptr},
               {"objective", nullptr},
               {"period", nullptr},
               {"progress", nullptr}});
  }
  j["docs"] = Json::array();
  for (const Doc* d : v.docs) {
    j["docs"].push_back(Json{{"file", d->file},
                             {"title", str_or_null(d->title)},
                             {"type", str_or_null(d->type)},
                             {"status", str_or_null(d->status)}});
  }
  j["adoption"] = Json::array();
  for (const auto& a : v.adoption) {
    std::string state(state_name(a.state));
    std::replace(state.begin(), state.end(), ' ', '_');
    j["adoption"].push_back(Json{{"metric", a.metric},
                                 {"target", a.target.empty() ? Json() : Json(a.target)},
                                 {"state", a.state == TargetState::unknown_target ? "unknown_target" : state},
                                 {"value", a.value ? Json(*a.value) : Json()},
                                 {"shown", a.value ? Json(a.shown) : Json()},
                                 {"date", a.date ? Json(format_date(*a.date)) : Json()},
                                 {"trend", a.trend ? Json(*a.trend) : Json()},
                                 {"trend_from", a.trend_from ? Json(format_date(*a.trend_from)) : Json()},
                                 {"source", a.series ? Json(a.series->source.value) : Json()},
                                 {"key", a.series ? Json(a.series->key.value) : Json()},
                                 {"note", a.note.empty() ? Json() : Json(a.note)}});
  }
  if (v.history) {
    const ItemFacts* f = v.facts ? &*v.facts : nullptr;
    auto date_or_null = [](const std::optional<Date>& d) { return d ? Json(format_date(*d)) : Json(); };
    Json h;
    h["first_target"] = f ? date_or_null(f->first_target) : Json();
    h["shipped"] = f ? date_or_null(f->shipped) : Json();
    h["late_days"] = f && f->late_days ? Json(*f->late_days) : Json();
    int days = 0;
    h["slips"] = Json::array();
    for (const auto& e : v.slips) {
      days += e.days;
      h["slips"].push_back(Json{{"date", format_date(e.date)},
                                {"commit", e.commit},
                                {"id", e.id},
                                {"from", format_date(e.from)},
                                {"to", format_date(e.to)},
                                {"days", e.days}});
    }
    h["slip_days"] = days;
    j["history"] = h;
  } else {
    j["history"] = Json();
  }
  ctx.out.write_json(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

int show_initiative(Context& ctx, const Workspace& ws, const Initiative& in, const std::string& format)
{
  const InitiativeRollup r = rollup_initiative(ws, in);
  if (format == "json") {
    auto j = initiative_json(r);
    j["description"] = in.description.set ? Json(in.description.value) : Json();
    j["updates"] = updates_json(in.updates);
    ctx.out.write_json(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  std::string s = ctx.out.paint(Color::bold, fmt::format("{}  {}", in.id.value, in.title.value)) + "\n";
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) {
      s += fmt::format("  {:<15}{}\n", std::string(name) + ":", value);
    }
  };
  std::vector<std::string> squads;
  for (const Item* it : r.items) {
    if (std::find(squads.begin(), squads.end(), it->squad.value) == squads.end()) {
      squads.push_back(it->squad.value);
    }
  }
  field("owner", in.owner.value);
  field("squads", join(squads, ", "));
  field("target", in.target.value);
  field("latest item", r.latest_item_target
                         ? fmt::format("{} ({})", format_date(*r.latest_item_target), r.latest_item->id.value)
                         : "");
  field("progress", r.progress.progress
                      ? fmt::format("{}% ({})", number_short(*r.progress.progress * 100, 0), r.progress.explain)
                      : r.progress.explain);
  if (const Update* u = latest_update(in.updates)) {
    field("health", fmt::format("{} ({})", u->health.value, format_date(u->date.value)));
  }
  if (in.description.set && !in.description.value.empty()) {
    s += "\n" + indented(in.description.value, 2);
  }
  s += updates_text(in.updates);
  s += fmt::format("\nitems ({}):\n", r.items.size());
  for (const Item* x : r.items) {
    s += fmt::format("  {:<10} {:<10} {:<12} {}\n", x->id.value, x->squad.value, x->status.value, x->title.value);
  }
  ctx.out.write(s);
  return k_exit_ok;
}

int run_show(Context& ctx, const ShowOpts& o)
{
  ctx.out.fit(Fit::wrap);  // prose: wrapped to a terminal's width
  Workspace ws;
  std::optional<CommitRef> at;
  if (o.at.empty()) {
    ws = load_worktree(ctx.workspace);
  } else {
    Repository repo = Repository::open(ctx.workspace);
    const std::string prefix = repo.prefix_of(ctx.workspace);
    if (auto day = parse_date(o.at)) {
      History history(repo, ctx.workspace, prefix);
      at = history.commit_at("HEAD", *day);
      if (!at) {
        error(ctx.err, fmt::format("no commit on or before {}", o.at));
        return k_exit_usage;
      }
    } else {
      at = repo.commit(o.at);
    }
    ws = load_workspace(ctx.workspace, repo.tree_files(at->id, prefix));
  }
  const Item* it = ws.item(o.id);
  if (!it) {
    if (const Initiative* in = ws.config.initiative(o.id)) {
      return show_initiative(ctx, ws, *in, o.format);
    }
    std::vector<std::string> ids;
    for (const auto& x : ws.items) {
      ids.push_back(x.id.value);
    }
    for (const auto& x : ws.config.initiatives) {
      ids.push_back(x.id.value);
    }
    if (at) {
      error(ctx.err, fmt::format("no item '{}' at {} ({}){}", o.id, at->short_id, format_date(commit_date(*at)),
                                 did_you_mean(o.id, ids)));
    } else {
      error(ctx.err, fmt::format("unknown item '{}'{}", o.id, did_you_mean(o.id, ids)));
    }
    return k_exit_usage;
  }
  ItemView v = gather(ws, *it);
  read_history(v, ctx.workspace, ws.config, at ? at->id : "HEAD", at ? commit_date(*at) : today());
  if (o.format == "json") {
    print_json(ctx, v, at, o.at);
  } else {
    print_text(ctx, v, at ? fmt::format("{} {} {}", at->short_id, format_date(commit_date(*at)), at->summary) : "");
  }
  return k_exit_ok;
}

}  // namespace

void setup_show(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<ShowOpts>();
  app.add_option("item", o->id, "The item, e.g. PAY-3, or an initiative")
    ->required()
    ->option_text("ITEM|INITIATIVE")
    ->check(completes(Values::items_and_initiatives));
  app
    .add_option("--at", o->at,
                "Show the item as it was in this revision, or at this date (the last "
                "commit on or before it, by committer date)")
    ->option_text("REV|DATE")
    ->check(completes(Values::refs));
  app.add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  app.footer("Shows the item's fields, the items it depends on and those that depend on it with their\n"
             "statuses, the feedback and the docs that list it; in a git repository, its slips and how late\n"
             "it shipped against its first committed target (docs/metrics.md); its initiative, latest health\n"
             "and updates. For an initiative of pops.yaml: its roll-up (items across squads, progress, latest\n"
             "item target, updates). Exit status: 0, 2 for an unknown item (with a suggestion) or revision.");
  run = [o](Context& ctx) { return run_show(ctx, *o); };
}

}  // namespace pops::cli
