// pops init [DIR] [--product NAME] [--squad ID:PREFIX[,FIELD=V...] ...] [--person ID[,FIELD=V...] ...] [--sample]

#include "commands.h"
#include "complete.h"

#include "features/init.h"
#include "features/editor_schemas.h"
#include "base/text.h"

namespace pops::cli {

namespace {

struct InitOpts {
  std::string dir = ".";
  std::string product;
  std::vector<std::string> squads;
  std::vector<std::string> people;
  bool sample = false;
};

int run_init(Context& ctx, const InitOpts& o)
{
  InitOptions opts;
  opts.dir = o.dir;
  opts.product = o.product;
  opts.sample = o.sample;
  opts.today = today();
  if (o.sample && (!o.product.empty() || !o.squads.empty() || !o.people.empty())) {
    error(ctx.err, "--sample writes its own product, squads and people; drop --product, --squad and --person");
    return k_exit_usage;
  }
  try {
    for (const auto& s : o.squads) {
      opts.squads.push_back(parse_init_squad(s));
    }
    for (const auto& p : o.people) {
      opts.people.push_back(parse_init_person(p));
    }
    check_init_org(opts.squads, opts.people);
  } catch (const std::invalid_argument& e) {
    error(ctx.err, e.what());
    return k_exit_usage;
  }
  InitResult r;
  try {
    r = init_workspace(opts);
  } catch (const std::runtime_error& e) {
    error(ctx.err, e.what());
    return k_exit_usage;
  }
  for (const auto& k : r.kept) {
    warning(ctx.err, fmt::format("kept the existing '{}' (pops init never overwrites a file)", printable(k)));
  }
  if (!r.editor_settings_problem.empty()) {
    warning(ctx.err, fmt::format("left {} alone: {}", k_vscode_settings, r.editor_settings_problem));
    hint(ctx.err, fmt::format("add these settings to it by hand:\n{}", vscode_schema_entries()));
  }
  if (ctx.quiet) {
    return k_exit_ok;
  }
  // What was written is a summary: standard error, as for every write.
  if (o.sample) {
    ctx.err.write(fmt::format("wrote the sample organization to '{}' ({} files)\n", o.dir, r.written.size()));
    if (r.commits > 0) {
      ctx.err.write(fmt::format("created a git repository with {} commits of roadmap history\n", r.commits));
    } else {
      ctx.err.write("the folder is inside a git repository: wrote the files without history\n");
    }
  } else {
    ctx.err.write(fmt::format("initialized a pops workspace in '{}'\n", o.dir));
    if (r.git_initialized) {
      ctx.err.write("created a git repository (branch main)\n");
    }
  }
  if (r.editor_settings_problem.empty()) {
    ctx.err.write(fmt::format("wired VS Code: {} maps the JSON Schemas in {}/ (refresh: pops schema --vscode)\n",
                              k_vscode_settings, k_editor_schema_dir));
  }
  hint(ctx.err, fmt::format("next: 'pops -C {} check', then 'pops -C {} roadmap'", o.dir, o.dir));
  return k_exit_ok;
}

}  // namespace

void setup_init(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<InitOpts>();
  app.add_option("dir", o->dir, "Folder of the new workspace (created when missing)")
    ->default_str(".")
    ->check(completes(Values::dirs));
  app.add_option("--product", o->product, "Product name (default: the folder's name)");
  app
    .add_option("--squad", o->squads,
                "A squad as ID:PREFIX[,name=NAME,lead=PERSON,wip_limit=N,capacity=N|capacity.2027-Q1=N], e.g. "
                "payments:PAY,lead=alice (repeatable)")
    ->take_all();
  app
    .add_option("--person", o->people,
                "A person as ID[,name=NAME,email=EMAIL,role=ROLE,squad=SQUAD], e.g. "
                "alice,name=Alice Park,squad=payments (repeatable)")
    ->take_all();
  app.add_flag("--sample", o->sample, "Write the sample organization Acme Cloud, with a quarter of git history");
  run = [o](Context& ctx) { return run_init(ctx, *o); };
}

}  // namespace pops::cli
