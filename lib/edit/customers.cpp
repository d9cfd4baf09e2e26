// Customer records as minimal edits of customers.yaml, and merging two customers' feedback. See
// customers.h.

#include "edit/customers.h"

#include "base/date.h"
#include "base/money.h"
#include "base/text.h"
#include "workspace/customers.h"
#include "workspace/config.h"
#include "workspace/schema.h"
#include "yaml/edit.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace pops {

namespace {

constexpr std::string_view k_file = "customers.yaml";
constexpr std::array<std::string_view, 8> k_order = {"name",     "aliases", "segment",    "arr",
                                                     "arr_date", "owner",   "salesforce", "hubspot"};

using Fields = std::vector<std::pair<std::string, std::optional<std::string>>>;

Fields fields_of(const CustomerSpec& spec)
{
  return {{"segment", spec.segment},       {"arr", spec.arr},        {"arr_date", spec.arr_date}, {"owner", spec.owner},
          {"salesforce", spec.salesforce}, {"hubspot", spec.hubspot}};
}

/// The fields checked and as written: arr as a plain number.
Fields checked(const EditSession& s, Fields f)
{
  for (auto& [key, v] : f) {
    if (!v || v->empty()) {
      continue;
    }
    if (key == "arr") {
      const std::optional<double> m = parse_money(*v);
      if (!m || *m < 0) {
        throw OpError(fmt::format("--arr {} is not an amount; write e.g. {}", quote(*v), k_money_examples));
      }
      *v = number_exact(*m);
    }
    if (key == "arr_date" && !parse_date(*v)) {
      throw OpError(fmt::format("--arr-date {} is not a date YYYY-MM-DD", quote(*v)));
    }
    if (key == "owner" && !s.ws.config.person(*v)) {
      throw OpError(fmt::format("unknown person {} as owner{}", quote(*v), did_you_mean(*v, person_ids(s.ws.config))),
                    "add them first with 'pops person add'");
    }
  }
  return f;
}

/// The index of `c` among the entries of customers.yaml's `customers:` list.
size_t index_of(const EditSession& s, const Customer* c)
{
  size_t i = 0;
  for (const Customer& x : s.ws.customers) {
    if (&x == c) {
      return i;
    }
    ++i;
  }
  throw OpError("the customer record is not in customers.yaml");
}

std::vector<std::string> record_names(const Workspace& ws)
{
  std::vector<std::string> out;
  for (const Customer& c : ws.customers) {
    out.push_back(c.name.value);
  }
  return out;
}

/// customers.yaml as it is, or a new file with an empty list.
std::string customers_text(const EditSession& s, bool& created)
{
  auto f = s.files.find(k_file);
  created = f == s.files.end();
  return created ? std::string("# Customer records: see docs/format.md\ncustomers:\n") : f->second;
}

EditPlan finish(const EditSession& s, std::vector<FileChange> changes, std::string id, std::string summary,
                std::string message)
{
  (void)s;
  EditPlan plan;
  plan.changes = std::move(changes);
  plan.id = std::move(id);
  plan.summary = std::move(summary);
  plan.message = std::move(message);
  return plan;
}

NewEntries new_record(const std::string& name, const std::vector<std::string>& aliases, const Fields& f)
{
  NewEntries e{{"name", NewValue::text(name)}};
  if (!aliases.empty()) {
    std::vector<NewScalar> a;
    for (const auto& x : aliases) {
      a.push_back({x, true});
    }
    e.emplace_back("aliases", NewValue::of_list(std::move(a)));
  }
  for (const auto& [key, v] : f) {
    if (v && !v->empty()) {
      e.emplace_back(key, key == "arr" || key == "arr_date" ? NewValue::plain(*v) : NewValue::text(*v));
    }
  }
  return e;
}

}  // namespace

