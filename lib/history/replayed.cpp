#include "history/replayed.h"

#include <string_view>
#include <unordered_map>
#include <utility>

namespace pops {

namespace {

/// A value without its position.
template <class T> Located<T> bare(const Located<T>& v)
{
  Located<T> r;
  r.value = v.value;
  r.set = v.set;
  return r;
}

std::vector<LStr> bare(const std::vector<LStr>& v)
{
  std::vector<LStr> r;
  r.reserve(v.size());
  for (const auto& x : v) {
    r.push_back(bare(x));
  }
  return r;
}

}  // namespace

void replayed_fields(std::vector<Item>& items, std::vector<Feedback>& feedback, std::vector<Doc>& docs)
{
  for (auto& it : items) {
    Item s;
    s.file = std::move(it.file);
    s.id = bare(it.id);
    s.title = bare(it.title);
    s.status = bare(it.status);
    s.horizon = bare(it.horizon);
    s.squad = bare(it.squad);
    s.target = bare(it.target);
    s.moved_from = bare(it.moved_from);
    it = std::move(s);
  }
  for (auto& fb : feedback) {
    Feedback s;
    s.file = std::move(fb.file);
    s.id = bare(fb.id);
    s.items = bare(fb.items);
    fb = std::move(s);
  }
  for (auto& d : docs) {
    Doc s;
    s.file = std::move(d.file);
    s.type = bare(d.type);
    s.status = bare(d.status);
    s.items = bare(d.items);
    d = std::move(s);
  }
}

bool same_replayed(const Item& a, const Item& b)
{
  auto same = [](const auto& x, const auto& y) { return x.set == y.set && x.value == y.value; };
  return a.file == b.file && same(a.id, b.id) && same(a.title, b.title) && same(a.status, b.status)
         && same(a.horizon, b.horizon) && same(a.squad, b.squad) && same(a.moved_from, b.moved_from)
         && a.target.set == b.target.set && a.target.value.days == b.target.value.days;
}

bool same_replayed(const Feedback& a, const Feedback& b)
{
  if (a.file != b.file || a.id.set != b.id.set || a.id.value != b.id.value || a.items.size() != b.items.size()) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (a.items[i].set != b.items[i].set || a.items[i].value != b.items[i].value) {
      return false;
    }
  }
  return true;
}

template <class T> void drop_unchanged(std::vector<T>& before, std::vector<T>& after, size_t b0, size_t a0)
{
  auto count = [](const std::vector<T>& v, size_t from) {
    std::unordered_map<std::string_view, std::pair<int, size_t>> m;
    for (size_t i = from; i < v.size(); ++i) {
      if (v[i].id.set) {
        auto& e = m[v[i].id.value];
        ++e.first;
        e.second = i;
      }
    }
    return m;
  };
  std::vector<char> drop_before(before.size(), 0);
  std::vector<char> drop_after(after.size(), 0);
  {
    const auto in_before = count(before, b0);
    const auto in_after = count(after, a0);
    for (const auto& [id, e] : in_before) {
      auto it = in_after.find(id);
      if (e.first == 1 && it != in_after.end() && it->second.first == 1
          && same_replayed(before[e.second], after[it->second.second])) {
        drop_before[e.second] = 1;
        drop_after[it->second.second] = 1;
      }
    }
  }
  auto erase = [](std::vector<T>& v, const std::vector<char>& drop) {
    size_t k = 0;
    for (size_t i = 0; i < v.size(); ++i) {
      if (!drop[i]) {
        if (k != i) {
          v[k] = std::move(v[i]);
        }
        ++k;
      }
    }
    v.resize(k);
  };
  erase(before, drop_before);
  erase(after, drop_after);
}

HistoryFragment replayed(const std::vector<Item>& items, const std::vector<Feedback>& feedback,
                         const std::vector<Doc>& docs)
{
  HistoryFragment f;
  f.items = items;
  f.feedback = feedback;
  f.docs = docs;
  replayed_fields(f.items, f.feedback, f.docs);
  return f;
}

template void drop_unchanged(std::vector<Item>&, std::vector<Item>&, size_t, size_t);
template void drop_unchanged(std::vector<Feedback>&, std::vector<Feedback>&, size_t, size_t);

}  // namespace pops
