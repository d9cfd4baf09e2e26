// The figures of pops metrics and pops report: the options read, the history replayed (a progress
// bar on a terminal), the metrics computed. See metrics_runner.h.

#include "metrics_runner.h"

#include "commands.h"

#include "workspace/filters.h"
#include "git/git.h"
#include "history/history.h"
#include "features/metrics.h"
#include "features/metrics_rollup.h"
#include "workspace/portfolio.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <fstream>
#include <sstream>

namespace pops::cli {

namespace {

/// A progress bar on stderr while a long history is replayed: only on a terminal and without --quiet,
/// only when the walk has many commits, redrawn at most ten times a second, erased at the end.
class ProgressBar {
public:
  ProgressBar(const Term& err, bool quiet) : m_err(err), m_off(quiet || !err.is_tty()) {}
  ~ProgressBar()
  {
    if (m_shown) {
      m_err.clear_progress();
    }
  }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void operator()(std::size_t done, std::size_t total)
  {
    constexpr std::size_t k_long = 200;
    if (m_off || total < k_long) {
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_shown && done < total && now - m_last < std::chrono::milliseconds(100)) {
      return;
    }
    m_last = now;
    m_shown = true;
    const int width = 30;
    const auto filled = static_cast<int>(width * done / total);
    m_err.progress(fmt::format("reading history [{}{}] {}/{} commits", std::string(static_cast<size_t>(filled), '#'),
                               std::string(static_cast<size_t>(width - filled), ' '), done, total));
  }

private:
  const Term& m_err;
  bool m_off;
  bool m_shown = false;
  std::chrono::steady_clock::time_point m_last{};
};

Config workspace_config(const std::string& root)
{
  std::ifstream in(root + "/pops.yaml", std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  Workspace ws = load_workspace(root, {SourceFile{"pops.yaml", ss.str()}}, 1);
  return ws.config;
}

}  // namespace

int metrics_for(Context& ctx, const std::vector<std::string>& squads, const std::string& period,
                const std::string& since, const std::string& until, bool author_date, Metrics& out, bool no_cache,
                const std::string& member)
{
  MetricsOptions opts;
  opts.period = period == "quarter" ? PeriodKind::quarter : PeriodKind::month;
  std::optional<Date> u;
  if (!parse_date_option(ctx, since, "--since", opts.since) || !parse_date_option(ctx, until, "--until", u)) {
    return k_exit_usage;
  }
  opts.until = u ? *u : today();
  if (opts.since && *opts.since > opts.until) {
    error(ctx.err, fmt::format("--since {} is after --until {}", format_date(*opts.since), format_date(opts.until)));
    return k_exit_usage;
  }
  opts.author_date = author_date;
  opts.squads = squads;
  const Config config = workspace_config(ctx.workspace);
  Repository repo = Repository::open(ctx.workspace);
  History history(repo, ctx.workspace, repo.prefix_of(ctx.workspace));
  use_history_cache(history, repo, no_cache);
  // The first period's figures start from the state the day before it (in a shallow clone, only a
  // window starting after its oldest commit can be measured).
  if (opts.since) {
    history.shallow_window(period_start(opts.period, *opts.since));
  }
  {
    ProgressBar bar(ctx.err, ctx.quiet);
    out = compute_metrics(history, "HEAD", config, opts, std::ref(bar));
  }
  if (history.truncated() && history.oldest_day()) {
    // Items already there in the clone's oldest commit have no first-seen day (the replay leaves it
    // unknown), and their start is unknown too: they may have been in progress before the boundary,
    // then back to planned. One shipped in the periods needs that history for its cycle and lead
    // time (exit 2, as for any history before the boundary); for the others the dates stay unknown.
    const Date oldest = *history.oldest_day();
    for (auto& f : out.items) {
      if (f.first_seen) {
        continue;
      }
      if (f.shipped && out.since && *f.shipped >= *out.since) {
        error(ctx.err, ShallowHistory(repo.shallow_depth()).what());
        hint(ctx.err, fmt::format("{} shipped on {} and was there already in the clone's oldest commit ({}): its cycle "
                                  "time needs the history before it",
                                  f.id, format_date(*f.shipped), format_date(oldest)));
        return k_exit_usage;
      }
      f.started.reset();
      f.cycle_days.reset();
    }
  }
  note_shallow(ctx, repo, &history);
  // The squads measured: those of pops.yaml and those items belonged to in the history.
  std::vector<std::string> known = out.squads;
  for (const auto& sq : config.squads) {
    if (std::find(known.begin(), known.end(), sq.id.value) == known.end()) {
      known.push_back(sq.id.value);
    }
  }
  // In a portfolio's member, the squads are named as the portfolio names them (acme/payments).
  auto named = [&member](std::vector<std::string> v) {
    if (!member.empty()) {
      for (auto& s : v) {
        s = qualified_id(member, s);
      }
    }
    return v;
  };
  if (std::string msg = unknown_value(named(squads), named(known), "squad"); !msg.empty()) {
    error(ctx.err, msg);
    return k_exit_usage;
  }
  return k_exit_ok;
}

bool portfolio_squads(Context& ctx, const std::vector<Member>& members, const std::vector<std::string>& wanted,
                      std::vector<std::vector<std::string>>& kept)
{
  kept.assign(members.size(), {});
  std::vector<std::string> known;  // every member's squads, qualified, then the bare ones
  std::vector<std::string> bare;
  for (const auto& m : members) {
    for (const auto& sq : m.ws.config.squads) {
      known.push_back(qualified_id(m.name, sq.id.value));
      if (std::find(bare.begin(), bare.end(), sq.id.value) == bare.end()) {
        bare.push_back(sq.id.value);
      }
    }
  }
  auto add = [&kept](size_t i, const std::string& squad) {
    if (std::find(kept[i].begin(), kept[i].end(), squad) == kept[i].end()) {
      kept[i].push_back(squad);
    }
  };
  for (const auto& w : wanted) {
    if (const auto slash = w.find('/'); slash != std::string::npos) {
      const std::string member = w.substr(0, slash);
      const auto it = std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.name == member; });
      if (it == members.end() || slash + 1 == w.size()) {
        error(ctx.err, unknown_value({w}, known, "squad"));
        return false;
      }
      add(static_cast<size_t>(it - members.begin()), w.substr(slash + 1));
      continue;
    }
    std::vector<size_t> holders;
    for (size_t i = 0; i < members.size(); ++i) {
      const auto& sqs = members[i].ws.config.squads;
      if (std::any_of(sqs.begin(), sqs.end(), [&](const Squad& s) { return s.id.value == w; })) {
        holders.push_back(i);
      }
    }
    if (holders.empty()) {
      // The nearest bare name when one is near, else the squads as they can be named.
      std::string msg = unknown_value({w}, bare, "squad");
      error(ctx.err, msg.find("did you mean") != std::string::npos ? msg : unknown_value({w}, known, "squad"));
      return false;
    }
    if (holders.size() > 1) {
      std::vector<std::string> which;
      for (size_t i : holders) {
        which.push_back(qualified_id(members[i].name, w));
      }
      error(ctx.err, fmt::format("squad '{}' is in {} members: {}; name it with its member", printable(w),
                                 holders.size(), join(which, ", ")));
      return false;
    }
    add(holders.front(), w);
  }
  return true;
}

