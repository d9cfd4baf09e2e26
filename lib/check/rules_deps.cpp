// dependency-cycle, dependency-order.

#include "check/rule_impl.h"
#include "base/date.h"
#include "workspace/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace pops {

namespace {

/// Items as a graph: index -> indexes of the items it depends on (existing ones only).
std::vector<std::vector<size_t>> dependency_graph(const Workspace& ws)
{
  std::vector<std::vector<size_t>> g(ws.items.size());
  for (size_t i = 0; i < ws.items.size(); ++i) {
    for (const auto& d : ws.items[i].depends_on) {
      if (auto it = ws.item_index.find(d.value); it != ws.item_index.end()) {
        g[i].push_back(it->second);
      }
    }
  }
  return g;
}

}  // namespace

void rule_dependency_cycle(const RuleContext& c)
{
  const auto& items = c.ws.items;
  const auto g = dependency_graph(c.ws);
  // Tarjan's strongly connected components, iteratively (deep graphs must not overflow the stack).
  const size_t n = items.size();
  std::vector<int> index(n, -1);
  std::vector<int> low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<size_t> stack;
  std::vector<std::vector<size_t>> sccs;
  int counter = 0;
  for (size_t s = 0; s < n; ++s) {
    if (index[s] != -1) {
      continue;
    }
    std::vector<std::pair<size_t, size_t>> call{{s, 0}};
    index[s] = low[s] = counter++;
    stack.push_back(s);
    on_stack[s] = true;
    while (!call.empty()) {
      auto& [v, next] = call.back();
      if (next < g[v].size()) {
        size_t w = g[v][next++];
        if (index[w] == -1) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          call.emplace_back(w, 0);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::vector<size_t> scc;
        size_t w = 0;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          scc.push_back(w);
        } while (w != v);
        sccs.push_back(std::move(scc));
      }
      size_t done = v;
      call.pop_back();
      if (!call.empty()) {
        low[call.back().first] = std::min(low[call.back().first], low[done]);
      }
    }
  }
  for (auto& scc : sccs) {
    const bool self_loop = scc.size() == 1 && std::find(g[scc[0]].begin(), g[scc[0]].end(), scc[0]) != g[scc[0]].end();
    if (scc.size() < 2 && !self_loop) {
      continue;
    }
    std::vector<bool> in(n, false);
    for (size_t v : scc) {
      in[v] = true;
    }
    const size_t start = *std::min_element(scc.begin(), scc.end(),
                                           [&](size_t a, size_t b) { return items[a].id.value < items[b].id.value; });
    // Shortest path from start back to start inside the component (BFS).
    std::vector<long> parent(n, -1);
    std::vector<size_t> queue{start};
    long found_from = -1;
    for (size_t qi = 0; qi < queue.size() && found_from < 0; ++qi) {
      size_t v = queue[qi];
      for (size_t w : g[v]) {
        if (w == start) {
          found_from = static_cast<long>(v);
          break;
        }
        if (in[w] && parent[w] == -1 && w != start) {
          parent[w] = static_cast<long>(v);
          queue.push_back(w);
        }
      }
    }
    std::vector<size_t> path;
    for (long v = found_from; v >= 0 && static_cast<size_t>(v) != start; v = parent[static_cast<size_t>(v)]) {
      path.push_back(static_cast<size_t>(v));
    }
    path.push_back(start);
    std::reverse(path.begin(), path.end());
    std::string text;
    for (size_t i = 0; i < path.size(); ++i) {
      if (path.size() > 12 && i == 10) {
        text += fmt::format("... ({} more) -> ", path.size() - 11);
        i = path.size() - 1;
      }
      text += items[path[i]].id.value + " -> ";
    }
    text += items[start].id.value;
    const Item& first = items[start];
    const std::string next_id = path.size() > 1 ? items[path[1]].id.value : first.id.value;
    Loc at = first.id.loc;
    for (const auto& d : first.depends_on) {
      if (d.value == next_id) {
        at = d.loc;
        break;
      }
    }
    std::vector<std::string> about;
    for (size_t v : scc) {
      if (items[v].squad.set) {
        about.push_back(items[v].squad.value);
      }
    }
    c.add(first.file, at, "dependency-cycle", fmt::format("dependency cycle: {}", text), about);
  }
}

void rule_dependency_order(const RuleContext& c)
{
  const Config& cfg = c.ws.config;
  auto rank = [&](const std::string& h) {
    for (size_t i = 0; i < cfg.horizons.size(); ++i) {
      if (cfg.horizons[i].value == h) {
        return static_cast<int>(i);
      }
    }
    return -1;
  };
  for (const auto& it : c.ws.items) {
    if (it.status.value == "dropped") {
      continue;
    }
    for (const auto& d : it.depends_on) {
      const Item* dep = c.ws.item(d.value);
      if (!dep || dep == &it || dep->status.value == "dropped") {
        continue;
      }
      if (it.status.value == "shipped" && dep->status.set && dep->status.value != "shipped") {
        c.add(it.file, d.loc, "dependency-order",
              fmt::format("{} is shipped but depends on {}, which is {}", it.id.value, dep->id.value,
                          quote(dep->status.value)),
              c.squads_of(it));
        continue;
      }
      if (it.status.value == "shipped" || !it.horizon.set || !dep->horizon.set) {
        continue;
      }
      const std::string& a = it.horizon.value;
      const std::string& b = dep->horizon.value;
      bool earlier = false;
      if (is_quarter(a) && is_quarter(b)) {
        earlier = a < b;
      } else if (rank(a) >= 0 && rank(b) >= 0) {
        earlier = rank(a) < rank(b);
      }
      if (earlier && dep->status.value != "shipped") {
        c.add(it.file, d.loc, "dependency-order",
              fmt::format("{} is planned for {} but depends on {}, planned for {}", it.id.value, quote(a),
                          dep->id.value, quote(b)),
              c.squads_of(it));
      }
    }
  }
}

}  // namespace pops
