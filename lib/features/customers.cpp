// Customers with their feedback and items. See customers.h.

#include "features/customers.h"

#include "base/text.h"
#include "features/insights.h"
#include "workspace/customers.h"

#include <algorithm>
#include <map>
#include <set>

namespace pops {

std::vector<CustomerSummary> customer_summaries(const Workspace& ws)
{
  const auto arr = customer_arr(ws);
  const CustomerIndex records(ws);
  std::vector<CustomerSummary> out;
  std::map<std::string, size_t> index;  // "\x01" + record name, or customer_key of the spelling
  for (const Customer& c : ws.customers) {
    if (!c.name.set || records.find(c.name.value) != &c) {
      continue;  // a second record of the same name: customer-duplicate says so
    }
    index.emplace("\x01" + c.name.value, out.size());
    CustomerSummary s;
    s.name = c.name.value;
    s.record = &c;
    out.push_back(std::move(s));
  }
  for (const Feedback* fb : filter_feedback(ws, {})) {
    if (!fb->customer.set || trim(fb->customer.value).empty()) {
      continue;
    }
    const Customer* rec = records.find(fb->customer.value);
    const std::string k = rec ? "\x01" + rec->name.value : customer_key(fb->customer.value);
    auto [it, fresh] = index.emplace(k, out.size());
    if (fresh) {
      CustomerSummary s;
      s.name = std::string(trim(fb->customer.value));
      out.push_back(std::move(s));
    }
    CustomerSummary& s = out[it->second];
    s.feedback.push_back(fb);
    if (fb->segment.set && !fb->segment.value.empty()) {
      s.segment = fb->segment.value;  // the latest entry's; the record's below wins
    }
  }
  for (CustomerSummary& s : out) {
    std::set<std::string> items;
    for (const Feedback* fb : s.feedback) {
      for (const LStr& i : fb->items) {
        items.insert(i.value);
      }
    }
    s.items.assign(items.begin(), items.end());
    auto a = arr.find(customer_key(s.name));
    if (a != arr.end()) {
      if (a->second.has_arr) {
        s.arr = a->second.arr;
        s.arr_from = a->second.from;
      }
      if (!a->second.segment.empty()) {
        s.segment = a->second.segment;
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const CustomerSummary& a, const CustomerSummary& b) { return lower(a.name) < lower(b.name); });
  return out;
}

}  // namespace pops
