// pops customer list|show|add|set|merge: the customer records of customers.yaml, their feedback and
// the items it asks for.

#include "commands.h"
#include "edit_runner.h"
#include "text_table.h"
#include "complete.h"

#include "base/text.h"
#include "edit/customers.h"
#include "features/customers.h"
#include "workspace/customers.h"
#include "workspace/workspace.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>

namespace pops::cli {

namespace {

nlohmann::ordered_json customer_arr_json(const std::optional<double>& a)
{
  return a ? nlohmann::ordered_json(*a) : nlohmann::ordered_json(nullptr);
}

std::string customer_arr_cell(const std::optional<double>& a)
{
  return a ? number_exact(*a) : std::string("-");
}

struct CustomerOpts {
  EditOptions edit;
  CustomerSpec spec;
  std::string format = "text";
  std::string name, from;
};

int list_customers(Context& ctx, const std::string& format)
{
  const Workspace ws = load_worktree(ctx.workspace);
  const auto all = customer_summaries(ws);
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& c : all) {
      list.push_back(
        {{"name", c.name},
         {"segment", c.segment.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.segment)},
         {"arr", customer_arr_json(c.arr)},
         {"feedback", c.feedback.size()},
         {"items", c.items}});
    }
    ctx.out.write_json(nlohmann::ordered_json{{"customers", list}}.dump(2) + "\n");
    return k_exit_ok;
  }
  std::vector<std::vector<std::string>> rows{{"CUSTOMER", "SEGMENT", "ARR", "FEEDBACK", "ITEMS"}};
  for (const auto& c : all) {
    rows.push_back({printable(c.name) + (c.record ? "" : " (no record)"), printable(c.segment),
                    customer_arr_cell(c.arr), std::to_string(c.feedback.size()), printable(join(c.items, ", "))});
  }
  ctx.out.write(aligned_rows(rows));
  return k_exit_ok;
}

int show_customer(Context& ctx, const std::string& name, const std::string& format)
{
  const Workspace ws = load_worktree(ctx.workspace);
  const auto all = customer_summaries(ws);
  const Customer* rec = find_customer(ws, name);
  const CustomerSummary* found = nullptr;
  std::vector<std::string> names;
  for (const auto& c : all) {
    names.push_back(c.name);
    if ((rec && c.record == rec) || (!rec && !c.record && lower(trim(c.name)) == lower(trim(name)))) {
      found = &c;
    }
  }
  if (!found) {
    error(ctx.err, fmt::format("unknown customer '{}'{}", printable(name), did_you_mean(name, names)));
    return k_exit_usage;
  }
  const CustomerSummary& c = *found;
  if (format == "json") {
    nlohmann::ordered_json fb = nlohmann::ordered_json::array();
    for (const Feedback* f : c.feedback) {
      std::vector<std::string> items;
      for (const auto& i : f->items) {
        items.push_back(i.value);
      }
      fb.push_back(
        {{"id", f->id.value},
         {"date", f->date.set ? nlohmann::ordered_json(format_date(f->date.value)) : nlohmann::ordered_json(nullptr)},
         {"customer", f->customer.value},
         {"text", f->summary.set ? f->summary.value : f->quote.value},
         {"items", items}});
    }
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const auto& id : c.items) {
      const Item* it = ws.item(id);
      items.push_back({{"id", id},
                       {"title", it ? nlohmann::ordered_json(it->title.value) : nlohmann::ordered_json(nullptr)},
                       {"status", it ? nlohmann::ordered_json(it->status.value) : nlohmann::ordered_json(nullptr)}});
    }
    std::vector<std::string> aliases;
    if (c.record) {
      for (const auto& a : c.record->aliases) {
        aliases.push_back(a.value);
      }
    }
    auto opt = [](const Customer* r, const LStr Customer::*m) {
      return r && (r->*m).set ? nlohmann::ordered_json((r->*m).value) : nlohmann::ordered_json(nullptr);
    };
    nlohmann::ordered_json j = {
      {"name", c.name},
      {"record", c.record != nullptr},
      {"aliases", aliases},
      {"segment", c.segment.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.segment)},
      {"arr", customer_arr_json(c.arr)},
      {"arr_from", c.arr ? nlohmann::ordered_json(c.arr_from) : nlohmann::ordered_json(nullptr)},
      {"owner", opt(c.record, &Customer::owner)},
      {"salesforce", opt(c.record, &Customer::salesforce)},
      {"hubspot", opt(c.record, &Customer::hubspot)},
      {"feedback", fb},
      {"items", items}};
    ctx.out.write_json(j.dump(2) + "\n");
    return k_exit_ok;
  }
  std::string out = printable(c.name) + (c.record ? "" : " (no record in customers.yaml)") + "\n";
  auto line = [&](std::string_view key, const std::string& v) {
    if (!v.empty()) {
      out += fmt::format("  {:<11} {}\n", std::string(key) + ":", printable(v));
    }
  };
  if (c.record) {
    std::vector<std::string> aliases;
    for (const auto& a : c.record->aliases) {
      aliases.push_back(a.value);
    }
    line("aliases", join(aliases, ", "));
  }
  line("segment", c.segment);
  line("arr", c.arr ? fmt::format("{} (from {})", number_exact(*c.arr), c.arr_from) : "");
  if (c.record) {
    line("arr date", c.record->arr_date.set ? format_date(c.record->arr_date.value) : "");
    line("owner", c.record->owner.value);
    line("salesforce", c.record->salesforce.value);
    line("hubspot", c.record->hubspot.value);
  }
  out += fmt::format("\nFeedback ({}):\n", c.feedback.size());
  for (const Feedback* f : c.feedback) {
    std::vector<std::string> items;
    for (const auto& i : f->items) {
      items.push_back(i.value);
    }
    out += fmt::format("  {}  {}  {}{}\n", printable(f->id.value), f->date.set ? format_date(f->date.value) : "",
                       cell_text(f->summary.set ? f->summary.value : f->quote.value, 60),
                       items.empty() ? std::string(" (unlinked)") : " -> " + printable(join(items, ", ")));
  }
  out += fmt::format("\nItems asked for ({}):\n", c.items.size());
  for (const auto& id : c.items) {
    const Item* it = ws.item(id);
    out += fmt::format("  {}  {}{}\n", printable(id), it ? printable(it->title.value) : std::string("(unknown item)"),
                       it ? " [" + printable(it->status.value) + "]" : std::string());
  }
  ctx.out.write(out);
  return k_exit_ok;
}

}  // namespace

