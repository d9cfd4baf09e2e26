// pops roadmap: items by horizon.

#include "commands.h"

#include "roadmap.h"
#include "workspace.h"

#include <nlohmann/json.hpp>

namespace pops::cli {

namespace {

struct RoadmapOpts {
  RoadmapFilter filter;
  std::string format = "table";
};

std::string title_of(const std::string& horizon)
{
  if (horizon.empty()) {
    return "No horizon";
  }
  std::string t = horizon;
  t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

Color status_color(const std::string& s)
{
  if (s == "in-progress") {
    return Color::yellow;
  }
  if (s == "shipped") {
    return Color::green;
  }
  if (s == "dropped") {
    return Color::dim;
  }
  if (s == "planned") {
    return Color::blue;
  }
  return Color::magenta;
}

std::string fit(const std::string& s, size_t width)
{
  if (s.size() <= width) {
    return s + std::string(width - s.size(), ' ');
  }
  return s.substr(0, width > 3 ? width - 3 : width) + "...";
}

std::string md_cell(const std::string& s)
{
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

void print_table(Context& ctx, const std::vector<RoadmapColumn>& cols)
{
  const Term& out = ctx.out;
  const int width = std::max(60, out.is_tty() ? out.width() : 100);
  const size_t title_w = static_cast<size_t>(std::max(20, width - 12 - 13 - 12 - 10 - 12 - 6));
  bool first = true;
  for (const auto& col : cols) {
    if (!first) {
      out.write("\n");
    }
    first = false;
    out.write(out.paint(Color::bold, fmt::format("{} ({})", title_of(col.horizon), col.items.size())) + "\n");
    for (const Item* it : col.items) {
      out.write(fmt::format("  {} {} {} {} {} {}\n", fit(it->id.value, 10), fit(it->title.value, title_w),
                            out.paint(status_color(it->status.value), fit(it->status.value, 12)),
                            fit(it->squad.value, 10), fit(it->owner.value, 10),
                            it->target.set ? format_date(it->target.value) : std::string()));
    }
  }
}

void print_markdown(Context& ctx, const std::vector<RoadmapColumn>& cols)
{
  std::string s;
  for (const auto& col : cols) {
    s += fmt::format("## {}\n\n", title_of(col.horizon));
    if (col.items.empty()) {
      s += "Nothing here yet.\n\n";
      continue;
    }
    s += "| ID | Title | Status | Squad | Owner | Target |\n|---|---|---|---|---|---|\n";
    for (const Item* it : col.items) {
      s += fmt::format("| {} | {} | {} | {} | {} | {} |\n", it->id.value, md_cell(it->title.value),
                       it->status.value, it->squad.value, it->owner.value,
                       it->target.set ? format_date(it->target.value) : "");
    }
    s += "\n";
  }
  ctx.out.write(s);
}

void print_json(Context& ctx, const std::vector<RoadmapColumn>& cols)
{
  nlohmann::ordered_json j;
  j["columns"] = nlohmann::ordered_json::array();
  for (const auto& col : cols) {
    nlohmann::ordered_json c;
    c["horizon"] = col.horizon.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(col.horizon);
    c["items"] = nlohmann::ordered_json::array();
    for (const Item* it : col.items) {
      nlohmann::ordered_json i;
      i["id"] = it->id.value;
      i["title"] = it->title.value;
      i["status"] = it->status.value;
      i["squad"] = it->squad.value;
      i["owner"] = it->owner.set ? nlohmann::ordered_json(it->owner.value) : nlohmann::ordered_json();
      i["target"] = it->target.set ? nlohmann::ordered_json(format_date(it->target.value)) : nlohmann::ordered_json();
      i["file"] = it->file;
      i["line"] = it->loc.line;
      c["items"].push_back(std::move(i));
    }
    j["columns"].push_back(std::move(c));
  }
  ctx.out.write(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

int run_roadmap(Context& ctx, const RoadmapOpts& o)
{
  Workspace ws = load_worktree(ctx.workspace);
  const auto errors = std::count_if(ws.findings.begin(), ws.findings.end(),
                                    [](const Finding& f) { return f.rule == "yaml-syntax"; });
  if (errors > 0 && !ctx.quiet) {
    warning(ctx.err, fmt::format("{} file{} could not be read; run 'pops check' for details", errors,
                                 errors == 1 ? "" : "s"));
  }
  auto cols = roadmap_view(ws, o.filter);
  if (o.format == "json") {
    print_json(ctx, cols);
  } else if (o.format == "markdown") {
    print_markdown(ctx, cols);
  } else {
    print_table(ctx, cols);
  }
  return k_exit_ok;
}

} // namespace

void setup_roadmap(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<RoadmapOpts>();
  app.add_option("--squad", o->filter.squads, "Only these squads (repeatable)");
  app.add_option("--status", o->filter.statuses, "Only these statuses (repeatable)");
  app.add_option("--horizon", o->filter.horizons, "Only these horizons (repeatable)");
  app.add_option("--tag", o->filter.tags, "Only items with one of these tags (repeatable)");
  app.add_option("--owner", o->filter.owners, "Only items owned by these people (repeatable)");
  app.add_flag("--all", o->filter.include_closed, "Include shipped and dropped items");
  app.add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "markdown", "json"}))
    ->default_str("table");
  run = [o](Context& ctx) { return run_roadmap(ctx, *o); };
}

} // namespace pops::cli
