// pops adoption import|list: usage series from Amplitude and Pendo exports (metrics/adoption.yaml),
// and the items they measure.

#include "commands.h"
#include "csv_file.h"
#include "edit_runner.h"
#include "complete.h"

#include "edit/adoption.h"
#include "edit/ops.h"
#include "base/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace pops::cli {

namespace {

struct AdoptionOpts {
  EditOptions edit;
  AdoptionImportOptions imp;
  std::string csv_path;
  std::string item;
  std::string format = "table";
};

int run_import(Context& ctx, AdoptionOpts& o)
{
  o.imp.file = o.csv_path;
  const std::string bytes = read_csv_file(ctx, o.csv_path);
  auto result = std::make_shared<AdoptionImportResult>();
  const int rc = run_edit(ctx, o.edit, false, false, [&](const EditSession& s, const UsedIds&) {
    *result = plan_adoption_import(s, bytes, o.imp);
    for (const auto& e : result->read.errors) {
      error(ctx.err, printable(fmt::format("{}:{}: {}", o.csv_path, e.line, e.message)));
    }
    return result->plan;
  });
  const auto& errors = result->read.errors;
  if (!errors.empty()) {
    if (!ctx.quiet) {
      ctx.err.write(fmt::format("{} of {} row{} could not be imported and {} skipped\n", errors.size(),
                                result->read.rows, result->read.rows == 1 ? "" : "s",
                                errors.size() == 1 ? "was" : "were"));
    }
    return std::max(rc, k_exit_findings);
  }
  return rc;
}

using Json = nlohmann::ordered_json;

int run_list(Context& ctx, const AdoptionOpts& o)
{
  const Workspace ws = load_worktree(ctx.workspace);
  const Item* only = nullptr;
  if (!o.item.empty()) {
    only = ws.item(o.item);
    if (!only) {
      std::vector<std::string> ids;
      for (const auto& x : ws.items) {
        ids.push_back(x.id.value);
      }
      error(ctx.err, fmt::format("unknown item '{}'{}", printable(o.item), did_you_mean(o.item, ids)));
      return k_exit_usage;
    }
  }
  std::vector<const Series*> shown = only ? series_of_item(ws, *only) : std::vector<const Series*>{};
  if (!only) {
    for (const auto& s : ws.series) {
      shown.push_back(&s);
    }
  }
  auto items_of = [&](const Series& s) {
    std::vector<std::string> ids;
    for (const auto& it : ws.items) {
      for (const auto& [tool, value] : it.links) {
        if (tool.value == s.source.value && value.value == s.key.value) {
          ids.push_back(it.id.value);
          break;
        }
      }
    }
    return ids;
  };
  auto latest = [](const Series& s) -> const SeriesPoint* {
    const SeriesPoint* l = nullptr;
    for (const auto& p : s.points) {
      if (!l || p.date.value >= l->date.value) {
        l = &p;
      }
    }
    return l;
  };
  if (o.format == "json") {
    Json arr = Json::array();
    for (const Series* s : shown) {
      Json pts = Json::array();
      for (const auto& p : s->points) {
        pts.push_back(Json{{"date", format_date(p.date.value)}, {"value", p.value.value}});
      }
      arr.push_back(Json{{"source", s->source.value},
                         {"key", s->key.value},
                         {"metric", s->metric.set ? Json(s->metric.value) : Json()},
                         {"unit", s->unit.set ? Json(s->unit.value) : Json()},
                         {"file", s->file},
                         {"line", s->loc.line},
                         {"items", items_of(*s)},
                         {"points", pts}});
    }
    ctx.out.write_json(arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  std::string out;
  if (!shown.empty()) {
    out += fmt::format("{:<10} {:<28} {:<14} {:>6}  {:<10} {:>10}  {}\n", "source", "key", "metric", "points", "latest",
                       "value", "items");
  }
  for (const Series* s : shown) {
    const SeriesPoint* l = latest(*s);
    const auto ids = items_of(*s);
    out += fmt::format("{:<10} {:<28} {:<14} {:>6}  {:<10} {:>10}  {}\n", printable(s->source.value),
                       printable(s->key.value), printable(s->metric.value), s->points.size(),
                       l ? format_date(l->date.value) : "-", l ? format_usage(l->value.value, s->unit.value) : "-",
                       ids.empty() ? "(none)" : join(ids, ", "));
  }
  ctx.out.write(out);
  if (shown.empty() && !ctx.quiet) {
    ctx.err.write(only ? fmt::format("no series linked to {}\n", only->id.value)
                       : std::string("no usage series; import one with 'pops adoption import FILE.csv --from "
                                     "amplitude|pendo'\n"));
  }
  return k_exit_ok;
}

}  // namespace

void setup_adoption(CLI::App& app, Runner& run)
{
  use_full_help(app);
  auto o = std::make_shared<AdoptionOpts>();
  app.require_subcommand(1);

  CLI::App* imp = app.add_subcommand("import", "Import usage series from an Amplitude or Pendo CSV export into "
                                               "metrics/adoption.yaml; a re-import updates it in place");
  imp->add_option("file", o->csv_path, "The CSV export (RFC 4180; UTF-8, a BOM and CRLF are fine)")->required();
  imp->add_option("--from", o->imp.from, "The tool that wrote the export")
    ->required()
    ->check(CLI::IsMember({"amplitude", "pendo"}))
    ->option_text("amplitude|pendo");
  imp
    ->add_option("--metric", o->imp.metric,
                 "Name of the imported series' metric (default: Amplitude's measure, "
                 "or the Pendo column in lowercase)")
    ->option_text("NAME");
  imp
    ->add_option("--value", o->imp.values,
                 "Pendo: import this column (repeat; default Visitors, Accounts, Views, "
                 "Events, Clicks and Minutes where present)")
    ->allow_extra_args(false)
    ->option_text("COLUMN");
  imp->add_option("--to", o->imp.to, "The metrics file to write")
    ->default_str("metrics/adoption.yaml")
    ->option_text("FILE");
  add_edit_options(*imp, o->edit);

  CLI::App* list = app.add_subcommand("list", "List the usage series: latest value and the items linked to each");
  list->add_option("--item", o->item, "Only the series linked to this item")
    ->option_text("ID")
    ->check(completes(Values::items));
  list->add_option("--format", o->format, "Output format")
    ->check(CLI::IsMember({"table", "json"}))
    ->default_str("table");

  app.footer("Items link to a series with links.amplitude or links.pendo (its key); their success targets\n"
             "are shown by 'pops show' and 'pops report'. Exit status: 0 done, 1 rows left out or the\n"
             "change refused because of check findings, 2 usage error or pops could not run.");

  run = [o, imp](Context& ctx) {
    if (imp->parsed()) {
      return run_import(ctx, *o);
    }
    return run_list(ctx, *o);
  };
}

}  // namespace pops::cli
