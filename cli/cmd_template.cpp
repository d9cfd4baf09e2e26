// pops template list|show: the templates pops writes documents and ritual notes from.

#include "commands.h"
#include "complete.h"

#include "features/template.h"
#include "base/text.h"

#include <nlohmann/json.hpp>

namespace pops::cli {

namespace {

struct TemplateOpts {
  std::string name;
  std::string format = "text";
};

std::string source_of(const TemplateInfo& t)
{
  if (t.workspace && t.builtin) {
    return "workspace (overrides built-in)";
  }
  return t.workspace ? "workspace" : "built-in";
}

int run_list(Context& ctx, const TemplateOpts& o)
{
  const auto all = list_templates(ctx.workspace);
  if (o.format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& t : all) {
      j.push_back({{"name", t.name},
                   {"source", t.workspace ? "workspace" : "built-in"},
                   {"builtin", t.builtin},
                   {"workspace", t.workspace},
                   {"path", t.workspace ? "templates/" + t.name + ".md" : std::string()},
                   {"summary", t.summary}});
    }
    ctx.out.write_json(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    return k_exit_ok;
  }
  size_t w = 8;
  for (const auto& t : all) {
    w = std::max(w, t.name.size());
  }
  for (const auto& t : all) {
    ctx.out.write(fmt::format("{:<{}}  {:<30}  {}\n", t.name, w, source_of(t), printable(t.summary)));
  }
  return k_exit_ok;
}

int run_show(Context& ctx, const TemplateOpts& o)
{
  ctx.out.fit(Fit::wrap);  // prose: wrapped to a terminal's width
  auto t = find_template(ctx.workspace, o.name);
  if (!t) {
    error(ctx.err,
          fmt::format("no template '{}'{}", printable(o.name), did_you_mean(o.name, template_names(ctx.workspace))));
    hint(ctx.err, "'pops template list' shows them all");
    return k_exit_usage;
  }
  if (!ctx.quiet) {
    ctx.err.write(fmt::format("# {}: {}\n", t->name, t->workspace ? t->origin : "built-in"));
  }
  ctx.out.write(t->text);
  return k_exit_ok;
}

}  // namespace

void setup_template(CLI::App& app, Runner& run)
{
  use_full_help(app);
  app.require_subcommand(1);
  auto o = std::make_shared<TemplateOpts>();
  CLI::App* list = app.add_subcommand("list", "List the templates: built-in, or the workspace's own (which wins)");
  list->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  CLI::App* show = app.add_subcommand("show", "Print a template as pops uses it (the workspace's, else built-in)");
  show->add_option("name", o->name, "Template name, e.g. prd")->required()->check(completes(Values::templates));
  app.footer("A workspace's templates/NAME.md overrides the built-in template NAME. Templates are Mustache;\n"
             "see docs/commands.md for the values each command passes.");
  run = [o, list](Context& ctx) { return list->parsed() ? run_list(ctx, *o) : run_show(ctx, *o); };
}

}  // namespace pops::cli