EditPlan plan_customer_add(const EditSession& s, const CustomerSpec& spec)
{
  const std::string name(trim(spec.name));
  if (normalized_customer(name).empty()) {
    throw OpError(fmt::format("customer name {} has no letters or digits", quote(spec.name)));
  }
  const CustomerIndex records(s.ws);
  for (const auto& n : [&] {
         std::vector<std::string> all{name};
         all.insert(all.end(), spec.aliases.begin(), spec.aliases.end());
         return all;
       }()) {
    if (const Customer* c = records.find(n)) {
      throw OpError(fmt::format("customer {} has a record already: {} ({}:{})", quote(n), quote(c->name.value), c->file,
                                c->name.loc.line),
                    "change it with 'pops customer set'");
    }
  }
  const Fields f = checked(s, fields_of(spec));
  bool created = false;
  const std::string before = customers_text(s, created);
  std::string after;
  try {
    YamlText y(before);
    TextStyle st = y.style("customers");
    y.append_entry("customers", new_record(name, spec.aliases, f), st);
    after = y.text();
  } catch (const EditRefused& e) {
    throw OpError(fmt::format("cannot edit 'customers.yaml': {}", e.what()), "edit the customer by hand");
  }
  return finish(s, {{std::string(k_file), created ? std::string() : before, after, created}}, name,
                fmt::format("added customer {} to customers.yaml", quote(name)), fmt::format("Add customer {}", name));
}

EditPlan plan_customer_set(const EditSession& s, const CustomerSpec& spec)
{
  const Customer* c = find_customer(s.ws, spec.name);
  if (!c) {
    throw OpError(fmt::format("no customer record {}{}", quote(spec.name), did_you_mean(spec.name, record_names(s.ws))),
                  "add it with 'pops customer add'");
  }
  const Fields f = checked(s, fields_of(spec));
  const bool any =
    !spec.aliases.empty() || std::any_of(f.begin(), f.end(), [](const auto& x) { return x.second.has_value(); });
  if (!any) {
    throw OpError("nothing to set", "give at least one of the options of 'pops customer set'");
  }
  const CustomerIndex records(s.ws);
  for (const auto& a : spec.aliases) {
    if (const Customer* other = records.find(a); other && other != c) {
      throw OpError(
        fmt::format("{} names the customer {} already ({}:{})", quote(a), quote(other->name.value), other->file,
                    other->name.loc.line),
        fmt::format("merge them with 'pops customer merge {} {}'", quote(c->name.value), quote(other->name.value)));
    }
  }
  const std::string& before = s.files.at(std::string(k_file));
  std::string after;
  try {
    YamlText y(before);
    const TextStyle st = y.style("customers");
    const Path at{std::string("customers"), index_of(s, c)};
    for (const auto& a : spec.aliases) {
      if (!find_customer(s.ws, a)) {
        y.list_add(at, "aliases", {a, true}, st, k_order);
      }
    }
    for (const auto& [key, v] : f) {
      if (!v) {
        continue;
      }
      if (v->empty()) {
        y.remove(at, key);
      } else {
        y.set(at, key, key == "arr" || key == "arr_date" ? NewValue::plain(*v) : NewValue::text(*v), st, k_order);
      }
    }
    after = y.text();
  } catch (const EditRefused& e) {
    throw OpError(fmt::format("cannot edit 'customers.yaml': {}", e.what()), "edit the customer by hand");
  }
  std::vector<FileChange> ch;
  if (after != before) {
    ch.push_back({std::string(k_file), before, after, false});
  }
  return finish(s, std::move(ch), c->name.value,
                fmt::format("updated customer {} in customers.yaml", quote(c->name.value)),
                fmt::format("Update customer {}", c->name.value));
}

