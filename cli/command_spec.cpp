// The command specs: each command's CLI11 app walked for its subcommands, options and positionals,
// and the values an option takes from its `completes` mark (workspace values), its IsMember choices
// or the shell's files. The completions (complete.cpp) and the man pages (man.cpp) are written from
// them. See command_spec.h.

#include "command_spec.h"

#include "commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace pops::cli {

namespace {

constexpr std::array<std::pair<Values, std::string_view>, 18> k_values = {{
  {Values::items, "items"},
  {Values::initiatives, "initiatives"},
  {Values::items_and_initiatives, "items-and-initiatives"},
  {Values::feedback, "feedback"},
  {Values::squads, "squads"},
  {Values::member_squads, "member-squads"},
  {Values::people, "people"},
  {Values::statuses, "statuses"},
  {Values::horizons, "horizons"},
  {Values::rituals, "rituals"},
  {Values::doc_types, "doc-types"},
  {Values::templates, "templates"},
  {Values::commands, "commands"},
  {Values::files, "files"},
  {Values::dirs, "dirs"},
  {Values::sources, "sources"},
  {Values::refs, "refs"},
  {Values::item_changes, "item-changes"},
}};

constexpr std::string_view k_mark = "pops-completes:";

}  // namespace

std::string_view values_name(Values v)
{
  for (const auto& [k, name] : k_values) {
    if (k == v) {
      return name;
    }
  }
  return "";
}

std::optional<Values> values_from_name(std::string_view name)
{
  for (const auto& [k, n] : k_values) {
    if (n == name) {
      return k;
    }
  }
  return std::nullopt;
}

CLI::Validator completes(Values v)
{
  CLI::Validator mark([](std::string&) { return std::string(); }, "",
                      std::string(k_mark) + std::string(values_name(v)));
  mark.non_modifying();
  return mark;
}

std::optional<Values> completes_what(CLI::Option& opt)
{
  for (const auto& [k, name] : k_values) {
    try {
      if (opt.get_validator(std::string(k_mark) + std::string(name))) {
        return k;
      }
    } catch (const CLI::OptionNotFound&) {
    }
  }
  return std::nullopt;
}

namespace {

/// The choices of an IsMember check, from the option's type name ("TEXT:{text,json}").
std::vector<std::string> choices_of(const CLI::Option& opt)
{
  std::string t = opt.get_type_name();
  auto open = t.find('{');
  auto close = t.rfind('}');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) {
    return out;
  }
  std::string body = t.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (start <= body.size()) {
    size_t comma = body.find(',', start);
    std::string c = body.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!c.empty()) {
      out.push_back(c);
    }
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

}  // namespace

void collect_specs(CLI::App& app, const std::string& path, std::vector<CommandSpec>& out)
{
  CommandSpec spec;
  spec.path = path;
  spec.summary = app.get_description();
  spec.footer = app.get_footer();
  std::string usage = "pops" + (path.empty() ? "" : " " + path);
  for (CLI::Option* opt : app.get_options({})) {
    if (opt->get_group().empty()) {
      continue;  // hidden
    }
    if (opt->get_positional()) {
      CommandSpec::Positional p;
      p.name = opt->get_name(true);
      p.description = opt->get_description();
      p.many = opt->get_items_expected_max() > 1;
      p.required = opt->get_required();
      p.values = completes_what(*opt);
      p.choices = choices_of(*opt);
      spec.positionals.push_back(std::move(p));
      continue;
    }
    OptionSpec o;
    for (const auto& s : opt->get_snames()) {
      o.names.push_back("-" + s);
    }
    for (const auto& l : opt->get_lnames()) {
      o.names.push_back("--" + l);
    }
    if (opt->get_type_size() != 0 && opt->get_expected_max() != 0) {
      std::string text = opt->get_option_text();
      if (text.empty()) {
        text = opt->get_type_name();
        if (auto colon = text.find(':'); colon != std::string::npos) {
          text = text.substr(0, colon);
        }
      }
      o.value = text.empty() ? "VALUE" : text;
    }
    o.description = opt->get_description();
    o.values = completes_what(*opt);
    o.choices = choices_of(*opt);
    spec.options.push_back(std::move(o));
  }
  auto subs = app.get_subcommands([](CLI::App* a) { return !a->get_group().empty(); });
  for (CLI::App* sub : subs) {
    spec.subcommands.push_back(sub->get_name());
  }
  if (!subs.empty()) {
    usage += " <command>";
  }
  if (!spec.options.empty()) {
    usage += " [<options>]";
  }
  for (const auto& p : spec.positionals) {
    std::string n = "<" + p.name + ">" + (p.many ? "..." : "");
    usage += " " + (p.required ? n : "[" + n + "]");
  }
  spec.usage = usage;
  out.push_back(std::move(spec));
  for (CLI::App* sub : subs) {
    collect_specs(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

std::vector<CommandSpec> command_specs()
{
  std::vector<CommandSpec> out;
  CommandSpec root;
  root.summary = "product operations as code";
  root.usage = "pops [-C DIR] [--no-color] [-q] <command> [<args>]";
  root.options = {
    {{"-C"}, "DIR", "Run as if pops was started in DIR", Values::dirs, {}},
    {{"--no-color"}, "", "Never colour the output (also NO_COLOR=1)", std::nullopt, {}},
    {{"-q", "--quiet"}, "", "Print only what was asked for: no summaries or hints", std::nullopt, {}},
    {{"--version"}, "", "Print the version and exit", std::nullopt, {}},
    {{"-h", "--help"}, "", "Print the list of commands and exit", std::nullopt, {}},
  };
  for (const auto& c : commands()) {
    root.subcommands.emplace_back(c.name);
  }
  out.push_back(std::move(root));
  for (const auto& c : commands()) {
    Runner run;
    auto app = make_app(c, run, nullptr);
    collect_specs(*app, std::string(c.name), out);
  }
  return out;
}

}  // namespace pops::cli