void setup_customer(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<CustomerOpts>();
  auto mode = std::make_shared<std::string>();
  auto field = [](CLI::App& sub, const std::string& name, std::optional<std::string>& f, const std::string& desc) {
    sub.add_option_function<std::string>(
      name, [&f](const std::string& v) { f = v; }, desc);
  };
  auto fields = [o, field](CLI::App& sub) {
    sub.add_option("--alias", o->spec.aliases, "Another name feedback uses for it (repeatable)");
    field(sub, "--segment", o->spec.segment, "Segment, e.g. enterprise, mid-market, smb");
    field(sub, "--arr", o->spec.arr, "Annual recurring revenue: 80000, 80k, 1.2M or $80,000");
    field(sub, "--arr-date", o->spec.arr_date, "The date the ARR is of (YYYY-MM-DD)");
    field(sub, "--owner", o->spec.owner, "Account manager (a person id)");
    field(sub, "--salesforce", o->spec.salesforce, "Salesforce account id");
    field(sub, "--hubspot", o->spec.hubspot, "HubSpot company id");
  };
  CLI::App* list = app.add_subcommand("list", "List the customers: records and names used in feedback");
  list->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  list->callback([mode] { *mode = "list"; });
  CLI::App* show = app.add_subcommand("show", "Show a customer: its record, feedback and the items it asks for");
  show->add_option("customer", o->name, "Customer name or alias")->required();
  show->add_option("--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  show->callback([mode] { *mode = "show"; });
  CLI::App* add = app.add_subcommand("add", "Add a customer record to customers.yaml");
  add->add_option("customer", o->spec.name, "Customer name, e.g. Globex")->required();
  fields(*add);
  add_edit_options(*add, o->edit);
  add->callback([mode] { *mode = "add"; });
  CLI::App* set = app.add_subcommand("set", "Change a customer record (an empty value removes a field)");
  set->add_option("customer", o->spec.name, "Customer name or alias")->required();
  fields(*set);
  add_edit_options(*set, o->edit);
  set->callback([mode] { *mode = "set"; });
  CLI::App* merge = app.add_subcommand("merge", "Merge customer B into A: feedback naming B names A, B an alias of A");
  merge->add_option("a", o->name, "The customer to keep")->required();
  merge->add_option("b", o->from, "The customer merged into it")->required();
  add_edit_options(*merge, o->edit);
  merge->callback([mode] { *mode = "merge"; });
  app.require_subcommand(1);
  use_full_help(app);
  app.footer("Edits customers.yaml (and feedback, with merge) with minimal edits, checked like every write.\n"
             "Exit status: 0 done, 1 refused because of check findings, 2 usage error or pops could not run.");
  run = [o, mode](Context& ctx) {
    if (*mode == "list") {
      return list_customers(ctx, o->format);
    }
    if (*mode == "show") {
      return show_customer(ctx, o->name, o->format);
    }
    const std::string m = *mode;
    return run_edit(ctx, o->edit, false, false, [o, m](const EditSession& s, const UsedIds&) {
      if (m == "add") {
        return plan_customer_add(s, o->spec);
      }
      if (m == "set") {
        return plan_customer_set(s, o->spec);
      }
      return plan_customer_merge(s, o->name, o->from);
    });
  };
}

}  // namespace pops::cli