EditPlan plan_customer_merge(const EditSession& s, const std::string& into, const std::string& from)
{
  const Customer* a = find_customer(s.ws, into);
  const Customer* b = find_customer(s.ws, from);
  const std::string a_name = a ? a->name.value : std::string(trim(into));
  const std::string b_name(trim(from));
  if (normalized_customer(a_name).empty() || normalized_customer(b_name).empty()) {
    throw OpError("a customer name needs letters or digits");
  }
  if ((a && a == b) || normalized_customer(a_name) == normalized_customer(b_name)) {
    throw OpError(fmt::format("{} and {} are one customer already", quote(into), quote(from)));
  }
  // The spellings that name B: B folded, and, when B has its own record, its name and aliases.
  std::set<std::string> b_keys{normalized_customer(b_name)};
  std::vector<std::string> b_aliases;  // what becomes A's aliases
  if (b && b != a) {
    b_keys.insert(normalized_customer(b->name.value));
    b_aliases.push_back(b->name.value);
    for (const LStr& x : b->aliases) {
      b_keys.insert(normalized_customer(x.value));
      b_aliases.push_back(x.value);
    }
  } else {
    b_aliases.push_back(b_name);
  }
  std::vector<FileChange> changes;
  int rewritten = 0;
  for (const auto& [path, text] : s.files) {
    if (classify(path) != FileKind::feedback) {
      continue;
    }
    try {
      YamlText y(text);
      const YNode* entries = y.root().get("entries");
      if (!entries || !entries->is_seq()) {
        continue;
      }
      const TextStyle st = y.style("entries");
      std::vector<size_t> hits;
      for (size_t i = 0; i < entries->items.size(); ++i) {
        const YNode* c = entries->items[i].get("customer");
        if (c && c->is_scalar() && b_keys.count(normalized_customer(c->text))) {
          hits.push_back(i);
        }
      }
      for (size_t i : hits) {
        y.set({std::string("entries"), i}, "customer", NewValue::text(a_name), st);
        ++rewritten;
      }
      if (y.text() != text) {
        changes.push_back({path, text, y.text(), false});
      }
    } catch (const EditRefused& e) {
      throw OpError(fmt::format("cannot edit '{}': {}", path, e.what()), "edit the feedback by hand");
    }
  }
  // customers.yaml: B's record folded into A's, B an alias of A.
  bool created = false;
  const std::string before = customers_text(s, created);
  std::string after;
  try {
    YamlText y(before);
    const TextStyle st = y.style("customers");
    std::vector<std::string> add;
    std::set<std::string> have;
    if (a) {
      have.insert(normalized_customer(a->name.value));
      for (const LStr& x : a->aliases) {
        have.insert(normalized_customer(x.value));
      }
    }
    for (const auto& x : b_aliases) {
      if (have.insert(normalized_customer(x)).second) {
        add.push_back(x);
      }
    }
    if (b && b != a) {
      y.cut_entry("customers", index_of(s, b));
    }
    if (a) {
      size_t ia = index_of(s, a);
      if (b && b != a && index_of(s, b) < ia) {
        --ia;
      }
      for (const auto& x : add) {
        y.list_add({std::string("customers"), ia}, "aliases", {x, true}, st, k_order);
      }
    } else {
      Fields f;
      if (b && b != a) {  // A takes over B's record's fields
        f = {{"segment", b->segment.set ? std::optional(b->segment.value) : std::nullopt},
             {"arr", b->arr.set ? std::optional(number_exact(b->arr.value)) : std::nullopt},
             {"arr_date", b->arr_date.set ? std::optional(format_date(b->arr_date.value)) : std::nullopt},
             {"owner", b->owner.set ? std::optional(b->owner.value) : std::nullopt},
             {"salesforce", b->salesforce.set ? std::optional(b->salesforce.value) : std::nullopt},
             {"hubspot", b->hubspot.set ? std::optional(b->hubspot.value) : std::nullopt}};
      }
      y.append_entry("customers", new_record(a_name, add, f), st);
    }
    after = y.text();
  } catch (const EditRefused& e) {
    throw OpError(fmt::format("cannot edit 'customers.yaml': {}", e.what()), "edit the customers by hand");
  }
  if (after != before || created) {
    changes.push_back({std::string(k_file), created ? std::string() : before, after, created});
  }
  return finish(s, std::move(changes), a_name,
                fmt::format("merged customer {} into {}: {} feedback {} rewritten, {} recorded as an alias",
                            quote(b_name), quote(a_name), rewritten, rewritten == 1 ? "entry" : "entries",
                            quote(b_name)),
                fmt::format("Merge customer {} into {}", b_name, a_name));
}

}  // namespace pops