int portfolio_metrics_for(Context& ctx, const std::vector<Member>& members, const std::string& period,
                          const std::string& since, const std::string& until, bool author_date, Metrics& out,
                          bool no_cache, const std::vector<std::string>& squads)
{
  std::vector<std::vector<std::string>> kept(members.size());
  if (!squads.empty() && !portfolio_squads(ctx, members, squads, kept)) {
    return k_exit_usage;
  }
  std::vector<MemberMetrics> all;
  const std::string portfolio_root = ctx.workspace;
  for (size_t i = 0; i < members.size(); ++i) {
    const Member& m = members[i];
    if (!squads.empty() && kept[i].empty()) {
      continue;  // none of its squads asked for
    }
    const std::string name = m.name.empty() ? std::string(".") : m.name;
    Metrics one;
    int rc = k_exit_ok;
    ctx.workspace = m.root;  // metrics_for measures the workspace of ctx: the member's, in its own repository
    try {
      rc = metrics_for(ctx, kept[i], period, since, until, author_date, one, no_cache, m.name);
    } catch (const std::runtime_error& e) {
      ctx.workspace = portfolio_root;
      throw std::runtime_error(fmt::format("member '{}' ({}): {}", name, m.path, e.what()));
    }
    ctx.workspace = portfolio_root;
    if (rc != k_exit_ok) {
      hint(ctx.err, fmt::format("that is in member '{}' ({})", name, m.path));
      return rc;
    }
    all.push_back(MemberMetrics{m.name, std::move(one)});
  }
  out = rollup_metrics(all);
  if (!squads.empty()) {
    // As in a workspace, --squad keeps only the squads' rows: neither the portfolio's nor the members'.
    std::erase_if(out.rows, [](const PeriodMetrics& r) { return r.squad.empty(); });
  }
  return k_exit_ok;
}

}  // namespace pops::cli
